"""Style choices seen in the exported minutes, read back from the .docx: the order of
officers in attendance, where the apologies are printed, a recorded vote's totals given
once, every style's header for a meeting held online or hybrid, and the full stop after
a closing bracket."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    AttendanceStatus,
    Meeting,
    MeetingMode,
    Outcome,
    Person,
    PersonKind,
    Vote,
    VoteKind,
)
from clerk_app.domain.render import end_stop
from clerk_app.domain.style import ApologiesPlace, NameOrder
from clerk_app.services import Services
from clerk_app.services.demo_styles import DEMO_BODIES, create_style_demo


def _lines(svc: Services, meeting: Meeting, path: Path) -> list[str]:
    """Every paragraph and table row of the exported minutes, in document order."""
    svc.export(svc.get_meeting(meeting.id), path, Version.FULL)
    document = docx.Document(str(path))
    out: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            text = DocxParagraph(element, document).text
            if text.strip():
                out.append(text)
        elif element.tag.endswith("}tbl"):
            for row in Table(element, document).rows:
                out.append(" | ".join(cell.text for cell in row.cells))
    return out


def _restyle(svc: Services, meeting: Meeting, **changes: object) -> None:
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    for name, value in changes.items():
        setattr(body.settings.style, name, value)
    svc.save_body(body)


# --------------------------------------------------------------------------- officers


def _with_senior_officers(svc: Services, meeting: Meeting) -> None:
    """A chief executive entered before a finance manager whose surname sorts first."""
    body = svc.get_body(meeting.body_id)
    chief = Person("Hugo", "Zimmer", kind=PersonKind.OFFICER, post="Chief Executive")
    finance = Person("Nell", "Abbott", kind=PersonKind.OFFICER, post="Finance Manager")
    body.people.extend([chief, finance])
    svc.save_body(body)
    for person in (chief, finance):
        svc.set_attendance(meeting, person.id, AttendanceStatus.OFFICER)


def _officer_lines(lines: list[str]) -> list[str]:
    return [x for x in lines if "Zimmer" in x or "Abbott" in x]


def test_officers_are_listed_alphabetically_by_default(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "scottish-council-committee")
    _with_senior_officers(svc, meeting)
    found = _officer_lines(_lines(svc, meeting, tmp_path / "a.docx"))
    assert [x for x in found if "Abbott" in x] == found[:1]  # Abbott before Zimmer


def test_officers_by_seniority_where_the_style_says_so(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "scottish-council-committee")
    _with_senior_officers(svc, meeting)
    _restyle(svc, meeting, officer_order=NameOrder.ROLL)
    text = "\n".join(_lines(svc, meeting, tmp_path / "s.docx"))
    assert text.index("Zimmer") < text.index("Abbott")


def test_a_company_board_lists_officers_as_entered(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    _with_senior_officers(svc, meeting)
    assert svc.get_body(meeting.body_id).settings.style.officer_order is NameOrder.ROLL
    text = "\n".join(_lines(svc, meeting, tmp_path / "b.docx"))
    assert text.index("Zimmer") < text.index("Abbott")


# --------------------------------------------------------------------------- apologies


def test_a_company_board_prints_the_apologies_once(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    lines = _lines(svc, meeting, tmp_path / "board.docx")
    assert sum("Greta Vance" in x for x in lines) == 1
    assert any(x.startswith("Apologies for absence were received from") for x in lines)


def test_a_us_nonprofit_board_gives_its_regrets_in_the_attendance(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "us-nonprofit-board")
    lines = _lines(svc, meeting, tmp_path / "np.docx")
    assert sum("Greta Vance" in x for x in lines) == 1
    assert "Regrets:" in lines
    assert not any(x.startswith("Regrets were received from") for x in lines)


def test_english_councils_keep_both_and_each_place_can_be_chosen(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "scottish-council-committee")
    both = _lines(svc, meeting, tmp_path / "both.docx")
    assert sum("Vance" in x for x in both) == 2
    _restyle(svc, meeting, apologies_place=ApologiesPlace.ATTENDANCE)
    attendance = _lines(svc, meeting, tmp_path / "att.docx")
    assert sum("Vance" in x for x in attendance) == 1
    assert not any("intimated" in x for x in attendance)
    _restyle(svc, meeting, apologies_place=ApologiesPlace.ITEM)
    item = _lines(svc, meeting, tmp_path / "item.docx")
    assert sum("Vance" in x for x in item) == 1
    assert any("intimated" in x and "Vance" in x for x in item)


def test_apologies_stay_in_the_attendance_without_an_apologies_item(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "company-board")
    for item in [it for it in meeting.items if it.title == "Apologies"]:
        svc.delete_item(meeting, item.id)
    lines = _lines(svc, meeting, tmp_path / "noitem.docx")
    assert sum("Greta Vance" in x for x in lines) == 1


# --------------------------------------------------------------------------- recorded votes


def test_an_irish_recorded_vote_gives_its_totals_once(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "irish-local-authority")
    lines = _lines(svc, meeting, tmp_path / "ie.docx")
    table = lines.index("Vote | Members | Total")
    assert lines[table + 1].endswith("| 7") and lines[table + 2].endswith("| 1")
    after = lines[table + 4]
    assert after == "The Cathaoirleach declared the motion carried."
    assert not any("For 7, Against 1" in x for x in lines)
    # a counted vote (no table) still gives its figures
    assert any(x.startswith("A vote was taken: For 5, Against 1, Abstained 2.") for x in lines)


def test_a_recorded_vote_lost_after_its_table_is_declared_lost(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "irish-local-authority")
    item = next(it for it in meeting.items if it.title == "Annual Roads Programme 2026")
    motion = next(b for b in item.blocks if hasattr(b, "vote") and b.vote.named)
    named = dict(motion.vote.named)
    svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.NAMED, named=named), Outcome.LOST)
    lines = _lines(svc, meeting, tmp_path / "lost.docx")
    assert "The Cathaoirleach declared the motion lost." in lines
    assert not any("For 7, Against 1" in x for x in lines)


# --------------------------------------------------------------------------- headers


def _header(lines: list[str]) -> str:
    return next(x for x in lines if "24" in x and ("Minute" in x or "Cofnodion" in x))


@pytest.mark.parametrize("style_id", sorted(DEMO_BODIES))
@pytest.mark.parametrize("mode", [MeetingMode.ONLINE, MeetingMode.HYBRID])
def test_every_style_words_an_online_or_hybrid_header_as_its_own(
    svc: Services, tmp_path: Path, style_id: str, mode: MeetingMode
) -> None:
    meeting = create_style_demo(svc, style_id)
    venue = DEMO_BODIES[style_id][2]
    in_person = _header(_lines(svc, meeting, tmp_path / "here.docx"))
    meeting = svc.get_meeting(meeting.id)
    meeting.mode, meeting.platform = mode, "Zoom"
    if mode is MeetingMode.ONLINE:
        meeting.venue = ""
    svc.update_meeting(meeting)
    away = _header(_lines(svc, meeting, tmp_path / "away.docx"))
    if mode is MeetingMode.ONLINE:
        # the venue and its preposition give way to the platform, the rest as in person
        expected = in_person
        for place in filter(None, (venue, meeting.translation.get("venue", ""))):
            expected = re.sub(rf"(\b(at|in|yn) )?{re.escape(place)}", "«»", expected)
        assert re.sub(r"(via|drwy|trwy) Zoom", "«»", away) == expected, away
    else:
        # the venue stays where it was, the platform after it
        assert away.replace(" and via Zoom", "").replace(" a thrwy Zoom", "") == in_person


# --------------------------------------------------------------------------- full stops


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("the meeting resume at once (7:03 p.m.)", "the meeting resume at once (7:03 p.m.)."),
        ("the report be noted (see item 4)", "the report be noted (see item 4)."),
        ("the report be noted (see item 4).", "the report be noted (see item 4)."),
        ("(The Mayor left the room.)", "(The Mayor left the room.)"),
        ("the report be noted. (See item 4.)", "the report be noted. (See item 4.)"),
        ("the hall close at 9 p.m.", "the hall close at 9 p.m."),
    ],
)
def test_a_sentence_ending_in_a_bracket_takes_its_full_stop(typed: str, printed: str) -> None:
    assert end_stop(typed) == printed


def test_a_decision_ending_in_a_bracketed_time_is_exported_with_its_stop(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "us-city-council")
    item = next(it for it in meeting.items if it.title == "Street tree planting")
    motion = svc.move_motion(
        meeting,
        item.id,
        mover_id=None,
        seconder_id=None,
        clauses=["the meeting continue past 9 p.m. (moved at 8:58 p.m.)"],
    )
    svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    text = "\n".join(_lines(svc, meeting, tmp_path / "stop.docx"))
    assert "the meeting continue past 9 p.m. (moved at 8:58 p.m.)." in text
    assert "8:58 p.m.).." not in text
