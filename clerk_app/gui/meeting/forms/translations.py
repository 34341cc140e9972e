"""The second-language fields of a form, for a body whose minutes are bilingual.

Each translatable field of a block or item gets a field for its text in the style's
second language ("Welsh:"), on the row below it (or at the end of the form where the
field has no single widget); a table's cells have a grid of their own (table_translation).
They are saved through the form's own typing saver, so they join its undo steps and
reach the disk as soon as other typing.
Built only for bilingual bodies: a body with one language has no extra widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from clerk_app.domain.translation import FIELD_NAMES
from clerk_app.gui.meeting.forms.base import GrowingTextEdit, set_text

TranslationEdit = QLineEdit | QPlainTextEdit


class _Follower(QObject):
    """Hears an original field being shown or hidden (a row the form shows only for
    some choices, such as "Recommended to"), so that its translation follows it."""

    def __init__(self, fields: TranslationFields) -> None:
        super().__init__()
        self.fields = fields

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.fields.update()
        return False


class TranslationFields:
    """The translation fields of one form: built, filled, read and shown together.

    ``beside`` gives the widget of each original field (its translation goes on the row
    below it), ``lists`` the list fields (translated one entry per line) and ``top`` the
    fields whose translation goes at the top of the form (in that order)."""

    def __init__(
        self,
        form: QFormLayout,
        language: str,
        names: tuple[str, ...],
        typed: Callable[[str], None],
        beside: Mapping[str, QWidget],
        lists: frozenset[str] = frozenset(),
        top: tuple[str, ...] = (),
    ) -> None:
        self.language = language
        self.edits: dict[str, TranslationEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self._followers: list[QWidget] = []  # shown and hidden with the translations
        self._hidden: set[str] = set()  # fields whose original is not shown (Part 2 only)
        self._shown = True
        self._originals = {n: w for n, w in beside.items() if n in names}
        self._follower = _Follower(self)
        for widget in self._originals.values():
            widget.installEventFilter(self._follower)
        for name in names:
            what = FIELD_NAMES.get(name, name.replace("_", " ").capitalize())
            original = beside.get(name)
            multi = name in lists or isinstance(original, QPlainTextEdit)
            edit: TranslationEdit
            if multi:
                edit = GrowingTextEdit(min_lines=1)
                edit.textChanged.connect(lambda n=name: typed(f"translation.{n}"))
                if name in lists:
                    edit.setPlaceholderText(f"{what} in {language}, one per line, in order")
            else:
                edit = QLineEdit()
                edit.textEdited.connect(lambda _t, n=name: typed(f"translation.{n}"))
            if not edit.placeholderText():
                edit.setPlaceholderText(f"{what} in {language}")
            edit.setAccessibleName(f"{what} in {language}")
            edit.setAccessibleDescription(
                f"The {language} text printed in the {language} minutes in place of the "
                f"{what.lower()} as typed; left empty, the typed words are printed"
            )
            edit.setObjectName(f"translation_{name}")
            label = QLabel(f"{language}:")
            label.setBuddy(edit)
            label.setToolTip(f"{what} in {language}")
            row = top.index(name) if name in top else _row_after(form, original)
            if row is None:
                form.addRow(label, edit)
            else:
                form.insertRow(row, label, edit)
            self.edits[name] = edit
            self.labels[name] = label
        self.update()

    def tab_order(self, stops: list[QWidget]) -> list[QWidget]:
        """``stops`` (in the order they were made) with each translation moved to just
        after its field, so Tab goes from a field to its translation and on."""
        moved = set(self.edits.values())
        out = [w for w in stops if w not in moved]
        for name, edit in self.edits.items():
            if edit not in stops:
                continue
            original = self._originals.get(name)
            at = max(
                (i for i, w in enumerate(out) if original is not None and _within(w, original)),
                default=-1,
            )
            if at < 0:
                at = max((i for i, w in enumerate(out) if w in moved), default=len(out) - 1)
            out.insert(at + 1, edit)
        return out

    def load(self, translation: Mapping[str, str]) -> None:
        for name, edit in self.edits.items():
            set_text(edit, translation.get(name, ""))

    def merged(self, translation: Mapping[str, str]) -> dict[str, str]:
        """``translation`` with what the fields hold (an emptied field drops its entry)."""
        out = {k: v for k, v in translation.items() if k not in self.edits}
        for name, edit in self.edits.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            if text.strip():
                out[name] = text
        return out

    def set_shown(self, shown: bool) -> None:
        """View → Show translations: all of them shown, or none."""
        self._shown = shown
        self.update()

    def follow(self, widgets: list[QWidget]) -> None:
        """Show and hide ``widgets`` (a form's own translation widgets) with the rest."""
        self._followers.extend(widgets)
        self.update()

    def set_field_hidden(self, name: str, hidden: bool) -> None:
        """Keep one field's translation hidden while its field is (a Part 1 item's public
        heading)."""
        if hidden:
            self._hidden.add(name)
        else:
            self._hidden.discard(name)
        self.update()

    def update(self) -> None:
        """Each translation shown when translations are, and its field is."""
        for name, edit in self.edits.items():
            original = self._originals.get(name)
            hidden = name in self._hidden or (original is not None and original.isHidden())
            visible = self._shown and not hidden
            edit.setVisible(visible)
            self.labels[name].setVisible(visible)
        for widget in self._followers:
            widget.setVisible(self._shown)


def _within(widget: QWidget | None, outer: QWidget) -> bool:
    while widget is not None:
        if widget is outer:
            return True
        widget = widget.parentWidget()
    return False


def _row_after(form: QFormLayout, widget: QWidget | None) -> int | None:
    """The form row just below ``widget``'s row, or None when it is not in the form."""
    if widget is None:
        return None
    position: Any = form.getWidgetPosition(widget)  # (row, role); row -1: not in the form
    row = int(position[0])
    if row < 0:
        return None
    return row + 1
