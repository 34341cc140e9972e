"""Colours and fonts that follow the platform.

Clerk forces nothing: the platform style, palette (light or dark) and font size are the
clerk's own. Code that needs a meaning-bearing colour (a warning, an all-clear, an error)
asks here, and gets one derived from the current palette so it reads in dark mode too.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Tone(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    INFO = "info"
    MUTED = "muted"


# Hues chosen to be told apart by colour-blind readers as well as by the icon/text beside them.
_LIGHT = {
    Tone.OK: "#1b6e2e",
    Tone.WARNING: "#8a5300",
    Tone.ERROR: "#b00020",
    Tone.INFO: "#0b5394",
}
_DARK = {
    Tone.OK: "#7bd88f",
    Tone.WARNING: "#ffc266",
    Tone.ERROR: "#ff8a80",
    Tone.INFO: "#8ab4f8",
}


def palette(widget: QWidget | None = None) -> QPalette:
    if widget is not None:
        return widget.palette()
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (dark mode)."""
    pal = pal or palette()
    window = pal.color(QPalette.ColorRole.Window)
    text = pal.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def color(tone: Tone | str, pal: QPalette | None = None) -> QColor:
    """The foreground colour for a tone, readable on the palette's window background."""
    tone = Tone(tone)
    pal = pal or palette()
    if tone is Tone.MUTED:
        c = QColor(pal.color(QPalette.ColorRole.WindowText))
        bg = pal.color(QPalette.ColorRole.Window)
        # halfway between text and background keeps contrast in both modes
        return QColor(
            (c.red() * 3 + bg.red() * 2) // 5,
            (c.green() * 3 + bg.green() * 2) // 5,
            (c.blue() * 3 + bg.blue() * 2) // 5,
        )
    table = _DARK if is_dark(pal) else _LIGHT
    return QColor(table[tone])


def background(tone: Tone | str, pal: QPalette | None = None) -> QColor:
    """A soft background for a message bar of this tone."""
    pal = pal or palette()
    fg = color(tone, pal)
    bg = pal.color(QPalette.ColorRole.Window)
    mix = 0.18
    return QColor(
        round(bg.red() * (1 - mix) + fg.red() * mix),
        round(bg.green() * (1 - mix) + fg.green() * mix),
        round(bg.blue() * (1 - mix) + fg.blue() * mix),
    )


def set_tone(label: QLabel, tone: Tone | str | None) -> None:
    """Colour a label's text for a tone (None: back to the palette's text colour)."""
    if tone is None:
        label.setStyleSheet("")
        return
    # the application's palette: the label's own may already carry an earlier tone
    label.setStyleSheet(f"color: {color(tone).name()};")


def bar_style(tone: Tone | str, pal: QPalette | None = None) -> str:
    """A style sheet for a message bar (frame) of this tone."""
    fg = color(tone, pal)
    bg = background(tone, pal)
    return (
        f"background-color: {bg.name()}; color: {fg.name()};"
        f" border: 1px solid {fg.name()}; border-radius: 4px; padding: 4px;"
    )


def scaled_font(factor: float, base: QFont | None = None, bold: bool = False) -> QFont:
    """The platform font scaled (headings): respects the clerk's chosen font size."""
    font = QFont(base or QApplication.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setBold(bold)
    return font
