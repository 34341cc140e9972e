"""The Wording page of a body's settings: Clerk's phrase for each sentence, and the
body's own wording where it differs. Checked as it is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.dialogs.common import FieldMessage

COLUMNS = ("Phrase", "Clerk's wording", "This body's wording")


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
        defaults = _defaults()
        intro = QLabel(
            "Type your own wording beside any phrase to change how the minutes say it. "
            "Keep the fields in braces, such as {mover}; leave a row empty to use Clerk's wording."
        )
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Find a phrase (e.g. moved, declared, left)")
        self.filter_edit.setAccessibleName("Find a phrase")
        self.filter_edit.setClearButtonEnabled(True)
        find_label = QLabel("&Find:")
        find_label.setBuddy(self.filter_edit)

        keys = list(defaults) + [k for k in overrides if k not in defaults]
        self.table = QTableWidget(len(keys), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Phrase wording")
        self.table.setAccessibleDescription(intro.text())
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._rows: dict[str, int] = {}
        for row, key in enumerate(keys):
            self._rows[key] = row
            for col, text in enumerate((key, defaults.get(key, ""), overrides.get(key, ""))):
                cell = QTableWidgetItem(text)
                if col < 2:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        self.message = FieldMessage(name="Wording problems")
        self.table.itemChanged.connect(self._changed)
        self.filter_edit.textChanged.connect(self._filter)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(find_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.validate()

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None  # every cell is filled in __init__; rows never change
        return item

    def set_override(self, key: str, text: str) -> None:
        row = self._rows.get(key)
        if row is None:
            raise KeyError(key)
        self._cell(row, 2).setText(text)

    def overrides(self) -> dict[str, str]:
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
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            hay = " ".join(self._cell(row, c).text().lower() for c in range(3))
            self.table.setRowHidden(row, bool(needle) and needle not in hay)
