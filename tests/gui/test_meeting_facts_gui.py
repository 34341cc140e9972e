"""The meeting's details under its header: typed, picked, saved, undone and printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from clerk_app.domain.model import HeldStatus, MeetingMode
from tests.gui.conftest import pid, reopened, type_text
from tests.gui.test_meeting_keys import activate, key

ALT = Qt.KeyboardModifier.AltModifier


def _saved(gui_db: Path, meeting_id: str) -> Any:
    store = reopened(gui_db)
    try:
        return store.get_meeting(meeting_id)
    finally:
        store.close()


def test_every_detail_has_a_name_and_a_labelled_key(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    facts = window.screen_widget.header.facts
    fields = [
        facts.mode, facts.platform, facts.presiding, facts.taker, facts.held,
        facts.next_date, facts.next_time, facts.next_venue, facts.after,
    ]  # fmt: skip
    assert all(f.accessibleName() for f in fields)
    buddies = {lab.buddy() for lab in facts.findChildren(QLabel) if lab.buddy() is not None}
    assert set(fields) <= buddies


def test_details_are_saved_undone_and_printed(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    facts = window.screen_widget.header.facts
    meeting = window.session.meeting
    body = window.session.body
    facts.mode.setCurrentIndex(facts.mode.findData(MeetingMode.ONLINE))
    facts.mode.activated.emit(facts.mode.currentIndex())
    facts.platform.setFocus()
    type_text(facts.platform, "Microsoft Teams")
    key(qtbot, Qt.Key.Key_Tab)
    facts.presiding.setCurrentIndex(facts.presiding.findData(pid(body, "Russell")))
    facts.presiding.activated.emit(facts.presiding.currentIndex())
    facts.taker.setCurrentIndex(facts.taker.findData(pid(body, "Castellano")))
    facts.taker.activated.emit(facts.taker.currentIndex())
    facts.next_date.setFocus()
    type_text(facts.next_date, "8/12/2026")
    key(qtbot, Qt.Key.Key_Tab)
    facts.next_venue.setFocus()
    type_text(facts.next_venue, "Committee Room 1")
    key(qtbot, Qt.Key.Key_Tab)
    saved = _saved(gui_db, meeting.id)
    assert saved.mode is MeetingMode.ONLINE and saved.platform == "Microsoft Teams"
    assert saved.presiding_id == pid(body, "Russell")
    assert saved.minute_taker_id == pid(body, "Castellano")
    assert (saved.next_date, saved.next_venue) == (date(2026, 12, 8), "Committee Room 1")
    m = window.session.meeting
    rendered = window.session.svc.render(m).elements
    text = "\n".join(p.text for p in rendered if hasattr(p, "text"))
    assert "held via Microsoft Teams" in text
    assert "Councillor Russell (Vice-Chair" in text and ") in the Chair" in text
    assert "The next meeting will be held on" in text
    window.undo()
    assert window.session.meeting.next_venue == "" and facts.next_venue.text() == ""


def test_a_wrong_next_date_is_kept_with_a_message(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    facts = window.screen_widget.header.facts
    meeting = window.session.meeting
    facts.next_date.setFocus()
    type_text(facts.next_date, "31/2/2027")
    key(qtbot, Qt.Key.Key_Tab)
    assert meeting.next_date is None
    assert facts.next_date.text() == "31/2/2027"  # what was typed is kept
    assert "Not saved" in facts.problem.text()
    facts.next_date.setFocus()
    facts.next_date.selectAll()
    type_text(facts.next_date, "1/1/2020")  # before this meeting
    key(qtbot, Qt.Key.Key_Tab)
    assert meeting.next_date is None and "after this one" in facts.problem.text()
    facts.held.setCurrentIndex(facts.held.findData(HeldStatus.INQUORATE))
    facts.held.activated.emit(facts.held.currentIndex())
    assert _saved(gui_db, meeting.id).held is HeldStatus.INQUORATE
    facts.next_time.setFocus()
    type_text(facts.next_time, "7pm")
    key(qtbot, Qt.Key.Key_Tab)
    assert meeting.next_time is None  # a time without a date is refused, and said so
    assert "date of the next meeting" in facts.problem.text()
    assert QApplication.focusWidget() is not None


def test_ctrl_b_makes_words_bold_in_a_paragraph(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextCursor

    from clerk_app.domain.model import Paragraph
    from clerk_app.gui.meeting.forms import ParagraphForm

    screen = window.screen_widget
    screen.go_item(1)
    item_id = window.session.current_item_id
    window.registry["insert_paragraph"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, ParagraphForm)
    edit = card.form.edit
    edit.setFocus()
    type_text(edit, "Fees rise from April")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 10)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "Fees rise **from April**"
    qtbot.keyClick(edit, Qt.Key.Key_End)
    type_text(edit, ". ")
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_text(edit, "Noted")
    assert edit.toPlainText() == "Fees rise **from April**. **Noted**"
    window.registry["next_item"].trigger()  # leaving the item saves at once
    saved = _saved(gui_db, window.session.meeting.id).item(item_id).blocks[-1]
    assert isinstance(saved, Paragraph) and saved.text == "Fees rise **from April**. **Noted**"
    para = next(
        e
        for e in window.session.svc.render(window.session.meeting).elements
        if getattr(e, "block_id", None) == saved.id
    )
    assert [r.text for r in para.runs if r.bold] == ["from April", "Noted"]


def test_the_details_alt_keys_are_not_used_elsewhere_on_the_screen(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    import re

    labels = [
        lab.text()
        for lab in window.screen_widget.findChildren(QLabel)
        if lab.isVisible() and lab.buddy() is not None
    ]
    letters = [m.lower() for t in labels for m in re.findall(r"&(\w)", t.replace("&&", ""))]
    assert sorted({x for x in letters if letters.count(x) > 1}) == []


def test_the_next_date_is_shown_and_read_in_the_body_s_own_form(  # type: ignore[no-untyped-def]
    qtbot, request: Any, gui_services: Any, gui_body: Any, gui_db: Path
) -> None:
    from clerk_app.domain.style import DateStyle

    gui_body.settings.style.date_style = DateStyle.MONTH_DAY_YEAR
    gui_body.settings.style.locale = "en-US"
    gui_services.save_body(gui_body)
    window = request.getfixturevalue("window")
    activate(qtbot, window)
    facts = window.screen_widget.header.facts
    meeting = window.session.meeting
    # the body's form, as the minutes print it, typed back in
    facts.next_date.setFocus()
    type_text(facts.next_date, "Tuesday, December 8, 2026")
    key(qtbot, Qt.Key.Key_Tab)
    assert _saved(gui_db, meeting.id).next_date == date(2026, 12, 8)
    assert facts.next_date.text() == "Tuesday, December 8, 2026"
    # figures read month first, as this body writes dates; the usual forms still read
    facts.next_date.setFocus()
    facts.next_date.selectAll()
    type_text(facts.next_date, "12/9/2026")
    key(qtbot, Qt.Key.Key_Tab)
    assert _saved(gui_db, meeting.id).next_date == date(2026, 12, 9)
    assert facts.next_date.text() == "Wednesday, December 9, 2026"
    facts.next_date.setFocus()
    facts.next_date.selectAll()
    type_text(facts.next_date, "2026-12-10")
    key(qtbot, Qt.Key.Key_Tab)
    assert _saved(gui_db, meeting.id).next_date == date(2026, 12, 10)
    # a slip is kept, with the body's form given as the way to type it
    facts.next_date.setFocus()
    facts.next_date.selectAll()
    type_text(facts.next_date, "Decembr 11, 2026")
    key(qtbot, Qt.Key.Key_Tab)
    assert facts.next_date.text() == "Decembr 11, 2026"
    assert "Not saved" in facts.problem.text() and "November 24, 2026" in facts.problem.text()
    assert _saved(gui_db, meeting.id).next_date == date(2026, 12, 10)


def test_undo_and_redo_show_in_the_field_that_has_the_cursor(  # type: ignore[no-untyped-def]
    qtbot, window: Any, gui_db: Path
) -> None:
    """Ctrl+Z while the cursor is still in the text after the signature: the field shows
    the text as it was, and leaving the field does not save the undone words again."""
    activate(qtbot, window)
    facts = window.screen_widget.header.facts
    meeting_id = window.session.meeting.id
    facts.after.setFocus()
    type_text(facts.after, "Contact the Clerk")
    qtbot.keyClick(facts.after, Qt.Key.Key_Return)  # saved; the cursor stays
    assert _saved(gui_db, meeting_id).after_signature == "Contact the Clerk"
    type_text(facts.after, " at the Town Hall")  # typing goes on: not replaced
    assert facts.after.text() == "Contact the Clerk at the Town Hall"
    assert facts.after.hasFocus()
    window.undo()  # the words typed since are the first thing undone
    assert facts.after.hasFocus()
    assert facts.after.text() == "Contact the Clerk"
    window.undo()
    assert facts.after.text() == ""
    window.redo()
    assert facts.after.text() == "Contact the Clerk"
    window.undo()
    facts.next_venue.setFocus()  # leaving the field keeps the undone value
    assert _saved(gui_db, meeting_id).after_signature == ""
    assert facts.after.text() == ""
