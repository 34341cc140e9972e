"""The keyboard map: one registry behind the menus and Help → Keyboard shortcuts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Meeting
from clerk_app.gui.actions import MENUS, ActionRegistry
from tests.gui.conftest import reopened, settle


def test_every_action_has_a_menu_and_no_shortcut_is_used_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    registry = ActionRegistry(owner)
    entries = registry.entries()
    menus = {title.replace("&", "") for _k, title in MENUS}
    assert {e.menu for e in entries} <= menus
    keys = Counter(
        seq.toString() for e in entries for seq in [e.shortcut, *e.alternates] if not seq.isEmpty()
    )
    assert [k for k, n in keys.items() if n > 1] == []
    by_id = {e.id: e for e in entries}
    for action_id in (
        "insert_paragraph",
        "insert_points",
        "insert_attendance",
        "insert_declaration",
        "insert_motion",
        "insert_amendment",
        "insert_vote",
        "insert_action",
        "next_item",
        "prev_item",
        "focus_attendance",
        "record_arrival",
        "record_departure",
        "find",
        "export",
        "undo",
        "redo",
        "quit",
    ):
        assert not by_id[action_id].shortcut.isEmpty(), action_id
    assert [e.id for e in entries if e.shortcut.isEmpty()] == []  # every action has a key
    undo = [by_id["undo"].shortcut, *by_id["undo"].alternates]
    assert QKeySequence("Ctrl+Z") in undo  # the platform's own keys are kept
    assert by_id["find"].shortcut == QKeySequence("Ctrl+F")
    assert "Ctrl+Shift+M" in registry.as_text()


def test_the_menus_show_every_action_with_its_shortcut(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    in_menus = {
        act.objectName()
        for menu in window.menus.values()
        for act in menu.actions()
        if not act.isSeparator()
    }
    assert in_menus == {f"action_{e.id}" for e in window.registry.entries()}
    assert [m.title() for m in window.menus.values()] == [t for _k, t in MENUS]


def test_shortcuts_dialog_lists_the_registry(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.gui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window.registry.entries(), window)
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    assert len(rows) == len(window.registry.entries())
    assert any("Motion" in r[0] and "Ctrl+Shift+M" in r[1] for r in rows)


def test_dragging_an_item_reorders_the_agenda(
    qtbot, window: Any, gui_meeting: Meeting, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    screen = window.screen_widget
    session = screen.session
    moved = session.meeting.items[4].id
    agenda = screen.agenda.list
    # what a drop does inside the list: the row moves, and the list reports it
    assert agenda.model().moveRow(QModelIndex(), 4, QModelIndex(), 1)
    qtbot.waitUntil(lambda: session.meeting.items[1].id == moved)
    settle()
    store = reopened(gui_db)
    try:
        stored = store.get_meeting(gui_meeting.id)
    finally:
        store.close()
    assert stored.items[1].id == moved
    assert stored.items[1].minute_number == session.meeting.items[1].minute_number
    assert agenda.item(1).text().split("\t")[1].startswith(stored.items[1].title[:10])
    window.registry["undo"].trigger()
    assert session.meeting.items[4].id == moved
