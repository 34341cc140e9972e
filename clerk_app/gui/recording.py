"""Recording the meeting and playing its sound, from the Meeting menu.

:class:`RecordingControl` joins the window's actions to the recording services: it shows
the recording strip, pauses the recording by itself when the meeting goes into Part 2
(and says so), plays the sound of the block the cursor is in, and after minutes are
approved offers to delete their recording. The sound library is loaded the first time
the clerk records or plays.

Playing lives in :mod:`clerk_app.gui.recording_play`, the decision on approved minutes'
recording in :mod:`clerk_app.gui.recording_keep`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from clerk_app.domain.dates import clock_text
from clerk_app.domain.model import Item
from clerk_app.gui.recording_bar import RecordingBar
from clerk_app.gui.recording_keep import KeepingMixin
from clerk_app.gui.recording_play import PlayingMixin

if TYPE_CHECKING:
    from clerk_app.audio.player import Player
    from clerk_app.domain.recording import Recording
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.meeting.session import MeetingSession
    from clerk_app.services.recording import Recordings

RECORDING_ACTIONS = (
    "record_meeting",
    "record_pause",
    "play_block",
    "play_pause",
    "play_back",
    "play_forward",
    "play_faster",
    "play_slower",
    "attach_recording",
    "line_up_recording",
    "recording_decide",
    "save_sound",
)
TICK_MS = 100
SAVE_EVERY_TICKS = 50  # the database hears how long the recording has run every 5 s


def _list_inputs() -> list[tuple[str, Any]]:
    # the microphones, from the input dialog's module: loaded when first asked for
    from clerk_app.gui.recording_input import list_inputs

    return list_inputs()


def _speakers() -> Any:
    from clerk_app.audio.devices import Speakers

    return Speakers()


class RecordingControl(PlayingMixin, KeepingMixin, QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bar = RecordingBar()
        self.source_factory: Callable[[], Any] = self._microphone
        self.list_inputs: Callable[[], list[tuple[str, Any]]] = _list_inputs
        self.sink_factory: Callable[[], Any] = _speakers
        self._recs: Recordings | None = None
        self._player: Player | None = None
        self._cache: list[Recording] = []
        self._session: MeetingSession | None = None
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        r = window.registry
        for action_id, slot in (
            ("record_meeting", self.toggle_recording),
            ("record_pause", self.toggle_pause),
            ("play_block", self.play_block),
            ("play_pause", self.play_pause),
            ("play_back", lambda: self.skip(-1)),
            ("play_forward", lambda: self.skip(1)),
            ("play_faster", lambda: self.faster(1)),
            ("play_slower", lambda: self.faster(-1)),
            ("attach_recording", self.attach),
            ("line_up_recording", self.line_up),
            ("recording_decide", self.offer_decision),
            ("save_sound", self.save_sound),
            ("recording_input", self.choose_input),
        ):
            r[action_id].triggered.connect(lambda _c=False, s=slot: s())
        # after the approval dialog (connected before this) has done its work
        r["approve_minutes"].triggered.connect(lambda _c=False: self._after_approval())
        self.bar.record_button.clicked.connect(self.toggle_pause)
        self.bar.play_button.clicked.connect(self.play_pause)
        self.bar.back_button.clicked.connect(lambda: self.skip(-1))
        self.bar.forward_button.clicked.connect(lambda: self.skip(1))
        self._enable()

    # ------------------------------------------------------------------ plumbing
    @property
    def recs(self) -> Recordings:
        from clerk_app.services.recording import Recordings

        store = self.window.services.raw_store
        raw = getattr(store, "raw", store)
        if self._recs is None or self._recs.store is not raw:
            if self._recs is not None and self._recs.recording:
                self._recs.stop()
            self._recs = Recordings(raw)
        return self._recs

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _enable(self) -> None:
        s = self._session
        open_ = s is not None
        locked = open_ and s is not None and s.meeting.locked
        for action_id in RECORDING_ACTIONS:
            self.window.registry[action_id].setEnabled(open_)
        for action_id in ("record_meeting", "record_pause"):
            self.window.registry[action_id].setEnabled(open_ and not locked)
        self.window.registry["recording_decide"].setEnabled(bool(locked))

    def meeting_opened(self, session: MeetingSession) -> None:
        if self._recs is not None:
            recs = self.recs
            if recs.current is not None and recs.current.meeting_id != session.meeting.id:
                self.stop_recording()
        self._session = session
        # the recordings' service is loaded once the meeting has a recording (one left
        # unfinished is mended here) or the clerk records; most meetings have none
        if self._recs is not None or self.window.services.has_recordings(session.meeting.id):
            with contextlib.suppress(Exception):
                self.recs.recover(session.meeting.id)
            self._refresh_cache()
        else:
            self._cache = []
        session.sound_starts = self.sound_start
        session.currentItemChanged.connect(lambda _i: self.check_part2())
        session.itemChanged.connect(lambda _i, _s: self.check_part2())
        session.itemsChanged.connect(self.check_part2)
        session.blockAdded.connect(self._block_added)
        self._enable()
        self._show()
        QTimer.singleShot(0, self, self._check_kept)

    def meeting_closed(self) -> None:
        """The meeting's screen is going (it may come straight back: a reload)."""
        self._session = None
        self._enable()
        QTimer.singleShot(0, self, self._stop_if_gone)

    def _stop_if_gone(self) -> None:
        if self._session is None:
            self.stop_recording()
            self.stop_playing()

    def shutdown(self) -> None:
        self.stop_recording()
        self.stop_playing()

    def _refresh_cache(self) -> None:
        s = self._session
        self._cache = self.recs.of(s.meeting.id) if s is not None else []

    # ------------------------------------------------------------------ where the sound is
    def _position(self, moment: datetime | None) -> tuple[Recording, float] | None:
        if moment is None or self._session is None:
            return None
        return self.recs.locate_moment(self._session.meeting.id, moment)

    def sound_start(self, item: Item) -> str:
        """Where an item's sound starts, "0:14:32", or "" (the agenda shows it)."""
        s = self._session
        recs = self._recs
        if s is None or (not self._cache and (recs is None or recs.current is None)):
            return ""
        from clerk_app.domain.recording import item_moment

        moment = item_moment(item, s.meeting.date)
        if moment is None:
            return ""
        for rec in self._live_recordings():
            pos = rec.position_of(moment)
            if pos is not None:
                return clock_text(pos)
        return ""

    def _live_recordings(self) -> list[Recording]:
        recs = self.recs
        live = recs._live_copy() if recs.current is not None and recs.recorder else None
        out = [live if live is not None and r.id == live.id else r for r in self._cache]
        if live is not None and all(r.id != live.id for r in out):
            out.append(live)
        return out

    def _block_added(self, item_id: str, _block_id: str) -> None:
        screen = self.window.screen_widget
        recs = self._recs
        if screen is not None and recs is not None and recs.current is not None:
            with contextlib.suppress(Exception):
                screen.agenda.refresh_item(item_id)

    # ------------------------------------------------------------------ recording
    def toggle_recording(self) -> None:
        if self.recs.current is not None:
            self.stop_recording()
            return
        s = self._session
        if s is None:
            return
        from clerk_app.audio.devices import NoSoundDevice
        from clerk_app.services.errors import ServiceError

        try:
            self.recs.start(s.meeting, self.source_factory(), s.current_item)
        except ServiceError as exc:
            self._say(str(getattr(exc, "message", "") or exc))
            return
        except (NoSoundDevice, ImportError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self.window,
                "Clerk cannot record",
                "Clerk could not open the microphone, so the meeting is not being "
                f"recorded ({exc}). Check that a microphone is plugged in and that Clerk "
                "may use it (the system's privacy settings), then try again.",
            )
            return
        self._refresh_cache()
        self._timer.start()
        self._say(
            f"Recording the meeting into {self.recs.folder}. Ctrl+Alt+P pauses it; "
            "Clerk pauses it by itself for Part 2."
        )
        self._show()

    def stop_recording(self) -> None:
        recs = self._recs
        if recs is None or recs.current is None:
            return
        recs.stop()
        self._timer.stop()
        self._refresh_cache()
        self._say("Recording stopped; the sound is kept with the minutes.")
        self._show()

    def toggle_pause(self) -> None:
        recs, s = self.recs, self._session
        if recs.current is None or s is None:
            self._say("Nothing is being recorded. Ctrl+Alt+R starts recording the meeting.")
            return
        if not recs.paused:
            from clerk_app.domain.recording import PauseReason

            recs.pause(PauseReason.CLERK)
            self._say("Recording paused. Ctrl+Alt+P resumes it.")
        else:
            from clerk_app.services.errors import ServiceError

            try:
                recs.resume(s.current_item)
            except ServiceError as exc:
                self._say(f"{exc.message} {getattr(exc, 'advice', '')}".strip())
                return
            self._say("Recording again.")
        self._show()

    def check_part2(self) -> None:
        """The meeting went into Part 2: pause the recording and say so."""
        recs, s = self._recs, self._session
        if recs is None or s is None or recs.current is None or recs.paused:
            return
        from clerk_app.domain.recording import PauseReason, needs_part2_pause

        if needs_part2_pause(s.current_item):
            recs.pause(PauseReason.PART_2)
            self._say(
                "Recording paused: the meeting is in Part 2 (exempt business), which is not "
                "recorded. Press Ctrl+Alt+P to record again when the public is back."
            )
            self._show()

    def _tick(self) -> None:
        recs = self._recs
        if recs is None or recs.recorder is None:
            self._timer.stop()
            return
        self._ticks += 1
        if self._ticks % SAVE_EVERY_TICKS == 0:
            with contextlib.suppress(Exception):
                recs.save_progress()
        error = recs.recorder.error
        if error is not None:
            recs.recorder.error = None
            self._say(f"The recording could not be written: {error}. The minutes are safe.")
        self._show()

    def _show(self) -> None:
        recs = self._recs
        if recs is not None and recs.recorder is not None:
            from clerk_app.domain.recording import PauseReason

            paused = ""
            if recs.paused and recs.current is not None and recs.current.pauses:
                reason = recs.current.pauses[-1].reason
                paused = "Part 2" if reason is PauseReason.PART_2 else "Ctrl+Alt+P resumes"
            self.bar.show_recording(recs.recorder.seconds, paused=paused, level=recs.recorder.level)
        else:
            self.bar.show_recording(None)
        p = self._player
        if p is not None and p.path is not None:
            self.bar.show_player(p.position, length=p.length, playing=p.playing, speed=p.speed)
        else:
            self.bar.show_player(None)

    # ------------------------------------------------------------------ input and Part 1
    def _microphone(self) -> Any:
        from clerk_app.audio.devices import Microphone
        from clerk_app.gui.recording_input import chosen_input

        device_id, missing = chosen_input(self.window.prefs, self.list_inputs)
        if missing:
            self._say(missing)
        return Microphone(device_id)

    def choose_input(self) -> None:
        from clerk_app.gui.recording_input import InputDialog

        dialog = InputDialog(self.window.prefs, self.list_inputs, self.window)
        if dialog.exec() == InputDialog.DialogCode.Accepted:
            self._say(f"Clerk records from: {dialog.combo.currentText()}.")

    def save_sound(self) -> None:
        from clerk_app.domain.recording import clock_text as shown
        from clerk_app.gui.recording_sound import ask_where, save_sound
        from clerk_app.services.files import safe_filename

        s = self._session
        if s is None:
            return
        if not self.recs.of(s.meeting.id):
            self._say("This meeting has no recording. Ctrl+Alt+R records it.")
            return
        name = safe_filename(f"{s.body.name} {s.meeting.date.isoformat()} Part 1 sound")
        folder = self.window.prefs.get("export/last_folder") or str(Path.home())
        out = ask_where(self.window, Path(folder) / f"{name}.wav")
        if out is None:
            return
        seconds = save_sound(self.window, self.recs, s.meeting, out)
        if seconds is not None:
            self._say(f"Saved {shown(seconds)} of Part 1 sound to {out}; Part 2 is left out.")


def connect_recording(window: MainWindow) -> RecordingControl:
    return RecordingControl(window)
