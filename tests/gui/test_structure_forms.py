"""The forms of tables, public participation and planning applications: what is pasted,
typed and chosen is saved, and the grid is worked from the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from clerk_app.domain.model import DataTable
from clerk_app.gui.meeting.forms import TableForm
from tests.gui.test_meeting_forms import new_card, saved

SHEET = "Payee\tPurpose\tAmount\nHollins Ltd\tMowing\t£1,250.00\nVillage Hall\tHire\t£84.50\n"


def _key(
    widget: Any, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods))


def test_a_table_pasted_from_a_spreadsheet_is_saved_with_its_total(
    window: Any, gui_db: Path
) -> None:
    screen, card = new_card(window, "table")
    form = card.form
    assert isinstance(form, TableForm)
    QApplication.clipboard().setText(SHEET)
    form.grid.setFocus()
    form.grid.setCurrentCell(1, 0)
    _key(form.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, DataTable)
    assert block.columns == ["Payee", "Purpose", "Amount"]
    assert block.rows == [
        ["Hollins Ltd", "Mowing", "£1,250.00"],
        ["Village Hall", "Hire", "£84.50"],
    ]
    assert block.money_columns == [2] and block.total_column == 2  # chosen from the paste
    # Insert adds a row below the current one; Ctrl+Delete takes it away again
    form.grid.setCurrentCell(1, 0)
    _key(form.grid, Qt.Key.Key_Insert)
    assert saved(gui_db, screen, card.block_id).rows[1] == ["", "", ""]
    assert form.grid.currentRow() == 2
    _key(form.grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(saved(gui_db, screen, card.block_id).rows) == 2
    # a typed cell is saved, and the total can be taken off
    form.grid.item(2, 1).setText("Room hire")
    form.total.setCurrentIndex(0)
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert block.rows[1][1] == "Room hire" and block.total_column is None
