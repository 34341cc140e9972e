"""The Wording page of a body's settings: Clerk's phrase for each sentence, and the
body's own wording where it differs. Checked as it is typed. Laid out in
``ui/wording_page.ui``; the rows are filled here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from clerk_app.gui import uiload
from clerk_app.gui.dialogs.common import FieldMessage


def _defaults() -> dict[str, str]:
    from clerk_app.domain.phrases import default_phrases

    return default_phrases()


def problems_of(overrides: dict[str, str]) -> list[str]:
    from clerk_app.domain.phrases import validate_overrides

    return validate_overrides(overrides)


class WordingPage(QWidget):
    """Edits ``BodySettings.phrases``; :meth:`overrides` gives the edited mapping."""

    changed = Signal()

    def __init__(self, overrides: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_into(self, "wording_page")
        self.filter_edit = uiload.child(self, QLineEdit, "filter_edit")
        self.table = uiload.child(self, QTableWidget, "table")
        self.message = uiload.child(self, FieldMessage, "message")
        self.table.setAccessibleDescription(uiload.child(self, QLabel, "intro").text())

        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._initial = dict(overrides)
        self._rows: dict[str, int] = {}  # filled when the page is first shown or edited
        self.filter_edit.textChanged.connect(self._filter)
        self.validate()

    def showEvent(self, event: QShowEvent) -> None:
        self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        """The table's rows, made the first time they are needed: some 1,500 cells that
        would slow the opening of the settings for a page the clerk may not look at."""
        if self._rows:
            return
        defaults, overrides = _defaults(), self._initial
        keys = list(defaults) + [k for k in overrides if k not in defaults]
        self.table.setRowCount(len(keys))
        read_only = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, key in enumerate(keys):
            self._rows[key] = row
            for col, text in enumerate((key, defaults.get(key, ""), overrides.get(key, ""))):
                cell = QTableWidgetItem(text)
                if col < 2:
                    cell.setFlags(read_only)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        self.table.itemChanged.connect(self._changed)
        self.validate()

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None  # every cell is filled in _fill; rows never change
        return item

    def set_override(self, key: str, text: str) -> None:
        self._fill()
        row = self._rows.get(key)
        if row is None:
            raise KeyError(key)
        self._cell(row, 2).setText(text)

    def overrides(self) -> dict[str, str]:
        if not self._rows:
            return {k: v.strip() for k, v in self._initial.items() if v.strip()}
        out: dict[str, str] = {}
        for key, row in self._rows.items():
            text = self._cell(row, 2).text().strip()
            if text:
                out[key] = text
        return out

    def problems(self) -> list[str]:
        return problems_of(self.overrides())

    def validate(self) -> bool:
        problems = self.problems()
        self.message.show_problem("\n".join(problems))
        bad = {p.split("”")[0].split("“")[-1] for p in problems}
        for key, row in self._rows.items():
            self._cell(row, 2).setToolTip(
                next((p for p in problems if f"“{key}”" in p), "") if key in bad else ""
            )
        return not problems

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            self.validate()
            self.changed.emit()

    def _filter(self, text: str) -> None:
        self._fill()
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            hay = " ".join(self._cell(row, c).text().lower() for c in range(3))
            self.table.setRowHidden(row, bool(needle) and needle not in hay)
