"""Discussion points: one line per point; Enter starts the next point straight after."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.domain.document import Style
from clerk_app.domain.lists import LIST_KINDS, list_label
from clerk_app.domain.model import Block, Points, PointStyle
from clerk_app.domain.render_blocks import roman_point_label
from clerk_app.gui.meeting.forms.base import BlockForm, set_combo, set_text
from clerk_app.gui.meeting.session import MeetingSession

STYLE_CHOICES = [
    ("Bullets •", PointStyle.BULLETS),
    ("Letters (a) (b)", PointStyle.LETTERS),
    ("Numbers 1. 2.", PointStyle.NUMBERS),
    ("Roman i) ii)", PointStyle.ROMAN),
    ("Questions and answers Q: A:", PointStyle.QUESTIONS),
]
# the paragraph style the points are written in, which decides how they are numbered
_LIST_STYLES = {
    PointStyle.BULLETS: Style.POINT_BULLET,
    PointStyle.LETTERS: Style.POINT_LETTER,
    PointStyle.NUMBERS: Style.POINT_NUMBER,
}


class PointLine(QLineEdit):
    """One point. Enter: new point after; Backspace on empty: remove; Up/Down: move."""

    newAfter = Signal(object)
    removeMe = Signal(object)
    moveFocus = Signal(object, int)
    pastedLines = Signal(object, list)

    def paste(self) -> None:
        """Pasting several lines makes one point of each."""
        text = QGuiApplication.clipboard().text()
        lines = [t.strip(" \t•-*") for t in text.splitlines() if t.strip(" \t•-*")]
        if len(lines) > 1:
            self.insert(lines[0])
            self.pastedLines.emit(self, lines[1:])
        else:
            super().paste()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.newAfter.emit(self)
            return
        if key == Qt.Key.Key_Backspace and not self.text() and not mods:
            self.removeMe.emit(self)
            return
        if key == Qt.Key.Key_Up and not mods:
            self.moveFocus.emit(self, -1)
            return
        if key == Qt.Key.Key_Down and not mods:
            self.moveFocus.emit(self, 1)
            return
        super().keyPressEvent(event)


class PointsForm(BlockForm):
    TITLE = "Discussion points"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.intro = self.line(
            "Intro&duction:", "intro", "During the discussion the following points were raised:"
        )
        self.style_box = self.combo("&Style:", STYLE_CHOICES)
        self.box = QWidget()
        self.box.setAccessibleName("Points")
        self.rows = QVBoxLayout(self.box)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(2)
        self.lines: list[PointLine] = []
        self.labels: list[QLabel] = []
        hint = QLabel("&Points:")
        hint.setBuddy(self.box)
        self.form.addRow(hint, self.box)
        self.field_widgets["points"] = self.box
        self.reload()

    # ------------------------------------------------------------------ the lines
    def _make_line(self, index: int, text: str = "") -> PointLine:
        line = PointLine()
        line.setText(text)
        line.setPlaceholderText("Type a point; Enter for the next one")
        line.textEdited.connect(lambda _t: self.typed("points"))
        line.newAfter.connect(self._new_after)
        line.removeMe.connect(self._remove)
        line.moveFocus.connect(self._move_focus)
        line.pastedLines.connect(self._pasted)
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance("(viii)"))
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(label)
        lay.addWidget(line, 1)
        self.rows.insertWidget(index, row)
        self.lines.insert(index, line)
        self.labels.insert(index, label)
        self._renumber()
        return line

    def _renumber(self) -> None:
        style = PointStyle(self.style_box.currentData() or PointStyle.BULLETS)
        kind = LIST_KINDS[_LIST_STYLES.get(style, Style.POINT_BULLET)]
        for i, (line, label) in enumerate(zip(self.lines, self.labels, strict=True), start=1):
            if style is PointStyle.QUESTIONS:
                asked = i % 2 == 1
                label.setText("Q:" if asked else "A:")
                line.setAccessibleName(f"Question {(i + 1) // 2}" if asked else f"Answer {i // 2}")
                continue
            label.setText(
                roman_point_label(i) if style is PointStyle.ROMAN else list_label(kind, i)
            )
            line.setAccessibleName(f"Point {i}")

    def _remove_row(self, index: int) -> None:
        line = self.lines.pop(index)
        self.labels.pop(index)
        row = line.parentWidget()
        assert row is not None  # _make_line puts every line in a row widget of its own
        self.rows.removeWidget(row)
        row.deleteLater()
        self._renumber()

    def _new_after(self, line: PointLine) -> None:
        index = self.lines.index(line) + 1
        new = self._make_line(index)
        self.chosen()  # the new (empty) point is saved at once
        new.setFocus()

    def _pasted(self, line: PointLine, lines: list[str]) -> None:
        index = self.lines.index(line)
        new = line
        for n, text in enumerate(lines, start=1):
            new = self._make_line(index + n, text)
        self.chosen()
        new.setFocus()

    def _remove(self, line: PointLine) -> None:
        if len(self.lines) <= 1:
            return
        index = self.lines.index(line)
        self._remove_row(index)
        self.chosen()
        target = self.lines[max(0, index - 1)]
        target.setFocus()
        target.end(False)

    def _move_focus(self, line: PointLine, step: int) -> None:
        index = self.lines.index(line) + step
        if 0 <= index < len(self.lines):
            self.lines[index].setFocus()
        elif index < 0:
            self.intro.setFocus()

    # ------------------------------------------------------------------ load / apply
    def load(self, block: Block) -> None:
        assert isinstance(block, Points)
        set_text(self.intro, block.intro)
        set_combo(self.style_box, block.style)
        points = block.points or [""]
        while len(self.lines) > len(points):
            self._remove_row(len(self.lines) - 1)
        while len(self.lines) < len(points):
            self._make_line(len(self.lines))
        for line, text in zip(self.lines, points, strict=True):
            set_text(line, text)
        self._renumber()

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Points)
        block.intro = self.intro.text()
        block.style = PointStyle(self.style_box.currentData())
        block.points = [line.text() for line in self.lines]
        self._renumber()

    def first_field(self) -> QWidget:
        return self.lines[-1] if self.lines else self.intro
