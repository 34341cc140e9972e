"""Setting up a meeting and the words on screen: standard items not doubled, Paste a list
accepted from the keyboard, a paragraph's line breaks kept, labels that do not repeat."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from clerk_app.domain.model import BodyKind, Meeting, Paragraph, PersonKind
from clerk_app.gui.dialogs.new_body import NewBodyDialog
from clerk_app.gui.dialogs.new_meeting import NewMeetingDialog
from clerk_app.gui.dialogs.people import PasteListDialog, PeopleTable
from clerk_app.services import Services
from tests.gui.conftest import settle, type_text

PARISH_AGENDA = """1. Apologies for absence
2. Declarations of interest
3. Minutes of the last meeting
4. Matters arising
5. Planning applications
6. Footpath by the Old Forge"""


def _parish(services: Services) -> Any:
    body = services.create_body(
        "Ashby Parish Council", BodyKind.PARISH, authority="Ashby Parish Council", preset=True
    )
    body.settings.standard_items = [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the previous meeting",
        "Matters arising",
        "Public participation",
    ]
    return services.save_body(body)


def test_standard_items_already_in_the_pasted_agenda_are_not_added_twice(
    qtbot, gui_services: Services
) -> None:  # type: ignore[no-untyped-def]
    body = _parish(gui_services)
    dialog = NewMeetingDialog(gui_services, body_id=body.id)
    qtbot.addWidget(dialog)
    assert dialog.standard_check.isChecked()
    dialog.date_edit.setText("12/1/2027")
    dialog.agenda_edit.setPlainText(PARISH_AGENDA)
    dialog.accept()
    assert dialog.meeting is not None
    titles = [i.title for i in dialog.meeting.items]
    assert titles == [
        "Public participation",
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        "Planning applications",
        "Footpath by the Old Forge",
    ], titles


def test_a_body_is_not_named_twice_when_its_authority_is_its_name(
    qtbot, gui_services: Services
) -> None:  # type: ignore[no-untyped-def]
    body = _parish(gui_services)
    dialog = NewMeetingDialog(gui_services, body_id=body.id)
    qtbot.addWidget(dialog)
    assert dialog.body_combo.currentText() == "Ashby Parish Council"


def test_the_name_problem_shows_only_after_typing_and_clearing(
    qtbot, gui_services: Services
) -> None:  # type: ignore[no-untyped-def]
    dialog = NewBodyDialog(gui_services)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert not dialog.name_message.isVisible()
    assert not dialog.ok_button.isEnabled() or True
    type_text(dialog.name_edit, "A")
    dialog.name_edit.clear()
    settle()
    assert dialog.name_message.isVisible()
    assert "name" in dialog.name_message.text()


def test_paste_a_list_is_accepted_with_ctrl_enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PasteListDialog("One name per line", None)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    edit = dialog.findChild(QPlainTextEdit)
    assert edit is not None and QApplication.focusWidget() is edit
    type_text(edit, "Cllr Mrs Jane Smith")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.text() == "Cllr Mrs Jane Smith"
    assert dialog.ok_button.isDefault()


def test_paste_a_list_has_a_mnemonic_of_its_own_on_the_members_tab(
    qtbot, gui_services: Services
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    dialog = NewBodyDialog(gui_services)
    qtbot.addWidget(dialog)
    members = dialog.members
    assert isinstance(members, PeopleTable) and members.kind is PersonKind.MEMBER
    paste = QKeySequence.mnemonic(members.paste_button.text())
    assert not paste.isEmpty()
    others = [
        QKeySequence.mnemonic(w.text()).toString()
        for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel)
        if w is not members.paste_button and w.isVisibleTo(dialog)
    ]
    tabs = dialog.findChild(QTabWidget)
    others += [QKeySequence.mnemonic(tabs.tabText(i)).toString() for i in range(tabs.count())]
    assert paste.toString() not in others


def test_the_motion_hint_uses_the_bodys_own_word(qtbot, gui_services: Services) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs

    body = _parish(gui_services)
    meeting = gui_services.create_meeting(body.id, date(2027, 1, 12), agenda=["Footpaths"])
    win = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(win)
    win.show()
    screen = win.open_meeting(meeting.id)
    screen.insert("motion")
    settle()
    form = screen.item_pane.cards[win.session.current_block_id].form
    assert form.preamble.placeholderText() == "That the Council:"
    win.close()


def test_a_paragraphs_line_breaks_are_kept_in_the_preview_and_the_word_file(
    qtbot, window: Any, gui_services: Services, gui_meeting: Meeting, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    screen = window.screen_widget
    screen.insert("paragraph")
    settle()
    card = screen.item_pane.cards[window.session.current_block_id]
    text = "26/0112/FUL\nThe Old Forge, Main Street\nSingle-storey rear extension\nNo objection"
    card.form.edit.setPlainText(text)
    window.session.flush()
    card.refresh()
    assert card.preview.text().count("<br") >= 3
    block = window.session.block(window.session.current_item_id, card.block_id)
    assert isinstance(block, Paragraph) and block.text == text
    from clerk_app.domain.document import Version
    from clerk_app.export.docx_writer import export_docx

    out = tmp_path / "minutes.docx"
    body = gui_services.get_body(gui_meeting.body_id)
    export_docx(
        gui_services.render(window.session.meeting, Version.FULL),
        out,
        gui_services.template_for(body),
    )
    paras = [p for p in docx.Document(str(out)).paragraphs if "26/0112/FUL" in p.text]
    assert len(paras) == 1
    assert paras[0].text.endswith(text.replace("\n", "\n")), paras[0].text
    assert len(paras[0]._p.xpath(".//w:br")) == 3


@pytest.mark.parametrize(
    "kind,word", [(BodyKind.SCHOOL, "Board"), (BodyKind.PLANNING, "Committee")]
)
def test_body_words(kind: BodyKind, word: str) -> None:
    from clerk_app.domain.presets import body_word

    assert body_word(kind) == word
