"""SQLite errors that are the clerk's situation become clear StoreErrors; bugs do not."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.storage import Store
from clerk_app.storage.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DatabaseTooNew,
    DiskError,
    DiskFull,
    NotAClerkDatabase,
    ReadOnlyDatabase,
    StoreError,
    translate,
)
from clerk_app.storage.schema import SCHEMA_VERSION
from tests.storage.sample import sample_body, sample_meeting


def make_db(path: Path, blocks: int = 200) -> Meeting:
    """A real, closed Clerk database big enough to span many pages."""
    body = sample_body()
    meeting = sample_meeting(body)
    meeting.items[0].blocks = [Paragraph(text=f"Paragraph {i} " * 30) for i in range(blocks)]
    with Store.open(path, backups=False) as store:
        store.save_body(body)
        store.save_meeting(meeting)
    return meeting


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma_text(path: Path, name: str) -> str:
    conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    try:
        return str(conn.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        conn.close()


def sqlite_error(make: object) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        make()  # type: ignore[operator]
    return info.value


# --------------------------------------------------------------------- translation


def test_translate_real_sqlite_errors(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")

    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    locked = sqlite_error(lambda: other.execute("INSERT INTO t VALUES (1)"))
    conn.execute("COMMIT")
    assert isinstance(translate(locked), DatabaseLocked)

    ro = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    readonly = sqlite_error(lambda: ro.execute("INSERT INTO t VALUES (1)"))
    assert "readonly" in str(readonly)
    assert isinstance(translate(readonly), ReadOnlyDatabase)

    conn.execute("PRAGMA max_page_count = 3")
    full = sqlite_error(lambda: conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,)))
    assert isinstance(translate(full), DiskFull)

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    notadb = sqlite_error(lambda: sqlite3.connect(junk).execute("SELECT * FROM sqlite_master"))
    assert isinstance(translate(notadb), CorruptDatabase)

    bug = sqlite_error(lambda: conn.execute("SELEC nonsense"))
    assert translate(bug) is None
    missing = sqlite_error(lambda: conn.execute("SELECT * FROM no_such_table"))
    assert translate(missing) is None

    cantopen = sqlite_error(lambda: sqlite3.connect(tmp_path / "no" / "such" / "dir.db"))
    assert isinstance(translate(cantopen), ReadOnlyDatabase)

    assert isinstance(translate(OSError(errno.ENOSPC, "No space left")), DiskFull)
    assert isinstance(translate(OSError(errno.EROFS, "Read-only file system")), ReadOnlyDatabase)
    assert translate(ValueError("bug")) is None
    for exc in (locked, readonly, full, notadb):
        err = translate(exc)
        assert err is not None and err.message and err.advice


def test_malformed_and_io_messages_translate() -> None:
    assert isinstance(translate(sqlite3.DatabaseError("database disk image is malformed")),
                      CorruptDatabase)  # fmt: skip
    assert isinstance(translate(sqlite3.OperationalError("disk I/O error")), DiskError)


def test_a_bug_propagates_unchanged(store: Store, meeting: Meeting) -> None:
    with pytest.raises(sqlite3.OperationalError), store.transaction():
        store.db.execute("SELECT * FROM no_such_table")


# --------------------------------------------------------------------- through the store


def test_locked_database(db_path: Path) -> None:
    make_db(db_path, blocks=1)
    store = Store.open(db_path, busy_timeout=0.1)
    meeting = store.get_meeting("m-nov")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    block = meeting.items[1].blocks[0]
    assert isinstance(block, Paragraph)
    block.text = "Typed while locked"
    with pytest.raises(DatabaseLocked) as info:
        store.save_block(meeting.id, meeting.items[1].id, block)
    assert "busy" in info.value.message
    other.execute("ROLLBACK")
    other.close()
    store.save_block(meeting.id, meeting.items[1].id, block)  # works once released
    store.close()
    with Store.open(db_path) as again:
        assert again.get_meeting(meeting.id).find_block(block.id)[1] == block  # type: ignore[index]


def test_read_only_connection_gives_read_only_error(store: Store, meeting: Meeting) -> None:
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(ReadOnlyDatabase) as info:
        store.save_block(meeting.id, meeting.items[0].id, Paragraph(text="x"))
    assert "read-only" in info.value.message
    store.db.execute("PRAGMA query_only = OFF")
    assert store.get_meeting(meeting.id) == meeting  # nothing half-written


def test_disk_full_rolls_back_and_store_stays_usable(store: Store, meeting: Meeting) -> None:
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFull):
        store.save_block(meeting.id, meeting.items[0].id, Paragraph(text="x" * 200_000))
    assert store.get_meeting(meeting.id) == meeting
    store.db.execute("PRAGMA max_page_count = 1000000")
    store.save_block(meeting.id, meeting.items[0].id, Paragraph(text="fits now", id="small"))
    assert store.get_meeting(meeting.id).find_block("small") is not None


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable even for root (chattr +i), or skip."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(0o755 if path.is_dir() else 0o644)
        return
    if shutil.which("chattr") is None:
        pytest.skip("chattr is needed to make a file read-only for root")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not possible here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_database_file(db_path: Path) -> None:
    make_db(db_path, blocks=1)
    before = digest(db_path)
    with immutable(db_path), pytest.raises(ReadOnlyDatabase) as info:
        Store.open(db_path)
    assert info.value.advice
    assert digest(db_path) == before


def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    with immutable(folder), pytest.raises(ReadOnlyDatabase):
        Store.open(folder / "clerk.db")


# --------------------------------------------------------------------- not ours, damaged, newer


def test_text_file_is_not_a_clerk_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Minutes of the last meeting\n" * 50)
    before = digest(path)
    with pytest.raises(NotAClerkDatabase) as info:
        Store.open(path)
    assert info.value.message == "This file is not a Clerk database."
    assert digest(path) == before


def test_other_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAClerkDatabase):
        Store.open(path)
    assert digest(path) == before


def test_truncated_database_is_reported_damaged(db_path: Path) -> None:
    make_db(db_path)
    size = db_path.stat().st_size
    assert size > 40_000
    with open(db_path, "r+b") as f:
        f.truncate(size // 2)
    with pytest.raises(CorruptDatabase) as info:
        Store.open(db_path)
    assert "damaged" in info.value.message
    # there are no backups (made with backups=False): the advice does not point at them
    assert "no backups" in info.value.advice and "keeps backups" not in info.value.advice
    assert "Restore" not in info.value.advice


def test_damaged_database_advice_names_the_restore_menu_when_there_are_backups(
    db_path: Path,
) -> None:
    make_db(db_path, blocks=1)
    with Store.open(db_path) as store:
        store.backup_now()
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)
    with pytest.raises(CorruptDatabase) as info:
        Store.open(db_path)
    advice = info.value.advice
    assert "File → Restore a backup…" in advice and "clerk-app restore" in advice


def test_garbled_database_is_reported_damaged(db_path: Path) -> None:
    make_db(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):
        data[start : start + 200] = bytes((i * 37) % 256 for i in range(200))
    db_path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase):
        Store.open(db_path)


def test_empty_file_with_backups_is_damaged(db_path: Path) -> None:
    make_db(db_path, blocks=1)
    with Store.open(db_path) as store:
        assert store.backup_if_changed() is not None
        assert store.list_backups()
    db_path.write_bytes(b"")
    with pytest.raises(CorruptDatabase):
        Store.open(db_path)


def test_newer_database_is_refused_and_left_byte_identical(db_path: Path) -> None:
    make_db(db_path, blocks=3)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert pragma_text(db_path, "journal_mode") == "wal"  # as Clerk leaves its files
    before = digest(db_path)
    stat_before = db_path.stat().st_mtime_ns
    with pytest.raises(DatabaseTooNew) as info:
        Store.open(db_path)
    assert "newer version of Clerk" in info.value.message
    assert "has not changed" in info.value.advice
    assert digest(db_path) == before
    assert db_path.stat().st_mtime_ns == stat_before
    wal = Path(str(db_path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not (db_path.parent / "backups").exists()
    assert pragma_text(db_path, "user_version") == str(SCHEMA_VERSION + 1)


def test_every_store_error_speaks_plainly() -> None:
    for cls in StoreError.__subclasses__():
        err = cls()
        assert err.message.endswith(".") and err.advice.endswith(".")
        assert "sqlite" not in (err.message + err.advice).lower()
