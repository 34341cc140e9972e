"""Help → About Clerk: name, version, licence and where the clerk's data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import clerk_app
from clerk_app import paths
from clerk_app.gui import theme
from clerk_app.gui.icon import app_icon

LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Clerk")
        self.setAccessibleName("About Clerk")
        self.data_folder = paths.data_dir()

        icon = app_icon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        picture = QLabel()
        picture.setPixmap(icon.pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        picture.setAccessibleName("Clerk icon")

        name = QLabel("Clerk")
        name.setFont(theme.scaled_font(1.6, bold=True))
        name.setAccessibleName("Application name")
        self.version_label = QLabel(f"Version {clerk_app.__version__}")
        self.version_label.setAccessibleName("Version")
        blurb = QLabel(
            "Take the minutes of council and board meetings live, by keyboard, and "
            "export them in your council's house style."
        )
        blurb.setWordWrap(True)
        self.licence_label = QLabel(
            f"Free software under the GNU General Public License, version 3 or later "
            f"({LICENCE}). It comes with no warranty."
        )
        self.licence_label.setWordWrap(True)
        self.licence_label.setAccessibleName("Licence")
        self.folder_label = QLabel(
            f"Your minutes, backups and logs are kept in:<br><code>{self.data_folder}</code>"
        )
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName("Data folder")
        self.folder_label.setAccessibleDescription(str(self.data_folder))

        text = QVBoxLayout()
        for w in (name, self.version_label, blurb, self.licence_label, self.folder_label):
            text.addWidget(w)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setAccessibleName("Close")
        self.open_folder = QPushButton("Open data &folder")
        self.open_folder.setAccessibleName("Open data folder")
        self.open_folder.clicked.connect(self._open_folder)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
