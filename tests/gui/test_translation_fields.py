"""Bilingual minutes in the window: a field for the second language under each typed
field, saved as the clerk types (and undone) like the field itself; View → Show
translations hides and shows them; a body with one language gets none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from clerk_app.domain.model import Body, Paragraph
from clerk_app.domain.style import Bilingual
from clerk_app.gui.meeting.forms import ParagraphForm
from clerk_app.gui.meeting.forms.base import DEBOUNCE_MS
from clerk_app.services import Services
from tests.gui.conftest import reopened, settle, type_text


@pytest.fixture
def gui_body(gui_services: Services, gui_body: Body, request: pytest.FixtureRequest) -> Body:
    """The committee's minutes in English and Welsh, side by side (one language for the
    tests that say so)."""
    if "one_language" in request.node.name:
        return gui_body
    gui_body.settings.style.bilingual = Bilingual.COLUMNS
    gui_body.settings.style.second_locale = "cy"
    return gui_services.save_body(gui_body)


def _stored(db: Path, meeting_id: str) -> Any:
    store = reopened(db)
    try:
        return store.get_meeting(meeting_id)
    finally:
        store.close()


def _paragraph_card(window: Any) -> Any:
    screen = window.screen_widget
    window.registry["insert_paragraph"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, ParagraphForm)
    return card


def test_a_typed_translation_is_saved_and_undone(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    session = window.screen_widget.session
    item_id = session.current_item_id
    card = _paragraph_card(window)
    fields = card.form.translations
    assert fields is not None and list(fields.edits) == ["text"]
    welsh = fields.edits["text"]
    assert isinstance(welsh, QPlainTextEdit)
    assert welsh.accessibleName() == "Text in Welsh"
    assert fields.labels["text"].text() == "Welsh:"
    type_text(card.form.edit, "Members asked about the footbridge.")
    card.form.flush()
    card.form.new_typing_run()
    type_text(welsh, "Gofynnodd yr aelodau am y bont droed.")
    qtbot.wait(DEBOUNCE_MS + 150)
    block = _stored(gui_db, session.meeting.id).find_block(card.block_id)[1]
    assert isinstance(block, Paragraph)
    assert block.text == "Members asked about the footbridge."
    assert block.translation == {"text": "Gofynnodd yr aelodau am y bont droed."}
    assert item_id == session.current_item_id

    window.undo()  # the translation typed, as one step
    settle()
    block = _stored(gui_db, session.meeting.id).find_block(card.block_id)[1]
    assert block.translation == {} and block.text == "Members asked about the footbridge."
    assert welsh.toPlainText() == ""


def test_the_item_title_has_its_translation(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    screen = window.screen_widget
    header = screen.item_pane.header
    assert header.translations is not None
    title = header.translations.edits["title"]
    assert isinstance(title, QLineEdit) and title.accessibleName() == "Title in Welsh"
    # a Part 1 item: no public heading, in either language
    assert header.translations.edits["public_heading"].isHidden()
    type_text(title, "Coed ar Glos Øvergaard")
    qtbot.wait(DEBOUNCE_MS + 150)
    item = _stored(gui_db, screen.session.meeting.id).item(screen.session.current_item_id)
    assert item.translation == {"title": "Coed ar Glos Øvergaard"}


def test_view_show_translations_hides_and_shows_them(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    card = _paragraph_card(window)
    action = window.registry["toggle_translations"]
    assert action.isEnabled() and action.isChecked()
    assert action.shortcut().toString() == "Ctrl+F9"
    header = window.screen_widget.item_pane.header
    action.trigger()
    assert card.form.translations.edits["text"].isHidden()
    assert header.translations.edits["title"].isHidden()
    later = _paragraph_card(window)  # forms made while hidden start hidden
    assert later.form.translations.edits["text"].isHidden()
    action.trigger()
    assert not card.form.translations.edits["text"].isHidden()
    assert not later.form.translations.edits["text"].isHidden()
    assert not header.translations.edits["title"].isHidden()


def test_one_language_builds_no_translation_fields(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    card = _paragraph_card(window)
    assert card.form.translations is None
    assert window.screen_widget.item_pane.header.translations is None
    made = [w for w in window.findChildren(QWidget) if w.objectName().startswith("translation_")]
    assert made == []
    assert not window.registry["toggle_translations"].isEnabled()


def test_a_translation_is_shown_only_while_its_field_is(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    """The field "Recommended to" is shown for a RECOMMENDED lead-in only, and so is its
    Welsh."""
    from clerk_app.domain.model import LeadIn
    from clerk_app.gui.meeting.forms import MotionForm
    from clerk_app.gui.meeting.forms.base import set_combo

    window.registry["insert_motion"].trigger()
    card = window.screen_widget.item_pane.card_list()[-1]
    form = card.form
    assert isinstance(form, MotionForm) and form.translations is not None
    welsh = form.translations.edits["recommend_to"]
    assert form.recommend_to.isHidden() and welsh.isHidden()
    set_combo(form.lead_in, LeadIn.RECOMMENDED)
    settle()
    assert not form.recommend_to.isHidden() and not welsh.isHidden()
    assert form.translations.edits["outcome_detail"].isHidden()  # no referral chosen


def _next_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget``: the next widget in the focus chain that takes
    the focus by Tab and is not inside ``widget`` (a text box's viewport)."""
    from PySide6.QtCore import Qt

    found = widget.nextInFocusChain()
    while found is not widget and (
        not found.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.isAncestorOf(found)
    ):
        found = found.nextInFocusChain()
    return found


def test_tab_goes_from_each_field_to_its_translation(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.gui.meeting.forms import MotionForm

    window.registry["insert_motion"].trigger()
    settle()
    form = window.screen_widget.item_pane.card_list()[-1].form
    assert isinstance(form, MotionForm) and form.translations is not None
    assert _next_stop(form.preamble) is form.translations.edits["preamble"]
    assert _next_stop(form.clauses) is form.translations.edits["clauses"]
    header = window.screen_widget.item_pane.header
    assert header.translations is not None
    assert _next_stop(header.title) is header.translations.edits["title"]
    assert _next_stop(header.purpose) is header.translations.edits["purpose"]


def test_the_meetings_facts_have_their_translations(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    """The venue, platform, next meeting's place and text after the signature each have
    a Welsh field under the meeting's facts; what is typed there is saved (and undone)
    and View → Show translations hides them with the rest."""
    from PySide6.QtCore import Qt

    screen = window.screen_widget
    facts = screen.header.facts
    assert list(facts.translations) == ["venue", "platform", "next_venue", "after_signature"]
    venue = facts.translations["venue"]
    assert venue.accessibleName() == "Venue in Welsh"
    venue.setFocus()
    type_text(venue, "Neuadd y Dref, Llanfair")
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    settle()
    after = facts.translations["after_signature"]
    after.setFocus()
    type_text(after, "Cysylltwch â’r Clerc")
    window.session.flush()  # as before an export: what is typed is saved
    settle()
    stored = _stored(gui_db, screen.session.meeting.id)
    assert stored.translation == {
        "venue": "Neuadd y Dref, Llanfair",
        "after_signature": "Cysylltwch â’r Clerc",
    }
    screen.item_pane.header.title.setFocus()  # (a focused field keeps what it shows)
    window.undo()
    settle()
    assert _stored(gui_db, screen.session.meeting.id).translation == {
        "venue": "Neuadd y Dref, Llanfair"
    }
    assert after.text() == ""
    window.registry["toggle_translations"].trigger()
    assert venue.isHidden() and facts.translation_labels[0].isHidden()
    window.registry["toggle_translations"].trigger()
    assert not venue.isHidden()


def test_an_apologys_reason_is_asked_in_welsh_too(  # type: ignore[no-untyped-def]
    qtbot, window: Any, gui_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from clerk_app.domain.model import AttendanceStatus

    answers = iter([("illness", True), ("salwch", True)])
    asked: list[str] = []

    def get_text(_parent: Any, _title: str, label: str, **_k: Any) -> tuple[str, bool]:
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    screen = window.screen_widget
    person = next(a.person_id for a in screen.session.meeting.attendance)
    screen.attendance.choose_status(person, AttendanceStatus.APOLOGIES)
    settle()
    assert "in Welsh" in asked[1]
    stored = _stored(gui_db, screen.session.meeting.id).attendance_of(person)
    assert stored.status is AttendanceStatus.APOLOGIES
    assert stored.reason == "illness" and stored.translation == {"reason": "salwch"}


def test_undo_shows_in_the_meetings_translation_with_the_cursor(  # type: ignore[no-untyped-def]
    qtbot, window: Any, gui_db: Path
) -> None:
    from PySide6.QtCore import Qt

    facts = window.screen_widget.header.facts
    welsh = facts.translations["after_signature"]
    welsh.setFocus()
    type_text(welsh, "Cysylltwch â’r Clerc")
    qtbot.keyClick(welsh, Qt.Key.Key_Return)
    settle()
    assert _stored(gui_db, window.session.meeting.id).translation == {
        "after_signature": "Cysylltwch â’r Clerc"
    }
    window.undo()  # the cursor still in the field
    settle()
    assert welsh.text() == ""
    window.redo()
    settle()
    assert welsh.text() == "Cysylltwch â’r Clerc"
