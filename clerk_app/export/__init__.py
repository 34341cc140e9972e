"""Word export: rendered minutes written into a house-style .docx template.

``export_docx(document, path, template=None)`` writes a
:class:`~clerk_app.domain.document.Document`; ``check_template(path)`` lists the styles
a council's template lacks; ``export_action_log(rows, path, title, version=...)``
writes an action log table (public: Part 2 actions left out; confidential: marked).
Failures raise :class:`ExportError` (or :class:`TemplateError`) with a message for the
clerk.
"""

from __future__ import annotations

from clerk_app.export.action_log import (
    ActionLogVersion,
    ActionRow,
    action_log_document,
    export_action_log,
)
from clerk_app.export.docx_writer import export_docx
from clerk_app.export.errors import ExportError, TemplateError
from clerk_app.export.template import check_template, default_template
from clerk_app.export.text import clean_text

__all__ = [
    "ActionLogVersion",
    "ActionRow",
    "ExportError",
    "TemplateError",
    "action_log_document",
    "check_template",
    "clean_text",
    "default_template",
    "export_action_log",
    "export_docx",
]
