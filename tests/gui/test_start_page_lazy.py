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


def test_the_open_actions_panel_lists_the_newest_and_says_there_are_more(
    qtbot, services: Services, store: Store, body: Body, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import clerk_app.gui.start_page as start_page
    from clerk_app.domain.model import Action, ActionStatus

    monkeypatch.setattr(start_page, "ACTIONS_SHOWN", 3)
    first = date(2025, 1, 6)
    with store.transaction():
        for n in range(4):
            meeting = Meeting(body_id=body.id, date=first + timedelta(weeks=n))
            item = Item(title=f"Item {n}")
            item.blocks.append(Action(text=f"Open {n}"))
            item.blocks.append(Action(text=f"Done {n}", status=ActionStatus.DONE))
            meeting.items.append(item)
            store.save_meeting(meeting)
    page = StartPage(services)
    qtbot.addWidget(page)
    page.show()
    page.select_meeting(page.model.summaries[0].id)
    texts = [page.actions_list.item(r).text() for r in range(page.actions_list.count())]
    assert [t.split("\n")[0] for t in texts] == ["Open 3", "Open 2", "Open 1"]
    assert "3 most recent open actions" in page.actions_note.text()
    monkeypatch.setattr(start_page, "ACTIONS_SHOWN", 4)
    page.refresh()
    page.select_meeting(page.model.summaries[1].id)
    assert page.actions_list.count() == 4
    assert page.actions_note.text() == ""
