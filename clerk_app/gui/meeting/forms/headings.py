"""The form of a heading inside an item: a lettered sub-item or a report sub-heading."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Block, Heading
from clerk_app.gui.meeting.forms.base import BlockForm, set_text
from clerk_app.gui.meeting.session import MeetingSession


class HeadingForm(BlockForm):
    TITLE = "Heading"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.text_edit = self.line("Headin&g:", "text", "Grass cutting contract, Clerk's report …")
        self.numbered = self.check("Lettered as a su&b-item: (a), (b) …")
        self.reload()

    def load(self, block: Block) -> None:
        assert isinstance(block, Heading)
        set_text(self.text_edit, block.text)
        self.numbered.setChecked(block.numbered)

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Heading)
        block.text = self.text_edit.text()
        block.numbered = self.numbered.isChecked()

    def first_field(self) -> QWidget:
        return self.text_edit
