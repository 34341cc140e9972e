# ruff: noqa: F401, F811  (pytest fixtures imported from test_review_helpers)
"""The clerk's side: import the chair's answers, accept or reject suggestions, the audit
trail, approval of the previous minutes, officers' drafts and the review exports."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from clerk_app.domain.model import Motion, Paragraph
from clerk_app.domain.review import ResponseStatus, ReviewDecision
from clerk_app.services import Services
from clerk_app.services.review import read_review_file
from tests.gui.conftest import reopened
from tests.gui.test_review_helpers import (
    NEW_TREE_CLAUSES,
    TREE_CLAUSE,
    Boxes,
    Minutes,
    answer_by_keyboard,
    boxes,
    ctrl,
    minutes,
    review_path,
    shot,
)


@pytest.fixture
def answered(answer_by_keyboard: Any, review_path: Path) -> Path:
    """The review file as the chair sends it back, answered by keyboard and saved."""
    window, _ids = answer_by_keyboard(review_path)
    ctrl(window.targets, Qt.Key.Key_S)
    assert not window.session.modified
    return review_path


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def open_name(parent: Any, title: str, folder: str, filt: str) -> tuple[str, str]:
        asked.append(filt)
        return str(path), filt

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(path)))
    return asked


def test_import_with_dialog_then_again_changes_nothing(
    answered: Path, minutes: Minutes, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.gui.prefs import Prefs
    from clerk_app.gui.review.clerk_side import import_review_with_dialog

    prefs = Prefs.in_memory()
    asked = _choose_file(monkeypatch, answered)
    report = import_review_with_dialog(None, minutes.services, prefs)
    assert report is not None and len(report.added) == 3
    assert asked == ["Clerk review file (*.clerkreview)"]
    assert "3 new response(s) from Cllr Hartley" in boxes.text()
    assert "Accept or reject each suggestion" in boxes.text()
    assert prefs.get("export/last_folder") == str(answered.parent)
    again = minutes.services.import_review(answered)
    assert again.added == [] and again.already_imported == 3
    import_review_with_dialog(None, minutes.services, prefs)
    assert "nothing has changed" in boxes.seen[-1]["text"]
    assert len(minutes.services.responses(minutes.meeting.id)) == 3


def test_responses_dialog_accepts_the_suggestion_into_the_minutes(
    qtbot: Any, answered: Path, minutes: Minutes, gui_db: Path
) -> None:
    from clerk_app.gui.review.responses import ResponsesDialog

    svc = minutes.services
    svc.import_review(answered)
    meeting = svc.get_meeting(minutes.meeting.id)
    dialog = ResponsesDialog(svc, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.list.topLevelItemCount() == 3
    tree = minutes.motion_id("Tree preservation")
    suggestion = next(r for r in dialog.responses if r.target_id == tree)
    dialog.select(suggestion.id)
    assert TREE_CLAUSE in dialog.current.toPlainText()
    assert NEW_TREE_CLAUSES[0] in dialog.suggested.toPlainText()
    assert dialog.accept_button.isEnabled()
    shot(dialog, "responses-dialog")
    dialog.list.setFocus()
    QTest.keyClick(dialog.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.current_response().status is ResponseStatus.ACCEPTED
    assert not dialog.accept_button.isEnabled()
    assert NEW_TREE_CLAUSES[1] in dialog.current.toPlainText()  # refreshed
    found = meeting.find_block(tree)  # the window's copy changed in place
    assert found is not None and found[1].clauses == NEW_TREE_CLAUSES
    shot(dialog, "responses-dialog-accepted")
    dialog.close()

    with reopened(gui_db) as store:
        again = Services(store)
        stored = again.get_meeting(minutes.meeting.id).find_block(tree)
        assert stored is not None and isinstance(stored[1], Motion)
        assert stored[1].clauses == NEW_TREE_CLAUSES
        trail = again.audit(minutes.meeting.id)
        changed = [e for e in trail if "Cllr Hartley" in e.source]
        assert changed, [(e.what, e.source) for e in trail]
        assert any(TREE_CLAUSE in e.before and NEW_TREE_CLAUSES[0] in e.after for e in changed)
        assert [r.status for r in again.responses(minutes.meeting.id) if r.target_id == tree] == [
            ResponseStatus.ACCEPTED
        ]


def test_rejecting_asks_for_a_reason_and_keeps_the_wording(
    qtbot: Any, answered: Path, minutes: Minutes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.gui.review import responses as mod

    svc = minutes.services
    svc.import_review(answered)
    dialog = mod.ResponsesDialog(svc, svc.get_meeting(minutes.meeting.id))
    qtbot.addWidget(dialog)
    dialog.show()
    tree = minutes.motion_id("Tree preservation")
    dialog.select(next(r.id for r in dialog.responses if r.target_id == tree))
    monkeypatch.setattr(mod, "ask_reason", lambda parent: "   ")
    assert not dialog.reject_current()
    assert "reason" in dialog.message.problem
    monkeypatch.setattr(mod, "ask_reason", lambda parent: "The order was confirmed as made.")
    assert dialog.reject_current()
    r = dialog.current_response()
    assert r.status is ResponseStatus.REJECTED and r.reason.startswith("The order")
    assert "Rejected because" in dialog.comment.text()
    stored = svc.get_meeting(minutes.meeting.id).find_block(tree)
    assert stored is not None and stored[1].clauses == [TREE_CLAUSE]
    # a query cannot be accepted or rejected
    dialog.select(next(r.id for r in dialog.responses if r.decision is ReviewDecision.QUERY))
    assert not dialog.accept_button.isEnabled() and not dialog.accept_current()


def test_tampered_review_file_is_refused_on_import(
    answered: Path, minutes: Minutes, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.gui.review.clerk_side import import_review_with_dialog

    data = json.loads(answered.read_text(encoding="utf-8"))
    data["responses"][0]["comment"] = "Slipped in later"
    answered.write_text(json.dumps(data), encoding="utf-8")
    _choose_file(monkeypatch, answered)
    assert import_review_with_dialog(None, minutes.services, None) is None
    assert "cannot be used" in boxes.text() and "altered" in boxes.text()
    assert minutes.services.responses(minutes.meeting.id) == []


def test_export_review_with_dialog_writes_a_file_the_chair_can_open(
    minutes: Minutes, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.gui.review.clerk_side import export_review_with_dialog

    _choose_file(monkeypatch, tmp_path / "for the chair")
    written = export_review_with_dialog(None, minutes.services, minutes.meeting, None)
    assert written == tmp_path / "for the chair.clerkreview"
    assert read_review_file(written).meeting_id == minutes.meeting.id
    assert "audit trail" in boxes.text()


def test_word_review_copy_and_its_comments(
    minutes: Minutes, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.gui.review.clerk_side import (
        export_word_review_with_dialog,
        import_word_comments_with_dialog,
    )

    _choose_file(monkeypatch, tmp_path / "chair copy.docx")
    path = export_word_review_with_dialog(None, minutes.services, minutes.meeting, None)
    assert path is not None and path.is_file()
    word = docx.Document(str(path))
    oak = next(p for p in word.paragraphs if "oak at the entrance" in p.text)
    word.add_comment(oak.runs, "Which oak – the one by the gate?", "Rosalind Hartley", "RH")
    word.add_comment(word.paragraphs[0].runs, "Lovely layout.", "Rosalind Hartley", "RH")
    word.save(str(path))
    report = import_word_comments_with_dialog(None, minutes.services, minutes.meeting, None)
    assert report is not None and len(report.added) == 1 and len(report.unplaced) == 1
    shown = boxes.seen[-1]
    assert "Which oak" in shown["informative"] and "Could not be placed" in shown["informative"]
    assert "Lovely layout" in shown["informative"]


def test_audit_dialog_lists_the_changes(qtbot: Any, minutes: Minutes, review_path: Path) -> None:
    from clerk_app.gui.review.audit_dialog import AuditDialog

    svc = minutes.services
    meeting = svc.get_meeting(minutes.meeting.id)
    item = minutes.item_id("Tree preservation")
    svc.add_block(meeting, item, Paragraph(text="A late note on the hedge."))
    dialog = AuditDialog(svc, meeting)
    qtbot.addWidget(dialog)
    texts = [
        " ".join(dialog.table.item(r, c).text() for c in range(5))
        for r in range(dialog.table.rowCount())
    ]
    assert any("circulated" in t for t in texts)
    assert any("A late note on the hedge." in t and "edited in Clerk" in t for t in texts)
    shot(dialog, "audit-dialog")


def test_approve_dialog_locks_the_earlier_minutes(
    qtbot: Any, minutes: Minutes, gui_db: Path
) -> None:
    from clerk_app.gui.review.approve_dialog import ApproveMinutesDialog

    svc = minutes.services
    later = svc.create_meeting(
        minutes.body.id, date(2026, 11, 10), venue="Council Chamber", start_time=time(18, 30)
    )
    dialog = ApproveMinutesDialog(svc, later)
    qtbot.addWidget(dialog)
    assert dialog.previous.currentData() == minutes.meeting.id
    assert "Minutes of the previous" in dialog.item.currentText()
    dialog.show()
    from PySide6.QtWidgets import QLabel

    assert any("locked" in label.text() for label in dialog.findChildren(QLabel))
    shot(dialog, "approve-dialog")
    dialog.signed_by.setText("")
    dialog.approve()
    assert "signed" in dialog.message.problem.lower()
    dialog.signed_by.setText("Councillor Mrs Hartley")
    dialog.corrections.setPlainText("Minute PLA7/26: “oak” to read “veteran oak”")
    dialog.approve()
    assert dialog.result() == dialog.DialogCode.Accepted
    with reopened(gui_db) as store:
        earlier = Services(store).get_meeting(minutes.meeting.id)
        assert earlier.locked
        assert earlier.approval is not None and earlier.approval.signed_by.endswith("Hartley")


def test_officers_drafts_decision_sheet_and_action_log(
    minutes: Minutes, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.gui.prefs import Prefs
    from clerk_app.gui.review.officers import (
        action_log_with_dialog,
        decision_sheet_with_dialog,
        officer_drafts_with_dialog,
    )

    prefs = Prefs.in_memory()
    folder = tmp_path / "drafts"
    folder.mkdir()
    _choose_file(monkeypatch, folder)
    written = officer_drafts_with_dialog(None, minutes.services, minutes.meeting, prefs)
    assert written and all(p.parent == folder for p in written)
    text = "\n".join(p.text for p in docx.Document(str(written[0])).paragraphs)
    assert "Mill Lane" in text.title() and "accuracy check" in text
    assert prefs.get("export/last_folder") == str(folder)
    assert "1 draft minute(s)" in boxes.text()

    _choose_file(monkeypatch, tmp_path / "decisions")
    sheet = decision_sheet_with_dialog(None, minutes.services, minutes.meeting, prefs)
    assert sheet == tmp_path / "decisions.docx"
    sheet_text = "\n".join(p.text for p in docx.Document(str(sheet)).paragraphs)
    assert "subject to the approval" in sheet_text and TREE_CLAUSE in sheet_text

    _choose_file(monkeypatch, tmp_path / "actions.docx")
    log = action_log_with_dialog(None, minutes.services, minutes.meeting, prefs)
    assert log is not None
    cells = [c.text for t in docx.Document(str(log)).tables for row in t.rows for c in row.cells]
    assert "Serve the confirmed order" in cells
