"""Errors shown to the clerk in a clerk's words.

Store problems (locked, read-only, disk full, damaged …), refusals from the services
(approved minutes, a missing body) and export problems (a template Word cannot use,
a document open in Word) each get a title, a message saying what happened and advice
saying what to do. :func:`describe` gives those three texts without showing anything,
so they can be tested; :func:`show_error` shows them.

Classes are recognised by name along the exception's class hierarchy, so this module
does not import the storage or export layers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from clerk_app.gui.markup import escape

if TYPE_CHECKING:  # message boxes are loaded when one is shown, not at start-up
    from PySide6.QtWidgets import QMessageBox

# Title for each known error class; the nearest class in the hierarchy wins.
TITLES: dict[str, str] = {
    # storage
    "InUseElsewhere": "Clerk is already open",
    "DatabaseLocked": "The minutes database is busy",
    "ReadOnlyDatabase": "Clerk cannot save to its database",
    "DiskFull": "The disk is full",
    "DiskError": "The disk could not be read",
    "CorruptDatabase": "The minutes database is damaged",
    "NotAClerkDatabase": "This is not a Clerk database",
    "DatabaseTooNew": "This database needs a newer Clerk",
    "DataFolderUnusable": "Clerk cannot use its data folder",
    "LockFileUnusable": "Clerk cannot lock its database",
    "BackupFailed": "The backup could not be made",
    "NotFound": "Not found",
    "StoreError": "Problem with the minutes database",
    # services
    "MeetingLocked": "These minutes are approved",
    "NotFoundError": "Not found",
    "ServiceError": "That cannot be done",
    # export
    "TemplateError": "The house-style template cannot be used",
    "ExportError": "The document could not be written",
}

DEFAULT_ADVICE: dict[str, str] = {
    "StoreError": "Close Clerk and open it again. If this keeps happening, contact your IT team.",
    "ServiceError": "Check what you entered and try again.",
    "TemplateError": (
        "Choose another house-style template in the body's settings, or clear the template "
        "to use Clerk's own."
    ),
    "ExportError": (
        "Export again, or choose another folder or name. Your minutes are safe in Clerk."
    ),
    "PermissionError": (
        "Choose a folder you are allowed to save in, or close the file if another program "
        "has it open."
    ),
    "OSError": "Check that the folder exists and the drive is connected, then try again.",
}

BUG_TITLE = "Something went wrong"
BUG_ADVICE = (
    "Your minutes are saved. Please try again; if this keeps happening, send the log "
    "from Help → About → Open data folder (the logs folder) to whoever supports Clerk."
)


def _class_names(exc: BaseException) -> list[str]:
    return [cls.__name__ for cls in type(exc).__mro__]


def is_known(exc: BaseException) -> bool:
    """True for the clerk's situation (a message is enough); False for a bug."""
    names = _class_names(exc)
    return any(n in TITLES for n in names) or isinstance(exc, OSError)


def describe(exc: BaseException) -> tuple[str, str, str]:
    """(title, message, advice) for an exception, in a clerk's words."""
    names = _class_names(exc)
    title = next((TITLES[n] for n in names if n in TITLES), "")
    message = str(getattr(exc, "message", "") or "").strip()
    advice = str(getattr(exc, "advice", "") or "").strip()
    if isinstance(exc, OSError) and not title:
        title = "The file could not be saved or opened"
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        message = message or f"{exc.strerror or exc}{where}."
    if not title:
        return BUG_TITLE, _sentence(str(exc) or type(exc).__name__), BUG_ADVICE
    if not message:
        message = str(exc).strip() or title
    if not advice:
        advice = next((DEFAULT_ADVICE[n] for n in names if n in DEFAULT_ADVICE), "")
    return title, _sentence(message), _sentence(advice) if advice else ""


def _sentence(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in ".!?:)":
        text += "."
    return text


def error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The message box for ``exc``, built but not shown (tests inspect it)."""
    from PySide6.QtWidgets import QMessageBox  # only when something goes wrong

    title, message, advice = describe(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if is_known(exc) else QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(f"<b>{escape(title, quote=False)}</b>")
    box.setInformativeText(
        escape(message, quote=False) + ("<br><br>" + escape(advice, quote=False) if advice else "")
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(title)
    box.setAccessibleDescription(f"{message} {advice}".strip())
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` to the clerk and wait for OK."""
    error_box(parent, exc).exec()
