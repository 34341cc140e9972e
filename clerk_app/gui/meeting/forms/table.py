"""The form of a table: a grid whose first row holds the headings, pasted from a
spreadsheet or typed, with an optional total of a money column.

Keys in the grid: Insert adds a row below, Ctrl+Delete removes the row, Tab in the last
cell starts a new row, Ctrl+V pastes a spreadsheet's cells (tab-separated).

For bilingual minutes a second grid of the same shape, "Table in Welsh", holds the
cells' translations (see table_translation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from clerk_app.domain.model import Block, DataTable
from clerk_app.domain.tables import looks_like_money, parse_pasted
from clerk_app.gui.meeting.forms.base import BlockForm, set_combo, set_text
from clerk_app.gui.meeting.session import MeetingSession

if TYPE_CHECKING:
    from clerk_app.gui.meeting.forms.table_translation import TranslationGrid

START = (["", "", ""], [["", "", ""]])  # a new table: three columns, one empty row


class CellGrid(QTableWidget):
    """The cells; row 0 holds the headings. Keyboard: see the module's docstring."""

    def __init__(self, form: TableForm) -> None:
        super().__init__(0, 0)
        self.form = form
        self.setAccessibleName("Table cells (first row: headings)")
        self.setAccessibleDescription(
            "Insert adds a row, Ctrl+Delete removes the row, Ctrl+V pastes cells from a spreadsheet"
        )
        self.setTabKeyNavigation(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.horizontalHeader().setStretchLastSection(True)
        corner = self.findChild(QAbstractButton)  # the corner button selects every cell
        if corner is not None:
            corner.setAccessibleName("Select all cells")
        self.setMinimumHeight(140)

    def _own_key(self, event: QKeyEvent) -> bool:
        """The grid's own keys, which the window's shortcuts must leave to it."""
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        return (
            event.matches(QKeySequence.StandardKey.Paste)
            or (key == Qt.Key.Key_Insert and not mods)
            or (key == Qt.Key.Key_Delete and ctrl)
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._own_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.form.paste_cells()
            return
        if key == Qt.Key.Key_Insert and not mods:
            self.form.insert_row()
            return
        if key == Qt.Key.Key_Delete and ctrl:
            self.form.remove_row()
            return
        last = self.currentRow() == self.rowCount() - 1
        if key == Qt.Key.Key_Tab and last and self.currentColumn() == self.columnCount() - 1:
            self.form.insert_row()
            return
        super().keyPressEvent(event)


class TableForm(BlockForm):
    TITLE = "Table"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.caption = self.line("&Caption:", "caption", "Payments for approval")
        self.grid = CellGrid(self)
        self.grid.itemChanged.connect(self._cell_changed)
        self.add_row("Cell&s:", self.grid, "Table cells (first row: headings)")
        buttons = QWidget()
        lay = QHBoxLayout(buttons)
        lay.setContentsMargins(0, 0, 0, 0)
        for text, slot, name in (
            ("&Add row", self.add_row_button, "Add row"),
            ("&Delete row", self.remove_row, "Delete row"),
            ("Add co&lumn", self.add_column, "Add column"),
            ("Remove c&olumn", self.remove_column, "Remove column"),
            ("&Paste from a spreadsheet", self.paste_cells, "Paste from a spreadsheet"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            lay.addWidget(button)
        lay.addStretch(1)
        self.form.addRow(QLabel(""), buttons)
        self.cell_translations: TranslationGrid | None = None  # bilingual bodies only
        self.translation_note: QLabel | None = None
        if session.second_language:
            self._add_translation_grid(session.second_language)
        self.total = self.combo("&Total of column:", [("No total", None)])
        self.reload()

    def _add_translation_grid(self, language: str) -> None:
        """The second grid, "Table in Welsh", under the first (see table_translation)."""
        from clerk_app.gui.meeting.forms.table_translation import TranslationGrid

        grid = TranslationGrid(self, language)
        grid.itemChanged.connect(lambda _item: self.typed("translation.rows"))
        self.add_row(f"Ta&ble in {language}:", grid, grid.accessibleName())
        note = QLabel("")
        note.setAccessibleName(f"Table in {language}: note")
        note.setWordWrap(True)
        self.form.addRow(QLabel(""), note)
        self.form.setRowVisible(note, False)  # until a paste leaves cells out
        self.cell_translations, self.translation_note = grid, note

    def translatable_names(self, block: Block) -> tuple[str, ...]:
        """The column headings are translated in the second grid's first row."""
        names = super().translatable_names(block)
        return tuple(n for n in names if n != "columns" or self.cell_translations is None)

    def add_translations(self, language: str) -> None:
        super().add_translations(language)
        grid, note = self.cell_translations, self.translation_note
        if self.translations is not None and grid is not None and note is not None:
            label = self.form.labelForField(grid)
            self.translations.follow([grid, *([label] if label is not None else [])])

    def merged_translation(self, translation: dict[str, str]) -> dict[str, str]:
        out = super().merged_translation(translation)
        if self.cell_translations is None:
            return out
        from clerk_app.gui.meeting.forms.table_translation import merged_cells

        return merged_cells(out, self.cell_translations.cells())

    def paste_translation(self) -> None:
        """Ctrl+V in the second grid: the cells written from the current cell on."""
        grid, note = self.cell_translations, self.translation_note
        if grid is None or note is None:
            return
        left_out = grid.paste()
        if left_out:
            note.setText(
                f"{left_out} pasted cell{'s' if left_out != 1 else ''} did not fit in the "
                f"table and {'were' if left_out != 1 else 'was'} left out. Add rows or "
                "columns to the table above, then paste again."
            )
        self.form.setRowVisible(note, bool(left_out))
        self.chosen()

    # ------------------------------------------------------------------ the grid
    def _cells(self) -> list[list[str]]:
        out: list[list[str]] = []
        for r in range(self.grid.rowCount()):
            row = []
            for c in range(self.grid.columnCount()):
                item = self.grid.item(r, c)
                row.append(item.text() if item is not None else "")
            out.append(row)
        return out

    def _fill(self, headings: list[str], rows: list[list[str]]) -> None:
        width = max([len(headings), *(len(r) for r in rows)], default=0) or 1
        grid = [headings, *rows] if rows else [headings, []]
        self.grid.blockSignals(True)
        try:
            self.grid.setColumnCount(width)
            self.grid.setRowCount(len(grid))
            for r, row in enumerate(grid):
                for c in range(width):
                    text = row[c] if c < len(row) else ""
                    item = self.grid.item(r, c)
                    if item is None:
                        self.grid.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
        finally:
            self.grid.blockSignals(False)
        self._labels()

    def _labels(self) -> None:
        """Row 0 is "Headings" (bold); columns A, B, C … as a spreadsheet names them."""
        rows = self.grid.rowCount()
        self.grid.setVerticalHeaderLabels(["Headings", *(str(n) for n in range(1, rows))])
        self.grid.setHorizontalHeaderLabels(
            [chr(ord("A") + c) for c in range(self.grid.columnCount())]
        )
        for c in range(self.grid.columnCount()):
            item = self.grid.item(0, c)
            if item is not None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        self._total_choices()

    def _total_choices(self) -> None:
        current = self.total.currentData()
        headings = self._cells()[0] if self.grid.rowCount() else []
        self.total.blockSignals(True)
        try:
            self.total.clear()
            self.total.addItem("No total", None)
            for c, text in enumerate(headings):
                label = f"{chr(ord('A') + c)}: {text}" if text.strip() else chr(ord("A") + c)
                self.total.addItem(label, c)
            set_combo(self.total, current)
        finally:
            self.total.blockSignals(False)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if item.row() == 0:
            self._total_choices()
        self.typed("cells")

    def add_row_button(self) -> None:
        self.add_row_at(self.grid.rowCount())

    def insert_row(self, *_args: Any) -> None:
        """Insert a row below the current one (the end when none)."""
        current = self.grid.currentRow()
        self.add_row_at(current + 1 if current >= 0 else self.grid.rowCount())

    def add_row_at(self, index: int, focus: QTableWidget | None = None) -> None:
        """A row at ``index`` in both grids; the cursor to it in ``focus`` (the first)."""
        index = max(1, index)
        self.grid.blockSignals(True)
        self.grid.insertRow(index)
        for c in range(self.grid.columnCount()):
            self.grid.setItem(index, c, QTableWidgetItem(""))
        self.grid.blockSignals(False)
        if self.cell_translations is not None:
            self.cell_translations.insert_row(index)
        self._labels()
        self.chosen()
        grid = focus or self.grid
        grid.setCurrentCell(index, 0)
        grid.setFocus()

    def remove_row(self, *_args: Any) -> None:
        self.remove_row_at(self.grid.currentRow())

    def remove_row_at(self, row: int, focus: QTableWidget | None = None) -> None:
        """Take row ``row`` from both grids."""
        if row <= 0 or self.grid.rowCount() <= 2:
            return  # the headings stay, and one row to type in
        self.grid.removeRow(row)
        if self.cell_translations is not None:
            self.cell_translations.remove_row(row)
        self._labels()
        self.chosen()
        (focus or self.grid).setCurrentCell(min(row, self.grid.rowCount() - 1), 0)

    def add_column(self) -> None:
        col = self.grid.columnCount()
        self.grid.blockSignals(True)
        self.grid.insertColumn(col)
        for r in range(self.grid.rowCount()):
            self.grid.setItem(r, col, QTableWidgetItem(""))
        self.grid.blockSignals(False)
        if self.cell_translations is not None:
            self.cell_translations.insert_column(col)
        self._labels()
        self.chosen()

    def remove_column(self) -> None:
        col = self.grid.currentColumn()
        if self.grid.columnCount() <= 1:
            return
        col = col if col >= 0 else self.grid.columnCount() - 1
        if self.total.currentData() == col:
            set_combo(self.total, None)
        self.grid.removeColumn(col)
        if self.cell_translations is not None:
            self.cell_translations.remove_column(col)
        self._labels()
        self.chosen()

    def paste_cells(self, text: str | None = None) -> None:
        """A spreadsheet's cells: into an empty table with its headings (when the first
        line looks like them), else as rows below the current one."""
        text = QGuiApplication.clipboard().text() if not isinstance(text, str) else text
        empty = not any(c.strip() for row in self._cells() for c in row)
        pasted = parse_pasted(text, None if empty else False)
        if not pasted.rows and not pasted.headings:
            return
        cells = self._cells()
        kept = [i for i, r in enumerate(cells) if i == 0 or any(c.strip() for c in r)]
        headings, rows = cells[0], [cells[i] for i in kept[1:]]
        # the translations' rows go where their rows go (an empty table's are dropped)
        translated = [] if self.cell_translations is None else self.cell_translations.cells()
        moved = [translated[i] for i in kept if i < len(translated)][: 1 if empty else None]
        if empty:
            headings, rows = pasted.headings, pasted.rows
        else:
            at = max(0, self.grid.currentRow())
            rows[at:at] = pasted.rows
            moved[at + 1 : at + 1] = [[] for _ in pasted.rows]
        width = max([len(headings), *(len(r) for r in rows)])
        self._fill(headings + [""] * (width - len(headings)), rows)
        if self.cell_translations is not None:
            moved += [[] for _ in range(self.grid.rowCount() - len(moved))]
            shaped = [(r + [""] * width)[:width] for r in moved]
            self.cell_translations.set_cells(shaped)
        money = [c for c in pasted.money_columns if c < width]
        if empty and len(money) == 1 and self.total.currentData() is None:
            set_combo(self.total, money[0])
        self.chosen()

    # ------------------------------------------------------------------ load / apply
    def load(self, block: Block) -> None:
        assert isinstance(block, DataTable)
        set_text(self.caption, block.caption)
        if (block.columns, block.rows) != self._stored():
            self._fill(block.columns, block.rows)
        if self.cell_translations is not None:
            from clerk_app.gui.meeting.forms.table_translation import translated_cells

            shape = self.grid.rowCount(), self.grid.columnCount()
            self.cell_translations.set_cells(translated_cells(block.translation, *shape))
        self._total_choices()
        set_combo(self.total, block.total_column)

    def _stored(self) -> tuple[list[str], list[list[str]]]:
        cells = self._cells()
        if not cells:
            return [], []
        return cells[0], cells[1:]

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, DataTable)
        block.caption = self.caption.text()
        headings, rows = self._stored()
        block.columns, block.rows = headings, rows
        total = self.total.currentData()
        block.total_column = total if isinstance(total, int) else None
        money = [
            c
            for c in range(len(headings))
            if looks_like_money([r[c] for r in rows if c < len(r)]) or c == total
        ]
        block.money_columns = money

    def first_field(self) -> QWidget:
        return self.caption


def new_table() -> DataTable:
    headings, rows = START
    return DataTable(columns=list(headings), rows=[list(r) for r in rows])
