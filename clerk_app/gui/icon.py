"""Clerk's own icon, for the application and its windows; and the platform's icons that
Clerk's screens show."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

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


# Icons of the platform's style, by Clerk's name for them: the name the desktop's icon
# theme gives it, the images Qt's common style draws it from, and the style's own name.
_STANDARD: dict[str, tuple[str, str, str]] = {
    "delete": ("edit-delete", "standardbutton-delete", "SP_DialogDiscardButton"),
    "apply": ("dialog-ok-apply", "standardbutton-apply", "SP_DialogApplyButton"),
    "warning": ("", "", "SP_MessageBoxWarning"),
    "error": ("", "", "SP_MessageBoxCritical"),
}
_QT_IMAGES = ":/qt-project.org/styles/commonstyle/images/{}-{}.png"


def standard_icon(name: str, widget: QWidget | None = None) -> QIcon:
    """The icon the platform's style shows for ``name`` ("delete", "apply", "warning" or
    "error"). A dialog button's icon is made as Qt's common style makes it, from the
    desktop's icon theme or else from Qt's own images, without asking the style: asking
    it from Python makes PySide6 build the style's class with all its enumerations, four
    milliseconds of a start that shows a delete button on every block. Message-box icons,
    which Windows and macOS draw their own way, are the style's."""
    theme_name, images, pixmap = _STANDARD[name]
    if theme_name:
        icon = QIcon.fromTheme(theme_name)
        if not icon.isNull():
            return icon
        icon = QIcon()
        for size in (16, 32, 128):  # a file that is not there is not added
            icon.addFile(_QT_IMAGES.format(images, size), QSize(size, size))
        if not icon.isNull():
            return icon
    from PySide6.QtWidgets import QStyle  # only now: see above

    style = widget.style() if widget is not None else QApplication.style()
    return style.standardIcon(getattr(QStyle.StandardPixmap, pixmap))
