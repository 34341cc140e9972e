"""Undo commands for the meeting as a whole: its header (times, public count, status …)
and its attendance list."""

from __future__ import annotations

from typing import Any

from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo_command import Command, snapshot


class SetAttendanceCommand(Command):
    """A person's attendance status in the meeting's attendance list."""

    def __init__(self, session: MeetingSession, person_id: str, status: Any, **kw: Any) -> None:
        super().__init__("Change attendance")
        self.session = session
        self.person_id = person_id
        self.status = status
        self.kw = kw
        self.before = snapshot(session.meeting.attendance_of(person_id))

    def apply(self) -> None:
        self.session.set_attendance(self.person_id, self.status, **self.kw)

    def undo(self) -> None:
        if self.before is None:
            self.session.remove_attendance(self.person_id)
        else:
            put_back_attendance(self.session, self.person_id, self.before)


def put_back_attendance(session: MeetingSession, person_id: str, before: Any) -> None:
    """Set a person's attendance back to ``before`` (a snapshot taken before a change)."""
    session.set_attendance(
        person_id,
        before.status,
        reason=before.reason,
        substitute_for=before.substitute_for,
        note=before.note,
        translation=dict(before.translation),
    )


HEADER_FIELDS = (
    "start_time",
    "end_time",
    "public_count",
    "status",
    "mode",
    "platform",
    "presiding_id",
    "minute_taker_id",
    "held",
    "next_date",
    "next_time",
    "next_venue",
    "after_signature",
    "translation",
)


class UpdateMeetingHeaderCommand(Command):
    """The meeting's times, public count or status changed (typed, or F5 / Shift+F5)."""

    def __init__(self, session: MeetingSession, text: str, **after: Any) -> None:
        super().__init__(text)
        self.session = session
        meeting = session.meeting
        self.before = {f: getattr(meeting, f) for f in HEADER_FIELDS}
        self.after = {**self.before, **after}

    def _put(self, values: dict[str, Any]) -> None:
        meeting = self.session.meeting
        kept = {f: getattr(meeting, f) for f in HEADER_FIELDS}
        for name, value in values.items():
            setattr(meeting, name, value)
        try:
            self.session.update_meeting()
        except Exception:
            for name, value in kept.items():  # refused: the record keeps what it had
                setattr(meeting, name, value)
            raise

    def apply(self) -> None:
        self._put(self.after)

    def redo(self) -> None:
        again = not self.skip_next_redo  # not the change itself: Redo
        super().redo()
        if again:
            self.session.meetingRestored.emit()

    def undo(self) -> None:
        self._put(self.before)
        self.session.meetingRestored.emit()


class ClearAttendanceCommand(Command):
    """A person taken off the meeting's attendance list; undo puts the record back."""

    def __init__(self, session: MeetingSession, person_id: str) -> None:
        super().__init__("Change attendance")
        self.session = session
        self.person_id = person_id
        self.before = snapshot(session.meeting.attendance_of(person_id))

    def apply(self) -> None:
        self.session.remove_attendance(self.person_id)

    def undo(self) -> None:
        if self.before is not None:
            put_back_attendance(self.session, self.person_id, self.before)
