"""What happens on an unexpected error: a log in the data folder and a dialog.

:func:`install_crash_handler` routes uncaught exceptions (from the main thread, Qt slots
and worker threads) to a timestamped ``crash-….log`` in the logs folder, and shows a
dialog that says the minutes are already saved, with the details one click away. Qt's
own warnings go to ``clerk.log`` in the same folder. The dialog, and what the report
needs, are loaded only when something goes wrong: not at start-up.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
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
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

import clerk_app

log = logging.getLogger("clerk")
qt_log = logging.getLogger("clerk.qt")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


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
        import platform
        import traceback

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
            from clerk_app.gui.dialogs.crash_dialog import CrashDialog

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


LOG_BYTES = 1_000_000  # ``clerk.log`` is started afresh when it has grown past this
LOG_KEEP = 4  # earlier logs kept beside it: clerk.log.1 (the newest) … clerk.log.4


def rotate_log(path: Path, keep: int = LOG_KEEP, limit: int = LOG_BYTES) -> None:
    """Move a log that has grown past ``limit`` to ``.1`` (``.1`` to ``.2`` …), keeping
    ``keep`` of them. Done when Clerk starts: a day's messages are a few kilobytes."""
    try:
        if path.stat().st_size < limit:
            return
    except OSError:
        return
    for n in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def setup_logging(log_dir: Path) -> Path:
    """``clerk.log`` in the logs folder (kept small: five files of about 1 MB at most)."""
    path = Path(log_dir) / "clerk.log"
    root = logging.getLogger("clerk")
    for h in list(root.handlers):
        if getattr(h, "_clerk", False):
            root.removeHandler(h)
            h.close()
    with contextlib.suppress(OSError):  # another copy has it open (Windows): append
        rotate_log(path)
    handler = logging.FileHandler(path, encoding="utf-8")
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
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    # ctypes.c_ssize_t, made from ctypes' core alone: the ctypes package costs a
    # millisecond and a half of every start for this one type
    from _ctypes import _SimpleCData
    from struct import calcsize

    class SSize(_SimpleCData):  # a C long where it is pointer-sized, else a long long
        _type_ = "l" if calcsize("l") == calcsize("P") else "q"

    refcount = SSize.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40
    return True
