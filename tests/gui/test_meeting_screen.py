"""The meeting screen: saving as the clerk types, the quorum, undo, the agenda, layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.domain.model import Body, ItemStatus, Meeting, Paragraph, Points
from clerk_app.gui.meeting.agenda_pane import ID_ROLE
from clerk_app.gui.meeting.forms import ParagraphForm, PointsForm
from clerk_app.gui.meeting.forms.base import DEBOUNCE_MS
from clerk_app.gui.meeting.screen import MeetingScreen
from clerk_app.services import Services
from tests.gui.conftest import pid, reopened, settle, type_text


def stored_meeting(db: Path, meeting_id: str) -> Meeting:
    store = reopened(db)
    try:
        return store.get_meeting(meeting_id)
    finally:
        store.close()


def screen_of(window: Any) -> MeetingScreen:
    assert window.screen_widget is not None
    return window.screen_widget


def test_typing_is_saved_after_a_pause_and_when_leaving_the_item(
    qtbot, window: Any, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    session = screen.session
    screen.go_item(1)
    item_id = session.current_item_id
    window.registry["insert_paragraph"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, ParagraphForm)
    type_text(card.form.edit, "Siân Øvergaard asked about the £2,400 contribution")
    qtbot.wait(DEBOUNCE_MS + 150)
    item = stored_meeting(gui_db, session.meeting.id).item(item_id)
    assert item is not None and isinstance(item.blocks[-1], Paragraph)
    assert item.blocks[-1].text == "Siân Øvergaard asked about the £2,400 contribution"
    assert window.saved_label.text().startswith("Saved ")
    assert item.status is ItemStatus.TAKEN  # minuting an item takes it

    type_text(card.form.edit, " – and parking.")
    window.registry["next_item"].trigger()  # no pause: leaving the item saves at once
    item = stored_meeting(gui_db, session.meeting.id).item(item_id)
    assert item is not None
    assert item.blocks[-1].text.endswith("contribution – and parking.")  # type: ignore[attr-defined]
    assert session.current_item_id != item_id


def test_the_wording_preview_follows_the_form(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    window.registry["insert_points"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, PointsForm)
    line = card.form.lines[0]
    type_text(line, "Traffic on Mill Lane")
    qtbot.keyClick(line, "\r")  # Enter: the next point, straight after
    type_text(card.form.lines[1], "Trees at Øvergaard Close")
    card.form.flush()
    block = screen.session.block(screen.session.current_item_id, card.block_id)
    assert isinstance(block, Points)
    assert block.points == ["Traffic on Mill Lane", "Trees at Øvergaard Close"]
    assert "Traffic on Mill Lane" in card.preview_text()
    assert "Trees at Øvergaard Close" in card.preview_text()


def test_undo_and_redo_from_the_edit_menu_reach_the_form_and_the_database(
    qtbot, window: Any, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    session = screen.session
    window.registry["insert_paragraph"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, ParagraphForm)
    type_text(card.form.edit, "First words")
    window.registry["undo"].trigger()  # flushes the typing, then undoes it
    assert card.form.edit.toPlainText() == ""
    item = stored_meeting(gui_db, session.meeting.id).item(session.current_item_id)
    assert item is not None and item.blocks[-1].text == ""  # type: ignore[attr-defined]
    window.registry["redo"].trigger()
    assert card.form.edit.toPlainText() == "First words"

    window.registry["delete_block"].trigger()
    assert card.block_id not in screen.item_pane.cards
    window.registry["undo"].trigger()
    assert card.block_id in screen.item_pane.cards
    restored = screen.item_pane.cards[card.block_id].form
    assert isinstance(restored, ParagraphForm)
    assert restored.edit.toPlainText() == "First words"
    item = stored_meeting(gui_db, session.meeting.id).item(session.current_item_id)
    assert item is not None and item.blocks[-1].text == "First words"  # type: ignore[attr-defined]


def test_quorum_indicator_changes_the_moment_someone_leaves(
    qtbot, window: Any, gui_body: Body, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    pane = screen.attendance
    assert pane.quorum_text().startswith("Quorate: 6 voting members")
    for name in ("Pike", "Moss"):
        pane.select_person(pid(gui_body, name))
        window.registry["record_departure"].trigger()
    assert pane.quorum_text().startswith("Quorate: 4 voting members")
    assert pane.quorum.property("quorate") is True
    pane.select_person(pid(gui_body, "Asante"))
    window.registry["record_departure"].trigger()
    assert pane.quorum_text().startswith("NOT QUORATE: 3 voting members")
    assert pane.quorum.property("quorate") is False
    assert pid(gui_body, "Asante") in pane.people_in("left")
    assert pid(gui_body, "Asante") not in pane.people_in("present")
    window.registry["undo"].trigger()
    assert pane.quorum_text().startswith("Quorate: 4")
    window.registry["redo"].trigger()
    pane.select_person(pid(gui_body, "Asante"))
    window.registry["record_arrival"].trigger()
    assert pane.quorum_text().startswith("Quorate: 4")
    blocks = (
        stored_meeting(gui_db, screen.session.meeting.id)
        .item(screen.session.current_item_id)
        .blocks
    )  # type: ignore[union-attr]
    assert [b.KIND for b in blocks] == ["attendance_change"] * 4


def test_take_an_item_out_of_order(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    session = screen.session
    items = session.meeting.items
    first, last = items[0].id, items[-1].id
    screen.agenda.list.setCurrentRow(0)
    settle()
    window.registry["take_item"].trigger()
    screen.agenda.list.setCurrentRow(len(items) - 1)
    settle()
    window.registry["take_item"].trigger()
    stored = stored_meeting(gui_db, session.meeting.id)
    assert [i.id for i in stored.items][:2] == [first, last]
    assert stored.items[1].status is ItemStatus.TAKEN
    assert session.current_item_id == last
    assert screen.agenda.list.item(1).font().bold()  # the current item is marked


def test_every_control_has_an_accessible_name(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    for kind in ("paragraph", "points", "attendance", "declaration", "motion", "action", "note"):
        screen.insert(kind)
    settle()
    missing: list[str] = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(
            widget,
            QLineEdit
            | QPlainTextEdit
            | QComboBox
            | QAbstractButton
            | QAbstractItemView
            | QAbstractSpinBox,
        ):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox) or not widget.isVisibleTo(screen):
            continue  # the line edit inside a spin box or combo box is named by its owner
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    assert not missing


def test_pane_layout_is_remembered(qtbot, window: Any, gui_meeting: Meeting) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    screen.splitter.setSizes([200, 700, 380])
    sizes = screen.splitter.sizes()
    window.show_start()
    assert window.session is None
    screen = window.open_meeting(gui_meeting.id)
    assert screen is not None
    assert screen.splitter.sizes() == sizes


def test_find_in_meeting_goes_to_the_block(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    screen = screen_of(window)
    session = screen.session
    window.registry["insert_paragraph"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, ParagraphForm)
    type_text(card.form.edit, "The hedgerow at Øvergaard Close")
    card.form.flush()
    target_item = session.current_item_id
    screen.go_item(1)
    window.registry["find"].trigger()
    assert screen.find_bar.isVisible()
    type_text(screen.find_edit, "hedgerow")
    screen.find_next()
    assert session.current_item_id == target_item
    assert screen.find_result.text() == "1 of 1"
    assert session.current_block_id == card.block_id


def test_the_meeting_open_at_closing_opens_again(
    qtbot, gui_services: Any, gui_meeting: Meeting
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs

    prefs = Prefs.in_memory()
    first = MainWindow(gui_services, prefs)
    qtbot.addWidget(first)
    assert first.session is None and first.start_page is not None
    first.open_meeting(gui_meeting.id)
    first.close()  # a flat battery would do the same: the meeting is remembered
    again = MainWindow(gui_services, prefs)
    qtbot.addWidget(again)
    assert again.session is not None and again.session.meeting.id == gui_meeting.id
    assert again.start_page is None  # not built until it is wanted
    again.show_start()  # back to the list: next time starts there
    third = MainWindow(gui_services, prefs)
    qtbot.addWidget(third)
    assert third.session is None
    assert third.stack.currentWidget() is third.start_page


def test_attendance_list_follows_the_point_in_the_minutes(
    qtbot, window: Any, gui_body: Body, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import AttendanceStatus, ChangeKind

    screen = screen_of(window)
    session = screen.session
    pane = screen.attendance
    moss, pike = pid(gui_body, "Moss"), pid(gui_body, "Pike")
    pane.set_status(pike, AttendanceStatus.APOLOGIES)
    assert pike in pane.people_in("apologies")
    assert pane.quorum_text().startswith("Quorate: 5")
    stored = stored_meeting(gui_db, session.meeting.id).attendance_of(pike)
    assert stored is not None and stored.status is AttendanceStatus.APOLOGIES
    window.registry["undo"].trigger()
    assert pike in pane.people_in("present")

    screen.go_item(2)  # Moss arrives late, during the third item
    pane.select_person(moss)
    screen.record_change(ChangeKind.ARRIVED)
    assert moss in pane.people_in("present")
    screen.go_item(-2)  # back at the first item she had not yet arrived
    assert moss in pane.people_in("not_arrived")
    assert pane.quorum_text().startswith("Quorate: 5")


def test_a_refused_edit_keeps_the_text_and_says_so_once(
    qtbot, window: Any, monkeypatch: Any
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import MeetingStatus

    shown: list[BaseException] = []
    monkeypatch.setattr("clerk_app.gui.main_window.show_error", lambda _p, exc: shown.append(exc))
    screen = screen_of(window)
    window.registry["insert_paragraph"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, ParagraphForm)
    screen.session.meeting.status = MeetingStatus.APPROVED  # approved meanwhile
    type_text(card.form.edit, "Words typed after approval")
    card.form.flush()
    type_text(card.form.edit, " and more")
    card.form.flush()
    assert card.form.edit.toPlainText() == "Words typed after approval and more"  # kept
    assert window.saved_label.text() == "Not saved"
    assert "approved" in window.statusBar().currentMessage()
    assert len(shown) == 1  # one dialog, not one per pause in typing


def test_pasting_several_lines_into_a_point_makes_several_points(
    qtbot, window: Any, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    screen = screen_of(window)
    window.registry["insert_points"].trigger()
    card = screen.item_pane.card_list()[-1]
    assert isinstance(card.form, PointsForm)
    QGuiApplication.clipboard().setText("• Drainage\n• Bats in the barn – survey\n\n• £5k bond\n")
    card.form.lines[0].paste()
    block = screen.session.block(screen.session.current_item_id, card.block_id)
    assert isinstance(block, Points)
    assert block.points == ["Drainage", "Bats in the barn – survey", "£5k bond"]
    item = stored_meeting(gui_db, screen.session.meeting.id).item(screen.session.current_item_id)
    assert item is not None and item.blocks[-1].points == block.points  # type: ignore[attr-defined]


def test_approved_minutes_open_with_changes_switched_off(
    qtbot, window: Any, gui_services: Any, gui_meeting: Meeting
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import MeetingStatus

    gui_meeting.status = MeetingStatus.APPROVED
    gui_services.store.save_meeting_header(gui_meeting)
    screen = window.open_meeting(gui_meeting.id)
    assert screen is not None
    assert screen.locked_bar.isVisibleTo(screen)
    assert not window.registry["insert_paragraph"].isEnabled()
    assert not window.registry["record_departure"].isEnabled()
    assert window.registry["export"].isEnabled()  # reading and exporting still work
    assert window.registry["find"].isEnabled()


def test_wording_of_a_motion_and_its_amendment_stays_in_step(
    qtbot, window: Any, gui_body: Body
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import Outcome, VoteKind
    from clerk_app.gui.meeting.forms import MotionForm

    screen = screen_of(window)
    screen.insert("motion")
    motion = screen.item_pane.card_list()[-1]
    form = motion.form
    assert isinstance(form, MotionForm)
    form.mover.setPersonId(pid(gui_body, "Russell"))
    form.seconder.setPersonId(pid(gui_body, "Pike"))
    form.clauses.setPlainText("That permission be granted.")
    form.flush()
    form.chosen()
    screen.insert("amendment")
    amendment = screen.item_pane.card_list()[-1]
    amend_form = amendment.form
    assert isinstance(amend_form, MotionForm)
    assert amend_form.amends.currentData() == motion.block_id  # amends the motion
    editor = amend_form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.COUNTS))
    editor.for_count.setValue(1)
    editor.against_count.setValue(4)
    amend_form.record_vote()
    block = screen.session.block(screen.session.current_item_id, amendment.block_id)
    assert block.outcome is Outcome.LOST  # type: ignore[attr-defined]
    assert "RESOLVED" not in amendment.preview_text()
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.UNANIMOUS))
    form.record_vote()
    # the decision on the motion is printed after its last amendment
    assert "RESOLVED" in amendment.preview_text()
    assert "That permission be granted." in amendment.preview_text()


def test_a_carried_amendment_brings_the_substantive_motion_onto_the_screen(
    qtbot, window: Any, gui_body: Body
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import Motion, Outcome, VoteKind
    from clerk_app.gui.meeting.forms import MotionForm

    screen = screen_of(window)
    session = screen.session
    screen.insert("motion")
    screen.insert("amendment")
    amendment = screen.item_pane.card_list()[-1]
    form = amendment.form
    assert isinstance(form, MotionForm)
    form.mover.setPersonId(pid(gui_body, "Asante"))
    form.seconder.setPersonId(pid(gui_body, "Moss"))
    form.clauses.setPlainText("That permission be granted with a condition on hedgerows.")
    form.flush()
    form.chosen()
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.UNANIMOUS))
    form.record_vote()
    cards = screen.item_pane.card_list()
    assert len(cards) == 3
    new = session.block(session.current_item_id, cards[-1].block_id)
    assert isinstance(new, Motion) and new.derived_from_id == amendment.block_id
    assert cards[-1].title.text() == "Substantive motion (as amended)"
    assert new.clauses == ["That permission be granted with a condition on hedgerows."]
    window.registry["undo"].trigger()  # the vote, and with it the new motion
    assert len(screen.item_pane.card_list()) == 2
    block = session.block(session.current_item_id, amendment.block_id)
    assert block.outcome is Outcome.PENDING  # type: ignore[attr-defined]


def test_ctrl_z_in_a_field_undoes_the_clerks_saved_edit(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z with the cursor in a field goes to the meeting's undo stack (the field's
    own undo would leave the saved block as it was); leaving a field saves it at once."""

    screen = screen_of(window)
    session = screen.session
    window.activateWindow()
    window.registry["insert_paragraph"].trigger()
    settle()
    card = screen.item_pane.card_list()[-1]
    edit = card.form.edit
    title = screen.item_pane.header.title
    title.setFocus()
    settle()
    edit.setFocus()
    settle()
    assert session.current_block_id == card.block_id  # the cursor's block is the current one
    type_text(edit, "The Chair welcomed Siân")
    title.setFocus()  # leaving the field saves it, with no pause
    settle()
    assert session.block(session.current_item_id, card.block_id).text == "The Chair welcomed Siân"
    edit.setFocus()
    settle()
    type_text(edit, " Øvergaard")
    card.form.flush()
    assert session.block(session.current_item_id, card.block_id).text.endswith("Siân Øvergaard")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert session.block(session.current_item_id, card.block_id).text == "The Chair welcomed Siân"
    assert edit.toPlainText() == "The Chair welcomed Siân"

    title.setFocus()
    settle()
    before = session.current_item.title
    type_text(title, " (revised)")
    screen.item_pane.header.flush()
    assert session.current_item.title == before + " (revised)"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert session.current_item.title == before


def test_the_agenda_row_follows_the_item_title_and_part_as_typed(
    qtbot, window: Any, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    """Editing the heading rewrites that item's row of the agenda (and undo puts it back)
    while the other rows, and the attendance list, are left as they are."""
    screen = screen_of(window)
    session = screen.session
    screen.go_item(1)
    settle()
    agenda = screen.agenda.list
    row = next(
        r for r in range(agenda.count()) if agenda.item(r).data(ID_ROLE) == session.current_item_id
    )
    others = [agenda.item(r) for r in range(agenda.count()) if r != row]
    people = screen.attendance.tree.topLevelItem(0)
    header = screen.item_pane.header
    header.title.setFocus()
    type_text(header.title, " – Siân's £2,400 scheme")
    header.flush()
    assert agenda.item(row).text().endswith("– Siân's £2,400 scheme")
    assert agenda.item(row).font().bold()  # still the current item
    header.part2.setChecked(True)
    assert "Part 2 · " in agenda.item(row).text()
    assert "Part 2, exempt" in agenda.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert [agenda.item(r) for r in range(agenda.count()) if r != row] == others
    assert screen.attendance.tree.topLevelItem(0) is people
    stored = stored_meeting(gui_db, session.meeting.id).item(session.current_item_id)
    assert stored is not None and stored.part == 2 and stored.title.endswith("£2,400 scheme")

    window.registry["undo"].trigger()  # the part
    window.registry["undo"].trigger()  # the title
    assert "Part 2" not in agenda.item(row).text()
    assert not agenda.item(row).text().endswith("scheme")

    screen.go_item(1)  # the bold mark moves to the next row and leaves the last
    settle()
    assert agenda.item(row + 1).font().bold() and not agenda.item(row).font().bold()
    assert agenda.currentRow() == row + 1
    assert agenda.item(row + 1).data(Qt.ItemDataRole.AccessibleTextRole).endswith("current item")
    assert not agenda.item(row).data(Qt.ItemDataRole.AccessibleTextRole).endswith("current item")


def test_the_item_heading_saves_as_typed_with_one_undo_step_per_field_visit(
    qtbot, window: Any, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    """The heading's fields save like the block forms: after a pause or on leaving the
    field; each visit to a field is one undo step, and Enter ends one too."""
    screen = screen_of(window)
    session = screen.session
    window.activateWindow()
    header = screen.item_pane.header
    item_id = session.current_item_id
    title_before = session.current_item.title
    header.title.setFocus()
    settle()
    type_text(header.title, " (Øvergaard ward)")
    header.purpose.setFocus()  # leaving the title saves it at once, with no pause
    settle()
    stored = stored_meeting(gui_db, session.meeting.id).item(item_id)
    assert stored is not None and stored.title == title_before + " (Øvergaard ward)"
    type_text(header.purpose, "To agree the £12,000 budget")
    qtbot.wait(DEBOUNCE_MS + 150)  # a pause saves too
    stored = stored_meeting(gui_db, session.meeting.id).item(item_id)
    assert stored is not None and stored.purpose == "To agree the £12,000 budget"
    qtbot.keyClick(header.purpose, Qt.Key.Key_Return)
    type_text(header.purpose, " – 2027")
    header.title.setFocus()
    settle()
    assert session.current_item.purpose == "To agree the £12,000 budget – 2027"

    window.registry["undo"].trigger()  # the typing after Enter
    assert session.current_item.purpose == "To agree the £12,000 budget"
    window.registry["undo"].trigger()  # the first run in the purpose, as a whole
    assert session.current_item.purpose == ""
    window.registry["undo"].trigger()  # the title, as a whole
    assert session.current_item.title == title_before
    assert header.title.text() == title_before
    stored = stored_meeting(gui_db, session.meeting.id).item(item_id)
    assert stored is not None and (stored.title, stored.purpose) == (title_before, "")


def test_an_agenda_row_is_measured_once_and_again_when_its_words_or_width_change(
    qtbot, window: Any
) -> None:  # type: ignore[no-untyped-def]
    pane = screen_of(window).agenda
    agenda = pane.list
    delegate = agenda.delegate
    session = screen_of(window).session
    first = agenda.item(0).sizeHint()
    assert first.height() > 0  # every row carries its own height
    assert all(agenda.item(r).sizeHint().height() > 0 for r in range(agenda.count()))
    measured = len(delegate._sizes)
    delegate.size_rows()
    assert len(delegate._sizes) == measured  # asked again: not measured again
    item = session.meeting.items[0]
    item.title = item.title + " and" * 60
    pane.refresh_item(item.id)
    longer = agenda.item(0).sizeHint()
    assert longer.height() > first.height()  # the title now wraps over more lines
    agenda.resize(agenda.width() // 2, agenda.height())
    settle()
    assert agenda.item(0).sizeHint().height() > longer.height()
    assert agenda.visualItemRect(agenda.item(0)).height() == agenda.item(0).sizeHint().height()


def test_an_agenda_too_long_for_its_list_is_measured_once_at_the_width_beside_its_bar(
    qtbot, gui_services: Services, gui_body: Body
) -> None:  # type: ignore[no-untyped-def]
    """Forty items cannot fit: the scroll bar will show, so the rows are measured at the
    width it leaves them, once, not at the full width first and again when it shows."""
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs

    meeting = gui_services.create_meeting(
        gui_body.id,
        date(2026, 12, 8),
        agenda=[f"Application 26/{n:04d}/FUL – land at plot {n}" for n in range(40)],
        standard_items=False,
    )
    win = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(win)
    win.resize(900, 500)
    assert win.open_meeting(meeting.id, quiet=True) is not None
    win.show()
    qtbot.waitExposed(win)
    settle()
    agenda = screen_of(win).agenda.list
    bar = agenda.verticalScrollBar()
    assert bar.isVisible()
    widths = {key[2] for key in agenda.delegate._sizes}
    assert len(widths) == 1  # one width measured
    _number_width, width = agenda.delegate._widths()
    assert widths == {width}  # the width the rows have beside the bar
    for row in range(agenda.count()):
        assert agenda.visualItemRect(agenda.item(row)).height() == (
            agenda.item(row).sizeHint().height()
        )
    win.close()


def test_a_narrow_window_never_makes_the_clerk_scroll_sideways(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    """On a small laptop screen every kind of block still fits the pane: drop-down lists
    give up width (their text cut short, the open list showing it whole) and a long tally
    wraps, rather than the cards growing wider than the pane."""
    screen = screen_of(window)
    for kind in ("motion", "amendment", "points", "declaration", "action", "attendance"):
        screen.insert(kind)
        settle()
    screen.insert("public_participation")
    screen.insert("planning")
    settle()
    window.resize(1000, 700)
    settle()
    pane = screen.item_pane
    viewport = pane.scroll_area.maximumViewportSize().width() - (
        pane.scroll_area.verticalScrollBar().sizeHint().width()
    )
    assert pane.body.minimumSizeHint().width() <= viewport
    assert not pane.scroll_area.horizontalScrollBar().isVisible()
    motion = next(c for c in pane.card_list() if type(c.form).__name__ == "MotionForm")
    assert motion.form.vote_editor.tally.text().startswith("The outcome follows the vote")
