"""Deleting a meeting or item takes everything under it, in the database itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.storage import Store
from clerk_app.storage.errors import NotFound


def count(path: Path, sql: str, *args: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql, args).fetchone()[0])
    finally:
        conn.close()


def test_delete_meeting_cascades(store: Store, meeting: Meeting) -> None:
    store.add_audit(meeting.id, "resolution", "old", "new", "chair")
    tables = ("attendance", "items", "blocks", "audit")
    for table in tables:
        assert count(store.path, f"SELECT COUNT(*) FROM {table} WHERE meeting_id = ?", meeting.id)
    assert store.search("Mill Lane")
    store.delete_meeting(meeting.id)
    for table in tables:
        n = count(store.path, f"SELECT COUNT(*) FROM {table} WHERE meeting_id = ?", meeting.id)
        assert n == 0, table
    assert count(store.path, "SELECT COUNT(*) FROM blocks_fts") == 0
    assert count(store.path, "SELECT COUNT(*) FROM items_fts") == 0
    assert store.search("Mill Lane") == []
    assert store.list_meetings() == []
    with pytest.raises(NotFound):
        store.delete_meeting(meeting.id)


def test_delete_item_takes_its_blocks_only(store: Store, meeting: Meeting) -> None:
    depot = meeting.items[1]
    store.delete_item(meeting.id, depot.id)
    assert count(store.path, "SELECT COUNT(*) FROM blocks WHERE item_id = ?", depot.id) == 0
    remaining = sum(len(it.blocks) for it in meeting.items) - len(depot.blocks)
    assert count(store.path, "SELECT COUNT(*) FROM blocks") == remaining
    assert store.search("objections") == []


def test_foreign_keys_are_on(store: Store) -> None:
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO items (id, meeting_id, position, kind, status) "
            "VALUES ('x', 'no-meeting', 0, 'general', 'pending')"
        )
