"""What every block form shares: saving as the clerk types, and loading after an undo.

A form edits a *copy* of its block: ``apply_to(copy)`` writes the widgets' values into
it, and the copy is pushed as an :class:`UpdateBlockCommand` (before → after). Typing is
saved after a short pause (``DEBOUNCE_MS``), and at once when the clerk leaves the field,
changes item or closes the window (``flush``). Choices (combos, check boxes, times) save
immediately.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)
from shiboken6 import isValid

from clerk_app.domain.model import Block, Person, PersonKind
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import UpdateBlockCommand
from clerk_app.gui.widgets import PersonEdit, TimeEdit

if TYPE_CHECKING:
    from clerk_app.gui.meeting.forms.translations import TranslationFields

DEBOUNCE_MS = 300  # a pause this long in the typing saves it
LONGEST_WAIT_MS = 300  # and steady typing is saved at least this often


def choice_box() -> QComboBox:
    """A drop-down list for a block's form: as wide as its longest choice where there is
    room; narrower where the pane is narrow (its text cut short, the open list showing it
    whole), so that no form makes the cards wider than the pane and the clerk never
    scrolls sideways to reach a field."""
    box = QComboBox()
    box.setMinimumWidth(box.fontMetrics().averageCharWidth() * 8 + 24)
    return box


class TypingSaver:
    """Saves a group of fields as the clerk types in them.

    What is typed is saved after a pause in the typing (``DEBOUNCE_MS``), and however
    steadily the clerk types, no later than ``LONGEST_WAIT_MS`` after the first unsaved
    key; at once when typing moves to another field of the group, and whenever ``flush``
    is called (the cursor leaves, the clerk changes item, the window closes). Saving more
    often does not split undo steps: ``commit`` is given a
    merge key, "field#run": edits with the same key join one undo step, so each run of
    typing in one field is undone as a whole and ``new_run`` starts the next one.
    """

    def __init__(self, parent: QObject, commit: Callable[[str], None]) -> None:
        self._commit = commit
        self.pending = ""  # the field typed in and not yet saved
        self.run = 0
        self.loading = False  # values being put into the fields: not the clerk's typing
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._longest = QTimer(parent)
        self._longest.setSingleShot(True)
        self._longest.setInterval(LONGEST_WAIT_MS)
        self._longest.timeout.connect(self.flush)

    def typed(self, field_name: str) -> None:
        """``field_name`` changed: save after the typing pause."""
        if self.loading:
            return
        if self.pending and self.pending != field_name:
            self.flush()
        if not self.pending:
            self._longest.start()
        self.pending = field_name
        self._timer.start()

    def flush(self) -> None:
        """Save what is pending now."""
        if self.pending:
            name, self.pending = self.pending, ""
            self._timer.stop()
            self._longest.stop()
            self._commit(f"{name}#{self.run}")

    def new_run(self) -> None:
        """Save what is pending; typing from now on is a new undo step."""
        self.flush()
        self.run += 1

    def drop(self) -> None:
        """Forget what is pending without saving it."""
        self._timer.stop()
        self._longest.stop()
        self.pending = ""

    @contextmanager
    def loading_values(self) -> Iterator[None]:
        """While the fields are filled from the record, their changes are not typing."""
        self.loading = True
        try:
            yield
        finally:
            self.loading = False


class BlockForm(QWidget):
    """Base of the block forms; subclasses build widgets, ``load`` and ``apply_to``."""

    TITLE = "Block"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__()
        self.session = session
        self.item_id = item_id
        self.block_id = block.id
        self.saver = TypingSaver(self, self.commit)
        self.field_widgets: dict[str, QWidget] = {}  # a typed field's widget, by its name
        self.translations: TranslationFields | None = None  # bilingual bodies only
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._flusher = self.flush
        session.register_flusher(self._flusher)
        FieldWatcher.start()

    # ------------------------------------------------------------------ to override
    def load(self, block: Block) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def apply_to(self, block: Block) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def first_field(self) -> QWidget | None:
        """Where the cursor goes when the form is created or jumped to."""
        return None

    # ------------------------------------------------------------------ plumbing
    @property
    def block(self) -> Block:
        return self.session.block(self.item_id, self.block_id)

    @property
    def loading(self) -> bool:
        """The fields are being filled from the record (their changes are not typing)."""
        return self.saver.loading

    def reload(self) -> None:
        with self.saver.loading_values():
            block = self.block
            self.load(block)
            if self.translations is not None:
                self.translations.load(block.translation)

    def add_translations(self, language: str) -> None:
        """A field for the ``language`` text of each translatable field (bilingual
        minutes), saved with the form's typing."""
        from clerk_app.domain.translation import is_list_field
        from clerk_app.gui.meeting.forms.translations import TranslationFields

        block = self.block
        names = self.translatable_names(block)
        if not names:
            return
        lists = frozenset(n for n in names if is_list_field(block, n))
        self.translations = TranslationFields(
            self.form, language, names, self.typed, self.field_widgets, lists
        )
        with self.saver.loading_values():
            self.translations.load(block.translation)

    def translatable_names(self, block: Block) -> tuple[str, ...]:
        """The fields given a translation field of their own (a form may show some
        translations its own way)."""
        from clerk_app.domain.translation import translatable_fields

        return translatable_fields(block)

    def merged_translation(self, translation: dict[str, str]) -> dict[str, str]:
        """The block's ``translation`` with what the translation fields hold."""
        if self.translations is None:
            return dict(translation)
        return self.translations.merged(translation)

    def set_flusher(self, fn: Any) -> None:
        """Replace what the session calls to save this form's pending edits."""
        self.session.unregister_flusher(self._flusher)
        self._flusher = fn
        self.session.register_flusher(fn)

    def dispose(self) -> None:
        """Save anything pending and stop listening (the form is going away)."""
        self._flusher()
        self.detach()

    def detach(self) -> None:
        """Stop listening without saving (the block itself was deleted)."""
        self.saver.drop()
        self.session.unregister_flusher(self._flusher)

    def typed(self, field_name: str) -> None:
        """A text field changed: save after the typing pause."""
        self.saver.typed(field_name)

    def chosen(self, *_args: Any) -> None:
        """A choice changed: save now."""
        if self.saver.loading:
            return
        self.saver.flush()
        self.commit("")

    def flush(self) -> None:
        """Save what is typed and not yet saved."""
        self.saver.flush()

    def new_typing_run(self) -> None:
        """Typing after a change of field starts a new undo step."""
        self.saver.new_run()

    def commit(self, merge_field: str) -> None:
        try:
            live = self.block
        except KeyError:
            return  # the block was deleted meanwhile
        after = copy.deepcopy(live)
        self.apply_to(after)
        after.translation = self.merged_translation(live.translation)
        if after == live:
            return
        cmd = UpdateBlockCommand(
            self.session,
            self.item_id,
            live,
            after,
            field=merge_field,
            source=self,
            text=f"Edit {self.TITLE.lower()}",
        )
        self.session.push(cmd)  # if the services say no, the window shows why; the text stays

    # ------------------------------------------------------------------ focus
    owns_fields = True  # FieldWatcher: the fields inside are this form's
    mnemonic_scope = True  # Alt+letter goes to this form's fields while the cursor is in it

    def field_focus_in(self) -> None:
        """The cursor came into one of this form's fields."""
        self.session.set_current_block(self.block_id)
        self.new_typing_run()

    def field_focus_out(self) -> None:
        """The cursor left one of this form's fields: what was typed is saved now."""
        self.flush()

    # ------------------------------------------------------------------ builders
    def add_row(self, label: str, widget: QWidget, accessible: str = "") -> QWidget:
        widget.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        lab = QLabel(label)
        lab.setBuddy(widget)
        self.form.addRow(lab, widget)
        return widget

    def line(self, label: str, field_name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t: self.typed(field_name))
        self.add_row(label, edit)
        self.field_widgets[field_name] = edit
        return edit

    def text(self, label: str, field_name: str, placeholder: str = "") -> QPlainTextEdit:
        edit = GrowingTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda: self.typed(field_name))
        self.add_row(label, edit)
        self.field_widgets[field_name] = edit
        return edit

    def combo(self, label: str, choices: list[tuple[str, Any]], *, row: bool = True) -> QComboBox:
        box = choice_box()
        for text, value in choices:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self.chosen)
        if row:
            self.add_row(label, box)
        return box

    def inline_row(self, label: str, parts: list[tuple[str, QWidget, str]]) -> QWidget:
        """Several small fields on one line, each with its own label."""
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        first: QWidget | None = None
        for text, widget, name in parts:
            widget.setAccessibleName(name)
            if text:
                lab = QLabel(text)
                lab.setBuddy(widget)
                lay.addWidget(lab)
            # no stretch: a narrow pane takes its width from the fields in proportion to
            # their length, so the longest choice is cut last
            lay.addWidget(widget)
            first = first or widget
        head = QLabel(label)
        if first is not None:
            head.setBuddy(first)
        self.form.addRow(head, row)
        return row

    def check(self, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.setAccessibleName(label.replace("&", ""))
        box.toggled.connect(self.chosen)
        self.form.addRow("", box)
        return box

    def time_field(self, label: str = "&Time:") -> TimeEdit:
        edit = TimeEdit(clock_24h=self.session.body.settings.clock_24h)
        edit.timeChanged.connect(self.chosen)
        self.add_row(label, edit)
        return edit

    def person_field(
        self, label: str, *, members_only: bool, free_text: bool = False, name: str = "owner"
    ) -> PersonEdit:
        def source() -> tuple[list[Person], set[str]]:
            people = self.session.members_sorted()
            if members_only:
                people = [p for p in people if p.kind is PersonKind.MEMBER]
            return people, self.session.present_ids()

        edit = PersonEdit(source, self.session.display_name, free_text=free_text)
        edit.personChanged.connect(self.chosen)
        if free_text:
            edit.textEdited.connect(lambda _t: self.typed(name))
        self.add_row(label, edit)
        return edit


class _UndoKeys(QObject):
    """On the focused field only: Ctrl+Z and Ctrl+Y go to the meeting's undo stack (the
    window's Undo and Redo), not to the field's own undo."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event)


class FieldWatcher(QObject):
    """Follows the keyboard focus into and out of the meeting screen's fields.

    One for the application, told of each focus change by ``QApplication.focusChanged``.
    The nearest enclosing widget whose class ``owns_fields`` (a block form, the item
    heading) hears ``field_focus_out`` when the cursor leaves one of its fields and
    ``field_focus_in`` when it comes in, and the focused field alone has the undo-key
    filter. An event filter on every field instead would see, and hand to Python, every
    event of every field: it made opening an item slow.
    """

    _running: FieldWatcher | None = None

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.undo_keys = _UndoKeys(self)
        app.focusChanged.connect(self._focus_changed)

    @classmethod
    def start(cls) -> None:
        app = QApplication.instance()
        running = cls._running
        if isinstance(app, QApplication) and (running is None or running.parent() is not app):
            cls._running = FieldWatcher(app)

    @staticmethod
    def owner(widget: QWidget | None) -> Any:
        """The form or heading whose field ``widget`` is, if any."""
        while widget is not None:
            if getattr(type(widget), "owns_fields", False):
                return widget
            widget = widget.parentWidget()
        return None

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and isValid(old):
            old.removeEventFilter(self.undo_keys)
            owner = self.owner(old)
            if owner is not None:
                owner.field_focus_out()
        if new is not None and isValid(new):
            owner = self.owner(new)
            if owner is not None:
                new.installEventFilter(self.undo_keys)
                owner.field_focus_in()


def is_undo_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and (
        event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
    )


def set_combo(box: QComboBox, value: Any) -> None:
    idx = box.findData(value)
    if idx >= 0 and idx != box.currentIndex():
        box.setCurrentIndex(idx)


def set_text(edit: QLineEdit | QPlainTextEdit, value: str) -> None:
    """Set a field's text only when it differs (keeps the cursor where the clerk is)."""
    if isinstance(edit, QPlainTextEdit):
        if edit.toPlainText() != value:
            edit.setPlainText(value)
    elif edit.text() != value:
        edit.setText(value)


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text box that grows with its text instead of scrolling inside a scroll."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = 2) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args: Any) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self._min_lines, int(self.document().size().height()))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + int(self.document().documentMargin() * 2)
        self.setFixedHeight(lines * line + frame + margins.top() + margins.bottom())
