"""Schema versions: frozen databases of every released version open with data intact."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from clerk_app.domain.model import Body, Meeting
from clerk_app.domain.serial import from_dict
from clerk_app.storage import Store, parse_backup, schema
from tests.storage.make_frozen import FROZEN

FROZEN_DBS = sorted(FROZEN.glob("v*.db"), key=lambda p: int(p.stem[1:]))


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        conn.close()


def test_every_released_version_is_frozen() -> None:
    assert [p.stem for p in FROZEN_DBS] == [f"v{n}" for n in range(1, schema.SCHEMA_VERSION + 1)]


@pytest.mark.parametrize("frozen", FROZEN_DBS, ids=lambda p: p.stem)
def test_frozen_database_opens_with_data_intact(frozen: Path, tmp_path: Path) -> None:
    record = json.loads(frozen.with_suffix(".json").read_text(encoding="utf-8"))
    body = from_dict(Body, record["body"])
    meeting = from_dict(Meeting, record["meeting"])
    path = tmp_path / "clerk.db"
    shutil.copyfile(frozen, path)
    with Store.open(path) as store:
        assert store.get_body(body.id) == body
        got = store.get_meeting(meeting.id)
        assert got == meeting
        assert [(a.what, a.before, a.after, a.source) for a in store.audit(meeting.id)] == [
            ("resolution b-motion", "old wording", "new wording", "chair")
        ]
        assert store.search("objections")[0].block_id == "b-motion"
        assert store.list_meetings()[0].item_count == len(meeting.items)
        for table, records in record.get("tables", {}).items():
            stored = list(store.db[table].rows)
            for want in records:
                assert any(want.items() <= got.items() for got in stored), (table, want)
        # and it can be worked on
        got.items[0].title = "Apologies"
        store.save_item(got.id, got.items[0])
    assert pragma(path, "user_version") == schema.SCHEMA_VERSION
    assert pragma(path, "application_id") == schema.APPLICATION_ID
    assert frozen.read_bytes()[:16] == b"SQLite format 3\x00"


def test_new_database_is_marked_as_clerks(db_path: Path) -> None:
    Store.open(db_path).close()
    assert pragma(db_path, "user_version") == schema.SCHEMA_VERSION
    assert pragma(db_path, "application_id") == schema.APPLICATION_ID == 0x434C524B
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def _v_next(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE meetings ADD COLUMN webcast_url TEXT NOT NULL DEFAULT ''")


def test_a_new_migration_runs_once_after_a_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(FROZEN_DBS[-1], db_path)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _v_next])
    with Store.open(db_path) as store:
        reasons = [parse_backup(p).reason for p in store.list_backups()]  # type: ignore[union-attr]
        assert f"before-upgrade-{FROZEN_DBS[-1].stem}" in reasons
        assert "webcast_url" in store.db["meetings"].columns_dict
        assert store.get_meeting("m-nov").venue
    assert pragma(db_path, "user_version") == int(FROZEN_DBS[-1].stem[1:]) + 1
    Store.open(db_path).close()  # already migrated: nothing runs twice


def test_a_failing_migration_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(FROZEN_DBS[-1], db_path)

    def broken(db: sqlite_utils.Database) -> None:
        _v_next(db)
        raise RuntimeError("migration bug")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        Store.open(db_path)
    assert pragma(db_path, "user_version") == int(FROZEN_DBS[-1].stem[1:])
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert "webcast_url" not in store.db["meetings"].columns_dict
        assert store.get_meeting("m-nov").items


def test_v1_database_whose_review_tables_exist_already_upgrades(db_path: Path) -> None:
    """Earlier builds created the review tables on first use, before version 2 had them."""
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(FROZEN / "v1.db", db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE review_responses (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
        "meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, "
        "target_id TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL, "
        "import_id TEXT NOT NULL DEFAULT '', data TEXT NOT NULL)"
    )
    conn.execute(
        "INSERT INTO review_responses (id, meeting_id, target_id, status, source, data) "
        "VALUES ('r', 'm-nov', 'b-motion', 'pending', 'word', '{}')"
    )
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        assert store.db["review_responses"].count == 1
        assert store.db["review_imports"].exists()
        store.delete_meeting("m-nov")
        assert store.db["review_responses"].count == 0  # cascades with the meeting
    assert pragma(db_path, "user_version") == schema.SCHEMA_VERSION


@pytest.mark.parametrize("frozen", FROZEN_DBS[:4], ids=lambda p: p.stem)
def test_version_5_says_whose_outcome_each_motion_has(frozen: Path, tmp_path: Path) -> None:
    """From every frozen version: a motion whose outcome its vote gives follows the vote;
    one whose outcome the vote does not give (the amendment lost on equal named votes)
    keeps it as the clerk's choice."""
    path = tmp_path / "clerk.db"
    shutil.copyfile(frozen, path)
    with Store.open(path) as store:
        rows = {
            r["id"]: json.loads(r["data"])
            for r in store.db.query("SELECT id, data FROM blocks WHERE kind = 'motion'")
        }
        meeting = store.get_meeting("m-nov")
    assert rows["b-motion"]["outcome_by_hand"] is False  # carried, 3 to 1
    assert rows["b-amend"]["outcome_by_hand"] is True  # lost on an equal named vote
    found = meeting.find_block("b-amend")
    assert found is not None and found[1].outcome_by_hand  # type: ignore[attr-defined]


@pytest.mark.parametrize("frozen", FROZEN_DBS[:7], ids=lambda p: p.stem)
def test_version_8_gives_items_and_blocks_room_for_translations(
    frozen: Path, tmp_path: Path
) -> None:
    """From every version before 8: items and blocks open with no translations, and the
    second-language text typed afterwards is saved and read back."""
    path = tmp_path / "clerk.db"
    shutil.copyfile(frozen, path)
    with Store.open(path) as store:
        assert {c.name for c in store.db["items"].columns} >= {"translation"}
        meeting = store.get_meeting("m-nov")
        assert all(not it.translation for it in meeting.items)
        assert all(not b.translation for it in meeting.items for b in it.blocks)
        item = meeting.items[1]
        item.translation = {"title": "Hen ddepo bysiau", "purpose": "Penderfynu ar gais"}
        block = item.blocks[0]
        block.translation = {"text": "Cyflwynodd y Rheolwr Cynllunio yr adroddiad."}
        store.save_item(meeting.id, item)
        store.save_block(meeting.id, item.id, block)
    with Store.open(path) as store:
        again = store.get_meeting("m-nov")
        assert store.search("Cyflwynodd")[0].block_id == block.id
    assert again.items[1].translation == {
        "title": "Hen ddepo bysiau",
        "purpose": "Penderfynu ar gais",
    }
    assert again.items[1].blocks[0].translation == {
        "text": "Cyflwynodd y Rheolwr Cynllunio yr adroddiad."
    }
    assert again.items[0].translation == {}


@pytest.mark.parametrize("frozen", FROZEN_DBS[:9], ids=lambda p: p.stem)
def test_version_10_gives_the_meeting_and_attendance_room_for_translations(
    frozen: Path, tmp_path: Path
) -> None:
    """From every version before 10: the meeting and its attendance open with no
    translations, and a venue, text after the signature and an apology's reason typed
    in the second language afterwards are saved and read back."""
    path = tmp_path / "clerk.db"
    shutil.copyfile(frozen, path)
    with Store.open(path) as store:
        assert "translation" in {c.name for c in store.db["meetings"].columns}
        assert "translation" in {c.name for c in store.db["attendance"].columns}
        meeting = store.get_meeting("m-nov")
        assert meeting.translation == {}
        assert all(not a.translation for a in meeting.attendance)
        meeting.translation = {"venue": "Siambr y Cyngor", "after_signature": "Cyswllt"}
        store.save_meeting_header(meeting)
        wren = meeting.attendance_of("p-wren")
        assert wren is not None
        wren.translation = {"reason": "salwch"}
        store.save_attendance(meeting.id, wren)
    with Store.open(path) as store:
        again = store.get_meeting("m-nov")
    assert again.translation == {"venue": "Siambr y Cyngor", "after_signature": "Cyswllt"}
    found = again.attendance_of("p-wren")
    assert found is not None and found.translation == {"reason": "salwch"}
    chair = again.attendance_of("p-chair")
    assert chair is not None and chair.translation == {}
