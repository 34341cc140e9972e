"""Restoring when it is needed, and the faults around the data folder, the lock and backups:
a symlinked database shares its lock, a lock file that is a folder or a data folder that
cannot be made gives a clear StoreError, half-written backups are cleaned up, a backup on
a full disk says so, and every backup can be listed and checked."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from clerk_app import paths
from clerk_app.storage import Store
from clerk_app.storage import backup as bk
from clerk_app.storage.errors import (
    BackupFailed,
    CorruptDatabase,
    DataFolderUnusable,
    InUseElsewhere,
    LockFileUnusable,
    StoreError,
)
from clerk_app.storage.restore import (
    checked_backups,
    restore_backup,
    size_in_words,
    when_in_words,
)
from tests.storage.sample import sample_body, sample_meeting
from tests.storage.test_errors import immutable


def damage(path: Path) -> None:
    """Overwrite pages in the middle of a database file (its header stays readable)."""
    data = bytearray(path.read_bytes())
    for start in range(2 * 4096, len(data) - 4096, 2 * 4096):
        data[start : start + 400] = b"\xff" * 400
    path.write_bytes(bytes(data))


def three_backups(db: Path) -> list[Path]:
    """A database with three backups (oldest first) of three different states."""
    body = sample_body()
    made = []
    with Store.open(db, backups=False) as store:
        store.save_body(body)
        store.save_meeting(sample_meeting(body))
        for n in range(3):
            body.name = f"State {n}"
            store.save_body(body)
            made.append(store.backup_now("manual"))
    return made


def body_name(db: Path) -> str:
    with Store.open(db, backups=False) as store:
        return store.list_bodies()[0].name


# ------------------------------------------------------------------ the lock


def test_a_database_reached_through_a_symlink_has_the_same_lock(tmp_path: Path) -> None:
    real = tmp_path / "real" / "clerk.db"
    link_folder = tmp_path / "elsewhere"
    link_folder.mkdir()
    link = link_folder / "clerk.db"
    first = Store.open(real)
    link.symlink_to(real)
    try:
        with pytest.raises(InUseElsewhere):
            Store.open(link)
    finally:
        first.close()
    with Store.open(link), pytest.raises(InUseElsewhere):
        Store.open(real)
    assert not (link_folder / "clerk.db.lock").exists()


def test_restoring_through_a_symlink_replaces_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real" / "clerk.db"
    older, _middle, _newest = three_backups(real)
    link = tmp_path / "clerk.db"
    link.symlink_to(real)
    restore_backup(older, link)
    assert link.is_symlink()  # still the link, now to the restored file
    assert body_name(real) == "State 0"
    assert (real.parent / "clerk.db.before-restore").is_file()


def test_a_lock_file_that_is_a_folder_is_explained(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    (db_path.parent / "clerk.db.lock").mkdir()
    with pytest.raises(LockFileUnusable) as info:
        Store.open(db_path)
    assert "clerk.db.lock" in info.value.message and "folder" in info.value.message
    assert "Move the folder clerk.db.lock" in info.value.advice
    assert isinstance(info.value, StoreError)


# ------------------------------------------------------------------ the data folder


def test_a_file_where_the_data_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "Clerk"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderUnusable) as info:
        paths.data_dir(blocker)
    assert "is a file, not a folder" in info.value.message
    assert "Move or rename the file Clerk" in info.value.advice
    with pytest.raises(DataFolderUnusable):
        Store.open(blocker / "clerk.db")
    with pytest.raises(DataFolderUnusable):  # a file further up
        paths.data_dir(blocker / "inside")


def test_a_data_folder_under_a_read_only_folder(tmp_path: Path) -> None:
    parent = tmp_path / "readonly"
    parent.mkdir()
    with immutable(parent), pytest.raises(DataFolderUnusable) as info:
        paths.data_dir(parent / "Clerk")
    assert "read-only" in info.value.message


# ------------------------------------------------------------------ backups


def test_half_written_backups_left_by_a_crash_are_removed(db_path: Path) -> None:
    three_backups(db_path)
    folder = db_path.parent / "backups"
    stale = folder / "clerk-20260101-101500-000000-open.db.partial"
    stale.write_bytes(b"\0" * 4096)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = folder / "clerk-20260101-101600-000000-periodic.db.partial"
    fresh.write_bytes(b"\0" * 4096)  # may be another copy opened anyway, writing now
    other = folder / "notes-20260101-101500-000000-open.db.partial"
    other.write_bytes(b"\0")
    os.utime(other, (old, old))
    being_written = folder / "clerk-20260101-101700-000000-manual.db.partial"
    being_written.write_bytes(b"\0")
    os.utime(being_written, (old, old))
    bk._writing.add(being_written.absolute())  # this process is writing it now
    try:
        with Store.open(db_path, backups=False):
            pass
    finally:
        bk._writing.discard(being_written.absolute())
    assert not stale.exists()
    assert fresh.exists() and other.exists() and being_written.exists()
    assert len(bk.list_backups(folder, db_path)) == 3


def test_a_failed_backup_leaves_no_partial_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect
    store = Store.open(db_path, backups=False)
    store.save_body(sample_body())

    def full(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(bk.PARTIAL):
            conn = real_connect(path)
            conn.close()
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(bk.sqlite3, "connect", full)
    try:
        with pytest.raises(BackupFailed) as info:
            store.backup_now()
    finally:
        monkeypatch.undo()
        store.close()
    assert "disk is full" in info.value.message
    text = info.value.message + " " + info.value.advice
    assert "Do not close Clerk" not in text and "still saved" in info.value.advice
    assert list((db_path.parent / "backups").glob("*.partial")) == []


def test_every_backup_is_listed_and_checked(db_path: Path) -> None:
    older, middle, newest = three_backups(db_path)
    damage(newest)
    entries = checked_backups(db_path.parent / "backups", db_path)
    assert [e.path for e in entries] == [newest, middle, older]
    assert [e.usable for e in entries] == [False, True, True]
    assert isinstance(entries[0].problem, CorruptDatabase)
    assert entries[1].state == "Good"
    assert entries[1].size == middle.stat().st_size and entries[1].size_text.endswith("KB")
    # the store's own damaged file does not stop a restore of an older good backup
    damage(db_path)
    with pytest.raises(CorruptDatabase):
        restore_backup(newest, db_path)
    restore_backup(middle, db_path)
    assert body_name(db_path) == "State 1"


def test_times_and_sizes_in_words() -> None:
    from datetime import date, datetime

    now = datetime(2026, 2, 4, 10, 15).astimezone()
    assert when_in_words(now, today=date(2026, 2, 4)) == "today at 10:15"
    assert when_in_words(now, today=date(2026, 2, 5)) == "yesterday at 10:15"
    assert when_in_words(now, today=date(2026, 3, 1)) == "Wednesday 4 February 2026 at 10:15"
    assert size_in_words(3000) == "3 KB"
    assert size_in_words(1_300_000) == "1.2 MB"
    assert size_in_words(34 * 1024 * 1024) == "34 MB"
