# ruff: noqa: F401, F811  (pytest fixtures imported from test_review_helpers)
"""Review mode: the chair reads the minutes as they will read and answers by keyboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from clerk_app.domain.review import ReviewDecision, TargetKind
from clerk_app.services.review import read_review_file
from tests.gui.test_review_helpers import (
    MILL_LANE_CLAUSES,
    NEW_TREE_CLAUSES,
    TREE_CLAUSE,
    Boxes,
    Minutes,
    answer_by_keyboard,
    boxes,
    ctrl,
    go_to,
    minutes,
    review_path,
    shot,
)


def test_chair_answers_by_keyboard_and_saves(
    answer_by_keyboard: Any, review_path: Path, minutes: Minutes
) -> None:
    window, ids = answer_by_keyboard(review_path)
    counts = window.counts_by_status()
    total = len(window.session.targets)
    assert counts == {
        "approved": 1,
        "queried": 1,
        "suggested": 1,
        "not yet reviewed": total - 3,
    }
    assert "1 approved · 1 queried · 1 suggested" in window.counts.text()
    assert window.isWindowModified()
    # the minutes view still reads as the clerk wrote them; the suggestion is boxed apart
    text = window.minutes.toPlainText()
    assert TREE_CLAUSE in text
    assert "Suggested wording" in text and NEW_TREE_CLAUSES[0] in text
    assert text.index(TREE_CLAUSE) < text.index(NEW_TREE_CLAUSES[0])
    assert window._items[ids["suggest"]].text(1).endswith("Suggested wording")
    assert window._items[ids["approve"]].text(1).endswith("Approved")
    shot(window, "review-window")

    ctrl(window.targets, Qt.Key.Key_S)
    assert not window.isWindowModified()
    saved = read_review_file(review_path)
    assert saved.reviewer == "Cllr Hartley"
    by_target = {r.target_id: r for r in saved.responses}
    assert by_target[ids["approve"]].decision is ReviewDecision.APPROVE
    assert by_target[ids["query"]].decision is ReviewDecision.QUERY
    assert "parking spaces" in by_target[ids["query"]].comment
    suggestion = by_target[ids["suggest"]]
    assert suggestion.decision is ReviewDecision.SUGGEST
    assert suggestion.suggested_clauses == NEW_TREE_CLAUSES
    assert all(r.reviewer == "Cllr Hartley" for r in saved.responses)
    # the minutes in the file are untouched
    tree = saved.meeting.find_block(ids["suggest"])
    assert tree is not None and tree[1].clauses == [TREE_CLAUSE]


def test_closing_with_unsaved_answers_asks_and_can_save(
    answer_by_keyboard: Any, review_path: Path, boxes: Boxes
) -> None:
    window, _ids = answer_by_keyboard(review_path)
    boxes.answer = QMessageBox.StandardButton.Save
    assert window.close()
    assert "Save your answers" in boxes.text()
    assert len(read_review_file(review_path).responses) == 3


def test_cancel_on_closing_keeps_the_window_and_discard_loses_nothing_saved(
    answer_by_keyboard: Any, review_path: Path, boxes: Boxes
) -> None:
    window, _ids = answer_by_keyboard(review_path)
    boxes.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    boxes.answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert read_review_file(review_path).responses == []  # nothing was saved


def test_a_query_needs_words_and_says_so_without_a_dialog(
    answer_by_keyboard: Any, review_path: Path, minutes: Minutes, boxes: Boxes
) -> None:
    window, _ids = answer_by_keyboard(review_path)
    go_to(window, minutes.item_id("Tree preservation"))
    ctrl(window.targets, Qt.Key.Key_2)
    ctrl(window.panel.comment, Qt.Key.Key_Return)  # nothing typed
    assert window.panel.composing
    assert "Type your query" in window.panel.problem.problem
    assert boxes.seen == []
    QTest.keyClick(window.panel.comment, Qt.Key.Key_Escape)
    assert not window.panel.composing


def test_a_half_written_suggestion_survives_moving_away(
    answer_by_keyboard: Any, review_path: Path, minutes: Minutes
) -> None:
    from tests.gui.conftest import type_text

    window, _ids = answer_by_keyboard(review_path)
    mill = minutes.motion_id("Mill Lane")
    go_to(window, mill)
    ctrl(window.targets, Qt.Key.Key_3)
    assert window.panel.text.toPlainText() == "\n".join(MILL_LANE_CLAUSES)
    type_text(window.panel.text, " Also: hedges")
    window.targets.setFocus()
    QTest.keyClick(window.targets, Qt.Key.Key_Down)
    assert not window.panel.composing
    window.select(mill)
    assert window.panel.composing
    assert window.panel.text.toPlainText().endswith("Also: hedges")


def test_item_suggestion_names_the_paragraph_and_withdraw_removes_it(
    answer_by_keyboard: Any, review_path: Path, minutes: Minutes
) -> None:
    from tests.gui.conftest import type_text

    window, _ids = answer_by_keyboard(review_path)
    tree_item = minutes.item_id("Tree preservation")
    go_to(window, tree_item)
    ctrl(window.targets, Qt.Key.Key_3)
    assert window.panel.text.toPlainText() == "Members discussed the oak at the entrance."
    ctrl(window.panel.text, Qt.Key.Key_A)
    type_text(window.panel.text, "Members discussed the veteran oak at the entrance.")
    ctrl(window.panel.text, Qt.Key.Key_Return)
    answer = window.session.response_for(tree_item, window.panel.block_choice.itemData(0))
    assert answer is not None and answer.block_id is not None
    assert window.counts_by_status()["suggested"] == 2
    ctrl(window.targets, Qt.Key.Key_0)
    assert not [r for r in window.session.responses if r.target_id == tree_item]
    assert window.counts_by_status()["suggested"] == 1


def test_f8_goes_to_the_next_not_yet_reviewed(
    answer_by_keyboard: Any, review_path: Path, minutes: Minutes
) -> None:
    window, ids = answer_by_keyboard(review_path)
    window.select(ids["query"])
    QTest.keyClick(window.targets, Qt.Key.Key_F8)
    current = window.current_target()
    assert current is not None
    assert window.status_of(current) is None
    assert current.id != ids["approve"]


def test_every_control_has_an_accessible_name(answer_by_keyboard: Any, review_path: Path) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextBrowser,
        QTreeWidget,
    )

    window, _ids = answer_by_keyboard(review_path)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTextBrowser, QTreeWidget)
    found = [w for kind in kinds for w in window.findChildren(kind)]
    unnamed = [w for w in found if not w.accessibleName() and not w.objectName().startswith("qt_")]
    assert len(found) >= 10
    assert not unnamed, [type(w).__name__ for w in unnamed]


def test_tampered_file_is_refused_with_a_clear_message(
    qtbot: Any, review_path: Path, boxes: Boxes
) -> None:
    from clerk_app.gui.review.window import open_review_window

    data = json.loads(review_path.read_text(encoding="utf-8"))
    data["meeting"]["items"][-1]["title"] = "Something else entirely"
    review_path.write_text(json.dumps(data), encoding="utf-8")
    assert open_review_window(review_path) is None
    assert "cannot be used" in boxes.text()
    assert "altered" in boxes.text()


def test_a_file_that_is_not_a_review_file_is_refused(
    qtbot: Any, tmp_path: Path, boxes: Boxes
) -> None:
    from clerk_app.gui.review.window import open_review_window

    path = tmp_path / "holiday.clerkreview"
    path.write_text("not json at all", encoding="utf-8")
    assert open_review_window(path) is None
    assert "not a Clerk review file" in boxes.text()


def test_approving_while_writing_a_query_keeps_the_words(
    answer_by_keyboard: Any, review_path: Path, minutes: Minutes
) -> None:
    from tests.gui.conftest import type_text

    window, _ids = answer_by_keyboard(review_path)
    item = minutes.item_id("Tree preservation")
    go_to(window, item)
    ctrl(window.targets, Qt.Key.Key_2)
    type_text(window.panel.comment, "Fine – thank you.")
    ctrl(window.panel.comment, Qt.Key.Key_1)
    answer = window.session.response_for(item)
    assert answer is not None and answer.decision is ReviewDecision.APPROVE
    assert answer.comment == "Fine – thank you."


def test_named_vote_tables_and_clause_numbers_in_the_minutes_view() -> None:
    from clerk_app.domain.document import Document, Para, Run, Style, Table
    from clerk_app.gui.review.minutes_html import document_html

    doc = Document(
        elements=[
            Para(Style.ITEM_HEADING, [Run("ALLOTMENTS")], label="PLA9/26", item_id="i"),
            Para(Style.CLAUSE_NUMBER, [Run("first")], restart=True, item_id="i", block_id="m"),
            Para(Style.CLAUSE_NUMBER, [Run("second")], item_id="i", block_id="m"),
            Table(["Member", "Vote"], [["Councillor Øvergaard", "For"]], item_id="i"),
            Para(Style.CLAUSE_NUMBER, [Run("again")], restart=True, item_id="i", block_id="m"),
        ]
    )
    html = document_html(doc, [], [], "#cccccc")
    assert "<a name='t-i'>" in html
    assert html.index(">1.<") < html.index("first") < html.index(">2.<") < html.index("second")
    assert "<th align='left'>Member</th>" in html and "Councillor Øvergaard" in html
    assert html.count(">1.<") == 2  # every resolution's clauses start again at 1
    assert "PLA9/26" in html and "<b>ALLOTMENTS</b>" in html


def test_help_lists_the_review_shortcuts(answer_by_keyboard: Any, review_path: Path) -> None:
    from clerk_app.gui.dialogs.shortcuts import ShortcutsDialog

    window, _ids = answer_by_keyboard(review_path)
    QTest.keyClick(window.targets, Qt.Key.Key_F1)
    dialogs = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    assert dialogs
    model = dialogs[0].model
    rows = {model.item(r, 0).text(): model.item(r, 1).text() for r in range(model.rowCount())}
    assert rows["Approve"] == "Ctrl+1" and rows["Suggest wording"] == "Ctrl+3"
    assert rows["Save answers"] == "Ctrl+S"
    dialogs[0].close()


def test_the_chairs_name_is_remembered_for_the_next_review_file(
    qtbot: Any, minutes: Minutes, tmp_path: Path
) -> None:
    from clerk_app.gui.prefs import Prefs
    from clerk_app.gui.review.window import ReviewWindow
    from clerk_app.services.review import open_review_file

    prefs = Prefs.open(tmp_path / "chair-settings")
    first = minutes.services.export_review_file(minutes.meeting, tmp_path / "one.clerkreview")
    window = ReviewWindow(open_review_file(first), prefs)
    qtbot.addWidget(window)
    assert window.reviewer.text() == ""
    window.reviewer.setFocus()
    QTest.keyClicks(window.reviewer, "Cllr Øvergaard")
    assert window.save()
    window.close()
    prefs.sync()

    again = Prefs.open(tmp_path / "chair-settings")  # another day, another file
    second = minutes.services.export_review_file(minutes.meeting, tmp_path / "two.clerkreview")
    window = ReviewWindow(open_review_file(second), again)
    qtbot.addWidget(window)
    assert window.reviewer.text() == "Cllr Øvergaard"
    assert window.session.reviewer == "Cllr Øvergaard"
    window.close()
