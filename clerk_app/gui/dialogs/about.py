"""Help → About Clerk: name, version, licence and where the clerk's data lives."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QStyle, QWidget

import clerk_app
from clerk_app import paths
from clerk_app.gui import theme, uiload
from clerk_app.gui.icon import app_icon

LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_into(self, "about")
        self.data_folder = paths.data_dir()

        icon = app_icon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        uiload.child(self, QLabel, "picture").setPixmap(icon.pixmap(64, 64))
        uiload.child(self, QLabel, "name").setFont(theme.scaled_font(1.6, bold=True))
        self.version_label = uiload.child(self, QLabel, "version_label")
        self.licence_label = uiload.child(self, QLabel, "licence_label")
        self.folder_label = uiload.child(self, QLabel, "folder_label")
        fill = {"version": clerk_app.__version__, "licence": LICENCE, "folder": self.data_folder}
        for label in (self.version_label, self.licence_label, self.folder_label):
            label.setText(label.text().format(**fill))
        self.folder_label.setAccessibleDescription(str(self.data_folder))
        self.open_folder = uiload.child(self, QPushButton, "open_folder")
        self.open_folder.clicked.connect(self._open_folder)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
