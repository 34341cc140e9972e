"""Whether what the window shows is in the database, said plainly.

The status bar's :class:`SaveIndicator` reads "Saved 14:28:03" or "Not saved" (in words,
for screen readers too, not only a colour), and never "Saved" while anything is kept in
memory only. While saving is failing, :class:`UnsavedBar` sits above the meeting saying
why and what the clerk can do: try again now, choose another folder (when the data
folder has gone), or write the minutes to a file. Quitting with unsaved changes asks
first (:func:`confirm_quit`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.errors import describe
from clerk_app.gui.markup import escape

if TYPE_CHECKING:  # dialogs are loaded when one is shown, not at start-up
    from PySide6.QtWidgets import QMessageBox


class SaveIndicator(QLabel):
    """The status bar's word on saving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Save status")
        self.unsaved = False

    def show_saved(self, when: datetime) -> None:
        if self.unsaved:
            return  # an older change is still not on disk
        self._set(f"Saved {when:%H:%M:%S}", "Everything is saved.")

    def show_unsaved(self, error: BaseException | None) -> None:
        """``error`` is why the database is behind (None: it has caught up)."""
        if error is None:
            self.unsaved = False
            self._set(f"Saved {datetime.now():%H:%M:%S}", "Everything is saved.")
            return
        self.unsaved = True
        _title, message, _advice = describe(error)
        self._set("Not saved", f"Not saved: {message}")

    def show_refused(self, message: str) -> None:
        """A change was refused: what is on screen is not what is saved."""
        self._set("Not saved", f"Not saved: {message}")

    def _set(self, text: str, description: str) -> None:
        warn = text.startswith("Not")
        self.setStyleSheet("font-weight: bold" if warn else "")
        self.setText(text)
        self.setToolTip(description)
        self.setAccessibleDescription(description)


# What the window says while saving fails, about the typing kept on screen.
UNSAVED_ADVICE = (
    "Everything you type is kept on screen and in memory, and Clerk saves it by itself as "
    "soon as it can (it tries every few seconds). Do not close Clerk until the status bar "
    "says Saved, or write the minutes to a file."
)


class UnsavedBar(QFrame):
    """The notice above the meeting while saving fails."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsavedBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Not saved")
        lay = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Why the minutes are not saved")
        lay.addWidget(self.text)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton("&Try again now")
        self.retry_button.setAccessibleName("Try saving again now")
        self.folder_button = QPushButton("Choose another &folder…")
        self.folder_button.setAccessibleName("Choose another folder for the library")
        self.file_button = QPushButton("Write the minutes to a &file…")
        self.file_button.setAccessibleName("Write the minutes to a file")
        for b in (self.retry_button, self.folder_button, self.file_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.hide()

    def show_error(self, error: BaseException | None) -> None:
        if error is None:
            self.hide()
            return
        title, message, advice = describe(error)
        self.folder_button.setVisible(type(error).__name__ == "DataFolderMissing")
        self.text.setText(
            f"<b>Not saved. {escape(title, quote=False)}.</b> "
            f"{escape(message, quote=False)} {escape(advice, quote=False)}"
            f"<br>{escape(UNSAVED_ADVICE, quote=False)}"
        )
        self.setAccessibleDescription(f"Not saved. {message} {advice}")
        self.show()


def write_unsaved(parent: QWidget | None, session: Any) -> Path | None:
    """Ask where, and write the open meeting (as the window holds it) to a JSON file
    that ``clerk-app import`` reads back. None if the clerk cancelled or it failed."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from clerk_app.services.interchange import write_meeting_json

    meeting, body = session.meeting, session.body
    suggested = str(Path.home() / f"clerk-unsaved-{meeting.date:%Y-%m-%d}.json")
    name, _filter = QFileDialog.getSaveFileName(
        parent, "Write the minutes to a file", suggested, "Clerk meeting (*.json)"
    )
    if not name:
        return None
    try:
        path = write_meeting_json(meeting, body, Path(name))
    except Exception as exc:
        from clerk_app.gui.errors import show_error

        show_error(parent, exc)
        return None
    QMessageBox.information(
        parent,
        "Minutes written to a file",
        f"The minutes as they are on screen are in {path}.\n\nTo put them back into Clerk "
        f'later, run: clerk-app import --replace "{path}"',
    )
    return path


def choose(box: QMessageBox, buttons: dict[str, QAbstractButton]) -> QAbstractButton | None:
    """Show ``box`` and return the button the clerk pressed (one of ``buttons``)."""
    box.exec()
    return box.clickedButton()


def confirm_quit(parent: QWidget | None, session: Any) -> bool:
    """Quitting with changes not saved: True to go on quitting, False to stay."""
    error = session.unsaved
    if error is None:
        return True
    _title, message, advice = describe(error)
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your latest changes are not saved")
    box.setText("<b>Your latest changes are not saved.</b>")
    box.setInformativeText(
        f"{escape(message, quote=False)} {escape(advice, quote=False)}<br><br>"
        "If you quit now, the changes made since the last save are lost. Write the minutes "
        "to a file first, or stay in Clerk until the status bar says Saved."
    )
    write = box.addButton("Write to a &file…", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Quit without saving", QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton("&Stay in Clerk", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.setAccessibleName("Your latest changes are not saved")
    clicked = choose(box, {"write": write, "discard": discard, "stay": stay})
    if clicked is discard:
        return True
    if clicked is write:
        return write_unsaved(parent, session) is not None
    return False
