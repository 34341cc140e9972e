"""Undo commands: one small QUndoCommand per kind of edit, each saving through the session.

Every command can be tested by calling ``redo()`` and ``undo()`` directly. The first
``redo()`` happens when the command is pushed onto the stack; the change is saved by the
services inside it, so the record on disk always matches the top of the undo stack.

The commands live by what they change: :mod:`clerk_app.gui.undo_blocks` (a minute's
blocks), :mod:`clerk_app.gui.undo_items` (the items) and :mod:`clerk_app.gui.undo_meeting`
(the header and attendance), on the base in :mod:`clerk_app.gui.undo_command`; this module
names them all in one place.
"""

from __future__ import annotations

from clerk_app.gui.undo_blocks import (
    AddBlockCommand,
    DeleteBlockCommand,
    MoveBlockCommand,
    RecordVoteCommand,
    UpdateBlockCommand,
    UseCaseAddCommand,
)
from clerk_app.gui.undo_command import MERGE_BLOCK_TEXT, MERGE_ITEM_TEXT, Command, snapshot
from clerk_app.gui.undo_items import (
    AddItemCommand,
    DeleteItemCommand,
    MoveItemCommand,
    RenumberMeetingCommand,
    SetItemStatusCommand,
    UpdateItemCommand,
)
from clerk_app.gui.undo_meeting import (
    HEADER_FIELDS,
    ClearAttendanceCommand,
    SetAttendanceCommand,
    UpdateMeetingHeaderCommand,
    put_back_attendance,
)

__all__ = [
    "HEADER_FIELDS",
    "MERGE_BLOCK_TEXT",
    "MERGE_ITEM_TEXT",
    "AddBlockCommand",
    "AddItemCommand",
    "ClearAttendanceCommand",
    "Command",
    "DeleteBlockCommand",
    "DeleteItemCommand",
    "MoveBlockCommand",
    "MoveItemCommand",
    "RecordVoteCommand",
    "RenumberMeetingCommand",
    "SetAttendanceCommand",
    "SetItemStatusCommand",
    "UpdateBlockCommand",
    "UpdateItemCommand",
    "UpdateMeetingHeaderCommand",
    "UseCaseAddCommand",
    "put_back_attendance",
    "snapshot",
]
