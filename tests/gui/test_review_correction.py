"""Recording a correction to approved minutes from the clerk's window."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from clerk_app.domain.model import (
    AttendanceChange,
    Body,
    ChangeKind,
    ItemKind,
    Meeting,
    Motion,
    Outcome,
    Paragraph,
    Points,
    Vote,
    VoteKind,
)
from clerk_app.gui.review import RecordCorrectionDialog
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError
from tests.gui.conftest import pid, reopened, settle, type_text

WATER = "Members noted that the site lies next to the River Harrow flood zone."


def _minuted(svc: Services, body: Body, meeting: Meeting) -> str:
    """Minutes of the Mill Lane item: a paragraph, an arrival, points and a resolution."""
    item = next(it for it in meeting.items if it.title.startswith("Land at Mill Lane"))
    svc.add_block(meeting, item.id, Paragraph(text=WATER))
    svc.add_block(
        meeting,
        item.id,
        AttendanceChange(person_id=pid(body, "Pike"), change=ChangeKind.ARRIVED, at=time(18, 40)),
    )
    svc.add_block(
        meeting,
        item.id,
        Points(intro="Members raised:", points=["access for lorries", "the loss of hedgerow"]),
    )
    motion = svc.move_motion(
        meeting,
        item.id,
        mover_id=pid(body, "Russell"),
        seconder_id=pid(body, "Asante"),
        clauses=["planning permission be granted subject to the conditions in the report."],
    )
    svc.record_vote(meeting, item.id, motion.id, Vote(kind=VoteKind.UNANIMOUS), Outcome.CARRIED)
    svc.end_meeting(meeting, time(20, 5))
    return item.id


@pytest.fixture
def approved(gui_services: Services, gui_body: Body, gui_meeting: Meeting) -> tuple[Meeting, str]:
    svc = gui_services
    item_id = _minuted(svc, gui_body, gui_meeting)
    later = svc.create_meeting(gui_body.id, date(2026, 12, 15), start_time=time(18, 30))
    minutes = next(it for it in later.items if it.kind is ItemKind.PREVIOUS_MINUTES)
    svc.approve_previous_minutes(later, minutes.id, gui_meeting.id, "Councillor Mrs Hartley")
    return svc.get_meeting(gui_meeting.id), item_id


def _dialog(qtbot: Any, svc: Services, meeting: Meeting) -> RecordCorrectionDialog:
    dialog = RecordCorrectionDialog(svc, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _mnemonic(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)
    settle()


def _row(dialog: RecordCorrectionDialog, starts: str) -> int:
    return next(
        r for r in range(dialog.parts.count()) if dialog.parts.item(r).text().startswith(starts)
    )


def test_a_correction_is_recorded_by_keyboard(
    qtbot: Any, gui_services: Services, approved: tuple[Meeting, str], gui_db: Path
) -> None:
    meeting, item_id = approved
    dialog = _dialog(qtbot, gui_services, meeting)
    # the item: by its mnemonic and the arrow keys
    _mnemonic(dialog, Qt.Key.Key_I)
    assert QApplication.focusWidget() is dialog.item
    while dialog.item.currentData() != item_id:
        QTest.keyClick(dialog.item, Qt.Key.Key_Down)
    rows = [dialog.parts.item(r).text() for r in range(dialog.parts.count())]
    assert rows[0].startswith("Title: Land at Mill Lane")
    assert rows[1] == f"1. Paragraph: {WATER}"
    assert rows[2] == "2. Arrival or departure (no wording to correct)"
    assert "3. Point 2: the loss of hedgerow" in rows
    assert dialog.wording.toPlainText() == WATER  # the first wording, ready to correct
    assert "flood zone" in dialog.reads.text()
    # the second point of the list
    _mnemonic(dialog, Qt.Key.Key_P)
    assert QApplication.focusWidget() is dialog.parts
    QTest.keyClick(dialog.parts, Qt.Key.Key_Down)  # skips the arrival: it has no wording
    assert (
        dialog.current_part() is not None
        and dialog.current_part().label == "3. Points, opening words"
    )  # type: ignore[union-attr]
    while dialog.parts.currentRow() != _row(dialog, "3. Point 2"):
        QTest.keyClick(dialog.parts, Qt.Key.Key_Down)
    assert dialog.wording.toPlainText() == "the loss of hedgerow"
    assert "access for lorries" in dialog.reads.text()  # the list as it reads now
    _mnemonic(dialog, Qt.Key.Key_W)
    assert QApplication.focusWidget() is dialog.wording
    dialog.wording.selectAll()
    type_text(dialog.wording, "the loss of 40 metres of hedgerow")
    _mnemonic(dialog, Qt.Key.Key_S)
    assert QApplication.focusWidget() is dialog.reason
    type_text(dialog.reason, "Length given by the Head of Planning")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with reopened(gui_db) as store:
        svc = Services(store)
        saved = svc.get_meeting(meeting.id)
        assert saved.locked
        item = saved.item(item_id)
        assert item is not None and isinstance(item.blocks[2], Points)
        assert item.blocks[2].points == ["access for lorries", "the loss of 40 metres of hedgerow"]
        trail = svc.audit(meeting.id)
        assert [e.after for e in trail if e.what == "Correction recorded"] == [
            "Length given by the Head of Planning"
        ]
        assert any("40 metres" in e.after and "hedgerow" in e.before for e in trail)


def test_wording_typed_for_several_parts_is_kept_and_recorded_together(
    qtbot: Any, gui_services: Services, approved: tuple[Meeting, str], gui_db: Path
) -> None:
    meeting, item_id = approved
    dialog = _dialog(qtbot, gui_services, meeting)
    dialog.item.setCurrentIndex(dialog.item.findData(item_id))
    dialog.parts.setCurrentRow(0)
    dialog.wording.setPlainText("Land at Mill Lane, Harrowfield – erection of 24 dwellings")
    dialog.parts.setCurrentRow(_row(dialog, "4. Motion, clause 1"))
    dialog.wording.setPlainText("planning permission be granted subject to conditions 1 to 9.")
    assert "(corrected)" in dialog.parts.item(0).text()
    assert "2 parts" in dialog.summary.text()
    dialog.parts.setCurrentRow(0)  # back to the title: what was typed is still there
    assert dialog.wording.toPlainText().startswith("Land at Mill Lane, Harrowfield")
    dialog.reason.setText("Wording checked against the decision notice")
    dialog.record()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with reopened(gui_db) as store:
        svc = Services(store)
        item = svc.get_meeting(meeting.id).item(item_id)
        assert item is not None and item.title.startswith("Land at Mill Lane, Harrowfield")
        motion = item.blocks[3]
        assert isinstance(motion, Motion)
        assert motion.clauses == ["planning permission be granted subject to conditions 1 to 9."]
        assert motion.outcome is Outcome.CARRIED
        reasons = [e for e in svc.audit(meeting.id) if e.what == "Correction recorded"]
        assert len(reasons) == 1


def test_a_reason_is_required_and_nothing_typed_is_lost(
    qtbot: Any, gui_services: Services, approved: tuple[Meeting, str], gui_db: Path
) -> None:
    meeting, item_id = approved
    dialog = _dialog(qtbot, gui_services, meeting)
    dialog.item.setCurrentIndex(dialog.item.findData(item_id))
    dialog.record()
    assert "nothing differs" in dialog.message.problem
    dialog.wording.setPlainText("Members noted the flood zone.")
    QTest.keyClick(dialog.wording, Qt.Key.Key_Tab)
    QTest.keyClick(dialog.ok, Qt.Key.Key_Space)
    settle()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.problem == "Give the reason for the correction."
    assert dialog.wording.toPlainText() == "Members noted the flood zone."
    assert QApplication.focusWidget() is dialog.reason
    dialog.wording.setPlainText("   ")
    dialog.reason.setText("Shortened")
    dialog.record()
    assert "is empty" in dialog.message.problem
    with reopened(gui_db) as store:
        saved = Services(store).get_meeting(meeting.id)
        found = saved.find_block(saved.item(item_id).blocks[0].id)  # type: ignore[union-attr]
        assert found is not None and getattr(found[1], "text", "") == WATER


def test_a_refused_correction_is_shown_in_the_dialog(
    qtbot: Any,
    gui_services: Services,
    approved: tuple[Meeting, str],
    gui_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting, item_id = approved
    dialog = _dialog(qtbot, gui_services, meeting)
    dialog.item.setCurrentIndex(dialog.item.findData(item_id))
    dialog.wording.setPlainText("Members noted the flood zone.")
    dialog.reason.setText("Shortened")

    def refuse(*_a: Any, **_k: Any) -> None:
        raise ServiceError("The database is busy.", advice="Try again in a moment.")

    monkeypatch.setattr(gui_services, "update_block", refuse)
    dialog.record()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.problem == "The database is busy. Try again in a moment."
    assert dialog.wording.toPlainText() == "Members noted the flood zone."
    assert dialog.reason.text() == "Shortened"
    with reopened(gui_db) as store:
        svc = Services(store)
        part = dialog.current_part()
        assert part is not None
        found = svc.get_meeting(meeting.id).find_block(part.block_id)
        assert found is not None and getattr(found[1], "text", "") == WATER
        assert not [e for e in svc.audit(meeting.id) if e.what == "Correction recorded"]
    monkeypatch.undo()
    dialog.record()  # the same words, once the store takes them
    assert dialog.result() == QDialog.DialogCode.Accepted
    with reopened(gui_db) as store:
        found = Services(store).get_meeting(meeting.id).find_block(dialog.current_part().block_id)  # type: ignore[union-attr]
        assert (
            found is not None and getattr(found[1], "text", "") == "Members noted the flood zone."
        )


def test_every_control_is_named_for_screen_readers(
    qtbot: Any, gui_services: Services, approved: tuple[Meeting, str]
) -> None:
    dialog = _dialog(qtbot, gui_services, approved[0])
    for widget in (dialog.item, dialog.parts, dialog.reads, dialog.wording, dialog.reason):
        assert widget.accessibleName(), widget
    assert dialog.ok.accessibleName() == "Record correction"
    dialog.item.setCurrentIndex(dialog.item.findData(approved[1]))
    dialog.parts.setCurrentRow(_row(dialog, "3. Point 2"))
    dialog.wording.setPlainText("the loss of 40 metres of hedgerow")
    dialog.reason.setText("Length given by the Head of Planning")
    settle()
    assert dialog.reads.text().splitlines() == [
        "Members raised:",
        "• access for lorries",
        "• the loss of hedgerow",
    ]
    dialog.grab().save("/tmp/correction.png")


def test_the_review_menu_action_follows_the_lock(
    window: Any,
    gui_services: Services,
    gui_body: Body,
    gui_meeting: Meeting,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    action = window.registry["record_correction"]
    assert not action.isEnabled()  # a draft is edited directly
    assert window.registry["approve_minutes"].isEnabled()
    window.close_meeting()
    _minuted(gui_services, gui_body, gui_meeting)
    later = gui_services.create_meeting(gui_body.id, date(2026, 12, 15))
    item = next(it for it in later.items if it.kind is ItemKind.PREVIOUS_MINUTES)
    gui_services.approve_previous_minutes(later, item.id, gui_meeting.id, "Cllr Hartley")
    window.open_meeting(gui_meeting.id)
    assert action.isEnabled()
    assert not window.registry["approve_minutes"].isEnabled()
    shown: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    action.trigger()
    assert shown and isinstance(shown[0], RecordCorrectionDialog)
    assert action.isEnabled()  # the meeting opened again, still approved
    window.open_meeting(later.id)
    assert not action.isEnabled()
    window.show_start()
    assert not action.isEnabled()
