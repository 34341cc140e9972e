"""The Style page of a body's settings: choose one of Clerk's styles of minutes, or
import a style file another council shared, or export this body's style to share.
Laid out in ``ui/style_page.ui``."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QWidget

from clerk_app.domain.style import MinuteStyle
from clerk_app.gui import uiload
from clerk_app.gui.dialogs.common import FieldMessage


class StylePage(QWidget):
    """Holds the style the dialog will save; ``changed`` when another is chosen."""

    changed = Signal()

    def __init__(self, style: MinuteStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = copy.deepcopy(style)
        from clerk_app.domain.presets import style_presets

        uiload.load_into(self, "style_page")
        self.current = uiload.child(self, QLabel, "current")
        self.shipped = uiload.child(self, QComboBox, "shipped")
        self.message = uiload.child(self, FieldMessage, "message")
        for style_id, label, _kind in style_presets():
            self.shipped.addItem(label, style_id)
        uiload.child(self, QPushButton, "use_button").clicked.connect(self._use_shipped)
        uiload.child(self, QPushButton, "import_button").clicked.connect(self._import)
        uiload.child(self, QPushButton, "export_button").clicked.connect(self._export)
        self._show()

    def minute_style(self) -> MinuteStyle:
        return copy.deepcopy(self._style)

    def set_style(self, style: MinuteStyle) -> None:
        self._style = copy.deepcopy(style)
        self._show()
        self.changed.emit()

    def show_style(self, style: MinuteStyle) -> None:
        """Hold ``style`` (changed on the Style choices page) without saying it changed."""
        self._style = copy.deepcopy(style)
        self._show()

    def _show(self) -> None:
        s = self._style
        text = f"This body writes its minutes in the style “{s.name}” (version {s.version})."
        self.current.setText(text + (f" {s.description}" if s.description else ""))

    def _use_shipped(self) -> None:
        from clerk_app.domain.presets import style_settings

        self.set_style(style_settings(str(self.shipped.currentData())).style)
        self.message.show_text("Save the settings to keep the new style.")

    def _import(self) -> None:
        from clerk_app.services.errors import ServiceError
        from clerk_app.services.styles import read_style

        path, _ = QFileDialog.getOpenFileName(
            self, "Import a style file", str(Path.home()), "Clerk style files (*.json)"
        )
        if not path:
            return
        try:
            style = read_style(path)
        except ServiceError as exc:
            self.message.show_problem(exc.message)
            return
        self.set_style(style)
        self.message.show_text(f"Imported “{style.name}”. Save the settings to keep it.")

    def _export(self) -> None:
        from clerk_app.services.errors import ServiceError
        from clerk_app.services.styles import write_style

        name = "".join(c if c.isalnum() else "-" for c in self._style.name).strip("-").lower()
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the style",
            str(Path.home() / f"{name or 'style'}.json"),
            "Clerk style files (*.json)",
        )
        if not path:
            return
        try:
            written = write_style(self._style, path)
        except ServiceError as exc:
            self.message.show_problem(exc.message)
            return
        self.message.show_text(f"Saved the style to {written}.")
