"""A small demo meeting of a fictional parish council, using the structures real parish
minutes hold: declarations with what each member did, the clerk's own nil return,
section headings between items and lettered sub-items.

Brackenford Parish Council and everyone in it are invented.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from clerk_app.domain.model import (
    AttendanceStatus,
    Body,
    BodyKind,
    DataTable,
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
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Role,
    Speaker,
    SpeakerCapacity,
    Stance,
    Vote,
    VoteKind,
)
from clerk_app.services.demo_common import carried
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
        agenda=[  # the body's standard items come first (public participation among them)
            "# Reports",
            "Clerk's report",
            "# Planning",
            "Planning applications received",
            "# Finance",
            "Payments for approval",
            "Date of next meeting",
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
    carried(
        svc,
        meeting,
        minutes,
        ["the minutes of the meeting held on 10 March 2026 be signed as a true record."],
        mover=people["Pritchard"],
        seconder=people["Malik"],
        vote=VoteKind.UNANIMOUS,
    )

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

    arising = items["Matters arising"].id
    svc.add_block(
        meeting,
        arising,
        Paragraph(
            text="The Clerk confirmed that the footpath sign on Church Lane had been replaced."
        ),
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
    _structures(svc, meeting, {title: it.id for title, it in items.items()}, people)
    svc.end_meeting(meeting, time(20, 50))
    meeting.next_date = (on or date(2026, 4, 14)) + timedelta(days=28)
    meeting.next_time = time(19, 30)
    meeting.next_venue = "Brackenford Village Hall"
    svc.update_meeting(meeting)
    return svc.get_meeting(meeting.id)


PAYMENTS = DataTable(
    caption="Schedule of payments, April 2026",
    columns=["Payee", "Purpose", "Amount", "Reference"],
    rows=[
        ["Larkrise Grounds Ltd", "Grass cutting, March", "£640.00", "BACS 2604"],
        ["Brackenford Village Hall", "Hire of the hall", "£36.00", "BACS 2605"],
        ["J Cole", "Clerk's salary, April", "£812.40", "BACS 2606"],
        ["Fenmoor Printers", "Newsletter printing", "£118.75", "Chq 001482"],
    ],
    money_columns=[2],
    total_column=2,
)


def _structures(
    svc: Services, meeting: Meeting, items: dict[str, str], people: dict[str, str]
) -> None:
    """Public participation, two planning applications and the payments schedule."""
    svc.add_block(
        meeting,
        items["Public participation"],
        PublicParticipation(
            intro="The Chairman invited members of the public to speak",
            speakers=[
                Speaker(
                    "Mrs Tanner",
                    SpeakerCapacity.RESIDENT,
                    stance=Stance.NEUTRAL,
                    summary="saying that the verge parking on Hollin Lane blocked the footway",
                ),
                Speaker(
                    "Mr Oduya",
                    SpeakerCapacity.OTHER,
                    "for the Brackenford Allotment Society",
                    Stance.NEUTRAL,
                    "He asked whether the Council would renew the society's lease.",
                ),
            ],
        ),
    )
    planning = items["Planning applications received"]
    svc.add_block(
        meeting,
        planning,
        PlanningApplication(
            reference="26/00318/HOU",
            site="4 Orchard Close, Brackenford",
            applicant="Mr and Mrs Ibbotson",
            proposal="Single-storey rear extension and a porch",
            decision=PlanningDecision.NO_OBJECTION,
        ),
    )
    svc.add_block(
        meeting,
        planning,
        PlanningApplication(
            reference="26/00342/FUL",
            site="Land east of Bowling Green Lane, Brackenford",
            applicant="Harwell Homes Ltd",
            agent="Stonebridge Planning",
            proposal="Erection of six dwellings with access from Bowling Green Lane",
            speakers=[
                Speaker(
                    "Mr Ellery",
                    SpeakerCapacity.OBJECTOR,
                    stance=Stance.AGAINST,
                    summary="raising the narrowness of the lane and the flooding of the field",
                ),
                Speaker("Ms Varga", SpeakerCapacity.AGENT, stance=Stance.FOR),
            ],
            decision=PlanningDecision.OBJECTION,
            reasons=(
                "The lane is too narrow for the extra traffic and has no footway\n"
                "The field floods each winter and no drainage scheme has been submitted\n"
                "The site lies outside the village envelope in the neighbourhood plan"
            ),
        ),
    )
    finance = items["Payments for approval"]
    svc.add_block(meeting, finance, PAYMENTS)
    carried(
        svc,
        meeting,
        finance,
        ["the payments in the schedule, totalling £1,607.15, be approved"],
        mover=people["Ashworth"],
        seconder=people["Pritchard"],
        vote=VoteKind.UNANIMOUS,
    )
