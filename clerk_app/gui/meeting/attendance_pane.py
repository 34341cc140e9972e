"""Attendance at the current point of the minutes, with the quorum.

Who is present is read from the attendance timeline at the point the clerk is minuting,
so the moment a departure is recorded the person moves to "Left" and the quorum line
changes. F7 / F8 record that the selected person arrived / left now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    ChangeKind,
    Person,
    PersonKind,
    Role,
)
from clerk_app.gui import theme
from clerk_app.gui.icon import standard_icon
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import ClearAttendanceCommand, SetAttendanceCommand, UseCaseAddCommand


def on_screen(at: QPoint, size: QSize, screen: QRect) -> QPoint:
    """Where a menu of ``size`` wanted at ``at`` goes so that all of it is on ``screen``."""
    x = max(screen.left(), min(at.x(), screen.right() - size.width() + 1))
    y = at.y()
    if y + size.height() - 1 > screen.bottom():
        y = at.y() - size.height()  # above the row when there is no room below
    y = max(screen.top(), min(y, screen.bottom() - size.height() + 1))
    return QPoint(x, y)


ID_ROLE = Qt.ItemDataRole.UserRole + 1
# the Attendance menu's choices, with the window's shortcut for each
STATUS_CHOICES: list[tuple[str, AttendanceStatus | None, str]] = [
    ("&Present", AttendanceStatus.PRESENT, "Ctrl+F7"),
    ("Present r&emotely", AttendanceStatus.REMOTE, "Ctrl+Shift+F7"),
    ("&Apologies…", AttendanceStatus.APOLOGIES, "Ctrl+F8"),
    ("A&bsent (no apologies)", AttendanceStatus.ABSENT, "Ctrl+Shift+F8"),
    ("&Substitute for…", AttendanceStatus.SUBSTITUTE, "Ctrl+F6"),
    ("Officer &in attendance", AttendanceStatus.OFFICER, "Ctrl+Shift+F6"),
    ("Also present (&guest)", AttendanceStatus.OTHER, "Shift+F6"),
    ("&Not recorded", None, "Ctrl+Shift+F9"),
]

GROUPS = [
    ("present", "Present"),
    ("substitutes", "Substitutes"),
    ("left", "Left"),
    ("not_arrived", "Not yet arrived"),
    ("apologies", "Apologies"),
    ("absent", "Absent"),
    ("officers", "Officers in attendance"),
    ("others", "Also present"),
    ("not_recorded", "Not recorded"),
]


class AttendancePane(QWidget):
    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self._rows_shown: list[tuple[str, ...]] | None = None  # what the lists show
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 8, 8)
        title = QLabel("A&ttendance")
        title.setFont(theme.scaled_font(1.1, bold=True))
        lay.addWidget(title)

        quorum_row = QHBoxLayout()
        self.quorum_icon = QLabel()
        self.quorum = QLabel()
        self.quorum.setWordWrap(True)
        self.quorum.setAccessibleName("Quorum")
        quorum_row.addWidget(self.quorum_icon, 0, Qt.AlignmentFlag.AlignTop)
        quorum_row.addWidget(self.quorum, 1)
        lay.addLayout(quorum_row)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAccessibleName("Attendance")
        self.tree.setAccessibleDescription(
            "People at this point of the minutes. F7: arrived now. F8: left now."
        )
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        title.setBuddy(self.tree)
        lay.addWidget(self.tree, 1)

        buttons = QHBoxLayout()
        self.arrived = QPushButton("Arrived (F7)")
        self.arrived.setAccessibleName("Record that the selected person arrived now")
        self.arrived.clicked.connect(lambda: self.record(ChangeKind.ARRIVED))
        self.left = QPushButton("Left (F8)")
        self.left.setAccessibleName("Record that the selected person left now")
        self.left.clicked.connect(lambda: self.record(ChangeKind.LEFT))
        buttons.addWidget(self.arrived)
        buttons.addWidget(self.left)
        lay.addLayout(buttons)

        for sig in (
            session.attendanceChanged,
            session.currentItemChanged,
            session.currentBlockChanged,
            session.itemsChanged,
        ):
            sig.connect(self.refresh)
        self.menu: QMenu | None = None
        self.refresh()

    # ------------------------------------------------------------------ contents
    def _groups(self) -> dict[str, list[tuple[Person, str]]]:
        s = self.session
        present = s.present_ids()
        groups: dict[str, list[tuple[Person, str]]] = {key: [] for key, _t in GROUPS}
        departed = s.departed_ids()
        for person in s.body.people:
            record = s.meeting.attendance_of(person.id)
            status = record.status if record else None
            note = ""
            if record is not None:
                if status is AttendanceStatus.REMOTE:
                    note = "remote"
                elif status is AttendanceStatus.SUBSTITUTE and record.substitute_for:
                    note = f"for {s.name_of(record.substitute_for)}"
                elif status is AttendanceStatus.APOLOGIES and record.reason:
                    note = record.reason
            if status is AttendanceStatus.OTHER:
                groups["others"].append((person, note))
                continue
            if person.kind is PersonKind.OFFICER or status is AttendanceStatus.OFFICER:
                if status is not None or person.id in present:
                    groups["officers"].append((person, person.post))
                elif person.active:
                    groups["not_recorded"].append((person, person.post))
                continue
            if person.id in present:
                key = "others" if person.kind is PersonKind.OTHER else "present"
                if status is AttendanceStatus.SUBSTITUTE:
                    key = "substitutes"
                if person.role is Role.CHAIR:
                    note = (note + ", " if note else "") + s.body.settings.chair_title
                groups[key].append((person, note))
            elif status in (AttendanceStatus.APOLOGIES,):
                groups["apologies"].append((person, note))
            elif status is AttendanceStatus.ABSENT:
                groups["absent"].append((person, ""))
            elif person.id in departed:
                groups["left"].append((person, s.left_note(person.id)))
            elif status is not None:
                groups["not_arrived"].append((person, note))
            elif person.active:
                groups["not_recorded"].append((person, ""))
        return groups

    def refresh(self, *_args: object) -> None:
        """The lists and the quorum as they stand at the point being minuted. The lists
        are rebuilt only when what they show has changed: moving from block to block
        mostly leaves them as they were."""
        rows = self._rows()
        if rows != self._rows_shown:
            self._fill(rows)
            self._rows_shown = rows
        self._show_quorum()

    def _rows(self) -> list[tuple[str, ...]]:
        """What the lists show, row by row: a group's heading, or a person's line (its
        text, tool tip, person's id and accessible text)."""
        groups = self._groups()
        rows: list[tuple[str, ...]] = []
        for key, title in GROUPS:
            people = groups[key]
            if not people:
                continue
            rows.append((f"{title} ({len(people)})",))
            for person, note in people:
                name = self.session.display_name(person)
                if not note:
                    text = name
                elif len(note) <= 16 and key != "officers":
                    text = f"{name} ({note})"
                else:  # a post or a reason goes on a line of its own
                    text = f"{name}\n    {note}"
                rows.append((text, note, person.id, f"{name}, {title}, {note}"))
        return rows

    def _fill(self, rows: list[tuple[str, ...]]) -> None:
        selected = self.selected_person_id()
        self.tree.clear()
        reselect: QTreeWidgetItem | None = None
        for row in rows:
            if len(row) == 1:
                head = QTreeWidgetItem([row[0]])
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                self.tree.addTopLevelItem(head)
                continue
            text, note, person_id, accessible = row
            entry = QTreeWidgetItem([text])
            entry.setToolTip(0, note)
            entry.setData(0, ID_ROLE, person_id)
            entry.setData(0, Qt.ItemDataRole.AccessibleTextRole, accessible)
            self.tree.addTopLevelItem(entry)
            if person_id == selected:
                reselect = entry
        if reselect is not None:
            self.tree.setCurrentItem(reselect)

    def _show_quorum(self) -> None:
        present, quorum = self.session.quorum_state()
        ok = present >= quorum
        word = "Quorate" if ok else "NOT QUORATE"
        text = (
            f"{word}: {present} voting member{'s' if present != 1 else ''} present, quorum {quorum}"
        )
        self.quorum.setText(text)
        self.quorum.setAccessibleDescription(text)
        self.quorum.setProperty("quorate", ok)
        theme.set_tone(self.quorum, theme.Tone.OK if ok else theme.Tone.ERROR)
        size = self.fontMetrics().height()
        icon = standard_icon("apply" if ok else "error", self)
        self.quorum_icon.setPixmap(icon.pixmap(size, size))

    def quorum_text(self) -> str:
        return self.quorum.text()

    def people_in(self, group: str) -> list[str]:
        """Ids of the people listed under a group (tests, accessibility)."""
        return [p.id for p, _n in self._groups()[group]]

    # ------------------------------------------------------------------ selection, recording
    def selected_person_id(self) -> str | None:
        row = self.tree.currentItem()
        return row.data(0, ID_ROLE) if row is not None else None

    def select_person(self, person_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            if row is not None and row.data(0, ID_ROLE) == person_id:
                self.tree.setCurrentItem(row)
                return

    def focus_list(self) -> None:
        self.tree.setFocus()
        if self.tree.currentItem() is None:
            for i in range(self.tree.topLevelItemCount()):
                row = self.tree.topLevelItem(i)
                if row is not None and row.data(0, ID_ROLE):
                    self.tree.setCurrentItem(row)
                    break

    def _menu(self, pos: QPoint) -> None:
        row = self.tree.itemAt(pos)
        if row is None or not row.data(0, ID_ROLE):
            return
        self.tree.setCurrentItem(row)
        self.show_menu(self.tree.viewport().mapToGlobal(pos))

    def show_menu(self, at: QPoint | None = None) -> QMenu | None:
        """The choices for the selected person, under their row (Shift+F10, the Menu key)
        or where the mouse was, kept on the screen."""
        pid = self.selected_person_id()
        row = self.tree.currentItem()
        if not pid or row is None:
            return None
        menu = QMenu(self)
        menu.setAccessibleName(f"Attendance of {self.session.name_of(pid)}")
        for text, status, keys in STATUS_CHOICES:
            act = menu.addAction(text)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(lambda _c=False, st=status: self.choose_status(pid, st))
        menu.addSeparator()
        for text, change, keys in (
            ("A&rrived now", ChangeKind.ARRIVED, "F7"),
            ("&Left now", ChangeKind.LEFT, "F8"),
            ("Left the r&oom", ChangeKind.LEFT_ROOM, "Shift+F8"),
        ):
            act = menu.addAction(text)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(lambda _c=False, ch=change: self.record(ch, pid))
        if at is None:
            rect = self.tree.visualItemRect(row)
            at = self.tree.viewport().mapToGlobal(rect.bottomLeft() + QPoint(rect.width() // 4, 0))
        menu.popup(on_screen(at, menu.sizeHint(), self.screen().availableGeometry()))
        self.menu = menu
        return menu

    def choose_status(self, person_id: str, status: AttendanceStatus | None) -> None:
        """Set a person's attendance, asking for the reason (apologies) or the member
        substituted for (a substitute); None takes the person off the list."""
        from PySide6.QtWidgets import QInputDialog  # a dialog: loaded when first asked

        kw: dict[str, Any] = {}
        record = self.session.meeting.attendance_of(person_id)
        name = self.session.name_of(person_id)
        if status is None:
            if record is not None:
                self.session.push(ClearAttendanceCommand(self.session, person_id))
            self.select_person(person_id)
            return
        if status is AttendanceStatus.APOLOGIES:
            reason, ok = QInputDialog.getText(
                self,
                "Apologies",
                f"Reason {name} gave (leave empty if none was given):",
                text=record.reason if record else "",
            )
            if not ok:
                return
            kw["reason"] = reason.strip()
            translation = self._reason_translation(name, record, kw["reason"])
            if translation is not None:
                kw["translation"] = translation
        if status is AttendanceStatus.SUBSTITUTE:
            members = [
                p
                for p in self.session.body.members
                if p.id != person_id and p.active and p.kind is PersonKind.MEMBER
            ]
            names = [self.session.display_name(p) for p in members]
            if not names:
                return
            chosen, ok = QInputDialog.getItem(
                self, "Substitute", f"{name} attends as substitute for:", names, 0, False
            )
            if not ok or chosen not in names:
                return
            kw["substitute_for"] = members[names.index(chosen)].id
        self.set_status(person_id, status, **kw)

    def _reason_translation(
        self, name: str, record: Attendance | None, reason: str
    ) -> dict[str, str] | None:
        """Bilingual minutes: the reason in the second language (None: the record's own
        kept, when the clerk closes the question or there is no reason)."""
        language = self.session.second_language
        if not language or not reason:
            return None
        kept = dict(record.translation) if record is not None else {}
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self,
            "Apologies",
            f"The reason {name} gave, in {language} (leave empty to print it as typed):",
            text=kept.get("reason", ""),
        )
        if not ok:
            return None
        kept.pop("reason", None)
        return kept | ({"reason": text.strip()} if text.strip() else {})

    def set_status(self, person_id: str, status: AttendanceStatus, **kw: Any) -> None:
        """A person's place in the attendance list (present, apologies …), undoable."""
        self.session.push(SetAttendanceCommand(self.session, person_id, status, **kw))
        self.select_person(person_id)

    def record(self, change: ChangeKind, person_id: str | None = None) -> None:
        """Record that a person arrived / left now, at the current point of the minutes."""
        s = self.session
        pid = person_id or self.selected_person_id()
        item = s.current_item
        if not pid or item is None:
            return
        s.flush()
        index = s.insert_index()
        words = {
            ChangeKind.ARRIVED: "arrived",
            ChangeKind.LEFT: "left",
            ChangeKind.RETURNED: "returned",
            ChangeKind.LEFT_ROOM: "left the room",
        }
        cmd = UseCaseAddCommand(
            s,
            item.id,
            f"{s.name_of(pid)} {words[change]}",
            lambda: s.svc.record_attendance_change(s.meeting, item.id, pid, change, None, index),
        )
        if not s.push(cmd):
            return
        if cmd.block is not None:
            s.set_current_block(cmd.block.id)
        self.select_person(pid)
