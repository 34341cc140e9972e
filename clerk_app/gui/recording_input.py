"""Meeting → Recording input…: which microphone Clerk records from.

The choice is the input's name, remembered in the clerk's settings; when that input is
not connected when recording starts, Clerk records from the computer's default input and
says so, and the dialog shows it as not connected."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QVBoxLayout, QWidget

from clerk_app.gui.dialogs.common import FieldMessage, add_row, form_layout, ok_cancel
from clerk_app.gui.prefs import Prefs, register

INPUT_KEY = "recording/input_device"
register(INPUT_KEY, "", "The name of the microphone the meeting is recorded from")
DEFAULT = "The computer's default input"

Devices = Callable[[], list[tuple[str, Any]]]


def list_inputs() -> list[tuple[str, Any]]:
    """(name, id) of the inputs; none when the computer has no sound system."""
    try:
        from clerk_app.audio.devices import NoSoundDevice, input_devices
    except ImportError:
        return []
    try:
        return input_devices()
    except (NoSoundDevice, ImportError, OSError):
        return []


def chosen_input(prefs: Prefs, devices: Devices = list_inputs) -> tuple[Any, str]:
    """(device id or None for the default, a sentence when the chosen input is missing)."""
    wanted = str(prefs.get(INPUT_KEY) or "")
    if not wanted:
        return None, ""
    for name, device_id in devices():
        if name == wanted:
            return device_id, ""
    return None, f"{wanted} is not connected, so Clerk records from the default input."


class InputDialog(QDialog):
    """Choose the input; OK remembers it in ``prefs``."""

    def __init__(self, prefs: Prefs, devices: Devices = list_inputs, parent: QWidget | None = None):
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle("Recording input")
        self.setAccessibleName("Choose the microphone the meeting is recorded from")
        self.combo = QComboBox()
        self.combo.addItem(DEFAULT, "")
        names = [name for name, _id in devices()]
        for name in names:
            self.combo.addItem(name, name)
        wanted = str(prefs.get(INPUT_KEY) or "")
        self.message = FieldMessage(name="Input message")
        if wanted and wanted not in names:
            self.combo.addItem(f"{wanted} (not connected)", wanted)
            self.message.show_problem(
                f"{wanted} is not connected: until it is, Clerk records from the default input."
            )
        elif not names:
            self.message.show_text("Clerk finds no microphone: plug one in and open this again.")
        self.combo.setCurrentIndex(max(0, self.combo.findData(wanted)))
        form = form_layout()
        add_row(
            form,
            "&Record from:",
            self.combo,
            "The microphone Clerk records the meeting from",
            self.message,
        )
        buttons, self.ok_button = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.combo.setFocus()

    def accept(self) -> None:
        self.prefs.set(INPUT_KEY, str(self.combo.currentData() or ""))
        super().accept()
