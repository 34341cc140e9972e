"""Making what is saved survive a power cut, without making typing wait.

Clerk's connection runs SQLite in WAL mode with ``synchronous=NORMAL``: a committed save
is in the operating system's hands at once (it survives Clerk being killed), but is only
forced onto the disk when the WAL is checkpointed. :class:`WalSyncer` checkpoints on a
thread and a connection of its own every ``interval`` seconds while something has
changed, so a power cut or operating-system crash loses at most about that long, and
``clerk.db`` on its own is a current copy of the library (a clerk who copies the file
gets everything). A PASSIVE checkpoint never waits for the window's writes, nor they for
it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

SYNC_INTERVAL = 2.0  # seconds: the most a power cut can cost, beyond the checkpoint itself


class WalSyncer:
    """Checkpoints the database at ``path()`` every ``interval`` seconds when it changed."""

    def __init__(self, path: Callable[[], Path], interval: float = SYNC_INTERVAL) -> None:
        self._path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._conn_path: Path | None = None
        self._version: int | None = None
        self.checkpoints = 0
        self.last_duration = 0.0  # seconds the last checkpoint took
        self.last_error: BaseException | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="clerk-wal-sync", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread (after one last checkpoint if anything changed)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5)

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                self.sync()
            self.sync()
        finally:
            self._close()

    def sync(self) -> bool:
        """Checkpoint now if the database changed since the last time; True if it did."""
        try:
            conn = self._connection()
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version == self._version:
                return False
            started = time.perf_counter()
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.last_duration = time.perf_counter() - started
            self._version = version
            self.checkpoints += 1
            self.last_error = None
            return True
        except (sqlite3.Error, OSError) as exc:
            if type(exc) is not type(self.last_error):
                log.info("The background disk sync could not run: %s", exc)
            self.last_error = exc
            self._close()
            return False

    def _connection(self) -> sqlite3.Connection:
        path = self._path()
        if self._conn is None or self._conn_path != path:
            self._close()
            if not path.exists():
                raise FileNotFoundError(path)
            # no journal-mode change here: the window's connection set WAL already
            self._conn = sqlite3.connect(os.fspath(path), timeout=0.05, check_same_thread=False)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn_path = path
            self._version = None
        return self._conn

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
