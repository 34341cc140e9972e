"""Small pieces every dialog uses: inline messages, labelled fields, button rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui import theme


class FieldMessage(QLabel):
    """An inline message under or beside a field: empty when all is well."""

    def __init__(self, parent: QWidget | None = None, name: str = "Field message") -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_problem(self, text: str | None) -> None:
        """Show ``text`` as a problem (or hide the message when ``text`` is empty)."""
        self.show_text(text, theme.Tone.ERROR)

    def show_text(self, text: str | None, tone: theme.Tone | None = theme.Tone.MUTED) -> None:
        text = (text or "").strip()
        self.setText(text)
        self.setAccessibleDescription(text)
        theme.set_tone(self, tone)
        self.setVisible(bool(text))

    @property
    def problem(self) -> str:
        return self.text() if self.isVisible() else ""


def add_row(
    form: QFormLayout,
    label: str,
    field: QWidget,
    hint: str = "",
    message: QWidget | None = None,
) -> QLabel:
    """A form row whose label (with its &mnemonic) is the field's buddy and accessible name;
    ``message`` (an inline problem or example) sits right under the field."""
    lab = QLabel(label)
    lab.setBuddy(field)
    field.setAccessibleName(label.replace("&", "").rstrip(":"))
    if hint:
        field.setToolTip(hint)
        field.setAccessibleDescription(hint)
    if message is None:
        form.addRow(lab, field)
    else:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(message)
        form.addRow(lab, box)
    return lab


def ok_cancel(dialog: QDialog, ok_text: str = "OK") -> tuple[QDialogButtonBox, QPushButton]:
    """An OK/Cancel row; OK is the default button (Enter) and Escape cancels."""
    sb = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(sb.Ok | sb.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    ok.setAccessibleName(ok_text.replace("&", ""))
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName("Cancel")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form
