"""Putting a backup back in place of the database."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from clerk_app.storage import backup as bk
from clerk_app.storage.errors import CorruptDatabase, StoreError, translating
from clerk_app.storage.lock import SidecarLock

_SIDE_FILES = ("-wal", "-shm")


def restore_backup(backup: Path, target: Path) -> None:
    """Replace ``target`` with ``backup`` after checking the backup thoroughly.

    The replaced database is kept as ``<target>.before-restore`` (an older file of that
    name is renamed with its time). Raises :class:`InUseElsewhere` if Clerk has the target
    open, and the check's error if the backup is not a sound Clerk database.
    """
    backup = backup.expanduser().absolute()
    target = target.expanduser().absolute()
    if not backup.is_file():
        raise StoreError(
            f"The backup {backup.name} could not be found.",
            "Choose another backup from the list.",
            path=backup,
        )
    info = bk.inspect_database(backup, deep=True)
    if info.empty:
        raise CorruptDatabase("That backup is empty.", "Choose another backup.", path=backup)
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
