"""Use-cases the window, the command line and scripts call.

Every mutating call is saved before it returns; there is no Save anywhere in Clerk.
"""

from clerk_app.services.errors import MeetingLocked, NotFoundError, ServiceError
from clerk_app.services.service import Services

__all__ = ["MeetingLocked", "NotFoundError", "ServiceError", "Services"]
