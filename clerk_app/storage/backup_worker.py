"""Backups on a thread of their own, so the window's thread never waits for one.

:class:`BackupWorker` copies the database on a worker thread through a connection of its
own, a few hundred pages a step from one read snapshot (WAL lets the window's saves go on
meanwhile), checks the copy with ``PRAGMA quick_check`` — the integrity check that would
otherwise slow every opening — and thins the older backups. Requests made while one runs
are merged into one. A database on a network drive is held in exclusive locking mode, so
no second connection can read it: there the store's own connection is used, a step at a
time (a save then waits for one step at most).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clerk_app.storage import backup as bk
from clerk_app.storage.errors import BackupFailed, CorruptDatabase, StoreError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupReport:
    """What one background backup did: its file, or why there is none."""

    reason: str
    path: Path | None
    changes: int | None  # the change counter the copy holds
    error: StoreError | None
    seconds: float


class BackupWorker:
    """Takes the backups a store asks for, one at a time, on a daemon thread."""

    def __init__(
        self,
        database: Path,
        folder: Path,
        *,
        keep: int = bk.KEEP_BACKUPS,
        shared: Callable[[], sqlite3.Connection | None] | None = None,
        on_done: Callable[[BackupReport], None] | None = None,
        pages: int = bk.PAGES_PER_STEP,
    ) -> None:
        self.database = database
        self.folder = folder
        self.keep = keep
        self.pages = pages
        self._shared = shared  # the store's connection, on a network drive
        self._on_done = on_done
        self._wake = threading.Condition()
        self._queued: str | None = None
        self._busy = False
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.reports: list[BackupReport] = []  # the newest last

    # ------------------------------------------------------------------ control

    def request(self, reason: str) -> None:
        """Take a backup soon (one already waiting takes this one's place)."""
        with self._wake:
            if self._stopping:
                return
            self._queued = reason
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="clerk-backup", daemon=True)
                self._thread.start()
            self._wake.notify()

    @property
    def busy(self) -> bool:
        """True while a backup is waiting or being written."""
        with self._wake:
            return self._busy or self._queued is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no backup is waiting or running; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._wake:
            while self._busy or self._queued is not None:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._wake.wait(left)
        return True

    def stop(self) -> None:
        """Stop the thread; a backup being written is abandoned (its part removed)."""
        with self._wake:
            self._stopping = True
            self._queued = None
            self._wake.notify_all()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=10)

    # ------------------------------------------------------------------ the thread

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._queued is None and not self._stopping:
                    self._wake.wait()
                if self._stopping or self._queued is None:
                    return
                reason, self._queued = self._queued, None
                self._busy = True
            try:
                report = self._backup(reason)
            finally:
                with self._wake:
                    self._busy = False
                    self._wake.notify_all()
            if report is None:
                return  # stopped half-way
            self.reports.append(report)
            del self.reports[:-20]
            if self._on_done is not None:
                try:
                    self._on_done(report)
                except Exception:  # a listener's fault must not end the backups
                    log.exception("Backup listener failed")

    def _backup(self, reason: str) -> BackupReport | None:
        started = time.perf_counter()
        target = self.folder / bk.backup_name(self.database, reason)
        changes: int | None = None
        error: StoreError | None = None
        path: Path | None = None
        try:
            shared = self._shared() if self._shared is not None else None
            if shared is not None:
                changes = bk.write_backup(shared, target, pages=self.pages, stop=self._stopped)
            else:
                conn = bk.connect_readonly(self.database)
                try:
                    changes = bk.write_backup(
                        conn, target, pages=self.pages, snapshot=True, stop=self._stopped
                    )
                finally:
                    conn.close()
            if not bk.quick_check(target):
                with contextlib.suppress(OSError):
                    target.unlink()
                raise CorruptDatabase(
                    "The database may be damaged: the check of its newest backup found "
                    "damaged pages.",
                    "Close Clerk and open it again: it checks the database and offers the "
                    "backups if it is damaged. `clerk-app restore` lists them too.",
                    path=self.database,
                )
            path = target
            bk.prune_backups(self.folder, self.database, self.keep)
        except bk.BackupStopped:
            return None
        except StoreError as exc:
            error = exc
        except (OSError, sqlite3.Error) as exc:
            error = BackupFailed(
                f"Clerk could not make a backup of the database in {self.folder} ({exc}).",
                path=target,
            )
        if error is not None:
            log.warning("Background backup failed: %s", error)
        return BackupReport(reason, path, changes, error, time.perf_counter() - started)

    def _stopped(self) -> bool:
        return self._stopping
