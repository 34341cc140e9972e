"""The forms of tables, public participation and planning applications: what is pasted,
typed and chosen is saved, and the grid is worked from the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from clerk_app.domain.model import (
    DataTable,
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Speaker,
    SpeakerCapacity,
    Stance,
)
from clerk_app.gui.meeting.forms import PlanningForm, PublicParticipationForm, TableForm
from tests.gui.conftest import type_text
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


def test_speakers_are_added_from_the_keyboard_and_saved(window: Any, gui_db: Path) -> None:
    screen, card = new_card(window, "public_participation")
    form = card.form
    assert isinstance(form, PublicParticipationForm)
    type_text(form.subject, "the proposed speed limit")
    first = form.speakers.rows[0]
    type_text(first.name, "Mrs Hale")
    first.stance.setCurrentIndex(first.stance.findData(Stance.AGAINST))
    type_text(first.summary, "raising concerns")
    _key(first.summary, Qt.Key.Key_Return)  # the next speaker
    assert len(form.speakers.rows) == 2
    second = form.speakers.rows[1]
    type_text(second.name, "Mr Pike")
    second.capacity.setCurrentIndex(second.capacity.findData(SpeakerCapacity.OTHER))
    type_text(second.capacity_text, "for the Village Society")
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, PublicParticipation)
    assert block.subject == "the proposed speed limit"
    assert block.speakers == [
        Speaker("Mrs Hale", SpeakerCapacity.RESIDENT, "", Stance.AGAINST, "raising concerns"),
        Speaker("Mr Pike", SpeakerCapacity.OTHER, "for the Village Society", Stance.NEUTRAL, ""),
    ]
    _key(second.name, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [s.name for s in saved(gui_db, screen, card.block_id).speakers] == ["Mrs Hale"]


def test_a_planning_application_is_typed_and_decided(
    window: Any, gui_db: Path, monkeypatch: Any
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("clerk_app.gui.main_window.show_error", lambda _p, exc: shown.append(exc))
    screen, card = new_card(window, "planning")
    form = card.form
    assert isinstance(form, PlanningForm)
    type_text(form.reference, "26/00412/FUL")
    type_text(form.site, "Orchard House, Mill Lane")
    type_text(form.proposal, "Two-storey rear extension")
    form.decision.setCurrentIndex(form.decision.findData(PlanningDecision.APPROVE))
    type_text(form.conditions, "Begin within three years")
    _key(form.conditions, Qt.Key.Key_Return)
    type_text(form.conditions, "Matching materials")
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, PlanningApplication)
    assert (block.reference, block.site, block.proposal) == (
        "26/00412/FUL",
        "Orchard House, Mill Lane",
        "Two-storey rear extension",
    )
    assert block.decision is PlanningDecision.APPROVE
    assert block.conditions == ["Begin within three years", "Matching materials"]
    # refusing with conditions typed is refused, and nothing typed is lost
    form.decision.setCurrentIndex(form.decision.findData(PlanningDecision.REFUSE))
    form.flush()
    assert saved(gui_db, screen, card.block_id).decision is PlanningDecision.APPROVE
    assert "Matching materials" in form.conditions.toPlainText()
    assert len(shown) == 1 and "Conditions go with a decision" in str(shown[0])
