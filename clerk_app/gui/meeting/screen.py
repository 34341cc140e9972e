"""The meeting screen: agenda | item | attendance in a splitter, with a find bar on top.

The window's actions call the command methods here (``insert``, ``next_item``,
``record_arrival`` …); each goes through an undo command, so everything the clerk does
is saved at once and can be undone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    AttendanceStatus,
    Block,
    ChangeKind,
    Declaration,
    ItemStatus,
    Motion,
    MotionKind,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Points,
)
from clerk_app.gui import theme
from clerk_app.gui.meeting.agenda_pane import AgendaPane, take_item_now
from clerk_app.gui.meeting.attendance_pane import AttendancePane
from clerk_app.gui.meeting.item_pane import ItemPane
from clerk_app.gui.meeting.meeting_header import MeetingHeader
from clerk_app.gui.meeting.search import MeetingFinder
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import AddBlockCommand, MoveBlockCommand, SetItemStatusCommand


def _now() -> Any:
    return datetime.now().time().replace(second=0, microsecond=0)


class MeetingScreen(QWidget):
    message = Signal(str)  # a quiet status-bar message

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Meeting")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.header = MeetingHeader(session)
        self.heading = self.header.heading
        outer.addWidget(self.header)

        self.locked_bar = QLabel(
            "These minutes have been approved as a correct record and cannot be changed here."
        )
        self.locked_bar.setWordWrap(True)
        self.locked_bar.setAccessibleName("Approved minutes")
        self.locked_bar.setStyleSheet(theme.bar_style(theme.Tone.INFO, self.palette()))
        self.locked_bar.setVisible(session.meeting.locked)
        outer.addWidget(self.locked_bar)

        self.find_bar = QWidget()
        fb = QHBoxLayout(self.find_bar)
        fb.setContentsMargins(10, 4, 10, 0)
        label = QLabel("&Find:")
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName("Find in meeting")
        self.find_edit.setPlaceholderText("Words in titles, paragraphs, points, resolutions…")
        self.find_edit.returnPressed.connect(self.find_next)
        label.setBuddy(self.find_edit)
        self.find_result = QLabel()
        self.find_result.setAccessibleName("Find result")
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Close find")
        close.clicked.connect(self.hide_find)
        fb.addWidget(label)
        fb.addWidget(self.find_edit, 1)
        fb.addWidget(self.find_result)
        fb.addWidget(close)
        self.find_bar.hide()
        outer.addWidget(self.find_bar)
        self.finder = MeetingFinder(session)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("meeting_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.agenda = AgendaPane(session)
        self.item_pane = ItemPane(session)
        self.attendance = AttendancePane(session)
        self.splitter.addWidget(self.agenda)
        self.splitter.addWidget(self.item_pane)
        self.splitter.addWidget(self.attendance)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([260, 760, 280])
        outer.addWidget(self.splitter, 1)
        self.setTabOrder(self.agenda.list, self.item_pane.header.title)

    # ------------------------------------------------------------------ the header
    def start_meeting(self) -> None:
        """F5: the meeting started now (the cursor on the time, to correct it)."""
        self.header.stamp_start()

    def end_meeting(self) -> None:
        """Shift+F5: the meeting ended now (the cursor on the time, to correct it)."""
        self.header.stamp_end()

    def focus_public(self) -> None:
        self.header.public.setFocus()
        self.header.public.selectAll()

    # ------------------------------------------------------------------ moving about
    def go_item(self, step: int) -> None:
        items = self.session.meeting.items
        ids = [i.id for i in items]
        if not ids:
            return
        here = ids.index(self.session.current_item_id) if self.session.current_item_id in ids else 0
        target = max(0, min(len(ids) - 1, here + step))
        self.session.set_current_item(ids[target])
        self.focus_item()

    def focus_item(self) -> None:
        """The cursor into the item's last block (where the clerk carries on), or its title."""
        item = self.session.current_item
        if item is not None and item.blocks:
            self.item_pane.focus_block(item.id, item.blocks[-1].id)
        else:
            self.item_pane.header.title.setFocus()

    def go_block(self, step: int) -> None:
        """The cursor into the next (1) or previous (-1) block of the item."""
        item = self.session.current_item
        if item is None or not item.blocks:
            return
        ids = [b.id for b in item.blocks]
        here = self.session.current_block_id
        if here in ids:
            target = ids[max(0, min(len(ids) - 1, ids.index(here) + step))]
        else:
            target = ids[0] if step > 0 else ids[-1]
        self.item_pane.focus_block(item.id, target)

    def focus_agenda(self) -> None:
        self.agenda.list.setFocus()

    def focus_attendance(self) -> None:
        self.attendance.focus_list()

    # ------------------------------------------------------------------ blocks
    def new_block(self, kind: str) -> Block | None:
        s = self.session
        settings = s.body.settings
        item = s.current_item
        if item is None:
            return None
        if kind == "paragraph":
            return Paragraph()
        if kind == "points":
            return Points(points=[""])
        if kind == "attendance":
            return AttendanceChange(change=ChangeKind.LEFT, at=_now())
        if kind == "declaration":
            first = settings.interest_types[0] if settings.interest_types else ""
            return Declaration(interest_type=first, at=_now())
        if kind == "motion":
            return Motion()
        if kind == "amendment":
            target = self._motion_to_amend()
            return Motion(
                motion_kind=MotionKind.AMENDMENT,
                amends_id=target.id if target else None,
                lead_in=target.lead_in if target else Motion().lead_in,
                clause_style=target.clause_style if target else Motion().clause_style,
                clauses=list(target.clauses) if target else [],
                preamble=target.preamble if target else "",
            )
        if kind == "action":
            return Action()
        if kind == "note":
            return Note(note_kind=NoteKind.TEXT)
        if kind == "adjourned":
            return Note(note_kind=NoteKind.ADJOURNED, at=_now())
        if kind == "resumed":
            return Note(note_kind=NoteKind.RESUMED, at=_now())
        if kind == "vote_later":
            from clerk_app.gui.meeting.forms.later_vote import new_vote_taken

            return new_vote_taken(item)
        from clerk_app.gui.meeting.forms import NEW_BLOCKS

        return NEW_BLOCKS[kind]()

    def _motion_to_amend(self) -> Motion | None:
        """The substantive motion being debated: the latest one still pending."""
        item = self.session.current_item
        if item is None:
            return None
        motions = [b for b in item.blocks if isinstance(b, Motion)]
        for m in reversed(motions):
            if m.motion_kind is not MotionKind.AMENDMENT and m.outcome is Outcome.PENDING:
                return m
        return motions[-1] if motions else None

    def insert(self, kind: str) -> None:
        s = self.session
        block = self.new_block(kind)
        item = s.current_item
        if block is None or item is None:
            return
        s.flush()
        label = kind.replace("_", " ")
        stack = s.undo_stack
        stack.beginMacro(f"Add {label}")
        try:
            if item.status is ItemStatus.PENDING:
                s.push(SetItemStatusCommand(s, item.id, ItemStatus.TAKEN))
            s.push(AddBlockCommand(s, item.id, block, s.insert_index(), f"Add {label}"))
        finally:
            stack.endMacro()

    def focus_vote(self) -> None:
        """Go to the vote of the motion being minuted (the current one, else the last)."""
        item = self.session.current_item
        if item is None:
            return
        current = self.item_pane.focused_card()
        motions = [b for b in item.blocks if isinstance(b, Motion)]
        pending = [m for m in motions if m.outcome is Outcome.PENDING]
        current_motion = next(
            (m for m in motions if current is not None and m.id == current.block_id), None
        )
        chosen: Motion | None
        if current_motion is not None and current_motion.outcome is Outcome.PENDING:
            chosen = current_motion
        elif pending:
            chosen = pending[-1]
        elif current_motion is not None:
            chosen = current_motion
        else:
            chosen = motions[-1] if motions else None
        motion_id = chosen.id if chosen else ""
        card = self.item_pane.cards.get(motion_id)
        if card is None:
            self.message.emit("There is no motion in this item to vote on: Ctrl+Shift+M adds one.")
            return
        from clerk_app.gui.meeting.forms.motion import MotionForm  # a motion's card is made

        assert isinstance(card.form, MotionForm)
        self.session.set_current_block(motion_id)
        card.form.focus_vote()
        self.item_pane.scroll_area.ensureWidgetVisible(card.form.vote_editor)

    def delete_current_block(self) -> None:
        card = self.item_pane.focused_card()
        if card is not None:
            self.item_pane.delete_block(card.block_id)

    def move_current_block(self, step: int) -> None:
        card = self.item_pane.focused_card()
        item = self.session.current_item
        if card is None or item is None:
            return
        index = self.session.block_index(item.id, card.block_id) + step
        if 0 <= index < len(item.blocks):
            self.session.flush()
            self.session.push(MoveBlockCommand(self.session, item.id, card.block_id, index))
            self.item_pane.focus_block(item.id, card.block_id)

    # ------------------------------------------------------------------ items
    def take_item(self) -> None:
        take_item_now(self.session, self.agenda.selected_item_id())

    def set_status(self, status: ItemStatus) -> None:
        item = self.session.current_item
        if item is not None:
            self.session.push(SetItemStatusCommand(self.session, item.id, status))

    # ------------------------------------------------------------------ attendance
    def record_change(self, change: ChangeKind) -> None:
        pid = self.attendance.selected_person_id()
        if not pid:
            self.message.emit("Choose a person in Attendance first (Ctrl+3).")
            self.focus_attendance()
            return
        self.attendance.record(change, pid)
        self.message.emit(f"Recorded: {self.session.name_of(pid)} {change.value.replace('_', ' ')}")

    def set_attendance(self, status: AttendanceStatus | None) -> None:
        """The selected person's place in the attendance list (Attendance menu)."""
        pid = self.attendance.selected_person_id()
        if not pid:
            self.message.emit("Choose a person in Attendance first (Ctrl+3).")
            self.focus_attendance()
            return
        self.attendance.choose_status(pid, status)

    def attendance_menu(self) -> None:
        self.attendance.show_menu()

    # ------------------------------------------------------------------ find
    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hide_find(self) -> None:
        self.find_bar.hide()
        self.focus_item()

    def find_next(self) -> None:
        text = self.find_edit.text()
        hit = self.finder.next(text)
        if hit is None:
            self.find_result.setText("Not found" if text.strip() else "")
            return
        item_id, block_id, number, total = hit
        self.find_result.setText(f"{number} of {total}")
        self.session.set_current_item(item_id)
        if block_id:
            self.item_pane.focus_block(item_id, block_id)
        self.find_edit.setFocus()

    # ------------------------------------------------------------------ views
    def set_pane_visible(self, pane: str, visible: bool) -> None:
        widget = {"agenda": self.agenda, "attendance": self.attendance}[pane]
        widget.setVisible(visible)
