"""A time field a clerk can type into however they write times: "2.28pm", "14:28", "1428"."""

from __future__ import annotations

import datetime as dt
from datetime import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from clerk_app.domain import dates
from clerk_app.domain.timeparse import parse_time


def format_time(value: time | None, clock_24h: bool = False) -> str:
    """ "2.28 pm" or "14:28", the way the minutes print times ("" for no time)."""
    return "" if value is None else dates.format_time(value, clock_24h)


class TimeEdit(QLineEdit):
    """Accepts any time the parser understands; shows it back in the body's style.

    Bad input is kept as typed (never thrown away), marked invalid, and explained in the
    tooltip and accessible description; ``time()`` keeps the last good value.
    """

    timeChanged = Signal(object)  # datetime.time | None

    def __init__(self, parent: QWidget | None = None, *, clock_24h: bool = False) -> None:
        super().__init__(parent)
        self._time: dt.time | None = None
        self._clock_24h = clock_24h
        self._error = ""
        self.setPlaceholderText("now, 2.28pm, 14:28 …")
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00.00 pm  now ") + 24)
        self.setAccessibleName("Time")
        self.editingFinished.connect(self.commit)

    def time(self) -> dt.time | None:
        return self._time

    def error(self) -> str:
        return self._error

    def setTime(self, value: dt.time | None) -> None:
        self._time = value
        self._set_error("")
        self.setText(format_time(value, self._clock_24h))

    def commit(self) -> None:
        """Parse the text; emit timeChanged when it gives a different time."""
        text = self.text().strip()
        if not text:
            changed = self._time is not None
            self._time = None
            self._set_error("")
            if changed:
                self.timeChanged.emit(None)
            return
        try:
            value = parse_time(text)
        except ValueError as exc:
            self._set_error(str(exc) or "That is not a time Clerk understands.")
            return
        self._set_error("")
        self.setText(format_time(value, self._clock_24h))
        if value != self._time:
            self._time = value
            self.timeChanged.emit(value)

    def _set_error(self, message: str) -> None:
        if message == self._error:
            return
        self._error = message
        self.setProperty("invalid", bool(message))
        self.setToolTip(message)
        self.setAccessibleDescription(message)
        self.style().unpolish(self)
        self.style().polish(self)
