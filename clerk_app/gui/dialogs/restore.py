"""File → Restore a backup…: every backup, checked, and putting one back.

The same dialog opens at start-up when the database is damaged (with the problem
explained above the list). Each backup is checked (a full integrity check, and that it is
a Clerk database this version can open) on a worker thread, never the window's; a backup
that fails is shown with the reason and cannot be chosen, so an older good one can.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from clerk_app.gui import theme, uiload
from clerk_app.gui.errors import describe
from clerk_app.gui.markup import escape
from clerk_app.storage.restore import BackupEntry, backup_entries, check_backup

CHECKING = "Checking…"

NO_BACKUPS = (
    "Clerk has no backups of this library yet. It makes one when it opens a library that "
    "has changed, and every ten minutes while you work."
)
NONE_GOOD = (
    "None of the backups can be restored. Leave the files where they are and ask your IT "
    "team to put back an earlier copy of clerk.db from the computer's own backups."
)


class _Checker(QObject):
    """Checks backups one by one on a worker thread; ``checked`` arrives on the window's."""

    checked = Signal(int, object)  # row, BackupEntry
    done = Signal()

    def __init__(self, entries: list[BackupEntry], parent: QObject) -> None:
        super().__init__(parent)
        self._entries = entries
        self._stop = threading.Event()
        self.worker = threading.Thread(target=self._run, name="clerk-backup-check", daemon=True)

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog went away meanwhile
            for row, entry in enumerate(self._entries):
                if self._stop.is_set():
                    return
                result = check_backup(entry)
                if self._stop.is_set():
                    return
                self.checked.emit(row, result)
            self.done.emit()


class RestoreDialog(QDialog):
    """Choose a backup to put back. ``chosen`` is its path after the dialog is accepted.

    With ``problem`` (the error that stopped the database opening) the dialog explains it
    and its reject button quits Clerk; otherwise it is the File menu's dialog."""

    def __init__(
        self,
        database: Path,
        backups_folder: Path,
        problem: BaseException | None = None,
        parent: QWidget | None = None,
        *,
        check: bool = True,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.problem = problem
        self.chosen: Path | None = None
        self.entries = backup_entries(backups_folder, database)
        at_start = problem is not None
        title = describe(problem)[0] if problem is not None else "Restore a backup"
        self.setWindowTitle(f"Clerk – {title}")
        self.setAccessibleName(title)

        uiload.load_into(self, "restore_backup")
        self.setWindowTitle(f"Clerk – {title}")
        self.setAccessibleName(title)
        self.intro = uiload.child(self, QLabel, "intro")
        self.intro.setText(self._intro_html(at_start))
        self.intro.setAccessibleDescription(self._intro_plain(at_start))
        self.table = uiload.child(self, QTreeWidget, "table")
        self.table_label = uiload.child(self, QLabel, "table_label")
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for entry in self.entries:
            item = QTreeWidgetItem([entry.when, entry.size_text, CHECKING])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(entry.path))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # selectable once it has passed its check
            self.table.addTopLevelItem(item)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item, _col: self._restore_clicked())
        self.status = uiload.child(self, QLabel, "status")
        self.restore_button = uiload.child(self, QPushButton, "restore_button")
        self.restore_button.clicked.connect(self._restore_clicked)
        self.close_button = uiload.child(self, QPushButton, "close_button")
        close_text = "&Quit Clerk" if at_start else "Cancel"
        self.close_button.setText(close_text)
        self.close_button.setAccessibleName(close_text.replace("&", ""))
        # from the menu, Enter must not replace the library by accident
        self.restore_button.setAutoDefault(at_start)
        self.restore_button.setDefault(at_start)
        self.close_button.setAutoDefault(not at_start)
        self.close_button.setDefault(not at_start)

        self.checker: _Checker | None = None
        if not self.entries:
            self._show_status(NO_BACKUPS, theme.Tone.ERROR if at_start else theme.Tone.MUTED)
            self.table.setVisible(False)
            self.table_label.setVisible(False)
        else:
            self._show_status("Checking each backup…", theme.Tone.MUTED)
            if check:
                self.checker = _Checker(self.entries, self)
                self.checker.checked.connect(self.set_checked)
                self.checker.done.connect(self._all_checked)
                self.checker.start()

    # ------------------------------------------------------------------ texts
    def _intro_parts(self, at_start: bool) -> tuple[str, str, str]:
        name = self.database.name
        kept = (
            f"The database it replaces is kept beside it as {name}.before-restore, so "
            "nothing is thrown away."
        )
        if self.problem is not None and at_start:
            title, message, _advice = describe(self.problem)
            choose = (
                "Choose a backup to put back: Clerk then opens the minutes as they were when "
                f"it was taken. Each backup is checked first. {kept}"
            )
            return title, message, choose
        return (
            "Restore a backup",
            "Restoring puts back the minutes as they were when the backup was taken: changes "
            "made since then will not be in Clerk.",
            f"Each backup is checked first; a damaged one cannot be chosen. {kept}",
        )

    def _intro_html(self, at_start: bool) -> str:
        title, message, rest = (escape(t) for t in self._intro_parts(at_start))
        return f"<b>{title}</b><p>{message}</p><p>{rest}</p>"

    def _intro_plain(self, at_start: bool) -> str:
        return " ".join(self._intro_parts(at_start)[1:])

    def _show_status(self, text: str, tone: theme.Tone | None) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        theme.set_tone(self.status, tone)

    # ------------------------------------------------------------------ checking
    def set_checked(self, row: int, entry: BackupEntry) -> None:
        """Show the result of checking the backup in ``row``."""
        if not 0 <= row < len(self.entries):
            return
        self.entries[row] = entry
        item = self.table.topLevelItem(row)
        if item is None:
            return
        if entry.usable:
            item.setText(2, "Good")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        else:
            item.setText(2, f"{entry.state}: cannot be restored")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(2, entry.problem.message if entry.problem else entry.state)
        if not self.table.selectedItems() and entry.usable:
            item.setSelected(True)  # the newest good backup so far
            self.table.setCurrentItem(item)

    def _all_checked(self) -> None:
        if not any(e.usable for e in self.entries):
            self._show_status(NONE_GOOD, theme.Tone.ERROR)
        else:
            self._selection_changed()

    def check_now(self) -> None:
        """Check every backup on this thread (tests and screenshots)."""
        for row, entry in enumerate(self.entries):
            self.set_checked(row, check_backup(entry))
        self._all_checked()

    # ------------------------------------------------------------------ choosing
    def selected_entry(self) -> BackupEntry | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        entry = self.entries[self.table.indexOfTopLevelItem(item)]
        return entry if entry.usable else None

    def select(self, path: Path) -> None:
        for row, entry in enumerate(self.entries):
            if entry.path == path:
                item = self.table.topLevelItem(row)
                if item is not None and entry.usable:
                    self.table.setCurrentItem(item)
                    item.setSelected(True)

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.restore_button.setEnabled(entry is not None)
        if entry is not None:
            self._show_status(
                f"Restore the backup taken {entry.when} ({entry.size_text}).", theme.Tone.MUTED
            )

    def _restore_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.chosen = entry.path
        self.accept()

    def done(self, result: int) -> None:
        if self.checker is not None:
            self.checker.stop()
        super().done(result)


def choose_backup(
    parent: QWidget | None,
    database: Path,
    backups_folder: Path,
    problem: BaseException | None = None,
) -> Path | None:
    """Show the dialog; the chosen backup, or None."""
    dialog = RestoreDialog(database, backups_folder, problem, parent)
    dialog.exec()
    return dialog.chosen


def restore_from_window(window: Any, chooser: Any = None) -> bool:
    """File → Restore a backup…: choose a backup, then close the store, put the backup in
    place (the replaced file kept as ``.before-restore``) and open it again.

    ``window`` is the main window (``services``, ``show_start``, ``statusBar``). Returns
    True when a backup was restored."""
    from clerk_app.gui.errors import show_error
    from clerk_app.storage import Store
    from clerk_app.storage.errors import StoreError
    from clerk_app.storage.restore import restore_backup, when_in_words

    services = window.services
    store = services.raw_store
    path, folder, keep = store.path, store.backup_dir, store.keep_backups
    chosen = (chooser or choose_backup)(window, path, folder, None)
    if chosen is None:
        return False
    window.show_start()  # the open meeting is saved and closed first
    store.close()
    failed: StoreError | None = None
    try:
        restore_backup(chosen, path)
    except StoreError as exc:
        failed = exc  # the database was left as it was: open it again
    try:
        reopened = Store.open(path, backup_dir=folder, keep_backups=keep)
        if hasattr(window, "use_store"):
            window.use_store(reopened)  # saves kept and retried, as before
        else:
            services.store = reopened
    except StoreError as exc:
        show_error(window, exc)
        return False
    window.show_start()  # the list of meetings as the restored database has them
    if failed is not None:
        show_error(window, failed)
        return False
    from clerk_app.storage.backup import parse_backup

    info = parse_backup(chosen)
    when = f" taken {when_in_words(info.taken_at)}" if info is not None else ""
    window.statusBar().showMessage(
        f"Restored the backup{when}. The replaced database is kept as {path.name}.before-restore.",
        15000,
    )
    return True
