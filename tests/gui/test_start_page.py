# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""Start page: recent meetings, opening by Enter, new meeting/body requests, open actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from clerk_app.domain.model import Body, MeetingStatus
from clerk_app.gui.start_page import StartPage
from clerk_app.services import Services
from tests.gui.fixtures_shell import body, db_path, services, shot, store


def _page(qtbot, services: Services) -> StartPage:  # type: ignore[no-untyped-def]
    page = StartPage(services)
    qtbot.addWidget(page)
    page.resize(1000, 520)
    page.show()
    return page


def test_empty_database_welcomes_the_clerk(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services)
    assert page.empty_label.isVisible()
    assert "New body" in page.empty_label.text()
    assert not page.table.isVisible()
    assert not page.open_button.isEnabled()
    shot(page, "start-empty")
    with qtbot.waitSignal(page.newBodyRequested, timeout=1000):
        page.new_body_button.click()


def test_lists_meetings_newest_first_and_opens_with_enter(
    qtbot, services: Services, body: Body
) -> None:  # type: ignore[no-untyped-def]
    older = services.create_meeting(body.id, date(2026, 1, 7), agenda=["Street trading"])
    services.add_action(older, older.items[-1].id, "Report back on pitch fees", owner="Licensing")
    newer = services.create_meeting(body.id, date(2026, 2, 4), agenda=["Mill Lane", "Budget"])
    services.start_meeting(newer)
    page = _page(qtbot, services)
    rows = [
        [page.model.index(r, c).data() for c in range(page.model.columnCount())]
        for r in range(page.model.rowCount())
    ]
    assert [r[0] for r in rows] == ["4 February 2026", "7 January 2026"]
    assert rows[0][1] == "Planning Committee"
    assert rows[0][3] == "In progress"
    assert rows[0][4] == str(len(newer.items))
    # the open action of the earlier meeting is shown for the selected meeting's body
    texts = [page.actions_list.item(i).text() for i in range(page.actions_list.count())]
    assert len(texts) == 1 and "Report back on pitch fees – Licensing" in texts[0]
    assert "Planning Committee" in page.actions_heading.text()
    shot(page, "start-meetings")

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.meetingOpened, timeout=1000) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [older.id]
    with qtbot.waitSignal(page.meetingOpened, timeout=1000) as blocker:
        page.open_button.click()
    assert blocker.args == [older.id]


def test_ctrl_n_requests_a_new_meeting_on_its_own(qtbot, services: Services, body: Body) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)  # shortcuts need the active window
    page.table.setFocus()
    with qtbot.waitSignal(page.newMeetingRequested, timeout=1000):
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def test_no_second_ctrl_n_inside_a_window_that_has_one(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction, QKeySequence

    window = QMainWindow()
    qtbot.addWidget(window)
    action = QAction("New meeting", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
    window.addAction(action)
    page = StartPage(services, window)
    window.setCentralWidget(page)
    window.show()
    assert not hasattr(page, "new_meeting_shortcut")


def test_refresh_shows_a_new_meeting_and_the_demo_opens(
    qtbot, services: Services, body: Body
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, services)
    assert page.model.rowCount() == 0
    services.create_meeting(body.id, date(2026, 3, 4))
    page.refresh()
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.meetingOpened, timeout=5000) as blocker:
        page.demo_button.click()
    demo = services.get_meeting(blocker.args[0])
    assert demo.items and page.model.rowCount() == 2
    assert page.selected_meeting_id() == demo.id
    assert demo.status in set(MeetingStatus)
