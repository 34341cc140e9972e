"""Forms for the small block kinds: paragraph, attendance change, declaration, action, note."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    ChangeKind,
    Declaration,
    InterestConduct,
    Note,
    NoteKind,
    Paragraph,
)
from clerk_app.domain.timeparse import parse_date
from clerk_app.gui.meeting.forms.base import BlockForm, GrowingTextEdit, set_combo, set_text
from clerk_app.gui.meeting.session import MeetingSession

CHANGE_CHOICES = [
    ("left the meeting", ChangeKind.LEFT),
    ("arrived", ChangeKind.ARRIVED),
    ("returned", ChangeKind.RETURNED),
    ("left the room for this item", ChangeKind.LEFT_ROOM),
]


class ParagraphForm(BlockForm):
    TITLE = "Paragraph"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.edit = GrowingTextEdit(min_lines=2)
        self.edit.setPlaceholderText("Type the narrative of the discussion…")
        self.edit.setAccessibleName("Paragraph text")
        self.edit.setToolTip("Ctrl+B: bold (the words between ** and ** print in bold)")
        self.edit.textChanged.connect(lambda: self.typed("text"))
        self.form.addRow(self.edit)
        self.field_widgets["text"] = self.edit
        bold = QShortcut(QKeySequence("Ctrl+B"), self.edit)
        bold.setContext(Qt.ShortcutContext.WidgetShortcut)
        bold.activated.connect(self.toggle_bold)
        self.reload()

    def toggle_bold(self) -> None:
        """Ctrl+B: the selected words between ** marks (printed bold), or the marks taken
        off again; with nothing selected, a pair of marks with the cursor between them."""
        cursor = self.edit.textCursor()
        text = cursor.selectedText()
        if text.startswith("**") and text.endswith("**") and len(text) >= 4:
            cursor.insertText(text[2:-2])
        elif text.strip():
            core = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            cursor.insertText(f"{lead}**{core}**{trail}")
        else:
            cursor.insertText("****")
            cursor.movePosition(cursor.MoveOperation.Left, n=2)
            self.edit.setTextCursor(cursor)

    def load(self, block: Block) -> None:
        assert isinstance(block, Paragraph)
        set_text(self.edit, block.text)

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Paragraph)
        block.text = self.edit.toPlainText()

    def first_field(self) -> QWidget:
        return self.edit


class AttendanceChangeForm(BlockForm):
    TITLE = "Attendance change"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.at = self.time_field("&Time:")
        self.person = self.person_field("&Who:", members_only=False)
        self.change = self.combo("&Change:", CHANGE_CHOICES)
        self.reload()

    def load(self, block: Block) -> None:
        assert isinstance(block, AttendanceChange)
        if self.at.time() != block.at or not self.at.text():
            self.at.setTime(block.at)
        if self.person.personId() != block.person_id:
            self.person.setPersonId(block.person_id or None)
        set_combo(self.change, block.change)

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, AttendanceChange)
        block.at = self.at.time()
        block.person_id = self.person.personId() or ""
        block.change = ChangeKind(self.change.currentData())

    def first_field(self) -> QWidget:
        return self.person


CONDUCT_CHOICES = [
    ("(not said)", InterestConduct.NOT_STATED),
    ("left the room", InterestConduct.LEFT_ROOM),
    ("stayed but did not vote", InterestConduct.NO_VOTE),
    ("spoke under a dispensation", InterestConduct.DISPENSATION),
    ("stayed and took part", InterestConduct.TOOK_PART),
]
PLAIN_INTEREST = "an interest (no type given)"


class DeclarationForm(BlockForm):
    TITLE = "Declaration of interest"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.at = self.time_field("&Time:")
        self.nil = self.check("N&o declarations of interest were made")
        self.person = self.person_field("Mem&ber:", members_only=True)
        types = list(session.body.settings.interest_types)
        current = block.interest_type if isinstance(block, Declaration) else ""
        if current and current not in types:
            types.append(current)
        choices = [(t, t) for t in types] + [(PLAIN_INTEREST, "")]
        self.kind = self.combo("Inte&rest:", choices)
        self.scope = self.line("Sco&pe:", "scope", "the whole item, or e.g. application 26/0412")
        self.reason = self.line("Re&ason:", "reason", "as a member of …, because …, being …")
        self.conduct = self.combo("What they &did:", CONDUCT_CHOICES)
        self.nil.toggled.connect(self._show_nil)
        self.reload()

    def _show_nil(self, nil: bool) -> None:
        """A nil return names no one: the member's fields wait, kept, until it is unticked."""
        for widget in (self.person, self.kind, self.scope, self.reason, self.conduct):
            widget.setEnabled(not nil)

    def load(self, block: Block) -> None:
        assert isinstance(block, Declaration)
        if self.at.time() != block.at or not self.at.text():
            self.at.setTime(block.at)
        self.nil.setChecked(block.nil)
        if self.person.personId() != block.person_id:
            self.person.setPersonId(block.person_id or None)
        set_combo(self.kind, block.interest_type)
        set_text(self.scope, block.scope)
        set_text(self.reason, block.reason)
        set_combo(self.conduct, block.conduct)
        self._show_nil(block.nil)

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Declaration)
        block.at = self.at.time()
        block.nil = self.nil.isChecked()
        block.person_id = self.person.personId() or ""
        block.interest_type = self.kind.currentData() or ""
        block.scope = self.scope.text()
        block.reason = self.reason.text()
        block.conduct = InterestConduct(self.conduct.currentData())

    def first_field(self) -> QWidget:
        return self.person


def parse_due(text: str, meeting_date: date | None = None) -> date | None:
    """A due date as clerks write it ("" for none); "tomorrow" is the day after the
    meeting. ValueError says what is wrong."""
    return parse_date(text, today=meeting_date) if text.strip() else None


def format_due(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class ActionForm(BlockForm):
    TITLE = "Action"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.owner = self.person_field("&Who:", members_only=False, free_text=True)
        self.owner.setPlaceholderText("A name, or a post such as “the Clerk”")
        self.what = self.line("Wh&at:", "text", "what is to be done")
        on = session.meeting.date
        self.due = self.line("&By when:", "due", format_due(on + timedelta(days=28)))
        self.due.editingFinished.connect(self._due_done)
        self.reload()

    def _due_done(self) -> None:
        self.flush()

    def load(self, block: Block) -> None:
        assert isinstance(block, Action)
        if block.owner_id and self.owner.personId() != block.owner_id:
            self.owner.setPersonId(block.owner_id)
        elif not block.owner_id:
            set_text(self.owner, block.owner)
        set_text(self.what, block.text)
        try:
            shown = parse_due(self.due.text(), self.session.meeting.date)
        except ValueError:
            shown = None
        if shown != block.due:
            set_text(self.due, format_due(block.due))

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Action)
        pid = self.owner.personId()
        block.owner_id = pid
        block.owner = "" if pid else self.owner.text().strip()
        block.text = self.what.text()
        try:
            block.due = parse_due(self.due.text(), self.session.meeting.date)
            self._mark(self.due, "")
        except ValueError as exc:
            self._mark(self.due, str(exc))  # keep the saved date; the typed text stays

    @staticmethod
    def _mark(edit: QLineEdit, message: str) -> None:
        edit.setToolTip(message)
        edit.setAccessibleDescription(message)

    def first_field(self) -> QWidget:
        return self.owner


NOTE_CHOICES = [
    ("Note", NoteKind.TEXT),
    ("Adjourned", NoteKind.ADJOURNED),
    ("Resumed", NoteKind.RESUMED),
]


class NoteForm(BlockForm):
    TITLE = "Note"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.kind = self.combo("&Kind:", NOTE_CHOICES)
        self.at = self.time_field("&Time:")
        self.text_edit = self.line("Te&xt:", "text", "the note, or the reason for adjourning")
        self.reload()

    def load(self, block: Block) -> None:
        assert isinstance(block, Note)
        set_combo(self.kind, block.note_kind)
        if self.at.time() != block.at or not self.at.text():
            self.at.setTime(block.at)
        set_text(self.text_edit, block.text)

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Note)
        block.note_kind = NoteKind(self.kind.currentData())
        block.at = self.at.time()
        block.text = self.text_edit.text()

    def first_field(self) -> QWidget:
        return self.text_edit
