"""SQLite storage for the minutes record: the only package that speaks SQL."""

from clerk_app.storage.backup import BackupInfo, parse_backup
from clerk_app.storage.meetings import AuditEntry, MeetingSummary
from clerk_app.storage.search import SearchHit
from clerk_app.storage.store import Store

__all__ = ["AuditEntry", "BackupInfo", "MeetingSummary", "SearchHit", "Store", "parse_backup"]
