"""The start page: recent meetings, new meeting / new body, and the open actions of the
selected meeting's body.

The meetings are a model/view table fed from the meeting summaries a few hundred rows at a
time as the clerk scrolls (``fetchMore``), with columns sized from the font, not from
their contents: ten years of meetings open the page as quickly as ten meetings."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import body_date
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
# what each column is sized for (from the font, never from the rows)
COLUMN_SAMPLES = ("30 September 2026", "", "Extraordinary meeting", "Draft minutes", "Items")
FETCH_ROWS = 200  # rows handed to the view at a time
ACTIONS_SHOWN = 50  # open actions listed for the selected body (the newest)
Index = QModelIndex | QPersistentModelIndex


class MeetingsModel(QAbstractTableModel):
    """Meeting summaries as table rows, handed to the view :data:`FETCH_ROWS` at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: list[Any] = []
        self.styles: dict[str, Any] = {}  # body id → the body's style (how it writes dates)
        self._shown = 0

    def set_summaries(self, summaries: list[Any], styles: dict[str, Any] | None = None) -> None:
        self.beginResetModel()
        self.summaries = summaries
        self.styles = styles or {}
        self._shown = min(len(summaries), FETCH_ROWS)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self.summaries)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(FETCH_ROWS, len(self.summaries) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def show_row(self, row: int) -> None:
        """Hand the view every row up to ``row``."""
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        s = self.summaries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return body_date(s.date, self.styles.get(s.body_id), weekday=False)
            if col == 1:
                return s.body_name
            if col == 2:
                return TYPE_LABELS.get(s.meeting_type, str(s.meeting_type))
            if col == 3:
                return STATUS_LABELS.get(s.status, str(s.status))
            return str(s.item_count)
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


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

        heading = QLabel("Re&cent meetings")
        heading.setFont(theme.scaled_font(1.4, bold=True))
        self.model = MeetingsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Recent meetings")
        self.table.setAccessibleDescription("Press Enter to open the selected meeting")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for col, sample in enumerate(COLUMN_SAMPLES):
            if sample:
                header.resizeSection(col, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        heading.setBuddy(self.table)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._selection_changed()
        )

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

        self.actions_heading = QLabel("O&pen actions")
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
            bodies = self.services.list_bodies()
        except StoreError as exc:
            show_error(self, exc)
            return
        has_bodies = bool(bodies)
        self.model.set_summaries(self._summaries, {b.id: b.settings.style for b in bodies})
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
            self._select_row(ids.index(selected) if selected in ids else 0)
        self._selection_changed()

    def selected_meeting_id(self) -> str | None:
        row = self.table.currentIndex().row()
        if row < 0 or row >= len(self.model.summaries):
            return None
        return str(self.model.summaries[row].id)

    def _select_row(self, row: int) -> None:
        self.model.show_row(row)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _selected_summary(self) -> Any | None:
        mid = self.selected_meeting_id()
        return next((s for s in self._summaries if s.id == mid), None)

    def select_meeting(self, meeting_id: str) -> None:
        for row, s in enumerate(self._summaries):
            if s.id == meeting_id:
                self._select_row(row)

    def open_selected(self) -> None:
        mid = self.selected_meeting_id()
        if mid:
            self.meetingOpened.emit(mid)

    def _selection_changed(self) -> None:
        summary = self._selected_summary()
        self.actions_list.clear()
        if summary is None:
            self.actions_heading.setText("O&pen actions")
            self.actions_note.setText("Select a meeting to see its body's open actions.")
            return
        self.actions_heading.setText(f"O&pen actions – {summary.body_name}")
        actions = self._actions_cache.get(summary.body_id)
        if actions is None:
            from clerk_app.storage.errors import StoreError

            try:
                actions = self.services.open_actions(summary.body_id, date.max, ACTIONS_SHOWN + 1)
            except StoreError as exc:
                show_error(self, exc)
                actions = []
            self._actions_cache[summary.body_id] = actions
        style = self.model.styles.get(summary.body_id)
        more = len(actions) > ACTIONS_SHOWN
        for meeting, item, action in actions[:ACTIONS_SHOWN]:
            owner = f" – {action.owner}" if action.owner else ""
            due = f", due {body_date(action.due, style, weekday=False)}" if action.due else ""
            number = item.minute_number or item.number
            self.actions_list.addItem(
                f"{action.text}{owner}{due}\n"
                f"    minute {number}, {body_date(meeting.date, style, weekday=False)}"
            )
        if more:
            self.actions_note.setText(
                f"The {ACTIONS_SHOWN} most recent open actions. Open a meeting of this "
                "body and choose Review → Action log (Shift+F2) to see them all."
            )
        else:
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
