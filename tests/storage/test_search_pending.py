"""What the clerk types into a block is indexed for search after the save, not in it:
the words wait in ``blocks_fts_pending`` until a search, the clerk moving on, closing or
the next open (after a crash), and are always found by a search made straight after."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

from clerk_app.domain.model import Meeting, Note, Paragraph
from clerk_app.storage import Store
from tests.storage.sample import sample_body, sample_meeting
from tests.storage.test_lock import child, first_line


def count(path: Path, sql: str, *args: str) -> int:
    """A count from the database file, read on a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql, args).fetchone()[0])
    finally:
        conn.close()


def pending(path: Path) -> int:
    return count(path, "SELECT COUNT(*) FROM blocks_fts_pending")


def indexed(path: Path, word: str) -> int:
    return count(path, "SELECT COUNT(*) FROM blocks_fts WHERE blocks_fts MATCH ?", word)


def typed(meeting: Meeting, text: str) -> Paragraph:
    block = meeting.items[1].blocks[0]
    assert isinstance(block, Paragraph)
    block.text = text
    return block


def test_a_typed_change_waits_and_a_search_straight_after_finds_it(
    store: Store, meeting: Meeting
) -> None:
    block = typed(meeting, "The viaduct report was presented.")
    store.save_block(meeting.id, "i-depot", block)
    assert pending(store.path) == 1
    assert indexed(store.path, "viaduct") == 0  # the save left the index alone
    assert indexed(store.path, "introduced") == 1
    assert {(h.item_id, h.block_id) for h in store.search("viaduct")} == {("i-depot", block.id)}
    assert store.search("introduced") == []
    assert pending(store.path) == 0
    assert indexed(store.path, "viaduct") == 1


def test_many_saves_of_one_block_index_its_last_words_once(store: Store, meeting: Meeting) -> None:
    for word in ("alpha", "bravo", "charlie"):
        store.save_block(meeting.id, "i-depot", typed(meeting, f"Typed {word}"))
    assert pending(store.path) == 1
    assert store.index_pending() == 1
    assert (indexed(store.path, "alpha"), indexed(store.path, "charlie")) == (0, 1)
    assert store.index_pending() == 0


def test_closing_the_store_indexes_what_waits(
    db_path: Path, store: Store, meeting: Meeting
) -> None:
    store.save_block(meeting.id, "i-depot", typed(meeting, "Closing words about the viaduct"))
    store.close()
    assert pending(db_path) == 0
    assert indexed(db_path, "viaduct") == 1


def test_what_a_crash_left_waiting_is_indexed_on_open(db_path: Path) -> None:
    body = sample_body()
    meeting = sample_meeting(body)
    with Store.open(db_path) as store:
        store.save_body(body)
        store.save_meeting(meeting)
    text = "Typed into the paragraph a moment before the power cut at the viaduct"
    with child("save", str(db_path), meeting.id, "i-depot", "b-intro", text) as proc:
        assert first_line(proc) == "saved"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    assert pending(db_path) == 1
    assert indexed(db_path, "viaduct") == 0
    with Store.open(db_path) as store:
        assert pending(db_path) == 0  # indexed on open, before any search
        assert indexed(db_path, "viaduct") == 1
        assert store.search("power cut viaduct")[0].block_id == "b-intro"


def test_a_deleted_block_takes_its_waiting_words_with_it(store: Store, meeting: Meeting) -> None:
    block = typed(meeting, "Words about the viaduct")
    store.save_block(meeting.id, "i-depot", block)
    store.delete_block(meeting.id, block.id)
    assert pending(store.path) == 0
    assert store.search("viaduct") == []


def test_waiting_words_never_land_on_a_block_that_reuses_the_row(
    store: Store, meeting: Meeting
) -> None:
    newest = count(store.path, "SELECT MAX(seq) FROM blocks")
    conn = sqlite3.connect(store.path)
    try:  # the newest block's row number is the one a new block is given again
        block_id = conn.execute("SELECT id FROM blocks WHERE seq = ?", (newest,)).fetchone()[0]
    finally:
        conn.close()
    found = meeting.find_block(block_id)
    assert found is not None
    item, block = found
    assert isinstance(block, Note)
    block.text = "Stale words about the viaduct"
    store.save_block(meeting.id, item.id, block)
    store.delete_item(meeting.id, item.id)  # its blocks go with it
    store.save_block(meeting.id, "i-depot", Note(text="Fresh words", id="b-fresh"))
    assert count(store.path, "SELECT seq FROM blocks WHERE id = 'b-fresh'") == newest
    store.index_pending()
    assert store.search("viaduct") == []
    assert [h.block_id for h in store.search("fresh words")] == ["b-fresh"]


def test_a_locked_database_leaves_the_words_waiting_and_search_still_answers(
    store: Store, meeting: Meeting
) -> None:
    """Another program holding the write lock: the index step waits its turn quietly
    (search answers from the index as it stands, nothing raised), and the words are
    indexed at the next search once the lock is gone."""
    block = typed(meeting, "The viaduct report was presented.")
    store.save_block(meeting.id, "i-depot", block)
    store.set_busy_timeout(0.1)  # as the window's connection waits
    blocker = sqlite3.connect(store.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        assert store.search("viaduct") == []  # not yet indexed, and no error
        assert pending(store.path) == 1
    finally:
        blocker.rollback()
        blocker.close()
    assert [h.block_id for h in store.search("viaduct")] == [block.id]
    assert pending(store.path) == 0
