"""The command line when things are wrong: restoring a damaged database, a data folder or
lock file Clerk cannot use, a backup on a full disk, an export onto a full disk."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from clerk_app.cli import EXIT_DATABASE, EXIT_FAILED, main
from clerk_app.storage import Store
from clerk_app.storage import backup as bk
from tests.storage.sample import sample_body
from tests.storage.test_restore_faults import body_name, damage, three_backups


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A data folder whose database is damaged, with three backups, the newest damaged."""
    data = tmp_path / "d"
    made = three_backups(data / "clerk.db")
    damage(made[-1])
    damage(data / "clerk.db")
    return data, made


def test_restore_lists_every_backup_of_a_damaged_database(
    capsys: pytest.CaptureFixture[str], damaged: tuple[Path, list[Path]]
) -> None:
    data, (older, _middle, newest) = damaged
    code, _out, err = run(capsys, "--data-dir", str(data), "list")
    assert code == EXIT_DATABASE and "damaged" in err
    assert "File → Restore a backup…" in err and "clerk-app restore" in err
    code, out, err = run(capsys, "--data-dir", str(data), "restore")
    assert code == 0, err
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("1."))
    assert "today at" in lines[first] and "KB" in lines[first]
    assert "cannot be restored" in lines[first] and str(newest) in lines[first + 1]
    assert "2." in lines[first + 2] and lines[first + 2].endswith("good")
    assert str(older) in out and "clerk-app restore NUMBER" in out


def test_restore_by_number_or_file_works_on_a_damaged_database(
    capsys: pytest.CaptureFixture[str], damaged: tuple[Path, list[Path]]
) -> None:
    data, (older, _middle, _newest) = damaged
    code, _out, err = run(capsys, "--data-dir", str(data), "restore", "1")
    assert code == EXIT_DATABASE and "damaged" in err  # the newest backup is damaged too
    code, out, err = run(capsys, "--data-dir", str(data), "restore", "2")
    assert code == 0, err
    assert "Restored the backup taken today at" in out and "clerk.db.before-restore" in out
    assert body_name(data / "clerk.db") == "State 1"
    code, out, err = run(capsys, "--data-dir", str(data), "restore", str(older))
    assert code == 0, err
    assert body_name(data / "clerk.db") == "State 0"
    code, out, err = run(capsys, "--data-dir", str(data), "restore", older.name)
    assert code == 0, err
    code, _out, err = run(capsys, "--data-dir", str(data), "restore", "9")
    assert code == EXIT_FAILED and "no backup '9'" in err


def test_restore_while_clerk_has_the_database_open(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "d"
    three_backups(data / "clerk.db")
    with Store.open(data / "clerk.db", backups=False):
        code, _out, err = run(capsys, "--data-dir", str(data), "restore", "1")
    assert code == EXIT_DATABASE and "already open in another copy of Clerk" in err


def test_a_damaged_database_without_backups_is_not_told_to_restore(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "d"
    with Store.open(data / "clerk.db", backups=False) as store:
        store.save_body(sample_body())
    damage(data / "clerk.db")
    code, _out, err = run(capsys, "--data-dir", str(data), "list")
    assert code == EXIT_DATABASE and "no backups" in err
    assert "keeps backups" not in err and "Restore" not in err
    code, out, _err = run(capsys, "--data-dir", str(data), "restore")
    assert code == 0 and "There are no backups yet" in out and "clerk-app backup" in out


def test_a_data_folder_that_cannot_be_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "Clerk"
    blocker.write_text("a file where the folder should be")
    for command in (["list"], ["restore"], ["backup"]):
        code, out, err = run(capsys, "--data-dir", str(blocker), *command)
        assert code == EXIT_FAILED, command
        assert "is a file, not a folder" in err and "--data-dir FOLDER" in err
        assert "Traceback" not in err + out


def test_a_lock_file_that_is_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "d"
    (data / "clerk.db.lock").mkdir(parents=True)
    code, _out, err = run(capsys, "--data-dir", str(data), "list")
    assert code == EXIT_FAILED
    assert "clerk.db.lock" in err and "is a folder" in err and "Move the folder" in err


def test_backup_on_a_full_disk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "d"
    three_backups(data / "clerk.db")
    real_connect = sqlite3.connect

    def full(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(bk.PARTIAL):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(bk.sqlite3, "connect", full)
    code, _out, err = run(capsys, "--data-dir", str(data), "backup")
    assert code == EXIT_DATABASE
    assert "could not make a backup" in err and "disk is full" in err
    assert "Do not close Clerk" not in err and "still saved" in err


def test_export_onto_a_full_disk_does_not_blame_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    from clerk_app.export import atomic

    real_mkstemp = atomic.tempfile.mkstemp

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", full)
    try:
        code, _out, err = run(
            capsys, "--data-dir", data, "export", "latest", "-o", str(tmp_path / "m.docx")
        )
    finally:
        monkeypatch.setattr(atomic.tempfile, "mkstemp", real_mkstemp)
    assert code == EXIT_FAILED
    assert "disk is full" in err and "Word" not in err and "free space" in err
