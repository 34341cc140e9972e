"""SQLite storage for the minutes record: the only package that speaks SQL.

``Store.open(path)`` (or ``Store.open_default(data_dir)``) gives the one repository the
services call: bodies and people, meetings with their attendance, items and blocks (each
save committed and durable when it returns, bumping the meeting's revision), full-text
search, backups and the audit trail. Errors the clerk can act on are
:class:`clerk_app.storage.errors.StoreError` subclasses with ``message`` and ``advice``.

Each public name is imported the first time it is asked for, so that importing one module
of the package (its errors, say) does not load the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clerk_app.storage.backup import BackupInfo, parse_backup
    from clerk_app.storage.meetings import AuditEntry, MeetingSummary
    from clerk_app.storage.search import SearchHit
    from clerk_app.storage.store import Store

__all__ = ["AuditEntry", "BackupInfo", "MeetingSummary", "SearchHit", "Store", "parse_backup"]

_HOMES = {
    "AuditEntry": "meetings",
    "BackupInfo": "backup",
    "MeetingSummary": "meetings",
    "SearchHit": "search",
    "Store": "store",
    "parse_backup": "backup",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
