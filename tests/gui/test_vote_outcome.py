"""The outcome follows the counts until the clerk sets it by hand, through the vote form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from clerk_app.domain.model import Motion, Outcome, VoteKind
from clerk_app.gui.meeting.forms import MotionForm
from tests.gui.test_meeting_forms import new_card, saved


def _record(qtbot: Any, form: MotionForm) -> None:
    """Ctrl+Enter in the For count, as the clerk records the vote."""
    spin = form.vote_editor.for_count
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _counts(form: MotionForm, for_: int, against: int) -> None:
    editor = form.vote_editor
    editor.kind.setCurrentIndex(editor.kind.findData(VoteKind.COUNTS))
    editor.for_count.setValue(for_)
    editor.against_count.setValue(against)


def test_the_outcome_follows_the_counts_when_they_change(
    window: Any, qtbot: Any, gui_db: Path
) -> None:
    screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    _counts(form, 0, 1)
    _record(qtbot, form)
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, Motion) and block.outcome is Outcome.LOST
    assert not block.outcome_by_hand
    form.vote_editor.for_count.setValue(5)
    _record(qtbot, form)
    block = saved(gui_db, screen, card.block_id)
    assert block.outcome is Outcome.CARRIED and block.vote.for_count == 5


def test_an_outcome_chosen_with_the_arrow_keys_is_saved_and_kept(
    window: Any, qtbot: Any, gui_db: Path
) -> None:
    screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    _counts(form, 5, 1)
    outcome = form.vote_editor.outcome
    outcome.setFocus()
    start = outcome.currentIndex()
    while outcome.currentData() != Outcome.WITHDRAWN:
        qtbot.keyClick(outcome, Qt.Key.Key_Down)
        assert outcome.currentIndex() != start or outcome.count() == 1
    block = saved(gui_db, screen, card.block_id)
    assert block.outcome is Outcome.WITHDRAWN and block.outcome_by_hand
    # set by hand, it no longer follows the counts
    form.vote_editor.against_count.setValue(0)
    _record(qtbot, form)
    block = saved(gui_db, screen, card.block_id)
    assert block.outcome is Outcome.WITHDRAWN


def test_the_motion_form_keys_are_unambiguous_in_every_vote(window: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from clerk_app.domain.model import MotionKind
    from clerk_app.gui.actions import MENUS
    from clerk_app.gui.keys import mnemonic_target
    from tests.gui.test_record_forms import _mnemonic

    _screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    menu = {_mnemonic(title) for _key, title in MENUS}
    for kind in (VoteKind.NONE, VoteKind.COUNTS, VoteKind.NAMED, VoteKind.CASTING):
        for motion_kind in (MotionKind.SUBSTANTIVE, MotionKind.AMENDMENT):
            form.kind.setCurrentIndex(form.kind.findData(motion_kind))
            editor = form.vote_editor
            editor.kind.setCurrentIndex(editor.kind.findData(kind))
            texts = [b.text() for b in form.findChildren(QAbstractButton) if b.isVisibleTo(form)]
            texts += [
                lab.text()
                for lab in form.findChildren(QLabel)
                if lab.buddy() is not None and lab.isVisibleTo(form)
            ]
            letters = [m for m in map(_mnemonic, texts) if m]
            assert len(letters) == len(set(letters)), (kind, motion_kind, letters)
            # a letter the menu bar also uses goes to the form while the cursor is in it
            for letter in set(letters) & menu:
                assert mnemonic_target(form, letter) is not None, (kind, letter)


def test_an_office_holder_typed_as_mover(window: Any, gui_db: Path) -> None:
    from tests.gui.conftest import type_text

    screen, card = new_card(window, "motion")
    form = card.form
    assert isinstance(form, MotionForm)
    type_text(form.mover, "the Mayor")
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert (block.mover_id, block.mover_text) == (None, "the Mayor")
