"""Saving that never forgets: the window's store, with failed writes kept and retried.

The services change the open meeting in memory and then write it through the store. When
the write fails because of the clerk's situation (the database locked by another
program, a full disk, a read-only file, a data folder that has gone), the change is still
in memory and on screen but not on disk. :class:`SaveGuard` sits between the services and
the store for the window: such a failure does not undo the change or stop the use-case;
the guard records what is now behind (the meetings written to, and any other writes, in
order), reports it, and from then on writes nothing until :meth:`catch_up` succeeds in
saving every meeting that is behind *as a whole* (``save_meeting`` of the live object) and
replaying the other writes. So "what the window shows" and "what the database holds" are
two states, and :attr:`behind` says whether they differ.

A write that fails inside a transaction makes the whole transaction roll back, so the
database never holds half of a change.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.storage.errors import StoreError

if TYPE_CHECKING:
    from clerk_app.domain.model import Meeting
    from clerk_app.storage import Store

log = logging.getLogger(__name__)

# Writes the window's use-cases make, with how each names its meeting: the position of a
# meeting id among the arguments, or "meeting" for a Meeting object as the first.
_MEETING_WRITES: dict[str, int | str] = {
    "save_meeting": "meeting",
    "save_meeting_header": "meeting",
    "save_attendance": 0,
    "delete_attendance": 0,
    "save_item": 0,
    "delete_item": 0,
    "set_item_order": 0,
    "save_block": 0,
    "delete_block": 0,
    "set_block_order": 0,
}
# Other writes: kept in order and made again when the database can be written.
_OTHER_WRITES = ("add_audit", "save_body", "save_person")

# How long a save waits for another program's lock before the window goes on with the
# change kept in memory (retried shortly): typing must never freeze for seconds.
WINDOW_BUSY_TIMEOUT = 0.1

Listener = Callable[["StoreError | None"], None]


class _Rollback(Exception):
    """Raised inside a transaction to roll back a change one of whose writes failed."""


class SaveGuard:
    """The store, for the window: failed writes are kept in memory and retried."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.behind: StoreError | None = None  # why the database is behind the window
        self._meetings: dict[str, Meeting] = {}  # live meetings the window has open
        self._dirty: dict[str, Meeting | None] = {}  # meeting id → its object if known
        self._replay: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self._bodies: dict[str, Any] = {}  # their bodies, as the window holds them
        self._depth = 0
        self._failed_in_transaction = False
        self._pending_error: StoreError | None = None
        self._tx_writes: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self._listeners: list[Listener] = []

    # ----------------------------------------------------------------- plumbing

    @property
    def raw(self) -> Store:
        return self._store

    def __getattr__(self, name: str) -> Any:
        if name in _MEETING_WRITES or name in _OTHER_WRITES:
            return self._guarded(name)
        return getattr(self._store, name)

    def listen(self, fn: Listener) -> None:
        """``fn(error)`` when the database falls behind, ``fn(None)`` when it catches up."""
        self._listeners.append(fn)

    def unlisten(self, fn: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(fn)

    def _tell(self) -> None:
        for fn in list(self._listeners):
            fn(self.behind)

    def track(self, meeting: Meeting, body: Any = None) -> None:
        """``meeting`` is open in the window: when it falls behind, the live object is what
        gets saved again (and ``body``, if the library has to move to another folder)."""
        self._meetings[meeting.id] = meeting
        if body is not None:
            self._bodies[body.id] = body

    def untrack(self, meeting: Meeting) -> None:
        if self._meetings.get(meeting.id) is meeting:
            del self._meetings[meeting.id]

    def index_pending(self) -> None:
        """Index for search the words saved since the last time (see
        ``Store.index_pending``), unless saves are failing. Failing here is not a failed
        save: the words are in the database and wait to be indexed next time."""
        if self.behind is not None or self._depth:
            return
        with contextlib.suppress(StoreError):
            self._store.index_pending()

    # ----------------------------------------------------------------- writes

    def _guarded(self, name: str) -> Callable[..., Any]:
        method = getattr(self._store, name)

        def write(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                self._tx_writes.append((name, args, kwargs))
            if self.behind is not None or self._failed_in_transaction:
                if not self._depth:
                    self._remember(name, args, kwargs)
                return None
            try:
                return method(*args, **kwargs)
            except StoreError as exc:
                if not self._depth:
                    self._remember(name, args, kwargs)
                self._fail(exc)
                return None

        return write

    def _remember(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        where = _MEETING_WRITES.get(name)
        if where == "meeting":
            meeting = args[0] if args else kwargs["meeting"]
            self._dirty[meeting.id] = meeting
        elif isinstance(where, int):
            meeting_id = str(args[where] if len(args) > where else kwargs["meeting_id"])
            self._dirty.setdefault(meeting_id, None)
        else:
            self._replay.append((name, args, kwargs))

    def _fail(self, exc: StoreError) -> None:
        first = self.behind is None and not self._failed_in_transaction
        if self._depth:
            self._failed_in_transaction = True
            self._pending_error = exc
            return
        self.behind = exc
        if first:
            log.warning("Saving failed; the change is kept and will be saved again: %s", exc)
        self._tell()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """The store's transaction; when a write inside fails it is rolled back whole and
        the change is kept to be saved again."""
        if self._depth or self.behind is not None:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self._failed_in_transaction = False
        self._tx_writes = []
        try:
            with self._store.transaction():
                yield
                if self._failed_in_transaction:
                    raise _Rollback
        except _Rollback:
            pass
        except StoreError as exc:  # the commit itself, or opening the transaction
            self._failed_in_transaction = True
            self._pending_error = exc
        except Exception:
            if not self._failed_in_transaction:
                raise
            # SQLite ended the transaction itself after a failed write: same fault
        finally:
            self._depth = 0
            failed, self._failed_in_transaction = self._failed_in_transaction, False
            writes, self._tx_writes = self._tx_writes, []
        if failed:
            for name, args, kwargs in writes:  # every write of the change was rolled back
                self._remember(name, args, kwargs)
            self._fail(self._pending_error or StoreError())

    def fail_meeting(self, meeting: Meeting, exc: StoreError) -> None:
        """A use-case on ``meeting`` failed on the store part-way (after changing the
        meeting in memory): save the whole meeting again when the fault clears."""
        self._dirty[meeting.id] = meeting
        self._fail(exc)

    # ----------------------------------------------------------------- catching up

    def catch_up(self) -> bool:
        """Save again everything that is behind. True when the database is up to date."""
        if self.behind is None:
            return True
        store = self._store
        try:
            if not store.in_place:
                store.reconnect()  # raises DataFolderMissing while it is still gone
            with store.transaction():
                self._write_behind(store)
        except StoreError as exc:
            changed = type(exc) is not type(self.behind)
            self.behind = exc
            if changed:
                self._tell()
            return False
        self.behind = None
        self._dirty.clear()
        self._replay.clear()
        log.info("The changes kept in memory are now saved.")
        self._tell()
        return True

    def _write_behind(self, store: Store) -> None:
        for meeting_id, known in self._dirty.items():
            meeting = self._meetings.get(meeting_id) or known
            if meeting is not None:
                store.save_meeting(meeting)
        for name, args, kwargs in self._replay:
            getattr(store, name)(*args, **kwargs)

    # ----------------------------------------------------------------- a new folder

    def move_library(self, folder: str | os.PathLike[str]) -> Store:
        """Write the library into ``folder`` (the data folder has gone) and use it from now
        on: a copy of the whole library if the old file can still be read, else a new
        library holding the open meetings and their bodies. Returns the new store."""
        from clerk_app.storage import Store as StoreClass

        target = Path(folder) / self._store.path.name
        old = self._store
        try:
            old.copy_to(target)
        except (StoreError, OSError) as exc:
            log.warning(
                "Could not copy the library to %s (%s); saving the open meetings", target, exc
            )
            with contextlib.suppress(OSError):
                target.unlink(missing_ok=True)
            new = StoreClass.open(target, backup_dir=Path(folder) / "backups")
            try:
                with new.transaction():
                    for body in self._bodies.values():
                        new.save_body(body)
                    for meeting in self._open_and_dirty():
                        new.save_meeting(meeting)
            except BaseException:
                new.close()
                raise
        else:
            new = StoreClass.open(target, backup_dir=Path(folder) / "backups")
            try:
                with new.transaction():
                    self._write_behind(new)
            except BaseException:
                new.close()
                raise
        with contextlib.suppress(Exception):
            old.close()
        self._store = new
        self.behind = None
        self._dirty.clear()
        self._replay.clear()
        self._tell()
        return new

    def _open_and_dirty(self) -> list[Meeting]:
        """The open meetings, and any other meeting whose changes are not on disk."""
        seen: dict[str, Meeting] = dict(self._meetings)
        for meeting_id, known in self._dirty.items():
            if known is not None:
                seen.setdefault(meeting_id, known)
        return list(seen.values())
