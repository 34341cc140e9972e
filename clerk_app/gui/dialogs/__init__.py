"""Clerk's dialogs. Imported lazily so opening one does not load them all."""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "AboutDialog": "about",
    "ShortcutsDialog": "shortcuts",
    "NewBodyDialog": "new_body",
    "NewMeetingDialog": "new_meeting",
    "SettingsDialog": "settings",
    "export_with_dialog": "export",
    "StoreProblemDialog": "store_problem",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
