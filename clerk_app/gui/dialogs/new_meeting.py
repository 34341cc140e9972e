"""File → New meeting: body, date, time, venue, type and the agenda pasted as text."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import format_date, format_time
from clerk_app.domain.model import Body, Meeting, MeetingType
from clerk_app.domain.timeparse import parse_date, parse_time
from clerk_app.gui import theme
from clerk_app.gui.dialogs.common import FieldMessage, add_row, form_layout, ok_cancel
from clerk_app.gui.errors import show_error

if TYPE_CHECKING:
    from clerk_app.services import Services

AGENDA_HINT = (
    "Type or paste the agenda, one item title per line, for example:\n"
    "Planning application 25/0412/FUL – Land at Mill Lane\n"
    "Part 2: Staffing restructure\n"
    "[exempt 3] Purchase of land at Station Road\n\n"
    "“Part 2:” or “[exempt 3]” at the start of a line marks an exempt item (with its "
    "Schedule 12A paragraph). Numbers such as “5.” at the start are dropped."
)

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
        self.setWindowTitle("New meeting")
        self.setAccessibleName("New meeting")

        self.body_combo = QComboBox()
        self.new_body_button = QPushButton("Ne&w body…")
        self.new_body_button.setAccessibleName("New body")
        self.new_body_button.clicked.connect(self._new_body)
        body_row = QWidget()
        row = QHBoxLayout(body_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.body_combo, 1)
        row.addWidget(self.new_body_button)
        self.body_message = FieldMessage(name="Body problem")

        self.date_edit = QLineEdit(date.today().strftime("%d/%m/%Y"))
        self.date_edit.setPlaceholderText("e.g. 4/2/2026 or 4 Feb 2026")
        self.date_message = FieldMessage(name="Date as read")
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText("e.g. 7pm or 19:00 (can be left blank)")
        self.time_message = FieldMessage(name="Start time as read")
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText("e.g. Council Chamber, Civic Centre, Harrowfield")
        self.type_combo = QComboBox()
        for kind, label in MEETING_TYPE_LABELS.items():
            self.type_combo.addItem(label, kind)

        form = form_layout()
        body_label = add_row(form, "&Body:", body_row, message=self.body_message)
        body_label.setBuddy(self.body_combo)
        self.body_combo.setAccessibleName("Body")
        add_row(
            form, "&Date:", self.date_edit, "Day first: 4/2/2026 is 4 February", self.date_message
        )
        add_row(form, "Start &time:", self.time_edit, "", self.time_message)
        add_row(form, "&Venue:", self.venue_edit)
        add_row(form, "Meeting t&ype:", self.type_combo)

        self.agenda_edit = QPlainTextEdit()
        self.agenda_edit.setPlaceholderText(AGENDA_HINT)
        self.agenda_edit.setAccessibleName("Agenda")
        self.agenda_edit.setAccessibleDescription(AGENDA_HINT)
        self.agenda_edit.setTabChangesFocus(True)
        agenda_label = QLabel("&Agenda (one item per line):")
        agenda_label.setBuddy(self.agenda_edit)
        self.agenda_summary = FieldMessage(name="Agenda summary")
        self.standard_check = QCheckBox("Add the body's &standard opening items")
        self.standard_check.setChecked(True)
        self.standard_check.setAccessibleName("Add the body's standard opening items")
        self.standard_list = QLabel()
        self.standard_list.setWordWrap(True)
        self.standard_list.setIndent(24)
        self.standard_list.setAccessibleName("Standard opening items")

        self.actions_label = QLabel("&Open actions from earlier meetings:")
        self.actions_list = QListWidget()
        self.actions_list.setAccessibleName("Open actions from earlier meetings")
        self.actions_list.setMaximumHeight(110)
        self.actions_label.setBuddy(self.actions_list)
        self.message = FieldMessage(name="Problem")

        buttons, self.ok_button = ok_cancel(self, "&Create meeting")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(agenda_label)
        layout.addWidget(self.agenda_edit, 1)
        layout.addWidget(self.agenda_summary)
        layout.addWidget(self.standard_check)
        layout.addWidget(self.standard_list)
        layout.addWidget(self.actions_label)
        layout.addWidget(self.actions_list)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.body_combo.currentIndexChanged.connect(self._body_changed)
        self.date_edit.textChanged.connect(self._validate)
        self.date_edit.editingFinished.connect(self._load_actions)
        self.time_edit.textChanged.connect(self._validate)
        self.agenda_edit.textChanged.connect(self._agenda_changed)
        self.load_bodies(body_id)
        self._agenda_changed()
        self.resize(620, 720)

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
            self.date_message.show_text(format_date(on))
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
