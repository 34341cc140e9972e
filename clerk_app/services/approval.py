"""Approving the minutes of the previous meeting, and recorded corrections afterwards."""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextlib import _GeneratorContextManager
from datetime import date
from typing import TYPE_CHECKING

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import (
    Approval,
    Block,
    Item,
    ItemKind,
    LeadIn,
    Meeting,
    MeetingStatus,
    Motion,
    Outcome,
    Vote,
    VoteKind,
)
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from clerk_app.domain.model import Body
    from clerk_app.storage import Store

Change = Block | Item | Callable[[], object]


def approval_clause(previous: Meeting, chair_title: str, corrections: str = "") -> str:
    """The resolution's wording (conventions §11): approved as a correct record, with any
    corrections minuted in it."""
    held = format_date(previous.date, weekday=False)
    text = f"the minutes of the meeting held on {held} be approved as a correct record"
    if corrections.strip():
        text += f", subject to the following corrections: {corrections.strip().rstrip('.')}"
    return f"{text}, and be signed by the {chair_title}."


class ApprovalMixin:
    store: Store

    if TYPE_CHECKING:

        def _body_of(self, meeting: Meeting) -> Body: ...
        def _item(self, meeting: Meeting, item_id: str) -> Item: ...
        def _guard(self, meeting: Meeting, what: str = ...) -> None: ...
        def add_block(
            self, meeting: Meeting, item_id: str, block: Block, index: int | None = None
        ) -> Block: ...
        def update_block(self, meeting: Meeting, item_id: str, block: Block) -> Block: ...
        def update_item(self, meeting: Meeting, item: Item) -> Item: ...
        def audit_source(
            self, source: str, *, force: bool = False
        ) -> _GeneratorContextManager[None]: ...
        def _correcting(self, meeting_id: str) -> _GeneratorContextManager[None]: ...
        def _audit(
            self, meeting: Meeting, what: str, before: str, after: str, source: str = ""
        ) -> bool: ...

    def approve_previous_minutes(
        self,
        meeting: Meeting,
        item_id: str,
        previous_meeting_id: str,
        signed_by: str,
        corrections: str = "",
        approved_on: date | None = None,
    ) -> tuple[Motion, Meeting]:
        """Minute the approval in ``meeting``'s item and lock the previous meeting.

        Returns the resolution added to the item and the (now approved) previous meeting.
        """
        self._guard(meeting)
        item = self._item(meeting, item_id)
        if not signed_by.strip():
            raise ServiceError("Say who signed the minutes.", field="signed_by")
        if previous_meeting_id == meeting.id:
            raise ServiceError("A meeting cannot approve its own minutes here.")
        previous = self.store.get_meeting(previous_meeting_id)
        if previous.body_id != meeting.body_id:
            raise ServiceError("Those minutes are of a different committee or council.")
        if previous.date > meeting.date:
            raise ServiceError("Only the minutes of an earlier meeting can be approved.")
        if previous.locked:
            raise ServiceError(
                f"The minutes of {format_date(previous.date, weekday=False)} are already approved.",
                advice="A later change is made as a recorded correction.",
            )
        if item.kind is not ItemKind.PREVIOUS_MINUTES and any(
            it.kind is ItemKind.PREVIOUS_MINUTES for it in meeting.items
        ):
            raise ServiceError(
                "Record the approval under the item “Minutes of the previous meeting”.",
                field="item",
            )
        body = self._body_of(meeting)
        motion = Motion(
            clauses=[approval_clause(previous, body.settings.chair_title, corrections)],
            lead_in=LeadIn.RESOLVED,
            vote=Vote(kind=VoteKind.WITHOUT_VOTE),
            outcome=Outcome.CARRIED,
        )
        source = f"meeting of {format_date(meeting.date, weekday=False)}"
        with self.store.transaction(), self.audit_source(source):
            self.add_block(meeting, item.id, motion)
            previous.status = MeetingStatus.APPROVED
            previous.approval = Approval(
                approved_on=approved_on or meeting.date,
                signed_by=signed_by.strip(),
                at_meeting_id=meeting.id,
                corrections=corrections.strip(),
            )
            self.store.save_meeting_header(previous)
            self._audit(
                previous,
                "Minutes approved as a correct record",
                "",
                f"signed by {signed_by.strip()}"
                + (f"; corrections: {corrections.strip()}" if corrections.strip() else ""),
            )
        return motion, previous

    def record_correction(self, meeting: Meeting, reason: str, change: Change) -> Meeting:
        """The only way to change approved minutes: ``change`` (an edited block or item,
        or a function making the change through the services) is applied and recorded in
        the audit trail with its reason."""
        if not reason.strip():
            raise ServiceError("Give the reason for the correction.", field="reason")
        if not meeting.locked:
            raise ServiceError(
                "These minutes are not approved yet; edit them directly.",
                advice="Corrections are only recorded for approved minutes.",
            )
        status, approval = meeting.status, copy.deepcopy(meeting.approval)
        source = f"correction: {reason.strip()}"
        with (
            self.store.transaction(),
            self._correcting(meeting.id),
            self.audit_source(source, force=True),
        ):
            self._audit(meeting, "Correction recorded", "", reason.strip())
            meeting.status = MeetingStatus.DRAFT  # lifted for this change only
            try:
                if isinstance(change, Block):
                    found = meeting.find_block(change.id)
                    if found is None:
                        raise ServiceError("That part of the minutes no longer exists.")
                    self.update_block(meeting, found[0].id, change)
                elif isinstance(change, Item):
                    self.update_item(meeting, change)
                elif callable(change):
                    change()
                else:
                    raise ServiceError("Nothing to correct.")
            finally:
                meeting.status, meeting.approval = status, approval
            self.store.save_meeting_header(meeting)
        return meeting
