"""What to do when the minutes database cannot be opened.

Each problem is explained in a clerk's words with the choices that make sense for it:
another copy of Clerk has it open (try again, or open anyway when that copy is known to
be gone), it is busy or on a read-only or full drive (try again), it is damaged (the list
of backups, each checked, to choose one to put back), it belongs to a newer Clerk (quit
and update). A data folder that cannot be made offers another folder or quitting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from clerk_app.gui.errors import describe


class Choice(StrEnum):
    RETRY = "retry"
    OPEN_ANYWAY = "open_anyway"
    RESTORE = "restore"
    QUIT = "quit"


def _names(exc: BaseException) -> set[str]:
    return {c.__name__ for c in type(exc).__mro__}


def choices_for(exc: BaseException, backups: list[Path]) -> list[Choice]:
    """The choices offered for a problem, the first being the default."""
    names = _names(exc)
    if "DatabaseTooNew" in names:
        return [Choice.QUIT]
    if "InUseElsewhere" in names:
        return [Choice.RETRY, Choice.OPEN_ANYWAY, Choice.QUIT]
    if names & {"CorruptDatabase", "NotAClerkDatabase"}:
        return ([Choice.RESTORE] if backups else []) + [Choice.QUIT]
    return [Choice.RETRY, Choice.QUIT]


def _backup_when(path: Path) -> str:
    try:
        from clerk_app.storage import parse_backup

        info = parse_backup(path)
        taken = info.taken_at if info is not None else None
    except Exception:  # a name we cannot read: fall back to the file's time
        taken = None
    if taken is None:
        taken = datetime.fromtimestamp(path.stat().st_mtime)
    return f"{taken:%d/%m/%Y} at {taken:%H:%M}"


class StoreProblemDialog(QMessageBox):
    """The explanation and choices for a :class:`StoreError` raised when opening."""

    def __init__(
        self,
        exc: BaseException,
        database: Path,
        backups: list[Path] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exc = exc
        self.backups = list(backups or [])
        title, message, advice = describe(exc)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(f"Clerk – {title}")
        self.setText(f"<b>{title}</b>")
        extra = ""
        options = choices_for(exc, self.backups)
        if Choice.OPEN_ANYWAY in options:
            advice = "Close the other copy of Clerk first, then choose Try again."
            extra = (
                "\n\nIf the other copy is no longer running (for example it was on a laptop "
                "that lost power), you can open the minutes anyway. Do not do this while "
                "another copy is really open: the two could overwrite each other's work."
            )
        elif Choice.RETRY in options and "try again" in advice:
            advice = advice.replace("try again", "choose Try again")
        if Choice.RESTORE in options:
            advice = ""  # the button below is what the store's advice describes
            extra = (
                f"\n\nThe newest backup was taken on {_backup_when(self.backups[0])}. "
                "Restoring puts back the minutes as they were then (if that backup is "
                "damaged too, the newest good one); the damaged file is kept beside it, so "
                "nothing is thrown away."
            )
        body = "\n\n".join(t for t in (message, advice, extra.strip()) if t)
        self.setInformativeText(body)
        self.setDetailedText(f"Database: {database}\n\n{type(exc).__name__}: {exc}")
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{message} {advice}")
        labels = {
            Choice.RETRY: ("&Try again", QMessageBox.ButtonRole.AcceptRole),
            Choice.OPEN_ANYWAY: ("&Open anyway", QMessageBox.ButtonRole.DestructiveRole),
            Choice.RESTORE: ("&Restore the newest good backup", QMessageBox.ButtonRole.AcceptRole),
            Choice.QUIT: ("&Quit Clerk", QMessageBox.ButtonRole.RejectRole),
        }
        self.buttons_by_choice: dict[Choice, QPushButton] = {}
        for choice in options:
            text, role = labels[choice]
            button = self.addButton(text, role)
            button.setAccessibleName(text.replace("&", ""))
            self.buttons_by_choice[choice] = button
        self.setDefaultButton(self.buttons_by_choice[options[0]])
        self.setEscapeButton(self.buttons_by_choice[Choice.QUIT])

    def choice(self) -> Choice:
        clicked = self.clickedButton()
        for choice, button in self.buttons_by_choice.items():
            if button is clicked:
                return choice
        return Choice.QUIT


def ask(
    parent: QWidget | None, exc: BaseException, database: Path, backups: list[Path]
) -> Choice | Path:
    """The clerk's choice: a :class:`Choice`, or the backup to put back. A damaged
    database with backups gets the list of backups, each checked, to choose from."""
    if Choice.RESTORE in choices_for(exc, backups):
        from clerk_app.gui.dialogs.restore import choose_backup

        chosen = choose_backup(parent, database, backups[0].parent, exc)
        return chosen if chosen is not None else Choice.QUIT
    dialog = StoreProblemDialog(exc, database, backups, parent)
    dialog.exec()
    return dialog.choice()


Asker = Callable[[QWidget | None, BaseException, Path, list[Path]], "Choice | Path"]


# ---------------------------------------------------------------- the data folder


def data_folder_box(exc: BaseException, parent: QWidget | None = None) -> QMessageBox:
    """The explanation of a data folder Clerk cannot use, with its two choices."""
    title, message, advice = describe(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"Clerk – {title}")
    box.setText(f"<b>{title}</b>")
    box.setInformativeText(f"{message}\n\n{advice}")
    box.setAccessibleName(title)
    box.setAccessibleDescription(f"{message} {advice}")
    choose = box.addButton("&Choose another folder…", QMessageBox.ButtonRole.AcceptRole)
    choose.setAccessibleName("Choose another folder")
    choose.setObjectName("choose_folder")
    quit_ = box.addButton("&Quit Clerk", QMessageBox.ButtonRole.RejectRole)
    quit_.setAccessibleName("Quit Clerk")
    quit_.setObjectName("quit")
    box.setDefaultButton(choose)
    box.setEscapeButton(quit_)
    return box


def ask_data_folder(parent: QWidget | None, exc: BaseException) -> Path | None:
    """Explain why the data folder cannot be used; another folder chosen, or None to quit."""
    while True:
        box = data_folder_box(exc, parent)
        box.exec()
        if box.clickedButton() is None or box.clickedButton().objectName() != "choose_folder":
            return None
        folder = QFileDialog.getExistingDirectory(parent, "Choose a folder for Clerk's data")
        if folder:
            return Path(folder)


FolderAsker = Callable[[QWidget | None, BaseException], Path | None]
