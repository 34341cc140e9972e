"""The start page: recent meetings, new meeting / new body, and the open actions of the
selected meeting's body."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import MeetingStatus, MeetingType
from clerk_app.gui import theme
from clerk_app.gui.errors import show_error

if TYPE_CHECKING:
    from clerk_app.services import Services

STATUS_LABELS = {
    MeetingStatus.PLANNED: "Planned",
    MeetingStatus.LIVE: "In progress",
    MeetingStatus.DRAFT: "Draft minutes",
    MeetingStatus.APPROVED: "Approved",
}
TYPE_LABELS = {
    MeetingType.ORDINARY: "Meeting",
    MeetingType.EXTRAORDINARY: "Extraordinary meeting",
    MeetingType.ANNUAL: "Annual meeting",
    MeetingType.SPECIAL: "Special meeting",
}
COLUMNS = ("Date", "Body", "Meeting", "Status", "Items")


class StartPage(QWidget):
    meetingOpened = Signal(str)
    newMeetingRequested = Signal()
    newBodyRequested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._summaries: list[Any] = []
        self._actions_cache: dict[str, list[Any]] = {}
        self._shortcuts_installed = False
        self.setAccessibleName("Start page")

        heading = QLabel("&Recent meetings")
        heading.setFont(theme.scaled_font(1.4, bold=True))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Recent meetings")
        self.table.setAccessibleDescription("Press Enter to open the selected meeting")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        heading.setBuddy(self.table)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("No meetings yet")

        self.new_meeting_button = QPushButton("New mee&ting…")
        self.new_meeting_button.setAccessibleName("New meeting")
        self.new_meeting_button.setToolTip(
            "Create a meeting and its agenda ("
            + QKeySequence(QKeySequence.StandardKey.New).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            + ")"
        )
        self.new_meeting_button.clicked.connect(self.newMeetingRequested)
        self.new_body_button = QPushButton("New &body…")
        self.new_body_button.setAccessibleName("New body")
        self.new_body_button.setToolTip("Create a committee, council or board with its members")
        self.new_body_button.clicked.connect(self.newBodyRequested)
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open meeting")
        self.open_button.setToolTip("Open the selected meeting (Enter)")
        self.open_button.clicked.connect(self.open_selected)
        self.settings_button = QPushButton("Body &settings…")
        self.settings_button.setAccessibleName("Body settings")
        self.settings_button.clicked.connect(self.edit_body_settings)
        self.demo_button = QPushButton("Open the &demo meeting")
        self.demo_button.setAccessibleName("Open the demo meeting")
        self.demo_button.clicked.connect(self.open_demo)
        buttons = QHBoxLayout()
        for b in (self.new_meeting_button, self.new_body_button, self.settings_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.open_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label, 1)
        left_layout.addLayout(buttons)

        self.actions_heading = QLabel("Open &actions")
        self.actions_heading.setFont(theme.scaled_font(1.15, bold=True))
        self.actions_list = QListWidget()
        self.actions_list.setAccessibleName("Open actions of the selected meeting's body")
        self.actions_list.setWordWrap(True)
        self.actions_heading.setBuddy(self.actions_list)
        self.actions_note = QLabel()
        self.actions_note.setWordWrap(True)
        theme.set_tone(self.actions_note, theme.Tone.MUTED)
        right = self.actions_panel = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.actions_heading)
        right_layout.addWidget(self.actions_list, 1)
        right_layout.addWidget(self.actions_note)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.refresh()

    # ---------------------------------------------------------------- shortcuts
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shortcuts_installed:
            self._install_shortcuts()

    def _install_shortcuts(self) -> None:
        """Ctrl+N for a new meeting, unless the window already has an action for it (two
        shortcuts on one key would cancel each other out)."""
        self._shortcuts_installed = True
        new = QKeySequence(QKeySequence.StandardKey.New)
        window = self.window()
        taken = any(
            any(s.matches(new) == QKeySequence.SequenceMatch.ExactMatch for s in a.shortcuts())
            for a in window.findChildren(QAction)
            if window is not self
        )
        if not taken:
            shortcut = QShortcut(new, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.newMeetingRequested)
            self.new_meeting_shortcut = shortcut

    # ------------------------------------------------------------------ content
    def refresh(self) -> None:
        """Reload the meetings (after a meeting or body was created or changed)."""
        from clerk_app.storage.errors import StoreError

        selected = self.selected_meeting_id()
        self._actions_cache.clear()
        try:
            self._summaries = self.services.list_meetings()
            has_bodies = bool(self.services.list_bodies())
        except StoreError as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(self._summaries))
        for row, s in enumerate(self._summaries):
            cells = [
                format_date(s.date, weekday=False),
                s.body_name,
                TYPE_LABELS.get(s.meeting_type, str(s.meeting_type)),
                STATUS_LABELS.get(s.status, str(s.status)),
                str(s.item_count),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, s.id)
                if col == 4:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, cell)
        empty = not self._summaries
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.actions_panel.setVisible(not empty)
        self.empty_label.setText(
            "No meetings yet.\n\nCreate one with New meeting, or look round the demo meeting first."
            if has_bodies
            else "Welcome to Clerk.\n\nStart with New body: a committee, council or board with its "
            "members and settings. Then create its first meeting with New meeting.\n\n"
            "Or open the demo meeting to see how minutes are taken."
        )
        self.open_button.setEnabled(not empty)
        self.settings_button.setEnabled(has_bodies)
        if not empty:
            ids = [s.id for s in self._summaries]
            row = ids.index(selected) if selected in ids else 0
            self.table.selectRow(row)
            self.table.setCurrentCell(row, 0)
        self._selection_changed()

    def selected_meeting_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._summaries):
            return None
        item = self.table.item(row, 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _selected_summary(self) -> Any | None:
        mid = self.selected_meeting_id()
        return next((s for s in self._summaries if s.id == mid), None)

    def select_meeting(self, meeting_id: str) -> None:
        for row, s in enumerate(self._summaries):
            if s.id == meeting_id:
                self.table.selectRow(row)
                self.table.setCurrentCell(row, 0)

    def open_selected(self) -> None:
        mid = self.selected_meeting_id()
        if mid:
            self.meetingOpened.emit(mid)

    def _selection_changed(self) -> None:
        summary = self._selected_summary()
        self.actions_list.clear()
        if summary is None:
            self.actions_heading.setText("Open &actions")
            self.actions_note.setText("Select a meeting to see its body's open actions.")
            return
        self.actions_heading.setText(f"Open &actions – {summary.body_name}")
        actions = self._actions_cache.get(summary.body_id)
        if actions is None:
            from clerk_app.storage.errors import StoreError

            try:
                actions = self.services.open_actions(summary.body_id, date.max)
            except StoreError as exc:
                show_error(self, exc)
                actions = []
            self._actions_cache[summary.body_id] = actions
        for meeting, item, action in actions:
            owner = f" – {action.owner}" if action.owner else ""
            due = f", due {format_date(action.due, weekday=False)}" if action.due else ""
            number = item.minute_number or item.number
            self.actions_list.addItem(
                f"{action.text}{owner}{due}\n"
                f"    minute {number}, {format_date(meeting.date, weekday=False)}"
            )
        self.actions_note.setText("" if actions else "No open actions for this body.")

    # ------------------------------------------------------------------ extras
    def edit_body_settings(self) -> None:
        from clerk_app.gui.dialogs.settings import SettingsDialog

        summary = self._selected_summary()
        bodies = self.services.list_bodies()
        body = next((b for b in bodies if summary and b.id == summary.body_id), None)
        body = body or (bodies[0] if bodies else None)
        if body is None:
            return
        if SettingsDialog(self.services, body, self).exec():
            self.refresh()

    def open_demo(self) -> None:
        """Create the fictional demo meeting (a new copy each time) and open it."""
        from clerk_app.services.demo import create_demo
        from clerk_app.storage.errors import StoreError

        try:
            meeting = create_demo(self.services)
        except StoreError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.select_meeting(meeting.id)
        self.meetingOpened.emit(meeting.id)
