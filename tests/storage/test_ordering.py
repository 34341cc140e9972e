"""Positions of items, blocks and attendance: insert at an index, move, reorder, delete."""

from __future__ import annotations

import sqlite3

import pytest

from clerk_app.domain.model import Attendance, Item, Meeting, Paragraph
from clerk_app.storage import Store
from clerk_app.storage.errors import NotFound


def item_ids(store: Store, meeting_id: str) -> list[str]:
    return [it.id for it in store.get_meeting(meeting_id).items]


def block_ids(store: Store, meeting_id: str, item_id: str) -> list[str]:
    item = store.get_meeting(meeting_id).item(item_id)
    assert item is not None
    return [b.id for b in item.blocks]


def positions(store: Store, sql: str, key: str) -> list[int]:
    conn = sqlite3.connect(store.path)
    try:
        return [r[0] for r in conn.execute(sql, (key,))]
    finally:
        conn.close()


def test_items_insert_at_index_and_append(store: Store, meeting: Meeting) -> None:
    start = item_ids(store, meeting.id)
    store.save_item(meeting.id, Item(title="First", id="x0"), index=0)
    store.save_item(meeting.id, Item(title="Third", id="x2"), index=2)
    store.save_item(meeting.id, Item(title="Last", id="xz"))
    store.save_item(meeting.id, Item(title="Beyond", id="xb"), index=99)
    expected = ["x0", start[0], "x2", *start[1:], "xz", "xb"]
    assert item_ids(store, meeting.id) == expected
    dense = positions(
        store, "SELECT position FROM items WHERE meeting_id = ? ORDER BY position", meeting.id
    )
    assert dense == list(range(len(expected)))


def test_items_move_and_reorder(store: Store, meeting: Meeting) -> None:
    a, b, c, d = item_ids(store, meeting.id)
    moved = meeting.items[3]
    moved.title = "Date and time of next meeting"
    store.save_item(meeting.id, moved, index=0)
    assert item_ids(store, meeting.id) == [d, a, b, c]
    assert store.get_meeting(meeting.id).items[0].title == "Date and time of next meeting"
    store.save_item(meeting.id, moved, index=-1)
    assert item_ids(store, meeting.id) == [a, b, d, c]
    store.set_item_order(meeting.id, [c, b, a, d])
    assert item_ids(store, meeting.id) == [c, b, a, d]
    with pytest.raises(ValueError):
        store.set_item_order(meeting.id, [c, b, a])
    with pytest.raises(ValueError):
        store.set_item_order(meeting.id, [c, b, a, a])
    assert item_ids(store, meeting.id) == [c, b, a, d]  # refused order changed nothing


def test_delete_item_closes_the_gap(store: Store, meeting: Meeting) -> None:
    a, b, c, d = item_ids(store, meeting.id)
    store.delete_item(meeting.id, b)
    store.save_item(meeting.id, Item(id="new"), index=1)
    assert item_ids(store, meeting.id) == [a, "new", c, d]
    with pytest.raises(NotFound):
        store.delete_item(meeting.id, b)


def test_blocks_insert_move_within_and_between_items(store: Store, meeting: Meeting) -> None:
    depot = meeting.items[1].id
    exempt = meeting.items[2].id
    original = block_ids(store, meeting.id, depot)
    store.save_block(meeting.id, depot, Paragraph(text="Inserted", id="new"), index=1)
    assert block_ids(store, meeting.id, depot) == [original[0], "new", *original[1:]]
    # move within the item
    store.save_block(meeting.id, depot, Paragraph(text="Moved", id="new"), index=0)
    assert block_ids(store, meeting.id, depot) == ["new", *original]
    # move to another item (appended there), the gap closes behind it
    block = meeting.items[1].blocks[2]
    store.save_block(meeting.id, exempt, block)
    assert block_ids(store, meeting.id, depot) == ["new", *original[:2], *original[3:]]
    assert block_ids(store, meeting.id, exempt) == ["b-note", block.id]
    store.save_block(meeting.id, exempt, block, index=0)
    assert block_ids(store, meeting.id, exempt) == [block.id, "b-note"]
    for item_id in (depot, exempt):
        got = positions(store, "SELECT position FROM blocks WHERE item_id = ? ORDER BY 1", item_id)
        assert got == list(range(len(got)))


def test_block_reorder_and_delete(store: Store, meeting: Meeting) -> None:
    depot = meeting.items[1].id
    ids = block_ids(store, meeting.id, depot)
    store.set_block_order(meeting.id, depot, ids[::-1])
    assert block_ids(store, meeting.id, depot) == ids[::-1]
    store.delete_block(meeting.id, ids[-1])
    assert block_ids(store, meeting.id, depot) == ids[-2::-1]
    store.save_block(meeting.id, depot, Paragraph(id="tail"))
    assert block_ids(store, meeting.id, depot)[-1] == "tail"
    with pytest.raises(ValueError):
        store.set_block_order(meeting.id, depot, ids)
    with pytest.raises(NotFound):
        store.delete_block(meeting.id, ids[-1])
    with pytest.raises(NotFound):
        store.save_block(meeting.id, "no-such-item", Paragraph())


def test_attendance_upsert_append_and_delete(store: Store, meeting: Meeting) -> None:
    extra = Attendance("p-guest", id="a-guest")
    store.save_attendance(meeting.id, extra)
    first = meeting.attendance[0]
    first.note = "arrived late"
    store.save_attendance(meeting.id, first)
    got = store.get_meeting(meeting.id).attendance
    assert [a.id for a in got] == [a.id for a in meeting.attendance] + ["a-guest"]
    assert got[0].note == "arrived late"
    store.delete_attendance(meeting.id, meeting.attendance[1].id)
    got = store.get_meeting(meeting.id).attendance
    assert [a.id for a in got] == ["a-chair", "a-pike", "a-wren", "a-hale", "a-guest"]
    with pytest.raises(NotFound):
        store.delete_attendance(meeting.id, "gone")


def test_ids_of_another_meeting_are_refused(store: Store, meeting: Meeting) -> None:
    other = Meeting(body_id=meeting.body_id, date=meeting.date, id="m-other")
    store.save_meeting(other)
    store.save_item(other.id, Item(id="other-item"))
    with pytest.raises(ValueError):
        store.save_item(other.id, meeting.items[0])
    with pytest.raises(ValueError):
        store.save_block(other.id, "other-item", meeting.items[0].blocks[0])
    copied = Meeting(body_id=meeting.body_id, date=meeting.date, items=meeting.items)
    with pytest.raises(ValueError):
        store.save_meeting(copied)
    assert store.get_meeting(meeting.id) == meeting
