"""Use-cases the window, the command line and scripts call.

Every mutating call is saved before it returns; there is no Save anywhere in Clerk.

``Services`` is imported on first use, so that a command needing only the errors (or
only the store) does not load every use-case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk_app.services.errors import MeetingLocked, NotFoundError, ServiceError

if TYPE_CHECKING:
    from clerk_app.services.service import Services

__all__ = ["MeetingLocked", "NotFoundError", "ServiceError", "Services"]


def __getattr__(name: str) -> Any:
    if name == "Services":
        from clerk_app.services.service import Services

        return Services
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
