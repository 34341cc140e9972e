"""Demo meetings of a school's full governing board and an NHS trust board meeting in
public, minuted with the structures their clerks use: a quorum statement, declarations,
governors' questions and the answers, policies approved, actions with the owner's
initials and a date; the Board noting, receiving and approving papers, questions from
the public and an attendance table with part-meeting marks.

Oakhollow Primary School, Wyvern Valley NHS Foundation Trust and everyone in them are
invented.
"""

from __future__ import annotations

import re
from datetime import date, time

from clerk_app.domain.model import (
    AttendanceStatus,
    Body,
    BodyKind,
    ChangeKind,
    LeadIn,
    Meeting,
    Paragraph,
    Person,
    PersonKind,
    Points,
    PointStyle,
    Role,
    VoteKind,
)
from clerk_app.services.demo_common import carried
from clerk_app.services.service import Services

# (first, last, honorific, role, post): governors with their category
GOVERNORS = [
    ("Priya", "Haldane", "Mrs", Role.CHAIR, "Co-opted Governor"),
    ("Owen", "Tracey", "Mr", Role.VICE_CHAIR, "Parent Governor"),
    ("Miriam", "Ashby", "Ms", Role.MEMBER, "Headteacher"),
    ("Lewis", "Fenwick", "Mr", Role.MEMBER, "Staff Governor"),
    ("Gwen", "Marlowe", "Dr", Role.MEMBER, "Local Authority Governor"),
    ("Samir", "Qadri", "Mr", Role.MEMBER, "Co-opted Governor"),
    ("Ffion", "Ridley", "Mrs", Role.MEMBER, "Parent Governor"),
    ("Daniel", "Okafor", "Mr", Role.MEMBER, "Co-opted Governor"),
]

# (first, last, honorific, role, post): the board's directors
DIRECTORS = [
    ("Catherine", "Moreau", "", Role.CHAIR, "Chair"),
    ("Declan", "Price", "", Role.MEMBER, "Chief Executive"),
    ("Ayesha", "Rahman", "", Role.MEMBER, "Director of Finance"),
    ("Bethan", "Lowe", "", Role.MEMBER, "Chief Nurse"),
    ("Ravi", "Menon", "Dr", Role.MEMBER, "Medical Director"),
    ("Fiona", "Sallis", "", Role.VICE_CHAIR, "Non-Executive Director, Vice-Chair"),
    ("George", "Achterberg", "", Role.MEMBER, "Non-Executive Director"),
    ("Helen", "Obi", "", Role.MEMBER, "Non-Executive Director"),
]


def _people(body: Body, rows: list[tuple[str, str, str, Role, str]]) -> Body:
    for first, last, honorific, role, post in rows:
        body.people.append(Person(first, last, honorific, role=role, post=post))
    return body


def _ids(body: Body) -> dict[str, str]:
    return {p.last_name: p.id for p in body.people}


def _items(meeting: Meeting) -> dict[str, str]:
    """Item ids by the first word of their title, lower case."""
    return {re.split(r"[\W]", it.title.lower())[0]: it.id for it in meeting.items}


def _noted(
    svc: Services, meeting: Meeting, item_id: str, what: str, lead_in: LeadIn = LeadIn.NOTED
) -> None:
    """The body noted (or received) a paper, without a motion or a vote."""
    carried(svc, meeting, item_id, [what], lead_in=lead_in)


def create_school_demo(svc: Services, on: date | None = None) -> Meeting:
    """A full governing board meeting of a primary school, finished and ready to export."""
    body = svc.create_body("Full Governing Board", BodyKind.SCHOOL, "Oakhollow Primary School")
    body = _people(body, GOVERNORS)
    body.settings.quorum = 4  # half of the eight governors in post, rounded up
    body.people.append(
        Person("Harriet", "Blythe", "Mrs", kind=PersonKind.OFFICER, post="Clerk to the Governors")
    )
    body = svc.save_body(body)
    ids = _ids(body)
    meeting = svc.create_meeting(
        body.id,
        on or date(2026, 3, 10),
        venue="the school library",
        start_time=time(18, 0),
        agenda=["Headteacher’s report", "Policies for approval", "Date of the next meeting"],
    )
    svc.set_attendance(
        meeting, ids["Ridley"], AttendanceStatus.APOLOGIES, reason="work commitments"
    )
    svc.set_attendance(meeting, ids["Okafor"], AttendanceStatus.ABSENT)
    svc.set_attendance(meeting, ids["Blythe"], AttendanceStatus.OFFICER)
    svc.start_meeting(meeting, time(18, 0))
    items = _items(meeting)

    welcome = items["welcome"]
    svc.add_block(
        meeting,
        welcome,
        Paragraph(text="The Chair welcomed governors and opened the meeting."),
    )
    svc.add_block(
        meeting,
        welcome,
        Paragraph(
            text="Apologies had been received from FR (work commitments); governors "
            "consented to her absence. DO did not attend and had not sent apologies."
        ),
    )
    svc.add_block(meeting, welcome, Paragraph(text="The meeting was confirmed as quorate."))

    svc.record_nil_declarations(meeting, items["declarations"])

    minutes = items["minutes"]
    carried(
        svc,
        meeting,
        minutes,
        [
            "the Part A minutes of the meeting held on 27 January 2026 be approved as a "
            "true and accurate record and signed by the Chair"
        ],
        vote=VoteKind.UNANIMOUS,
    )

    arising = items["matters"]
    svc.add_block(
        meeting,
        arising,
        Points(
            intro="Governors reviewed the action log from the last meeting:",
            points=[
                "the safeguarding training dates had been circulated (complete)",
                "the governors’ visit to the Year 6 residential trip had been carried "
                "forward to the summer term",
            ],
        ),
    )

    report = items["headteacher"]
    svc.add_block(
        meeting,
        report,
        Paragraph(
            text="MA presented her report, circulated in advance, covering attendance, "
            "the spring assessment results and the building works over half-term."
        ),
    )
    svc.add_block(
        meeting,
        report,
        Points(
            intro="Governors asked the following questions:",
            points=[
                "Why had persistent absence risen in Year 4?",
                "Two families had moved away during the term and had only now been taken "
                "off roll; without them the figure was in line with last year.",
                "How would the school know whether the new phonics scheme was working?",
                "Every pupil in Reception and Year 1 was assessed each half term and the "
                "results would come to the next meeting.",
                "Was the roof repair within budget?",
                "Yes, by about £1,200, which would be kept as a contingency.",
            ],
            style=PointStyle.QUESTIONS,
        ),
    )
    _noted(svc, meeting, report, "the Headteacher’s report")
    svc.add_block(meeting, report, Paragraph(text="The Chair thanked MA for her report."))
    svc.add_action(
        meeting,
        report,
        "Bring the phonics assessment results to the summer meeting",
        owner_id=ids["Ashby"],
        due=date(2026, 6, 16),
    )

    policies = items["policies"]
    carried(
        svc,
        meeting,
        policies,
        [
            "the Charging and Remissions Policy be approved",
            "the Accessibility Plan 2026–2029 be approved",
        ],
        mover=ids["Marlowe"],
        seconder=ids["Qadri"],
        vote=VoteKind.UNANIMOUS,
    )
    svc.add_action(
        meeting,
        policies,
        "Publish both policies on the school website",
        owner_id=ids["Blythe"],
        due=date(2026, 3, 27),
    )

    svc.add_block(
        meeting,
        items["date"],
        Paragraph(text="The next meeting will be held on Tuesday 16 June 2026 at 6.00 pm."),
    )
    _part_b(svc, meeting, ids)
    svc.end_meeting(meeting, time(19, 45))
    return svc.get_meeting(meeting.id)


def _part_b(svc: Services, meeting: Meeting, ids: dict[str, str]) -> None:
    """A confidential (Part B) item: the staff governor leaves the room, and governors
    agree a pay recommendation."""
    pay = svc.add_item(
        meeting, "Pay committee recommendations", part=2, public_heading="Staffing matter"
    )
    svc.record_attendance_change(
        meeting, pay.id, ids["Fenwick"], ChangeKind.LEFT_ROOM, time(19, 30)
    )
    svc.add_block(
        meeting,
        pay.id,
        Paragraph(
            text="GM, who chairs the pay committee, presented its recommendations on pay "
            "progression for teaching staff, made after the Headteacher’s review of each "
            "teacher’s appraisal. Governors were satisfied that the recommendations followed "
            "the school’s pay policy and were within the budget."
        ),
    )
    carried(
        svc,
        meeting,
        pay.id,
        ["the pay committee’s recommendations for teaching staff be accepted"],
        mover=ids["Tracey"],
        seconder=ids["Marlowe"],
        vote=VoteKind.UNANIMOUS,
    )
    svc.record_attendance_change(meeting, pay.id, ids["Fenwick"], ChangeKind.RETURNED, time(19, 40))


def create_nhs_demo(svc: Services, on: date | None = None) -> Meeting:
    """A trust board meeting in public, finished and ready to export."""
    body = svc.create_body(
        "Board of Directors", BodyKind.NHS_BOARD, "Wyvern Valley NHS Foundation Trust"
    )
    body = _people(body, DIRECTORS)
    body.people.append(Person("Martin", "Keble", kind=PersonKind.OFFICER, post="Company Secretary"))
    body.people.append(Person("Alys", "Penrose", kind=PersonKind.OTHER, post="Public Governor"))
    body = svc.save_body(body)
    ids = _ids(body)
    meeting = svc.create_meeting(
        body.id,
        on or date(2026, 5, 28),
        venue="the Boardroom, Wyvern Valley Hospital",
        start_time=time(10, 0),
        agenda=[
            "Chief Executive’s report",
            "Integrated quality and performance report",
            "Finance report: month 1",
            "Date of the next meeting",
        ],
    )
    svc.set_attendance(meeting, ids["Obi"], AttendanceStatus.APOLOGIES)
    svc.set_attendance(meeting, ids["Keble"], AttendanceStatus.OFFICER)
    svc.set_attendance(meeting, ids["Penrose"], AttendanceStatus.OTHER)
    svc.set_public_count(meeting, 4)
    svc.start_meeting(meeting, time(10, 0))
    items = _items(meeting)

    welcome = items["chair"]
    svc.add_block(
        meeting,
        welcome,
        Paragraph(
            text="Catherine Moreau welcomed members, governors and the public to the meeting."
        ),
    )
    svc.add_block(
        meeting,
        welcome,
        Paragraph(text="Apologies were received from Helen Obi, Non-Executive Director."),
    )
    svc.record_nil_declarations(meeting, items["declarations"])
    # questions from the public in the one place the Board takes them, before its business
    svc.add_block(
        meeting,
        items["questions"],
        Paragraph(
            text="A member of the public asked when the car park works would finish. "
            "Declan Price said the new spaces would open in September."
        ),
    )

    minutes = items["minutes"]
    carried(
        svc,
        meeting,
        minutes,
        ["the minutes of the meeting held on 26 March 2026 be approved as a correct record"],
    )

    log = items["matters"]
    svc.add_block(
        meeting,
        log,
        Points(
            intro="The Board reviewed the action log:",
            points=[
                "24/118 Staff survey results: presented to the People Committee in April. Closed.",
                "24/121 Discharge lounge opening hours: on this agenda. Closed.",
            ],
            style=PointStyle.BULLETS,
        ),
    )

    ceo = items["chief"]
    svc.add_block(
        meeting,
        ceo,
        Paragraph(
            text="Declan Price presented his report, highlighting the opening of the "
            "new endoscopy suite and the outcome of the maternity inspection."
        ),
    )
    _noted(svc, meeting, ceo, "the Chief Executive’s report")

    quality = items["integrated"]
    svc.add_block(
        meeting,
        quality,
        Paragraph(
            text="Bethan Lowe reported that falls with harm had fallen for the third "
            "month running. George Achterberg asked whether the improvement would last "
            "through the winter; Bethan Lowe said the extra ward staffing was funded "
            "until March."
        ),
    )
    _noted(svc, meeting, quality, "the integrated quality and performance report", LeadIn.RECEIVED)
    svc.record_attendance_change(meeting, quality, ids["Menon"], ChangeKind.LEFT, time(11, 40))

    finance = items["finance"]
    svc.add_block(
        meeting,
        finance,
        Paragraph(
            text="Ayesha Rahman reported a deficit of £0.4m against a planned deficit "
            "of £0.6m at the end of month 1."
        ),
    )
    carried(
        svc, meeting, finance, ["the capital plan for 2026/27 be approved"], lead_in=LeadIn.RESOLVED
    )
    svc.add_action(
        meeting,
        finance,
        "Report the effect of the pay award on the forecast",
        owner_id=ids["Rahman"],
        due=date(2026, 7, 30),
    )

    svc.add_block(
        meeting,
        items["date"],
        Paragraph(text="Thursday 30 July 2026 at 10:00, the Boardroom."),
    )
    svc.end_meeting(meeting, time(12, 15))
    return svc.get_meeting(meeting.id)
