"""What the demo meetings share: a decision moved (or not) and carried."""

from __future__ import annotations

from clerk_app.domain.model import LeadIn, Meeting, Motion, Outcome, Vote, VoteKind
from clerk_app.services.service import Services


def carried(
    svc: Services,
    meeting: Meeting,
    item_id: str,
    clauses: list[str],
    *,
    mover: str | None = None,
    seconder: str | None = None,
    vote: Vote | VoteKind = VoteKind.WITHOUT_VOTE,
    lead_in: LeadIn = LeadIn.RESOLVED,
) -> Motion:
    """A motion moved (or put without a mover) and carried by ``vote``."""
    motion = svc.move_motion(
        meeting, item_id, mover_id=mover, seconder_id=seconder, clauses=clauses, lead_in=lead_in
    )
    svc.record_vote(
        meeting, item_id, motion.id, vote if isinstance(vote, Vote) else Vote(vote), Outcome.CARRIED
    )
    return motion
