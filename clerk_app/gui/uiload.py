"""The dialogs' static layouts, drawn in Qt Designer and kept in ``ui/*.ui``.

A dialog calls :func:`load_into` with itself and the form's name: the form's widgets,
labels (with their mnemonics and buddies), accessible names, tab order and connections
are built into the dialog, and the Python finds each control by its objectName with
:func:`child`. The form is read when the dialog opens (QUiLoader, a few milliseconds), so
a change made in Designer shows the next time the dialog opens, with no build step.

Designer cannot set the text of a button box's standard buttons nor make one the default,
so a form says it with dynamic properties on the ``QDialogButtonBox``: ``okText`` (the
OK button's text, which makes it the default) or ``defaultButton`` (the name of the
standard button that is the default, e.g. ``Close``). Every button in a box gets its text
as its accessible name.
"""

from __future__ import annotations

import importlib
import re
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from clerk_app import paths

W = TypeVar("W", bound=QObject)

_CUSTOM = re.compile(
    r"<customwidget>\s*<class>(\w+)</class>.*?<header>([\w.]+)</header>", re.DOTALL
)


class FormError(RuntimeError):
    """A Designer form is missing or cannot be read (a broken installation)."""


class _Loader(QUiLoader):
    """Builds the form's top-level widget into an existing dialog instead of a new one."""

    def __init__(self, base: QWidget) -> None:
        super().__init__()
        self._base: QWidget | None = base

    def createWidget(
        self, className: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if parent is None and self._base is not None:
            base, self._base = self._base, None
            base.setObjectName(name)
            return base
        return super().createWidget(className, parent, name)


def custom_classes(text: str) -> list[type[QWidget]]:
    """Our own widget classes a form uses, imported from the module its header names."""
    return [
        getattr(importlib.import_module(module), name) for name, module in _CUSTOM.findall(text)
    ]


def load_into(base: QWidget, name: str) -> QWidget:
    """Build the form ``ui/<name>.ui`` into ``base`` (whose class matches the form's
    top-level class) and return ``base``."""
    path = paths.ui_file(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FormError(f"The form {path} is missing: reinstall Clerk.") from exc
    loader = _Loader(base)
    for cls in custom_classes(text):
        loader.registerCustomWidget(cls)
    built = loader.load(str(path))
    if built is not base:
        raise FormError(f"The form {path} could not be read: {loader.errorString()}")
    for box in base.findChildren(QDialogButtonBox):
        dress_buttons(box)
    return base


def dress_buttons(box: QDialogButtonBox) -> None:
    """Apply a button box's ``okText`` and ``defaultButton``; name every button."""
    sb = QDialogButtonBox.StandardButton
    ok_text = box.property("okText")
    default_name = box.property("defaultButton")
    default: QPushButton | None = None
    if ok_text and box.button(sb.Ok) is not None:
        default = box.button(sb.Ok)
        default.setText(str(ok_text))
    elif default_name:
        default = box.button(getattr(sb, str(default_name)))
    for button in box.buttons():
        if not button.accessibleName():
            button.setAccessibleName(button.text().replace("&", ""))
        if isinstance(button, QPushButton):
            button.setDefault(button is default)


def child(base: QWidget, cls: type[W], name: str) -> W:
    """The control ``name`` of a loaded form, checked to be a ``cls``."""
    found = base.findChild(cls, name)  # type: ignore[arg-type]
    if found is None:
        raise FormError(f"The form of {type(base).__name__} has no {cls.__name__} {name!r}.")
    return found
