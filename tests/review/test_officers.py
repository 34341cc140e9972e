"""Officers' drafts, the provisional decision sheet and the action log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from clerk_app.domain.model import ActionStatus
from clerk_app.services.errors import ServiceError

from .conftest import Library, S


def _text(path: Path) -> str:
    word = docx.Document(str(path))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


def _header_text(path: Path) -> str:
    word = docx.Document(str(path))
    return "\n".join(
        p.text for s in word.sections for part in (s.header, s.footer) for p in part.paragraphs
    )


def test_item_draft_is_marked_for_accuracy_check(svc: S, lib: Library, tmp_path: Path) -> None:
    path = svc.export_item_draft(lib.meeting, lib.item, tmp_path / "draft.docx")
    text = _text(path)
    assert "accuracy check" in text.lower()
    assert "£42 per plot" in text and "water charges" in text
    assert "Apologies" not in text  # only the one item
    assert "DRAFT" in _header_text(path)


def test_officer_drafts_one_file_per_item_with_a_report_author(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    meeting = svc.get_meeting(lib.meeting.id)
    second = svc.add_item(
        meeting, "Footpath: stile repairs?", report_author="Rights of Way Officer"
    )
    folder = tmp_path / "drafts"
    folder.mkdir()
    paths = svc.export_officer_drafts(meeting, folder)
    authored = [it for it in meeting.items if it.report_author]
    assert len(paths) == len(authored) == 2
    item = meeting.item(lib.item)
    assert item is not None
    assert sorted(p.name for p in paths) == sorted(
        [f"{item.minute_number} Allotment rents.docx",
         f"{second.minute_number} Footpath- stile repairs-.docx"]
    )  # fmt: skip
    assert all(p.is_file() for p in paths)
    footpath = next(p for p in paths if "Footpath" in p.name)
    assert "STILE REPAIRS" in _text(footpath).upper() and "£42" not in _text(footpath)


def test_officer_drafts_need_a_folder(svc: S, lib: Library, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="does not exist"):
        svc.export_officer_drafts(lib.meeting, tmp_path / "nowhere" / "drafts")
    (tmp_path / "plain-file").write_text("x", encoding="utf-8")
    with pytest.raises(ServiceError, match="does not exist"):
        svc.export_officer_drafts(lib.meeting, tmp_path / "plain-file")
    written = svc.export_officer_drafts(lib.meeting, tmp_path / "new-folder")
    assert written and all(p.parent == tmp_path / "new-folder" for p in written)


def test_decision_sheet_is_resolutions_only_and_provisional(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = svc.export_decision_sheet(lib.meeting, tmp_path / "decisions.docx")
    text = _text(path)
    assert "subject to the approval of the minutes" in text
    assert "£42 per plot" in text
    assert "water charges" not in text  # narrative is left out


def test_action_log_table_across_the_body_meetings(svc: S, lib: Library, tmp_path: Path) -> None:
    later = svc.create_meeting(lib.body.id, date(2026, 4, 14), agenda=["Village hall"])
    svc.add_action(later, later.items[-1].id, "Obtain quotes for the roof", owner="Clerk",
                   due=date(2026, 5, 1))  # fmt: skip
    path = svc.export_action_log(lib.body.id, tmp_path / "actions.docx")
    word = docx.Document(str(path))
    assert len(word.tables) == 1
    rows = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert rows[0] == ["Minute ref", "Action", "Who", "By when", "Status"]
    body_rows = rows[1:]
    assert [r[1] for r in body_rows] == ["Write to the tenants", "Obtain quotes for the roof"]
    assert "10 March 2026" in body_rows[0][0] and body_rows[1][2] == "Clerk"
    assert body_rows[1][3] == "1 May 2026" and body_rows[0][4] == "Open"
    assert "Quarrybank" not in _text(path)  # the other body's actions stay out


def test_open_actions_are_offered_for_a_new_meeting(svc: S, lib: Library) -> None:
    found = svc.open_actions(lib.body.id, date(2026, 4, 14))
    assert [a.text for _s, _i, a in found] == ["Write to the tenants"]
    meeting = svc.get_meeting(lib.meeting.id)
    action = next(a for _s, _i, a in found)
    action.status = ActionStatus.DONE
    svc.update_block(meeting, lib.item, action)
    assert svc.open_actions(lib.body.id, date(2026, 4, 14)) == []


def _body_with_actions(svc: S, style: str, name: str) -> str:
    """A body of Clerk's style ``style`` with one open and one done action, one of them
    in Part 2; its id."""
    from clerk_app.domain.model import BodyKind

    body = svc.create_body(name, BodyKind.COMMUNITY_COUNCIL, style=style)
    meeting = svc.create_meeting(
        body.id, date(2026, 3, 10), agenda=["Bws", "[exempt 3] Tir"], standard_items=False
    )
    first, second = meeting.items
    assert second.exempt
    svc.add_action(meeting, first.id, "Ysgrifennu at y cwmni bysiau", owner="Y Clerc",
                   due=date(2026, 4, 1))  # fmt: skip
    svc.add_action(meeting, second.id, "Cael pris am y tir", owner="Y Clerc")
    return body.id


def test_a_welsh_body_s_action_log_is_worded_in_welsh(svc: S, tmp_path: Path) -> None:
    """Headings, statuses, the title, the Part 2 mark and note, and the dates in the
    body's own language, not English."""
    body_id = _body_with_actions(svc, "welsh-community-council", "Cyngor Cymuned Llanfair")
    path = svc.export_action_log(body_id, tmp_path / "log.docx", version="confidential")
    word = docx.Document(str(path))
    rows = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert rows[0] == ["Cyf. cofnod", "Cam gweithredu", "Pwy", "Erbyn pryd", "Statws"]
    assert rows[1][4] == "Agored" and rows[2][4] == "Agored"
    assert rows[2][0].endswith("Rhan 2 – eithriedig")
    assert "2026" in rows[1][3] and "April" not in rows[1][3]  # the date in Welsh
    assert "March" not in rows[1][0]
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[0] == "Cyngor Cymuned Llanfair – log camau gweithredu cyfrinachol"
    assert paragraphs[1].startswith("Nid i'w gyhoeddi")
    assert "“Rhan 2 – eithriedig”" in paragraphs[1]
    assert not any(w in _text(path) for w in ("Status", "Who", "By when", "Part 2"))


def test_labels_minutes_give_the_action_log_s_headings_in_both_languages(
    svc: S, tmp_path: Path
) -> None:
    """An Irish local authority printing labels in Irish: each heading with its Irish
    beneath it; the statuses and the rest in English."""
    body_id = _body_with_actions(svc, "irish-local-authority-gaeilge", "Comhairle Contae")
    path = svc.export_action_log(body_id, tmp_path / "log.docx")
    word = docx.Document(str(path))
    rows = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert rows[0] == [
        "Minute ref\nMiontuairisc",
        "Action\nGníomh",
        "Who\nCé",
        "By when\nDáta sprice",
        "Status\nStádas",
    ]
    assert len(rows) == 2 and rows[1][4] == "Open"  # the Part 2 action left out
    assert word.paragraphs[0].text == "Comhairle Contae – action log"
