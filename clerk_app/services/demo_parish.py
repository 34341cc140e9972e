"""A small demo meeting of a fictional parish council, using the structures real parish
minutes hold: declarations with what each member did, the clerk's own nil return,
section headings between items and lettered sub-items.

Brackenford Parish Council and everyone in it are invented.
"""

from __future__ import annotations

from datetime import date, time

from clerk_app.domain.model import (
    AttendanceStatus,
    Body,
    BodyKind,
    Heading,
    InterestConduct,
    ItemKind,
    Meeting,
    Motion,
    Moving,
    NamingStyle,
    NumberingMode,
    Outcome,
    Paragraph,
    Person,
    PersonKind,
    Role,
    Vote,
    VoteKind,
)
from clerk_app.services.service import Services

COUNCILLORS = [
    ("Helen", "Ashworth", "Mrs", Role.CHAIR),
    ("Owen", "Pritchard", "Mr", Role.VICE_CHAIR),
    ("Farida", "Malik", "Ms", Role.MEMBER),
    ("Stuart", "Greaves", "Mr", Role.MEMBER),
    ("Bethan", "Lloyd", "Mrs", Role.MEMBER),
]


def parish_body(svc: Services) -> Body:
    body = svc.create_body("Brackenford Parish Council", BodyKind.PARISH)
    body.settings.chair_title = "Chairman"
    body.settings.naming = NamingStyle.CLLR_SURNAME
    body.settings.numbering.mode = NumberingMode.CONTINUOUS
    body.settings.numbering.pattern = "{n}/{yy}"
    body.settings.numbering.first_number = 41
    body.settings.lead_in = "RESOLVED: that"
    body.settings.clock_24h = False
    for first, last, honorific, role in COUNCILLORS:
        body.people.append(Person(first, last, honorific, role=role))
    body.people.append(
        Person(
            "Janet", "Cole", kind=PersonKind.OFFICER, post="Clerk and Responsible Financial Officer"
        )
    )
    return svc.save_body(body)


def create_parish_demo(svc: Services, on: date | None = None) -> Meeting:
    """Create the parish demo body (each time a new one) and its finished meeting."""
    body = parish_body(svc)
    people = {p.last_name: p.id for p in body.people}
    meeting = svc.create_meeting(
        body.id,
        on or date(2026, 4, 14),
        venue="Brackenford Village Hall",
        start_time=time(19, 30),
        agenda=[  # the body's standard items come first
            "# Reports",
            "Clerk's report",
            "# Planning",
            "Planning applications received",
        ],
    )
    svc.set_attendance(meeting, people["Lloyd"], AttendanceStatus.APOLOGIES, reason="work")
    svc.set_attendance(meeting, people["Cole"], AttendanceStatus.OFFICER)
    svc.set_public_count(meeting, 3)
    svc.start_meeting(meeting, time(19, 30))
    items = {it.title: it for it in meeting.items}

    kinds = {it.kind: it.id for it in meeting.items}
    svc.record_nil_declarations(meeting, kinds[ItemKind.DECLARATIONS])
    minutes = kinds[ItemKind.PREVIOUS_MINUTES]
    approve = svc.move_motion(
        meeting,
        minutes,
        mover_id=people["Pritchard"],
        seconder_id=people["Malik"],
        clauses=["the minutes of the meeting held on 10 March 2026 be signed as a true record."],
    )
    svc.record_vote(meeting, minutes, approve.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)

    report = items["Clerk's report"].id
    for block in (
        Heading(text="Bus shelter on Mill Road", numbered=True),
        Paragraph(text="The insurer has agreed to pay for the replacement glass panel."),
        Heading(text="Grit bins", numbered=True),
        Paragraph(text="Two bins at Hollin Lane are to be refilled before the winter."),
        Heading(text="Correspondence"),
        Paragraph(text="A letter of thanks had been received from the Brackenford Bowls Club."),
    ):
        svc.add_block(meeting, report, block)
    # the grit bins: moved by the Chair, carried with one against (the rest not counted)
    grit = svc.add_block(
        meeting,
        report,
        Motion(moving=Moving.CHAIR, clauses=["a third grit bin be bought for Hollin Lane"]),
        index=4,
    )
    rest = Vote(VoteKind.COUNTS, None, 1, None, rest_for=True)
    svc.record_vote(meeting, report, grit.id, rest)
    # the Bowls Club's letter: a motion by the Council's Tree Warden, referred on
    letter = svc.add_block(
        meeting,
        report,
        Motion(
            mover_text="the Tree Warden",
            seconder_id=people["Malik"],
            clauses=["the Council plants two cherry trees beside the bowling green"],
        ),
    )
    svc.record_vote(
        meeting,
        report,
        letter.id,
        Vote(VoteKind.WITHOUT_VOTE),
        Outcome.REFERRED,
        by_hand=True,
        detail="the Open Spaces Working Party",
    )

    planning = items["Planning applications received"].id
    svc.record_declaration(
        meeting,
        planning,
        people["Greaves"],
        "",
        "his garden adjoins the site",
        conduct=InterestConduct.LEFT_ROOM,
        scope="application 26/00318/HOU",
        at=time(20, 5),
    )
    svc.record_declaration(
        meeting,
        planning,
        people["Malik"],
        "other registrable interest",
        "a committee member of the Brackenford Bowls Club",
        conduct=InterestConduct.NO_VOTE,
        scope="application 26/00342/FUL",
        at=time(20, 6),
    )
    svc.add_block(
        meeting,
        planning,
        Paragraph(text="The Council considered the applications listed on the agenda."),
    )
    svc.end_meeting(meeting, time(20, 50))
    return svc.get_meeting(meeting.id)
