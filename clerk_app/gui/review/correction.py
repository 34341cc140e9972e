"""Record a correction to approved minutes.

Approved minutes are locked. A later change is made here: the clerk chooses the item and
the part of it (an item title, a paragraph, a point, a clause, an action, a note), types
the corrected wording and the reason, and the change is recorded in the audit trail with
that reason. Wording typed for several parts is kept while moving between them and all of
it is recorded together, as one correction with one reason.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.domain.corrections import NO_WORDING, Part, replace_wording, text_parts
from clerk_app.domain.dates import format_date
from clerk_app.domain.document import Element, Para
from clerk_app.domain.lists import ListLabels
from clerk_app.domain.model import Block, Item, Meeting
from clerk_app.gui import uiload
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError


def reading(elements: list[Element]) -> str:
    """Rendered paragraphs as plain lines, with their list numbers or bullets as Word
    shows them (tables are left out, but end a list as they do in Word)."""
    lines: list[str] = []
    numbering = ListLabels()
    for e in elements:
        label = numbering.label(e)
        if isinstance(e, Para):
            lines.append(f"{label} {e.text}" if label else e.text)
    return "\n".join(lines)


class RecordCorrectionDialog(QDialog):
    def __init__(self, services: Services, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.meeting = services, meeting
        self.drafts: dict[Part, str] = {}  # what was typed, by part
        self._shown: Part | None = None
        uiload.load_into(self, "record_correction")
        on = format_date(meeting.date, weekday=False)
        self.setWindowTitle(self.windowTitle().format(date=on))
        self.setAccessibleName(self.accessibleName().format(date=on))
        self.item = uiload.child(self, QComboBox, "item")
        self.parts = uiload.child(self, QListWidget, "parts")
        self.reads = uiload.child(self, QLabel, "reads")
        self.wording = uiload.child(self, QPlainTextEdit, "wording")
        self.reason = uiload.child(self, QLineEdit, "reason")
        self.message = uiload.child(self, FieldMessage, "message")
        self.summary = uiload.child(self, FieldMessage, "summary")
        buttons = uiload.child(self, QDialogButtonBox, "buttons")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.record)

        for it in meeting.items:
            self.item.addItem(f"{it.minute_number or it.number} {it.title}".strip(), it.id)
        self.item.currentIndexChanged.connect(lambda _i: self._fill_parts())
        self.parts.currentRowChanged.connect(lambda _r: self._show_part())
        self.wording.textChanged.connect(self._typed)
        self._fill_parts()

    # ----------------------------------------------------------------- choosing

    def _current_item(self) -> Item | None:
        return self.meeting.item(str(self.item.currentData() or ""))

    def _fill_parts(self) -> None:
        item = self._current_item()
        self.parts.blockSignals(True)
        self.parts.clear()
        if item is not None:
            parts = text_parts(item)
            self._add_rows([p for p in parts if not p.block_id])
            for n, block in enumerate(item.blocks, 1):
                if block.KIND in NO_WORDING:  # listed so that the positions match the minutes
                    row = QListWidgetItem(f"{n}. {NO_WORDING[block.KIND]} (no wording to correct)")
                    row.setFlags(Qt.ItemFlag.NoItemFlags)
                    self.parts.addItem(row)
                self._add_rows([p for p in parts if p.block_id == block.id])
        self.parts.blockSignals(False)
        first = next(
            (r for r in range(1, self.parts.count()) if self.parts.item(r).flags()),
            0,
        )
        self.parts.setCurrentRow(first)
        self._show_part()

    def _add_rows(self, parts: list[Part]) -> None:
        for part in parts:
            row = QListWidgetItem(self._row_text(part))
            row.setData(Qt.ItemDataRole.UserRole, part)
            self.parts.addItem(row)

    def _row_text(self, part: Part) -> str:
        text = self.drafts.get(part, part.text)
        mark = " (corrected)" if text != part.text else ""
        return f"{part.label}{mark}: {text}"

    def current_part(self) -> Part | None:
        row = self.parts.currentItem()
        part = row.data(Qt.ItemDataRole.UserRole) if row is not None else None
        return part if isinstance(part, Part) else None

    def _show_part(self) -> None:
        part = self.current_part()
        self._shown = None  # no draft is written while the box is refilled
        self.wording.setPlainText("" if part is None else self.drafts.get(part, part.text))
        self.wording.setEnabled(part is not None)
        self.reads.setText(self._reads(part))
        self._shown = part

    def _reads(self, part: Part | None) -> str:
        if part is None:
            return ""
        item = self.meeting.item(part.item_id)
        if item is None:
            return ""
        found = self.meeting.find_block(part.block_id) if part.block_id else None
        if found is None:
            return f"{item.minute_number} {item.title}".strip()
        try:
            elements = self.services.render_block(self.meeting, item.id, found[1])
        except ServiceError:
            return part.text
        return reading(elements) or part.text

    def _typed(self) -> None:
        part = self._shown
        if part is None:
            return
        text = self.wording.toPlainText()
        if text == part.text:
            self.drafts.pop(part, None)
        else:
            self.drafts[part] = text
        row = self.parts.currentItem()
        if row is not None:
            row.setText(self._row_text(part))
        n = len(self.changed())
        self.summary.show_text(
            f"{n} parts will be corrected together." if n > 1 else None,
        )
        self.message.show_problem(None)

    # ----------------------------------------------------------------- recording

    def changed(self) -> dict[Part, str]:
        return {p: t.strip() for p, t in self.drafts.items() if t.strip() != p.text}

    def record(self) -> None:
        changes = self.changed()
        if not changes:
            self._problem("Type the corrected wording first: nothing differs from the minutes.")
            self.wording.setFocus()
            return
        empty = next((p for p, t in changes.items() if not t and not p.may_be_empty), None)
        if empty is not None:
            self._problem(f"The corrected wording of “{empty.label}” is empty.")
            self.wording.setFocus()
            return
        if not self.reason.text().strip():
            self._problem("Give the reason for the correction.")
            self.reason.setFocus()
            return
        try:
            self.services.record_correction(
                self.meeting, self.reason.text(), lambda: self._apply(changes)
            )
        except ServiceError as exc:
            self._problem(exc.message + (f" {exc.advice}" if exc.advice else ""))
            # what the store refused is not in the minutes: start again from what is saved
            self.meeting = self.services.get_meeting(self.meeting.id)
            return
        self.accept()

    def _problem(self, text: str) -> None:
        self.message.show_problem(text)

    def _apply(self, changes: dict[Part, str]) -> None:
        blocks: dict[str, tuple[str, Block]] = {}
        titles: dict[str, str] = {}
        for part, text in changes.items():
            if not part.block_id:
                titles[part.item_id] = text
                continue
            if part.block_id not in blocks:
                found = self.meeting.find_block(part.block_id)
                if found is None:
                    raise ServiceError("That part of the minutes no longer exists.")
                blocks[part.block_id] = (found[0].id, copy.deepcopy(found[1]))
            replace_wording(blocks[part.block_id][1], part.field, part.index, text)
        for item_id, block in blocks.values():
            self.services.update_block(self.meeting, item_id, block)
        for item_id, title in titles.items():
            item = self.meeting.item(item_id)
            if item is None:
                raise ServiceError("That item is no longer in the minutes.")
            self.services.update_item(self.meeting, dataclasses.replace(item, title=title))
