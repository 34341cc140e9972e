"""Approve the minutes of the previous meeting as a correct record.

The approval is minuted in this meeting's "Minutes of the previous meeting" item, and the
earlier meeting becomes locked: from then on it is read-only and exported as final, and
any later change is a recorded correction with its reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import ItemKind, Meeting, Motion, Role
from clerk_app.domain.naming import display_name
from clerk_app.gui.dialogs.common import FieldMessage, add_row, form_layout, ok_cancel
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError

EXPLANATION = (
    "The approval is minuted under the item you choose. The earlier minutes then become "
    "<b>locked</b>: they can no longer be edited, their export is final (no DRAFT marking, "
    "with who signed them and when), and a later change can only be made as a recorded "
    "correction with its reason."
)


class ApproveMinutesDialog(QDialog):
    def __init__(self, services: Services, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.meeting = services, meeting
        self.result_motion: Motion | None = None
        self.approved: Meeting | None = None
        self.setWindowTitle("Approve the minutes of the previous meeting")
        self.setAccessibleName("Approve the minutes of the previous meeting")
        body = services.get_body(meeting.body_id)

        explain = QLabel(EXPLANATION)
        explain.setWordWrap(True)
        explain.setAccessibleName("What approval does")
        self.previous = QComboBox()
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
        self.item = QComboBox()
        chosen = 0
        for i, item in enumerate(meeting.items):
            self.item.addItem(f"{item.minute_number or item.number} {item.title}".strip(), item.id)
            if item.kind is ItemKind.PREVIOUS_MINUTES:
                chosen = i
        self.item.setCurrentIndex(chosen)
        chair = next((p for p in body.people if p.role is Role.CHAIR), None)
        self.signed_by = QLineEdit(display_name(chair, body.settings) if chair else "")
        self.corrections = QPlainTextEdit()
        self.corrections.setTabChangesFocus(True)
        self.corrections.setPlaceholderText("Leave empty when approved without corrections")
        self.corrections.setMaximumHeight(110)
        self.message = FieldMessage(self, "Problem")
        self.previous_message = FieldMessage(self, "About the earlier meeting")

        form = form_layout()
        add_row(form, "&Earlier meeting:", self.previous, message=self.previous_message)
        add_row(form, "Minuted under &item:", self.item)
        add_row(form, "&Signed by:", self.signed_by, hint="The chair who signs the minutes")
        add_row(form, "&Corrections:", self.corrections, hint="Corrections made on approval")
        buttons, self.ok = ok_cancel(self, "&Approve and lock")
        buttons.accepted.disconnect()
        buttons.accepted.connect(self.approve)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.previous.currentIndexChanged.connect(lambda _i: self._check_previous())
        self._check_previous()
        self.resize(620, 380)

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
