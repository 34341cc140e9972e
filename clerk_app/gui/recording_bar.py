"""The strip under the meeting while it is recorded or its sound is played: a recording
light with the time recorded and a level meter, and the small player. Its buttons never
take the keyboard: the clerk goes on typing and uses the keys of the Meeting menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from clerk_app.domain.dates import clock_text


def _button(text: str, name: str, tip: str) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setAccessibleName(name)
    b.setToolTip(tip)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the block
    return b


class RecordingBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording_bar")
        self.setAccessibleName("Recording and playback")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 2, 8, 2)
        self.light = QLabel()
        self.light.setObjectName("recording_light")
        self.light.setAccessibleName("Recording")
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedWidth(120)
        self.meter.setMaximumHeight(12)
        self.meter.setAccessibleName("Sound level of the microphone")
        self.record_button = _button("Pause", "Pause or resume recording", "Ctrl+Alt+P")
        lay.addWidget(self.light)
        lay.addWidget(self.meter)
        lay.addWidget(self.record_button)
        lay.addStretch(1)
        self.player = QWidget()
        play_lay = QHBoxLayout(self.player)
        play_lay.setContentsMargins(0, 0, 0, 0)
        self.back_button = _button("−5 s", "Back 5 seconds", "Ctrl+Alt+B")
        self.play_button = _button("Pause", "Play or pause the sound", "Shift+F11")
        self.forward_button = _button("+5 s", "Forward 5 seconds", "Ctrl+Alt+F")
        self.position = QLabel()
        self.position.setAccessibleName("Position in the recording")
        self.speed = QLabel()
        self.speed.setAccessibleName("Playing speed")
        self.speed.setToolTip("Faster: Ctrl+Alt+U, slower: Ctrl+Alt+D")
        for w in (self.back_button, self.play_button, self.forward_button):
            play_lay.addWidget(w)
        play_lay.addWidget(self.position)
        play_lay.addWidget(self.speed)
        lay.addWidget(self.player)
        self.show_recording(None)
        self.show_player(None)

    def show_recording(
        self, seconds: float | None, *, paused: str = "", level: float = 0.0
    ) -> None:
        """``seconds`` recorded so far (None: not recording); ``paused`` says why it is
        paused ("" when it is recording)."""
        on = seconds is not None
        for w in (self.light, self.meter, self.record_button):
            w.setVisible(on)
        if not on:
            self._update_visible()
            return
        if paused:
            text = f"⏸ Recording paused ({paused}) {clock_text(seconds or 0)}"
            self.light.setStyleSheet("color: palette(text); font-weight: bold;")
            self.record_button.setText("Resume")
        else:
            text = f"● Recording {clock_text(seconds or 0)}"
            self.light.setStyleSheet("color: #c00000; font-weight: bold;")
            self.record_button.setText("Pause")
        self.light.setText(text)
        self.light.setAccessibleDescription(text)
        self.meter.setValue(int(level * 100))
        self._update_visible()

    def show_player(
        self,
        position: float | None,
        *,
        length: float = 0.0,
        playing: bool = False,
        speed: float = 1.0,
    ) -> None:
        self.player.setVisible(position is not None)
        if position is not None:
            self.play_button.setText("Pause" if playing else "Play")
            self.position.setText(f"▶ {clock_text(position)} / {clock_text(length)}")
            self.speed.setText(f"{speed:g}×")
        self._update_visible()

    def _update_visible(self) -> None:
        self.setVisible(self.light.isVisibleTo(self) or self.player.isVisibleTo(self))
