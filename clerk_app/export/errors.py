"""Errors the Word export raises, each with a message a clerk can act on."""

from __future__ import annotations


class ExportError(Exception):
    """The minutes could not be written: ``message`` says why, ``advice`` (which may be
    empty) what to do about this very situation."""

    def __init__(self, message: str, advice: str = "") -> None:
        self.message = message
        self.advice = advice
        super().__init__(f"{message} {advice}".strip())


class TemplateError(ExportError):
    """The house-style template cannot be used (missing, damaged or lacking styles)."""
