"""Approve the minutes of the previous meeting as a correct record.

The approval is minuted in this meeting's "Minutes of the previous meeting" item, and the
earlier meeting becomes locked: from then on it is read-only and exported as final, and
any later change is a recorded correction with its reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import ItemKind, Meeting, Motion, Role
from clerk_app.domain.naming import display_name
from clerk_app.gui import uiload
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError


class ApproveMinutesDialog(QDialog):
    def __init__(self, services: Services, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.meeting = services, meeting
        self.result_motion: Motion | None = None
        self.approved: Meeting | None = None
        uiload.load_into(self, "approve_minutes")
        self.previous = uiload.child(self, QComboBox, "previous")
        self.previous_message = uiload.child(self, FieldMessage, "previous_message")
        self.item = uiload.child(self, QComboBox, "item")
        self.signed_by = uiload.child(self, QLineEdit, "signed_by")
        self.corrections = uiload.child(self, QPlainTextEdit, "corrections")
        self.message = uiload.child(self, FieldMessage, "message")
        buttons = uiload.child(self, QDialogButtonBox, "buttons")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.approve)

        body = services.get_body(meeting.body_id)
        earlier = [
            s
            for s in services.list_meetings(meeting.body_id)
            if s.id != meeting.id and s.date <= meeting.date
        ]
        earlier.sort(key=lambda s: s.date, reverse=True)
        for s in earlier:
            locked = services.get_meeting(s.id).locked
            text = format_date(s.date)
            if locked:
                text += " (already approved)"
            self.previous.addItem(text, s.id)
        chosen = 0
        for i, item in enumerate(meeting.items):
            self.item.addItem(f"{item.minute_number or item.number} {item.title}".strip(), item.id)
            if item.kind is ItemKind.PREVIOUS_MINUTES:
                chosen = i
        self.item.setCurrentIndex(chosen)
        chair = next((p for p in body.people if p.role is Role.CHAIR), None)
        self.signed_by.setText(display_name(chair, body.settings) if chair else "")
        self.previous.currentIndexChanged.connect(lambda _i: self._check_previous())
        self._check_previous()

    def _check_previous(self) -> None:
        if self.previous.count() == 0:
            self.previous_message.show_problem(
                "There is no earlier meeting of this committee or council in Clerk."
            )
            self.ok.setEnabled(False)
            return
        locked = "already approved" in self.previous.currentText()
        self.previous_message.show_problem(
            "These minutes are already approved." if locked else None
        )
        self.ok.setEnabled(not locked)

    def approve(self) -> None:
        previous_id = self.previous.currentData()
        if not previous_id:
            return
        try:
            motion, previous = self.services.approve_previous_minutes(
                self.meeting,
                self.item.currentData(),
                previous_id,
                self.signed_by.text(),
                self.corrections.toPlainText(),
            )
        except ServiceError as exc:
            text = exc.message + (f" {exc.advice}" if exc.advice else "")
            self.message.show_problem(text)
            target = {"signed_by": self.signed_by, "item": self.item}.get(exc.field)
            if target is not None:
                target.setFocus()
            return
        self.result_motion, self.approved = motion, previous
        self.accept()
