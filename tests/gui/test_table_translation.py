"""A table's cells in the second language: the grid "Table in Welsh" under the typed
one, of the same shape, saved as the clerk types (and undone) like every translation,
printed in the second column of the minutes; a body with one language has no such grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

from clerk_app.domain.document import Version
from clerk_app.domain.model import Body, DataTable
from clerk_app.domain.style import Bilingual
from clerk_app.gui.meeting.forms import TableForm
from clerk_app.gui.meeting.forms.base import DEBOUNCE_MS
from clerk_app.services import Services
from tests.gui.conftest import reopened, settle, type_text
from tests.gui.test_meeting_forms import new_card, saved

SHEET = "Payee\tAmount\nHollins Ltd\t£1,250.00\nVillage Hall\t£84.50\n"


@pytest.fixture
def gui_body(gui_services: Services, gui_body: Body, request: pytest.FixtureRequest) -> Body:
    """English and Welsh side by side (one language for the tests that say so)."""
    if "one_language" in request.node.name:
        return gui_body
    gui_body.settings.style.bilingual = Bilingual.COLUMNS
    gui_body.settings.style.second_locale = "cy"
    return gui_services.save_body(gui_body)


def _key(
    widget: QWidget, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods))


def type_in_cell(grid: QTableWidget, row: int, column: int, text: str) -> None:
    """Go to the cell and type: the first key opens its editor, Return closes it."""
    grid.setFocus()
    grid.setCurrentCell(row, column)
    type_text(grid, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not grid
    type_text(editor, text[1:])
    _key(editor, Qt.Key.Key_Return)
    settle()


def _table(window: Any) -> tuple[Any, Any, TableForm]:
    screen, card = new_card(window, "table")
    form = card.form
    assert isinstance(form, TableForm)
    form.paste_cells(SHEET)
    return screen, card, form


def test_a_cells_translation_is_typed_saved_printed_and_undone(  # type: ignore[no-untyped-def]
    qtbot, window: Any, gui_db: Path, tmp_path: Path
) -> None:
    screen, card, form = _table(window)
    welsh = form.cell_translations
    assert welsh is not None and welsh.isVisible()
    assert welsh.accessibleName() == "Table in Welsh (first row: headings)"
    assert form.form.labelForField(welsh).text() == "Ta&ble in Welsh:"
    assert (welsh.rowCount(), welsh.columnCount()) == (form.grid.rowCount(), 2)
    form.flush()
    form.new_typing_run()
    type_in_cell(welsh, 2, 0, "Neuadd y Pentref")
    type_in_cell(welsh, 0, 0, "Talai")
    qtbot.wait(DEBOUNCE_MS + 150)
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, DataTable)
    assert block.rows[1] == ["Village Hall", "£84.50"]
    assert block.translation == {"rows.1.0": "Neuadd y Pentref", "columns": "Talai"}

    store = reopened(gui_db)
    try:
        meeting = store.get_meeting(screen.session.meeting.id)
        out = Services(store).export(meeting, tmp_path / "full.docx", Version.FULL)
    finally:
        store.close()
    pairs = [
        (_inner_text(t.rows[0].cells[0]), _inner_text(t.rows[0].cells[1]))
        for t in docx.Document(str(out)).tables
        if len(t.rows[0].cells) == 2
    ]
    english, printed = next(p for p in pairs if "Village Hall" in p[0])
    assert "Neuadd y Pentref" in printed and "Talai" in printed
    assert "Neuadd y Pentref" not in english
    assert "Village Hall" not in printed and "£84.50" in printed  # untranslated as typed

    window.undo()  # each cell typed is a step of its own, as in the first grid
    settle()
    assert saved(gui_db, screen, card.block_id).translation == {"rows.1.0": "Neuadd y Pentref"}
    assert welsh.item(0, 0).text() == "" and welsh.item(2, 0).text() == "Neuadd y Pentref"
    window.undo()
    settle()
    assert saved(gui_db, screen, card.block_id).translation == {}
    assert welsh.item(2, 0).text() == "" and welsh.item(0, 0).text() == ""


def _inner_text(cell: Any) -> str:
    """A cell's text with that of the tables inside it (the table block)."""
    parts = [cell.text]
    for table in cell.tables:
        parts.extend(_inner_text(c) for r in table.rows for c in r.cells)
    return "\n".join(parts)


def test_the_translation_grid_keeps_in_step_with_the_first(window: Any, gui_db: Path) -> None:
    screen, card, form = _table(window)
    welsh = form.cell_translations
    assert welsh is not None
    type_in_cell(welsh, 1, 0, "Hollins Cyf")
    type_in_cell(welsh, 2, 0, "Neuadd y Pentref")
    form.grid.setFocus()
    form.grid.setCurrentCell(1, 0)
    _key(form.grid, Qt.Key.Key_Insert)  # a row below the first, in both grids
    assert welsh.rowCount() == form.grid.rowCount() == 4
    shown = [welsh.item(r, 0).text() for r in range(4)]
    assert shown == ["", "Hollins Cyf", "", "Neuadd y Pentref"]
    type_in_cell(form.grid, 2, 0, "Parish Magazine")
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert block.rows[2][0] == "Village Hall"
    assert block.translation == {"rows.0.0": "Hollins Cyf", "rows.2.0": "Neuadd y Pentref"}
    form.add_column()
    assert welsh.columnCount() == form.grid.columnCount() == 3
    # Ctrl+Delete in the Welsh grid takes the row from both
    welsh.setFocus()
    welsh.setCurrentCell(1, 0)
    _key(welsh, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert welsh.rowCount() == form.grid.rowCount() == 3
    block = saved(gui_db, screen, card.block_id)
    assert block.rows[0][0] == "Parish Magazine"
    assert block.translation == {"rows.1.0": "Neuadd y Pentref"}
    # rows pasted into the first grid below its first row: the translations move down
    form.grid.setCurrentCell(1, 0)
    form.paste_cells("Parish Trust\t£10.00\n")
    assert welsh.rowCount() == form.grid.rowCount() == 4
    assert saved(gui_db, screen, card.block_id).translation == {"rows.2.0": "Neuadd y Pentref"}


def test_cells_pasted_into_the_translation_grid(window: Any, gui_db: Path) -> None:
    screen, card, form = _table(window)
    welsh = form.cell_translations
    assert welsh is not None and form.translation_note is not None
    QApplication.clipboard().setText("Talai\tSwm\nHollins Cyf\n")
    welsh.setFocus()
    welsh.setCurrentCell(0, 0)
    _key(welsh, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert saved(gui_db, screen, card.block_id).translation == {
        "columns": "Talai\nSwm",
        "rows.0.0": "Hollins Cyf",
    }
    assert form.translation_note.isHidden()
    welsh.setCurrentCell(2, 1)  # more than fits: what is left out is named
    QApplication.clipboard().setText("£84.50\tx\ny")
    _key(welsh, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert welsh.item(2, 1).text() == "£84.50"
    assert "2 pasted cells did not fit" in form.translation_note.text()
    assert not form.translation_note.isHidden()


def test_view_show_translations_hides_the_translation_grid(window: Any) -> None:
    _screen, _card, form = _table(window)
    welsh = form.cell_translations
    assert welsh is not None
    window.registry["toggle_translations"].trigger()
    assert welsh.isHidden() and form.form.labelForField(welsh).isHidden()
    window.registry["toggle_translations"].trigger()
    assert not welsh.isHidden()


def test_one_language_builds_no_translation_grid(window: Any) -> None:
    _screen, card, form = _table(window)
    assert form.cell_translations is None and form.translation_note is None
    made = [w for w in card.findChildren(QWidget) if w.objectName().startswith("translation_")]
    assert made == []
    assert len(card.findChildren(QTableWidget)) == 1
