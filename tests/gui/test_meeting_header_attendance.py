"""The meeting's times and public count typed in its header, and every attendance state
from the keyboard (Attendance menu, Shift+F10 on the list)."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from clerk_app.domain.model import AttendanceStatus, Body, MeetingStatus
from clerk_app.gui.meeting.attendance_pane import on_screen
from tests.gui.conftest import pid, reopened, settle, type_text
from tests.gui.test_meeting_keys import activate, key

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_end_time_is_stamped_then_typed_and_undone(
    qtbot, window: Any, gui_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    header = window.screen_widget.header
    # the computer's clock is wrong: 1.29 pm for a meeting that started at 6.30 pm
    monkeypatch.setattr("clerk_app.gui.meeting.meeting_header.clock_now", lambda: time(13, 29))
    key(qtbot, Qt.Key.Key_F5, SHIFT)
    assert QApplication.focusWidget() is header.end  # to correct it at once
    assert header.end.text() == "1.29 pm" and header.end.selectedText() == "1.29 pm"
    assert window.session.meeting.end_time is None  # never saved: it is before the start
    assert "cannot end before it started" in header.problem.text()
    type_text(header.end, "9.30pm")  # typed over the selected time
    key(qtbot, Qt.Key.Key_Tab)
    assert window.session.meeting.end_time == time(21, 30)
    header.start.setFocus()
    header.start.selectAll()
    type_text(header.start, "7pm")
    key(qtbot, Qt.Key.Key_Tab)
    store = reopened(gui_db)
    try:
        saved = store.get_meeting(window.session.meeting.id)
    finally:
        store.close()
    assert (saved.start_time, saved.end_time) == (time(19, 0), time(21, 30))
    window.undo()
    assert window.session.meeting.start_time == time(18, 30)
    assert header.start.text() == "6.30 pm"
    window.undo()
    assert window.session.meeting.end_time is None
    assert header.end.text() == ""
    # a right clock: the stamp is saved, the meeting is over (draft); one undo takes it back
    monkeypatch.setattr("clerk_app.gui.meeting.meeting_header.clock_now", lambda: time(21, 29))
    key(qtbot, Qt.Key.Key_F5, SHIFT)
    assert window.session.meeting.end_time == time(21, 29)
    assert window.session.meeting.status is MeetingStatus.DRAFT
    window.undo()
    assert window.session.meeting.end_time is None
    assert window.session.meeting.status is not MeetingStatus.DRAFT


def test_public_count_is_typed_in_the_header(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_F5, CTRL)
    header = window.screen_widget.header
    assert QApplication.focusWidget() is header.public
    type_text(header.public, "4")
    key(qtbot, Qt.Key.Key_Tab)
    assert window.session.meeting.public_count == 4
    store = reopened(gui_db)
    try:
        assert store.get_meeting(window.session.meeting.id).public_count == 4
    finally:
        store.close()


def _select(window: Any, person_id: str) -> None:
    window.screen_widget.attendance.focus_list()
    window.screen_widget.attendance.select_person(person_id)
    settle()


def test_every_attendance_state_from_the_keyboard(
    qtbot, window: Any, gui_body: Body, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("on holiday", True)))
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda _p, _t, _l, names, *a, **k: (names[0], True))
    )
    meeting = window.session.meeting
    pane = window.screen_widget.attendance
    cases = [
        ("Hartley", Qt.Key.Key_F7, CTRL, AttendanceStatus.PRESENT),
        ("Russell", Qt.Key.Key_F7, CTRL | SHIFT, AttendanceStatus.REMOTE),
        ("Pike", Qt.Key.Key_F8, CTRL, AttendanceStatus.APOLOGIES),
        ("Moss", Qt.Key.Key_F8, CTRL | SHIFT, AttendanceStatus.ABSENT),
        ("Asante", Qt.Key.Key_F6, CTRL, AttendanceStatus.SUBSTITUTE),
        ("Castellano", Qt.Key.Key_F6, CTRL | SHIFT, AttendanceStatus.OFFICER),
    ]
    for last, k, mods, status in cases:
        _select(window, pid(gui_body, last))
        key(qtbot, k, mods)
        record = meeting.attendance_of(pid(gui_body, last))
        assert record is not None and record.status is status, (last, record)
    assert meeting.attendance_of(pid(gui_body, "Pike")).reason == "on holiday"
    assert meeting.attendance_of(pid(gui_body, "Asante")).substitute_for
    assert pid(gui_body, "Pike") in pane.people_in("apologies")
    assert pid(gui_body, "Castellano") in pane.people_in("officers")
    # a departure, from the same list
    _select(window, pid(gui_body, "Øvergaard"))
    key(qtbot, Qt.Key.Key_F8)
    assert pid(gui_body, "Øvergaard") in pane.people_in("left")


def test_the_attendance_menu_opens_from_the_keyboard_on_the_row(
    qtbot, window: Any, gui_body: Body
) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    pane = window.screen_widget.attendance
    _select(window, pid(gui_body, "Pike"))
    qtbot.keyClick(pane.tree, Qt.Key.Key_F10, SHIFT)
    settle()
    menu = pane.menu
    assert menu is not None and menu.isVisible()
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Apologies…" in texts and "Substitute for…" in texts
    row = pane.tree.visualItemRect(pane.tree.currentItem())
    top = pane.tree.viewport().mapToGlobal(row.topLeft())
    screen = pane.screen().availableGeometry()
    assert screen.contains(menu.geometry())
    assert (
        abs(menu.geometry().top() - (top.y() + row.height())) < 4
        or menu.geometry().bottom() <= top.y()
    )
    menu.close()


def test_a_menu_near_the_screen_edge_is_kept_on_it() -> None:
    from PySide6.QtCore import QPoint, QRect, QSize

    screen = QRect(0, 0, 1280, 800)
    at = on_screen(QPoint(1200, 780), QSize(240, 300), screen)
    assert screen.contains(QRect(at, QSize(240, 300)))


def test_the_attendance_menu_and_the_new_keys_are_listed_in_f1(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    texts = {e.text: e for e in window.registry.entries()}
    for name in (
        "Apologies",
        "Present remotely",
        "Absent (no apologies)",
        "Substitute for",
        "Officer in attendance",
        "Also present (guest)",
        "Members of the public",
        "Attendance menu for the selected person",
        "Next block",
        "Previous block",
        "Go to the end of the item",
    ):
        assert name in texts, name
        assert not texts[name].shortcut.isEmpty()


def test_the_lists_are_rebuilt_only_when_what_they_show_changes(
    qtbot, window: Any, gui_body: Body
) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    pane = window.screen_widget.attendance
    tree = pane.tree
    before = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    texts = [row.text(0) for row in before]
    _select(window, pid(gui_body, "Øvergaard"))
    pane.refresh()  # as moving to another block does: nothing to show differently
    assert [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())] == before
    assert pane.selected_person_id() == pid(gui_body, "Øvergaard")
    key(qtbot, Qt.Key.Key_F8)  # a departure: the lists change
    after = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert after != texts and any(t.startswith("Left (1)") for t in after)
    assert pid(gui_body, "Øvergaard") in pane.people_in("left")
