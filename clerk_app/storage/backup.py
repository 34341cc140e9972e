"""Backups with the SQLite backup API, and checks that a file is a usable Clerk database.

A backup is a complete, consistent copy taken with ``Connection.backup`` (safe while the
database is open), named ``<stem>-YYYYmmdd-HHMMSS-ffffff-<reason>.db`` in UTC so that names
sort by age. The copy is made a few hundred pages at a time from one read snapshot, so the
window's saves go on meanwhile. Older backups are thinned (:func:`prune_backups`): hourly
for a day, daily for a week, weekly for five weeks, monthly after that, and together they
take at most about three times the database's size.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from clerk_app.lazyre import compiled
from clerk_app.storage.errors import (
    BackupFailed,
    CorruptDatabase,
    DatabaseTooNew,
    DiskFull,
    NotAClerkDatabase,
    ReadOnlyDatabase,
    translate,
)

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = 10  # at most this many backups are kept
BUDGET_FACTOR = 3.0  # kept backups take at most this many times the database's size …
BUDGET_FLOOR = 64 * 1024 * 1024  # … or this many bytes, whichever is more
# (age below which, bucket size): the newest backup of each bucket is kept
THINNING = (
    (timedelta(hours=1), timedelta(0)),  # the last hour's: every one
    (timedelta(days=1), timedelta(hours=1)),
    (timedelta(days=7), timedelta(days=1)),
    (timedelta(days=35), timedelta(weeks=1)),
    (timedelta.max, timedelta(days=30)),
)
# which buckets win when the budget cannot hold them all (after the newest backup):
# yesterday's and last week's copies before today's hourly ones
_TIER_ORDER = {
    timedelta(days=1): 0,
    timedelta(weeks=1): 1,
    timedelta(hours=1): 2,
    timedelta(0): 2,
}
PAGES_PER_STEP = 256  # 1 MiB of 4 KiB pages a step: a save waits for one step at most
PARTIAL = ".partial"
# a half-written backup younger than this may belong to another copy of Clerk that was
# opened anyway (the sidecar lock stops all others), so it is left for a later clean-up
PARTIAL_GRACE_SECONDS = 120.0
_writing: set[Path] = set()  # half-written backups this process is writing now
_writing_guard = threading.Lock()
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = compiled(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """A backup copy on disk: where it is, when it was taken, why, and of which database."""

    path: Path
    taken_at: datetime  # UTC
    reason: str
    stem: str = ""  # the name of the database it is a backup of, without ".db"


@dataclass(frozen=True)
class DatabaseInfo:
    """What :func:`inspect_database` found in an existing file."""

    exists: bool
    empty: bool  # a new, empty SQLite file (or none at all)
    version: int
    changes: int


def connect_readonly(path: Path, *, exclusive: bool = False) -> sqlite3.Connection:
    """A read-only connection that never changes the file (used to inspect it).

    ``exclusive`` (a network drive) reads without WAL's shared-memory file: a read-only
    connection would need one, so this one may write but is told not to (query_only)."""
    if exclusive:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("PRAGMA query_only = ON")
        except BaseException:
            conn.close()
            raise
    else:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def inspect_database(
    path: Path, *, deep: bool = False, exclusive: bool = False, check: bool = True
) -> DatabaseInfo:
    """Check that ``path`` is a Clerk database this version can open, without changing it.

    Raises :class:`NotAClerkDatabase`, :class:`CorruptDatabase` or :class:`DatabaseTooNew`.
    ``deep`` runs a full integrity check instead of the quick one; ``check=False`` runs
    neither (its header, version and tables are still checked); ``exclusive`` reads
    without a shared-memory file (see :func:`connect_readonly`).
    """
    if not path.exists():
        return DatabaseInfo(exists=False, empty=True, version=0, changes=0)
    if path.is_dir():
        raise NotAClerkDatabase(f"{path.name} is a folder, not a Clerk database.", path=path)
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        return DatabaseInfo(exists=True, empty=True, version=0, changes=0)
    if header != SQLITE_HEADER:
        raise NotAClerkDatabase(path=path)
    try:
        conn = connect_readonly(path, exclusive=exclusive)
        try:
            return _inspect(conn, path, deep, check)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        translated = translate(exc, path)
        if translated is None:
            raise
        raise translated from exc


def _inspect(conn: sqlite3.Connection, path: Path, deep: bool, check: bool) -> DatabaseInfo:
    from clerk_app.storage import schema  # the backups' own check: not needed at start-up

    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and version == 0 and not tables:
        return DatabaseInfo(exists=True, empty=True, version=0, changes=0)
    if app_id != schema.APPLICATION_ID:
        raise NotAClerkDatabase(path=path)
    known = len(schema.MIGRATIONS)
    if version > known:
        raise DatabaseTooNew(
            f"This database was saved by a newer version of Clerk (database version {version}, "
            f"this copy of Clerk understands up to version {known}).",
            path=path,
        )
    if not tables >= schema.REQUIRED_TABLES:
        raise CorruptDatabase(
            "The database file is damaged: some of its tables are missing.", path=path
        )
    if check or deep:
        found = conn.execute("PRAGMA integrity_check" if deep else "PRAGMA quick_check")
        if [tuple(r) for r in found.fetchall()] != [("ok",)]:
            raise CorruptDatabase(path=path)
    changes = conn.execute("SELECT changes FROM clerk_state WHERE id = 1").fetchone()
    return DatabaseInfo(exists=True, empty=False, version=version, changes=changes[0] or 0)


# --------------------------------------------------------------------- backup files


def backup_name(database: Path, reason: str, when: datetime | None = None) -> str:
    when = when or datetime.now(UTC)
    clean = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    return f"{database.stem}-{when.strftime(_STAMP)}-{clean}.db"


def _stamp_time(stamp: str) -> datetime | None:
    """The time in a backup name's ``YYYYmmdd-HHMMSS-ffffff`` stamp (read by hand: the
    first ``strptime`` of a run costs milliseconds at start-up); None if impossible."""
    day, clock, micro = stamp.split("-")
    try:
        return datetime(
            int(day[:4]), int(day[4:6]), int(day[6:8]),
            int(clock[:2]), int(clock[2:4]), int(clock[4:6]), int(micro), tzinfo=UTC,
        )  # fmt: skip
    except ValueError:
        return None


def parse_backup(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    taken = _stamp_time(match["stamp"])
    if taken is None:
        return None
    return BackupInfo(path=path, taken_at=taken, reason=match["reason"], stem=match["stem"])


def list_backups(folder: Path, database: Path) -> list[Path]:
    """Backups of ``database`` in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        info = parse_backup(path)
        if info is not None and info.stem == database.stem:
            found.append(info)
    found.sort(key=lambda i: (i.taken_at, i.path.name), reverse=True)
    return [i.path for i in found]


class BackupStopped(Exception):
    """A backup was stopped half-way (the store is closing)."""


def write_backup(
    conn: sqlite3.Connection,
    target: Path,
    *,
    pages: int = -1,
    snapshot: bool = False,
    stop: Callable[[], bool] | None = None,
) -> int | None:
    """Copy the open database ``conn`` into a new file ``target`` (atomically).

    ``pages`` > 0 copies that many pages a step, letting other threads work between
    steps. ``snapshot`` holds one read transaction on ``conn`` for the whole copy (``conn``
    must be a connection of its own, not in a transaction): in WAL mode the window's
    writes go on meanwhile and the copy is of the moment it began, never restarted.
    ``stop()`` returning True between steps stops the copy (:class:`BackupStopped`).
    Returns the change counter of the copied database (None when unreadable).

    A full disk or a read-only backups folder raises :class:`BackupFailed` saying so; the
    half-written file is removed."""
    partial = target.with_name(target.name + PARTIAL)
    with _writing_guard:
        _writing.add(partial.absolute())
    began = False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        if snapshot:
            conn.execute("BEGIN")
            began = True
        changes = _changes(conn)
        dest = sqlite3.connect(partial)
        try:

            def progress(_status: int, _remaining: int, _total: int) -> None:
                if stop is not None and stop():
                    raise BackupStopped
                time.sleep(0)  # let the window's thread run between steps

            conn.backup(dest, pages=pages, progress=progress if pages > 0 else None)
            # a backup is a single self-contained file, not in WAL mode
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.commit()
        finally:
            dest.close()
        if began:
            began = False
            conn.execute("COMMIT")
        partial.replace(target)
        return changes
    except BackupStopped:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        problem = _backup_problem(exc, target.parent)
        if problem is None:
            raise
        raise problem from exc
    finally:
        if began:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        with _writing_guard:
            _writing.discard(partial.absolute())


def _changes(conn: sqlite3.Connection) -> int | None:
    try:
        found = conn.execute("SELECT changes FROM clerk_state WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    return int(found[0] or 0) if found else None


def quick_check(path: Path) -> bool:
    """True when the SQLite file at ``path`` passes ``PRAGMA quick_check``."""
    conn = connect_readonly(path)
    try:
        found = conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()
    return [tuple(r) for r in found] == [("ok",)]


def _backup_problem(exc: BaseException, folder: Path) -> BackupFailed | None:
    translated = translate(exc, folder)
    if isinstance(translated, DiskFull):
        return BackupFailed(
            "Clerk could not make a backup of the database: the disk is full.",
            "Free some space on the disk (empty the recycle bin, delete large files you do "
            "not need). Your minutes themselves are still saved in the database.",
            path=folder,
        )
    if isinstance(translated, ReadOnlyDatabase):
        return BackupFailed(
            f"Clerk could not make a backup of the database: the backups folder {folder} "
            "is read-only.",
            "Ask your IT team to let you write to that folder. Your minutes themselves are "
            "still saved in the database.",
            path=folder,
        )
    return None


def remove_partials(folder: Path, database: Path) -> list[Path]:
    """Remove half-written backups of ``database`` left behind by a crash or a power cut.

    One this process is writing now is never touched, nor one that changed in the last
    :data:`PARTIAL_GRACE_SECONDS` (another copy of Clerk opened anyway may be writing it).
    Returns the removed paths."""
    if not folder.is_dir():
        return []
    removed = []
    now = time.time()
    with _writing_guard:
        busy = set(_writing)
    for path in folder.glob(f"*{PARTIAL}"):
        info = parse_backup(path.with_name(path.name[: -len(PARTIAL)]))
        if info is None or info.stem != database.stem or path.absolute() in busy:
            continue
        try:
            if now - path.stat().st_mtime < PARTIAL_GRACE_SECONDS:
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def prune_backups(
    folder: Path,
    database: Path,
    keep: int = KEEP_BACKUPS,
    *,
    now: datetime | None = None,
    budget: int | None = None,
) -> list[Path]:
    """Thin the backups of ``database`` (see :func:`backups_to_keep`) and remove
    half-written ones left by a crash; returns the deleted paths. ``budget`` (bytes)
    defaults to :data:`BUDGET_FACTOR` times the database's size (at least
    :data:`BUDGET_FLOOR`)."""
    removed = remove_partials(folder, database)
    if budget is None:
        try:
            size = database.stat().st_size
        except OSError:
            size = 0
        budget = max(BUDGET_FLOOR, int(size * BUDGET_FACTOR))
    found = []
    for path in list_backups(folder, database):
        info = parse_backup(path)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if info is not None:
            found.append((info, size))
    kept = backups_to_keep(found, now or datetime.now(UTC), keep, budget)
    for info, _size in found:
        if info.path in kept:
            continue
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            pass
    return removed


def backups_to_keep(
    found: list[tuple[BackupInfo, int]], now: datetime, keep: int, budget: int
) -> set[Path]:
    """Which of ``found`` (backups with their sizes, newest first) to keep: the newest
    always; of the rest, every one of the last hour and the newest in each bucket of
    :data:`THINNING` (an hour today, a day this week …); then as many as ``keep`` and
    ``budget`` bytes allow, yesterday's and
    last week's before today's hourly copies, the newest first within each."""
    if not found:
        return set()
    seen: set[tuple[timedelta, int]] = set()
    candidates: list[tuple[int, float, BackupInfo, int]] = []
    for info, size in found:
        age = max(timedelta(0), now - info.taken_at)
        step = next(step for horizon, step in THINNING if age < horizon)
        seconds = step.total_seconds()
        bucket = (step, int(info.taken_at.timestamp() // seconds) if seconds else id(info))
        if bucket in seen:
            continue
        seen.add(bucket)
        if info is not found[0][0]:
            candidates.append((_TIER_ORDER.get(step, 3), -info.taken_at.timestamp(), info, size))
    newest, used = found[0][0], found[0][1]
    kept = {newest.path}
    for _tier, _when, info, size in sorted(candidates, key=lambda c: (c[0], c[1])):
        if len(kept) >= keep or used + size > budget:
            continue
        kept.add(info.path)
        used += size
    return kept


def backup_changes(path: Path) -> int | None:
    """The change counter stored in a backup, or None if it cannot be read. Only the
    counter is read, to tell whether a new backup is needed; a backup is checked in full
    when it is restored."""
    try:
        conn = connect_readonly(path)
        try:
            found = conn.execute("SELECT changes FROM clerk_state WHERE id = 1").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None
    return int(found[0] or 0) if found else None
