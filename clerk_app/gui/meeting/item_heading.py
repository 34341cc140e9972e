"""The heading of the item being minuted: minute number, title, purpose, Part 2 and, for a
Part 2 item, what the public may read about it (saved as typed)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Item, ItemStatus
from clerk_app.domain.presets import becoming_part_2
from clerk_app.gui import theme
from clerk_app.gui.meeting.forms.base import FieldWatcher, GrowingTextEdit, TypingSaver, set_text
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import UpdateItemCommand

if TYPE_CHECKING:
    from clerk_app.gui.meeting.forms.translations import TranslationFields

STATUS_TEXT = {
    ItemStatus.PENDING: "",
    ItemStatus.TAKEN: "Taken",
    ItemStatus.DEFERRED: "Deferred",
    ItemStatus.WITHDRAWN: "Withdrawn",
}
PUBLIC_PREFIX = "The public minutes print: "


class ItemHeader(QWidget):
    """Minute number, title, purpose and Part 2 of the current item (saved as typed).

    For a Part 2 item it also holds the public heading and the public summary (what the
    public may read about it, kept apart from its exempt text) and a line showing
    exactly what the public minutes will print for the item."""

    owns_fields = True  # its fields have the undo keys of the block forms' fields
    mnemonic_scope = True  # Alt+letter in its fields goes to its own fields first

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.item_id = ""
        self.saver = TypingSaver(self, self._commit)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.number = QLabel()
        self.number.setFont(theme.scaled_font(1.5, bold=True))
        self.number.setAccessibleName("Minute number")
        top.addWidget(self.number)
        self.title = QLineEdit()
        self.title.setFont(theme.scaled_font(1.25, bold=True))
        self.title.setAccessibleName("Item title")
        self.title.setFrame(False)
        self.title.textEdited.connect(lambda _t: self.saver.typed("title"))
        top.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setAccessibleName("Item status")
        top.addWidget(self.status)
        outer.addLayout(top)
        form = QFormLayout()
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText("What the item is for (optional)")
        self.purpose.setAccessibleName("Purpose")
        self.purpose.textEdited.connect(lambda _t: self.saver.typed("purpose"))
        lab = QLabel("Purpo&se:")
        lab.setBuddy(self.purpose)
        form.addRow(lab, self.purpose)
        part = QHBoxLayout()
        self.part2 = QCheckBox("Part &2 (exempt / confidential)")
        self.part2.setAccessibleName("Part 2, exempt")
        self.part2.toggled.connect(self._part_changed)
        self.paragraph = QLineEdit()
        self.paragraph.setPlaceholderText("Schedule 12A paragraph, e.g. 3")
        self.paragraph.setAccessibleName("Exempt paragraph")
        self.paragraph.textEdited.connect(lambda _t: self.saver.typed("exempt_paragraph"))
        part.addWidget(self.part2)
        part.addWidget(self.paragraph, 1)
        form.addRow(part)
        self.public_heading = QLineEdit()
        self.public_heading.setPlaceholderText("The heading the public minutes give this item")
        self.public_heading.setAccessibleName("Public heading")
        self.public_heading.setAccessibleDescription(
            "What the public minutes print as this Part 2 item's heading instead of its title"
        )
        self.public_heading.textEdited.connect(lambda _t: self.saver.typed("public_heading"))
        self.heading_label = QLabel("Publi&c heading:")
        self.heading_label.setBuddy(self.public_heading)
        form.addRow(self.heading_label, self.public_heading)
        self.public_summary: QPlainTextEdit = GrowingTextEdit(min_lines=1)
        self.public_summary.setPlaceholderText(
            "What the public may read about this item (optional)"
        )
        self.public_summary.setAccessibleName("Public summary")
        self.public_summary.setAccessibleDescription(
            "Text written for the public minutes about this Part 2 item"
        )
        self.public_summary.textChanged.connect(lambda: self.saver.typed("public_summary"))
        self.summary_label = QLabel("Public summar&y:")
        self.summary_label.setBuddy(self.public_summary)
        form.addRow(self.summary_label, self.public_summary)
        self.public_line = QLabel()
        self.public_line.setWordWrap(True)
        self.public_line.setAccessibleName("What the public minutes print for this item")
        theme.set_tone(self.public_line, theme.Tone.MUTED)
        form.addRow(self.public_line)
        outer.addLayout(form)
        self.translations: TranslationFields | None = None
        if session.second_language:  # bilingual minutes: the title and the rest translated
            self._add_translations(form, session.second_language)
        session.register_flusher(self.flush)
        for edit in (self.title, self.purpose, self.paragraph, self.public_heading):
            edit.returnPressed.connect(self.saver.new_run)  # Enter ends an undo step too
            edit.textEdited.connect(lambda _t: self.show_public_line())
        self.public_summary.textChanged.connect(self.show_public_line)
        for signal in (session.blockAdded, session.blockRemoved):
            signal.connect(lambda item_id, _b: self._blocks_changed(item_id))
        session.blockChanged.connect(lambda item_id, _b, _s: self._blocks_changed(item_id))
        FieldWatcher.start()  # Ctrl+Z in these fields undoes the clerk's last saved edit
        self._show_part2_fields(False)

    def _add_translations(self, form: QFormLayout, language: str) -> None:
        from clerk_app.domain.translation import TRANSLATABLE
        from clerk_app.gui.meeting.forms.translations import TranslationFields

        beside: dict[str, QWidget] = {
            "title": self.title,
            "purpose": self.purpose,
            "public_heading": self.public_heading,
            "public_summary": self.public_summary,
        }
        self.translations = TranslationFields(
            form, language, TRANSLATABLE[Item], self.saver.typed, beside, top=("title",)
        )
        self.translations.set_shown(self.session.translations_shown)
        for edit in self.translations.edits.values():
            if isinstance(edit, QLineEdit):
                edit.returnPressed.connect(self.saver.new_run)

    def set_translations_shown(self, shown: bool) -> None:
        if self.translations is not None:
            self.translations.set_shown(shown)

    def field_focus_in(self) -> None:
        """Typing in a field the cursor has just come into is a new undo step."""
        self.saver.new_run()

    def field_focus_out(self) -> None:
        """The cursor left a heading field: what was typed is saved now."""
        self.saver.flush()

    def show_item(self, item: Item | None) -> None:
        self.flush()
        with self.saver.loading_values():
            self.item_id = item.id if item else ""
            self.setEnabled(item is not None)
            if item is None:
                return
            self.number.setText(item.minute_number or item.number)
            for edit, value in (
                (self.title, item.title),
                (self.purpose, item.purpose),
                (self.paragraph, item.exempt_paragraph),
                (self.public_heading, item.public_heading),
            ):
                set_text(edit, value)
            set_text(self.public_summary, item.public_summary)
            if self.translations is not None:
                self.translations.load(item.translation)
            self.part2.setChecked(item.part == 2)
            self._show_part2_fields(item.part == 2)
            self.status.setText(STATUS_TEXT.get(item.status, ""))
        self.show_public_line()

    def _show_part2_fields(self, on: bool) -> None:
        for widget in (
            self.paragraph,
            self.heading_label,
            self.public_heading,
            self.summary_label,
            self.public_summary,
            self.public_line,
        ):
            widget.setVisible(on)
        if self.translations is not None:
            for name in ("public_heading", "public_summary"):
                self.translations.set_field_hidden(name, not on)

    def _part_changed(self, on: bool) -> None:
        self._show_part2_fields(on)
        if not self.saver.loading:
            self.flush()
            self._commit("")
            item = self.session.meeting.item(self.item_id)
            if item is not None:
                with self.saver.loading_values():
                    set_text(self.public_heading, item.public_heading)
                    if self.translations is not None:
                        self.translations.load(item.translation)
            self.show_public_line()

    def _blocks_changed(self, item_id: str) -> None:
        if item_id == self.item_id and self.part2.isChecked():
            self.show_public_line()

    def flush(self) -> None:
        """Save what is typed and not yet saved."""
        self.saver.flush()

    def _typed_item(self, item: Item) -> Item:
        """A copy of ``item`` with what the fields hold."""
        after = copy.copy(item)
        after.title = self.title.text()
        after.purpose = self.purpose.text()
        after.part = 2 if self.part2.isChecked() else 1
        after.exempt_paragraph = self.paragraph.text()
        after.public_heading = self.public_heading.text()
        after.public_summary = self.public_summary.toPlainText()
        if self.translations is not None:
            after.translation = self.translations.merged(item.translation)
        if after.exempt and not item.exempt:
            becoming_part_2(after, item.title)
        return after

    def public_text(self) -> str:
        """What the public minutes print for the item as typed ("" for a Part 1 item)."""
        item = self.session.meeting.item(self.item_id)
        if item is None or not self.part2.isChecked():
            return ""
        lines = self.session.svc.public_item_lines(self.session.meeting, self._typed_item(item))
        return "\n".join(line for line in lines if line)

    def show_public_line(self) -> None:
        text = self.public_text()
        self.public_line.setText(PUBLIC_PREFIX + text if text else "")

    def _commit(self, merge: str) -> None:
        item = self.session.meeting.item(self.item_id)
        if item is None:
            return
        after = self._typed_item(item)
        fields = (
            "title",
            "purpose",
            "part",
            "exempt_paragraph",
            "public_heading",
            "public_summary",
            "kind",
            "translation",
        )
        if all(getattr(after, f) == getattr(item, f) for f in fields):
            return
        cmd = UpdateItemCommand(self.session, item, after, field=merge, source=self)
        self.session.push(cmd)
