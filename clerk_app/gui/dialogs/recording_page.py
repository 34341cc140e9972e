"""The Keeping recordings page of a body's settings: how many days a meeting's recording
is kept once its minutes are approved. When they run out, Clerk offers to delete it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from clerk_app.gui.dialogs.common import FieldMessage, add_row, form_layout
from clerk_app.services.rules import MAX_KEPT_DAYS


class RecordingPage(QWidget):
    """``changed`` when the number of days changes; ``days()`` is the number shown."""

    changed = Signal()

    def __init__(self, days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            "Clerk can record a meeting's public business as an aide-memoire. When the "
            "minutes are approved it offers to delete the recording, or to keep it for the "
            "days given here; when they have passed it offers again. Each choice is written "
            "in the meeting's audit trail."
        )
        intro.setWordWrap(True)
        self.spin = QSpinBox()
        self.spin.setRange(-1, MAX_KEPT_DAYS)  # −1 lets the rule's own message be seen
        self.spin.setValue(days)
        self.spin.setSuffix(" days")
        self.spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.message = FieldMessage(name="Keeping recordings problem")
        form = form_layout()
        add_row(
            form,
            "&Days a recording is kept after approval:",
            self.spin,
            "0: Clerk offers to delete the recording as soon as the minutes are approved",
            self.message,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setFocusProxy(self.spin)
        self.spin.valueChanged.connect(self._changed)
        self._changed()

    def days(self) -> int:
        return self.spin.value()

    def _changed(self) -> None:
        self.show_problem(None)
        self.changed.emit()

    def show_problem(self, problem: str | None) -> None:
        """The problem with the number of days, or (none) what the number means."""
        days = self.days()
        if problem:
            self.message.show_problem(problem)
        elif days == 0:
            self.message.show_text("Clerk offers to delete it as soon as they are approved.")
        elif days > 0:
            self.message.show_text(f"Kept for {days} days, then Clerk offers to delete it.")
