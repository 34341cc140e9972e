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

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui import uiload
from clerk_app.gui.errors import describe
from clerk_app.gui.markup import escape


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


class ProblemBox(QDialog):
    """A problem explained in a clerk's words with its choices, laid out in
    ``ui/store_problem.ui``: a title, what happened and what to do, details for the IT
    team behind a button, and the choices as buttons (the first the default, one taken
    by Escape)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        try:
            uiload.load_into(self, "store_problem")
        except uiload.FormError:  # a broken installation must still explain the problem
            _build_plain(self)
        self.icon = uiload.child(self, QLabel, "icon")
        self.title = uiload.child(self, QLabel, "title")
        self.message = uiload.child(self, QLabel, "message")
        self.details = uiload.child(self, QPlainTextEdit, "details")
        self.details_button = uiload.child(self, QPushButton, "details_button")
        self.button_box = uiload.child(self, QDialogButtonBox, "buttons")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.setWindowTitle(f"Clerk – {title}")
        self.setAccessibleName(title)
        self.title.setText(f"<b>{escape(title)}</b>")
        self.details_button.setVisible(False)
        self.details_button.toggled.connect(self._show_details)
        self.button_box.clicked.connect(self._clicked)
        self._clicked_button: QAbstractButton | None = None
        self._escape: QAbstractButton | None = None

    # the parts of QMessageBox's interface the callers and tests use
    def informativeText(self) -> str:
        return self.message.text()

    def setInformativeText(self, text: str) -> None:
        self.message.setText(text)

    def setDetailedText(self, text: str) -> None:
        self.details.setPlainText(text)
        self.details_button.setVisible(bool(text))

    def addButton(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        self.button_box.addButton(button, role)
        return button

    def buttons(self) -> list[QAbstractButton]:
        return self.button_box.buttons()

    def setDefaultButton(self, button: QPushButton) -> None:
        for other in self.button_box.buttons():
            if isinstance(other, QPushButton):
                other.setDefault(other is button)
                other.setAutoDefault(other is button)
        button.setFocus()

    def defaultButton(self) -> QPushButton | None:
        found = [b for b in self.button_box.buttons() if isinstance(b, QPushButton)]
        return next((b for b in found if b.isDefault()), None)

    def setEscapeButton(self, button: QAbstractButton) -> None:
        self._escape = button

    def clickedButton(self) -> QAbstractButton | None:
        return self._clicked_button

    def _clicked(self, button: QAbstractButton) -> None:
        self._clicked_button = button
        self.accept()

    def reject(self) -> None:
        """Escape or closing the window is the escape button's choice."""
        if self._clicked_button is None and self._escape is not None:
            self._clicked_button = self._escape
        super().reject()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText("Hide de&tails" if shown else "Show de&tails…")
        self.details_button.setAccessibleName("Hide details" if shown else "Show details")
        self.adjustSize()


def _build_plain(box: QDialog) -> None:
    """The form's widgets, made in code when ``ui/store_problem.ui`` cannot be read."""
    layout = QVBoxLayout(box)
    widgets: list[QWidget] = [QLabel(), QLabel(), QLabel(), QPlainTextEdit()]
    button = QPushButton("Show de&tails…")
    button.setCheckable(True)
    widgets += [button, QDialogButtonBox()]
    names = ("icon", "title", "message", "details", "details_button", "buttons")
    for name, widget in zip(names, widgets, strict=True):
        widget.setObjectName(name)
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)
        layout.addWidget(widget)
    widgets[3].setVisible(False)


class StoreProblemDialog(ProblemBox):
    """The explanation and choices for a :class:`StoreError` raised when opening."""

    def __init__(
        self,
        exc: BaseException,
        database: Path,
        backups: list[Path] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title, message, advice = describe(exc)
        super().__init__(title, parent)
        self.exc = exc
        self.backups = list(backups or [])
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
        self.setAccessibleDescription(f"{message} {advice}")
        role = QDialogButtonBox.ButtonRole
        labels = {
            Choice.RETRY: ("&Try again", role.AcceptRole),
            Choice.OPEN_ANYWAY: ("&Open anyway", role.DestructiveRole),
            Choice.RESTORE: ("&Restore the newest good backup", role.AcceptRole),
            Choice.QUIT: ("&Quit Clerk", role.RejectRole),
        }
        self.buttons_by_choice: dict[Choice, QPushButton] = {}
        for choice in options:
            text, button_role = labels[choice]
            self.buttons_by_choice[choice] = self.addButton(text, button_role)
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


def data_folder_box(exc: BaseException, parent: QWidget | None = None) -> ProblemBox:
    """The explanation of a data folder Clerk cannot use, with its two choices."""
    title, message, advice = describe(exc)
    box = ProblemBox(title, parent)
    box.setInformativeText(f"{message}\n\n{advice}")
    box.setDetailedText(f"{type(exc).__name__}: {exc}")
    box.setAccessibleDescription(f"{message} {advice}")
    role = QDialogButtonBox.ButtonRole
    choose = box.addButton("&Choose another folder…", role.AcceptRole)
    choose.setObjectName("choose_folder")
    quit_ = box.addButton("&Quit Clerk", role.RejectRole)
    quit_.setObjectName("quit")
    box.setDefaultButton(choose)
    box.setEscapeButton(quit_)
    return box


def ask_data_folder(parent: QWidget | None, exc: BaseException) -> Path | None:
    """Explain why the data folder cannot be used; another folder chosen, or None to quit."""
    while True:
        box = data_folder_box(exc, parent)
        box.exec()
        clicked = box.clickedButton()
        if clicked is None or clicked.objectName() != "choose_folder":
            return None
        folder = QFileDialog.getExistingDirectory(parent, "Choose a folder for Clerk's data")
        if folder:
            return Path(folder)


FolderAsker = Callable[[QWidget | None, BaseException], Path | None]
