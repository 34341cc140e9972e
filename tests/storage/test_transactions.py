"""store.transaction(): one commit for many calls, nested savepoints, rollback on error."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk_app.domain.model import Item, Meeting, Paragraph
from clerk_app.storage import Store


def committed_titles(path: Path, meeting_id: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT title FROM items WHERE meeting_id = ? ORDER BY position", (meeting_id,)
        )
        return [r[0] for r in rows]
    finally:
        conn.close()


def test_calls_inside_a_transaction_commit_together(store: Store, meeting: Meeting) -> None:
    before = committed_titles(store.path, meeting.id)
    with store.transaction():
        store.save_item(meeting.id, Item(title="One", id="one"))
        store.save_item(meeting.id, Item(title="Two", id="two"))
        assert committed_titles(store.path, meeting.id) == before  # not yet visible
    assert committed_titles(store.path, meeting.id) == [*before, "One", "Two"]


def test_error_rolls_everything_back(store: Store, meeting: Meeting) -> None:
    revision = store.revision(meeting.id)
    with pytest.raises(RuntimeError), store.transaction():
        store.save_item(meeting.id, Item(title="Lost", id="lost"))
        store.save_block(meeting.id, "lost", Paragraph(text="also lost"))
        raise RuntimeError("undo me")
    assert store.get_meeting(meeting.id) == meeting
    assert store.revision(meeting.id) == revision
    assert store.search("lost") == []


def test_inner_failure_rolls_back_only_the_inner_part(store: Store, meeting: Meeting) -> None:
    with store.transaction():
        store.save_item(meeting.id, Item(title="Kept", id="kept"))
        with pytest.raises(ValueError), store.transaction():
            store.save_item(meeting.id, Item(title="Dropped", id="dropped"))
            store.set_item_order(meeting.id, ["nonsense"])  # raises ValueError
    titles = [it.title for it in store.get_meeting(meeting.id).items]
    assert "Kept" in titles and "Dropped" not in titles


def test_sqlite_utils_methods_join_the_transaction(store: Store, meeting: Meeting) -> None:
    store.db.execute("CREATE TABLE scratch (id TEXT PRIMARY KEY, v TEXT)")
    with pytest.raises(RuntimeError), store.transaction():
        store.db["scratch"].insert_all([{"id": "a", "v": "1"}, {"id": "b", "v": "2"}])
        raise RuntimeError("roll back")
    assert store.db["scratch"].count == 0
    with store.transaction():
        store.db["scratch"].insert({"id": "c", "v": "3"})
        store.save_item(meeting.id, Item(title="With scratch", id="ws"))
    assert store.db["scratch"].count == 1


def test_closed_store_refuses_work(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    assert store.closed
    with pytest.raises(Exception, match="closed"):
        store.list_bodies()
    store.close()  # closing twice is harmless


def test_storage_does_not_load_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tempfile, pathlib\n"
        "from clerk_app.storage import Store\n"
        "with tempfile.TemporaryDirectory() as d, Store.open(pathlib.Path(d) / 'c.db') as s:\n"
        "    s.search('x')\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
