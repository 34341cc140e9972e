"""The heading of a Part 2 item: public heading and public summary fields, saved as typed
through the item's undo path, and the line showing what the public minutes print; the
Review menu's two action logs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from clerk_app.domain.model import Outcome, Vote, VoteKind
from tests.gui.conftest import pid, reopened, settle, type_text

SHOTS = os.environ.get("CLERK_SHOTS", "")


def _go_to(window: Any, title: str) -> Any:
    screen = window.screen_widget
    item = next(it for it in screen.session.meeting.items if it.title == title)
    screen.session.set_current_item(item.id)
    settle()
    return screen


def _stored_item(db: Path, meeting_id: str, item_id: str):  # type: ignore[no-untyped-def]
    store = reopened(db)
    try:
        return store.get_meeting(meeting_id).item(item_id)
    finally:
        store.close()


def _buddy_label(header: Any, widget: Any) -> QLabel:
    return next(lab for lab in header.findChildren(QLabel) if lab.buddy() is widget)


def test_public_fields_show_only_for_a_part_2_item(window: Any) -> None:
    screen = _go_to(window, "Land at Mill Lane – erection of 24 dwellings")
    header = screen.item_pane.header
    assert not header.public_heading.isVisible() and not header.public_summary.isVisible()
    screen = _go_to(window, "Enforcement at Station Yard")
    assert header.public_heading.isVisible() and header.public_summary.isVisible()
    assert header.public_heading.accessibleName() == "Public heading"
    assert header.public_summary.accessibleName() == "Public summary"
    assert _buddy_label(header, header.public_heading).text() == "Publi&c heading:"
    assert _buddy_label(header, header.public_summary).text() == "Public summar&y:"
    assert header.public_heading.text() == "Enforcement at Station Yard"  # the default
    assert header.public_line.accessibleName()


def test_typed_public_parts_are_saved_undone_and_previewed(
    qtbot: Any, window: Any, gui_db: Path, gui_body: Any
) -> None:
    screen = _go_to(window, "Enforcement at Station Yard")
    session, header = screen.session, screen.item_pane.header
    item_id = session.current_item_id
    svc, meeting = session.svc, session.meeting
    motion = svc.move_motion(
        meeting,
        item_id,
        mover_id=pid(gui_body, MOVER),
        seconder_id=None,
        clauses=["serve the notice on the owner"],
    )
    svc.record_vote(meeting, item_id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    header.public_heading.setFocus()
    header.public_heading.selectAll()
    type_text(header.public_heading, "Planning enforcement")
    header.public_summary.setFocus()  # leaving the heading saves it
    type_text(header.public_summary, "Action was agreed.")
    header.flush()
    saved = _stored_item(gui_db, meeting.id, item_id)
    assert saved.public_heading == "Planning enforcement"
    assert saved.public_summary == "Action was agreed."
    assert saved.title == "Enforcement at Station Yard"
    line = header.public_line.text()
    assert "PLANNING ENFORCEMENT" in line and "Action was agreed." in line
    assert "STATION YARD" not in line.upper() and "serve the notice" not in line
    assert "and the motion was carried" in line
    if SHOTS:
        settle()
        header.grab().save(str(Path(SHOTS) / "part2-heading.png"))
    window.registry["undo"].trigger()  # the summary
    assert header.public_summary.toPlainText() == ""
    window.registry["undo"].trigger()  # the heading
    assert header.public_heading.text() == "Enforcement at Station Yard"
    saved = _stored_item(gui_db, meeting.id, item_id)
    assert (saved.public_heading, saved.public_summary) == ("Enforcement at Station Yard", "")


def test_ticking_part_2_fills_the_public_heading_from_the_title(window: Any, gui_db: Path) -> None:
    screen = _go_to(window, "Tree preservation order – Øvergaard Close")
    header = screen.item_pane.header
    header.part2.setChecked(True)
    settle()
    assert header.public_heading.isVisible()
    assert header.public_heading.text() == "Tree preservation order – Øvergaard Close"
    saved = _stored_item(gui_db, screen.session.meeting.id, screen.session.current_item_id)
    assert saved.part == 2 and saved.public_heading == header.public_heading.text()
    assert header.public_line.text().startswith("The public minutes print: ")


def test_both_action_logs_are_in_the_review_menu(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _go_to(window, "Enforcement at Station Yard")
    session = screen.session
    session.svc.add_action(session.meeting, session.current_item_id, "Serve notice ORCHID")
    public, conf = window.registry["action_log"], window.registry["action_log_confidential"]
    assert public.shortcut().toString() == "Shift+F2"
    assert conf.shortcut().toString() == "Ctrl+Shift+F2"
    for action, name in ((public, "public.docx"), (conf, "conf.docx")):
        target = str(tmp_path / name)
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target: (t, ""))
        )
        monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)  # the "Exported" box
        action.trigger()
    cells = lambda p: [  # noqa: E731
        c.text for t in docx.Document(str(p)).tables for row in t.rows for c in row.cells
    ]
    assert not any("ORCHID" in c for c in cells(tmp_path / "public.docx"))
    conf_cells = cells(tmp_path / "conf.docx")
    assert "Serve notice ORCHID" in conf_cells
    assert any(c.endswith("Part 2 – exempt") for c in conf_cells)


MOVER = "Hartley"
