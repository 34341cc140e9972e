"""The list of meetings counts each meeting's items from an index, not by reading every
item's row, so it stays quick with ten years of meetings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk_app.storage import Store
from clerk_app.storage.meetings import LIST_MEETINGS_SQL


def test_the_meeting_list_counts_items_from_a_covering_index(store: Store, db_path: Path) -> None:
    assert store.list_meetings() == []
    conn = sqlite3.connect(db_path)
    for where in ("", "WHERE m.body_id = 'x'"):
        query = LIST_MEETINGS_SQL.format(where=where)
        plan = " ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + query))
        assert "COVERING INDEX items_meeting_kind" in plan, plan
    conn.close()
