"""Recording in the window: the strip, the Part 2 pause, playing a block's sound."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from clerk_app.audio.devices import FileSource, MemorySink
from clerk_app.domain.model import Meeting, MeetingStatus
from clerk_app.domain.recording import parse_stamp
from clerk_app.gui.actions import ActionRegistry
from tests.audio.sounds import loud_between, write_wav
from tests.gui.conftest import reopened, settle, type_text


@pytest.fixture
def control(window: Any, tmp_path: Path) -> Any:
    source = FileSource(write_wav(tmp_path / "talk.wav", 20.0, loud_between(0, 0)))
    ctl = window.recording
    ctl.source_factory = lambda: source
    ctl.sink_factory = MemorySink
    return ctl


def _wait(qtbot: Any, seconds: float) -> None:
    qtbot.wait(int(seconds * 1000))


def test_recording_pauses_itself_in_part_2_and_resumes_only_when_asked(
    qtbot: Any, window: Any, control: Any, gui_db: Path, gui_meeting: Meeting
) -> None:
    session = window.session
    r = window.registry
    r["record_meeting"].trigger()
    assert control.recs.recording
    assert control.bar.isVisible()
    assert "● Recording" in control.bar.light.text()
    _wait(qtbot, 0.5)
    r["insert_paragraph"].trigger()
    settle()
    type_text(window.focusWidget(), "The applicant spoke.")
    block = session.current_item.blocks[-1]
    assert parse_stamp(block.heard_at) is not None  # bookmarked as it was begun
    # the third item is exempt: going to it pauses the recording
    part2 = session.meeting.items[2]
    changed = type(part2)(**{**vars(part2), "part": 2})
    session.update_item(changed)
    session.set_current_item(part2.id)
    assert control.recs.paused
    assert "Part 2" in control.bar.light.text()
    assert "Part 2" in window.statusBar().currentMessage()
    r["record_pause"].trigger()  # refused while in Part 2
    assert control.recs.paused
    session.set_current_item(session.meeting.items[0].id)
    assert control.recs.paused  # back in public: still paused until the clerk says so
    r["record_pause"].trigger()
    assert not control.recs.paused
    _wait(qtbot, 0.3)
    r["record_meeting"].trigger()  # stop
    assert not control.recs.recording
    store = reopened(gui_db)
    try:
        from clerk_app.storage import recordings as repo

        (rec,) = repo.for_meeting(store, gui_meeting.id)
        saved = store.get_meeting(gui_meeting.id)
    finally:
        store.close()
    assert [p.reason.value for p in rec.pauses] == ["part2"]
    assert len(rec.segments) == 2
    stored_block = next(b for i in saved.items for b in i.blocks if b.id == block.id)
    assert stored_block.heard_at == block.heard_at
    assert (control.recs.folder / rec.file).stat().st_size > 16000 * 0.6


def test_a_block_plays_from_just_before_it_while_the_clerk_types(
    qtbot: Any, window: Any, control: Any, tmp_path: Path
) -> None:
    session = window.session
    r = window.registry
    r["record_meeting"].trigger()
    _wait(qtbot, 1.0)
    r["insert_paragraph"].trigger()
    settle()
    editor = window.focusWidget()
    _wait(qtbot, 0.5)
    r["play_block"].trigger()
    player = control._player
    assert player is not None and player.playing
    assert player.position == pytest.approx(0.0, abs=0.05)  # block at ~1 s, 5 s before
    sink = player.sink
    assert len(sink.pump(0.2)) == int(0.2 * 16000) * 2
    assert player.position == pytest.approx(0.2, abs=0.02)
    r["play_faster"].trigger()
    assert player.speed == 1.25
    sink.pump(0.4)
    assert player.position == pytest.approx(0.7, abs=0.02)
    r["play_back"].trigger()
    assert player.position == 0.0
    r["play_pause"].trigger()
    assert not player.playing
    type_text(window.focusWidget(), "Typed while listening.")
    assert window.focusWidget() is editor  # the keys never took the cursor away
    session.flush()
    assert "Typed while listening." in session.current_item.blocks[-1].text
    assert control.bar.player.isVisible()
    assert "▶" in control.bar.position.text()
    control._show()
    settle()
    shots = Path(os.environ.get("CLERK_SHOTS", tmp_path))  # to look at them
    assert control.bar.grab().save(str(shots / "recording-bar.png"))
    assert window.grab().save(str(shots / "recording-window.png"))
    agenda = window.screen_widget.agenda
    agenda.rebuild()
    assert "♪ 0:00:0" in agenda.list.item(0).text()  # where the item's sound starts


def test_every_recording_control_has_an_accessible_name(window: Any, control: Any) -> None:
    from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

    found = [
        w for kind in (QToolButton, QProgressBar, QLabel) for w in control.bar.findChildren(kind)
    ]
    assert len(found) == 8
    for w in found:
        assert w.accessibleName(), w.objectName()


def test_the_recording_keys_are_in_the_meeting_menu_and_clash_with_nothing(qtbot: Any) -> None:
    from collections import Counter

    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    entries = ActionRegistry(owner).entries()
    ours = [e for e in entries if e.id.startswith(("record_meeting", "record_pause", "play_"))]
    assert len(ours) == 8
    assert {e.menu for e in ours} == {"Meeting"}
    keys = Counter(s.toString() for e in entries for s in [e.shortcut, *e.alternates])
    assert all(keys[e.shortcut.toString()] == 1 for e in ours)
    # none is a key the text fields use for editing
    editing = {"Ctrl+A", "Ctrl+B", "Ctrl+I", "Ctrl+U", "Ctrl+Left", "Ctrl+Right", "Alt+Left"}
    assert not {e.shortcut.toString() for e in ours} & editing


def test_after_approval_clerk_offers_to_delete_the_recording(
    qtbot: Any, window: Any, control: Any, gui_services: Any, monkeypatch: Any
) -> None:
    r = window.registry
    r["record_meeting"].trigger()
    _wait(qtbot, 0.3)
    r["record_meeting"].trigger()
    meeting = gui_services.get_meeting(window.session.meeting.id)
    path = control.recs.folder / control.recs.of(meeting.id)[0].file
    assert path.exists()
    meeting.status = MeetingStatus.APPROVED
    from datetime import date

    from clerk_app.domain.model import Approval

    meeting.approval = Approval(approved_on=date(2026, 12, 8), signed_by="Cllr Grey")
    gui_services.raw_store.save_meeting_header(meeting)
    clicked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        button = box.buttons()[0]  # "Delete the recording"
        clicked.append(button.text())
        monkeypatch.setattr(box, "clickedButton", lambda: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    control._after_approval()
    assert clicked == ["Delete the recording"]
    assert not path.exists()
    assert gui_services.audit(meeting.id)[-1].what == "Recording deleted"
    time.sleep(0)


def test_a_recording_left_unfinished_is_mended_when_its_meeting_opens(
    qtbot: Any, gui_services: Any, gui_meeting: Meeting, gui_db: Path, tmp_path: Path
) -> None:
    """Clerk stopped while recording (a crash): opening the meeting again ends the
    recording where its sound ends and offers it for playing; a meeting with no
    recording opens without the recordings' service."""
    from datetime import datetime, timedelta

    from clerk_app.domain.recording import Recording, RecordingState, Segment
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services.recording import Recordings
    from clerk_app.storage import recordings as repo

    store = gui_services.raw_store
    folder = Recordings(store).folder
    folder.mkdir(parents=True, exist_ok=True)
    write_wav(folder / "unfinished.wav", 4.0, loud_between(0, 0))
    began = datetime.combine(gui_meeting.date, gui_meeting.start_time) + timedelta(minutes=1)
    rec = Recording(
        meeting_id=gui_meeting.id,
        file="unfinished.wav",
        segments=[Segment(wall=began, pos=0.0)],
        state=RecordingState.RECORDING,
        id="rec-unfinished",
    )
    repo.save(store, rec)
    other = gui_services.create_meeting(gui_meeting.body_id, gui_meeting.date)

    win = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(win)
    assert win.open_meeting(other.id, quiet=True) is not None
    assert win.recording._recs is None  # no recording: no service
    assert win.open_meeting(gui_meeting.id, quiet=True) is not None
    control = win.recording
    assert control._recs is not None
    assert [r.id for r in control._cache] == ["rec-unfinished"]
    (mended,) = repo.for_meeting(store, gui_meeting.id)
    assert mended.state is RecordingState.KEPT
    assert mended.segments[0].end is not None  # ended where the sound ends
    assert 3.5 < mended.seconds < 4.5
    win.close()
