# ruff: noqa: F401  (pytest fixtures imported from fixtures_shell)
"""The application shell: start-up and shut-down, opening the database through its
problems, the settings registry and the window-state store."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

import clerk_app
from clerk_app import app as app_mod
from clerk_app.domain.model import BodyKind
from clerk_app.gui.dialogs.store_problem import Choice, StoreProblemDialog, choices_for
from clerk_app.gui.prefs import REGISTRY, Prefs, register
from clerk_app.services import Services
from clerk_app.storage import Store
from clerk_app.storage import errors as se
from tests.gui.fixtures_shell import shot

# ------------------------------------------------------------------------ app.main


def test_main_starts_shows_the_window_and_quits(qapp: QApplication, tmp_path: Path) -> None:
    data = tmp_path / "portable"
    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        windows = [
            w for w in qapp.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()
        ]
        seen["windows"] = windows
        seen["name"] = qapp.applicationName()
        seen["version"] = qapp.applicationVersion()
        if windows:
            shot(windows[0], "app-start")
        qapp.quit()

    QTimer.singleShot(300, look_and_quit)
    code = app_mod.main(["clerk-app"], data_dir=str(data))
    assert code == 0
    assert len(seen["windows"]) == 1  # type: ignore[arg-type]
    assert seen["name"] == "Clerk"
    assert seen["version"] == clerk_app.__version__
    assert (data / "clerk.db").is_file()
    assert (data / "logs" / "clerk.log").is_file()
    # the database was closed cleanly: another copy can open it now without force
    with Store.open(data / "clerk.db", backups=False) as again:
        assert again.list_bodies() == []


def test_main_quits_when_the_clerk_chooses_to(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "d"
    data.mkdir()
    holder = Store.open(data / "clerk.db")  # another copy of Clerk has it open
    asked: list[BaseException] = []

    def quit_choice(parent, exc, database, backups):  # type: ignore[no-untyped-def]
        asked.append(exc)
        return Choice.QUIT

    monkeypatch.setattr(app_mod, "ask", quit_choice)
    try:
        assert app_mod.main(["clerk-app"], data_dir=str(data)) == 1
    finally:
        holder.close()
    assert isinstance(asked[0], se.InUseElsewhere)


# --------------------------------------------------------------- opening the store


def test_in_use_elsewhere_can_be_opened_anyway(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    holder = Store.open(db)
    asked: list[BaseException] = []

    def open_anyway(parent, exc, database, backups):  # type: ignore[no-untyped-def]
        asked.append(exc)
        return Choice.OPEN_ANYWAY

    try:
        store = app_mod.open_store(db, None, open_anyway)
        assert store is not None
        store.close()
    finally:
        holder.close()
    assert len(asked) == 1 and isinstance(asked[0], se.InUseElsewhere)


def test_damaged_database_is_restored_from_the_newest_backup(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    with Store.open(db) as store:
        Services(store).create_body("Finance Committee", BodyKind.COMMITTEE)
        store.backup_now("manual")
    db.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)  # damaged
    for extra in ("-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    offered: list[tuple[type, list[Choice]]] = []

    def restore(parent, exc, database, backups):  # type: ignore[no-untyped-def]
        offered.append((type(exc), choices_for(exc, backups)))
        return Choice.RESTORE

    store = app_mod.open_store(db, None, restore)
    assert store is not None
    try:
        assert [b.name for b in store.list_bodies()] == ["Finance Committee"]
    finally:
        store.close()
    assert offered[0][1][0] is Choice.RESTORE
    assert issubclass(offered[0][0], (se.CorruptDatabase, se.NotAClerkDatabase))


def test_newer_database_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    offered: list[list[Choice]] = []

    def quit_(parent, exc, database, backups):  # type: ignore[no-untyped-def]
        offered.append(choices_for(exc, backups))
        return Choice.QUIT

    assert app_mod.open_store(db, None, quit_) is None
    assert offered == [[Choice.QUIT]]
    assert db.read_bytes() == before


STORE_ERRORS = [
    (se.InUseElsewhere, ["Try again", "Open anyway", "Quit Clerk"], "already open"),
    (se.DatabaseLocked, ["Try again", "Quit Clerk"], "busy"),
    (se.ReadOnlyDatabase, ["Try again", "Quit Clerk"], "cannot save"),
    (se.DiskFull, ["Try again", "Quit Clerk"], "disk is full"),
    (se.CorruptDatabase, ["Restore the newest good backup", "Quit Clerk"], "damaged"),
    (se.NotAClerkDatabase, ["Restore the newest good backup", "Quit Clerk"], "not a clerk"),
    (se.DatabaseTooNew, ["Quit Clerk"], "newer clerk"),
]


@pytest.mark.parametrize(("cls", "buttons", "title_words"), STORE_ERRORS)
def test_store_problem_dialog_explains_and_offers_the_right_choices(
    qtbot, tmp_path: Path, cls: type[se.StoreError], buttons: list[str], title_words: str
) -> None:  # type: ignore[no-untyped-def]
    backup = tmp_path / "backups" / "clerk-20260204-101500-000000-open.db"
    backup.parent.mkdir()
    backup.write_bytes(b"")
    dialog = StoreProblemDialog(cls(), tmp_path / "clerk.db", [backup])
    qtbot.addWidget(dialog)
    labels = [b.text().replace("&", "") for b in dialog.buttons_by_choice.values()]
    assert labels == buttons
    assert title_words in dialog.windowTitle().lower()
    assert cls.default_message.split(":")[0] in dialog.informativeText()
    assert dialog.defaultButton() is next(iter(dialog.buttons_by_choice.values()))
    if "Open anyway" in buttons:
        assert "overwrite" in dialog.informativeText()
    if "Restore the newest good backup" in buttons:
        assert "04/02/2026 at 10:15" in dialog.informativeText()
    dialog.show()
    shot(dialog, f"store-problem-{cls.__name__}")
    dialog.buttons_by_choice[Choice.QUIT].click()
    assert dialog.choice() is Choice.QUIT


def test_damaged_without_backups_offers_only_quit() -> None:
    assert choices_for(se.CorruptDatabase(), []) == [Choice.QUIT]


# ------------------------------------------------------------------------- prefs


def test_settings_have_defaults_and_survive_a_restart(tmp_path: Path) -> None:
    prefs = Prefs.open(tmp_path)
    assert prefs.get("export/last_folder") == ""
    assert prefs.get("editor/clock_now_on_empty_time") is True
    prefs.set("export/last_folder", "/home/clerk/Minutes")
    prefs.set("editor/clock_now_on_empty_time", False)
    again = Prefs.open(tmp_path)
    assert again.get("export/last_folder") == "/home/clerk/Minutes"
    assert again.get("editor/clock_now_on_empty_time") is False
    again.reset("editor/clock_now_on_empty_time")
    assert Prefs.open(tmp_path).get("editor/clock_now_on_empty_time") is True


def test_a_setting_set_to_what_it_is_leaves_the_file_alone(tmp_path: Path) -> None:
    prefs = Prefs.open(tmp_path)
    prefs.set("meeting/last_meeting_id", "m-2026-11-24")
    prefs.set("editor/clock_now_on_empty_time", False)
    before = prefs.path.stat().st_mtime_ns
    time.sleep(0.02)
    prefs.set("meeting/last_meeting_id", "m-2026-11-24")  # reopening the same meeting
    prefs.set("editor/clock_now_on_empty_time", False)
    assert prefs.path.stat().st_mtime_ns == before
    prefs.set("meeting/last_meeting_id", "m-2026-12-01")
    prefs.set("editor/clock_now_on_empty_time", True)
    assert prefs.path.stat().st_mtime_ns != before
    again = Prefs.open(tmp_path)
    assert again.get("meeting/last_meeting_id") == "m-2026-12-01"
    assert again.get("editor/clock_now_on_empty_time") is True


def test_unknown_settings_are_refused(tmp_path: Path) -> None:
    prefs = Prefs.open(tmp_path)
    with pytest.raises(KeyError, match="register"):
        prefs.get("no/such/setting")
    with pytest.raises(KeyError):
        prefs.set("no/such/setting", 1)
    register("test/count", 3, "A number for this test")
    try:
        prefs.set("test/count", "7")
        assert Prefs.open(tmp_path).get("test/count") == 7
        with pytest.raises(ValueError):
            register("test/count", "three", "Registered again differently")
    finally:
        REGISTRY.pop("test/count")


def test_window_state_is_kept_apart_from_settings(tmp_path: Path) -> None:
    prefs = Prefs.open(tmp_path)
    prefs.set("export/last_folder", "/minutes")
    prefs.save_geometry("main", QByteArray(b"\x01\x02geometry"))
    prefs.save_state("meeting_splitter", b"\x03splitter")
    prefs.reset()  # all settings back to defaults …
    again = Prefs.open(tmp_path)
    assert again.get("export/last_folder") == ""
    assert again.geometry("main") == QByteArray(b"\x01\x02geometry")  # … layout kept
    assert again.state("meeting_splitter") == QByteArray(b"\x03splitter")
    assert (tmp_path / "settings.ini").is_file() and (tmp_path / "window-state.ini").is_file()
    again.forget_window_state()
    assert Prefs.open(tmp_path).geometry("main") is None
    assert Prefs.open(tmp_path).get("export/last_folder") == ""


def test_a_damaged_window_state_file_gives_the_default_layout(tmp_path: Path) -> None:
    """A hand-edited window-state.ini (a list, or text, where Qt saved bytes) is ignored
    rather than stopping Clerk from starting."""
    (tmp_path / "window-state.ini").write_text(
        "[geometry]\nmain=1, 2\n[state]\nmeeting_splitter=just some words\n", encoding="utf-8"
    )
    prefs = Prefs.open(tmp_path)
    assert prefs.geometry("main") is None
    assert prefs.state("meeting_splitter") is None
    prefs.save_geometry("main", QByteArray(b"\x01\x02geometry"))  # and it is written afresh
    assert Prefs.open(tmp_path).geometry("main") == QByteArray(b"\x01\x02geometry")
