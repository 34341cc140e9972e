"""Errors the store raises, and the one place where SQLite errors are translated.

SQLite errors fall into two groups. Those caused by the clerk's situation (the file is
locked by another program, the folder is read-only, the disk is full, the file is
damaged or is not a Clerk database) become a :class:`StoreError` with a ``message``
saying what happened and ``advice`` saying what to do, both in plain words. Anything
else is a bug and propagates unchanged.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RESTORE_ADVICE = (
    "Put back one of Clerk's backups: choose File → Restore a backup… in the window, or run "
    "`clerk-app restore` to list them."
)
NO_BACKUPS_ADVICE = (
    "Clerk has no backups of this database yet. Leave the damaged file where it is (Clerk "
    "has not changed it) and ask your IT team to put back an earlier copy of it from the "
    "computer's or the network drive's own backups."
)


class StoreError(Exception):
    """A problem with the database that the clerk can do something about."""

    default_message = "Clerk could not use its database."
    default_advice = "Close Clerk and open it again. If this keeps happening, contact your IT team."

    def __init__(
        self, message: str | None = None, advice: str | None = None, *, path: Path | None = None
    ) -> None:
        self.message = message or self.default_message
        self.advice = advice or self.default_advice
        self.path = path
        super().__init__(f"{self.message} {self.advice}")


class DatabaseLocked(StoreError):
    default_message = "The database is busy: another program is using it at the moment."
    default_advice = (
        "Wait a moment and try again. If it keeps happening, close any other program that "
        "has the Clerk database open (for example a backup or sync tool)."
    )


class ReadOnlyDatabase(StoreError):
    default_message = "Clerk cannot save to the database: the file or its folder is read-only."
    default_advice = (
        "Check that the database is in a folder you are allowed to change, and that the drive "
        "is not write-protected."
    )


class DiskFull(StoreError):
    default_message = "The disk is full, so Clerk cannot write to its database."
    default_advice = (
        "Free some space on the disk (empty the recycle bin, delete large files you do not "
        "need), then try again."
    )


class DataFolderMissing(StoreError):
    """The database file is no longer where it was opened (a USB stick pulled out, the
    folder moved, renamed or deleted while Clerk was running)."""

    default_message = "Clerk's data folder has disappeared, so your changes cannot be saved."
    default_advice = (
        "Put the folder back (plug the USB stick in again, or move the folder back), or "
        "choose another folder for the library."
    )


class DiskError(StoreError):
    default_message = "Clerk could not read or write the database because of a disk error."
    default_advice = (
        "If the database is on a USB stick or network drive, check that it is still "
        "connected, then try again."
    )


class CorruptDatabase(StoreError):
    default_message = "The database file is damaged."
    default_advice = RESTORE_ADVICE


class NotAClerkDatabase(StoreError):
    default_message = "This file is not a Clerk database."
    default_advice = RESTORE_ADVICE


class DatabaseTooNew(StoreError):
    default_message = "This database was saved by a newer version of Clerk."
    default_advice = (
        "Install the latest version of Clerk to open it. Clerk has not changed the file."
    )


class InUseElsewhere(StoreError):
    default_message = "The database is already open in another copy of Clerk."
    default_advice = (
        "Close the other copy of Clerk first, then try again. Two copies working on the same "
        "minutes at once could overwrite each other's changes."
    )


class BackupFailed(StoreError):
    default_message = "Clerk could not make a backup of the database."
    default_advice = (
        "Your minutes are still saved in the database. Check that the backups folder exists, "
        "is not read-only and that the disk has space."
    )


class FolderProblem(StoreError):
    """A folder or file Clerk keeps beside the database cannot be used (not the database
    itself): the data folder cannot be made, or the lock file is in the way."""

    default_message = "Clerk cannot use its data folder."
    default_advice = (
        "Start Clerk with another data folder, or ask your IT team to let you write to this one."
    )


class DataFolderUnusable(FolderProblem):
    default_message = "Clerk cannot create or use its data folder."


class LockFileUnusable(FolderProblem):
    default_message = (
        "Clerk cannot lock its database, so it cannot make sure no other copy uses it."
    )
    default_advice = (
        "Ask your IT team to check the folder the database is in: Clerk must be able to create "
        "a small file called clerk.db.lock beside it."
    )


class NotFound(StoreError):
    default_message = "The record could not be found in the database."
    default_advice = "It may have been deleted. Reopen the meeting to see its current state."


def advise_without_backups(exc: StoreError, have_backups: bool) -> StoreError:
    """Point a damaged-database error at the backups only when there are some."""
    if not have_backups and exc.advice == RESTORE_ADVICE:
        exc.advice = NO_BACKUPS_ADVICE
        exc.args = (f"{exc.message} {exc.advice}",)
    return exc


# SQLite primary result codes (https://www.sqlite.org/rescode.html)
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_NOTADB = 26


def translate(exc: BaseException, path: Path | None = None) -> StoreError | None:
    """The :class:`StoreError` for ``exc`` if it is the clerk's situation, else ``None``."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DiskFull(path=path)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyDatabase(path=path)
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseLocked(path=path)
    if primary == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(path=path)
    if primary == _SQLITE_CANTOPEN or "unable to open database" in text:
        return ReadOnlyDatabase(
            "Clerk cannot open the database file: the file or its folder cannot be written.",
            path=path,
        )
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFull(path=path)
    if primary == _SQLITE_NOTADB or "file is not a database" in text:
        return CorruptDatabase(path=path)
    if primary == _SQLITE_CORRUPT or "malformed" in text:
        return CorruptDatabase(path=path)
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return DiskError(path=path)
    return None


@contextmanager
def translating(path: Path | None = None) -> Iterator[None]:
    """Run a block, turning the clerk's-situation SQLite and OS errors into StoreErrors."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        translated = translate(exc, path)
        if translated is None or translated is exc:
            raise
        raise translated from exc
