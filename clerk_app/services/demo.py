"""A complete demo meeting of a fictional council, using every kind of minute block.

Harrowfield Borough Council and everyone in it are invented.
"""

from __future__ import annotations

from datetime import date, time

from clerk_app.domain.model import (
    AttendanceStatus,
    Body,
    BodyKind,
    ChangeKind,
    ClauseStyle,
    LeadIn,
    Meeting,
    MotionKind,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Person,
    PersonKind,
    Points,
    PointStyle,
    Role,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.services.service import Services

BODY_NAME = "Communities and Environment Committee"
AUTHORITY = "Harrowfield Borough Council"

MEMBERS = [
    ("Margaret", "Ellison", "Mrs", Role.CHAIR),
    ("Daniel", "Okafor", "", Role.VICE_CHAIR),
    ("Siân", "Øvergaard", "Ms", Role.MEMBER),
    ("Peter", "Russell", "", Role.MEMBER),
    ("Harriet", "Quayle", "Dr", Role.MEMBER),
    ("Tom", "Brennan", "", Role.MEMBER),
    ("Aisha", "Rahman", "", Role.MEMBER),
    ("Graham", "Lowther", "", Role.MEMBER),
    ("Nicola", "Pike", "Mrs", Role.MEMBER),
    ("Joseph", "Fairweather", "", Role.RESERVE),
]
OFFICERS = [
    ("Ruth", "Adebayo", "Director of Place"),
    ("Colin", "Marsh", "Head of Legal Services"),
    ("Imogen", "Hart", "Democratic Services Officer"),
]


def demo_body(svc: Services) -> Body:
    body = svc.create_body(BODY_NAME, BodyKind.COMMITTEE, authority=AUTHORITY)
    body.settings.chair_title = "Chairman"
    body.settings.vice_chair_title = "Vice-Chairman"
    body.settings.numbering.sub_paragraphs = True
    body.settings.quorum = 3
    for first, last, honorific, role in MEMBERS:
        body.people.append(Person(first, last, honorific, role=role))
    for first, last, post in OFFICERS:
        body.people.append(Person(first, last, kind=PersonKind.OFFICER, post=post))
    body.people.append(
        Person("Lucy", "Danvers", kind=PersonKind.OTHER, post="Ward Councillor for Millbrook")
    )
    return svc.save_body(body)


def create_demo(svc: Services, on: date | None = None) -> Meeting:
    """Create the demo body (each time a new one) and a finished demo meeting."""
    body = demo_body(svc)
    people = {p.last_name: p.id for p in body.people}
    agenda = [
        "Public questions",
        "Millbrook Town Centre Parking Strategy",
        "Climate Action Plan: annual progress report",
        "Exclusion of the press and public",
        "[exempt 3] Disposal of land at Canal Street depot",
    ]
    meeting = svc.create_meeting(
        body.id,
        on or date(2026, 2, 3),
        venue="the Council Chamber, Harrowfield Town Hall",
        start_time=time(14, 0),
        agenda=agenda,
    )
    svc.set_attendance(
        meeting,
        people["Pike"],
        AttendanceStatus.APOLOGIES,
        reason="attending a hospital appointment",
    )
    svc.set_attendance(
        meeting, people["Fairweather"], AttendanceStatus.SUBSTITUTE, substitute_for=people["Pike"]
    )
    svc.set_attendance(meeting, people["Lowther"], AttendanceStatus.REMOTE, note="via Teams")
    for last in ("Adebayo", "Marsh", "Hart"):
        svc.set_attendance(meeting, people[last], AttendanceStatus.OFFICER)
    svc.set_attendance(meeting, people["Danvers"], AttendanceStatus.OTHER)
    svc.set_public_count(meeting, 7)
    svc.start_meeting(meeting, time(14, 0))
    items = {it.title: it for it in meeting.items}
    ids = [it.id for it in meeting.items]

    # declarations, previous minutes (the apologies item writes its own sentences)
    svc.record_declaration(
        meeting,
        ids[1],
        people["Quayle"],
        "other registrable interest",
        reason="a trustee of the Millbrook Traders' Association (minute on the parking strategy)",
    )
    approve = svc.move_motion(
        meeting,
        ids[2],
        mover_id=people["Okafor"],
        seconder_id=people["Brennan"],
        clauses=[
            "the minutes of the meeting held on 9 December 2025 be approved as a correct "
            "record and signed by the Chairman."
        ],
        clause_style=ClauseStyle.NONE,
    )
    svc.record_vote(meeting, ids[2], approve.id, Vote(kind=VoteKind.UNANIMOUS), Outcome.CARRIED)
    svc.add_block(meeting, ids[3], Paragraph(text="There were no items of urgent business."))

    # public questions
    q = items["Public questions"].id
    svc.add_block(
        meeting,
        q,
        Paragraph(
            text="A resident of Station Road asked when the footpath resurfacing promised for the "
            "autumn would begin. The Director of Place replied that the contractor would start on "
            "16 March and that residents would be written to a fortnight before."
        ),
    )

    # parking strategy: numbered paragraphs, points, departure, amendment lost, substantive carried
    p = items["Millbrook Town Centre Parking Strategy"]
    p.purpose = (
        "To consider the draft parking strategy for Millbrook town centre before "
        "public consultation."
    )
    p.report_author = "Ruth Adebayo, Director of Place"
    svc.update_item(meeting, p)
    svc.add_block(
        meeting,
        p.id,
        Paragraph(
            text="The Director of Place introduced the report, explaining that occupancy of the "
            "three council car parks had risen to 94% on Saturdays and that the strategy proposed "
            "a mix of tariff changes and improved signage."
        ),
    )
    svc.add_block(
        meeting,
        p.id,
        Points(
            intro="Members asked questions and made comments, including:",
            points=[
                "whether a £1 evening tariff would deter visitors to the Market Hall – officers "
                "said usage would be reviewed after six months",
                "the need for more blue-badge bays near the health centre",
                "concern that displaced parking would move into residential streets",
            ],
            style=PointStyle.BULLETS,
        ),
    )
    svc.record_attendance_change(meeting, p.id, people["Rahman"], ChangeKind.LEFT, at=time(14, 52))
    amendment_target = svc.move_motion(
        meeting,
        p.id,
        mover_id=people["Okafor"],
        seconder_id=people["Øvergaard"],
        preamble="That the Committee:",
        clauses=[
            "approves the draft Millbrook Town Centre Parking Strategy for public consultation;",
            "asks officers to report the consultation results to the June meeting; and",
            "delegates minor changes to the consultation material to the Director of Place.",
        ],
        lead_in=LeadIn.RESOLVED,
    )
    amendment = svc.move_motion(
        meeting,
        p.id,
        mover_id=people["Russell"],
        seconder_id=people["Brennan"],
        kind=MotionKind.AMENDMENT,
        amends_id=amendment_target.id,
        preamble="That the Committee:",
        clauses=["defers the strategy until a residents' parking survey has been completed."],
        clause_style=ClauseStyle.NONE,
    )
    svc.record_vote(
        meeting,
        p.id,
        amendment.id,
        Vote(kind=VoteKind.COUNTS, for_count=2, against_count=5, abstain_count=1),
        Outcome.LOST,
    )
    svc.record_vote(
        meeting,
        p.id,
        amendment_target.id,
        Vote(kind=VoteKind.COUNTS, for_count=6, against_count=1, abstain_count=1),
        Outcome.CARRIED,
    )
    svc.add_action(
        meeting,
        p.id,
        "Publish the consultation and write to residents of the streets next to the car parks",
        owner="Director of Place",
        owner_id=people["Adebayo"],
        due=date(2026, 3, 2),
    )

    # climate: named vote, adjournment
    c = items["Climate Action Plan: annual progress report"]
    c.purpose = "To note progress against the Climate Action Plan in 2025."
    svc.update_item(meeting, c)
    svc.add_block(
        meeting,
        c.id,
        Paragraph(
            text="Members welcomed the 11% fall in the Council's own emissions and asked for the "
            "fleet replacement programme to be brought forward."
        ),
    )
    svc.adjourn(meeting, c.id, time(15, 40), reason="to allow members to read a late tabled paper")
    svc.resume(meeting, c.id, time(15, 50))
    climate = svc.move_motion(
        meeting,
        c.id,
        mover_id=people["Øvergaard"],
        seconder_id=people["Quayle"],
        preamble="That:",
        clauses=[
            "the progress report be noted; and",
            "Cabinet be asked to bring forward the electric fleet programme by one year.",
        ],
        clause_style=ClauseStyle.LETTERS,
        lead_in=LeadIn.RESOLVED,
    )
    body = svc.get_body(body.id)
    named: dict[str, VoteChoice] = {}
    present = [
        a.person_id
        for a in meeting.attendance
        if a.status
        in (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.SUBSTITUTE)
        and a.person_id != people["Rahman"]
    ]
    for pid in present:
        named[pid] = VoteChoice.FOR
    named[people["Lowther"]] = VoteChoice.AGAINST
    named[people["Russell"]] = VoteChoice.ABSTAIN
    svc.record_vote(
        meeting, c.id, climate.id, Vote(kind=VoteKind.NAMED, named=named), Outcome.CARRIED
    )

    # exclusion of the press and public, then the exempt item
    x = items["Exclusion of the press and public"]
    exclusion = svc.move_motion(
        meeting,
        x.id,
        mover_id=people["Ellison"],
        seconder_id=people["Okafor"],
        kind=MotionKind.PROCEDURAL,
        clauses=[
            "under Section 100A(4) of the Local Government Act 1972 the press and public be "
            "excluded from the meeting for the following item of business on the grounds "
            "that it involves the likely disclosure of exempt information as defined in "
            "paragraph 3 of Part 1 of Schedule 12A to the Act."
        ],
        clause_style=ClauseStyle.NONE,
    )
    svc.record_vote(meeting, x.id, exclusion.id, Vote(kind=VoteKind.UNANIMOUS), Outcome.CARRIED)
    d = items["Disposal of land at Canal Street depot"]
    d.purpose = "To consider offers received for the former depot site."
    d.report_author = "Colin Marsh, Head of Legal Services"
    svc.update_item(meeting, d)
    svc.add_block(
        meeting,
        d.id,
        Paragraph(
            text="The Head of Legal Services summarised the three offers received and the "
            "valuer's advice on the highest bidder's conditions."
        ),
    )
    disposal = svc.move_motion(
        meeting,
        d.id,
        mover_id=people["Ellison"],
        seconder_id=people["Fairweather"],
        clauses=[
            "the offer from Bridgewater Homes Ltd be accepted subject to contract; and",
            "the Head of Legal Services be authorised to complete the sale.",
        ],
    )
    svc.record_vote(
        meeting,
        d.id,
        disposal.id,
        Vote(
            kind=VoteKind.CASTING,
            for_count=4,
            against_count=4,
            abstain_count=0,
            casting_person_id=people["Ellison"],
            casting_choice=VoteChoice.FOR,
        ),
        Outcome.CARRIED,
    )
    svc.add_block(
        meeting, d.id, Note(note_kind=NoteKind.TEXT, text="The press and public were readmitted.")
    )
    svc.end_meeting(meeting, time(16, 25))
    return meeting
