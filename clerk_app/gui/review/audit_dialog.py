"""The audit trail of one meeting: every change after the draft was circulated."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import MONTHS, format_date
from clerk_app.domain.model import Meeting
from clerk_app.gui.errors import show_error
from clerk_app.services import Services

COLUMNS = ("When", "What", "From", "To", "Source")


def when_text(at: str) -> str:
    """An ISO time in UTC as the clerk's local date and time ("3 Dec 2026 14:28")."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment.year} {moment:%H:%M}"


class AuditDialog(QDialog):
    def __init__(self, services: Services, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.meeting = services, meeting
        held = format_date(meeting.date, weekday=False)
        self.setWindowTitle(f"Audit trail – minutes of {held}")
        self.setAccessibleName("Audit trail")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Changes to these minutes")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("About the audit trail")
        label = QLabel("&Changes, oldest first:")
        label.setBuddy(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        try:
            entries = self.services.audit(self.meeting.id)
        except Exception as exc:  # a store problem is explained, the dialog stays usable
            show_error(self, exc)
            entries = []
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            source = entry.source or "edited in Clerk"
            values = (when_text(entry.at), entry.what, entry.before, entry.after, source)
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, cell)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 220)
        self.table.setColumnWidth(3, 220)
        self.table.resizeRowsToContents()
        if self.meeting.circulated_on is None and not entries:
            self.summary.setText(
                "The draft of these minutes has not been circulated yet. Changes are recorded "
                "here from the day it is (for example when a review file is exported)."
            )
        else:
            self.summary.setText(
                f"{len(entries)} change(s) recorded since the draft was circulated."
            )
