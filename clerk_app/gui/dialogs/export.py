"""Export from the window: a file dialog that remembers its folder, the Word file written
in the background (with a progress dialog when it takes a while), and a way to open it.

The minutes are rendered on the GUI thread (the services' database connection belongs to
it); only writing the .docx, which needs no database, runs in a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from clerk_app.domain.document import Document, Version
from clerk_app.domain.model import Meeting
from clerk_app.gui import uiload
from clerk_app.gui.errors import show_error
from clerk_app.gui.files import DOCX_FILTER, problems, save_with_dialog

if TYPE_CHECKING:
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services import Services

PROGRESS_DELAY_MS = 300
VERSION_WORDS: dict[Version, str] = {
    Version.FULL: "minutes",
    Version.PUBLIC: "minutes (public)",
    Version.CONFIDENTIAL: "minutes (confidential)",
    Version.DECISIONS: "decisions",
    Version.ITEM: "draft minute",
    Version.REVIEW: "review copy",
    Version.INTERIM: "interim notes",
}


def suggested_name(body_name: str, meeting: Meeting, version: Version, item_id: str | None) -> str:
    """ "Planning Committee 2026-02-04 minutes (public).docx"."""
    from clerk_app.services.files import safe_filename

    words = VERSION_WORDS.get(version, str(version))
    if version is Version.ITEM and item_id:
        item = meeting.item(item_id)
        if item is not None:
            number = item.minute_number or item.number
            words = f"draft minute {number}" if number else f"draft minute – {item.title}"
    return safe_filename(f"{body_name} {meeting.date.isoformat()} {words}") + ".docx"


class _Signals(QObject):
    done = Signal(object)  # Path
    failed = Signal(object)  # BaseException


class ExportJob(QRunnable):
    """Writes a rendered document to a .docx in a worker thread."""

    def __init__(self, document: Document, path: Path, template: Path | None) -> None:
        super().__init__()
        self.document, self.path, self.template = document, path, template
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        from clerk_app.export import export_docx

        try:
            result = export_docx(self.document, self.path, template=self.template)
        except BaseException as exc:  # handed to the GUI thread, shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class ExportProgress(QDialog):
    """ "Writing minutes.docx…" with a busy bar (``ui/export_progress.ui``), shown only
    when the export takes longer than :data:`PROGRESS_DELAY_MS`. It cannot be closed
    while the file is being written; it closes itself when the export ends."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_into(self, "export_progress")
        what = uiload.child(self, QLabel, "what")
        what.setText(what.text().replace("{name}", file_name))
        self.setAccessibleDescription(what.text())
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self.show)
        self._writing = True

    def show_later(self) -> None:
        self._timer.start()

    def reject(self) -> None:
        if not self._writing:  # Escape does not abandon a half-written file
            super().reject()

    def finish(self) -> None:
        self._writing = False
        self._timer.stop()
        self.hide()
        self.deleteLater()


def run_export(
    parent: QWidget | None, document: Document, path: Path, template: Path | None
) -> Path:
    """Write the document in a worker thread, waiting (with the GUI responsive and a
    progress dialog after 300 ms) until it is done. Raises what the export raised."""
    job = ExportJob(document, path, template)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finished(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    job.signals.done.connect(lambda p: finished("path", p), Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(lambda e: finished("error", e), Qt.ConnectionType.QueuedConnection)
    progress = ExportProgress(path.name, parent)
    QThreadPool.globalInstance().start(job)
    progress.show_later()
    while not outcome:  # an unrelated quit() may end the loop early: wait on
        loop.exec()
    progress.finish()
    if "error" in outcome:
        raise outcome["error"]
    return Path(outcome["path"])


def export_with_dialog(
    parent: QWidget | None,
    services: Services,
    meeting: Meeting,
    version: Version = Version.FULL,
    item_id: str | None = None,
    prefs: Prefs | None = None,
) -> Path | None:
    """Ask where to save, export, and report. Returns the file written, or None when the
    clerk cancelled or the export failed (the failure has been shown)."""
    try:
        body = services.get_body(meeting.body_id)
    except problems() as exc:
        show_error(parent, exc)
        return None
    return save_with_dialog(
        parent,
        "Export the minutes as a Word document",
        lambda: suggested_name(body.name, meeting, version, item_id),
        DOCX_FILTER,
        prefs,
        lambda path: run_export(
            parent, services.render(meeting, version, item_id), path, services.template_for(body)
        ),
    )
