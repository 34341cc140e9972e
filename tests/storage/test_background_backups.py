"""Backups on their own thread and connection, thinned to a budget; integrity checked after
an unclean shutdown and on every backup copy, not on every opening."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clerk_app.domain.model import Paragraph
from clerk_app.storage import Store
from clerk_app.storage import backup as bk
from clerk_app.storage.errors import CorruptDatabase
from clerk_app.storage.restore import checked_backups, restore_backup
from tests.storage.test_errors import make_db


def test_a_background_backup_is_written_on_another_thread_and_restorable(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = make_db(db_path, blocks=300)
    threads: list[str] = []
    real = bk.write_backup

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(bk, "write_backup", spy)
    with Store.open(db_path) as store:
        assert store.list_backups() == []  # not while opening
        assert store.backup_in_background("open")
        assert store.wait_for_backups(30)
        (report,) = store.take_backup_reports()
        assert report.error is None and report.path is not None
        assert store.list_backups() == [report.path]
        assert not store.backup_in_background()  # nothing changed since
        block = meeting.items[0].blocks[0]
        assert isinstance(block, Paragraph)
        block.text = "Changed after the backup."
        store.save_block(meeting.id, meeting.items[0].id, block)
    assert threads == ["clerk-backup"]
    (entry,) = checked_backups(db_path.parent / "backups", db_path)
    assert entry.usable
    restore_backup(entry.path, db_path)
    with Store.open(db_path, backups=False) as store:
        restored = store.get_meeting(meeting.id).items[0].blocks[0]
    assert isinstance(restored, Paragraph) and restored.text.startswith("Paragraph 0")


def test_saves_go_on_while_a_backup_is_written_a_step_at_a_time(db_path: Path) -> None:
    meeting = make_db(db_path, blocks=400)
    item_id = meeting.items[0].id
    with Store.open(db_path) as store:
        started = threading.Event()
        saved_during = []
        real = bk.write_backup

        def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
            kwargs["pages"] = 1  # one page a step: the copy takes many steps
            started.set()
            return real(*args, **kwargs)

        bk_write, bk.write_backup = bk.write_backup, slow
        try:
            assert store.backup_in_background("periodic")
            assert started.wait(10)
            for n in range(20):
                store.save_block(meeting.id, item_id, Paragraph(text=f"typed {n}", id=f"t{n}"))
                saved_during.append(store.backup_running)
            assert store.wait_for_backups(60)
        finally:
            bk.write_backup = bk_write
        (report,) = store.take_backup_reports()
    assert report.error is None and report.path is not None
    assert any(saved_during)  # the saves did not wait for the whole copy
    assert bk.quick_check(report.path)
    with Store.open(report.path, backups=False) as copy:  # the copy is of one moment
        blocks = copy.get_meeting(meeting.id).items[0].blocks
    typed = [b for b in blocks if b.id.startswith("t")]
    assert len(blocks) - len(typed) == 400
    assert [b.id for b in typed] == [f"t{n}" for n in range(len(typed))]
    with Store.open(db_path, backups=False) as store:
        assert len(store.get_meeting(meeting.id).items[0].blocks) == 420


def test_a_backup_that_fails_its_check_is_removed_and_reported(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_db(db_path, blocks=5)
    monkeypatch.setattr(bk, "quick_check", lambda path: False)
    with Store.open(db_path) as store:
        assert store.backup_in_background()
        assert store.wait_for_backups(30)
        (report,) = store.take_backup_reports()
        assert isinstance(report.error, CorruptDatabase)
        assert isinstance(store.backup_error, CorruptDatabase)
        assert "damaged" in store.backup_error.message
        assert store.list_backups() == []


def test_closing_stops_a_backup_half_way(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_db(db_path, blocks=300)
    monkeypatch.setattr(bk, "PAGES_PER_STEP", 1)
    store = Store.open(db_path)
    store.backup_in_background()
    store.close()
    folder = db_path.parent / "backups"
    assert not list(folder.glob("*.partial")) if folder.exists() else True


def _checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    real = bk.inspect_database

    def spy(path: Path, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(bool(kwargs.get("check", True)))
        return real(path, **kwargs)

    monkeypatch.setattr(bk, "inspect_database", spy)
    return seen


def test_pages_are_checked_at_opening_only_after_an_unclean_shutdown(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_db(db_path, blocks=5)
    seen = _checks(monkeypatch)
    with Store.open(db_path) as store:
        assert not store.unclean_shutdown
    assert seen == [False]
    # Clerk stopped without closing: its name is still in the lock file
    lock = db_path.with_name(db_path.name + ".lock")
    lock.write_text(json.dumps({"host": "here", "pid": 1}))
    with Store.open(db_path) as store:
        assert store.unclean_shutdown
    assert seen == [False, True]
    with Store.open(db_path) as store:  # that opening closed cleanly
        assert not store.unclean_shutdown
    assert seen == [False, True, False]


def test_damage_is_found_at_opening_after_an_unclean_shutdown(db_path: Path) -> None:
    make_db(db_path, blocks=200)
    raw = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 5, page * 6):  # a b-tree page in the middle: garbage
        raw[offset] = 0x5A
    db_path.write_bytes(bytes(raw))
    db_path.with_name(db_path.name + ".lock").write_text('{"pid": 1}')
    with pytest.raises(CorruptDatabase):
        Store.open(db_path)


# ----------------------------------------------------------------- the thinning schedule

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
MB = 1024 * 1024


def _found(ages: list[timedelta], size: int = MB) -> list[tuple[bk.BackupInfo, int]]:
    infos = [
        (bk.BackupInfo(Path(f"b{n}"), NOW - age, "periodic", "clerk"), size)
        for n, age in enumerate(ages)
    ]
    return sorted(infos, key=lambda f: f[0].taken_at, reverse=True)


def test_thinning_keeps_hourly_today_daily_this_week_weekly_this_month() -> None:
    every_ten_minutes_for_forty_days = [timedelta(minutes=10 * n) for n in range(6 * 24 * 40)]
    found = _found(every_ten_minutes_for_forty_days)
    kept = bk.backups_to_keep(found, NOW, keep=1000, budget=10**12)
    ages = sorted(NOW - info.taken_at for info, _ in found if info.path in kept)
    last_hour = [a for a in ages if a < timedelta(hours=1)]
    today = [a for a in ages if timedelta(hours=1) <= a < timedelta(days=1)]
    week = [a for a in ages if timedelta(days=1) <= a < timedelta(days=7)]
    month = [a for a in ages if timedelta(days=7) <= a < timedelta(days=35)]
    assert len(last_hour) == 6
    assert 22 <= len(today) <= 24
    assert 6 <= len(week) <= 7
    assert 3 <= len(month) <= 5
    assert len(ages) < 50


def test_kept_backups_fit_three_times_the_database() -> None:
    found = _found([timedelta(hours=h) for h in range(0, 24 * 30, 3)], size=100 * MB)
    kept = bk.backups_to_keep(found, NOW, keep=10, budget=300 * MB)
    assert len(kept) == 3
    ages = sorted(NOW - info.taken_at for info, _ in found if info.path in kept)
    assert ages[0] == timedelta(0)  # the newest always
    assert all(a >= timedelta(days=1) for a in ages[1:])  # then yesterday's, not hourly


def test_prune_uses_three_times_the_database_size(db_path: Path) -> None:
    make_db(db_path, blocks=5)
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True)
    for days in range(12):
        when = datetime.now(UTC) - timedelta(days=days, minutes=1)
        (folder / bk.backup_name(db_path, "periodic", when)).write_bytes(b"\0" * MB)
    bk.prune_backups(folder, db_path, keep=20, budget=4 * MB)
    assert len(bk.list_backups(folder, db_path)) == 4
