"""SQLite storage for the minutes record: the only package that speaks SQL.

``Store.open(path)`` (or ``Store.open_default(data_dir)``) gives the one repository the
services call: bodies and people, meetings with their attendance, items and blocks (each
save committed and durable when it returns, bumping the meeting's revision), full-text
search, backups and the audit trail. Errors the clerk can act on are
:class:`clerk_app.storage.errors.StoreError` subclasses with ``message`` and ``advice``.
"""

from clerk_app.storage.backup import BackupInfo, parse_backup
from clerk_app.storage.meetings import AuditEntry, MeetingSummary
from clerk_app.storage.search import SearchHit
from clerk_app.storage.store import Store

__all__ = ["AuditEntry", "BackupInfo", "MeetingSummary", "SearchHit", "Store", "parse_backup"]
