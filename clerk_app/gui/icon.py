"""Clerk's own icon, for the application and its windows."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from clerk_app import paths


def app_icon() -> QIcon:
    """Clerk's icon from resources/icons (every size there), or the application's own."""
    folder = paths.resource("icons")
    icon = QIcon()
    if folder.is_dir():
        for path in sorted(folder.glob("clerk*.png")):
            icon.addFile(str(path))
        svg = folder / "clerk.svg"
        if icon.isNull() and svg.is_file():
            icon.addFile(str(svg))
    if not icon.isNull():
        return icon
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.windowIcon().isNull():
        return app.windowIcon()
    return QIcon()
