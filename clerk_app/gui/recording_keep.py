"""After minutes are approved: offer to delete their recording, or keep it with a
reason, as the body's settings say; the part of :class:`RecordingControl`
(:mod:`clerk_app.gui.recording`) that decides what happens to the sound."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from clerk_app.domain.model import MeetingStatus

if TYPE_CHECKING:
    from clerk_app.domain.recording import Recording
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.meeting.session import MeetingSession
    from clerk_app.services.recording import Recordings


class KeepingMixin:
    """Delete the recording of approved minutes, or keep it with a reason (audited)."""

    window: MainWindow
    _session: MeetingSession | None
    _cache: list[Recording]

    if TYPE_CHECKING:

        @property
        def recs(self) -> Recordings: ...
        def _say(self, text: str) -> None: ...
        def _refresh_cache(self) -> None: ...

    # ------------------------------------------------------------------ after approval
    def _after_approval(self) -> None:
        s = self._session
        if s is None:
            return
        for summary in self.window.services.list_meetings(s.body.id):
            if summary.status is MeetingStatus.APPROVED and self.recs.of(summary.id):
                meeting = self.window.services.get_meeting(summary.id)
                if self.recs.awaiting_decision(meeting):
                    self.decide(meeting)

    def offer_decision(self) -> None:
        s = self._session
        if s is not None and s.meeting.locked:
            self.decide(s.meeting)

    def decide(self, meeting: Any, ran_out: date | None = None) -> None:
        """Offer to delete the recording of approved minutes (or keep it, with a reason):
        after approval, or when the days the body keeps recordings ``ran_out``."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from clerk_app.domain.dates import format_date
        from clerk_app.services.errors import ServiceError

        recs = self.recs
        if not recs.of(meeting.id):
            self._say("This meeting has no recording.")
            return
        body = self.window.services.get_body(meeting.body_id)
        days = body.settings.recordings_kept_days
        until = recs.keep_until(meeting, days)
        policy = (
            f"{body.name} keeps recordings for {days} days after approval (until "
            f"{format_date(until, weekday=False)})."
            if days and until
            else f"{body.name} keeps no recordings once the minutes are approved."
        )
        box = QMessageBox(self.window)
        box.setWindowTitle("Delete the recording?")
        held = format_date(meeting.date, weekday=False)
        if ran_out is not None:
            policy = (
                f"{body.name} keeps recordings for {days} days after approval: they ran out "
                f"on {format_date(ran_out, weekday=False)}."
            )
        box.setText(
            f"The minutes of {held} are approved. {policy} Delete the recording of the meeting now?"
        )
        delete = box.addButton("Delete the recording", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep it…", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(delete)
        box.exec()

        def audit(what: str, before: str, after: str) -> None:
            self.window.services.raw_store.add_audit(meeting.id, what, before, after, "")

        if box.clickedButton() is delete:
            why = (
                f"deleted when the {days} days recordings are kept after approval ran out"
                if ran_out is not None
                else "deleted after the minutes were approved"
            )
            count = recs.delete(meeting, audit, why)
            self._say(f"Recording deleted ({count} file(s)); the audit trail says so.")
        elif box.clickedButton() is keep:
            reason, ok = QInputDialog.getText(
                self.window, "Keep the recording", "Why is the recording kept?"
            )
            if not ok:
                return
            try:
                recs.keep(meeting, reason, audit)
            except ServiceError as exc:
                self._say(exc.message)
                return
            self._say("The recording is kept; the reason is in the audit trail.")
        self._refresh_cache()

    def _check_kept(self) -> None:
        """The open meeting's recording is kept past the body's days: offer to delete it."""
        s = self._session
        if s is None or not s.meeting.locked or not self._cache:  # no sound kept
            return
        body = self.window.services.get_body(s.meeting.body_id)
        days = body.settings.recordings_kept_days
        if self.recs.kept_too_long(s.meeting, days, date.today()):
            self.decide(s.meeting, ran_out=self.recs.keep_until(s.meeting, days))
