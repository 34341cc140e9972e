"""Clerk's window application: wires the store, the services and the window together.

``main()`` creates the QApplication (following the platform's style, palette, dark mode
and font: nothing is forced), installs the crash handler, opens the database (explaining
any problem and offering what can be done), shows the window and backs the database up
on the store's backup thread: a few seconds after opening, then every ten minutes while it
changes. The window's thread only asks for a backup and hears how it went.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

import clerk_app
from clerk_app import gcpause, paths
from clerk_app.gui.crash import install_crash_handler, keep_none_alive
from clerk_app.gui.errors import show_error
from clerk_app.gui.prefs import Prefs

if TYPE_CHECKING:
    from clerk_app.gui.dialogs.store_problem import Asker, FolderAsker
    from clerk_app.services import Services
    from clerk_app.storage import Store

log = logging.getLogger("clerk.app")
BACKUP_EVERY_MS = 10 * 60 * 1000
FIRST_BACKUP_MS = 5000  # after opening: once the window is up and the clerk can type
BACKUP_NEWS_MS = 1000  # how often the window asks whether a backup has finished
REVIEW_SUFFIX = ".clerkreview"
# how long a starting Clerk on macOS waits for Finder to say which file it was opened with
LAUNCH_FILE_WAIT_MS = 300
ORGANISATION = "Clerk"
DESKTOP_FILE = "clerk-app"


class ClerkApplication(QApplication):
    """Clerk's application object: the handlers offered the files the platform sends
    it as events rather than arguments (``file_handlers``), which only macOS does."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.file_handlers: list[Callable[[str], bool]] = []


class FinderApplication(ClerkApplication):
    """Clerk's application object on macOS.

    Finder hands a double-clicked file to the application as a ``FileOpen`` event sent
    to this object; each handler in ``file_handlers`` is offered the path and says
    whether it took it. Elsewhere files come as arguments, and the application takes no
    events in Python: each one handed to Python (a child added to the application, at
    start-up) makes PySide6 build every event class it knows to name the event's type.
    (An application-wide event filter would do the same and see every widget's events.)
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            from PySide6.QtGui import QFileOpenEvent  # macOS only: not loaded at start-up

            if isinstance(event, QFileOpenEvent):
                path = event.file()
                if any(handler(path) for handler in list(self.file_handlers)):
                    return True
        return super().event(event)


def application_class() -> type[ClerkApplication]:
    """The application class for this platform."""
    return FinderApplication if sys.platform == "darwin" else ClerkApplication


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, named and iconned; an existing one (tests) is reused."""
    existing = QApplication.instance()
    if existing is None:
        from PySide6.QtCore import Qt

        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app: QApplication = application_class()(argv)
    else:
        assert isinstance(existing, QApplication)
        app = existing
    app.setApplicationName("Clerk")
    app.setApplicationDisplayName("Clerk")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(clerk_app.__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    from clerk_app.gui.icon import app_icon

    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def close_quietly(app: QApplication, windows: list[QWidget]) -> None:
    """Close windows after the event loop has ended without leaving a "quit" behind for a
    later one (the application object outlives main() in tests and embedding)."""
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    for window in windows:
        window.close()
        window.deleteLater()
    app.setQuitOnLastWindowClosed(quit_on_close)
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


class ReviewFileOpener(QObject):
    """Review files the platform asks Clerk to open as events rather than arguments.

    macOS's Finder sends a double-clicked file to the application as a ``FileOpen`` event,
    both when it starts Clerk and while Clerk is running; other platforms pass it on the
    command line. Each review file opens in its own review window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.pending: list[str] = []
        self.windows: list[QWidget] = []
        self.prefs: Prefs | None = None
        self.opening = False  # False: keep files in ``pending``; True: open them at once
        self._app = app
        if isinstance(app, ClerkApplication):  # another application object gets no files
            app.file_handlers.append(self.offer)

    def offer(self, path: str) -> bool:
        """Take ``path`` if it is a review file: open it now, or once Clerk is ready."""
        if not path.lower().endswith(REVIEW_SUFFIX):
            return False
        if self.opening:
            self.open(path)
        else:
            self.pending.append(path)
        return True

    def wait_for_launch_file(self, timeout_ms: int = LAUNCH_FILE_WAIT_MS) -> str | None:
        """The review file Clerk was started with, if one arrives within ``timeout_ms``."""
        from PySide6.QtCore import QElapsedTimer, QEventLoop

        clock = QElapsedTimer()
        clock.start()
        while not self.pending and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return self.pending.pop(0) if self.pending else None

    def start_opening(self, prefs: Prefs | None) -> None:
        """From now on open review files as they come, and any that came meanwhile."""
        self.prefs, self.opening = prefs, True
        while self.pending:
            self.open(self.pending.pop(0))

    def open(self, path: str) -> None:
        from clerk_app.gui.review.window import open_review_window

        window = open_review_window(path, self.prefs, None)
        if window is not None:
            self.windows = [w for w in self.windows if w.isVisible()] + [window]

    def stop(self) -> None:
        app = self._app
        if isinstance(app, ClerkApplication):
            with contextlib.suppress(ValueError):
                app.file_handlers.remove(self.offer)
        close_quietly(app, self.windows)
        self.windows = []
        self.deleteLater()


def ask(parent: QWidget | None, exc: BaseException, database: Path, backups: list[Path]) -> Any:
    """The store-problem dialog's choice (its module loaded only when there is a problem)."""
    from clerk_app.gui.dialogs.store_problem import ask as dialog

    return dialog(parent, exc, database, backups)


def ask_data_folder(parent: QWidget | None, exc: BaseException) -> Path | None:
    """Another data folder, chosen by the clerk (the dialogs loaded only when needed)."""
    from clerk_app.gui.dialogs.store_problem import ask_data_folder as dialog

    return dialog(parent, exc)


def open_store(
    database: Path, parent: QWidget | None = None, asker: Asker | None = None
) -> Store | None:
    """Open the database, asking the clerk what to do about any problem (with the
    store-problem dialog unless ``asker`` is given); None when the clerk chose to quit.

    A damaged database is replaced by the backup the clerk chooses (or, for the choice
    :attr:`Choice.RESTORE`, the newest backup that passes its check)."""
    from clerk_app.storage import Store
    from clerk_app.storage.backup import list_backups
    from clerk_app.storage.errors import StoreError

    force = False
    while True:
        try:
            return Store.open(database, force=force)
        except StoreError as exc:
            log.warning("Cannot open %s: %s", database, exc)
            from clerk_app.gui.dialogs.store_problem import Choice

            backups = list_backups(database.parent / "backups", database)
            choice = (asker or ask)(parent, exc, database, backups)
            if choice is Choice.QUIT:
                return None
            if choice is Choice.OPEN_ANYWAY:
                force = True
            elif isinstance(choice, Path) or (choice is Choice.RESTORE and backups):
                candidates = [choice] if isinstance(choice, Path) else backups
                if not _restore_first_good(candidates, database, parent):
                    return None


def _restore_first_good(candidates: list[Path], database: Path, parent: QWidget | None) -> bool:
    """Put back the first of ``candidates`` that passes its check; False (after saying
    why) when none does."""
    from clerk_app.storage import Store
    from clerk_app.storage.errors import InUseElsewhere, StoreError

    last: StoreError | None = None
    for backup in candidates:
        try:
            Store.restore_backup(backup, database)
            log.info("Restored %s from %s", database, backup)
            return True
        except InUseElsewhere as exc:
            last = exc
            break  # no other backup will do better
        except StoreError as exc:
            log.warning("Backup %s cannot be restored: %s", backup, exc)
            last = exc
    if last is not None:
        show_error(parent, last)
    return False


def make_window(services: Services, prefs: Prefs) -> QMainWindow:
    """The main window."""
    from clerk_app.gui.main_window import MainWindow

    return MainWindow(services, prefs)


def _periodic_backup(window: QMainWindow, reason: str = "periodic") -> None:
    """Ask the store's backup thread for a backup if one is due (never waits for it)."""
    store = _current_store(window)
    if store is None or store.closed:
        return
    if reason == "periodic":
        store.maybe_periodic_backup(background=True)
    else:
        store.backup_in_background(reason)


def _backup_news(window: QMainWindow) -> None:
    """Log the backups finished since the last look; say so in the status bar if one
    failed."""
    store = _current_store(window)
    take = getattr(store, "take_backup_reports", None)
    if store is None or take is None:
        return
    for report in take():
        if report.error is None:
            log.info("Backed up to %s in %.2f s", report.path, report.seconds)
            continue
        log.warning("Automatic backup failed: %s", report.error)
        window.statusBar().showMessage(
            f"The automatic backup failed: {report.error.message}", 15000
        )


def _window_up() -> None:
    """The window is up: the cycle collector resumes (see gcpause), and the modules it
    took are the ones the module cache keeps for the next start (see modulecache)."""
    from clerk_app import modulecache

    gcpause.resume()
    modulecache.mark_started()


def _start_backups(window: QMainWindow) -> None:
    """The first backup soon after opening, then every ten minutes, all off this thread."""
    QTimer.singleShot(FIRST_BACKUP_MS, window, lambda: _periodic_backup(window, "open"))
    timer = QTimer(window)
    timer.setInterval(BACKUP_EVERY_MS)
    timer.timeout.connect(lambda: _periodic_backup(window))
    timer.start()
    news = QTimer(window)
    news.setInterval(BACKUP_NEWS_MS)
    news.timeout.connect(lambda: _backup_news(window))
    news.start()


def _current_store(window: QMainWindow) -> Store | None:
    """The store the window works on now (File → Restore a backup… replaces it)."""
    services = getattr(window, "services", None)
    return getattr(services, "raw_store", None)


def usable_data_dir(
    data_dir: str | None, parent: QWidget | None = None, asker: FolderAsker | None = None
) -> Path | None:
    """The data folder with its logs folder made, asking the clerk for another folder
    while it cannot be made; None when the clerk chose to quit."""
    from clerk_app.storage.errors import DataFolderUnusable

    while True:
        try:
            paths.logs_dir(data_dir)
            return paths.data_dir(data_dir)
        except DataFolderUnusable as exc:
            log.warning("Cannot use the data folder: %s", exc)
            chosen = (asker or ask_data_folder)(parent, exc)
            if chosen is None:
                return None
            data_dir = str(chosen)


def _existing_data_dir(data_dir: str | None) -> Path | None:
    """The data folder if it already exists (review mode never creates one)."""
    folder = paths.data_dir(data_dir, create=False)
    return folder if folder.is_dir() else None


def run_review(
    app: QApplication,
    review_file: str,
    data_dir: str | None = None,
    opener: ReviewFileOpener | None = None,
) -> int:
    """Review mode: the chair's review file in its own window, with no library at all.

    The chair's computer may have no Clerk database: none is opened or created. Settings
    and logs go to the data folder only if it already exists, otherwise to a temporary one.
    """
    import tempfile

    from clerk_app.gui.review.window import open_review_window

    existing = _existing_data_dir(data_dir)
    folder = existing if existing is not None else Path(tempfile.mkdtemp(prefix="clerk-review-"))
    crash = install_crash_handler(folder / "logs")
    log.info("Clerk %s opening %s in review mode", clerk_app.__version__, review_file)
    prefs = Prefs.open(folder) if existing is not None else Prefs.in_memory()
    window: Any = None
    code = 1
    try:
        window = open_review_window(review_file, prefs)
        if window is not None:
            if opener is not None:
                opener.start_opening(prefs)
            QTimer.singleShot(0, window, _window_up)
            code = app.exec()
    finally:
        if window is not None:
            close_quietly(app, [window])
        prefs.sync()
        crash.uninstall()
    return int(code)


def main(
    argv: list[str] | None = None,
    data_dir: str | None = None,
    review_file: str | None = None,
    on_ready: Callable[[QMainWindow], None] | None = None,
) -> int:
    """Run the window application; returns the exit code. With ``review_file`` the chair's
    review file opens in review mode instead of the clerk's library. ``on_ready`` is called
    with the window once it is shown and the event loop is running (tests, benchmarks)."""
    keep_none_alive()
    args = list(sys.argv if argv is None else argv) or ["clerk-app"]
    app = create_application(args)
    opener = ReviewFileOpener(app)
    try:
        if review_file is None and sys.platform == "darwin":
            review_file = opener.wait_for_launch_file()
        if review_file is not None:
            return run_review(app, review_file, data_dir, opener)
        return _run_library(app, data_dir, on_ready, opener)
    finally:
        opener.stop()
        gcpause.resume()


def _run_library(
    app: QApplication,
    data_dir: str | None,
    on_ready: Callable[[QMainWindow], None] | None,
    opener: ReviewFileOpener,
) -> int:
    """The clerk's library and meeting window, until it closes."""
    found = usable_data_dir(data_dir)
    if found is None:
        return 1
    folder = found
    crash = install_crash_handler(paths.logs_dir(folder))
    log.info("Clerk %s starting with data in %s", clerk_app.__version__, folder)
    prefs = Prefs.open(folder)
    store = open_store(paths.database_path(folder))
    if store is None:
        crash.uninstall()
        return 1
    window: Any = None
    try:
        from clerk_app.services import Services

        window = make_window(Services(store), prefs)
        window.show()
        if store.network_drive is not None:
            from clerk_app.storage.netfs import network_note

            window.statusBar().showMessage(network_note(store.network_drive), 30000)
        _start_backups(window)
        opener.start_opening(prefs)
        QTimer.singleShot(0, window, _window_up)
        if on_ready is not None:
            QTimer.singleShot(0, window, lambda: on_ready(window))
        code = app.exec()
    finally:
        if window is not None:
            close_quietly(app, [window])
        prefs.sync()
        current = _current_store(window) if window is not None else None
        if current is not None:
            current.close()  # File → Restore a backup… may have replaced the first store
        store.close()
        crash.uninstall()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
