"""The meeting's Part 1 sound saved as a WAV file: from the Meeting menu, or beside the
chair's review file when the clerk ticks it. Part 2 business is never in it, and nothing
else Clerk writes ever holds sound."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.dialogs.common import ok_cancel

if TYPE_CHECKING:
    from clerk_app.domain.model import Meeting
    from clerk_app.services import Services
    from clerk_app.services.recording import Recordings

WAV_FILTER = "WAV sound (*.wav)"


def recordings_of(services: Services) -> Recordings:
    from clerk_app.services.recording import Recordings

    store = services.raw_store
    return Recordings(getattr(store, "raw", store))


def sound_name(review_or_minutes: Path) -> Path:
    """``Minutes for review.clerkreview`` → ``Minutes for review – Part 1 sound.wav``."""
    return review_or_minutes.with_name(f"{review_or_minutes.stem} – Part 1 sound.wav")


def save_sound(parent: QWidget, recs: Recordings, meeting: Meeting, out: Path) -> float | None:
    """Save the Part 1 sound to ``out``; the seconds saved, None (and said) if it could not."""
    from clerk_app.services.errors import ServiceError

    try:
        return recs.export_part1(meeting, out)
    except ServiceError as exc:
        QMessageBox.warning(
            parent, "The sound was not saved", f"{exc.message} {exc.advice or ''}".strip()
        )
        return None


def ask_where(parent: QWidget, suggested: Path) -> Path | None:
    name, _f = QFileDialog.getSaveFileName(
        parent, "Save the Part 1 sound of the meeting", str(suggested), WAV_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".wav" else path.with_name(path.name + ".wav")


class IncludeSoundDialog(QDialog):
    """Asks whether the chair gets the Part 1 sound with the review file; unticked until
    the clerk ticks it."""

    def __init__(self, sound: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sound for the chair")
        self.setAccessibleName("Send the Part 1 sound with the review file")
        text = QLabel(
            "This meeting was recorded. The chair can have its Part 1 sound with the review "
            f"file, saved beside it as {sound.name}. Part 2 business is cut out of it."
        )
        text.setWordWrap(True)
        self.check = QCheckBox("&Include the Part 1 sound for the chair")
        self.check.setAccessibleName("Include the Part 1 sound for the chair")
        self.check.setChecked(False)
        buttons, _ok = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.check)
        layout.addWidget(buttons)


def offer_with_review(
    parent: QWidget | None, services: Services, meeting: Meeting, review: Path
) -> Path | None:
    """After the review file is saved: when the meeting has sound, offer (unticked) to save
    its Part 1 sound beside it; the sound file, or None."""
    recs = recordings_of(services)
    if not recs.of(meeting.id):
        return None
    sound = sound_name(review)
    dialog = IncludeSoundDialog(sound, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.check.isChecked():
        return None
    host = parent if parent is not None else dialog
    return sound if save_sound(host, recs, meeting, sound) is not None else None
