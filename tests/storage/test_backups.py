"""Automatic backups with the SQLite backup API: taken, pruned, restored."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.storage import Store, parse_backup
from clerk_app.storage.errors import (
    BackupFailed,
    CorruptDatabase,
    DatabaseTooNew,
    InUseElsewhere,
    NotAClerkDatabase,
)
from clerk_app.storage.schema import SCHEMA_VERSION
from tests.storage.sample import sample_body, sample_meeting


def block_text(path: Path, block_id: str) -> str | None:
    with Store.open(path, backups=False) as store:
        found = store.get_meeting("m-nov").find_block(block_id)
    if found is None:
        return None
    block = found[1]
    assert isinstance(block, Paragraph)
    return block.text


def test_opening_takes_no_backup_and_one_is_taken_when_changed(db_path: Path) -> None:
    body = sample_body()
    with Store.open(db_path) as store:
        assert store.list_backups() == []  # a brand-new database has nothing to protect
        assert store.backup_if_changed() is None
        store.save_body(body)
        store.save_meeting(sample_meeting(body))
    with Store.open(db_path) as store:
        assert store.list_backups() == []  # opening never waits for a backup
        made = store.backup_if_changed("open")
        first = store.list_backups()
        assert first == [made]
        assert parse_backup(first[0]).reason == "open"  # type: ignore[union-attr]
    with Store.open(db_path) as store:
        assert store.backup_if_changed() is None  # unchanged since: no new backup
        assert store.list_backups() == first
        store.save_block("m-nov", "i-next", Paragraph(text="later", id="later"))
        assert store.backup_if_changed() is not None
    assert db_path.parent / "backups" == first[0].parent


def test_backup_is_a_complete_consistent_copy(store: Store, meeting: Meeting) -> None:
    path = store.backup_now("manual")
    assert path.name.startswith("clerk-") and path.name.endswith("-manual.db")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(path, backups=False) as copy:
        assert copy.get_meeting(meeting.id) == meeting


def test_backups_pruned_to_newest_n(db_path: Path) -> None:
    with Store.open(db_path, keep_backups=3) as store:
        made = [store.backup_now(f"test {i}") for i in range(6)]
        kept = store.list_backups()
    assert kept == made[:2:-1]  # newest first, the three most recent
    assert all(not p.exists() for p in made[:3])
    assert [parse_backup(p).reason for p in kept] == ["test-5", "test-4", "test-3"]  # type: ignore[union-attr]


def test_default_keeps_ten(store: Store) -> None:
    for _ in range(12):
        store.backup_now()
    assert len(store.list_backups()) == 10


def test_periodic_backup_needs_time_and_a_change(store: Store, meeting: Meeting) -> None:
    assert store.maybe_periodic_backup() is None  # not yet ten minutes
    first = store.maybe_periodic_backup(interval=0)
    assert first is not None and "periodic" in first.name
    assert store.maybe_periodic_backup(interval=0) is None  # nothing changed since
    store.save_block(meeting.id, "i-next", Paragraph(text="new"))
    time.sleep(0.002)
    second = store.maybe_periodic_backup(interval=0)
    assert second is not None and second != first
    assert store.backup_error is None


def test_periodic_backup_failure_is_reported_not_raised(store: Store, meeting: Meeting) -> None:
    store.backup_dir.mkdir(parents=True, exist_ok=True)
    store.backup_dir.rmdir()
    store.backup_dir.write_text("a file where the folder should be")
    store.save_block(meeting.id, "i-next", Paragraph(text="new"))
    assert store.maybe_periodic_backup(interval=0) is None
    assert isinstance(store.backup_error, BackupFailed)
    with pytest.raises(BackupFailed) as info:
        store.backup_now()
    assert "still saved" in info.value.advice


def test_restore_replaces_and_keeps_the_replaced_file(db_path: Path) -> None:
    body = sample_body()
    with Store.open(db_path) as store:
        store.save_body(body)
        store.save_meeting(sample_meeting(body))
        store.save_block("m-nov", "i-next", Paragraph(text="version one", id="v"))
        backup = store.backup_now()
        store.save_block("m-nov", "i-next", Paragraph(text="version two", id="v"))
    Store.restore_backup(backup, db_path)
    assert block_text(db_path, "v") == "version one"
    kept = db_path.with_name("clerk.db.before-restore")
    assert block_text(kept, "v") == "version two"
    # restoring again keeps the first replaced file too, under another name
    Store.restore_backup(backup, db_path)
    older = [p for p in db_path.parent.iterdir() if p.name.startswith("clerk.db.before-restore-")]
    assert len(older) == 1


def test_restore_refuses_bad_backups_and_an_open_target(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_body(sample_body())
        good = store.backup_now()
        junk = tmp_path / "junk.db"
        junk.write_text("not a database")
        with pytest.raises(NotAClerkDatabase):
            Store.restore_backup(junk, db_path)
        with pytest.raises(InUseElsewhere):
            Store.restore_backup(good, db_path)
    original = db_path.read_bytes()
    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[4096 * 2 : 4096 * 2 + 300] = b"\xff" * 300
    damaged.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase):
        Store.restore_backup(damaged, db_path)
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNew):
        Store.restore_backup(newer, db_path)
    assert db_path.read_bytes() == original
    assert not db_path.with_name("clerk.db.before-restore").exists()


def test_new_empty_database_needs_no_periodic_backup(store: Store) -> None:
    assert store.created
    assert store.maybe_periodic_backup(interval=0) is None
    assert store.list_backups() == []


def test_a_backup_name_gives_back_its_time_and_reason(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from clerk_app.storage.backup import backup_name

    when = datetime(2026, 11, 24, 18, 30, 5, 123456, tzinfo=UTC)
    name = backup_name(tmp_path / "clerk.db", "Before restore", when)
    info = parse_backup(tmp_path / name)
    assert info is not None
    assert (info.taken_at, info.reason, info.stem) == (when, "before-restore", "clerk")
    # an impossible date is not taken for a backup, and nothing is raised
    assert parse_backup(tmp_path / "clerk-20261324-183005-000000-open.db") is None
    assert parse_backup(tmp_path / "clerk-notes.db") is None
