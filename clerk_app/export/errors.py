"""Errors the Word export raises, each with a message a clerk can act on."""

from __future__ import annotations


class ExportError(Exception):
    """The minutes could not be written; the message says why and what to do."""


class TemplateError(ExportError):
    """The house-style template cannot be used (missing, damaged or lacking styles)."""
