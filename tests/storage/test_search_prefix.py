"""A prefix search spells the prefix out as the index's own words when they are few,
and finds exactly what FTS5's own prefix search finds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.domain.model import Item, Meeting, Paragraph
from clerk_app.storage import Store
from clerk_app.storage.search import SPELT_OUT_AT_MOST, _spelt_out, fts_query

WORDS = [
    "committee",
    "committees",
    "commitment",
    "common",
    "Ómra",
    "omnibus",
    "co-operative",
    "don't",
    "planning",
    "plan",
]


def _matches(conn: sqlite3.Connection, table: str, query: str) -> set[int]:
    return {
        r for (r,) in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (query,))
    }


@pytest.fixture
def library(store: Store, meeting: Meeting) -> Store:
    item = Item(title="Committee structure review", id="i-words")
    store.save_item(meeting.id, item)
    for n, word in enumerate(WORDS):
        text = f"The {word} report on the planning of things, item {n}."
        store.save_block(meeting.id, item.id, Paragraph(text=text, id=f"b-{n}"))
    store.search("flush")  # typed words waiting for the index are indexed
    return store


def test_the_prefix_is_spelt_out_as_the_index_words(library: Store) -> None:
    conn = library._conn
    assert _spelt_out(conn, "blocks_fts", "commit") == (
        '("commitment" OR "committee" OR "committees")'
    )
    assert _spelt_out(conn, "blocks_fts", "the planning commi") == (
        '"the" AND "planning" AND ("commitment" OR "committee" OR "committees")'
    )
    # a word of no letters is an empty phrase FTS5 passes over: left out, not ANDed
    assert _spelt_out(conn, "blocks_fts", "' commit") == (
        '("commitment" OR "committee" OR "committees")'
    )
    assert {h.block_id for h in library.search("' commit")} >= {"b-0", "b-1", "b-2"}
    # a word beyond ASCII is left to FTS5, whose folding Python's need not match
    assert _spelt_out(conn, "blocks_fts", "Ómr") == fts_query("Ómr")
    assert {h.block_id for h in library.search("Ómr")} == {"b-4"}
    # a word FTS5 reads as a phrase, and a prefix nothing begins with, are left to FTS5
    assert _spelt_out(conn, "blocks_fts", "co-op") == fts_query("co-op")
    assert _spelt_out(conn, "blocks_fts", "zebra") == fts_query("zebra")
    blocks = {h.block_id for h in library.search("commit")}
    assert {"b-0", "b-1", "b-2"} <= blocks and "b-3" not in blocks


def test_a_prefix_of_many_words_is_left_to_fts5(library: Store, meeting: Meeting) -> None:
    item = Item(title="Many words", id="i-many")
    library.save_item(meeting.id, item)
    many = " ".join(f"zed{n:03}" for n in range(SPELT_OUT_AT_MOST + 1))
    library.save_block(meeting.id, item.id, Paragraph(text=many, id="b-many"))
    library.search("flush")
    assert _spelt_out(library._conn, "blocks_fts", "zed") == fts_query("zed")
    assert [h.block_id for h in library.search("zed")] == ["b-many"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.text(alphabet="comitenpslaÓrßﬁāŵ2 -'\"", min_size=1, max_size=14),
)
def test_the_same_matches_as_fts5s_own_prefix_search(library: Store, text: str) -> None:
    conn = library._conn
    native = fts_query(text)
    if not native:
        return
    for table in ("blocks_fts", "items_fts"):
        try:
            expected = _matches(conn, table, native)
        except sqlite3.OperationalError:
            continue  # a query FTS5 itself refuses: search answers nothing for it
        assert _matches(conn, table, _spelt_out(conn, table, text)) == expected


def test_a_read_only_database_spells_out_and_a_query_only_one_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIRTUAL TABLE blocks_fts USING fts5(text)")
    conn.execute("INSERT INTO blocks_fts(text) VALUES ('committee business')")
    conn.commit()
    conn.close()
    # the word list is a table of the connection's own (temp), so a read-only file has it
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert _spelt_out(read_only, "blocks_fts", "commi") == '"committee"'
    # a connection that may write nothing at all, not even its own tables: FTS5's search
    query_only = sqlite3.connect(path)
    query_only.execute("PRAGMA query_only = 1")
    assert _spelt_out(query_only, "blocks_fts", "commi") == fts_query("commi")
    assert _matches(query_only, "blocks_fts", fts_query("commi")) == {1}
