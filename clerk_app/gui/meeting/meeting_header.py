"""The meeting's header above the three panes: body, date and venue, the times the meeting
started and ended, and the number of members of the public, typed and corrected here.

The times take every form the other time fields take ("7pm", "19:00", "9.30pm"); F5 and
Shift+F5 fill them with the clock and put the cursor there, so a wrong time is corrected
at once. Every change is one undo step (:class:`UpdateMeetingHeaderCommand`).
"""

from __future__ import annotations

import copy
from datetime import datetime, time
from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.domain.dates import body_date
from clerk_app.domain.model import MeetingStatus
from clerk_app.gui import theme
from clerk_app.gui.meeting.forms.base import FieldWatcher
from clerk_app.gui.meeting.meeting_facts import MeetingFacts
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import UpdateMeetingHeaderCommand
from clerk_app.gui.widgets import TimeEdit
from clerk_app.services.rules import MAX_PUBLIC, header_problems


def clock_now() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)


class MeetingHeader(QWidget):
    owns_fields = True  # Ctrl+Z in these fields undoes the meeting's last change
    mnemonic_scope = True  # Alt+R, Alt+D, Alt+B go to these fields while the cursor is here

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Meeting header")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 0)
        outer.setSpacing(2)
        self.heading = QLabel()
        self.heading.setFont(theme.scaled_font(1.05, bold=True))
        self.heading.setAccessibleName("Meeting")
        outer.addWidget(self.heading)
        row = QHBoxLayout()
        clock = session.body.settings.clock_24h
        self.start = TimeEdit(clock_24h=clock)
        self.end = TimeEdit(clock_24h=clock)
        self.public = QLineEdit()
        self.public.setValidator(QIntValidator(0, MAX_PUBLIC, self.public))
        self.public.setPlaceholderText("none recorded")
        self.public.setMaximumWidth(self.fontMetrics().horizontalAdvance("none recorded") + 24)
        for text, field, name in (
            ("Sta&rted:", self.start, "Time the meeting started"),
            ("En&ded:", self.end, "Time the meeting ended"),
            ("Members of the pu&blic:", self.public, "Number of members of the public"),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(name)
            row.addWidget(label)
            row.addWidget(field)
            row.addSpacing(12)
        self.problem = QLabel()
        self.problem.setAccessibleName("Header problem")
        self.problem.setWordWrap(True)
        theme.set_tone(self.problem, theme.Tone.ERROR)
        row.addWidget(self.problem, 1)
        outer.addLayout(row)
        self.facts = MeetingFacts(session)
        outer.addWidget(self.facts)
        self.start.timeChanged.connect(
            lambda v: self._change("Change the start time", start_time=v)
        )
        self.end.timeChanged.connect(lambda v: self._change("Change the end time", end_time=v))
        self.public.editingFinished.connect(self._public_done)
        session.itemsChanged.connect(self.refresh)
        session.register_flusher(self.flush)
        FieldWatcher.start()
        self.refresh()

    # ------------------------------------------------------------------ fields
    def field_focus_in(self) -> None:
        """The cursor came into a header field (nothing to prepare)."""

    def field_focus_out(self) -> None:
        """The cursor left a header field: what was typed is saved by now."""

    def flush(self) -> None:
        """Save a time or count typed and not yet confirmed (before undo, export …)."""
        for edit in (self.start, self.end):
            if edit.text() != _shown(edit):
                edit.commit()
        self._public_done()
        self.facts.flush()

    def refresh(self) -> None:
        m = self.session.meeting
        body = self.session.body
        status = {"live": "live", "draft": "draft", "approved": "approved"}.get(m.status.value, "")
        self.heading.setText(
            f"{body.name} — {body_date(m.date, body.settings.style)}"
            + (f" — {m.venue}" if m.venue else "")
            + (f"   ({status})" if status else "")
        )
        for edit, value in ((self.start, m.start_time), (self.end, m.end_time)):
            if edit.time() != value or edit.text() != _shown(edit):
                edit.setTime(value)
        count = "" if m.public_count is None else str(m.public_count)
        if self.public.text() != count:
            self.public.setText(count)
        locked = m.locked
        for field in (self.start, self.end, self.public):
            field.setReadOnly(locked)

    def _public_done(self) -> None:
        text = self.public.text().strip()
        value = int(text) if text.isdigit() else None
        if value != self.session.meeting.public_count:
            self._change("Change the number of members of the public", public_count=value)

    def _change(self, text: str, **values: Any) -> bool:
        """Save the header with ``values``; a value the rules refuse stays in its field,
        with what is wrong beside it, for the clerk to correct."""
        trial = copy.copy(self.session.meeting)
        for name, value in values.items():
            setattr(trial, name, value)
        problems = header_problems(trial)
        if problems:
            self.problem.setText(f"Not saved: {problems[0].message} Correct the time.")
            return False
        ok = self.session.push(UpdateMeetingHeaderCommand(self.session, text, **values))
        self.problem.setText("" if ok else "Not saved. Check the times and try again.")
        if not ok:
            self.refresh()
        return ok

    # ------------------------------------------------------------------ F5 / Shift+F5
    def stamp_start(self) -> None:
        """The meeting starts now: the start time is the clock's, the cursor on it."""
        m = self.session.meeting
        self.session.flush()
        status = MeetingStatus.LIVE if m.status is MeetingStatus.PLANNED else m.status
        now = clock_now()
        if not self._change("Start the meeting now", start_time=now, status=status):
            self.start.setText(_shown_time(now, self.start))
        self._focus(self.start)

    def stamp_end(self) -> None:
        """The meeting ends now: the end time is the clock's, the cursor on it."""
        m = self.session.meeting
        self.session.flush()
        status = MeetingStatus.DRAFT if m.status is not MeetingStatus.APPROVED else m.status
        now = clock_now()
        if not self._change("End the meeting now", end_time=now, status=status):
            self.end.setText(_shown_time(now, self.end))  # kept on screen to be corrected
        self._focus(self.end)

    @staticmethod
    def _focus(edit: QLineEdit) -> None:
        edit.setFocus()
        edit.selectAll()


def _shown(edit: TimeEdit) -> str:
    return _shown_time(edit.time(), edit)


def _shown_time(value: time | None, edit: TimeEdit) -> str:
    from clerk_app.gui.widgets.time_edit import format_time

    return format_time(value, edit._clock_24h)
