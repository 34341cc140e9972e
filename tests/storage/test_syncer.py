"""The background disk sync: what is saved reaches clerk.db itself within seconds, off the
window's thread, so a power cut costs at most that long and a copy of the file alone is a
current copy of the library."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import date
from pathlib import Path

from clerk_app.domain.model import BodyKind, Paragraph
from clerk_app.services import Services
from clerk_app.storage import Store
from clerk_app.storage.syncer import WalSyncer


def copied_text(db: Path, tmp: Path, block_id: str) -> str | None:
    """The paragraph as a copy of clerk.db alone holds it (no -wal file beside it)."""
    copy = tmp / "copy.db"
    shutil.copyfile(db, copy)
    conn = sqlite3.connect(copy)
    try:
        row = conn.execute("SELECT data FROM blocks WHERE id = ?", (block_id,)).fetchone()
    except sqlite3.OperationalError:  # not even the tables: all of it is in the WAL
        row = None
    finally:
        conn.close()
        copy.unlink()
    return None if row is None else str(row[0])


def test_a_copy_of_the_file_alone_is_current_after_a_sync(tmp_path: Path) -> None:
    db = tmp_path / "data" / "clerk.db"
    db.parent.mkdir()
    store = Store.open(db, backups=False)
    try:
        svc = Services(store)
        body = svc.create_body("Wrenfold Parish Council", BodyKind.PARISH)
        meeting = svc.create_meeting(body.id, date(2026, 12, 1), agenda=["Footpaths"])
        item = meeting.items[-1]
        block = svc.add_block(meeting, item.id, Paragraph(text="Brambles cleared"))
        # committed, but in the WAL: the file alone does not have it yet
        assert copied_text(db, tmp_path, block.id) is None
        syncer = WalSyncer(lambda: db, interval=0.05)
        syncer.start()
        try:
            deadline = time.monotonic() + 30  # generous: a loaded machine
            while copied_text(db, tmp_path, block.id) is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert "Brambles cleared" in (copied_text(db, tmp_path, block.id) or "")
            checkpoints = syncer.checkpoints
            time.sleep(0.3)  # nothing changed: no more checkpoints
            assert syncer.checkpoints == checkpoints
            block.text = "Brambles cleared twice"
            svc.update_block(meeting, item.id, block)
            deadline = time.monotonic() + 30  # generous: a loaded machine
            while "twice" not in (copied_text(db, tmp_path, block.id) or ""):
                assert time.monotonic() < deadline
                time.sleep(0.05)
        finally:
            syncer.stop()
    finally:
        store.close()


def test_a_missing_file_stops_nothing(tmp_path: Path) -> None:
    syncer = WalSyncer(lambda: tmp_path / "gone" / "clerk.db", interval=0.01)
    assert syncer.sync() is False
    assert isinstance(syncer.last_error, FileNotFoundError)
    syncer.start()
    time.sleep(0.05)
    syncer.stop()  # the thread ends cleanly
