"""Help → Keyboard shortcuts: every action, its shortcut and its menu, searchable."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QLineEdit, QTableView, QWidget

from clerk_app.gui import uiload

COLUMNS = ("Action", "Shortcut", "Menu")


def shortcut_text(shortcut: Any) -> str:
    """A shortcut as the platform writes it (Ctrl+N, ⌘N), from a string or key sequence."""
    if shortcut is None:
        return ""
    if isinstance(shortcut, QKeySequence.StandardKey):
        shortcut = QKeySequence(shortcut)
    if isinstance(shortcut, (list, tuple)):
        return ", ".join(t for t in (shortcut_text(s) for s in shortcut) if t)
    seq = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(str(shortcut))
    text = seq.toString(QKeySequence.SequenceFormat.NativeText)
    return text or str(shortcut)


def _plain(text: str) -> str:
    """Menu text without its mnemonic ampersands or trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()


class ShortcutsDialog(QDialog):
    """``entries``: objects with ``text``, ``shortcut`` and ``menu`` (ActionRegistry.entries())."""

    def __init__(self, entries: Iterable[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_into(self, "shortcuts")
        self.search = uiload.child(self, QLineEdit, "search")
        self.table = uiload.child(self, QTableView, "table")

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for entry in entries:
            row = [
                QStandardItem(_plain(str(getattr(entry, "text", "")))),
                QStandardItem(shortcut_text(getattr(entry, "shortcut", ""))),
                QStandardItem(_plain(str(getattr(entry, "menu", "")))),
            ]
            for cell in row:
                cell.setEditable(False)
            row[0].setData(getattr(entry, "id", ""), Qt.ItemDataRole.UserRole)
            self.model.appendRow(row)

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.setModel(self.proxy)
        self.proxy.sort(-1)  # the registry's own order until a heading is clicked
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.search.setFocus()

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """The rows the table shows now (after the search filter), in order."""
        rows = []
        for r in range(self.proxy.rowCount()):
            rows.append(
                tuple(self.proxy.index(r, c).data() or "" for c in range(len(COLUMNS)))  # type: ignore[arg-type]
            )
        return rows  # type: ignore[return-value]
