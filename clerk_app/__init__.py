"""Clerk: take the minutes of council and board meetings, live and offline."""

__version__ = "0.1.0"
