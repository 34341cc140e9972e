"""Block forms: what the clerk types becomes the record, and bad input is kept, not lost."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Body,
    ChangeKind,
    Declaration,
    Motion,
    Note,
    NoteKind,
    Outcome,
    VoteChoice,
    VoteKind,
)
from clerk_app.gui.meeting.card import BlockCard
from clerk_app.gui.meeting.forms import (
    ActionForm,
    AttendanceChangeForm,
    DeclarationForm,
    MotionForm,
    NoteForm,
)
from clerk_app.gui.meeting.screen import MeetingScreen
from tests.gui.conftest import pid, reopened, type_text


def new_card(window: Any, kind: str) -> tuple[MeetingScreen, BlockCard]:
    screen = window.screen_widget
    screen.insert(kind)
    return screen, screen.item_pane.card_list()[-1]


def saved(db: Path, screen: MeetingScreen, block_id: str) -> Any:
    store = reopened(db)
    try:
        found = store.get_meeting(screen.session.meeting.id).find_block(block_id)
    finally:
        store.close()
    assert found is not None
    return found[1]


def test_attendance_change_by_typing(window: Any, gui_body: Body, gui_db: Path) -> None:
    screen, card = new_card(window, "attendance")
    form = card.form
    assert isinstance(form, AttendanceChangeForm)
    assert form.at.time() is not None  # the clock fills in the time
    form.at.setText("")
    type_text(form.at, "1428")
    form.at.commit()
    type_text(form.person, "Øverg")
    form.person.commit()
    form.change.setCurrentIndex(form.change.findData(ChangeKind.RETURNED))
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, AttendanceChange)
    assert block.at == time(14, 28)
    assert block.person_id == pid(gui_body, "Øvergaard")
    assert block.change is ChangeKind.RETURNED
    assert "2.28 pm" in card.preview_text() and "Øvergaard" in card.preview_text()


def test_a_time_the_clerk_mistyped_is_kept_on_screen(window: Any, gui_db: Path) -> None:
    screen, card = new_card(window, "attendance")
    form = card.form
    assert isinstance(form, AttendanceChangeForm)
    before = form.at.time()
    form.at.setText("")
    type_text(form.at, "25.61")
    form.at.commit()
    assert form.at.text() == "25.61" and form.at.error()
    assert saved(gui_db, screen, card.block_id).at == before


def test_declaration_offers_the_bodys_interest_types(
    window: Any, gui_body: Body, gui_db: Path
) -> None:
    screen, card = new_card(window, "declaration")
    form = card.form
    assert isinstance(form, DeclarationForm)
    types = [form.kind.itemText(i) for i in range(form.kind.count())]
    assert types == [*gui_body.settings.interest_types, "an interest (no type given)"]
    form.person.setPersonId(pid(gui_body, "Asante"))
    form.chosen()
    form.kind.setCurrentIndex(1)
    type_text(form.reason, "as a governor of Mill Lane Primary – unpaid")
    form.conduct.setCurrentIndex(1)  # left the room
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, Declaration)
    assert block.interest_type == types[1]
    assert block.reason == "as a governor of Mill Lane Primary – unpaid"
    assert block.left_room
    assert pid(gui_body, "Asante") in screen.attendance.people_in("left")  # out of the room


def test_action_owner_as_a_post_and_a_due_date(window: Any, gui_db: Path) -> None:
    screen, card = new_card(window, "action")
    form = card.form
    assert isinstance(form, ActionForm)
    type_text(form.owner, "the Head of Planning")
    form.owner.commit()
    type_text(form.what, "Write to the applicant about the £2,400 contribution")
    type_text(form.due, "31/1/2027")
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, Action)
    assert block.owner == "the Head of Planning" and block.owner_id is None
    assert block.due == date(2027, 1, 31)
    form.due.setText("")
    type_text(form.due, "31st Febuary")
    form.flush()
    assert form.due.text() == "31st Febuary"  # kept as typed …
    assert form.due.accessibleDescription()  # … with the reason it was not taken
    assert saved(gui_db, screen, card.block_id).due == date(2027, 1, 31)


def test_adjourned_note_with_time(window: Any, gui_db: Path) -> None:
    screen, card = new_card(window, "adjourned")
    form = card.form
    assert isinstance(form, NoteForm)
    assert form.kind.currentData() == NoteKind.ADJOURNED
    type_text(form.text_edit, "for a comfort break")
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, Note) and block.note_kind is NoteKind.ADJOURNED
    assert block.at is not None and block.text == "for a comfort break"


def test_named_vote_lists_those_with_a_vote_a_reserve_only_as_a_substitute(
    window: Any, gui_services: Any, gui_body: Body, gui_meeting: Any
) -> None:
    from clerk_app.domain.model import AttendanceStatus, Person, Role

    gui_body.people.append(Person("Ada", "Quartey", role=Role.RESERVE))
    body = gui_services.save_body(gui_body)
    reserve, moss = pid(body, "Quartey"), pid(body, "Moss")
    meeting = gui_services.get_meeting(gui_meeting.id)
    gui_services.set_attendance(meeting, reserve, AttendanceStatus.PRESENT)

    def named_vote_names() -> list[str]:
        window.open_meeting(gui_meeting.id, quiet=True)
        _screen, card = new_card(window, "motion")
        named = card.form.vote_editor.named_list
        return [named.topLevelItem(i).text(0) for i in range(named.topLevelItemCount())]

    names = named_vote_names()
    assert len(names) == 6 and not any("Quartey" in n for n in names)  # a reserve, no vote

    meeting = gui_services.get_meeting(gui_meeting.id)
    gui_services.set_attendance(meeting, reserve, AttendanceStatus.SUBSTITUTE, substitute_for=moss)
    gui_services.set_attendance(meeting, moss, AttendanceStatus.APOLOGIES)
    names = named_vote_names()
    assert any("Quartey" in n for n in names) and not any("Moss" in n for n in names)


def test_casting_vote_and_named_vote_tally(window: Any, gui_body: Body, gui_db: Path) -> None:
    screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.CASTING))
    editor.for_count.setValue(3)
    editor.against_count.setValue(3)
    assert editor.casting_person.currentData() == pid(gui_body, "Hartley")  # the chair
    editor.casting_choice.setCurrentIndex(editor.casting_choice.findData(VoteChoice.AGAINST))
    assert editor.suggested_outcome() is Outcome.LOST
    form.record_vote()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, Motion)
    assert block.vote.kind is VoteKind.CASTING and block.outcome is Outcome.LOST
    assert block.vote.casting_choice is VoteChoice.AGAINST

    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.NAMED))
    editor.outcome.setCurrentIndex(0)  # as the vote says
    editor.all_for.click()
    named = editor.named_list
    named.setCurrentItem(named.topLevelItem(0))
    type_text(named, "a")
    assert editor.vote().for_count == 5 and editor.vote().against_count == 1
    assert "the outcome follows the vote: carried" in editor.tally.text()


def test_ctrl_enter_records_the_vote(qtbot, window: Any, gui_db: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    with qtbot.waitActive(window):
        window.activateWindow()
    screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    window.registry["insert_vote"].trigger()  # Ctrl+Shift+R: to the vote
    editor = form.vote_editor
    assert editor.kind.hasFocus()
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.UNANIMOUS))
    qtbot.keyClick(editor.kind, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    block = saved(gui_db, screen, card.block_id)
    assert block.vote.kind is VoteKind.UNANIMOUS and block.outcome is Outcome.CARRIED


def test_the_motion_form_shows_its_resolution_number(window: Any, gui_db: Path) -> None:
    screen = window.screen_widget
    svc = screen.session.svc
    body = svc.store.get_body(screen.session.meeting.body_id)
    body.settings.resolution_pattern = "R{yyyy}-{n:03}"
    svc.save_body(body)
    screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    assert not form.form.isRowVisible(form.resolution)  # none until the motion is carried
    type_text(form.clauses, "the verges be cut in May")
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.UNANIMOUS))
    form.record_vote()
    year = screen.session.meeting.date.year
    assert saved(gui_db, screen, card.block_id).resolution_number == f"R{year}-001"
    assert form.resolution.text() == f"R{year}-001"
    assert form.form.isRowVisible(form.resolution)
