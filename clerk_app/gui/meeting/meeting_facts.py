"""The meeting-level facts under the header: where the meeting was held (in person, online
or hybrid, and on what platform), who was in the Chair when it was not the chair, who took
the minutes, whether it was held, the next meeting, and text after the signature.

Each field saves when the clerk leaves it (or picks a choice), as one undo step through
:class:`UpdateMeetingHeaderCommand`; a value the rules refuse stays in its field with
what is wrong beside it.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from clerk_app.domain.dates import body_date
from clerk_app.domain.model import HeldStatus, MeetingMode, PersonKind, Role
from clerk_app.domain.naming import collation_key, full_name
from clerk_app.domain.timeparse import parse_body_date
from clerk_app.domain.translation import FIELD_NAMES
from clerk_app.gui import theme
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import UpdateMeetingHeaderCommand
from clerk_app.gui.widgets import TimeEdit
from clerk_app.services.rules import facts_problems, header_problems

MODES = [
    ("In person", MeetingMode.IN_PERSON),
    ("Online", MeetingMode.ONLINE),
    ("Hybrid", MeetingMode.HYBRID),
]
# the meeting's typed facts that take a translation, in the order of their fields
TRANSLATED = ("venue", "platform", "next_venue", "after_signature")
HELD = [
    ("Held", HeldStatus.HELD),
    ("Not held", HeldStatus.NOT_HELD),
    ("Inquorate", HeldStatus.INQUORATE),
]


class MeetingFacts(QWidget):
    """The facts' fields, two rows under the header's times."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Meeting details")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.mode = QComboBox()
        for text, mode in MODES:
            self.mode.addItem(text, mode)
        self.platform = QLineEdit()
        self.platform.setPlaceholderText("e.g. Microsoft Teams")
        self.presiding = QComboBox()
        self.taker = QComboBox()
        self.held = QComboBox()
        for text, held in HELD:
            self.held.addItem(text, held)
        self.next_date = QLineEdit()
        self.next_date.setPlaceholderText("date")
        self.next_time = TimeEdit(clock_24h=session.body.settings.clock_24h)
        self.next_venue = QLineEdit()
        self.next_venue.setPlaceholderText("place")
        self.after = QLineEdit()
        self.after.setPlaceholderText("printed after the signature")
        rows: list[list[tuple[str, QWidget, str]]] = [
            [
                ("&Where held:", self.mode, "Where the meeting was held"),
                ("P&latform:", self.platform, "Online platform"),
                ("In the C&hair:", self.presiding, "Who was in the Chair"),
                ("Minutes ta&ken by:", self.taker, "Who took the minutes"),
                ("Stat&us:", self.held, "Whether the meeting was held"),
            ],
            [
                ("Ne&xt meeting:", self.next_date, "Date of the next meeting"),
                ("at:", self.next_time, "Time of the next meeting"),
                ("in:", self.next_venue, "Place of the next meeting"),
                ("After the si&gnature:", self.after, "Text after the signature"),
            ],
        ]
        for r, row in enumerate(rows):
            for c, (text, field, name) in enumerate(row):
                label = QLabel(text)
                label.setBuddy(field)
                field.setAccessibleName(name)
                grid.addWidget(label, r, 2 * c)
                grid.addWidget(field, r, 2 * c + 1)
        # bilingual minutes: the typed words' translations on a row of their own
        self.translations: dict[str, QLineEdit] = {}
        self.translation_labels: list[QLabel] = []
        if session.second_language:
            self._add_translations(grid, session.second_language)
        self.problem = QLabel()
        self.problem.setAccessibleName("Meeting details problem")
        self.problem.setWordWrap(True)
        theme.set_tone(self.problem, theme.Tone.ERROR)
        grid.addWidget(self.problem, 3, 0, 1, 10)
        self._fill_people()
        self.mode.activated.connect(lambda _i: self._pick("mode", self.mode, "where it was held"))
        self.held.activated.connect(lambda _i: self._pick("held", self.held, "whether held"))
        self.presiding.activated.connect(
            lambda _i: self._pick("presiding_id", self.presiding, "who was in the Chair")
        )
        self.taker.activated.connect(
            lambda _i: self._pick("minute_taker_id", self.taker, "who took the minutes")
        )
        self.platform.editingFinished.connect(
            lambda: self._text("platform", self.platform, "the platform")
        )
        self.next_venue.editingFinished.connect(
            lambda: self._text("next_venue", self.next_venue, "the next meeting's place")
        )
        self.after.editingFinished.connect(
            lambda: self._text("after_signature", self.after, "the text after the signature")
        )
        self.next_date.editingFinished.connect(self._date_done)
        self.next_time.timeChanged.connect(
            lambda v: self._change("Change the next meeting's time", next_time=v)
        )
        session.itemsChanged.connect(self.refresh)
        session.meetingRestored.connect(lambda: self.refresh(restored=True))
        self.refresh()

    # ------------------------------------------------------------------ fields
    def _add_translations(self, grid: QGridLayout, language: str) -> None:
        """A field for each typed fact in the second language: the venue (typed when the
        meeting was made), the platform, the next meeting's place, the text after the
        signature. Each saves when the clerk leaves it, as one undo step."""
        for c, name in enumerate(TRANSLATED):  # under the typed fields' columns
            what = FIELD_NAMES[name]
            edit = QLineEdit()
            edit.setObjectName(f"translation_{name}")
            edit.setPlaceholderText(f"{what.lower()} in {language}")
            edit.setAccessibleName(f"{what} in {language}")
            edit.setAccessibleDescription(
                f"The {language} text printed in the {language} minutes in place of the "
                f"{what.lower()} as typed; left empty, the typed words are printed"
            )
            # under its field, as the forms' "Welsh:" (the venue is typed when the
            # meeting is made, so its translation says what it is)
            label = QLabel(f"{what} ({language}):" if name == "venue" else f"{language}:")
            label.setToolTip(f"{what} in {language}")
            label.setBuddy(edit)
            grid.addWidget(label, 2, 2 * c)
            grid.addWidget(edit, 2, 2 * c + 1)
            edit.editingFinished.connect(self._translation_done)
            self.translations[name] = edit
            self.translation_labels.append(label)
        self.set_translations_shown(self.session.translations_shown)

    def set_translations_shown(self, shown: bool) -> None:
        """View → Show translations: the second-language fields shown, or none."""
        for widget in [*self.translations.values(), *self.translation_labels]:
            widget.setVisible(shown)

    def typed_translation(self) -> dict[str, str]:
        """The meeting's translations with what the fields hold (an emptied field drops
        its entry)."""
        out = {k: v for k, v in self.session.meeting.translation.items()}
        for name, edit in self.translations.items():
            text = " ".join(edit.text().split())
            if text:
                out[name] = text
            else:
                out.pop(name, None)
        return out

    def _translation_done(self) -> None:
        if not self.translations:
            return
        value = self.typed_translation()
        if value != self.session.meeting.translation:
            language = self.session.second_language
            self._change(f"Change the {language} text of the meeting", translation=value)

    def _fill_people(self) -> None:
        body = self.session.body
        people = sorted((p for p in body.people if p.active), key=collation_key)
        self.presiding.clear()
        self.presiding.addItem(f"the {body.settings.chair_title or 'Chair'}", "")
        for p in people:
            if p.kind is PersonKind.MEMBER and p.role is not Role.CHAIR:
                self.presiding.addItem(full_name(p), p.id)
        self.taker.clear()
        self.taker.addItem("not recorded", "")
        officers = [p for p in people if p.kind is PersonKind.OFFICER]
        for p in officers + [p for p in people if p not in officers]:
            self.taker.addItem(full_name(p) + (f" ({p.post})" if p.post else ""), p.id)

    def flush(self) -> None:
        """Save what is typed and not yet confirmed (before undo, export …)."""
        self._text("platform", self.platform, "the platform")
        self._text("next_venue", self.next_venue, "the next meeting's place")
        self._text("after_signature", self.after, "the text after the signature")
        self._translation_done()
        self._date_done()

    def refresh(self, restored: bool = False) -> None:
        """Show the meeting's facts. A field with the cursor in it keeps what the clerk
        is typing, unless ``restored``: Undo or Redo put the value back."""
        m = self.session.meeting
        _select(self.mode, m.mode)
        _select(self.held, m.held)
        _select(self.presiding, m.presiding_id or "")
        _select(self.taker, m.minute_taker_id or "")
        for edit, value in (
            (self.platform, m.platform),
            (self.next_venue, m.next_venue),
            (self.after, m.after_signature),
        ):
            if edit.text() != value and (restored or not edit.hasFocus()):
                edit.setText(value)
        for name, edit in self.translations.items():
            value = m.translation.get(name, "")
            if edit.text() != value and (restored or not edit.hasFocus()):
                edit.setText(value)
        # the date in the body's own form ("Tuesday, April 21, 2026" for a US council)
        shown = body_date(m.next_date, self.session.body.settings.style) if m.next_date else ""
        if (restored or not self.next_date.hasFocus()) and self.next_date.text() != shown:
            self.next_date.setText(shown)
        if self.next_time.time() != m.next_time:
            self.next_time.setTime(m.next_time)
        self.platform.setEnabled(m.mode is not MeetingMode.IN_PERSON)
        if "platform" in self.translations:
            self.translations["platform"].setEnabled(self.platform.isEnabled())
        locked = m.locked
        for field in (self.platform, self.next_date, self.next_time, self.next_venue, self.after):
            field.setReadOnly(locked)
        for edit in self.translations.values():
            edit.setReadOnly(locked)
        for box in (self.mode, self.held, self.presiding, self.taker):
            box.setEnabled(not locked)

    def _pick(self, name: str, box: QComboBox, what: str) -> None:
        value = box.currentData() or None
        kinds: dict[str, type] = {"mode": MeetingMode, "held": HeldStatus}
        if name in kinds:  # Qt hands back the enum's text
            value = kinds[name](value)
        if value != getattr(self.session.meeting, name):
            self._change(f"Change {what}", **{name: value})

    def _text(self, name: str, edit: QLineEdit, what: str) -> None:
        value = " ".join(edit.text().split())
        if value != getattr(self.session.meeting, name):
            self._change(f"Change {what}", **{name: value})

    def _date_done(self) -> None:
        text = self.next_date.text().strip()
        style = self.session.body.settings.style
        try:
            value = (
                parse_body_date(text, style.date_style, style.locale, self.session.meeting.date)
                if text
                else None
            )
        except ValueError as exc:
            example = body_date(self.session.meeting.date, style, weekday=False)
            self.problem.setText(f"Not saved: {exc}, or as this body writes dates: {example}.")
            return
        if value != self.session.meeting.next_date:
            self._change("Change the next meeting's date", next_date=value)

    def _change(self, text: str, **values: Any) -> bool:
        trial = copy.copy(self.session.meeting)
        for name, value in values.items():
            setattr(trial, name, value)
        problems = header_problems(trial) + facts_problems(trial, self.session.body)
        if problems:
            self.problem.setText(f"Not saved: {problems[0].message}")
            return False
        ok = self.session.push(UpdateMeetingHeaderCommand(self.session, text, **values))
        self.problem.setText("" if ok else "Not saved. Check the details and try again.")
        if not ok:
            self.refresh()
        return ok


def _select(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0 and index != box.currentIndex():
        box.setCurrentIndex(index)
