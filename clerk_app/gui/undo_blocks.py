"""Undo commands for a minute's blocks: add (by hand or by a use-case), edit, delete and
move a block, and record a motion's vote."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from clerk_app.domain.model import Block, Motion, Outcome, Vote
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo_command import MERGE_BLOCK_TEXT, Command, snapshot


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
