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


def test_tab_walks_agenda_item_blocks_then_attendance_and_shift_tab_walks_back(
    qtbot: Any, window: Any, gui_services: Services, gui_body: Body, gui_meeting: Meeting
) -> None:
    item_id = _item_with_three_blocks(gui_services, gui_body, gui_meeting)
    window.open_meeting(gui_meeting.id, quiet=True)
    screen = window.screen_widget
    screen.session.set_current_item(item_id)
    settle()
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
