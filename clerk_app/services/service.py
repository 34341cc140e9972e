"""The one object the window and the command line hold: ``Services(store)``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.model import Meeting
from clerk_app.services.approval import ApprovalMixin
from clerk_app.services.audit import AuditMixin
from clerk_app.services.blocks import BlocksMixin
from clerk_app.services.bodies import BodiesMixin
from clerk_app.services.meetings import MeetingsMixin
from clerk_app.services.officers import OfficersMixin
from clerk_app.services.output import OutputMixin
from clerk_app.services.review import ReviewMixin
from clerk_app.services.word_review import WordReviewMixin

if TYPE_CHECKING:
    from clerk_app.storage import Store


class Services(
    BodiesMixin,
    MeetingsMixin,
    BlocksMixin,
    OutputMixin,
    ReviewMixin,
    WordReviewMixin,
    OfficersMixin,
    ApprovalMixin,
    AuditMixin,
):
    """Use-cases over one open store. Each mutating call is saved when it returns.

    The store is wrapped by :class:`AuditMixin`: writes to approved minutes are refused
    (except as a recorded correction) and writes to circulated minutes are audited.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def import_json(self, path: str | Path, *, replace: bool = False) -> Meeting:
        """Import a meeting (with its body and people) from the JSON interchange form.

        The body is merged: its settings are taken from the file and people in the file
        are added or updated, never removed. An existing meeting with the same id is only
        replaced when ``replace`` is set, and never when its minutes are approved.
        """
        from clerk_app.services.interchange import import_meeting

        return import_meeting(self, Path(path), replace=replace)
