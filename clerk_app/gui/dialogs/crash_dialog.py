"""The dialog shown after an unexpected error: the minutes are saved, here is the log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.markup import escape


class CrashDialog(QDialog):
    """Tells the clerk what happened, that the minutes are saved, and where the log is."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Clerk – something went wrong")
        self.setAccessibleName("Unexpected error")
        self.log_path = log_path

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(
            "<b>Clerk hit an unexpected problem.</b><br><br>"
            "Everything you typed up to this moment is already saved. You can carry on "
            "working; if the same thing keeps happening, close Clerk and open it again."
            + (
                "<br><br>The details have been written to:<br>"
                f"<code>{escape(str(log_path), quote=False)}</code>"
                if log_path
                else ""
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName("What happened")
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)

        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.setMinimumHeight(180)
        self.details.setVisible(False)

        buttons = QDialogButtonBox()
        self.details_button = QPushButton("Show &details")
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName("Show details")
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton("Open &log folder")
        self.folder_button.setAccessibleName("Open log folder")
        self.folder_button.clicked.connect(self._open_folder)
        self.folder_button.setEnabled(log_path is not None)
        close = buttons.addButton("C&ontinue", QDialogButtonBox.ButtonRole.AcceptRole)
        close.setAccessibleName("Continue")
        close.setDefault(True)
        for b in (self.details_button, self.copy_button, self.folder_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.details_button.setText("Hide &details" if on else "Show &details")
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def _open_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
