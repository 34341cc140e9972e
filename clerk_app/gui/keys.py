"""Keys in the window's fields: the window's shortcuts work from every field, a field keeps
its own standard keys, and Alt+letter acts within the form the cursor is in.

One :class:`KeyRouter` per main window sits on the focused widget only (moved on each
focus change), so it sees the shortcut override of every key before the field does:

- Alt+letter where the form (or heading) the cursor is in has a field with that mnemonic
  goes to that field, never to a field of the same name in another block;
- a focused drop-down list keeps Alt+Down and Alt+Up (they open its list);
- any other key that is one of the window's enabled shortcuts triggers it, even where the
  field would take it for itself (a one-line field takes Ctrl+E as "end of line" under
  some keyboard schemes).

Only the block the cursor is in shows its field mnemonics (``set_mnemonics``), so an
Alt+letter pressed elsewhere can never land in a block the clerk is not looking at.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from shiboken6 import isValid

MNEMONIC_PROPERTY = "clerk_mnemonic_text"
# the field's own keys: edited by the field, or already sent to the meeting's undo
FIELD_KEYS = (
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)
COMBO_KEYS = {
    (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier),
}


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def mnemonic_letter(text: str) -> str:
    seq = QKeySequence.mnemonic(text)
    if seq.isEmpty():
        return ""
    return seq.toString().rsplit("+", 1)[-1].lower()


def _labelled(scope: QWidget) -> list[QWidget]:
    return [w for w in scope.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton)]


# widgets whose insides hold no label or button of the form's own: an editor's document,
# viewport and scroll bars, a drop-down list's view, a field's clear button
_FIELDS = (QAbstractScrollArea, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider)


def _labels_and_buttons(scope: QWidget) -> list[QLabel | QAbstractButton]:
    """The labels and buttons of ``scope``, looked for among the widgets it is laid out
    from, not inside its fields. PySide6 hands Python every object it looks through (and
    works out each one's type, making classes as it goes): the fields' own insides made
    this 1.5 ms of the start for the cards of the first item."""
    found: list[QLabel | QAbstractButton] = []
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    containers = [scope]
    while containers:
        for child in containers.pop().findChildren(QWidget, options=direct):
            if isinstance(child, QLabel | QAbstractButton):
                found.append(child)
            elif not isinstance(child, _FIELDS) or isinstance(child, QScrollArea):
                containers.append(child)
    return found


def set_mnemonics(scope: QWidget, on: bool) -> None:
    """Show (``on``) or take away the Alt+letter keys of the labels and buttons in
    ``scope``. Taken away, a label keeps its words without the underline."""
    labelled = _labels_and_buttons(scope)
    for widget in labelled:
        text = widget.text()
        kept = widget.property(MNEMONIC_PROPERTY)
        if on:
            if isinstance(kept, str) and kept and text == without_mnemonic(kept):
                widget.setText(kept)
            widget.setProperty(MNEMONIC_PROPERTY, None)
        elif mnemonic_letter(text):
            widget.setProperty(MNEMONIC_PROPERTY, text)
            widget.setText(without_mnemonic(text))


def mnemonic_scope(widget: QWidget | None) -> QWidget | None:
    """The form or heading (``mnemonic_scope`` True) the widget is in, if any."""
    while widget is not None:
        if getattr(type(widget), "mnemonic_scope", False):
            return widget
        widget = widget.parentWidget()
    return None


def mnemonic_target(scope: QWidget, letter: str) -> QWidget | None:
    """The field (or button) of ``scope`` whose label has Alt+``letter``."""
    for widget in _labelled(scope):
        if not widget.isVisibleTo(scope) or not widget.isEnabled():
            continue
        text = widget.property(MNEMONIC_PROPERTY) or widget.text()  # type: ignore[attr-defined]
        if mnemonic_letter(str(text)) != letter:
            continue
        if isinstance(widget, QAbstractButton):
            return widget
        buddy = widget.buddy() if isinstance(widget, QLabel) else None
        if buddy is not None and buddy.isEnabled():
            return buddy
    return None


def go_to(target: QWidget) -> None:
    """What a mnemonic does: a button is pressed; a field gets the cursor."""
    if isinstance(target, QAbstractButton):
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.click()
        return
    if target.focusPolicy() == Qt.FocusPolicy.NoFocus and target.focusProxy() is None:
        inner = next(
            (w for w in target.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus),
            None,
        )
        target = inner or target
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _alt_letter(event: QKeyEvent) -> str:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods != Qt.KeyboardModifier.AltModifier:
        return ""
    key = event.key()
    if (
        Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value
        or Qt.Key.Key_0.value <= key <= Qt.Key.Key_9.value
    ):
        return chr(key).lower()
    return ""


class KeyRouter(QObject):
    """Sits on the focused widget of ``window``; ``actions`` gives the window's actions."""

    def __init__(self, window: QWidget, actions: Any) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self._on: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._on is not None and isValid(self._on):
            self._on.removeEventFilter(self)
        self._on = None
        if new is not None and isValid(new) and new.window() is self.window:
            new.installEventFilter(self)  # after the field's other filters: it sees keys first
            self._on = new

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(obj, QWidget):
            return False
        letter = _alt_letter(event)
        if letter:
            scope = mnemonic_scope(obj)
            target = mnemonic_target(scope, letter) if scope is not None else None
            if target is not None:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # the key comes to the field: not to menus or other blocks
                else:
                    go_to(target)
                return True
        if kind != QEvent.Type.ShortcutOverride:
            return False
        pressed = (event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if isinstance(obj, QComboBox) and pressed in COMBO_KEYS:
            event.accept()  # the drop-down list opens
            return True
        if any(event.matches(k) for k in FIELD_KEYS):
            return False
        if self._is_window_shortcut(event):
            event.ignore()  # the window's shortcut, whatever the field would make of it
            return True
        return False

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        seq = QKeySequence(event.keyCombination())
        for act in self.actions():
            if act.isEnabled() and any(
                s.matches(seq) == QKeySequence.SequenceMatch.ExactMatch for s in act.shortcuts()
            ):
                return True
        return False
