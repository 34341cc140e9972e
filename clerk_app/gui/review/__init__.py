"""The chair's review mode and the clerk's review, approval and officers' drafts dialogs.

Imported lazily: ``from clerk_app.gui.review import ReviewWindow`` loads only its module.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ReviewWindow": "window",
    "open_review_window": "window",
    "show_refusal": "window",
    "import_review_with_dialog": "clerk_side",
    "export_review_with_dialog": "clerk_side",
    "export_word_review_with_dialog": "clerk_side",
    "import_word_comments_with_dialog": "clerk_side",
    "ResponsesDialog": "responses",
    "AuditDialog": "audit_dialog",
    "ApproveMinutesDialog": "approve_dialog",
    "RecordCorrectionDialog": "correction",
    "officer_drafts_with_dialog": "officers",
    "item_draft_with_dialog": "officers",
    "decision_sheet_with_dialog": "officers",
    "action_log_with_dialog": "officers",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
