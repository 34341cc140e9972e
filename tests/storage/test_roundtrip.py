"""Saving and reading back bodies and meetings, through a real database file."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import pytest

from clerk_app.domain.model import (
    BLOCK_TYPES,
    Attendance,
    AttendanceStatus,
    Body,
    Item,
    Meeting,
    MeetingStatus,
    Paragraph,
    Person,
)
from clerk_app.storage import Store
from clerk_app.storage.errors import NotFound
from tests.storage.sample import sample_body, sample_meeting


def test_full_meeting_survives_reopening_the_file(db_path: Path) -> None:
    body = sample_body()
    meeting = sample_meeting(body)
    kinds = {type(b).KIND for it in meeting.items for b in it.blocks}
    assert kinds == set(BLOCK_TYPES)  # every kind of block
    with Store.open(db_path) as store:
        store.save_body(body)
        store.save_meeting(meeting)
    with Store.open(db_path) as store:
        assert store.get_body(body.id) == body
        again = store.get_meeting(meeting.id)
    assert again == meeting
    assert again.revision == 1
    assert [it.id for it in again.items] == ["i-apologies", "i-depot", "i-exempt", "i-next"]


def test_save_meeting_removes_what_is_no_longer_there(store: Store, meeting: Meeting) -> None:
    changed = copy.deepcopy(meeting)
    del changed.items[0]
    changed.items[0].blocks = changed.items[0].blocks[::-1]
    moved = changed.items[0].blocks.pop()
    changed.items[1].blocks.append(moved)
    changed.attendance.pop(1)
    store.save_meeting(changed)
    assert store.get_meeting(meeting.id) == changed
    assert changed.revision == 2


def test_list_meetings_newest_first_with_counts(store: Store, body: Body) -> None:
    older = sample_meeting(body)
    older.id = "m-old"
    older.date = older.date.replace(year=2025)
    older.items = []
    older.attendance = []
    store.save_meeting(older)
    newer = sample_meeting(body)
    store.save_meeting(newer)
    summaries = store.list_meetings()
    assert [s.id for s in summaries] == ["m-nov", "m-old"]
    assert summaries[0].item_count == 4 and summaries[1].item_count == 0
    assert summaries[0].body_name == "Planning Committee"
    assert summaries[0].first_minute == 41
    assert store.list_meetings("nobody") == []
    assert len(store.list_meetings(body.id)) == 2


def test_bodies_people_in_order_and_removed(store: Store, body: Body) -> None:
    body.people.insert(0, Person("Zed", "Adams", id="p-zed"))
    del body.people[3]
    body.settings.quorum = 5
    store.save_body(body)
    assert store.get_body(body.id) == body
    extra = Person("Late", "Addition", id="p-late")
    store.save_person(body.id, extra)
    assert store.get_body(body.id).people[-1] == extra
    other = Body(name="Audit Committee", id="body-audit")
    store.save_body(other)
    assert [b.name for b in store.list_bodies()] == ["Audit Committee", "Planning Committee"]
    with pytest.raises(NotFound):
        store.get_body("missing")
    with pytest.raises(NotFound):
        store.save_person("missing", Person())


def test_header_save_touches_only_the_header(store: Store, meeting: Meeting) -> None:
    header = copy.deepcopy(meeting)
    header.venue = "Committee Room 2"
    header.status = MeetingStatus.APPROVED
    header.approval = None
    header.items = []  # ignored by a header save
    store.save_meeting_header(header)
    again = store.get_meeting(meeting.id)
    assert again.venue == "Committee Room 2" and again.status is MeetingStatus.APPROVED
    assert again.approval is None
    assert [it.id for it in again.items] == [it.id for it in meeting.items]


def test_every_change_bumps_the_revision(store: Store, meeting: Meeting) -> None:
    seen = [store.revision(meeting.id)]
    item = meeting.items[1]
    block = item.blocks[0]
    assert isinstance(block, Paragraph)
    block.text = "Changed."
    store.save_block(meeting.id, item.id, block)
    seen.append(store.revision(meeting.id))
    store.save_item(meeting.id, Item(title="New"))
    seen.append(store.revision(meeting.id))
    store.save_attendance(meeting.id, Attendance("p-x", AttendanceStatus.OTHER))
    seen.append(store.revision(meeting.id))
    store.delete_block(meeting.id, block.id)
    seen.append(store.revision(meeting.id))
    store.save_meeting_header(meeting)
    seen.append(store.revision(meeting.id))
    assert seen == list(range(seen[0], seen[0] + 6))
    assert meeting.revision == seen[-1]


def test_updated_at_moves_on_with_each_save(store: Store, meeting: Meeting) -> None:
    before = store.list_meetings()[0].updated_at
    time.sleep(0.01)
    store.save_item(meeting.id, meeting.items[0])
    after = store.list_meetings()[0].updated_at
    assert after > before


def test_missing_meeting_raises_not_found(store: Store, body: Body) -> None:
    with pytest.raises(NotFound) as info:
        store.get_meeting("nope")
    assert info.value.message and info.value.advice
    with pytest.raises(NotFound):
        store.save_block("nope", "i", Paragraph())
    with pytest.raises(NotFound):
        store.revision("nope")
    with pytest.raises(NotFound):
        store.save_meeting_header(Meeting(body_id=body.id, date=sample_meeting(body).date))


def test_every_record_field_has_a_home_in_the_database() -> None:
    """A field added to the record must get a column (and a migration), not be dropped."""
    import dataclasses

    from clerk_app.storage import rows

    covered = {
        Person: {*rows.PERSON_COLUMNS, "id"},
        Meeting: {*rows.MEETING_COLUMNS, "id", "revision", "attendance", "items"},
        Attendance: {*rows.ATTENDANCE_COLUMNS, "id"},
        Item: {*rows.ITEM_COLUMNS, "id", "blocks"},
        Body: {"id", "name", "kind", "authority", "settings", "people"},
    }
    for cls, columns in covered.items():
        assert {f.name for f in dataclasses.fields(cls)} == columns, cls.__name__


def test_open_default_uses_the_data_folder(_isolated_user_dirs: Path) -> None:
    with Store.open_default() as store:
        assert store.path == _isolated_user_dirs / "clerk.db"
        store.save_body(sample_body())
        made = store.backup_now()
    assert made.parent == _isolated_user_dirs / "backups"
    assert (_isolated_user_dirs / "clerk.db").exists()


def test_meeting_of_an_unknown_body_is_refused(store: Store) -> None:
    orphan = sample_meeting(sample_body())
    with pytest.raises(NotFound) as info:
        store.save_meeting(orphan)
    assert "Save the committee" in info.value.advice
    assert store.list_meetings() == []


def test_created_says_whether_the_database_is_new(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.created
    with Store.open(db_path) as store:
        assert not store.created
