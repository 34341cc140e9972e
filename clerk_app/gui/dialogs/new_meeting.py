"""File → New meeting: body, date, time, venue, type and the agenda pasted as text."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from clerk_app.domain.dates import body_date, format_date, format_time
from clerk_app.domain.model import Body, Meeting, MeetingType
from clerk_app.domain.timeparse import parse_date, parse_time
from clerk_app.gui import theme, uiload
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.gui.errors import show_error

if TYPE_CHECKING:
    from clerk_app.services import Services

MEETING_TYPE_LABELS: dict[MeetingType, str] = {
    MeetingType.ORDINARY: "Ordinary meeting",
    MeetingType.EXTRAORDINARY: "Extraordinary meeting",
    MeetingType.ANNUAL: "Annual meeting",
    MeetingType.SPECIAL: "Special meeting",
}


def body_label(body: Body) -> str:
    """A body as lists show it: "Planning Committee – Harrowfield Borough Council", or the
    name alone when the authority is the body itself (a parish council)."""
    authority = body.authority.strip()
    if not authority or authority.casefold() in body.name.casefold():
        return body.name
    return f"{body.name} – {authority}"


def agenda_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class NewMeetingDialog(QDialog):
    """Create a meeting: ``exec()``, then ``.meeting`` is the saved :class:`Meeting`."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, body_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting: Meeting | None = None
        self._bodies: list[Body] = []
        uiload.load_into(self, "new_meeting")
        self.body_combo = uiload.child(self, QComboBox, "body_combo")
        self.new_body_button = uiload.child(self, QPushButton, "new_body_button")
        self.body_message = uiload.child(self, FieldMessage, "body_message")
        self.date_edit = uiload.child(self, QLineEdit, "date_edit")
        self.date_message = uiload.child(self, FieldMessage, "date_message")
        self.time_edit = uiload.child(self, QLineEdit, "time_edit")
        self.time_message = uiload.child(self, FieldMessage, "time_message")
        self.venue_edit = uiload.child(self, QLineEdit, "venue_edit")
        self.type_combo = uiload.child(self, QComboBox, "type_combo")
        self.agenda_edit = uiload.child(self, QPlainTextEdit, "agenda_edit")
        self.agenda_summary = uiload.child(self, FieldMessage, "agenda_summary")
        self.standard_check = uiload.child(self, QCheckBox, "standard_check")
        self.standard_list = uiload.child(self, QLabel, "standard_list")
        self.actions_label = uiload.child(self, QLabel, "actions_label")
        self.actions_list = uiload.child(self, QListWidget, "actions_list")
        self.message = uiload.child(self, FieldMessage, "message")
        buttons = uiload.child(self, QDialogButtonBox, "buttons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        self.date_edit.setText(date.today().strftime("%d/%m/%Y"))
        for kind, label in MEETING_TYPE_LABELS.items():
            self.type_combo.addItem(label, kind)
        self.new_body_button.clicked.connect(self._new_body)
        self.body_combo.currentIndexChanged.connect(self._body_changed)
        self.date_edit.textChanged.connect(self._validate)
        self.date_edit.editingFinished.connect(self._load_actions)
        self.time_edit.textChanged.connect(self._validate)
        self.agenda_edit.textChanged.connect(self._agenda_changed)
        self.load_bodies(body_id)
        self._agenda_changed()

    # --------------------------------------------------------------- bodies
    def load_bodies(self, select_id: str | None = None) -> None:
        self._bodies = self.services.list_bodies()
        self.body_combo.blockSignals(True)
        self.body_combo.clear()
        for b in self._bodies:
            label = body_label(b)
            self.body_combo.addItem(label, b.id)
        if select_id is None:  # the body of the most recent meeting, most likely the next
            recent = self.services.list_meetings()
            select_id = recent[0].body_id if recent else None
        index = self.body_combo.findData(select_id) if select_id else 0
        self.body_combo.setCurrentIndex(max(index, 0) if self._bodies else -1)
        self.body_combo.blockSignals(False)
        self._body_changed()

    @property
    def body(self) -> Body | None:
        body_id = self.body_combo.currentData()
        return next((b for b in self._bodies if b.id == body_id), None)

    def _new_body(self) -> None:
        from clerk_app.gui.dialogs.new_body import NewBodyDialog

        dialog = NewBodyDialog(self.services, self)
        if dialog.exec() and dialog.body is not None:
            self.load_bodies(dialog.body.id)

    def _body_changed(self) -> None:
        body = self.body
        items = body.settings.standard_items if body else []
        items = [t for t in items if t.strip()]
        self.standard_list.setText("; ".join(items) if items else "(this body has none)")
        self.standard_check.setEnabled(bool(items))
        self._load_actions()
        self._validate()

    def _load_actions(self) -> None:
        self.actions_list.clear()
        body = self.body
        on = self._date()
        if body is None:
            return
        found = self.services.open_actions(body.id, on or date.today())
        for summary, item, action in found:
            who = f" ({action.owner})" if action.owner else ""
            due = f", due {format_date(action.due, weekday=False)}" if action.due else ""
            number = item.minute_number or item.number
            where = f"{format_date(summary.date, weekday=False)}, minute {number}"
            self.actions_list.addItem(f"{action.text}{who}{due} – {where}")
        none = not found
        self.actions_label.setVisible(not none)
        self.actions_list.setVisible(not none)

    # ----------------------------------------------------------- validation
    def _date(self) -> date | None:
        try:
            return parse_date(self.date_edit.text())
        except ValueError:
            return None

    def _time(self) -> time | None:
        text = self.time_edit.text().strip()
        if not text:
            return None
        return parse_time(text)

    def _clock_24h(self) -> bool:
        body = self.body
        return bool(body and body.settings.clock_24h)

    def _validate(self) -> bool:
        ok = True
        if self.body is None:
            self.body_message.show_problem("Create a body first (New body…).")
            ok = False
        else:
            self.body_message.show_problem("")
        try:
            on = parse_date(self.date_edit.text())
        except ValueError as exc:
            self.date_message.show_problem(str(exc))
            ok = False
        else:
            style = self.body.settings.style if self.body else None
            self.date_message.show_text(body_date(on, style))
        try:
            at = self._time()
        except ValueError as exc:
            self.time_message.show_problem(str(exc))
            ok = False
        else:
            self.time_message.show_text(format_time(at, self._clock_24h()) if at else "")
        self.ok_button.setEnabled(ok)
        return ok

    def _agenda_changed(self) -> None:
        from clerk_app.services.meetings import parse_agenda_line

        items = [
            i for i in map(parse_agenda_line, agenda_lines(self.agenda_edit.toPlainText())) if i
        ]
        exempt = [i for i in items if i.part == 2]
        if not items:
            self.agenda_summary.show_text("")
            return
        text = f"{len(items)} item{'s' if len(items) != 1 else ''}"
        if exempt:
            text += f", of which {len(exempt)} exempt (Part 2): " + "; ".join(
                i.title + (f" (paragraph {i.exempt_paragraph})" if i.exempt_paragraph else "")
                for i in exempt
            )
        self.agenda_summary.show_text(text, theme.Tone.MUTED)

    # --------------------------------------------------------------- saving
    def accept(self) -> None:
        if not self._validate():
            return
        body, on = self.body, self._date()
        assert body is not None and on is not None
        from clerk_app.services import ServiceError
        from clerk_app.storage.errors import StoreError

        try:
            self.meeting = self.services.create_meeting(
                body.id,
                on,
                meeting_type=MeetingType(self.type_combo.currentData()),
                venue=self.venue_edit.text().strip(),
                start_time=self._time(),
                agenda=agenda_lines(self.agenda_edit.toPlainText()),
                standard_items=self.standard_check.isChecked() and self.standard_check.isEnabled(),
            )
        except ServiceError as exc:
            self.message.show_problem(exc.message)
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()
