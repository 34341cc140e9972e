"""Undo commands for the meeting's items: edit an item's own fields, add, delete and
move an item, mark its status, and renumber the minutes."""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from clerk_app.domain.model import Item, ItemStatus
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo_command import MERGE_ITEM_TEXT, Command, snapshot


class UpdateItemCommand(Command):
    """An item's own fields (title, purpose, part …) changed."""

    def __init__(
        self,
        session: MeetingSession,
        before: Item,
        after: Item,
        *,
        field: str = "",
        source: object = None,
    ) -> None:
        super().__init__("Edit item")
        self.session = session
        self.before = _item_fields(before)
        self.after = _item_fields(after)
        self.field = field
        self.source = source
        self._first = True

    def id(self) -> int:
        return MERGE_ITEM_TEXT if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateItemCommand):
            return False
        if other.after.id != self.after.id or other.field != self.field:
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        source = self.source if self._first else None
        self._first = False
        self.session.update_item(_item_fields(self.after), source)

    def undo(self) -> None:
        self.session.update_item(_item_fields(self.before), None)


def _item_fields(item: Item) -> Item:
    """A copy of the item without its blocks (blocks are saved on their own)."""
    out = copy.copy(item)
    out.blocks = []
    return copy.deepcopy(out)


class MoveItemCommand(Command):
    def __init__(self, session: MeetingSession, item_id: str, index: int) -> None:
        super().__init__("Move item")
        self.session = session
        self.item_id = item_id
        self.to = index
        self.came_from = [i.id for i in session.meeting.items].index(item_id)

    def apply(self) -> None:
        self.session.move_item(self.item_id, self.to)

    def undo(self) -> None:
        self.session.move_item(self.item_id, self.came_from)


class SetItemStatusCommand(Command):
    def __init__(self, session: MeetingSession, item_id: str, status: ItemStatus) -> None:
        super().__init__(f"Mark item {status.value}")
        self.session = session
        self.item_id = item_id
        self.status = status
        self.before = session.item(item_id).status

    def apply(self) -> None:
        self.session.set_item_status(self.item_id, self.status)

    def undo(self) -> None:
        self.session.set_item_status(self.item_id, self.before)


class AddItemCommand(Command):
    def __init__(self, session: MeetingSession, title: str, index: int | None = None) -> None:
        super().__init__("Add item")
        self.session = session
        self.title = title
        self.index = index
        self.item: Item | None = None

    def apply(self) -> None:
        if self.item is None:
            self.item = snapshot(self.session.add_item(self.title, self.index))
            self.index = [i.id for i in self.session.meeting.items].index(self.item.id)
        else:
            self.session.restore_item(snapshot(self.item), self.index or 0)

    def undo(self) -> None:
        assert self.item is not None
        removed, self.index = self.session.delete_item(self.item.id)
        self.item = snapshot(removed)


class DeleteItemCommand(Command):
    def __init__(self, session: MeetingSession, item_id: str) -> None:
        super().__init__("Delete item")
        self.session = session
        self.item_id = item_id
        self.item: Item | None = None
        self.index = 0

    def apply(self) -> None:
        removed, self.index = self.session.delete_item(self.item_id)
        self.item = snapshot(removed)

    def undo(self) -> None:
        assert self.item is not None
        self.session.restore_item(snapshot(self.item), self.index)


class RenumberMeetingCommand(Command):
    """The items numbered again with the body's numbering; undo puts the old numbers back."""

    def __init__(self, session: MeetingSession) -> None:
        super().__init__("Renumber the minutes")
        self.session = session
        self.before = _numbers(session)
        self.first_before = session.meeting.first_minute
        self.first_after = self.first_before
        self.after: dict[str, tuple[str, str]] | None = None

    def apply(self) -> None:
        if self.after is None:
            self.session.call(self.session.svc.renumber_meeting, self.session.meeting)
            self.after = _numbers(self.session)
            self.first_after = self.session.meeting.first_minute
            self.session.itemsChanged.emit()
        else:
            self._put(self.after, self.first_after)

    def undo(self) -> None:
        self._put(self.before, self.first_before)

    def _put(self, numbers: dict[str, tuple[str, str]], first: int) -> None:
        if self.session.meeting.first_minute != first:
            self.session.meeting.first_minute = first
            self.session.update_meeting()
        for item in self.session.meeting.items:
            if item.id in numbers and (item.number, item.minute_number) != numbers[item.id]:
                after = _item_fields(item)
                after.number, after.minute_number = numbers[item.id]
                self.session.update_item(after)
        self.session.itemsChanged.emit()


def _numbers(session: MeetingSession) -> dict[str, tuple[str, str]]:
    return {i.id: (i.number, i.minute_number) for i in session.meeting.items}
