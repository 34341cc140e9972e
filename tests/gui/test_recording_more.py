"""The recording input chosen and remembered, the Part 1 sound saved from the menu or with
the chair's review file (only when ticked), and the offer to delete a recording kept past
the body's days when its meeting is opened."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from clerk_app.audio import wavfile
from clerk_app.audio.devices import FileSource, MemorySink
from clerk_app.domain.model import Approval, MeetingStatus
from clerk_app.gui.recording_input import INPUT_KEY, InputDialog
from clerk_app.storage import recordings as repo
from tests.audio.sounds import loud_between, write_wav

MICS = [("Laptop microphone", 3), ("USB conference microphone", 7)]


@pytest.fixture(autouse=True)
def _no_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    def warning(_parent: Any, _title: str, text: str, *a: Any) -> None:
        raise AssertionError(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)


@pytest.fixture
def control(window: Any, tmp_path: Path) -> Any:
    source = FileSource(write_wav(tmp_path / "talk.wav", 20.0, loud_between(0, 0)))
    ctl = window.recording
    ctl.source_factory = lambda: source
    ctl.sink_factory = MemorySink
    ctl.list_inputs = lambda: list(MICS)
    return ctl


def _record(qtbot: Any, window: Any, seconds: float = 0.5) -> None:
    window.registry["record_meeting"].trigger()
    qtbot.wait(int(seconds * 1000))
    window.registry["record_meeting"].trigger()


def test_the_input_is_chosen_by_keyboard_remembered_and_missing_means_the_default(
    qtbot: Any, window: Any, control: Any
) -> None:
    action = window.registry["recording_input"]
    assert action.shortcut().toString() == "Ctrl+Alt+M"
    assert action.isEnabled()
    dialog = InputDialog(window.prefs, control.list_inputs, window)
    qtbot.addWidget(dialog)
    assert dialog.combo.accessibleName() == "Record from"
    assert dialog.combo.currentText() == "The computer's default input"
    dialog.show()
    dialog.combo.setFocus()
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.prefs.get(INPUT_KEY) == "USB conference microphone"
    assert control._microphone().device_id == 7
    control.list_inputs = lambda: MICS[:1]  # the USB microphone is unplugged
    assert control._microphone().device_id is None  # the default input
    assert "is not connected" in window.statusBar().currentMessage()
    again = InputDialog(window.prefs, control.list_inputs, window)
    qtbot.addWidget(again)
    assert again.combo.currentText() == "USB conference microphone (not connected)"
    assert "default input" in again.message.text()


def test_the_part_1_sound_is_saved_from_the_meeting_menu(
    qtbot: Any, window: Any, control: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    _record(qtbot, window)
    out = tmp_path / "out" / "sound"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.registry["save_sound"].trigger()
    saved = out.with_name("sound.wav")
    assert saved.exists()
    assert 0.3 < wavfile.info(saved)[1] < 1.0
    assert "Part 1 sound" in window.statusBar().currentMessage()


@pytest.mark.parametrize("ticked", [False, True])
def test_the_review_file_has_sound_beside_it_only_when_the_clerk_ticks_it(
    qtbot: Any, window: Any, control: Any, gui_services: Any, tmp_path: Path, monkeypatch: Any,
    ticked: bool,
) -> None:  # fmt: skip
    from clerk_app.gui.recording_sound import IncludeSoundDialog
    from clerk_app.gui.review.clerk_side import export_review_with_dialog

    _record(qtbot, window)
    target = tmp_path / "review.clerkreview"
    monkeypatch.setattr("clerk_app.gui.files.ask_save", lambda *a, **k: target)
    monkeypatch.setattr("clerk_app.gui.files.finished", lambda *a, **k: None)
    asked: list[bool] = []

    def exec_(dialog: IncludeSoundDialog) -> int:
        asked.append(dialog.check.isChecked())
        dialog.check.setChecked(ticked)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(IncludeSoundDialog, "exec", exec_)
    meeting = gui_services.get_meeting(window.session.meeting.id)
    assert export_review_with_dialog(window, gui_services, meeting) == target
    assert asked == [False]  # never ticked for the clerk
    sounds = list(tmp_path.glob("review*.wav"))
    assert [p.name for p in sounds] == (["review – Part 1 sound.wav"] if ticked else [])
    assert b"WAVE" not in target.read_bytes()


def test_a_recording_kept_past_the_bodys_days_is_offered_for_deletion_on_opening(
    qtbot: Any, window: Any, control: Any, gui_services: Any, monkeypatch: Any
) -> None:
    _record(qtbot, window)
    meeting = gui_services.get_meeting(window.session.meeting.id)
    body = gui_services.get_body(meeting.body_id)
    body.settings.recordings_kept_days = 30
    gui_services.save_body(body)
    approved = date.today() - timedelta(days=40)
    meeting.status = MeetingStatus.APPROVED
    meeting.approval = Approval(approved_on=approved, signed_by="Cllr Grey")
    gui_services.raw_store.save_meeting_header(meeting)
    (rec,) = control.recs.of(meeting.id)
    rec.decided_at = (approved + timedelta(days=1)).isoformat()  # kept, with a reason
    rec.reason = "A complaint about the meeting is open."
    repo.save(control.recs.store, rec)
    path = control.recs.path_of(rec)
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        button = box.buttons()[0]  # "Delete the recording"
        monkeypatch.setattr(box, "clickedButton", lambda: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.open_meeting(meeting.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert "ran out on" in shown[0]
    assert not path.exists()
    entry = gui_services.audit(meeting.id)[-1]
    assert entry.what == "Recording deleted" and "30 days" in entry.after
    shown.clear()
    window.open_meeting(meeting.id)  # decided: not offered again
    qtbot.wait(100)
    assert shown == []
