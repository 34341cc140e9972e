"""Saving and opening files from the window: the file dialogs (starting in the folder
used last), the "saved" message with Open and Show in folder, and the save-write-tell
step every export shares."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from clerk_app.gui.errors import show_error
from clerk_app.gui.markup import escape
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from clerk_app.domain.model import Meeting
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services import Services

FOLDER_KEY = "export/last_folder"
DOCX_FILTER = "Word document (*.docx)"
REVIEW_FILTER = "Clerk review file (*.clerkreview)"


def default_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def reveal_in_folder(path: Path) -> None:
    """Show the file in the platform's file manager (the folder, where selecting is not
    possible)."""
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
            return
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return
    except OSError:
        pass
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def done_box(parent: QWidget | None, path: Path) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """The "Exported" message with its Open and Show in folder buttons (not shown)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Exported")
    box.setText(f"<b>{escape(path.name, quote=False)}</b> has been saved.")
    box.setInformativeText(f"In {path.parent}")
    box.setAccessibleName("Export finished")
    box.setAccessibleDescription(f"{path.name} has been saved in {path.parent}")
    open_button = box.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
    open_button.setAccessibleName("Open the document")
    folder_button = box.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
    folder_button.setAccessibleName("Show in folder")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    return box, open_button, folder_button


def last_folder(prefs: Prefs | None) -> Path:
    last = str(prefs.get(FOLDER_KEY)) if prefs is not None else ""
    return Path(last) if last and Path(last).is_dir() else default_folder()


def remember(prefs: Prefs | None, folder: Path) -> None:
    if prefs is not None:
        prefs.set(FOLDER_KEY, str(folder))


def with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_save(
    parent: QWidget | None, title: str, name: str, file_filter: str, prefs: Prefs | None
) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(last_folder(prefs) / name), file_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    remember(prefs, path.parent)
    return path


def ask_open(
    parent: QWidget | None, title: str, file_filter: str, prefs: Prefs | None
) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(prefs)), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    remember(prefs, path.parent)
    return path


def ask_folder(parent: QWidget | None, title: str, prefs: Prefs | None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(last_folder(prefs)))
    if not chosen:
        return None
    path = Path(chosen)
    remember(prefs, path)
    return path


def finished(parent: QWidget | None, path: Path, *, can_open: bool = True, note: str = "") -> None:
    """The "saved" message with Open (for a document) and Show in folder."""
    box, open_button, folder_button = done_box(parent, path)
    if note:
        box.setInformativeText(f"In {path.parent}<br><br>{note}")
    if not can_open:
        open_button.hide()
        box.setDefaultButton(folder_button)
    box.exec()
    if can_open and box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is folder_button:
        reveal_in_folder(path)


def problems() -> tuple[type[BaseException], ...]:
    """What writing or reading these files can raise that the clerk is told about."""
    from clerk_app.export import ExportError
    from clerk_app.storage.errors import StoreError

    return (ServiceError, OSError, ExportError, StoreError)


def meeting_file_name(services: Services, meeting: Meeting, words: str, suffix: str) -> str:
    """ "Planning Committee 2026-11-24 decision sheet.docx": body, date and what it is."""
    from clerk_app.services.files import safe_filename

    body = services.get_body(meeting.body_id)
    return safe_filename(f"{body.name} {meeting.date.isoformat()} {words}") + suffix


def save_with_dialog(
    parent: QWidget | None,
    title: str,
    name: Callable[[], str],
    file_filter: str,
    prefs: Prefs | None,
    write: Callable[[Path], Path],
    *,
    can_open: bool = True,
    note: str = "",
) -> Path | None:
    """Ask where to save (offering ``name()``), ``write`` there and say where it went; None
    when the clerk cancelled or a problem was explained."""
    suffix = file_filter.rpartition("(*")[2].rstrip(")")
    try:
        path = ask_save(parent, title, name(), file_filter, prefs)
        if path is None:
            return None
        written = write(with_suffix(path, suffix))
    except problems() as exc:
        show_error(parent, exc)
        return None
    finished(parent, written, can_open=can_open, note=escape(note))
    return written


def inform(parent: QWidget | None, title: str, headline: str, details: str) -> None:
    """An information message: the headline in bold, the details (HTML) under it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(f"<b>{escape(headline)}</b>")
    box.setInformativeText(details)
    box.setAccessibleName(title)
    box.setAccessibleDescription(headline)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
