"""Errors the services raise for the clerk's situation (not bugs)."""

from __future__ import annotations


class ServiceError(Exception):
    """Something the clerk asked for cannot be done; ``message`` says why in plain words,
    ``field`` names the form field at fault when there is one."""

    def __init__(self, message: str, *, advice: str = "", field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice
        self.field = field


class MeetingLocked(ServiceError):
    """The minutes were approved: they can only change by a recorded correction."""

    def __init__(self, what: str = "these minutes") -> None:
        super().__init__(
            f"The minutes are approved and locked: {what} cannot be changed.",
            advice="Record a correction with its reason (Meeting → Record correction).",
        )


class NotFoundError(ServiceError):
    pass
