"""The open meeting as the window sees it: the services, the live record and its undo stack.

Every change the window makes goes through a :class:`MeetingSession` method (usually from
an undo command in :mod:`clerk_app.gui.undo`), which calls the services (so the change is
saved before the method returns) and then emits a signal so the panes can update
themselves without reloading the meeting.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from clerk_app.domain.dates import now_stamp
from clerk_app.domain.model import (
    AttendanceChange,
    AttendanceStatus,
    Block,
    Body,
    ChangeKind,
    Declaration,
    Item,
    Meeting,
    Person,
    PersonKind,
)
from clerk_app.gui.widgets.time_edit import format_time
from clerk_app.services.save_guard import SaveGuard
from clerk_app.storage.errors import StoreError

RETRY_MS = 2000  # while the database is behind the window, try again this often

Flusher = Callable[[], None]


class MeetingSession(QObject):
    """One meeting open in the window."""

    blockAdded = Signal(str, str)  # item id, block id
    blockChanged = Signal(str, str, object)  # item id, block id, source object (or None)
    blockRemoved = Signal(str, str)  # item id, block id
    itemsChanged = Signal()  # order, numbers, statuses or the set of items changed
    itemChanged = Signal(str, object)  # item id, source object (or None)
    attendanceChanged = Signal()
    currentItemChanged = Signal(str)
    currentBlockChanged = Signal(str)
    saved = Signal(object)  # datetime of the save
    failed = Signal(object)  # the exception raised by the services
    unsavedChanged = Signal(object)  # why the database is behind the window, or None
    focusBlockRequested = Signal(str, str)  # item id, block id: put the cursor in this form
    # the meeting's own fields put back by Undo or Redo: even a field with the cursor in it
    # shows them (while the clerk types, a field with the cursor keeps what is typed)
    meetingRestored = Signal()

    def __init__(self, services: Any, meeting: Meeting, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.svc = services
        self.meeting = meeting
        self.body: Body = services.get_body(meeting.body_id)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.current_item_id: str = meeting.items[0].id if meeting.items else ""
        self.current_block_id: str = ""
        self.translations_shown = True  # View → Show translations (bilingual bodies)
        self._flushers: list[Flusher] = []
        # where an item's sound starts in a recording ("0:14:32"), set while recordings exist
        self.sound_starts: Callable[[Item], str] | None = None
        # the window's store keeps failed saves and tries them again (SaveGuard)
        raw = getattr(services, "raw_store", None)
        self.guard: SaveGuard | None = raw if isinstance(raw, SaveGuard) else None
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.retry_save)
        self._last_retry = 0.0
        if self.guard is not None:
            self.guard.track(meeting, self.body)
            self.guard.listen(self._guard_changed)
            if self.guard.behind is not None:
                self._retry.start()

    # ------------------------------------------------------------------ saved or not
    @property
    def unsaved(self) -> BaseException | None:
        """Why some of what the window shows is not in the database, or None."""
        return self.guard.behind if self.guard is not None else None

    def _guard_changed(self, error: BaseException | None) -> None:
        if error is None:
            self._retry.stop()
            self.saved.emit(datetime.now())
        elif not self._retry.isActive():
            self._retry.start()
        self.unsavedChanged.emit(error)

    def retry_save(self) -> bool:
        """Try now to save what is kept in memory; True when everything is saved."""
        import time

        self._last_retry = time.monotonic()
        return self.guard.catch_up() if self.guard is not None else True

    def dispose(self) -> None:
        """The meeting is closing: stop listening (unsaved changes stay with the guard)."""
        self._retry.stop()
        self.index_typed()
        if self.guard is not None:
            self.guard.unlisten(self._guard_changed)
            self.guard.untrack(self.meeting)

    # ------------------------------------------------------------------ lookup
    @property
    def second_language(self) -> str:
        """The name of the minutes' second language ("Welsh"), "" for one language
        (or for minutes whose labels alone are in two: nothing typed is translated)."""
        if self.body.settings.style.bilingual.value in ("none", "labels"):
            return ""
        from clerk_app.domain.translation import second_language

        return second_language(self.body.settings.style)

    def item(self, item_id: str) -> Item:
        found = self.meeting.item(item_id)
        if found is None:
            raise KeyError(item_id)
        return found

    @property
    def current_item(self) -> Item | None:
        return self.meeting.item(self.current_item_id)

    def block(self, item_id: str, block_id: str) -> Block:
        for b in self.item(item_id).blocks:
            if b.id == block_id:
                return b
        raise KeyError(block_id)

    def block_index(self, item_id: str, block_id: str) -> int:
        for i, b in enumerate(self.item(item_id).blocks):
            if b.id == block_id:
                return i
        return -1

    def person(self, person_id: str | None) -> Person | None:
        return self.body.person(person_id)

    def display_name(self, person: Person) -> str:
        from clerk_app.domain import naming

        return naming.display_name(person, self.body.settings)

    def name_of(self, person_id: str | None) -> str:
        p = self.person(person_id)
        return self.display_name(p) if p else ""

    # ------------------------------------------------------------------ the current point
    def set_current_item(self, item_id: str) -> None:
        if item_id == self.current_item_id or self.meeting.item(item_id) is None:
            return
        self.flush()
        self.index_typed()
        self.current_item_id = item_id
        self.current_block_id = ""
        self.currentItemChanged.emit(item_id)

    def set_current_block(self, block_id: str) -> None:
        if block_id != self.current_block_id:
            self.index_typed()
            self.current_block_id = block_id
            self.currentBlockChanged.emit(block_id)

    def index_typed(self) -> None:
        """Index for search what was typed into blocks so far: done when the clerk moves
        to another block or item and when the meeting closes, never while typing (the
        index's occasional merges would hold up a save)."""
        index = getattr(getattr(self.svc, "raw_store", None), "index_pending", None)
        if index is not None and self.unsaved is None:
            with contextlib.suppress(StoreError):
                index()

    def insert_index(self) -> int | None:
        """Where a new block goes: straight after the current block, else at the end."""
        item = self.current_item
        if item is None or not self.current_block_id:
            return None
        idx = self.block_index(item.id, self.current_block_id)
        return None if idx < 0 else idx + 1

    # ------------------------------------------------------------------ pending edits
    def register_flusher(self, fn: Flusher) -> None:
        self._flushers.append(fn)

    def unregister_flusher(self, fn: Flusher) -> None:
        if fn in self._flushers:
            self._flushers.remove(fn)

    def flush(self) -> None:
        """Save every edit still waiting for its typing pause."""
        for fn in list(self._flushers):
            fn()

    # ------------------------------------------------------------------ people and time
    def point_after_current(self) -> tuple[str, str | None]:
        """The current point as a timeline point: just before the block after the current
        one, or the end of the current item."""
        item = self.current_item
        if item is None:
            return "", None
        idx = self.block_index(item.id, self.current_block_id) if self.current_block_id else -1
        if 0 <= idx < len(item.blocks) - 1:
            return item.id, item.blocks[idx + 1].id
        return item.id, None

    def present_ids(self, item_id: str | None = None, block_id: str | None = None) -> set[str]:
        """Who is present just before ``block_id`` of ``item_id`` (None: end of the item).

        With no arguments, at the current point (after the block the cursor is in).
        """
        from clerk_app.domain import timeline

        if item_id is None:
            item_id, block_id = self.point_after_current()
        if not item_id:
            return timeline.initial_presence(self.meeting)
        try:
            return timeline.present_at(self.meeting, self.body, item_id, block_id)
        except KeyError:
            return timeline.present_at(self.meeting, self.body, item_id, None)

    def _departures_before_point(self) -> list[tuple[str, str]]:
        """(person id, note) for each departure before the current point, in order; a
        return is ("", person id) so later lookups can tell who came back."""
        item_id, block_id = self.point_after_current()
        clock = self.body.settings.clock_24h
        out: list[tuple[str, str]] = []
        for item in self.meeting.items:
            for b in item.blocks:
                if item.id == item_id and b.id == block_id:
                    return out
                if isinstance(b, AttendanceChange) and b.person_id:
                    when = format_time(b.at, clock)
                    if b.change is ChangeKind.LEFT:
                        out.append((b.person_id, f"left {when}".strip()))
                    elif b.change is ChangeKind.LEFT_ROOM:
                        out.append((b.person_id, f"left the room {when}".strip()))
                elif isinstance(b, Declaration) and b.left_room and b.person_id:
                    out.append((b.person_id, "left the room (declared an interest)"))
            if item.id == item_id:
                return out
        return out

    def departed_ids(self) -> set[str]:
        """People who have left by the current point (and not come back)."""
        gone = {pid for pid, _note in self._departures_before_point()}
        return gone - self.present_ids()

    def left_note(self, person_id: str) -> str:
        """ "left 2.28 pm" for someone who has left by the current point."""
        for pid, note in reversed(self._departures_before_point()):
            if pid == person_id:
                return note
        return ""

    def voting_present(self, item_id: str | None = None, block_id: str | None = None) -> set[str]:
        from clerk_app.domain import timeline

        present = self.present_ids(item_id, block_id)
        return timeline.voting_members(self.meeting, self.body, present)

    def quorum_state(
        self, item_id: str | None = None, block_id: str | None = None
    ) -> tuple[int, int]:
        """(voting members present, quorum) at a point (default: the current point)."""
        return len(self.voting_present(item_id, block_id)), self.body.settings.quorum

    def members_sorted(self, present_first: bool = True) -> list[Person]:
        present = self.present_ids()
        people = [p for p in self.body.people if p.active]
        if present_first:
            people.sort(key=lambda p: (p.id not in present, p.kind is not PersonKind.MEMBER))
        return people

    # ------------------------------------------------------------------ saving
    def push(self, command: Any) -> bool:
        """Apply an undo command and, if the services accepted it, put it on the stack.

        Returns False when the change was refused (``failed`` has been emitted and the
        stack is unchanged).
        """
        try:
            command.apply()
        except Exception:
            return False
        command.skip_next_redo = True
        self.undo_stack.push(command)
        return True

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call a service; on success report the save, on failure report and re-raise.

        A save that fails because of the clerk's situation (locked, full, gone) does not
        fail the call: the change is kept in memory, the session says it is unsaved, and
        it is saved again on the retry timer or with the next change (at most once a
        second, so a locked database never makes typing wait on every key)."""
        import time

        try:
            result = fn(*args, **kwargs)
        except StoreError as exc:
            if self.guard is None:
                self.failed.emit(exc)
                raise
            # a read the use-case needed failed after the meeting changed in memory
            self.guard.fail_meeting(self.meeting, exc)
            raise
        except Exception as exc:
            self.failed.emit(exc)
            raise
        if self.unsaved is not None and time.monotonic() - self._last_retry > 1.0:
            self.retry_save()
        if self.unsaved is None:
            self.saved.emit(datetime.now())
        return result

    # blocks ----------------------------------------------------------------
    def add_block(self, item_id: str, block: Block, index: int | None = None) -> Block:
        if not block.heard_at:  # the bookmark of its moment in a recording of the meeting
            block.heard_at = now_stamp()
        saved = self.call(self.svc.add_block, self.meeting, item_id, block, index)
        self.blockAdded.emit(item_id, saved.id)
        self._after_attendance_block(saved)
        return saved

    def update_block(self, item_id: str, block: Block, source: object = None) -> Block:
        """Save ``block`` (a changed copy, or the live object) as the block with its id."""
        live = self.block(item_id, block.id)
        if live is not block:
            before = copy.deepcopy(vars(live))
            for name, value in vars(block).items():
                setattr(live, name, copy.deepcopy(value))
            try:
                saved = self.call(self.svc.update_block, self.meeting, item_id, live)
            except StoreError:
                raise  # kept in memory, to be saved again (see call)
            except Exception:
                # refused (an impossible vote …): the record keeps its last saved state and
                # the form, which still shows the typing, saves it again when it changes
                vars(live).update(before)
                raise
        else:
            saved = self.call(self.svc.update_block, self.meeting, item_id, live)
        self.blockChanged.emit(item_id, live.id, source)
        self._after_attendance_block(live)
        return saved

    def delete_block(self, item_id: str, block_id: str) -> tuple[Block, int]:
        block, index = self.call(self.svc.delete_block, self.meeting, item_id, block_id)
        if self.current_block_id == block_id:
            self.current_block_id = ""
        self.blockRemoved.emit(item_id, block_id)
        self._after_attendance_block(block)
        return block, index

    def move_block(self, item_id: str, block_id: str, index: int) -> None:
        self.call(self.svc.move_block, self.meeting, item_id, block_id, index)
        self.itemChanged.emit(item_id, None)

    def use_case(self, item_id: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a services use-case that adds or changes blocks of ``item_id``."""
        before = {b.id for b in self.item(item_id).blocks}
        result = self.call(fn, self.meeting, item_id, *args, **kwargs)
        for b in self.item(item_id).blocks:
            if b.id not in before:
                if not b.heard_at:  # bookmarked as the blocks the forms add are
                    b.heard_at = now_stamp()
                    self.call(self.svc.update_block, self.meeting, item_id, b)
                self.blockAdded.emit(item_id, b.id)
                self._after_attendance_block(b)
        return result

    def _after_attendance_block(self, block: Block) -> None:
        # a declaration whose member left the room changes who is present too
        if isinstance(block, AttendanceChange | Declaration):
            self.attendanceChanged.emit()

    # items -----------------------------------------------------------------
    def update_item(self, item: Item, source: object = None) -> Item:
        live = self.item(item.id)
        before = {k: v for k, v in vars(live).items() if k != "blocks"}
        if live is not item:
            for name in vars(item):
                if name != "blocks":
                    setattr(live, name, copy.deepcopy(getattr(item, name)))
        try:
            saved = self.call(self.svc.update_item, self.meeting, live)
        except StoreError:
            raise
        except Exception:
            vars(live).update(before)
            raise
        self.itemChanged.emit(live.id, source)  # its title or part: not the agenda's order
        return saved

    def move_item(self, item_id: str, index: int) -> None:
        self.call(self.svc.move_item, self.meeting, item_id, index)
        self.itemsChanged.emit()

    def set_item_status(self, item_id: str, status: Any) -> Item:
        item = self.call(self.svc.set_item_status, self.meeting, item_id, status)
        self.itemsChanged.emit()
        return item

    def add_item(self, title: str, index: int | None = None) -> Item:
        item = self.call(self.svc.add_item, self.meeting, title, index)
        self.itemsChanged.emit()
        return item

    def delete_item(self, item_id: str) -> tuple[Item, int]:
        item, index = self.call(self.svc.delete_item, self.meeting, item_id)
        if self.current_item_id == item_id:
            self.current_item_id = self.meeting.items[0].id if self.meeting.items else ""
            self.currentItemChanged.emit(self.current_item_id)
        self.itemsChanged.emit()
        self.attendanceChanged.emit()
        return item, index

    def restore_item(self, item: Item, index: int) -> Item:
        restored = self.call(self.svc.restore_item, self.meeting, item, index)
        self.itemsChanged.emit()
        self.attendanceChanged.emit()
        return restored

    # attendance ------------------------------------------------------------
    def set_attendance(self, person_id: str, status: AttendanceStatus, **kw: Any) -> None:
        self.call(self.svc.set_attendance, self.meeting, person_id, status, **kw)
        self.attendanceChanged.emit()

    def remove_attendance(self, person_id: str) -> None:
        self.call(self.svc.remove_attendance, self.meeting, person_id)
        self.attendanceChanged.emit()

    def update_meeting(self) -> None:
        self.call(self.svc.update_meeting, self.meeting)
        self.itemsChanged.emit()

    # rendering and checks --------------------------------------------------
    def render_block(self, item_id: str, block: Block) -> list[Any]:
        return list(self.svc.render_block(self.meeting, item_id, block))

    def auto_wording(self, item_id: str) -> list[str]:
        return list(self.svc.auto_wording(self.meeting, item_id))

    def issues(self) -> list[Any]:
        return list(self.svc.check(self.meeting))
