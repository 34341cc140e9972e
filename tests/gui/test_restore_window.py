"""File → Restore a backup…, the damaged database at start-up, a data folder or lock file
Clerk cannot use, a library on a network drive, and that every message names only menus
that exist."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from clerk_app import app as app_mod
from clerk_app.domain.model import BodyKind, Meeting
from clerk_app.gui import errors as gui_errors
from clerk_app.gui.actions import MENUS, SPECS
from clerk_app.gui.dialogs import restore as restore_mod
from clerk_app.gui.dialogs.restore import RestoreDialog, restore_from_window
from clerk_app.gui.dialogs.store_problem import (
    Choice,
    StoreProblemDialog,
    data_folder_box,
)
from clerk_app.storage import Store, netfs
from clerk_app.storage import errors as se
from clerk_app.storage import restore as storage_restore
from clerk_app.storage.backup import backup_name
from tests.gui.fixtures_shell import shot
from tests.storage.test_restore_faults import damage, three_backups


def spread_over_days(backups: list[Path], db: Path) -> list[Path]:
    """Rename the backups (oldest first) as if taken 3 days ago and yesterday (at noon on
    this computer's clock, so that a run just after midnight still finds them there) and
    now."""
    now = datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    out = []
    for backup, days in zip(backups, (3, 1, 0), strict=True):
        noon = midnight - timedelta(days=days) + timedelta(hours=12)
        when = (noon if days else now).astimezone(UTC)
        target = backup.with_name(backup_name(db, "open" if days else "periodic", when))
        backup.rename(target)
        out.append(target)
    return out


def rows(dialog: RestoreDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.topLevelItem(r).text(c) for c in range(3)] for r in range(table.topLevelItemCount())
    ]


# ------------------------------------------------------------------ the dialog


def test_the_dialog_lists_every_backup_and_checks_each_off_the_window_thread(
    qtbot: Any, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "clerk.db"
    older, middle, newest = spread_over_days(three_backups(db), db)
    damage(newest)
    dialog = RestoreDialog(db, db.parent / "backups")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: all(r[2] != "Checking…" for r in rows(dialog)), timeout=10_000)
    assert dialog.checker is not None and dialog.checker.worker.name == "clerk-backup-check"
    found = rows(dialog)
    assert len(found) == 3
    assert found[0][0].startswith("today at") and found[1][0].startswith("yesterday at")
    assert re.match(r"\w+day \d+ \w+ \d{4} at \d\d:\d\d", found[2][0])
    assert all(r[1].endswith("KB") for r in found)
    assert found[0][2] == "Damaged: cannot be restored"
    assert [r[2] for r in found[1:]] == ["Good", "Good"]
    damaged_item = dialog.table.topLevelItem(0)
    assert not damaged_item.flags() & Qt.ItemFlag.ItemIsSelectable
    assert dialog.selected_entry() is not None and dialog.selected_entry().path == middle
    assert dialog.restore_button.isEnabled()
    assert dialog.close_button.isDefault() and not dialog.restore_button.isDefault()
    assert "clerk.db.before-restore" in dialog.intro.text()
    for widget in (dialog.table, dialog.restore_button, dialog.close_button, dialog.intro):
        assert widget.accessibleName()
    shot(dialog, "restore-dialog")
    dialog.select(older)
    dialog.restore_button.click()
    assert dialog.chosen == older


def test_the_dialog_without_backups_says_what_happens(qtbot: Any, tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    Store.open(db, backups=False).close()
    dialog = RestoreDialog(db, tmp_path / "backups")
    qtbot.addWidget(dialog)
    assert "no backups" in dialog.status.text() and not dialog.restore_button.isEnabled()


# ------------------------------------------------------------------ at start-up


@pytest.fixture
def damaged_library(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A damaged database whose newest backup is damaged too; the two older ones are good."""
    db = tmp_path / "data" / "clerk.db"
    backups = spread_over_days(three_backups(db), db)
    damage(backups[-1])
    damage(db)
    return db, backups


def test_a_damaged_database_at_start_up_offers_every_checked_backup(
    qtbot: Any, damaged_library: tuple[Path, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _backups = damaged_library
    seen: dict[str, Any] = {}

    def run_dialog(self: RestoreDialog) -> int:
        self.show()
        self.check_now()
        seen["rows"] = rows(self)
        seen["title"] = self.windowTitle()
        seen["intro"] = self.intro.text()
        seen["close"] = self.close_button.text()
        shot(self, "start-up-damaged-database")
        self._restore_clicked()  # the newest good backup is chosen already
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", run_dialog)
    store = app_mod.open_store(db)  # the real store-problem path, dialog shown
    assert store is not None
    try:
        assert store.list_bodies()[0].name == "State 1"
    finally:
        store.close()
    assert seen["title"] == "Clerk – The minutes database is damaged"
    assert "The database file is damaged." in seen["intro"]
    assert seen["close"] == "&Quit Clerk"
    assert [r[2] for r in seen["rows"]] == ["Damaged: cannot be restored", "Good", "Good"]
    assert (db.parent / "clerk.db.before-restore").is_file()


def test_restore_the_newest_good_backup_when_the_newest_is_damaged(
    damaged_library: tuple[Path, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _backups = damaged_library
    shown: list[BaseException] = []
    monkeypatch.setattr(app_mod, "show_error", lambda parent, exc: shown.append(exc))
    store = app_mod.open_store(db, None, lambda *_: Choice.RESTORE)
    assert store is not None, shown
    try:
        assert store.list_bodies()[0].name == "State 1"
    finally:
        store.close()
    assert shown == []


def test_quitting_from_the_damaged_database_list(
    damaged_library: tuple[Path, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _backups = damaged_library
    before = db.read_bytes()
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: 0)
    assert app_mod.open_store(db) is None
    assert db.read_bytes() == before


# ------------------------------------------------------------------ from the window


def test_restoring_from_the_window_closes_restores_and_reopens(
    qtbot: Any, window: Any, gui_store: Store, gui_db: Path, gui_meeting: Meeting
) -> None:
    backup = gui_store.backup_now("manual")
    window.services.create_body("Licensing Committee", BodyKind.COMMITTEE)
    asked: list[Path] = []

    def choose(parent: Any, database: Path, folder: Path, problem: Any) -> Path:
        asked.append(database)
        return backup

    assert restore_from_window(window, choose)
    new = window.services.raw_store
    try:
        assert gui_store.closed and new is not gui_store and not new.closed
        names = [b.name for b in window.services.list_bodies()]
        assert names == ["Planning Committee"]  # as it was when the backup was taken
        assert asked == [gui_db]
        kept = Store.open(gui_db.with_name("clerk.db.before-restore"), backups=False)
        with kept:
            assert "Licensing Committee" in [b.name for b in kept.list_bodies()]
        assert window.session is None  # the start page, listing the restored meetings
        assert "Restored the backup taken today at" in window.statusBar().currentMessage()
        assert window.start_page is not None
    finally:
        new.close()


def test_the_menu_entry_opens_the_dialog(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []

    def choose(parent: Any, database: Path, folder: Path, problem: Any) -> None:
        opened.append(folder)

    monkeypatch.setattr(restore_mod, "choose_backup", choose)
    action = window.registry["restore_backup"]
    assert action in window.menus["file"].actions() and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+R"
    action.trigger()
    assert opened == [window.services.raw_store.backup_dir]
    assert not window.services.raw_store.closed  # nothing chosen: nothing changed


def test_the_shortcuts_dialog_lists_the_restore_entry(qtbot: Any, window: Any) -> None:
    from clerk_app.gui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window.registry.entries(), window)
    qtbot.addWidget(dialog)
    assert ("Restore a backup", "Ctrl+R", "File") in dialog.visible_rows()


# ------------------------------------------------------------------ messages


def _all_store_errors(cls: type = se.StoreError) -> list[type]:
    out = [cls]
    for sub in cls.__subclasses__():
        out.extend(_all_store_errors(sub))
    return out


def _texts() -> list[str]:
    texts = [se.RESTORE_ADVICE, se.NO_BACKUPS_ADVICE, storage_restore.CHOOSE_ANOTHER]
    for cls in _all_store_errors():
        err = cls()
        texts += [err.message, err.advice]
    texts += [*list(gui_errors.DEFAULT_ADVICE.values()), gui_errors.BUG_ADVICE]
    return texts


def test_every_menu_a_message_names_exists() -> None:
    menus = {title.replace("&", ""): key for key, title in MENUS}
    pattern = re.compile(r"\b(" + "|".join(menus) + r") → ([A-Z][\w ]*?)(?=…| →|,|\.| in | or )")
    named = [m.groups() for text in _texts() for m in pattern.finditer(text)]
    assert ("File", "Restore a backup") in named
    for menu, entry in named:
        texts = [s.text.replace("&", "") for s in SPECS if s.menu == menus[menu]]
        assert any(t.startswith(entry) for t in texts), (menu, entry)


def test_store_messages_fit_every_place_they_are_shown() -> None:
    for text in _texts():
        assert "still on screen" not in text
        assert "Do not close Clerk" not in text
        assert "Restore backup" not in text  # the old name of a menu that did not exist
    assert "keeps backups" not in se.NO_BACKUPS_ADVICE
    assert "try again" not in se.CorruptDatabase().advice.lower()
    assert "try again" not in se.DatabaseTooNew().advice.lower()


def test_try_again_points_at_the_button_at_start_up(qtbot: Any, tmp_path: Path) -> None:
    dialog = StoreProblemDialog(se.DiskFull(), tmp_path / "clerk.db", [])
    qtbot.addWidget(dialog)
    assert "then choose Try again" in dialog.informativeText()
    assert "Try again" in [b.text().replace("&", "") for b in dialog.buttons_by_choice.values()]


# ------------------------------------------------------------------ start-up faults


def test_a_data_folder_that_cannot_be_made_quits_cleanly(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "Clerk"
    blocker.write_text("a file where the folder should be")
    asked: list[BaseException] = []

    def quit_(parent: Any, exc: BaseException) -> None:
        asked.append(exc)

    monkeypatch.setattr(app_mod, "ask_data_folder", quit_)
    assert app_mod.main(["clerk-app"], data_dir=str(blocker)) == 1
    assert len(asked) == 1 and isinstance(asked[0], se.DataFolderUnusable)
    assert "is a file, not a folder" in asked[0].message


def test_another_data_folder_can_be_chosen(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setattr(app_mod, "ask_data_folder", lambda parent, exc: elsewhere)
    from tests.storage.test_errors import immutable

    ready: list[QMainWindow] = []

    def quit_soon(window: QMainWindow) -> None:
        ready.append(window)
        qapp.quit()

    with immutable(readonly):
        code = app_mod.main(["clerk-app"], data_dir=str(readonly / "Clerk"), on_ready=quit_soon)
    assert code == 0 and ready
    assert (elsewhere / "clerk.db").is_file() and (elsewhere / "logs").is_dir()


def test_the_data_folder_box_explains_and_offers_two_choices(qtbot: Any, tmp_path: Path) -> None:
    from clerk_app import paths

    (tmp_path / "Clerk").write_text("x")
    with pytest.raises(se.DataFolderUnusable) as info:
        paths.data_dir(tmp_path / "Clerk")
    box = data_folder_box(info.value)
    qtbot.addWidget(box)
    labels = [b.text().replace("&", "") for b in box.buttons()]
    assert labels == ["Choose another folder…", "Quit Clerk"] or sorted(labels) == sorted(
        ["Choose another folder…", "Quit Clerk"]
    )
    assert "is a file, not a folder" in box.informativeText()
    assert box.windowTitle() == "Clerk – Clerk cannot use its data folder"
    box.show()
    shot(box, "data-folder-problem")


def test_a_lock_file_that_is_a_folder_is_explained_at_start_up(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "d"
    (data / "clerk.db.lock").mkdir(parents=True)
    asked: list[BaseException] = []

    def quit_(parent: Any, exc: BaseException, database: Path, backups: list[Path]) -> Choice:
        asked.append(exc)
        return Choice.QUIT

    monkeypatch.setattr(app_mod, "ask", quit_)
    assert app_mod.main(["clerk-app"], data_dir=str(data)) == 1
    assert len(asked) == 1 and isinstance(asked[0], se.LockFileUnusable)
    dialog = StoreProblemDialog(asked[0], data / "clerk.db", [])
    assert [b.text() for b in dialog.buttons_by_choice.values()] == ["&Try again", "&Quit Clerk"]
    assert "then choose Try again" in dialog.informativeText()
    dialog.deleteLater()


def test_a_library_on_a_network_drive_is_explained_once(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = netfs.FileSystem("cifs", True, "/mnt/council")
    monkeypatch.setattr(netfs, "filesystem", lambda folder, table=None: share)
    seen: list[str] = []

    def look(window: QMainWindow) -> None:
        seen.append(window.statusBar().currentMessage())
        qapp.quit()

    assert app_mod.main(["clerk-app"], data_dir=str(tmp_path / "d"), on_ready=look) == 0
    assert seen and seen[0].startswith("Your library is on a Windows (SMB) share (/mnt/council).")
    assert not (tmp_path / "d" / "clerk.db-shm").exists()
