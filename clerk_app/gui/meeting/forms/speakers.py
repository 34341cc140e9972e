"""Speakers (public participation, and those who spoke on a planning application), and
the form of public participation.

Each speaker is a name, a capacity, for / against / neutral and a summary. Enter in the
last speaker's summary starts the next speaker; Ctrl+Delete in a speaker's fields
removes that speaker. The rows carry no mnemonics (they repeat); the list's label does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Block, PublicParticipation, Speaker, SpeakerCapacity, Stance
from clerk_app.gui.meeting.forms.base import BlockForm, choice_box, set_combo, set_text
from clerk_app.gui.meeting.session import MeetingSession

CAPACITIES = [
    ("Resident", SpeakerCapacity.RESIDENT),
    ("Applicant", SpeakerCapacity.APPLICANT),
    ("Agent", SpeakerCapacity.AGENT),
    ("Objector", SpeakerCapacity.OBJECTOR),
    ("Supporter", SpeakerCapacity.SUPPORTER),
    ("Ward member", SpeakerCapacity.WARD_MEMBER),
    ("Parish council", SpeakerCapacity.PARISH_COUNCIL),
    ("Other (type it)", SpeakerCapacity.OTHER),
]
STANCES = [("Neutral", Stance.NEUTRAL), ("For", Stance.FOR), ("Against", Stance.AGAINST)]


class SpeakerRow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 4)
        outer.setSpacing(2)
        top = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name, e.g. Mrs Hale")
        self.capacity = choice_box()
        for text, value in CAPACITIES:
            self.capacity.addItem(text, value)
        self.capacity_text = QLineEdit()
        self.capacity_text.setPlaceholderText("or in what capacity, e.g. for the Village Society")
        self.stance = choice_box()
        for word, stance in STANCES:
            self.stance.addItem(word, stance)
        self.remove = QPushButton("Remove")
        for widget, stretch in (
            (self.name, 2),
            (self.capacity, 0),
            (self.capacity_text, 2),
            (self.stance, 0),
            (self.remove, 0),
        ):
            top.addWidget(widget, stretch)
        outer.addLayout(top)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(
            "What they said: “raising concerns about parking” (Enter: next speaker)"
        )
        outer.addWidget(self.summary)

    def name_all(self, n: int) -> None:
        for widget, what in (
            (self.name, "name"),
            (self.capacity, "capacity"),
            (self.capacity_text, "capacity in words"),
            (self.stance, "for, against or neutral"),
            (self.summary, "summary of what was said"),
        ):
            widget.setAccessibleName(f"Speaker {n} {what}")
        self.remove.setAccessibleName(f"Remove speaker {n}")

    def load(self, s: Speaker) -> None:
        set_text(self.name, s.name)
        set_combo(self.capacity, s.capacity)
        set_text(self.capacity_text, s.capacity_text)
        set_combo(self.stance, s.stance)
        set_text(self.summary, s.summary)

    def value(self) -> Speaker:
        return Speaker(
            name=self.name.text(),
            capacity=SpeakerCapacity(self.capacity.currentData()),
            capacity_text=self.capacity_text.text(),
            stance=Stance(self.stance.currentData()),
            summary=self.summary.text(),
        )


class SpeakerList(QWidget):
    """The speakers, one row each, and the button that adds one."""

    def __init__(self, form: BlockForm, add_label: str) -> None:
        super().__init__()
        self.form = form
        self.setAccessibleName("Speakers")
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.rows: list[SpeakerRow] = []
        self.add_button = QPushButton(add_label)
        self.add_button.setAccessibleName("Add a speaker")
        self.add_button.clicked.connect(lambda: self.add_speaker(focus=True))
        self.lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._keys = _RowKeys(self)

    def _make_row(self) -> SpeakerRow:
        row = SpeakerRow()
        typed: Callable[[str], None] = self.form.typed
        for edit in (row.name, row.capacity_text, row.summary):
            edit.textEdited.connect(lambda _t: typed("speakers"))
            edit.installEventFilter(self._keys)
        for box in (row.capacity, row.stance):
            box.currentIndexChanged.connect(self.form.chosen)
        row.remove.clicked.connect(lambda: self.remove_speaker(row))
        self.lay.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self._names()
        return row

    def _names(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            row.name_all(n)
        self.setFocusProxy(self.first())  # the label's key goes to the first speaker

    def add_speaker(self, focus: bool = False) -> None:
        row = self._make_row()
        self.form.chosen()
        if focus:
            row.name.setFocus()

    def remove_speaker(self, row: SpeakerRow) -> None:
        index = self.rows.index(row)
        self.rows.pop(index)
        self.lay.removeWidget(row)
        row.deleteLater()
        self._names()
        self.form.chosen()
        if self.rows:
            self.rows[max(0, index - 1)].name.setFocus()
        else:
            self.add_button.setFocus()

    def row_of(self, widget: QObject) -> SpeakerRow | None:
        return next((r for r in self.rows if r.isAncestorOf(widget)), None)  # type: ignore[arg-type]

    def load(self, speakers: list[Speaker]) -> None:
        while len(self.rows) > len(speakers):
            row = self.rows.pop()
            self.lay.removeWidget(row)
            row.deleteLater()
        while len(self.rows) < len(speakers):
            self._make_row()
        for row, s in zip(self.rows, speakers, strict=True):
            row.load(s)
        self._names()

    def value(self) -> list[Speaker]:
        return [row.value() for row in self.rows]

    def first(self) -> QWidget:
        return self.rows[0].name if self.rows else self.add_button


class _RowKeys(QObject):
    """Enter in the last summary: the next speaker; Ctrl+Delete: remove this one."""

    def __init__(self, speakers: SpeakerList) -> None:
        super().__init__(speakers)
        self.speakers = speakers

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        row = self.speakers.row_of(obj)
        if row is None:
            return False
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl
        if enter and obj is row.summary and row is self.speakers.rows[-1]:
            self.speakers.add_speaker(focus=True)
            return True
        if key == Qt.Key.Key_Delete and ctrl:
            self.speakers.remove_speaker(row)
            return True
        return False


class PublicParticipationForm(BlockForm):
    TITLE = "Public participation"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.intro = self.line(
            "Intro&duction:", "intro", "Standing orders were suspended for public participation."
        )
        self.subject = self.line("Spoke &about:", "subject", "the proposed speed limit")
        self.speakers = SpeakerList(self, "Ne&w speaker")
        label = QLabel("Spea&kers:")
        label.setBuddy(self.speakers)
        self.form.addRow(label, self.speakers)
        self.field_widgets["speakers"] = self.speakers
        self.reload()

    def load(self, block: Block) -> None:
        assert isinstance(block, PublicParticipation)
        set_text(self.intro, block.intro)
        set_text(self.subject, block.subject)
        self.speakers.load(block.speakers)

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, PublicParticipation)
        block.intro = self.intro.text()
        block.subject = self.subject.text()
        block.speakers = self.speakers.value()

    def first_field(self) -> QWidget:
        return self.speakers.first()
