"""Checks shown under the block they are about, as the clerk works: never a dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from clerk_app.domain.model import AttendanceStatus, Body, ChangeKind, VoteKind
from clerk_app.gui.meeting.card import BlockCard
from clerk_app.gui.meeting.forms import DeclarationForm, MotionForm
from clerk_app.gui.meeting.screen import MeetingScreen
from clerk_app.gui.undo import SetAttendanceCommand
from tests.gui.conftest import pid


def screen_of(window: Any) -> MeetingScreen:
    assert window.screen_widget is not None
    return window.screen_widget


def new_card(screen: MeetingScreen, kind: str) -> BlockCard:
    screen.insert(kind)
    return screen.item_pane.card_list()[-1]


def checks_under(screen: MeetingScreen, card: BlockCard) -> list[str]:
    screen.item_pane.refresh_checks()  # what the short timer after each edit does
    assert QApplication.activeModalWidget() is None  # never a dialog
    return card.issues.messages()


def move(card: BlockCard, mover: str, seconder: str) -> None:
    form = card.form
    assert isinstance(form, MotionForm)
    form.mover.setPersonId(mover)
    form.seconder.setPersonId(seconder)
    form.chosen()


def vote(card: BlockCard, kind: VoteKind, for_count: int = 0, against: int = 0) -> None:
    form = card.form
    assert isinstance(form, MotionForm)
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(kind))
    editor.for_count.setValue(for_count)
    editor.against_count.setValue(against)
    form.record_vote()


def leaves(screen: MeetingScreen, person_id: str) -> None:
    screen.attendance.select_person(person_id)
    screen.record_change(ChangeKind.LEFT)


def test_a_count_larger_than_the_members_present(window: Any, gui_body: Body) -> None:
    screen = screen_of(window)
    card = new_card(screen, "motion")
    move(card, pid(gui_body, "Russell"), pid(gui_body, "Pike"))
    assert checks_under(screen, card) == []
    vote(card, VoteKind.COUNTS, for_count=7, against=2)
    messages = checks_under(screen, card)
    assert any("9 votes recorded but only 6 voting members" in m for m in messages), messages
    assert card.issues.isVisibleTo(screen)
    assert "9 votes recorded" in card.issues.accessibleDescription()
    vote(card, VoteKind.COUNTS, for_count=4, against=2)  # corrected: the warning goes
    assert checks_under(screen, card) == []
    assert not card.issues.isVisibleTo(screen)


def test_a_mover_who_has_left(window: Any, gui_body: Body) -> None:
    screen = screen_of(window)
    leaves(screen, pid(gui_body, "Pike"))
    card = new_card(screen, "motion")
    move(card, pid(gui_body, "Pike"), pid(gui_body, "Russell"))
    messages = checks_under(screen, card)
    assert any("the mover" in m and "Pike" in m for m in messages), messages


def test_a_vote_while_inquorate(window: Any, gui_body: Body) -> None:
    screen = screen_of(window)
    for name in ("Pike", "Moss", "Asante"):
        leaves(screen, pid(gui_body, name))
    departure = screen.item_pane.card_list()[-1]
    assert any("inquorate" in m for m in checks_under(screen, departure))
    card = new_card(screen, "motion")
    move(card, pid(gui_body, "Russell"), pid(gui_body, "Hartley"))
    vote(card, VoteKind.UNANIMOUS)
    messages = checks_under(screen, card)
    assert any("taken while the meeting was inquorate" in m for m in messages), messages


def test_a_declaration_by_someone_not_present(window: Any, gui_body: Body) -> None:
    screen = screen_of(window)
    session = screen.session
    moss = pid(gui_body, "Moss")
    session.push(SetAttendanceCommand(session, moss, AttendanceStatus.APOLOGIES))
    card = new_card(screen, "declaration")
    form = card.form
    assert isinstance(form, DeclarationForm)
    form.person.setPersonId(moss)
    form.chosen()
    messages = checks_under(screen, card)
    assert any("declared an interest but" in m and "Moss" in m for m in messages), messages
    assert moss in screen.attendance.people_in("apologies")
    session.push(SetAttendanceCommand(session, moss, AttendanceStatus.PRESENT))
    assert checks_under(screen, card) == []  # present after all: the warning goes
    assert moss in screen.attendance.people_in("present")
