"""About and Keyboard shortcuts dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

import clerk_app
from clerk_app.gui.dialogs import AboutDialog, ShortcutsDialog

SHOTS = Path("/tmp/shots-b")


@dataclass
class Entry:
    id: str
    text: str
    shortcut: str | QKeySequence
    menu: str


def entries() -> list[Entry]:
    # built inside a test: key sequences need the QApplication
    return [
        Entry("item.next", "&Next item", "Ctrl+Down", "&Meeting"),
        Entry("item.previous", "&Previous item", "Ctrl+Up", "&Meeting"),
        Entry("block.motion", "&Motion…", "Ctrl+M", "&Insert"),
        Entry("edit.undo", "&Undo", QKeySequence(QKeySequence.StandardKey.Undo), "&Edit"),
        Entry("help.about", "&About Clerk", "", "&Help"),
    ]


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_about_shows_version_licence_and_data_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert clerk_app.__version__ in dialog.version_label.text()
    assert "GPL-3.0-or-later" in dialog.licence_label.text()
    # the data folder is the one the conftest points CLERK_DATA_DIR at
    assert str(clerk_app.paths.data_dir()) in dialog.folder_label.text()
    assert dialog.open_folder.accessibleName() == "Open data folder"
    _shot(dialog, "about")


def test_shortcuts_lists_every_entry_without_mnemonics(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ShortcutsDialog(entries())
    qtbot.addWidget(dialog)
    dialog.show()
    rows = dialog.visible_rows()
    assert len(rows) == len(entries())
    texts = {r[0] for r in rows}
    assert {"Next item", "Motion", "Undo", "About Clerk"} <= texts
    motion = next(r for r in rows if r[0] == "Motion")
    assert motion[1] == QKeySequence("Ctrl+M").toString(QKeySequence.SequenceFormat.NativeText)
    assert motion[2] == "Insert"
    undo = next(r for r in rows if r[0] == "Undo")
    assert undo[1]  # a standard key is shown in the platform's words
    _shot(dialog, "shortcuts")


def test_shortcuts_search_filters_by_any_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ShortcutsDialog(entries())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "meeting")
    assert {r[0] for r in dialog.visible_rows()} == {"Next item", "Previous item"}
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "ctrl+m")
    assert [r[0] for r in dialog.visible_rows()] == ["Motion"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "nothing like this")
    assert dialog.visible_rows() == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
