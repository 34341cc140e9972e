"""The main window: native menus from the keyboard map, the start page and the meeting.

``MainWindow(services, prefs)`` shows the start page; ``open_meeting(id)`` swaps in the
meeting screen. Every edit is already saved by the time the window hears of it; the
status bar says when ("Saved 14:28:03"). A save that fails because of the clerk's
situation (a locked database, a full disk, a data folder that has gone) is kept in memory
by the services' :class:`SaveGuard` and retried; the status bar says "Not saved" and a
notice above the meeting says why and what to do until it is saved. Window geometry and
the splitter layout are kept in the window-state file, apart from the clerk's settings.
"""

from __future__ import annotations

import contextlib
import copy
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.document import Version
from clerk_app.gui.action_sets import CHANGING_ACTIONS, MEETING_ACTIONS, SCREEN_ROUTES
from clerk_app.gui.actions import ActionRegistry
from clerk_app.gui.errors import describe, show_error
from clerk_app.gui.keys import KeyRouter
from clerk_app.gui.meeting.screen import MeetingScreen
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.prefs import Prefs
from clerk_app.gui.review_menu import (
    REVIEW_CHANGING_ACTIONS,
    REVIEW_LOCKED_ACTIONS,
    REVIEW_MEETING_ACTIONS,
    connect_review_actions,
)
from clerk_app.gui.save_status import SaveIndicator, UnsavedBar, confirm_quit, write_unsaved
from clerk_app.gui.undo import AddItemCommand, DeleteItemCommand
from clerk_app.services.save_guard import WINDOW_BUSY_TIMEOUT, SaveGuard
from clerk_app.storage.errors import StoreError
from clerk_app.storage.syncer import WalSyncer

if TYPE_CHECKING:
    from clerk_app.gui.start_page import StartPage


class MainWindow(QMainWindow):
    def __init__(self, services: Any, prefs: Prefs | None = None) -> None:
        super().__init__()
        self.services = services
        self.prefs = prefs or Prefs.in_memory()
        self.session: MeetingSession | None = None
        self.screen_widget: MeetingScreen | None = None
        self._review_windows: list[QWidget] = []  # kept alive while they are open
        self.setWindowTitle("Clerk")
        self.setAccessibleName("Clerk")
        self.resize(1280, 800)

        self.registry = ActionRegistry(self)
        self.menus = self.registry.build_menus(self.menuBar())
        for act in self.registry.actions().values():
            self.addAction(act)  # shortcuts work with the menu bar hidden too
        self._connect_actions()
        # shortcuts from every field; Alt+letter within the form the cursor is in
        self.key_router = KeyRouter(self, lambda: self.registry.actions().values())

        # failed saves are kept in memory and retried, never forgotten
        self.use_store(services.raw_store)
        self._syncer: WalSyncer | None = None
        guard = services.raw_store
        if (
            isinstance(guard, SaveGuard)
            and hasattr(guard.raw, "path")
            and getattr(guard.raw, "network_drive", None) is None  # held exclusively there
        ):
            # what is saved reaches the disk itself within seconds, off the window's thread
            self._syncer = WalSyncer(self._database_path)
            self._syncer.start()
        self.stack = QStackedWidget()
        self.unsaved_bar = UnsavedBar()
        self.unsaved_bar.retry_button.clicked.connect(self.retry_save)
        self.unsaved_bar.folder_button.clicked.connect(self.choose_data_folder)
        self.unsaved_bar.file_button.clicked.connect(self.write_unsaved)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.unsaved_bar)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.recording.bar)
        self.setCentralWidget(central)
        self.start_page: StartPage | None = None

        self.saved_label = SaveIndicator()
        self.statusBar().addPermanentWidget(self.saved_label)
        self._last_error: tuple[str, float] = ("", 0.0)
        self._update_enabled()
        geometry = self.prefs.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        # a meeting still open when Clerk last closed (or stopped) opens again at once;
        # otherwise the start page
        last = str(self.prefs.get("meeting/last_meeting_id") or "")
        if not (last and self._reopen(last)):
            self.show_start()

    # ------------------------------------------------------------------ the store
    def use_store(self, store: Any) -> None:
        """Work on ``store`` from now on (at start, and after a backup is restored), through
        a :class:`SaveGuard` so that a failed save is kept and tried again."""
        if isinstance(store, SaveGuard):
            self.services.store = store
            return
        with contextlib.suppress(AttributeError, StoreError):
            store.set_busy_timeout(WINDOW_BUSY_TIMEOUT)
        self.services.store = SaveGuard(store)

    def _database_path(self) -> Any:
        guard = self.services.raw_store
        return guard.raw.path if isinstance(guard, SaveGuard) else guard.path

    # ------------------------------------------------------------------ start page
    def _start(self) -> StartPage:
        """The start page, made the first time it is wanted."""
        if self.start_page is None:
            from clerk_app.gui.start_page import StartPage

            page = StartPage(self.services, self)
            page.meetingOpened.connect(self.open_meeting)
            page.newMeetingRequested.connect(self.new_meeting)
            page.newBodyRequested.connect(self.new_body)
            self.stack.insertWidget(0, page)
            self.start_page = page
            return page
        self.start_page.refresh()
        return self.start_page

    def show_start(self) -> None:
        """Back to the list of meetings (the open meeting is closed, all of it saved)."""
        if self.session is not None:
            self.close_meeting()
            self.prefs.set("meeting/last_meeting_id", "")
        self.stack.setCurrentWidget(self._start())
        self._update_enabled()

    def _reopen(self, meeting_id: str) -> bool:
        if self.open_meeting(meeting_id, quiet=True) is not None:
            return True
        self.prefs.set("meeting/last_meeting_id", "")  # deleted meanwhile
        return False

    # ------------------------------------------------------------------ the meeting
    def open_meeting(self, meeting_id: str, *, quiet: bool = False) -> MeetingScreen | None:
        """Show a meeting's screen; None (after saying why, unless ``quiet``) if it cannot
        be opened."""
        self.close_meeting()
        try:
            meeting = self.services.get_meeting(meeting_id)
            session = MeetingSession(self.services, meeting, self)
        except Exception as exc:
            if not quiet:
                show_error(self, exc)
            return None
        self.session = session
        screen = MeetingScreen(session)
        self.screen_widget = screen
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        state = self.prefs.state("meeting_splitter")
        if state is not None:
            screen.splitter.restoreState(state)
        session.saved.connect(self._saved)
        session.failed.connect(self._failed)
        session.unsavedChanged.connect(self._unsaved_changed)
        self._unsaved_changed(session.unsaved)
        session.undo_stack.cleanChanged.connect(lambda _c: self._update_undo_texts())
        session.undo_stack.indexChanged.connect(lambda _i: self._update_undo_texts())
        screen.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        screen.attendance.tree.addAction(self.registry["attendance_menu"])
        self.registry["toggle_agenda"].setChecked(True)
        self.registry["toggle_attendance"].setChecked(True)
        self.registry["toggle_preview"].setChecked(True)
        self.registry["toggle_translations"].setChecked(session.translations_shown)
        self.setWindowTitle(f"{session.body.name} {meeting.date:%d/%m/%Y} – Clerk")
        self.prefs.set("meeting/last_meeting_id", meeting_id)
        self._update_enabled()
        self._update_undo_texts()
        self.recording.meeting_opened(session)
        screen.focus_item()
        return screen

    def close_meeting(self) -> None:
        if self.session is None or self.screen_widget is None:
            return
        self.session.flush()
        self.session.dispose()
        self.prefs.save_state("meeting_splitter", self.screen_widget.splitter.saveState())
        screen, self.screen_widget = self.screen_widget, None
        for card in screen.item_pane.built_cards():
            card.form.detach()
        self.stack.removeWidget(screen)
        self.session.undo_stack.blockSignals(True)
        self.session.blockSignals(True)
        screen.deleteLater()
        self.session.deleteLater()
        self.session = None
        self.recording.meeting_closed()
        self.setWindowTitle("Clerk")
        self._update_enabled()

    def _saved(self, when: datetime) -> None:
        self.saved_label.show_saved(when)

    def _unsaved_changed(self, error: BaseException | None) -> None:
        self.saved_label.show_unsaved(error)
        self.unsaved_bar.show_error(error)
        if error is not None:
            _title, message, _advice = describe(error)
            self.statusBar().showMessage(f"Not saved: {message}", 10000)

    def retry_save(self) -> None:
        """Try now to save what could not be saved."""
        if self.session is not None:
            self.session.retry_save()
        else:
            guard = self.services.raw_store
            if isinstance(guard, SaveGuard):
                guard.catch_up()
                self._unsaved_changed(guard.behind)

    def choose_data_folder(self) -> None:
        """The data folder has gone: write the library into another folder and use it."""
        guard = self.services.raw_store
        if not isinstance(guard, SaveGuard):
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # dialogs: loaded when shown

        folder = QFileDialog.getExistingDirectory(self, "Choose a folder for the library")
        if not folder:
            return
        from clerk_app import paths

        old_folder = guard.raw.path.parent
        old_default = paths.is_chosen_by_default(old_folder)
        try:
            store = guard.move_library(folder)
        except Exception as exc:
            show_error(self, exc)
            return
        from clerk_app import paths

        new = store.path.parent
        if old_default:
            paths.remember_data_dir(new)
            after = "Clerk will open it from there from now on."
        else:
            after = f'To open it there next time, start Clerk with --data-dir "{new}".'
        QMessageBox.information(
            self,
            "The library is saved in the new folder",
            f"Your library, with everything typed so far, is now saved in {new}, and Clerk "
            f"goes on using it. {after} The old folder ({old_folder}) does not have your "
            "latest minutes.",
        )

    def write_unsaved(self) -> None:
        if self.session is not None:
            write_unsaved(self, self.session)

    def _failed(self, exc: BaseException) -> None:
        """A change was refused. What was typed stays on screen."""
        import time

        text = str(getattr(exc, "message", "") or exc)
        self.statusBar().showMessage(f"Not saved: {text}", 10000)
        self.saved_label.show_refused(text)
        last, at = self._last_error
        if last == text and time.monotonic() - at < 30:
            return  # do not interrupt typing with the same message again and again
        self._last_error = (text, time.monotonic())
        show_error(self, exc)

    # ------------------------------------------------------------------ actions
    def _connect_actions(self) -> None:
        r = self.registry
        on = self._on
        on("new_meeting", self.new_meeting)
        on("new_body", self.new_body)
        on("start_page", self.show_start)
        on("export", lambda: self.export(Version.FULL))
        on("export_item", lambda: self.export(Version.ITEM))
        on("export_public", lambda: self.export(Version.PUBLIC))
        on("export_confidential", lambda: self.export(Version.CONFIDENTIAL))
        on("export_decisions", lambda: self.export(Version.DECISIONS))
        on("export_interim", lambda: self.export(Version.INTERIM))
        on("restore_backup", self.restore_backup)
        on("settings", self.edit_settings)
        on("quit", self.close)
        on("undo", self.undo)
        on("redo", self.redo)
        on("cut", lambda: self._edit_call("cut"))
        on("copy", lambda: self._edit_call("copy"))
        on("paste", lambda: self._edit_call("paste"))
        for action_id, (method, *args) in SCREEN_ROUTES.items():
            on(action_id, lambda m=method, a=tuple(args): self._screen(m, *a))
        on("item_up", lambda: self._move_item(-1))
        on("item_down", lambda: self._move_item(1))
        on("add_item", self.add_item)
        on("delete_item", self.delete_item)
        r["toggle_agenda"].toggled.connect(lambda v: self._screen("set_pane_visible", "agenda", v))
        r["toggle_attendance"].toggled.connect(
            lambda v: self._screen("set_pane_visible", "attendance", v)
        )
        r["toggle_preview"].toggled.connect(self._set_previews_visible)
        r["toggle_translations"].toggled.connect(self._set_translations_shown)
        on("shortcuts", self.show_shortcuts)
        on("about", self.show_about)
        connect_review_actions(self)
        from clerk_app.gui.recording import connect_recording

        self.recording = connect_recording(self)  # the meeting's sound

    def _on(self, action_id: str, slot: Any) -> None:
        self.registry[action_id].triggered.connect(lambda _checked=False: slot())

    def _screen(self, method: str, *args: Any) -> None:
        if self.screen_widget is not None:
            getattr(self.screen_widget, method)(*args)

    def _set_previews_visible(self, visible: bool) -> None:
        if self.screen_widget is not None:
            self.screen_widget.item_pane.set_previews_visible(visible)

    def _set_translations_shown(self, shown: bool) -> None:
        if self.screen_widget is not None:
            self.screen_widget.item_pane.set_translations_shown(shown)
            self.screen_widget.header.facts.set_translations_shown(shown)

    def _update_enabled(self) -> None:
        open_ = self.session is not None
        locked = open_ and self.session is not None and self.session.meeting.locked
        for action_id in MEETING_ACTIONS | REVIEW_MEETING_ACTIONS:
            changes = action_id in CHANGING_ACTIONS | REVIEW_CHANGING_ACTIONS
            self.registry[action_id].setEnabled(open_ and not (locked and changes))
        for action_id in REVIEW_LOCKED_ACTIONS:  # corrections: only to approved minutes
            self.registry[action_id].setEnabled(bool(locked))
        bilingual = self.session is not None and bool(self.session.second_language)
        self.registry["toggle_translations"].setEnabled(bilingual)  # one language: nothing

    def _update_undo_texts(self) -> None:
        if self.session is None:
            return
        stack = self.session.undo_stack
        undo, redo = self.registry["undo"], self.registry["redo"]
        undo.setText(f"&Undo {stack.undoText()}".rstrip())
        redo.setText(f"&Redo {stack.redoText()}".rstrip())

    # ------------------------------------------------------------------ edit
    def undo(self) -> None:
        if self.session is None:
            return
        self.session.flush()  # the words typed a moment ago are the first thing to undo
        with contextlib.suppress(Exception):  # reported by the session
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is None:
            return
        self.session.flush()
        with contextlib.suppress(Exception):  # reported by the session
            self.session.undo_stack.redo()

    def _edit_call(self, name: str) -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            getattr(widget, name)()

    # ------------------------------------------------------------------ meeting commands
    def _move_item(self, step: int) -> None:
        from clerk_app.gui.undo import MoveItemCommand

        s = self.session
        if s is None or s.current_item is None:
            return
        ids = [i.id for i in s.meeting.items]
        target = ids.index(s.current_item_id) + step
        if 0 <= target < len(ids):
            s.push(MoveItemCommand(s, s.current_item_id, target))

    def add_item(self) -> None:
        s = self.session
        if s is None:
            return
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(self, "Add item", "Title of the new item:")
        if ok and title.strip():
            ids = [i.id for i in s.meeting.items]
            index = ids.index(s.current_item_id) + 1 if s.current_item_id in ids else None
            cmd = AddItemCommand(s, title.strip(), index)
            if s.push(cmd) and cmd.item is not None:
                s.set_current_item(cmd.item.id)

    def delete_item(self) -> None:
        s = self.session
        if s is not None and s.current_item is not None:
            s.flush()
            if s.push(DeleteItemCommand(s, s.current_item_id)):
                self.statusBar().showMessage("Item deleted. Undo (Ctrl+Z) brings it back.", 8000)

    # ------------------------------------------------------------------ dialogs
    def new_meeting(self) -> None:
        from clerk_app.gui.dialogs import NewMeetingDialog

        dialog = NewMeetingDialog(self.services, self)
        if dialog.exec() and dialog.meeting is not None:
            self.open_meeting(dialog.meeting.id)

    def new_body(self) -> None:
        from clerk_app.gui.dialogs import NewBodyDialog

        dialog = NewBodyDialog(self.services, self)
        if dialog.exec() and self.start_page is not None:
            self.start_page.refresh()

    def edit_settings(self) -> None:
        from clerk_app.gui.dialogs import SettingsDialog

        if self.session is None:
            return
        self.session.flush()
        numbering = copy.deepcopy(self.session.body.settings.numbering)
        dialog = SettingsDialog(self.services, self.session.body, self)
        if dialog.exec():
            self.session.body = self.services.get_body(self.session.body.id)
            self.session.attendanceChanged.emit()
            self.session.itemsChanged.emit()
            if self.session.body.settings.numbering != numbering:
                self.offer_renumbering()

    def offer_renumbering(self) -> None:
        """The body's numbering changed: number this meeting's items the new way?"""
        from PySide6.QtWidgets import QMessageBox

        from clerk_app.gui.undo import RenumberMeetingCommand

        s = self.session
        if s is None or s.meeting.locked or not s.meeting.items:
            return
        answer = QMessageBox.question(
            self,
            "Renumber this meeting?",
            "The body's minute numbering has changed. Number this meeting's items the new "
            "way now? Undo (Ctrl+Z) puts the old numbers back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes and s.push(RenumberMeetingCommand(s)):
            self.statusBar().showMessage("Renumbered. Undo (Ctrl+Z) puts the old numbers back.")

    def export(self, version: Version) -> None:
        from clerk_app.gui.dialogs import export_with_dialog

        s = self.session
        if s is None:
            return
        s.flush()
        item_id = s.current_item_id if version is Version.ITEM else None
        export_with_dialog(self, self.services, s.meeting, version, item_id, self.prefs)

    def restore_backup(self) -> None:
        from clerk_app.gui.dialogs.restore import restore_from_window

        restore_from_window(self)

    def show_shortcuts(self) -> None:
        from clerk_app.gui.dialogs import ShortcutsDialog

        ShortcutsDialog(self.registry.entries(), self).exec()

    def show_about(self) -> None:
        from clerk_app.gui.dialogs import AboutDialog

        AboutDialog(self).exec()

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self.session.flush()
            if self.session.unsaved is not None:
                self.session.retry_save()
            if not confirm_quit(self, self.session):
                event.ignore()
                return
        self.close_meeting()
        self.recording.shutdown()
        if self._syncer is not None:
            self._syncer.stop()
        self.prefs.save_geometry("main", self.saveGeometry())
        self.prefs.sync()
        super().closeEvent(event)
