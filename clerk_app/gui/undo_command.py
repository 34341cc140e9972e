"""The base of Clerk's undo commands (:class:`Command`) and what they share: a snapshot
of the record and the ids that let typing into one field merge into one undo step."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

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
