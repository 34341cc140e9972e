"""One block in the item pane: its form, the checks on it, and its wording as printed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Motion, MotionKind
from clerk_app.gui import theme
from clerk_app.gui.icon import standard_icon
from clerk_app.gui.keys import set_mnemonics
from clerk_app.gui.meeting.forms import BlockForm, form_for
from clerk_app.gui.meeting.preview import to_html, to_plain
from clerk_app.gui.meeting.session import MeetingSession


class IssuesView(QWidget):
    """Warnings about a block, shown under its form: an icon and a sentence each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Checks")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._messages: list[str] = []
        self.hide()

    def messages(self) -> list[str]:
        return list(self._messages)

    def set_issues(self, issues: list[Any]) -> None:
        messages = [(i.severity, i.message) for i in issues]
        if [m for _s, m in messages] == self._messages:
            return
        while self._layout.count():
            item = self._layout.takeAt(0)
            child = item.widget() if item is not None else None
            if child is not None:
                child.deleteLater()
        self._messages = [m for _s, m in messages]
        for severity, message in messages:
            self._layout.addWidget(self._row(severity, message))
        self.setVisible(bool(messages))
        self.setAccessibleDescription(" ".join(self._messages))

    def _row(self, severity: str, message: str) -> QWidget:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        size = self.fontMetrics().height()
        kind = "error" if severity == "error" else "warning"
        icon.setPixmap(standard_icon(kind, self).pixmap(size, size))
        icon.setAccessibleName("Error" if severity == "error" else "Warning")
        text = QLabel(message)
        text.setWordWrap(True)
        text.setAccessibleName("Check")
        text.setAccessibleDescription(message)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_tone(text, theme.Tone.ERROR if severity == "error" else theme.Tone.WARNING)
        lay.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(text, 1)
        return row


class BlockCard(QFrame):
    """A block's form with its checks and the wording the export will print under it."""

    deleteRequested = Signal(str)  # block id

    def __init__(
        self, session: MeetingSession, item_id: str, block_id: str, *, render: bool = True
    ) -> None:
        super().__init__()
        self.session = session
        self.item_id = item_id
        self.block_id = block_id
        self.show_preview = True
        block = session.block(item_id, block_id)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"card_{block.KIND}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 8)
        outer.setSpacing(4)

        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setFont(theme.scaled_font(1.0, bold=True))
        head.addWidget(self.title, 1)
        self.delete_button = QToolButton()
        self.delete_button.setIcon(standard_icon("delete", self))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.delete_button.setAccessibleName("Delete this block")
        self.delete_button.setToolTip("Delete this block (Ctrl+Shift+Del); undo brings it back")
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit(self.block_id))
        head.addWidget(self.delete_button)
        outer.addLayout(head)

        self.form: BlockForm = form_for(session, item_id, block)
        outer.addWidget(self.form)
        self.issues = IssuesView()
        outer.addWidget(self.issues)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAccessibleName("Wording in the minutes")
        self.preview.setAutoFillBackground(True)
        self.preview.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.preview.setMargin(6)
        self.preview.setToolTip("The wording exactly as the exported minutes will print it")
        outer.addWidget(self.preview)
        self.preview.hide()
        if render:
            self.refresh()

    def refresh(self) -> None:
        """Title and wording from the saved block."""
        try:
            block = self.session.block(self.item_id, self.block_id)
        except KeyError:
            return
        title = self.form.TITLE
        if isinstance(block, Motion):
            title = "Amendment" if block.motion_kind is MotionKind.AMENDMENT else "Motion"
            if block.derived_from_id:
                title = "Substantive motion (as amended)"
        self.title.setText(title)
        self.setAccessibleName(title)
        try:
            elements = self.session.render_block(self.item_id, block)
        except Exception as exc:  # a preview must never stop the clerk typing
            self.preview.setText(f"(The wording cannot be shown: {exc})")
            return
        self.preview.setText(to_html(elements))
        self.preview.setAccessibleDescription(to_plain(elements))
        self.preview.setVisible(bool(elements) and self.show_preview)

    def preview_text(self) -> str:
        return self.preview.accessibleDescription()

    def set_current(self, current: bool) -> None:
        """The block the cursor is in gets a frame in the palette's highlight colour."""
        self.setFrameShape(QFrame.Shape.Box if current else QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(2 if current else 1)
        self.setForegroundRole(
            QPalette.ColorRole.Highlight if current else QPalette.ColorRole.WindowText
        )
        self.setProperty("current", current)
        set_mnemonics(self.form, current)  # Alt+letter reaches this block's fields only

    def set_preview_visible(self, visible: bool) -> None:
        self.show_preview = visible
        self.preview.setVisible(visible and bool(self.preview.text()))

    def dispose(self) -> None:
        self.form.dispose()
