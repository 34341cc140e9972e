"""A fictional meeting with every kind of minute block, with fixed ids (for frozen files)."""

from __future__ import annotations

from datetime import date, time

from clerk_app.domain.model import (
    Action,
    Approval,
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Body,
    BodyKind,
    BodySettings,
    ChangeKind,
    ClauseStyle,
    DataTable,
    Declaration,
    Heading,
    HeldStatus,
    InterestConduct,
    Item,
    ItemKind,
    LeadIn,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Motion,
    MotionKind,
    Moving,
    NamingStyle,
    Note,
    NoteKind,
    NumberingMode,
    NumberingScheme,
    Outcome,
    Paragraph,
    Person,
    PersonKind,
    PlanningApplication,
    PlanningDecision,
    Points,
    PointStyle,
    PublicParticipation,
    Role,
    Speaker,
    SpeakerCapacity,
    Stance,
    Vote,
    VoteChoice,
    VoteKind,
    VoteTaken,
)


def sample_body() -> Body:
    return Body(
        id="body-planning",
        name="Planning Committee",
        kind=BodyKind.PLANNING,
        authority="Harrowfield Borough Council",
        settings=BodySettings(
            chair_title="Chairman",
            naming=NamingStyle.COUNCILLOR_FULL,
            numbering=NumberingScheme(
                mode=NumberingMode.CONTINUOUS, pattern="PLA{n}/{yy}", sub_paragraphs=True
            ),
            quorum=4,
            quorum_statement=True,
            phrases={"moved": "Moved by {mover}"},
        ),
        people=[
            Person("Amelia", "Thornbury", "Mrs", role=Role.CHAIR, id="p-chair"),
            Person("Rashid", "Okafor", "Mr", role=Role.VICE_CHAIR, id="p-vice"),
            Person("Eleanor", "Pike", "Dr", id="p-pike"),
            Person("Tomasz", "Wren", "", role=Role.CO_OPTED, voting=False, id="p-wren"),
            Person(
                "Gwen", "Hale", "Ms", kind=PersonKind.OFFICER, post="Planning Manager", id="p-hale"
            ),
            Person("Old", "Member", active=False, id="p-former"),
            Person(
                "Dean",
                "Carter",
                kind=PersonKind.OTHER,
                title="PCSO",
                post_nominals="BEM",
                id="p-carter",
            ),
        ],
    )


def sample_meeting(body: Body) -> Meeting:
    motion = Motion(
        id="b-motion",
        motion_kind=MotionKind.SUBSTANTIVE,
        mover_id="p-chair",
        seconder_id="p-vice",
        preamble="That the Committee:",
        clauses=["approves the application subject to conditions;", "notes the objections."],
        clause_style=ClauseStyle.LETTERS,
        lead_in=LeadIn.RESOLVED,
        vote=Vote(kind=VoteKind.COUNTS, for_count=3, against_count=1, abstain_count=0),
        outcome=Outcome.CARRIED,
    )
    amendment = Motion(
        id="b-amend",
        motion_kind=MotionKind.AMENDMENT,
        amends_id="b-motion",
        mover_id="p-pike",
        clauses=["add a condition on hours of work"],
        lead_in=LeadIn.RECOMMENDED,
        recommend_to="Council",
        vote=Vote(
            kind=VoteKind.NAMED,
            named={"p-chair": VoteChoice.FOR, "p-pike": VoteChoice.AGAINST},
            casting_person_id="p-chair",
            casting_choice=VoteChoice.FOR,
        ),
        outcome=Outcome.LOST,
    )
    items = [
        Item(
            id="i-apologies",
            title="Apologies for absence",
            number="1",
            minute_number="PLA41/26",
            kind=ItemKind.APOLOGIES,
            blocks=[Paragraph(id="b-apol", text="Apologies were received from Mr Okafor.")],
        ),
        Item(
            id="i-depot",
            title="Former bus depot, Mill Lane",
            number="2",
            minute_number="PLA42/26",
            purpose="To determine an application for 24 flats.",
            report_author="Head of Planning",
            report_ref="PL/26/118",
            # version 8: the second-language text of what the clerk typed
            translation={"title": "Hen ddepo bysiau, Lôn y Felin"},
            blocks=[
                Paragraph(
                    id="b-intro",
                    text="The Planning Manager introduced the report.",
                    heard_at="2026-11-24T18:41:12.000",
                ),
                Points(
                    id="b-points",
                    intro="Members raised the following points:",
                    points=["parking on Mill Lane", "bin storage", "the height of block B"],
                    style=PointStyle.LETTERS,
                    translation={
                        "intro": "Cododd yr aelodau’r pwyntiau canlynol:",
                        "points": "parcio ar Lôn y Felin\nstorio biniau",
                    },
                ),
                AttendanceChange(
                    id="b-left", person_id="p-pike", change=ChangeKind.LEFT, at=time(14, 28)
                ),
                AttendanceChange(
                    id="b-back", person_id="p-pike", change=ChangeKind.RETURNED, at=time(14, 41, 5)
                ),
                Declaration(
                    id="b-decl",
                    person_id="p-vice",
                    interest_type="other registrable interest",
                    reason="he is a governor of the neighbouring school",
                    conduct=InterestConduct.LEFT_ROOM,
                    scope="the access road",
                    at=time(14, 42),
                ),
                Heading(id="b-head", text="Highway matters", numbered=True),
                DataTable(
                    id="b-table",
                    caption="Depot costs",
                    columns=["Item", "Cost"],
                    rows=[["Roof", "£12,000.00"], ["Gates", "£950.00"]],
                    money_columns=[1],
                    total_column=1,
                    # version 10: a table's cells translated one by one
                    translation={"caption": "Costau’r depo", "rows.0.0": "To"},
                ),
                PublicParticipation(
                    id="b-public",
                    subject="the depot",
                    speakers=[Speaker("Mrs Oakes", SpeakerCapacity.RESIDENT, "", Stance.AGAINST)],
                ),
                PlanningApplication(
                    id="b-planning",
                    reference="26/0101/FUL",
                    site="Council depot, Mill Road",
                    decision=PlanningDecision.APPROVE,
                    conditions=["Hours of work 8am to 6pm"],
                ),
                amendment,
                motion,
                Action(
                    id="b-action",
                    text="Circulate the conditions to ward members",
                    owner="Planning Manager",
                    owner_id="p-hale",
                    due=date(2026, 12, 4),
                ),
                Note(
                    id="b-adj", note_kind=NoteKind.ADJOURNED, at=time(15, 0), text="comfort break"
                ),
                Note(id="b-res", note_kind=NoteKind.RESUMED, at=time(15, 10)),
                Motion(  # version 7: moved, debated, voted on in a block of its own
                    id="b-later",
                    moving=Moving.FORMAL,
                    mover_text="the Mayor",
                    clauses=["a site visit be held before a decision"],
                    outcome=Outcome.LOST,
                ),
                VoteTaken(
                    id="b-later-vote",
                    motion_id="b-later",
                    vote=Vote(kind=VoteKind.COUNTS, for_count=2, against_count=5),
                    outcome=Outcome.LOST,
                ),
                Motion(  # version 5: moved by an office-holder, the rest for, referred
                    id="b-referred",
                    moving=Moving.FORMAL,
                    mover_text="the Mayor",
                    clauses=["the depot's bus shelter be kept"],
                    vote=Vote(kind=VoteKind.COUNTS, against_count=1, rest_for=True),
                    outcome=Outcome.REFERRED,
                    outcome_by_hand=True,
                    outcome_detail="the Highways Panel",
                ),
            ],
        ),
        Item(
            id="i-exempt",
            title="Enforcement case 26/07",
            number="3",
            minute_number="PLA43/26",
            part=2,
            exempt_paragraph="6",
            public_heading="Planning enforcement",
            public_summary="The Committee considered an enforcement matter in private.",
            blocks=[Note(id="b-note", text="This item was considered in private.")],
        ),
        Item(id="i-next", title="Date of next meeting", kind=ItemKind.NEXT_MEETING),
    ]
    return Meeting(
        id="m-nov",
        body_id=body.id,
        date=date(2026, 11, 19),
        venue="Council Chamber, Harrowfield Town Hall",
        start_time=time(14, 0),
        end_time=time(16, 35),
        status=MeetingStatus.DRAFT,
        reference="PLA(26)M07",
        public_count=12,
        mode=MeetingMode.HYBRID,
        platform="Microsoft Teams",
        presiding_id="p-vice",
        minute_taker_id="p-hale",
        held=HeldStatus.HELD,
        next_date=date(2026, 12, 17),
        next_time=time(14, 0),
        next_venue="Committee Room 2, Harrowfield Town Hall",
        after_signature="Contact: Planning Services",
        # version 10: the meeting's own words and attendance notes in a second language
        translation={
            "venue": "Siambr y Cyngor, Neuadd y Dref Harrowfield",
            "after_signature": "Cyswllt: Gwasanaethau Cynllunio",
        },
        attendance=[
            Attendance("p-chair", id="a-chair"),
            Attendance(
                "p-vice",
                AttendanceStatus.REMOTE,
                note="via Teams",
                id="a-vice",
                translation={"note": "drwy Teams"},
            ),
            Attendance("p-pike", id="a-pike"),
            Attendance(
                "p-wren",
                AttendanceStatus.APOLOGIES,
                reason="illness",
                id="a-wren",
                translation={"reason": "salwch"},
            ),
            Attendance("p-hale", AttendanceStatus.OFFICER, id="a-hale"),
        ],
        items=items,
        approval=Approval(
            approved_on=date(2026, 12, 17), signed_by="Amelia Thornbury", corrections="none"
        ),
        circulated_on=date(2026, 11, 24),
        first_minute=41,
    )
