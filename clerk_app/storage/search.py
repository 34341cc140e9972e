"""Full-text search over item titles, purposes and minute blocks (SQLite FTS5).

The clerk's words are never passed to FTS5 as query syntax: each word is quoted, so
``"``, ``(``, ``*``, ``AND`` or ``NEAR`` are searched for as text and cannot cause an error.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from clerk_app.storage.rows import clean_text


@dataclass(frozen=True)
class SearchHit:
    meeting_id: str
    item_id: str
    block_id: str | None  # None when the item's title or purpose matched
    body_name: str
    meeting_date: date
    item_title: str
    snippet: str


def fts_query(text: str, *, prefix: bool = True) -> str:
    """An FTS5 query matching every word of ``text`` literally ("" if there are none)."""
    words = [w for w in clean_text(text).split() if w.strip('"')]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


_SQL = """
SELECT * FROM (
    SELECT m.id AS meeting_id, i.id AS item_id, NULL AS block_id, b.name AS body_name,
           m.date AS meeting_date, i.title AS item_title,
           snippet(items_fts, -1, :open, :close, '…', 12) AS snippet,
           items_fts.rank AS rank
    FROM items_fts
    JOIN items i ON i.seq = items_fts.rowid
    JOIN meetings m ON m.id = i.meeting_id
    JOIN bodies b ON b.id = m.body_id
    WHERE items_fts MATCH :q
    UNION ALL
    SELECT m.id, i.id, bl.id, b.name, m.date, i.title,
           snippet(blocks_fts, 0, :open, :close, '…', 12), blocks_fts.rank
    FROM blocks_fts
    JOIN blocks bl ON bl.seq = blocks_fts.rowid
    JOIN items i ON i.id = bl.item_id
    JOIN meetings m ON m.id = bl.meeting_id
    JOIN bodies b ON b.id = m.body_id
    WHERE blocks_fts MATCH :q
)
ORDER BY rank, meeting_date DESC, item_id, block_id
LIMIT :limit
"""


def search(
    conn: sqlite3.Connection,
    text: str,
    limit: int = 50,
    *,
    prefix: bool = True,
    mark: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    query = fts_query(text, prefix=prefix)
    if not query or limit <= 0:
        return []
    params = {"q": query, "open": mark[0], "close": mark[1], "limit": limit}
    return [
        SearchHit(
            meeting_id=r[0],
            item_id=r[1],
            block_id=r[2],
            body_name=r[3],
            meeting_date=date.fromisoformat(r[4]),
            item_title=r[5],
            snippet=r[6] or "",
        )
        for r in conn.execute(_SQL, params)
    ]
