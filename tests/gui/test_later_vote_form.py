"""The form of a vote taken after debate: Insert → "Vote on a motion moved earlier" (Ctrl+
Alt+V) chooses the motion still waiting for its vote, the vote is typed and Ctrl+Enter
records it; every control is named and the form's keys are unambiguous."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from clerk_app.domain.model import Motion, MotionKind, Outcome, VoteKind, VoteTaken
from clerk_app.gui.meeting.forms import LaterVoteForm
from clerk_app.gui.meeting.forms.vote import AS_THE_VOTE_SAYS
from tests.gui.test_meeting_forms import saved
from tests.gui.test_record_forms import _mnemonic


def test_a_vote_on_a_motion_moved_earlier_is_recorded_by_keyboard(
    window: Any, qtbot: Any, gui_db: Path
) -> None:
    screen = window.screen_widget
    action = window.registry.actions()["insert_vote_later"]
    assert action.shortcut().toString() == "Ctrl+Alt+V"
    screen.insert("motion")
    motion_id = screen.item_pane.card_list()[-1].block_id
    screen.insert("amendment")
    amendment_id = screen.item_pane.card_list()[-1].block_id
    screen.insert("paragraph")  # the debate goes on
    action.trigger()
    card = screen.item_pane.card_list()[-1]
    form = card.form
    assert isinstance(form, LaterVoteForm)
    # the latest motion still waiting for its vote is chosen; both are offered
    assert form.motion.currentData() == amendment_id
    offered = [form.motion.itemData(i) for i in range(form.motion.count())]
    assert offered == [motion_id, amendment_id]
    assert form.motion.currentText().startswith("Amendment 2")

    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.COUNTS))
    editor.for_count.setValue(3)
    editor.against_count.setValue(5)
    assert editor.outcome.currentData() == AS_THE_VOTE_SAYS
    qtbot.keyClick(editor.against_count, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    vote = saved(gui_db, screen, card.block_id)
    assert isinstance(vote, VoteTaken) and vote.motion_id == amendment_id
    assert (vote.vote.for_count, vote.vote.against_count) == (3, 5)
    assert vote.outcome is Outcome.LOST
    amendment = saved(gui_db, screen, amendment_id)
    assert isinstance(amendment, Motion) and amendment.motion_kind is MotionKind.AMENDMENT
    assert amendment.outcome is Outcome.LOST and amendment.vote.kind is VoteKind.NONE

    controls = [
        w
        for cls in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)
        for w in form.findChildren(cls)
        if w.isVisibleTo(form) and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)
    ]
    assert [w for w in controls if not w.accessibleName().strip()] == []
    texts = [b.text() for b in form.findChildren(QAbstractButton) if b.isVisibleTo(form)]
    texts += [lab.text() for lab in form.findChildren(QLabel) if lab.buddy() is not None]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), letters

    # undo takes the vote away: the amendment is undecided again
    screen.session.undo_stack.undo()
    assert saved(gui_db, screen, amendment_id).outcome is Outcome.PENDING


def test_a_carried_amendment_shows_the_substantive_motion_it_became(
    window: Any, gui_db: Path
) -> None:
    screen = window.screen_widget
    screen.insert("motion")
    screen.insert("amendment")
    amendment_id = screen.item_pane.card_list()[-1].block_id
    window.registry.actions()["insert_vote_later"].trigger()
    form = screen.item_pane.card_list()[-1].form
    assert isinstance(form, LaterVoteForm)
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.UNANIMOUS))
    form.record()
    cards = screen.item_pane.card_list()
    made = screen.session.block(cards[-1].item_id, cards[-1].block_id)
    assert isinstance(made, Motion) and made.derived_from_id == amendment_id
    assert isinstance(saved(gui_db, screen, made.id), Motion)
    # the amendment's card no longer offers its own vote: the vote block holds it
    amendment_card = next(c for c in cards if c.block_id == amendment_id)
    assert not amendment_card.form.vote_editor.isVisibleTo(amendment_card.form)
