"""Undo commands: one small QUndoCommand per kind of edit, each saving through the session.

Every command can be tested by calling ``redo()`` and ``undo()`` directly. The first
``redo()`` happens when the command is pushed onto the stack; the change is saved by the
services inside it, so the record on disk always matches the top of the undo stack.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from clerk_app.domain.model import Block, Item, ItemStatus, Motion, Outcome, Vote
from clerk_app.gui.meeting.session import MeetingSession

# ids for mergeWith: typing into the same field of the same block coalesces
MERGE_BLOCK_TEXT = 1001
MERGE_ITEM_TEXT = 1002


def snapshot(obj: Any) -> Any:
    return copy.deepcopy(obj)


class Command(QUndoCommand):
    """Base of Clerk's commands: ``apply`` does the change, ``undo`` reverses it.

    :meth:`MeetingSession.push` applies a command *before* putting it on the stack, so a
    change the services refuse never becomes an undo step; the stack's own first
    ``redo()`` is then skipped.
    """

    skip_next_redo = False

    def redo(self) -> None:
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        self.apply()

    def apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class AddBlockCommand(Command):
    """Insert a new block; undo removes it, redo puts the same block back."""

    def __init__(
        self,
        session: MeetingSession,
        item_id: str,
        block: Block,
        index: int | None = None,
        text: str = "",
    ) -> None:
        super().__init__(text or f"Add {block.KIND.replace('_', ' ')}")
        self.session = session
        self.item_id = item_id
        self.block = block
        self.index = index

    def apply(self) -> None:
        self.session.add_block(self.item_id, snapshot(self.block), self.index)
        self.session.focusBlockRequested.emit(self.item_id, self.block.id)

    def undo(self) -> None:
        self.block = snapshot(self.session.block(self.item_id, self.block.id))
        self.session.delete_block(self.item_id, self.block.id)


class UseCaseAddCommand(Command):
    """A services use-case that adds one block (record_attendance_change, add_action …).

    The first redo runs the use-case; later redos put back exactly the block it made.
    """

    def __init__(
        self,
        session: MeetingSession,
        item_id: str,
        text: str,
        run: Callable[[], Block],
    ) -> None:
        super().__init__(text)
        self.session = session
        self.item_id = item_id
        self.run = run
        self.block: Block | None = None
        self.index: int | None = None

    def apply(self) -> None:
        if self.block is None:
            made = self.session.use_case(self.item_id, lambda _m, _i: self.run())
            self.block = snapshot(made)
        else:
            self.session.add_block(self.item_id, snapshot(self.block), self.index)

    def undo(self) -> None:
        assert self.block is not None
        removed, self.index = self.session.delete_block(self.item_id, self.block.id)
        self.block = snapshot(removed)


class UpdateBlockCommand(Command):
    """A block's fields changed from ``before`` to ``after`` (full snapshots)."""

    def __init__(
        self,
        session: MeetingSession,
        item_id: str,
        before: Block,
        after: Block,
        *,
        field: str = "",
        source: object = None,
        text: str = "",
    ) -> None:
        super().__init__(text or "Edit")
        self.session = session
        self.item_id = item_id
        self.before = snapshot(before)
        self.after = snapshot(after)
        self.field = field  # typing into the same field merges
        self.source = source
        self._first = True

    def id(self) -> int:
        return MERGE_BLOCK_TEXT if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateBlockCommand):
            return False
        if other.after.id != self.after.id or other.field != self.field:
            return False
        self.after = snapshot(other.after)
        return True

    def apply(self) -> None:
        # on the first redo the form is the source: it already shows these values
        source = self.source if self._first else None
        self._first = False
        self.session.update_block(self.item_id, snapshot(self.after), source)

    def undo(self) -> None:
        self.session.update_block(self.item_id, snapshot(self.before), None)
        self.session.focusBlockRequested.emit(self.item_id, self.before.id)


class DeleteBlockCommand(Command):
    """Delete a block; undo re-adds it where it was."""

    def __init__(self, session: MeetingSession, item_id: str, block_id: str) -> None:
        super().__init__("Delete block")
        self.session = session
        self.item_id = item_id
        self.block_id = block_id
        self.block: Block | None = None
        self.index: int | None = None

    def apply(self) -> None:
        removed, self.index = self.session.delete_block(self.item_id, self.block_id)
        self.block = snapshot(removed)

    def undo(self) -> None:
        assert self.block is not None
        self.session.add_block(self.item_id, snapshot(self.block), self.index)
        self.session.focusBlockRequested.emit(self.item_id, self.block_id)


class MoveBlockCommand(Command):
    def __init__(self, session: MeetingSession, item_id: str, block_id: str, index: int) -> None:
        super().__init__("Move block")
        self.session = session
        self.item_id = item_id
        self.block_id = block_id
        self.to = index
        self.came_from = session.block_index(item_id, block_id)

    def apply(self) -> None:
        self.session.move_block(self.item_id, self.block_id, self.to)

    def undo(self) -> None:
        self.session.move_block(self.item_id, self.block_id, self.came_from)


class RecordVoteCommand(Command):
    """Record a motion's vote and outcome.

    A carried amendment also makes the new substantive motion; undo removes it and puts the
    motion's vote back as it was, redo restores both exactly.
    """

    def __init__(
        self,
        session: MeetingSession,
        item_id: str,
        motion_id: str,
        vote: Vote,
        outcome: Outcome | None,
        by_hand: bool | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__("Record vote")
        self.session = session
        self.item_id = item_id
        self.motion_id = motion_id
        self.vote = snapshot(vote)
        self.outcome = outcome
        self.by_hand = by_hand
        self.detail = detail
        self.before: Block = snapshot(session.block(item_id, motion_id))
        self.after: Block | None = None
        self.made: list[tuple[int, Block]] = []  # blocks the vote created, with their index

    def apply(self) -> None:
        if self.after is None:
            existing = {b.id for b in self.session.item(self.item_id).blocks}
            self.session.use_case(
                self.item_id,
                self.session.svc.record_vote,
                self.motion_id,
                snapshot(self.vote),
                self.outcome,
                by_hand=self.by_hand,
                detail=self.detail,
            )
            self.after = snapshot(self.session.block(self.item_id, self.motion_id))
            self.session.blockChanged.emit(self.item_id, self.motion_id, None)
            item = self.session.item(self.item_id)
            self.made = [
                (i, snapshot(b)) for i, b in enumerate(item.blocks) if b.id not in existing
            ]
        else:
            self.session.update_block(self.item_id, snapshot(self.after))
            for index, block in self.made:
                self.session.add_block(self.item_id, snapshot(block), index)

    def undo(self) -> None:
        for _index, block in reversed(self.made):
            self.session.delete_block(self.item_id, block.id)
        self.session.update_block(self.item_id, snapshot(self.before))
        self.session.focusBlockRequested.emit(self.item_id, self.motion_id)

    @property
    def new_motion(self) -> Motion | None:
        for _i, b in self.made:
            if isinstance(b, Motion):
                return b
        return None


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


class SetAttendanceCommand(Command):
    """A person's attendance status in the meeting's attendance list."""

    def __init__(self, session: MeetingSession, person_id: str, status: Any, **kw: Any) -> None:
        super().__init__("Change attendance")
        self.session = session
        self.person_id = person_id
        self.status = status
        self.kw = kw
        self.before = snapshot(session.meeting.attendance_of(person_id))

    def apply(self) -> None:
        self.session.set_attendance(self.person_id, self.status, **self.kw)

    def undo(self) -> None:
        if self.before is None:
            self.session.remove_attendance(self.person_id)
        else:
            put_back_attendance(self.session, self.person_id, self.before)


def put_back_attendance(session: MeetingSession, person_id: str, before: Any) -> None:
    """Set a person's attendance back to ``before`` (a snapshot taken before a change)."""
    session.set_attendance(
        person_id,
        before.status,
        reason=before.reason,
        substitute_for=before.substitute_for,
        note=before.note,
        translation=dict(before.translation),
    )


HEADER_FIELDS = (
    "start_time",
    "end_time",
    "public_count",
    "status",
    "mode",
    "platform",
    "presiding_id",
    "minute_taker_id",
    "held",
    "next_date",
    "next_time",
    "next_venue",
    "after_signature",
    "translation",
)


class UpdateMeetingHeaderCommand(Command):
    """The meeting's times, public count or status changed (typed, or F5 / Shift+F5)."""

    def __init__(self, session: MeetingSession, text: str, **after: Any) -> None:
        super().__init__(text)
        self.session = session
        meeting = session.meeting
        self.before = {f: getattr(meeting, f) for f in HEADER_FIELDS}
        self.after = {**self.before, **after}

    def _put(self, values: dict[str, Any]) -> None:
        meeting = self.session.meeting
        kept = {f: getattr(meeting, f) for f in HEADER_FIELDS}
        for name, value in values.items():
            setattr(meeting, name, value)
        try:
            self.session.update_meeting()
        except Exception:
            for name, value in kept.items():  # refused: the record keeps what it had
                setattr(meeting, name, value)
            raise

    def apply(self) -> None:
        self._put(self.after)

    def redo(self) -> None:
        again = not self.skip_next_redo  # not the change itself: Redo
        super().redo()
        if again:
            self.session.meetingRestored.emit()

    def undo(self) -> None:
        self._put(self.before)
        self.session.meetingRestored.emit()


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


class ClearAttendanceCommand(Command):
    """A person taken off the meeting's attendance list; undo puts the record back."""

    def __init__(self, session: MeetingSession, person_id: str) -> None:
        super().__init__("Change attendance")
        self.session = session
        self.person_id = person_id
        self.before = snapshot(session.meeting.attendance_of(person_id))

    def apply(self) -> None:
        self.session.remove_attendance(self.person_id)

    def undo(self) -> None:
        if self.before is not None:
            put_back_attendance(self.session, self.person_id, self.before)
