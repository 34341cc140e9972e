"""Putting a backup back in place of the database, and the list of backups to choose from.

Nothing here opens the database itself, so a damaged database can always be replaced.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from clerk_app.domain.dates import format_date
from clerk_app.storage import backup as bk
from clerk_app.storage.errors import CorruptDatabase, StoreError, translating
from clerk_app.storage.lock import SidecarLock

_SIDE_FILES = ("-wal", "-shm")
CHOOSE_ANOTHER = (
    "Choose an older backup: `clerk-app restore` lists them all, each checked, and so does "
    "File → Restore a backup… in the window."
)


def problem_in_words(exc: BaseException) -> str:
    """Why a backup cannot be restored, in a few words ("it is damaged")."""
    names = {c.__name__ for c in type(exc).__mro__}
    if "DatabaseTooNew" in names:
        return "it was made by a newer version of Clerk"
    if "NotAClerkDatabase" in names:
        return "it is not a Clerk database"
    if "CorruptDatabase" in names:
        return "it is damaged"
    if isinstance(exc, StoreError):
        return exc.message.rstrip(".")
    return str(exc)


def restore_backup(backup: Path, target: Path) -> None:
    """Replace ``target`` with ``backup`` after checking the backup thoroughly.

    The replaced database is kept as ``<target>.before-restore`` (an older file of that
    name is renamed with its time). Raises :class:`InUseElsewhere` if Clerk has the target
    open, and the check's error if the backup is not a sound Clerk database.
    """
    backup = backup.expanduser().absolute()
    # through a symbolic link, the real file is replaced (not the link)
    target = target.expanduser().absolute().resolve()
    if not backup.is_file():
        raise StoreError(
            f"The backup {backup.name} could not be found.",
            "Choose another backup from the list.",
            path=backup,
        )
    try:
        info = bk.inspect_database(backup, deep=True)
    except StoreError as exc:
        raise type(exc)(
            f"The backup {backup.name} cannot be restored: {problem_in_words(exc)}.",
            CHOOSE_ANOTHER,
            path=backup,
        ) from exc
    if info.empty:
        raise CorruptDatabase(
            f"The backup {backup.name} cannot be restored: it is empty.",
            CHOOSE_ANOTHER,
            path=backup,
        )
    lock = SidecarLock(target)
    with translating(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
        try:
            partial = target.with_name(target.name + ".restoring")
            partial.unlink(missing_ok=True)
            src = bk.connect_readonly(backup)
            dest = sqlite3.connect(partial)
            try:
                src.backup(dest)
            finally:
                dest.close()
                src.close()
            bk.inspect_database(partial, deep=True)
            _keep_replaced(target)
            for suffix in _SIDE_FILES:
                Path(str(target) + suffix).unlink(missing_ok=True)
            partial.replace(target)
        finally:
            lock.release()


def _keep_replaced(target: Path) -> None:
    """Keep the current database (with anything still in its WAL) as .before-restore."""
    if not target.exists():
        return
    kept = target.with_name(target.name + ".before-restore")
    if kept.exists():
        stamp = datetime.fromtimestamp(kept.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
        kept.replace(kept.with_name(f"{kept.name}-{stamp}"))
    try:
        src = sqlite3.connect(target)
        try:
            dest = sqlite3.connect(kept)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        return
    except sqlite3.Error:
        with contextlib.suppress(OSError):
            kept.unlink()
    # damaged beyond SQLite's reach: keep the raw files as they are
    shutil.copy2(target, kept)
    for suffix in _SIDE_FILES:
        side = Path(str(target) + suffix)
        if side.exists():
            shutil.copy2(side, Path(str(kept) + suffix))


# ------------------------------------------------------------------ choosing a backup


@dataclass(frozen=True)
class BackupEntry:
    """One backup as the clerk chooses among them."""

    path: Path
    taken_at: datetime  # UTC
    size: int  # bytes
    problem: StoreError | None = None  # why it cannot be restored; None when it is sound
    checked: bool = False

    @property
    def usable(self) -> bool:
        return self.checked and self.problem is None

    @property
    def when(self) -> str:
        return when_in_words(self.taken_at)

    @property
    def size_text(self) -> str:
        return size_in_words(self.size)

    @property
    def state(self) -> str:
        """ "Good", or why the backup cannot be restored ("Damaged", "Empty" …)."""
        if not self.checked:
            return "Not checked yet"
        if self.problem is None:
            return "Good"
        words = problem_in_words(self.problem)
        words = words.removeprefix("it is ").removeprefix("it was ")
        return words[:1].upper() + words[1:]


def backup_entries(folder: Path, database: Path) -> list[BackupEntry]:
    """Every backup of ``database`` in ``folder``, newest first, not yet checked."""
    entries = []
    for path in bk.list_backups(folder, database):
        info = bk.parse_backup(path)
        try:
            size = path.stat().st_size
        except OSError:
            continue  # removed meanwhile
        taken = info.taken_at if info is not None else datetime.now(UTC)
        entries.append(BackupEntry(path, taken, size))
    return entries


def check_backup(entry: BackupEntry) -> BackupEntry:
    """``entry`` with the result of a full check: a sound Clerk database this version of
    Clerk can open, with something in it."""
    problem: StoreError | None = None
    try:
        info = bk.inspect_database(entry.path, deep=True)
        if info.empty:
            problem = StoreError("it is empty", path=entry.path)
    except StoreError as exc:
        problem = exc
    except (OSError, sqlite3.Error) as exc:
        problem = StoreError(f"it cannot be read ({exc})", path=entry.path)
    return BackupEntry(entry.path, entry.taken_at, entry.size, problem, checked=True)


def checked_backups(folder: Path, database: Path) -> list[BackupEntry]:
    """Every backup, newest first, each checked (slow for large backups: not on the
    window's thread)."""
    return [check_backup(e) for e in backup_entries(folder, database)]


def when_in_words(taken_at: datetime, today: date | None = None) -> str:
    """A backup's time on this computer's clock: "today at 14:05", "yesterday at 09:30",
    "Tuesday 4 February 2026 at 10:15"."""
    local = taken_at.astimezone() if taken_at.tzinfo else taken_at
    today = today or datetime.now().astimezone().date()
    clock = f"{local:%H:%M}"
    days = (today - local.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    return f"{format_date(local.date())} at {clock}"


def size_in_words(size: int) -> str:
    """ "4 KB", "1.2 MB", "34 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    mb = size / (1024 * 1024)
    return f"{mb:.1f} MB" if mb < 10 else f"{round(mb)} MB"
