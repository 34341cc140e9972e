"""Playing the meeting's sound from the Meeting menu, and lining up a recording made
elsewhere (an attached file) with the minutes: the part of :class:`RecordingControl`
(:mod:`clerk_app.gui.recording`) that plays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.domain.dates import clock_text

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from clerk_app.audio.player import Player
    from clerk_app.domain.recording import Recording
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.meeting.session import MeetingSession
    from clerk_app.services.recording import Recordings


class PlayingMixin:
    """Play, pause, skip and speed up the sound; attach a recording and line it up."""

    window: MainWindow
    sink_factory: Callable[[], Any]
    _player: Player | None
    _cache: list[Recording]
    _session: MeetingSession | None
    _timer: QTimer

    if TYPE_CHECKING:

        @property
        def recs(self) -> Recordings: ...
        def _say(self, text: str) -> None: ...
        def _show(self) -> None: ...
        def _refresh_cache(self) -> None: ...
        def _position(self, moment: datetime | None) -> tuple[Recording, float] | None: ...

    # ------------------------------------------------------------------ playing
    def player(self) -> Player:
        if self._player is None:
            from clerk_app.audio.player import Player

            self._player = Player(self.sink_factory())
        return self._player

    def play_block(self) -> None:
        from clerk_app.domain.recording import block_moment, item_moment

        s = self._session
        if s is None or s.current_item is None:
            return
        block = next((b for b in s.current_item.blocks if b.id == s.current_block_id), None)
        moment = block_moment(block, s.meeting.date) if block is not None else None
        if moment is None:
            moment = item_moment(s.current_item, s.meeting.date)
        found = self._position(moment)
        if found is None:
            self._say("No sound was recorded at this point of the meeting.")
            return
        rec, at = found
        try:
            self.player().play(self.recs.path_of(rec), at)
        except Exception as exc:  # a missing file, no speakers
            self._say(f"Clerk cannot play the recording: {exc}")
            return
        self._timer.start()
        self._say(f"Playing from {clock_text(at)}. Shift+F11 pauses.")
        self._show()

    def play_pause(self) -> None:
        if self._player is None or self._player.path is None:
            self.play_block()
            return
        self._player.toggle()
        self._timer.start()
        self._show()

    def skip(self, direction: int) -> None:
        from clerk_app.audio.player import SKIP

        if self._player is not None:
            self._player.seek(direction * SKIP)
            self._show()

    def faster(self, step: int) -> None:
        if self._player is not None:
            self._say(f"Playing at {self._player.faster(step):g}×")
            self._show()

    def stop_playing(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player = None
            self._show()

    # ------------------------------------------------------------------ attached files
    def attach(self) -> None:
        s = self._session
        if s is None:
            return
        from PySide6.QtWidgets import QFileDialog

        name, _f = QFileDialog.getOpenFileName(
            self.window,
            "Attach a recording of the meeting",
            "",
            "Recordings (*.wav *.mp3 *.flac *.ogg);;All files (*)",
        )
        if not name:
            return
        from clerk_app.services.errors import ServiceError

        try:
            rec = self.recs.attach(s.meeting, Path(name))
        except ServiceError as exc:
            self._say(exc.message)
            return
        self._refresh_cache()
        self._say(
            f"Attached {Path(name).name} ({clock_text(rec.seconds)}). Put the cursor in a "
            "block you can hear in it and press Ctrl+Alt+L to line the two up."
        )

    def line_up(self) -> None:
        from clerk_app.domain.recording import block_moment

        s = self._session
        if s is None or s.current_item is None:
            return
        attached = [r for r in self._cache if r.attached]
        block = next((b for b in s.current_item.blocks if b.id == s.current_block_id), None)
        moment = block_moment(block, s.meeting.date) if block is not None else None
        if not attached or moment is None:
            self._say("Attach a recording (Ctrl+Alt+A), then put the cursor in a block.")
            return
        rec = attached[-1]
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self.window,
            "Line up the recording",
            f"Where in {Path(rec.file).name} is this block heard (hours:minutes:seconds)?",
        )
        if not ok:
            return
        from clerk_app.services.errors import ServiceError

        try:
            self.recs.line_up(rec, moment, _seconds(text))
        except (ValueError, ServiceError) as exc:
            self._say(getattr(exc, "message", "") or "Type a position such as 0:12:30.")
            return
        self._refresh_cache()
        self._say("The recording is lined up with the minutes.")


def _seconds(text: str) -> float:
    """Seconds of "1:02:03", "12:30" or "45"."""
    parts = [float(p) for p in text.strip().split(":")]
    if not 1 <= len(parts) <= 3 or any(p < 0 for p in parts):
        raise ValueError(text)
    total = 0.0
    for p in parts:
        total = total * 60 + p
    return total
