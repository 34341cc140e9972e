# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""The start page at any library size: rows handed to the view as it scrolls, columns
sized from the font rather than from every cell."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QHeaderView

from clerk_app.domain.model import Body, Item, Meeting
from clerk_app.gui.start_page import FETCH_ROWS, StartPage
from clerk_app.services import Services
from clerk_app.storage import Store
from tests.gui.fixtures_shell import body, db_path, services, store


def test_a_long_library_is_fetched_as_the_clerk_scrolls(
    qtbot, services: Services, store: Store, body: Body
) -> None:  # type: ignore[no-untyped-def]
    first = date(2016, 1, 4)
    with store.transaction():
        for n in range(FETCH_ROWS * 2 + 50):
            meeting = Meeting(body_id=body.id, date=first + timedelta(days=3 * n))
            meeting.items.append(Item(title=f"Item {n}"))
            store.save_meeting(meeting)
    page = StartPage(services)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    header = page.table.horizontalHeader()
    assert all(
        header.sectionResizeMode(c) != QHeaderView.ResizeMode.ResizeToContents for c in range(5)
    )
    assert page.model.rowCount() == FETCH_ROWS  # not 450 rows at once
    assert page.model.index(0, 0).data() == format_newest(first, FETCH_ROWS * 2 + 49)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > FETCH_ROWS, timeout=2000)
    oldest = page.model.summaries[-1].id
    page.select_meeting(oldest)  # beyond the rows fetched so far: fetched to it
    assert page.model.rowCount() == FETCH_ROWS * 2 + 50
    assert page.selected_meeting_id() == oldest
    with qtbot.waitSignal(page.meetingOpened, timeout=1000) as blocker:
        page.open_button.click()
    assert blocker.args == [oldest]


def format_newest(first: date, n: int) -> str:
    from clerk_app.domain.dates import format_date

    return format_date(first + timedelta(days=3 * n), weekday=False)
