"""The vote on a motion: unanimous, counts, a named (recorded) vote, a casting vote."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from clerk_app.domain.model import Outcome, Person, Vote, VoteChoice, VoteKind
from clerk_app.gui.meeting.forms.base import choice_box

KIND_CHOICES = [
    ("Not yet voted", VoteKind.NONE),
    ("Unanimous", VoteKind.UNANIMOUS),
    ("Counts (for, against, abstentions)", VoteKind.COUNTS),
    ("Named (recorded) vote", VoteKind.NAMED),
    ("Chair's casting vote", VoteKind.CASTING),
    ("Agreed without a vote", VoteKind.WITHOUT_VOTE),
]
AS_THE_VOTE_SAYS = ""  # the outcome combo's first entry: follow the vote
OUTCOME_CHOICES: list[tuple[str, object]] = [
    ("As the vote says", AS_THE_VOTE_SAYS),
    ("Pending", Outcome.PENDING),
    ("Carried", Outcome.CARRIED),
    ("Lost", Outcome.LOST),
    ("Withdrawn", Outcome.WITHDRAWN),
    ("Adopted", Outcome.ADOPTED),
    ("Accepted as amended", Outcome.ACCEPTED_AS_AMENDED),
    ("Referred to …", Outcome.REFERRED),
    ("Deferred to …", Outcome.DEFERRED),
    ("Noted", Outcome.NOTED),
    ("Placed on file", Outcome.ON_FILE),
    ("By-law read a first time", Outcome.READ_FIRST),
    ("By-law read three times and passed", Outcome.READ_AND_PASSED),
]
WITH_DETAIL = (Outcome.REFERRED, Outcome.DEFERRED)
CHOICE_TEXT = {
    VoteChoice.FOR: "For",
    VoteChoice.AGAINST: "Against",
    VoteChoice.ABSTAIN: "Abstained",
    VoteChoice.NOT_VOTING: "No vote",
}
CHOICE_KEYS = {
    Qt.Key.Key_F: VoteChoice.FOR,
    Qt.Key.Key_A: VoteChoice.AGAINST,
    Qt.Key.Key_B: VoteChoice.ABSTAIN,
    Qt.Key.Key_N: VoteChoice.NOT_VOTING,
}
TEXT_KEYS = {
    "f": VoteChoice.FOR,
    "a": VoteChoice.AGAINST,
    "b": VoteChoice.ABSTAIN,
    "n": VoteChoice.NOT_VOTING,
}
CYCLE = [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN, VoteChoice.NOT_VOTING]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class NamedVoteList(QTreeWidget):
    """Members present, each with their vote. Keys: F for, A against, B abstain, N no vote,
    Space to cycle; the selection moves down after each key so a roll call is one key each."""

    choiceChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels(["Member", "Vote"])
        self.setRootIsDecorated(False)
        self.setAccessibleName("Named vote")
        self.setAccessibleDescription(
            "For each member: F for, A against, B abstained, N no vote, Space to cycle"
        )

    def set_people(self, people: list[tuple[Person, str]], named: dict[str, VoteChoice]) -> None:
        self.clear()
        for person, name in people:
            row = QTreeWidgetItem([name, ""])
            row.setData(0, ID_ROLE, person.id)
            self.addTopLevelItem(row)
            self._set(row, named.get(person.id, VoteChoice.NOT_VOTING))
        for extra, choice in named.items():
            if all(p.id != extra for p, _n in people):
                row = QTreeWidgetItem([f"(not present) {extra[:6]}", ""])
                row.setData(0, ID_ROLE, extra)
                self.addTopLevelItem(row)
                self._set(row, choice)
        self.resizeColumnToContents(0)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)
        rows = max(1, self.topLevelItemCount())
        row_height = self.sizeHintForRow(0) if self.topLevelItemCount() else 0
        row_height = max(row_height, self.fontMetrics().height() + 4)
        header = self.header().sizeHint().height()
        self.setFixedHeight(min(header + rows * row_height + 2 * self.frameWidth() + 4, 480))

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [row for row in rows if row is not None]

    def _set(self, row: QTreeWidgetItem, choice: VoteChoice) -> None:
        row.setData(1, ID_ROLE, choice)
        row.setText(1, CHOICE_TEXT[choice])

    def named(self) -> dict[str, VoteChoice]:
        out: dict[str, VoteChoice] = {}
        for row in self._rows():
            out[row.data(0, ID_ROLE)] = VoteChoice(row.data(1, ID_ROLE))
        return out

    def set_all(self, choice: VoteChoice) -> None:
        for row in self._rows():
            self._set(row, choice)
        self.choiceChanged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentItem()
        key = Qt.Key(event.key())
        letter = event.text().lower()
        choice = CHOICE_KEYS.get(key) or TEXT_KEYS.get(letter)
        if row is not None and key == Qt.Key.Key_Space:
            now = VoteChoice(row.data(1, ID_ROLE))
            self._set(row, CYCLE[(CYCLE.index(now) + 1) % len(CYCLE)])
            self.choiceChanged.emit()
            return
        if (
            row is not None
            and choice is not None
            and not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier)
        ):
            self._set(row, choice)
            self.choiceChanged.emit()
            below = self.itemBelow(row)
            if below is not None:
                self.setCurrentItem(below)
            return
        super().keyPressEvent(event)


class VoteEditor(QWidget):
    """Edits a Vote and an Outcome; ``recordRequested`` when the clerk records them."""

    changed = Signal()
    recordRequested = Signal()
    outcomeChosen = Signal()  # the clerk chose the outcome in its list: record it now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = choice_box()
        for text, vote_kind in KIND_CHOICES:
            self.kind.addItem(text, vote_kind)
        self.kind.setAccessibleName("Vote")
        form.addRow(self._label("V&ote:", self.kind), self.kind)

        self.counts = QWidget()
        row = QHBoxLayout(self.counts)
        row.setContentsMargins(0, 0, 0, 0)
        self.for_count = self._spin("For")
        self.against_count = self._spin("Against")
        self.abstain_count = self._spin("Abstentions")
        for label, spin in (
            ("Fo&r", self.for_count),
            ("A&gainst", self.against_count),
            ("A&bstentions", self.abstain_count),
        ):
            row.addWidget(self._label(label, spin))
            row.addWidget(spin)
        self.rest_for = QCheckBox("The rest voted for (not counte&d)")
        self.rest_for.setAccessibleName("The rest of those present voted for, not counted")
        row.addWidget(self.rest_for)
        row.addStretch(1)
        form.addRow(self.counts)
        self._voting_present = 0

        self.named_list = NamedVoteList()
        form.addRow(self.named_list)
        self.all_for = QPushButton("All for")
        self.all_for.setAccessibleName("Everyone for")
        self.all_for.clicked.connect(lambda: self.named_list.set_all(VoteChoice.FOR))
        self.named_buttons = QWidget()
        nb = QHBoxLayout(self.named_buttons)
        nb.setContentsMargins(0, 0, 0, 0)
        nb.addWidget(self.all_for)
        nb.addWidget(QLabel("Keys: F for, A against, B abstained, N no vote"))
        nb.addStretch(1)
        form.addRow(self.named_buttons)

        self.casting = QWidget()
        cr = QHBoxLayout(self.casting)
        cr.setContentsMargins(0, 0, 0, 0)
        self.casting_person = choice_box()
        self.casting_person.setAccessibleName("Casting vote given by")
        self.casting_choice = choice_box()
        self.casting_choice.setAccessibleName("Casting vote")
        for choice in (VoteChoice.FOR, VoteChoice.AGAINST):
            self.casting_choice.addItem(CHOICE_TEXT[choice], choice)
        cr.addWidget(self._label("Casting vote by", self.casting_person))
        cr.addWidget(self.casting_person, 1)
        cr.addWidget(self.casting_choice)
        form.addRow(self.casting)

        self.outcome = choice_box()
        for text, result in OUTCOME_CHOICES:
            self.outcome.addItem(text, result)
        self.outcome.setAccessibleName("Outcome")
        self.outcome.activated.connect(self._outcome_activated)
        self.detail = QLineEdit()
        self.detail.setAccessibleName("Referred to or deferred to")
        self.detail.setPlaceholderText("Referred to whom, or deferred to when")
        self.detail.returnPressed.connect(self.recordRequested)
        self.tally = QLabel()
        self.tally.setWordWrap(True)  # a long tally wraps rather than widen the card
        self.tally.setAccessibleName("Tally")
        self.record = QPushButton("Record vote")
        self.record.setAccessibleName("Record vote")
        self.record.setAutoDefault(True)
        self.record.clicked.connect(self.recordRequested)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main Enter key and the keypad's
            record_key = QShortcut(QKeySequence(keys), self)
            record_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            record_key.activated.connect(self.recordRequested)
        self.record.setToolTip("Record the vote and outcome (Ctrl+Enter)")
        self.detail.textEdited.connect(self._changed)
        orow = QWidget()
        ol = QHBoxLayout(orow)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(self.outcome)
        ol.addWidget(self.detail, 1)
        ol.addWidget(self.record)
        form.addRow(self._label("O&utcome:", self.outcome), orow)
        form.addRow(self.tally)

        for sig in (
            self.kind.currentIndexChanged,
            self.for_count.valueChanged,
            self.against_count.valueChanged,
            self.abstain_count.valueChanged,
            self.rest_for.toggled,
            self.named_list.choiceChanged,
            self.casting_person.currentIndexChanged,
            self.casting_choice.currentIndexChanged,
            self.outcome.currentIndexChanged,
        ):
            sig.connect(self._changed)
        self._show_for_kind()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        lab = QLabel(text)
        lab.setBuddy(buddy)
        return lab

    @staticmethod
    def _spin(name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 999)
        spin.setAccessibleName(f"Votes {name.lower()}")
        return spin

    def _outcome_activated(self, _index: int) -> None:
        if not self._loading:
            self.outcomeChosen.emit()

    def _changed(self, *_args: object) -> None:
        self._show_for_kind()
        self._update_tally()
        if not self._loading:
            self.changed.emit()

    def _show_for_kind(self) -> None:
        kind = VoteKind(self.kind.currentData())
        self.counts.setVisible(kind in (VoteKind.COUNTS, VoteKind.CASTING))
        self.named_list.setVisible(kind is VoteKind.NAMED)
        self.named_buttons.setVisible(kind is VoteKind.NAMED)
        self.casting.setVisible(kind is VoteKind.CASTING)
        self.rest_for.setVisible(kind is VoteKind.COUNTS)
        rest = kind is VoteKind.COUNTS and self.rest_for.isChecked()
        self.for_count.setEnabled(not rest)
        if rest:
            with _quiet(self.for_count):
                self.for_count.setValue(self._rest_number())
        self.detail.setVisible(self.outcome.currentData() in WITH_DETAIL)

    def _rest_number(self) -> int:
        """How many "the rest" is: the voting members present less those counted."""
        probe = Vote(
            against_count=self.against_count.value(), abstain_count=self.abstain_count.value()
        )
        return probe.rest_count(self._voting_present)

    # ------------------------------------------------------------------ values
    def set_people(self, people: list[tuple[Person, str]], chair_id: str | None) -> None:
        self._people = people
        self._voting_present = len(people)
        self.casting_person.blockSignals(True)
        self.casting_person.clear()
        for person, name in people:
            self.casting_person.addItem(name, person.id)
        idx = self.casting_person.findData(chair_id)
        self.casting_person.setCurrentIndex(max(idx, 0))
        self.casting_person.blockSignals(False)

    def set_vote(
        self, vote: Vote, outcome: Outcome, by_hand: bool = True, detail: str = ""
    ) -> None:
        self._loading = True
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(vote.kind), 0))
            self.rest_for.setChecked(vote.rest_for)
            self.for_count.setValue(vote.for_count or 0)
            self.against_count.setValue(vote.against_count or 0)
            self.abstain_count.setValue(vote.abstain_count or 0)
            self.named_list.set_people(getattr(self, "_people", []), vote.named)
            if vote.casting_person_id:
                idx = self.casting_person.findData(vote.casting_person_id)
                if idx >= 0:
                    self.casting_person.setCurrentIndex(idx)
            if vote.casting_choice:
                self.casting_choice.setCurrentIndex(
                    self.casting_choice.findData(vote.casting_choice)
                )
            shown: object = outcome if by_hand else AS_THE_VOTE_SAYS
            self.outcome.setCurrentIndex(max(self.outcome.findData(shown), 0))
            if self.detail.text() != detail:
                self.detail.setText(detail)
        finally:
            self._loading = False
        self._show_for_kind()
        self._update_tally()

    def vote(self) -> Vote:
        kind = VoteKind(self.kind.currentData())
        vote = Vote(kind=kind)
        if kind in (VoteKind.COUNTS, VoteKind.CASTING):
            vote.for_count = self.for_count.value()
            vote.against_count = self.against_count.value()
            vote.abstain_count = self.abstain_count.value()
        if kind is VoteKind.COUNTS and self.rest_for.isChecked():
            vote.rest_for, vote.for_count = True, None
        if kind is VoteKind.NAMED:
            vote.named = self.named_list.named()
            vote.for_count, vote.against_count, vote.abstain_count = vote.named_tally()
        if kind is VoteKind.CASTING:
            vote.casting_person_id = self.casting_person.currentData()
            vote.casting_choice = VoteChoice(self.casting_choice.currentData())
        return vote

    def suggested_outcome(self) -> Outcome:
        """What the numbers say, for when the clerk records without choosing an outcome."""
        return self.vote().result()

    @property
    def outcome_by_hand(self) -> bool:
        """The clerk chose the outcome (else it follows the vote)."""
        return self.outcome.currentData() != AS_THE_VOTE_SAYS

    def outcome_value(self) -> Outcome:
        if not self.outcome_by_hand:
            return self.suggested_outcome()
        return Outcome(self.outcome.currentData())

    def detail_value(self) -> str:
        return self.detail.text().strip() if self.outcome.currentData() in WITH_DETAIL else ""

    def _update_tally(self) -> None:
        vote = self.vote()
        text = ""
        if vote.kind in (VoteKind.COUNTS, VoteKind.NAMED, VoteKind.CASTING):
            shown_for = self._rest_number() if vote.rest_for else vote.for_count or 0
            rest = " (the rest)" if vote.rest_for else ""
            text = (
                f"For {shown_for}{rest}, against {vote.against_count or 0}, "
                f"abstentions {vote.abstain_count or 0}"
            )
        suggested = self.suggested_outcome()
        if not self.outcome_by_hand:
            words = suggested.value.replace("_", " ")
            follows = f"the outcome follows the vote: {words}"
            text = f"{text}; {follows}" if text else follows[0].upper() + follows[1:]
        self.tally.setText(text)


class _quiet:
    """Signals of a widget held while the editor sets its value."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self.was = self.widget.blockSignals(True)

    def __exit__(self, *_exc: object) -> None:
        self.widget.blockSignals(self.was)
