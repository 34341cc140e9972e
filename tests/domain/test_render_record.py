"""Attendance and meeting-level facts as minutes write them, and wording that was wrong."""

from __future__ import annotations

from datetime import date, time

from clerk_app.domain.document import Document, Para, Style
from clerk_app.domain.model import (
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    BodyKind,
    ChangeKind,
    Item,
    ItemKind,
    Motion,
    NamingStyle,
    Note,
    Paragraph,
    Person,
    PersonKind,
    Points,
    PointStyle,
    Vote,
    VoteKind,
)
from clerk_app.domain.naming import display_name, officer_line
from clerk_app.domain.render import render_minutes

from .test_render_support import item_with, make_body, make_meeting, rendered, texts


def _all(doc: Document) -> list[str]:
    return [e.text for e in doc.elements if isinstance(e, Para)]


def _with_apologies(*blocks: object) -> tuple[list[str], object]:
    body, cast = make_body()
    item = Item("Apologies for absence", "1", "50", ItemKind.APOLOGIES, blocks=list(blocks))  # type: ignore[arg-type]
    meeting = make_meeting(body, item)
    for pid in ("hill", "lowe"):
        meeting.attendance_of(pid).status = AttendanceStatus.APOLOGIES  # type: ignore[union-attr]
        meeting.attendance_of(pid).reason = "illness"  # type: ignore[union-attr]
    return _all(render_minutes(meeting, body)), cast


# ------------------------------------------------------------------ wording defects


def test_apologies_sentence_stays_when_the_item_holds_another_block() -> None:
    motion = Motion(clauses=["the apologies be accepted"], vote=Vote(VoteKind.UNANIMOUS))
    lines, _ = _with_apologies(motion)
    assert any(line.startswith("Apologies for absence were received from") for line in lines)


def test_apologies_typed_by_the_clerk_are_not_doubled() -> None:
    lines, _ = _with_apologies(Paragraph(text="Apologies were noted from two members."))
    assert not any(line.startswith("Apologies for absence were received") for line in lines)


def test_a_reason_shared_by_several_is_given_once() -> None:
    lines, _ = _with_apologies()
    sentence = next(x for x in lines if x.startswith("Apologies for absence were"))
    assert sentence == (
        "Apologies for absence were received from Councillor Mrs Hill and "
        "Councillor Ms Lowe (illness)."
    )
    assert "Councillor Mrs Hill and Councillor Ms Lowe (illness)" in lines


def test_a_plain_note_has_no_note_label() -> None:
    body, _ = make_body()
    assert texts(rendered(Note(text="The livestream stopped briefly."), body)) == [
        "The livestream stopped briefly."
    ]


def test_full_council_named_for_a_place_takes_the() -> None:
    body, _ = make_body(kind=BodyKind.FULL_COUNCIL)
    body.name = body.authority = "Township of Elmridge"
    doc = render_minutes(make_meeting(body), body)
    header = next(e.text for e in doc.elements if isinstance(e, Para) and e.style is Style.SUBTITLE)
    assert "a meeting of the Township of Elmridge held" in header


def test_the_can_be_set_for_the_body() -> None:
    from clerk_app.domain.model import NameArticle

    body, _ = make_body(kind=BodyKind.PARISH)
    body.name = "Fenwick Parish Council"
    body.settings.name_article = NameArticle.ALWAYS
    header = _all(render_minutes(make_meeting(body), body))
    assert any("of the Fenwick Parish Council held" in x for x in header)


def test_cllr_initial_keeps_honorific_and_every_initial() -> None:
    body, _ = make_body(NamingStyle.CLLR_INITIAL)
    person = Person("Jane Anne", "Smith", "Mrs")
    assert display_name(person, body.settings) == "Cllr Mrs J A Smith"
    assert display_name(Person("Rhys", "Pryce", "Mr"), body.settings) == "Cllr R Pryce"


def test_cllr_with_full_stop_and_cllr_mrs_styles() -> None:
    body, _ = make_body()
    person = Person("Jane Anne", "Smith", "Mrs")
    names = {
        style: display_name(person, body.settings, style)
        for style in ("cllr_honorific", "cllr_dot_initial", "cllr_dot_surname")
    }
    assert names == {
        "cllr_honorific": "Cllr Mrs Smith",
        "cllr_dot_initial": "Cllr. Mrs J. A. Smith",
        "cllr_dot_surname": "Cllr. Smith",
    }


def test_points_numbered_in_roman() -> None:
    body, _ = make_body()
    block = Points(
        intro="Members noted:", points=["cost", "timing", "risk"], style=PointStyle.ROMAN
    )
    els = rendered(block, body)
    assert [e.label for e in els if isinstance(e, Para)][1:] == ["i)", "ii)", "iii)"]
    assert texts(els)[1:] == ["cost", "timing", "risk"]


def test_paragraph_bold_markup() -> None:
    body, _ = make_body()
    (para,) = rendered(Paragraph(text="The **urgent** repairs ** stay"), body)
    assert para.text == "The urgent repairs ** stay"
    assert [(r.text, r.bold) for r in para.runs] == [
        ("The ", False),
        ("urgent", True),
        (" repairs ** stay", False),
    ]


# ------------------------------------------------------------------ attendance


def test_titles_and_post_nominals_kept_in_every_style() -> None:
    body, _ = make_body()
    dr = Person("Ian", "Moss", "Dr")
    pcso = Person("Dean", "Carter", kind=PersonKind.OTHER, title="PCSO")
    msp = Person("Ruth", "Baird", "Ms", kind=PersonKind.OTHER, post_nominals="MSP")
    borough = Person("Ann", "Lowe", kind=PersonKind.OTHER, title="Borough Councillor")
    for style in NamingStyle:
        if style is NamingStyle.INITIALS:
            continue
        assert "Dr" in display_name(dr, body.settings, style), style
        assert display_name(pcso, body.settings, style).startswith("PCSO "), style
        assert display_name(msp, body.settings, style).endswith(" MSP"), style
        assert display_name(borough, body.settings, style).startswith("Borough Councillor")


def test_officers_keep_their_honorific() -> None:
    body, _ = make_body()
    clerk = Person("Sue", "Marsh", "Mrs", kind=PersonKind.OFFICER, post="Clerk")
    assert officer_line(clerk, body.settings) == "Mrs Sue Marsh (Clerk)"


def test_vice_chair_in_the_chair() -> None:
    body, _cast = make_body()
    meeting = make_meeting(body)
    meeting.attendance_of("chair").status = AttendanceStatus.APOLOGIES  # type: ignore[union-attr]
    meeting.presiding_id = "vice"
    lines = _all(render_minutes(meeting, body))
    assert "Councillor Pryce (Vice-Chair) in the Chair" in lines


def test_online_and_hybrid_headers() -> None:
    from clerk_app.domain.model import MeetingMode

    body, _ = make_body()
    meeting = make_meeting(body)
    meeting.mode, meeting.platform = MeetingMode.ONLINE, "Microsoft Teams"
    header = _all(render_minutes(meeting, body))[2]
    assert "held via Microsoft Teams on" in header
    assert "Council Chamber" not in header
    meeting.mode = MeetingMode.HYBRID
    header = _all(render_minutes(meeting, body))[2]
    assert "held at the Council Chamber, Harrowfield Town Hall and via Microsoft Teams" in header


def test_minute_taker_and_public_count() -> None:
    body, _cast = make_body()
    clerk = Person("Sue", "Marsh", kind=PersonKind.OFFICER, post="Democratic Services Officer")
    body.people.append(clerk)
    meeting = make_meeting(body)
    meeting.attendance.append(Attendance(clerk.id, AttendanceStatus.OFFICER))
    meeting.minute_taker_id = clerk.id
    meeting.public_count = 4
    lines = _all(render_minutes(meeting, body))
    at = lines.index("Minutes taken by:")
    assert lines[at + 1] == "Sue Marsh (Democratic Services Officer)"
    assert lines.count("Sue Marsh (Democratic Services Officer)") == 1
    assert "Four members of the public were present." in lines


# ------------------------------------------------------------------ meeting facts


def test_quorum_statement_from_the_timeline() -> None:
    body, _ = make_body()
    body.settings.quorum_statement = True
    body.settings.quorum = 5
    meeting = make_meeting(body, item_with(Paragraph(text="x")))
    assert "The meeting was quorate." in _all(render_minutes(meeting, body))
    # a member leaving during the item takes the meeting below its quorum
    meeting.items[0].blocks.append(AttendanceChange(person_id="hill", change=ChangeKind.LEFT))
    lines = _all(render_minutes(meeting, body))
    assert "The meeting was quorate." not in lines
    assert "The meeting was quorate when it opened." in lines
    body.settings.quorum_statement = False
    assert not any("quorate" in x for x in _all(render_minutes(meeting, body)))


def test_not_held_and_inquorate() -> None:
    from clerk_app.domain.model import HeldStatus

    body, _ = make_body()
    meeting = make_meeting(body)
    meeting.held = HeldStatus.INQUORATE
    assert "The meeting was inquorate and no business was transacted." in _all(
        render_minutes(meeting, body)
    )
    meeting.held = HeldStatus.NOT_HELD
    assert "The meeting was not held." in _all(render_minutes(meeting, body))


def test_next_meeting_and_text_after_the_signature() -> None:
    body, _ = make_body()
    meeting = make_meeting(body)
    meeting.next_date = date(2025, 3, 4)
    meeting.next_time = time(19, 30)
    meeting.next_venue = "Elm Room, Harrowfield Town Hall"
    meeting.after_signature = "Contact: Democratic Services\n\nRef EH/25/02"
    doc = render_minutes(meeting, body)
    lines = _all(doc)
    nxt = next(x for x in lines if x.startswith("The next meeting"))
    assert nxt == (
        "The next meeting will be held on Tuesday 4 March 2025 at 7.30 pm at "
        "Elm Room, Harrowfield Town Hall."
    )
    styles = [e.style for e in doc.elements if isinstance(e, Para)]
    last_sig = max(i for i, s in enumerate(styles) if s is Style.SIGNATURE)
    assert lines[last_sig + 1 :] == ["Contact: Democratic Services", "Ref EH/25/02"]


def test_a_company_is_named_without_the() -> None:
    for name in ("Tarnwick Water Services Limited", "Fenmoor Homes Ltd.", "Brightwell plc"):
        body, _ = make_body(kind=BodyKind.COMPANY_BOARD)
        body.name = body.authority = name
        header = _all(render_minutes(make_meeting(body), body))
        assert any(f"directors of {name} held" in x or f"of {name} held" in x for x in header)
        assert not any(f"the {name}" in x for x in header), header
