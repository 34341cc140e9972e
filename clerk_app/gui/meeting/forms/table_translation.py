"""A table's cells in the second language (bilingual minutes): a second grid under the
first, "Table in Welsh", of the same shape. Its first row translates the column
headings (saved as their translation, one per line) and every other cell is saved
under its own key (``rows.R.C``). Rows and columns added to or taken from the first
grid are added to or taken from this one at the same place.

Keys in the grid: Ctrl+V pastes a spreadsheet's cells (tab-separated) from the current
cell on, Insert adds a row to both grids, Ctrl+Delete removes the row from both, and Tab
in the last cell goes on to the next field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QTableWidgetItem

from clerk_app.domain.translation import CELL_PREFIX, cell_key
from clerk_app.gui.meeting.forms.table import CellGrid

if TYPE_CHECKING:
    from clerk_app.gui.meeting.forms.table import TableForm


def translated_cells(translation: Mapping[str, str], rows: int, columns: int) -> list[list[str]]:
    """The second-language grid of a table ``rows`` high (the headings included) and
    ``columns`` wide, from the table's translations."""
    headings = translation.get("columns", "").split("\n")
    out = [[headings[c] if c < len(headings) else "" for c in range(columns)]]
    for r in range(rows - 1):
        out.append([translation.get(cell_key(r, c), "") for c in range(columns)])
    return out


def merged_cells(translation: Mapping[str, str], cells: list[list[str]]) -> dict[str, str]:
    """``translation`` with the headings and cells of the grid ``cells`` in place of the
    ones it had (an empty cell has no entry; cells no longer in the table go)."""
    out = {k: v for k, v in translation.items() if k != "columns" and not k.startswith(CELL_PREFIX)}
    if cells and any(c.strip() for c in cells[0]):
        out["columns"] = "\n".join(cells[0]).rstrip("\n")
    for r, row in enumerate(cells[1:]):
        for c, text in enumerate(row):
            if text.strip():
                out[cell_key(r, c)] = text
    return out


class TranslationGrid(CellGrid):
    """The second-language cells; row 0 translates the headings."""

    def __init__(self, form: TableForm, language: str) -> None:
        super().__init__(form)
        self.language = language
        self.setObjectName("translation_rows")
        self.setAccessibleName(f"Table in {language} (first row: headings)")
        self.setAccessibleDescription(
            f"The {language} text of each cell, printed in the {language} minutes in place "
            "of the cell as typed; left empty, the typed words are printed. Ctrl+V pastes "
            "cells from a spreadsheet from the current cell on"
        )
        corner = self.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName(f"Select all cells in {language}")

    # ------------------------------------------------------------------ cells
    def cells(self) -> list[list[str]]:
        out: list[list[str]] = []
        for r in range(self.rowCount()):
            row = []
            for c in range(self.columnCount()):
                item = self.item(r, c)
                row.append(item.text() if item is not None else "")
            out.append(row)
        return out

    def set_cells(self, cells: list[list[str]]) -> None:
        """Shape and fill the grid (only the cells whose text differs are set)."""
        width = max((len(r) for r in cells), default=0)
        self.blockSignals(True)
        try:
            self.setColumnCount(width)
            self.setRowCount(len(cells))
            for r, row in enumerate(cells):
                for c in range(width):
                    text = row[c] if c < len(row) else ""
                    item = self.item(r, c)
                    if item is None:
                        self.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
        finally:
            self.blockSignals(False)
        self.labels()

    def labels(self) -> None:
        """As the first grid: row 0 "Headings" (bold), columns A, B, C …"""
        self.setVerticalHeaderLabels(["Headings", *(str(n) for n in range(1, self.rowCount()))])
        self.setHorizontalHeaderLabels([chr(ord("A") + c) for c in range(self.columnCount())])
        for c in range(self.columnCount()):
            item = self.item(0, c)
            if item is not None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)

    def insert_row(self, index: int) -> None:
        cells = self.cells()
        cells.insert(index, [""] * self.columnCount())
        self.set_cells(cells)

    def remove_row(self, index: int) -> None:
        cells = self.cells()
        if 0 <= index < len(cells):
            del cells[index]
        self.set_cells(cells)

    def insert_column(self, index: int) -> None:
        self.set_cells([[*row[:index], "", *row[index:]] for row in self.cells()])

    def remove_column(self, index: int) -> None:
        self.set_cells([row[:index] + row[index + 1 :] for row in self.cells()])

    def paste(self, text: str | None = None) -> int:
        """A spreadsheet's cells written over the grid's from the current cell on (the
        top left when there is none); the number of cells left out because the table
        has no room for them."""
        text = QGuiApplication.clipboard().text() if not isinstance(text, str) else text
        lines = [line.rstrip("\r") for line in text.split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        at_row, at_col = max(0, self.currentRow()), max(0, self.currentColumn())
        cells = self.cells()
        left_out = 0
        for i, line in enumerate(lines):
            for j, value in enumerate(line.split("\t")):
                r, c = at_row + i, at_col + j
                if r < len(cells) and c < len(cells[r]):
                    cells[r][c] = value.strip()
                elif value.strip():
                    left_out += 1
        self.set_cells(cells)
        return left_out

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.form.paste_translation()
            return
        if key == Qt.Key.Key_Insert and not mods:
            current = self.currentRow()
            self.form.add_row_at(current + 1 if current >= 0 else self.rowCount(), self)
            return
        if key == Qt.Key.Key_Delete and ctrl:
            self.form.remove_row_at(self.currentRow(), self)
            return
        last = self.currentRow() == self.rowCount() - 1
        if key == Qt.Key.Key_Tab and last and self.currentColumn() == self.columnCount() - 1:
            self.focusNextChild()  # on to the next field: the shape is the first grid's
            return
        super(CellGrid, self).keyPressEvent(event)
