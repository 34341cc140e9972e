"""The store: one SQLite database file holding every body, meeting and minute.

Opening checks the file without changing it (a newer or foreign file is refused; its
pages are checked only after an unclean shutdown, see :attr:`Store.unclean_shutdown`),
takes the sidecar lock and migrates the schema. Backups are taken on a worker thread
(:meth:`Store.backup_in_background`), each checked as it is written. Every public write
runs in one transaction that is committed — and so durable — when the call returns.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from clerk_app.domain.model import Body, Person
from clerk_app.storage import backup as bk
from clerk_app.storage import rows, schema
from clerk_app.storage.errors import (
    BackupFailed,
    CorruptDatabase,
    DatabaseLocked,
    DataFolderMissing,
    NotAClerkDatabase,
    NotFound,
    StoreError,
    advise_without_backups,
    translating,
)
from clerk_app.storage.lock import SidecarLock, lock_path, read_holder
from clerk_app.storage.meetings import MeetingOps

if TYPE_CHECKING:
    import sqlite_utils

    from clerk_app.storage.backup_worker import BackupReport, BackupWorker
    from clerk_app.storage.netfs import FileSystem
    from clerk_app.storage.search import SearchHit

BACKUP_INTERVAL = 600.0  # seconds between periodic backups while the database changes

# Durability: WAL with synchronous=NORMAL makes every committed call survive the process
# being killed (the commit is in the operating system's hands when the call returns); only
# an operating-system crash or power cut can lose the last moments. FULL adds an fsync to
# every commit, which on ordinary disks costs more than the 5 ms budget for saving a block,
# so it is available (``Store.open(..., synchronous="FULL")``) but not the default.
DEFAULT_SYNCHRONOUS = "NORMAL"
# Let the WAL grow to ~40 MB before an automatic checkpoint so that the occasional slow,
# syncing checkpoint is rare while typing; the periodic backup timer checkpoints too.
WAL_AUTOCHECKPOINT_PAGES = 10_000


class ClerkConnection(sqlite3.Connection):
    """A connection whose ``with conn:`` does not commit inside a store transaction.

    sqlite-utils wraps its table methods (``insert``, ``upsert`` …) in ``with conn:``,
    which would otherwise commit the store's transaction half-way through.
    """

    in_store_transaction = False

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> Any:
        if self.in_store_transaction:
            return False  # the store's transaction commits or rolls back
        return super().__exit__(exc_type, exc, tb)


def connect(
    path: Path,
    *,
    busy_timeout: float = 5.0,
    synchronous: str = DEFAULT_SYNCHRONOUS,
    exclusive: bool = False,
) -> sqlite3.Connection:
    """A read-write connection set up the way every Clerk connection must be.

    ``exclusive`` (for a network drive) holds the database locked until the connection
    closes; set before WAL is entered, it keeps WAL's index in this process's memory, so
    no shared-memory (``-shm``) file is needed."""
    conn = sqlite3.connect(
        os.fspath(path),
        isolation_level=None,
        check_same_thread=False,
        timeout=busy_timeout,
        factory=ClerkConnection,
    )
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if exclusive:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("PRAGMA journal_mode = WAL")
        if synchronous.upper() not in ("OFF", "NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"unknown synchronous setting {synchronous!r}")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        conn.execute("PRAGMA journal_size_limit = 67108864")
    except BaseException:
        conn.close()
        raise
    return conn


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, or None when there is no file there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Store(MeetingOps):
    """The Clerk database. Use :meth:`open`; close with :meth:`close` or a ``with`` block."""

    # the network drive the database is on (held locked while open), None on a local drive
    network_drive: FileSystem | None = None
    # True when the last copy of Clerk to open the database did not close it (a crash, a
    # power cut): its pages were checked at this opening
    unclean_shutdown = False

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        lock: SidecarLock,
        *,
        backup_dir: Path,
        keep_backups: int,
    ) -> None:
        self.path = path
        self._conn = conn
        self._lock = lock
        self._depth = 0
        self.backup_dir = backup_dir
        self.keep_backups = keep_backups
        self.backup_error: StoreError | None = None  # the last automatic backup's failure
        self._last_backup_at = time.monotonic()
        self._last_backup_changes: int | None = None
        self._busy_timeout = 5.0
        self.created = False  # True when open() made a new database (the file was missing)
        self._identity = file_identity(path)
        self._worker: BackupWorker | None = None
        self._reports: list[BackupReport] = []  # background backups not yet reported

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        backups: bool = True,
        force: bool = False,
        backup_dir: str | os.PathLike[str] | None = None,
        keep_backups: int = bk.KEEP_BACKUPS,
        busy_timeout: float = 5.0,
        synchronous: str = DEFAULT_SYNCHRONOUS,
    ) -> Store:
        """Open (creating if missing) the database at ``path``; see the module notes."""
        from clerk_app import paths
        from clerk_app.storage import netfs

        db_path = Path(path).expanduser().absolute()
        folder = Path(backup_dir) if backup_dir else db_path.parent / "backups"
        paths.make_folder(db_path.parent)
        drive = netfs.filesystem(db_path.parent)
        # the lock file names its holder while the database is open and is emptied when it
        # closes: a name left in it (and no one holding it) means Clerk did not close it
        unclean = bool(read_holder(lock_path(db_path)))
        try:
            info = bk.inspect_database(db_path, exclusive=drive.network, check=unclean)
        except (CorruptDatabase, NotAClerkDatabase) as exc:
            raise advise_without_backups(exc, bool(bk.list_backups(folder, db_path))) from None
        except DatabaseLocked:
            if not force:  # held exclusively (a network drive): say by whom if Clerk
                with translating(db_path):
                    SidecarLock(db_path).acquire_and_release()
            raise
        if info.exists and info.empty and bk.list_backups(folder, db_path):
            raise CorruptDatabase(
                "The database file is empty, although Clerk has backups of it.", path=db_path
            )
        lock = SidecarLock(db_path)
        with translating(db_path):
            try:
                lock.acquire()
            except StoreError:
                if not force:
                    raise
        try:
            with translating(db_path):
                conn = connect(
                    db_path,
                    busy_timeout=busy_timeout,
                    synchronous=synchronous,
                    exclusive=drive.network,
                )
            store = cls(db_path, conn, lock, backup_dir=folder, keep_backups=keep_backups)
        except BaseException:
            lock.release()
            raise
        with contextlib.suppress(OSError):
            bk.remove_partials(folder, db_path)  # left by a crash while backing up
        try:
            store.network_drive = drive if drive.network else None
            store.created = info.empty
            store.unclean_shutdown = unclean and not info.empty
            if backups and not info.empty and info.version < len(schema.MIGRATIONS):
                store._automatic_backup(f"before-upgrade-v{info.version}")
            store._migrate()
            store._check_writable()
            store._index_pending_quietly()  # words a crash left waiting to be indexed
            if info.empty:
                store._last_backup_changes = store.changes()  # nothing yet worth a backup
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_default(cls, data_dir: str | os.PathLike[str] | None = None, **options: Any) -> Store:
        """Open ``clerk.db`` in the user data folder (``--data-dir`` / ``CLERK_DATA_DIR`` /
        the platform's folder, see :mod:`clerk_app.paths`), backups in its ``backups/``."""
        from clerk_app import paths

        options.setdefault("backup_dir", paths.backups_dir(data_dir))
        return cls.open(paths.database_path(data_dir), **options)

    def _migrate(self) -> None:
        with translating(self.path):
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        target = len(schema.MIGRATIONS)
        if version >= target:
            return
        with self.transaction():
            for step in schema.MIGRATIONS[version:]:
                step(self.db)
            self._conn.execute(f"PRAGMA user_version = {target}")
            self._conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")

    def _check_writable(self) -> None:
        """Fail now, not when the clerk first saves, if the file cannot be written."""
        with translating(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute("UPDATE clerk_state SET changes = changes WHERE id = 1")
            finally:
                self._conn.execute("ROLLBACK")

    def close(self) -> None:
        if self._conn is not None and not self._depth:
            self._index_pending_quietly()
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()  # a backup half-written is abandoned
        conn, self._conn = self._conn, None  # type: ignore[assignment]
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
        self._lock.release()

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils' view of the connection, for migrations and table-level work.

        Made on first use: opening a database that needs no migration and typing into it
        run on the plain connection, so start-up does not pay for importing sqlite-utils."""
        import sqlite_utils

        if self._conn is None:
            raise StoreError("The database has been closed.", "Reopen the database.")
        return sqlite_utils.Database(self._conn)

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----------------------------------------------------------------- transactions

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nestable (inner blocks are savepoints). Commits on exit,
        rolls back if the block raises. SQLite errors are translated here for every write.

        Inside it, ``store.db`` (sqlite-utils) table methods join the transaction too."""
        conn = self._conn
        if conn is None:
            raise StoreError("The database has been closed.", "Reopen the database.")
        with translating(self.path):
            if self._depth:
                name = f"clerk_sp{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield
                except BaseException:
                    if conn.in_transaction:  # SQLite may already have rolled it all back
                        with contextlib.suppress(sqlite3.Error):
                            conn.execute(f"ROLLBACK TO {name}")
                            conn.execute(f"RELEASE {name}")
                    raise
                else:
                    conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            self._check_in_place()
            conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            if isinstance(conn, ClerkConnection):
                conn.in_store_transaction = True
            try:
                yield
                conn.execute("UPDATE clerk_state SET changes = changes + 1 WHERE id = 1")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
                if isinstance(conn, ClerkConnection):
                    conn.in_store_transaction = False

    def _check_in_place(self) -> None:
        """Refuse to write when the database file is no longer the one opened.

        SQLite keeps writing to an open file after its folder is deleted or moved (or its
        USB stick pulled out), and every save would seem to succeed while nothing reaches
        the library. One ``stat`` before each write transaction notices it."""
        if self._identity is not None and file_identity(self.path) != self._identity:
            raise DataFolderMissing(path=self.path)

    @property
    def in_place(self) -> bool:
        """True while the database file is still the one this store opened."""
        return self._identity is None or file_identity(self.path) == self._identity

    def reconnect(self) -> None:
        """Open the database file at :attr:`path` afresh (the folder came back, perhaps on
        a re-inserted USB stick): the old connection and lock are dropped."""
        if not self.path.exists():
            raise DataFolderMissing(path=self.path)
        old, self._conn = self._conn, None  # type: ignore[assignment]
        if old is not None:
            with contextlib.suppress(sqlite3.Error):
                old.close()
        self._lock.release()
        self.__dict__.pop("db", None)  # sqlite-utils' view of the old connection
        with translating(self.path):
            self._lock.acquire()
            try:
                self._conn = connect(
                    self.path,
                    busy_timeout=self._busy_timeout,
                    exclusive=self.network_drive is not None,
                )
            except BaseException:
                self._lock.release()
                raise
        self._identity = file_identity(self.path)
        self._depth = 0

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another program's lock before failing."""
        self._busy_timeout = seconds
        with self._reading() as conn:
            conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def copy_to(self, target: str | os.PathLike[str]) -> None:
        """Write the whole library, as this store holds it, into a new file ``target``
        (another folder, when the data folder has gone). Fails if ``target`` exists."""
        dest = Path(target)
        if dest.exists():
            raise StoreError(
                f"There is already a Clerk library in {dest.parent}.",
                "Choose an empty folder for the library.",
                path=dest,
            )
        with translating(dest):
            bk.write_backup(self._conn, dest)

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        if self._conn is None:
            raise StoreError("The database has been closed.", "Reopen the database.")
        with translating(self.path):
            yield self._conn

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._reading() as conn:
            cursor = conn.execute(sql, params)
            keys = [d[0] for d in cursor.description]
            return [dict(zip(keys, row, strict=True)) for row in cursor]

    def _execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    # ----------------------------------------------------------------- bodies and people

    def save_body(self, body: Body) -> None:
        """Save a body, its settings and all its people (people not listed are removed)."""
        row = rows.body_row(body)
        people = [rows.person_row(body.id, p, i) for i, p in enumerate(body.people)]
        with self.transaction():
            self._upsert("bodies", [row])
            ids = rows.dumps([p.id for p in body.people])
            self._refuse_foreign("people", "body_id", body.id, ids)
            self._execute(
                "DELETE FROM people WHERE body_id = ? AND id NOT IN "
                "(SELECT value FROM json_each(?))",
                (body.id, ids),
            )
            self._upsert("people", people)

    def save_person(self, body_id: str, person: Person) -> None:
        with self.transaction():
            if not self._execute("SELECT 1 FROM bodies WHERE id = ?", (body_id,)).fetchone():
                raise NotFound("The committee or council could not be found in the database.")
            found = self._execute(
                "SELECT body_id, position FROM people WHERE id = ?", (person.id,)
            ).fetchone()
            if found is not None and found[0] != body_id:
                raise ValueError(f"person {person.id} belongs to another body")
            if found is None:
                position = self._execute(
                    "SELECT COUNT(*) FROM people WHERE body_id = ?", (body_id,)
                ).fetchone()[0]
            else:
                position = found[1]
            self._upsert("people", [rows.person_row(body_id, person, position)])

    def get_body(self, body_id: str) -> Body:
        found = self._query("SELECT * FROM bodies WHERE id = ?", (body_id,))
        if not found:
            raise NotFound("The committee or council could not be found in the database.")
        people = self._query(
            "SELECT * FROM people WHERE body_id = ? ORDER BY position, seq", (body_id,)
        )
        return rows.body_from_row(found[0], [rows.person_from_row(p) for p in people])

    def list_bodies(self) -> list[Body]:
        """Every body, by name."""
        people: dict[str, list[Person]] = {}
        for p in self._query("SELECT * FROM people ORDER BY body_id, position, seq"):
            people.setdefault(p["body_id"], []).append(rows.person_from_row(p))
        found = self._query("SELECT * FROM bodies ORDER BY name COLLATE NOCASE, seq")
        return [rows.body_from_row(b, people.get(b["id"], [])) for b in found]

    # ----------------------------------------------------------------- search

    def search(
        self,
        query: str,
        limit: int = 50,
        *,
        prefix: bool = True,
        mark: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Item titles, purposes and block text matching every word of ``query``.

        Any text is safe: each word is quoted. With ``prefix`` the last word also matches
        longer words (for search as you type). Matches in ``snippet`` are wrapped in ``mark``.
        """
        from clerk_app.storage.search import search

        self._index_pending_quietly()  # so the words typed a moment ago are found
        with self._reading() as conn:
            return search(conn, query, limit, prefix=prefix, mark=mark)

    def _index_pending_quietly(self) -> None:
        """:meth:`index_pending`; if the database cannot be written just now (locked by
        another program, read-only) the words stay waiting and are indexed next time."""
        with contextlib.suppress(StoreError, sqlite3.Error):
            self.index_pending()

    # ----------------------------------------------------------------- audit and state

    def changes(self) -> int:
        """A counter bumped by every committed write (used to skip needless backups)."""
        with self._reading() as conn:
            return int(conn.execute("SELECT changes FROM clerk_state WHERE id = 1").fetchone()[0])

    # ----------------------------------------------------------------- backups

    def backup_now(self, reason: str = "manual") -> Path:
        """Copy the database into the backups folder now, on this thread (the command line;
        the window uses :meth:`backup_in_background`); older backups are thinned."""
        if self._depth:
            raise RuntimeError("cannot back up inside a transaction")
        target = self.backup_dir / bk.backup_name(self.path, reason)
        try:
            with translating(self.path):
                changes = bk.write_backup(self._conn, target)
                bk.prune_backups(self.backup_dir, self.path, self.keep_backups)
        except StoreError:
            raise
        except (OSError, sqlite3.Error) as exc:
            raise BackupFailed(
                f"Clerk could not make a backup of the database in {self.backup_dir}.",
                path=target,
            ) from exc
        self._last_backup_at = time.monotonic()
        self._last_backup_changes = changes
        return target

    def list_backups(self) -> list[Path]:
        """Backups of this database, newest first."""
        return bk.list_backups(self.backup_dir, self.path)

    def backup_needed(self) -> bool:
        """True when the database changed since its newest backup."""
        if self._last_backup_changes is None:
            existing = self.list_backups()
            self._last_backup_changes = bk.backup_changes(existing[0]) if existing else None
        changes = self.changes()
        return changes != 0 and changes != self._last_backup_changes

    def backup_if_changed(self, reason: str = "open") -> Path | None:
        """Back up now, on this thread, if the database changed since its newest backup
        (the command line, before a command that writes). Failures go to
        :attr:`backup_error`."""
        try:
            if not self.backup_needed():
                return None
        except StoreError as exc:
            self.backup_error = exc
            return None
        return self._automatic_backup(reason)

    def backup_in_background(self, reason: str = "periodic", *, force: bool = False) -> bool:
        """Ask the backup thread for a backup if the database changed since the last one
        (or ``force``); True when one was asked for. The result arrives later: see
        :meth:`take_backup_reports` and :attr:`backup_error`."""
        try:
            if not force and not self.backup_needed():
                self._last_backup_at = time.monotonic()
                return False
        except StoreError as exc:
            self.backup_error = exc
            return False
        if self._worker is None:
            from clerk_app.storage.backup_worker import BackupWorker

            self._worker = BackupWorker(
                self.path,
                self.backup_dir,
                keep=self.keep_backups,
                shared=lambda: self._conn if self.network_drive is not None else None,
                on_done=self._backup_done,
            )
        self._last_backup_at = time.monotonic()
        self._worker.request(reason)
        return True

    def _backup_done(self, report: BackupReport) -> None:  # on the backup thread
        if report.error is None:
            self._last_backup_changes = report.changes
            self.backup_error = None
        else:
            self.backup_error = report.error
        self._reports.append(report)

    def take_backup_reports(self) -> list[BackupReport]:
        """Background backups finished since the last call, oldest first."""
        taken, self._reports = self._reports, []
        return taken

    @property
    def backup_running(self) -> bool:
        return self._worker is not None and self._worker.busy

    def wait_for_backups(self, timeout: float | None = None) -> bool:
        """Wait for the background backup (if any) to finish; False on timeout."""
        return self._worker is None or self._worker.wait(timeout)

    def _automatic_backup(self, reason: str) -> Path | None:
        try:
            path = self.backup_now(reason)
        except StoreError as exc:
            self.backup_error = exc
            return None
        self.backup_error = None
        return path

    def maybe_periodic_backup(
        self, interval: float = BACKUP_INTERVAL, *, background: bool = False
    ) -> Path | None:
        """Back up if ``interval`` seconds have passed since the last backup and something
        changed — on the backup thread with ``background`` (None is then returned; the
        result comes through :meth:`take_backup_reports`). Never raises for the clerk's
        situation: a failure is kept in :attr:`backup_error` (and ``None`` returned) so a
        timer can call this safely."""
        if time.monotonic() - self._last_backup_at < interval:
            return None
        if background:
            self.backup_in_background("periodic")
            return None
        try:
            needed = self.backup_needed()
        except StoreError as exc:
            self.backup_error = exc
            return None
        if not needed:
            self._last_backup_at = time.monotonic()
            return None
        return self._automatic_backup("periodic")

    @staticmethod
    def restore_backup(backup: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        from clerk_app.storage.restore import restore_backup

        restore_backup(Path(backup), Path(target))
