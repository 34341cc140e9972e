"""Whole minutes: header, attendance, items, versions and exempt business."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk_app.domain.document import CharStyle, Document, Para, Style, Version
from clerk_app.domain.model import (
    Action,
    Approval,
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Body,
    BodyKind,
    ChangeKind,
    Declaration,
    ExclusionRegime,
    InterestConduct,
    Item,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MeetingType,
    Motion,
    MotionKind,
    NamingStyle,
    Note,
    Outcome,
    Paragraph,
    Points,
    Vote,
    VoteKind,
)
from clerk_app.domain.render import render_minutes

from .test_render_support import Cast, make_body, make_meeting

SECRETS = [
    "QUOKKA",
    "NARWHAL",
    "PANGOLIN",
    "AXOLOTL",
    "OCELOT",
    "TAPIR",
    "ZEBU",
    "KAKAPO",
    "DUGONG",
    "GHARIAL",
    "SAIGA",
    "BONOBO",
    "IBEX",
    "OKAPI",
    "MARGAY",
    "SERVAL",
    "CUSCUS",
    "NUMBAT",
]


def _paras(doc: Document, style: Style) -> list[str]:
    return [e.text for e in doc.elements if isinstance(e, Para) and e.style is style]


def full_meeting() -> tuple[Body, Cast, Meeting]:
    body, cast = make_body()
    body.settings.chair_title = "Chairman"
    body.settings.vice_chair_title = "Vice-Chairman"
    s = iter(SECRETS)
    apologies = Item("Apologies for absence", "1", "50", ItemKind.APOLOGIES)
    declarations = Item("Declarations of interest", "2", "51", ItemKind.DECLARATIONS)
    public = Item(
        "Street lighting review",
        "3",
        "52",
        purpose="To review the programme.",
        report_author="Head of Highways",
        blocks=[
            Paragraph(text="The Head of Highways introduced the report."),
            AttendanceChange(person_id=cast.hill.id, change=ChangeKind.LEFT, at=time(20, 5)),
            Motion(
                mover_id=cast.chair.id,
                seconder_id=cast.vice.id,
                clauses=["the programme be approved"],
                vote=Vote(VoteKind.UNANIMOUS),
                outcome=Outcome.CARRIED,
            ),
            Action(text="publish the programme", owner="Head of Highways"),
        ],
    )
    exclusion = Item("Exclusion of the press and public", "4", "53", ItemKind.EXCLUSION)
    exempt = Item(
        "Depot site disposal",
        "5",
        "54",
        part=2,
        exempt_paragraph="3",
        public_heading="Depot site disposal",
        purpose=f"Purpose {next(s)}",
        report_author=f"Author {next(s)}",
        report_ref=f"Ref {next(s)}",
        blocks=[
            Paragraph(text=f"Narrative {next(s)}"),
            Points(intro=f"Intro {next(s)}", points=[f"Point {next(s)}"]),
            Declaration(
                person_id=cast.moss.id,
                interest_type=f"type {next(s)}",
                reason=f"reason {next(s)}",
                conduct=InterestConduct.LEFT_ROOM,
            ),
            Motion(
                motion_kind=MotionKind.AMENDMENT,
                mover_id=cast.lowe.id,
                preamble=f"amend {next(s)}",
                outcome=Outcome.LOST,
            ),
            Motion(
                mover_id=cast.chair.id,
                seconder_id=cast.vice.id,
                preamble=f"preamble {next(s)}",
                clauses=[f"clause {next(s)}", f"clause {next(s)}"],
                rule=f"rule {next(s)}",
                vote=Vote(VoteKind.COUNTS, 5, 1),
                outcome=Outcome.CARRIED,
            ),
            Action(text=f"act {next(s)}", owner=f"owner {next(s)}"),
            Note(text=f"note {next(s)}"),
        ],
    )
    exempt2 = Item(
        "Staffing matter",
        "6",
        "55",
        part=2,
        exempt_paragraph="1, 4",
        public_heading="Staffing matter",
    )
    meeting = make_meeting(body, apologies, declarations, public, exclusion, exempt, exempt2)
    meeting.end_time = time(21, 30)
    meeting.public_count = 4
    for a in meeting.attendance:
        if a.person_id == cast.lowe.id:
            a.status, a.reason = AttendanceStatus.APOLOGIES, "a family commitment"
        if a.person_id == cast.quinn.id:
            a.status, a.substitute_for = AttendanceStatus.SUBSTITUTE, cast.lowe.id
        if a.person_id == cast.moss.id:
            a.status, a.note = AttendanceStatus.REMOTE, "via Teams"
    meeting.attendance += [
        Attendance(cast.reyes.id, AttendanceStatus.OFFICER),
        Attendance(cast.abbott.id, AttendanceStatus.OTHER),
    ]
    return body, cast, meeting


def test_front_matter_and_attendance() -> None:
    body, _, meeting = full_meeting()
    doc = render_minutes(meeting, body, Version.FULL)
    assert _paras(doc, Style.TITLE) == [
        "Harrowfield Borough Council",
        "Environment and Housing Committee",
    ]
    assert _paras(doc, Style.SUBTITLE) == [
        "Minutes of a meeting of the Environment and Housing Committee held at the Council "
        "Chamber, Harrowfield Town Hall on Tuesday 4 February 2025 at 7.00 pm"
    ]
    assert _paras(doc, Style.STATUS)[0].startswith("DRAFT")
    assert _paras(doc, Style.ATTENDANCE_HEADING) == [
        "Present:",
        "Also present:",
        "Officers in attendance:",
        "Apologies for absence:",
        "Substitutes:",
        "Public:",
    ]
    assert _paras(doc, Style.ATTENDANCE) == [
        "Councillor Mrs Okafor (Chairman), Councillor Pryce (Vice-Chairman), Councillor Mrs "
        "Hill (left at 8.05 pm), Councillor Dr Moss (via Teams) and Councillor Quinn "
        "(substitute)",
        "Councillor Mrs Abbott (Ward Councillor)",
        "Tom Reyes (Head of Legal Services)",
        "Councillor Ms Lowe (a family commitment)",
        "Councillor Quinn attended as substitute for Councillor Ms Lowe.",
        "Four members of the public were present.",
    ]
    assert doc.header_text == "Environment and Housing Committee – Tuesday 4 February 2025"
    assert doc.watermark == "DRAFT"
    assert doc.signature is True
    assert _paras(doc, Style.CLOSING) == ["The meeting ended at 9.30 pm."]
    assert _paras(doc, Style.SIGNATURE) == ["Signed\t\t Chairman", "Date\t\t"]
    assert doc.title == "Minutes – Environment and Housing Committee – Tuesday 4 February 2025"


def test_items_headings_and_standard_items() -> None:
    body, _, meeting = full_meeting()
    doc = render_minutes(meeting, body)
    headings = [(e.label, e.text) for e in doc.elements
                if isinstance(e, Para) and e.style is Style.ITEM_HEADING]  # fmt: skip
    assert headings == [
        ("50", "APOLOGIES FOR ABSENCE"),
        ("51", "DECLARATIONS OF INTEREST"),
        ("52", "STREET LIGHTING REVIEW"),
        ("53", "EXCLUSION OF THE PRESS AND PUBLIC"),
        ("54", "DEPOT SITE DISPOSAL"),
        ("55", "STAFFING MATTER"),
    ]
    text = doc.text
    assert (
        "Apologies for absence were received from Councillor Ms Lowe (a family commitment)." in text
    )
    assert "No declarations of interest were made under this item." in text
    assert _paras(doc, Style.PART_HEADING) == ["PART 2 – EXEMPT BUSINESS"]
    part = next(
        i for i, e in enumerate(doc.elements) if getattr(e, "style", None) is Style.PART_HEADING
    )
    assert doc.elements[part + 1].text == "DEPOT SITE DISPOSAL"
    exclusion = _paras(doc, Style.DECISION)[1]
    assert exclusion.startswith("RESOLVED – That under section 100A(4) of the Local Government Act")
    assert "paragraphs 3, 1 and 4 of Part 1 of Schedule 12A" in exclusion
    assert "Report by Head of Highways." in _paras(doc, Style.PURPOSE)


def test_no_declarations_at_all_is_a_plain_nil_return() -> None:
    body, _ = make_body()
    meeting = make_meeting(body, Item("Declarations of interest", kind=ItemKind.DECLARATIONS))
    assert "No declarations of interest were made." in render_minutes(meeting, body).text


def test_public_version_has_no_exempt_text() -> None:
    body, _, meeting = full_meeting()
    doc = render_minutes(meeting, body, Version.PUBLIC)
    text = doc.text
    for word in SECRETS:
        assert word not in text, word
    assert "DEPOT SITE DISPOSAL" in text
    assert _paras(doc, Style.EXEMPT_NOTICE) == [
        "This item was taken in private as it involved exempt information as defined in "
        "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
        "This item was taken in private as it involved exempt information as defined in "
        "paragraphs 1 and 4 of Part 1 of Schedule 12A to the Local Government Act 1972.",
    ]
    assert (
        "The Committee made a decision on this item, which is recorded in the confidential minute."
        in text
    )
    # the exclusion resolution is kept in full, and Part 1 stays complete
    assert "section 100A(4)" in text
    assert "RESOLVED – That the programme be approved." in text
    exempt_ids = {it.id for it in meeting.items if it.exempt}
    leaked = [e for e in doc.elements if isinstance(e, Para) and e.item_id in exempt_ids
              and e.style not in (Style.ITEM_HEADING, Style.EXEMPT_NOTICE, Style.BODY)]  # fmt: skip
    assert leaked == []


def test_confidential_version_only_part_2() -> None:
    body, _, meeting = full_meeting()
    doc = render_minutes(meeting, body, Version.CONFIDENTIAL)
    text = doc.text
    assert "STREET LIGHTING REVIEW" not in text
    assert "The Head of Highways introduced the report." not in text
    assert "section 100A(4)" not in text
    assert "Narrative AXOLOTL" in text
    assert _paras(doc, Style.STATUS)[0] == (
        "Not for publication – exempt information under paragraphs 3, 1 and 4 of Part 1 of "
        "Schedule 12A to the Local Government Act 1972."
    )
    assert doc.header_text.endswith("– Confidential")


def test_decisions_version() -> None:
    body, _, meeting = full_meeting()
    doc = render_minutes(meeting, body, Version.DECISIONS)
    assert _paras(doc, Style.STATUS) == [
        "Record of decisions. These decisions remain subject to the approval of the minutes "
        "of the meeting as a correct record."
    ]
    assert [
        e.text for e in doc.elements if isinstance(e, Para) and e.style is Style.ITEM_HEADING
    ] == [
        "STREET LIGHTING REVIEW",
        "EXCLUSION OF THE PRESS AND PUBLIC",
        "DEPOT SITE DISPOSAL",
    ]
    text = doc.text
    assert "RESOLVED – That the programme be approved." in text
    assert "Action: Head of Highways – publish the programme" in text
    assert "introduced the report" not in text and "It was moved" not in text
    assert "Present:" not in text
    for word in SECRETS:
        assert word not in text
    assert doc.signature is False


def test_item_version() -> None:
    body, _, meeting = full_meeting()
    item = meeting.items[2]
    doc = render_minutes(meeting, body, Version.ITEM, item_id=item.id)
    assert _paras(doc, Style.STATUS) == ["Draft minute for accuracy check"]
    assert [
        e.text for e in doc.elements if isinstance(e, Para) and e.style is Style.ITEM_HEADING
    ] == ["STREET LIGHTING REVIEW"]
    assert "Present:" not in doc.text
    assert doc.title.startswith("Draft minute – Street lighting review")


def test_item_version_of_an_exempt_item_is_marked() -> None:
    body, _, meeting = full_meeting()
    item = meeting.items[4]
    doc = render_minutes(meeting, body, Version.ITEM, item_id=item.id)
    assert _paras(doc, Style.STATUS) == [
        "Not for publication – exempt information under paragraph 3 of Part 1 of Schedule 12A "
        "to the Local Government Act 1972.",
        "Draft minute for accuracy check",
    ]
    assert "Narrative AXOLOTL" in doc.text


def test_review_is_like_full() -> None:
    body, _, meeting = full_meeting()
    full = render_minutes(meeting, body, Version.FULL)
    review = render_minutes(meeting, body, Version.REVIEW)
    assert review.text == full.text


def test_approved_minutes() -> None:
    body, _, meeting = full_meeting()
    meeting.status = MeetingStatus.APPROVED
    meeting.approval = Approval(date(2025, 3, 11), "Councillor Mrs Okafor", corrections="")
    doc = render_minutes(meeting, body)
    assert _paras(doc, Style.STATUS) == [
        "These minutes were confirmed as a correct record on 11 March 2025 and signed by "
        "Councillor Mrs Okafor."
    ]
    assert doc.watermark == ""


def test_deferred_and_withdrawn_items() -> None:
    body, _ = make_body()
    meeting = make_meeting(
        body,
        Item("Parking charges", minute_number="7", status=ItemStatus.DEFERRED),
        Item("Allotment rents", minute_number="8", status=ItemStatus.WITHDRAWN),
    )
    doc = render_minutes(meeting, body)
    assert _paras(doc, Style.NOTE) == ["This item was deferred.", "This item was withdrawn."]


@pytest.mark.parametrize(
    ("kind", "name", "mtype", "expected"),
    [
        (BodyKind.PARISH, "Westbury Parish Council", MeetingType.EXTRAORDINARY,
         "Minutes of an extraordinary meeting of Westbury Parish Council held at the Council "
         "Chamber, Harrowfield Town Hall on Tuesday 4 February 2025 at 19:00"),
        (BodyKind.CABINET, "Cabinet", MeetingType.SPECIAL,
         "Minutes of a special meeting of the Cabinet held at the Council Chamber, Harrowfield "
         "Town Hall on Tuesday 4 February 2025 at 19:00"),
    ],
)  # fmt: skip
def test_header_variants(kind: BodyKind, name: str, mtype: MeetingType, expected: str) -> None:
    body, _ = make_body(kind=kind)
    body.name, body.settings.clock_24h = name, True
    meeting = make_meeting(body)
    meeting.meeting_type = mtype
    assert _paras(render_minutes(meeting, body), Style.SUBTITLE) == [expected]
    meeting.venue, meeting.start_time = "", None
    assert _paras(render_minutes(meeting, body), Style.SUBTITLE)[0].endswith(
        "held on Tuesday 4 February 2025"
    )


@pytest.mark.parametrize(
    ("regime", "needle", "heading"),
    [
        (ExclusionRegime.ACT_1960, "Public Bodies (Admission to Meetings) Act 1960",
         "PART 2 – CONFIDENTIAL BUSINESS"),
        (ExclusionRegime.CONFIDENTIAL, "taken in confidential session",
         "PART B – CONFIDENTIAL BUSINESS"),
    ],
)  # fmt: skip
def test_exclusion_regimes(regime: ExclusionRegime, needle: str, heading: str) -> None:
    body, _, meeting = full_meeting()
    body.settings.exclusion = regime
    doc = render_minutes(meeting, body, Version.PUBLIC)
    assert needle in _paras(doc, Style.DECISION)[1]
    assert _paras(doc, Style.PART_HEADING) == [heading]
    assert "Schedule 12A" not in doc.text
    for word in SECRETS:
        assert word not in doc.text


def test_decision_keyword_run_in_document() -> None:
    body, _, meeting = full_meeting()
    doc = render_minutes(meeting, body)
    decisions = [e for e in doc.elements if isinstance(e, Para) and e.style is Style.DECISION]
    assert all(any(r.style is CharStyle.KEYWORD for r in p.runs) for p in decisions)


def test_body_phrase_overrides_apply_and_bad_ones_are_ignored() -> None:
    body, _, meeting = full_meeting()
    body.settings.phrases = {
        "closing.ended": "There being no further business, the {chair_title_missing} closed",
        "attendance.present": "Members present:",
        "change.left": "{name} left at this point.",
    }
    doc = render_minutes(meeting, body)
    assert "Members present:" in _paras(doc, Style.ATTENDANCE_HEADING)
    assert "Councillor Mrs Hill left at this point." in doc.text
    assert _paras(doc, Style.CLOSING) == ["The meeting ended at 9.30 pm."]


def test_initials_style_lists_full_names_once() -> None:
    body, _ = make_body(NamingStyle.INITIALS, BodyKind.SCHOOL)
    meeting = make_meeting(body)
    doc = render_minutes(meeting, body)
    present = _paras(doc, Style.ATTENDANCE)[0]
    assert present.startswith("Adaeze Okafor (AO) (Chair), Gareth Pryce (GP) (Vice-Chair)")


def test_how_and_when_a_member_attended_share_one_bracket() -> None:
    body, cast, meeting = full_meeting()
    for a in meeting.attendance:
        if a.person_id == cast.hill.id:  # she left at 8.05 pm (an attendance change)
            a.status, a.note = AttendanceStatus.REMOTE, "via Teams"
    present = _paras(render_minutes(meeting, body, Version.FULL), Style.ATTENDANCE)[0]
    assert "Councillor Mrs Hill (via Teams, left at 8.05 pm)" in present
    assert "Councillor Mrs Okafor (Chairman)," in present  # the role keeps its own
    assert ") (" not in present.replace("(Chairman)", "").replace("(Vice-Chairman)", "")
