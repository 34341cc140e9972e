"""Tab order: the keyboard walks the meeting screen in reading order, and back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.domain.model import Body, Meeting, Paragraph, Points
from clerk_app.services import Services
from tests.gui.conftest import settle


def _walk(qtbot: Any, start: QWidget, key: Qt.Key, limit: int = 80) -> list[QWidget]:
    """Every widget Tab (or Shift+Tab) stops at, from ``start`` until it comes round."""
    start.setFocus()
    settle()
    mods = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Backtab else Qt.NoModifier
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        assert widget is not None, f"the focus was lost after {seen[-1:]}"
        if seen and widget is seen[0]:
            return seen
        assert widget not in seen, f"Tab went round a smaller loop at {widget.accessibleName()!r}"
        seen.append(widget)
        qtbot.keyClick(widget, key, mods)
        settle()
    raise AssertionError("Tab never came back to where it started")


def _card_of(widget: QWidget, cards: list[Any]) -> int | None:
    for n, card in enumerate(cards):
        if card.isAncestorOf(widget):
            return n
    return None


def _item_with_three_blocks(svc: Services, body: Body, meeting: Meeting) -> str:
    item = meeting.items[0]
    svc.add_block(meeting, item.id, Paragraph(text="The officer introduced the report."))
    svc.add_block(meeting, item.id, Points(points=["Parking", "Trees"]))
    members = [p.id for p in body.people if p.kind.value == "member"]
    svc.move_motion(
        meeting, item.id, mover_id=members[0], seconder_id=members[1], clauses=["Approve."]
    )
    return item.id


def _open_item(window: Any, meeting: Meeting, item_id: str) -> Any:
    window.open_meeting(meeting.id, quiet=True)
    screen = window.screen_widget
    screen.session.set_current_item(item_id)
    settle()
    return screen


def test_tab_walks_agenda_item_blocks_then_attendance_and_shift_tab_walks_back(
    qtbot: Any, window: Any, gui_services: Services, gui_body: Body, gui_meeting: Meeting
) -> None:
    item_id = _item_with_three_blocks(gui_services, gui_body, gui_meeting)
    screen = _open_item(window, gui_meeting, item_id)
    cards = screen.item_pane.card_list()
    assert len(cards) == 3

    forward = _walk(qtbot, screen.agenda.list, Qt.Key.Key_Tab)
    names = [w.accessibleName() for w in forward]
    assert all(names), f"a stop without an accessible name: {forward[names.index('')]!r}"

    # the panes in reading order: agenda, the item's heading, its blocks, attendance
    title = names.index("Item title")
    first_block = next(i for i, w in enumerate(forward) if _card_of(w, cards) is not None)
    attendance = names.index("Attendance")
    assert 0 == names.index("Agenda") < title < first_block < attendance

    # the blocks in the order they stand, each form's fields together
    order = [c for w in forward if (c := _card_of(w, cards)) is not None]
    assert order == sorted(order) and set(order) == {0, 1, 2}
    block_stops = [n for n, w in zip(names, forward, strict=True) if _card_of(w, cards) is not None]
    assert block_stops.index("Paragraph text") < block_stops.index("Point 1")
    assert block_stops.index("Point 1") < block_stops.index("Point 2")
    motion = [n for n, w in zip(names, forward, strict=True) if _card_of(w, cards) == 2]
    assert motion.index("Moved by") < motion.index("Seconded by") < motion.index("Clauses")
    assert motion.index("Clauses") < motion.index("Vote") < motion.index("Record vote")

    # Shift+Tab is the same round, backwards
    backward = _walk(qtbot, screen.agenda.list, Qt.Key.Key_Backtab)
    assert [backward[0], *reversed(backward[1:])] == forward


def test_tab_follows_the_blocks_when_one_is_added_between_others(
    qtbot: Any, window: Any, gui_services: Services, gui_body: Body, gui_meeting: Meeting
) -> None:
    """A paragraph added after the first block is made last but tabbed to second."""
    item_id = _item_with_three_blocks(gui_services, gui_body, gui_meeting)
    screen = _open_item(window, gui_meeting, item_id)
    first = screen.item_pane.card_list()[0]
    screen.item_pane.focus_block(item_id, first.block_id)
    settle()
    window.registry["insert_paragraph"].trigger()  # goes straight after the current block
    settle()
    cards = screen.item_pane.card_list()
    assert len(cards) == 4 and cards[1].form.TITLE == "Paragraph"
    forward = _walk(qtbot, screen.agenda.list, Qt.Key.Key_Tab)
    order = [c for w in forward if (c := _card_of(w, cards)) is not None]
    assert order == sorted(order) and set(order) == {0, 1, 2, 3}


def _open_long_item(window: Any, gui_services: Services, gui_meeting: Meeting) -> tuple[Any, Any]:
    """The first item given fourteen paragraphs and opened: the screen and its item pane."""
    item = gui_meeting.items[0]
    for n in range(14):
        gui_services.add_block(gui_meeting, item.id, Paragraph(text=f"Paragraph {n + 1}."))
    window.open_meeting(gui_meeting.id, quiet=True)
    screen = window.screen_widget
    screen.session.set_current_item(item.id)
    return screen, screen.item_pane


def test_an_item_with_many_blocks_is_tabbed_in_block_order_once_its_cards_are_made(
    qtbot: Any, window: Any, gui_services: Services, gui_meeting: Meeting, monkeypatch: Any
) -> None:
    """Cards are made from the last block up; Tab still walks them top to bottom."""
    from clerk_app.gui.meeting.item_pane import ItemPane

    monkeypatch.setattr(ItemPane, "BUILD_SLICE_MS", 0)  # one card at a time
    screen, pane = _open_long_item(window, gui_services, gui_meeting)
    made_first = len(pane.built_cards())
    assert 0 < made_first < 14  # the ones that fill the pane; the rest a moment later
    qtbot.waitUntil(lambda: len(pane.built_cards()) == 14, timeout=2000)
    settle()
    cards = pane.card_list()
    # the clerk's place stays in view while the cards above it are made
    focused = QApplication.focusWidget()
    assert focused is not None and cards[-1].isAncestorOf(focused)
    assert not cards[-1].visibleRegion().isEmpty()
    assert cards[0].visibleRegion().isEmpty()  # the top of a long item is scrolled away
    assert [c.form.edit.toPlainText() for c in cards] == [f"Paragraph {n + 1}." for n in range(14)]
    forward = _walk(qtbot, screen.agenda.list, Qt.Key.Key_Tab, limit=120)
    order = [c for w in forward if (c := _card_of(w, cards)) is not None]
    assert order == list(range(14))


def test_the_cards_above_the_visible_ones_wait_for_the_pane_to_be_painted(
    qtbot: Any, window: Any, gui_services: Services, gui_meeting: Meeting, monkeypatch: Any
) -> None:
    """Opening an item makes the cards that fill the pane; those above are begun only
    once the pane has been painted, so the window is up before they are made."""
    from PySide6.QtCore import QCoreApplication

    from clerk_app.gui.meeting.item_pane import ItemPane

    monkeypatch.setattr(ItemPane, "PAINT_WAIT_MS", 60_000)  # only a paint starts them
    item = gui_meeting.items[0]
    for n in range(14):
        gui_services.add_block(gui_meeting, item.id, Paragraph(text=f"Paragraph {n + 1}."))
    window.open_meeting(gui_meeting.id, quiet=True)
    screen = window.screen_widget
    pane = screen.item_pane
    pane.setUpdatesEnabled(False)  # no paint yet
    screen.session.set_current_item(item.id)
    made_first = len(pane.built_cards())
    assert 0 < made_first < 14
    for _ in range(5):
        QCoreApplication.processEvents()
    assert len(pane.built_cards()) == made_first  # waiting for the pane to be painted
    pane.setUpdatesEnabled(True)
    pane.repaint()
    qtbot.waitUntil(lambda: len(pane.built_cards()) == 14, timeout=2000)


def test_a_meeting_reopened_at_start_shows_its_wording_with_its_forms(
    qtbot: Any, gui_services: Services, gui_meeting: Meeting
) -> None:
    """Before the window first shows, the cards that fill the pane are made with their
    wording (one layout, no preview appearing after the first paint); in a shown window
    an item's forms come first and the wording a moment later."""
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs

    item = gui_meeting.items[0]
    for n in range(3):
        gui_services.add_block(gui_meeting, item.id, Paragraph(text=f"Point {n + 1} made."))
    other = gui_meeting.items[1]
    gui_services.add_block(gui_meeting, other.id, Paragraph(text="Another item's words."))
    win = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(win)
    screen = win.open_meeting(gui_meeting.id, quiet=True)
    assert screen is not None and not win.isVisible()
    cards = screen.item_pane.card_list()
    assert [c.preview_text() for c in cards] == [f"Point {n + 1} made." for n in range(3)]
    win.show()
    qtbot.waitExposed(win)
    screen.session.set_current_item(other.id)
    (card,) = screen.item_pane.built_cards()
    assert card.preview_text() == ""  # the form first
    qtbot.waitUntil(lambda: card.preview_text() == "Another item's words.", timeout=2000)
    win.close()


def test_closing_the_meeting_while_its_cards_are_still_being_made_stops_making_them(
    qtbot: Any, window: Any, gui_services: Services, gui_meeting: Meeting, monkeypatch: Any
) -> None:
    """The cards above the visible ones are made a slice at a time after the pane is
    painted: closing the meeting in between drops what was still to come (no timer
    reaches the deleted pane)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from clerk_app.gui.meeting.item_pane import ItemPane

    monkeypatch.setattr(ItemPane, "BUILD_SLICE_MS", 0)  # one card at a time
    _screen, pane = _open_long_item(window, gui_services, gui_meeting)
    qtbot.waitUntil(lambda: 0 < len(pane.built_cards()) < 14 and pane._unbuilt != [], timeout=2000)
    # a slice is waiting: close now
    window.close_meeting()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(20):
        QApplication.processEvents()
    assert window.session is None
