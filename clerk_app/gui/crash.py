"""What happens on an unexpected error: a log in the data folder and a dialog.

:func:`install_crash_handler` routes uncaught exceptions (from the main thread, Qt slots
and worker threads) to a timestamped ``crash-….log`` in the logs folder, and shows a
dialog that says the minutes are already saved, with the details one click away. Qt's
own warnings go to ``clerk.log`` in the same folder.
"""

from __future__ import annotations

import html
import logging
import logging.handlers
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QMessageLogContext,
    QMetaObject,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import clerk_app

log = logging.getLogger("clerk")
qt_log = logging.getLogger("clerk.qt")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashDialog(QDialog):
    """Tells the clerk what happened, that the minutes are saved, and where the log is."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Clerk – something went wrong")
        self.setAccessibleName("Unexpected error")
        self.log_path = log_path

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(
            "<b>Clerk hit an unexpected problem.</b><br><br>"
            "Everything you typed up to this moment is already saved. You can carry on "
            "working; if the same thing keeps happening, close Clerk and open it again."
            + (
                "<br><br>The details have been written to:<br>"
                f"<code>{html.escape(str(log_path), quote=False)}</code>"
                if log_path
                else ""
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName("What happened")
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)

        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.setMinimumHeight(180)
        self.details.setVisible(False)

        buttons = QDialogButtonBox()
        self.details_button = QPushButton("Show &details")
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName("Show details")
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton("Open &log folder")
        self.folder_button.setAccessibleName("Open log folder")
        self.folder_button.clicked.connect(self._open_folder)
        self.folder_button.setEnabled(log_path is not None)
        close = buttons.addButton("C&ontinue", QDialogButtonBox.ButtonRole.AcceptRole)
        close.setAccessibleName("Continue")
        close.setDefault(True)
        for b in (self.details_button, self.copy_button, self.folder_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.details_button.setText("Hide &details" if on else "Show &details")
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def _open_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


class _MainThreadCaller(QObject):
    """Shows the dialog on the GUI thread when the error happened in a worker."""

    def __init__(self, handler: CrashHandler) -> None:
        super().__init__()
        self.handler = handler
        self.pending: list[tuple[str, Path | None]] = []

    @Slot()
    def show_pending(self) -> None:
        while self.pending:
            details, path = self.pending.pop(0)
            self.handler.show_dialog(details, path)


class CrashHandler:
    """Installed as ``sys.excepthook`` (and ``threading.excepthook``)."""

    def __init__(self, log_dir: Path, show: bool = True) -> None:
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.show = show
        self.showing = False
        self.last_log: Path | None = None
        self.dialogs_shown = 0
        self._previous_hook: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[..., object] | None = None
        self._caller: _MainThreadCaller | None = None
        self.previous_message_handler: Callable[..., None] | None = None

    # ------------------------------------------------------------------ logging
    def write_log(self, exc_info: ExcInfo) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self.log_dir / f"crash-{stamp}.log"
        details = self.format(exc_info)
        path.write_text(details, encoding="utf-8")
        self.last_log = path
        log.error("Unexpected error, details in %s", path, exc_info=exc_info)
        return path

    @staticmethod
    def format(exc_info: ExcInfo) -> str:
        tb = "".join(traceback.format_exception(*exc_info))
        return (
            f"Clerk {clerk_app.__version__} – unexpected error at "
            f"{datetime.now().isoformat(timespec='seconds')}\n"
            f"Python {platform.python_version()}, PySide6 {pyside_version}, "
            f"{platform.platform()}\n\n{tb}"
        )

    # ------------------------------------------------------------------- hooks
    def __call__(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(etype, KeyboardInterrupt):
            if self._previous_hook is not None:
                self._previous_hook(etype, value, tb)
            return
        try:
            path: Path | None = self.write_log((etype, value, tb))
        except OSError:
            path = None
        details = self.format((etype, value, tb))
        sys.stderr.write(details)
        if not self.show:
            return
        if threading.current_thread() is threading.main_thread():
            self.show_dialog(details, path)
        elif self._caller is not None:
            self._caller.pending.append((details, path))
            QMetaObject.invokeMethod(
                self._caller, "show_pending", Qt.ConnectionType.QueuedConnection
            )

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self(args.exc_type, args.exc_value, args.exc_traceback)

    def show_dialog(self, details: str, path: Path | None) -> None:
        app = QApplication.instance()
        if app is None or self.showing:
            return
        self.showing = True  # one dialog at a time, never a cascade
        try:
            parent = QApplication.activeWindow()
            dialog = CrashDialog(details, path, parent)
            self.dialogs_shown += 1
            dialog.exec()
        finally:
            self.showing = False

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self
        threading.excepthook = self._thread_hook
        if QApplication.instance() is not None:
            self._caller = _MainThreadCaller(self)

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous_hook is not None:
            sys.excepthook = self._previous_hook  # type: ignore[assignment]
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook  # type: ignore[assignment]
        qInstallMessageHandler(self.previous_message_handler)


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(level, "%s%s", message, where)


def setup_logging(log_dir: Path) -> Path:
    """``clerk.log`` in the logs folder (kept small: 5 files of 1 MB)."""
    path = Path(log_dir) / "clerk.log"
    root = logging.getLogger("clerk")
    for h in list(root.handlers):
        if getattr(h, "_clerk", False):
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=4, encoding="utf-8"
    )
    handler._clerk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_crash_handler(log_dir: str | os.PathLike[str], show: bool = True) -> CrashHandler:
    """Install the crash handler and route Qt's messages to ``clerk.log``."""
    handler = CrashHandler(Path(log_dir), show=show)
    setup_logging(handler.log_dir)
    handler.install()
    handler.previous_message_handler = qInstallMessageHandler(_qt_message)
    return handler


def keep_none_alive() -> bool:
    """Stop Python aborting with "none_dealloc: deallocating None" on Python 3.11.

    PySide6 6.12.0 hands back ``None`` from Qt methods that return nothing without taking
    a reference to it, so every such call lowers ``None``'s reference count by one; after
    some thousands of calls Python aborts. From Python 3.12 ``None`` is immortal and
    this cannot happen; here we give it the same effectively endless count. Returns
    True when the protection was applied."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40
    return True
