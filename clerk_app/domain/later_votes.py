"""Votes taken after debate: finding the vote block that decides a motion moved earlier,
and the outcome such a vote gives (the same rule as a motion's own vote)."""

from __future__ import annotations

from collections.abc import Iterable

from clerk_app.domain.model import Block, Motion, Outcome, VoteTaken


def vote_taken_for(blocks: Iterable[Block], motion_id: str) -> VoteTaken | None:
    """The vote block that names ``motion_id`` (the first, where a file has two)."""
    return next((b for b in blocks if isinstance(b, VoteTaken) and b.motion_id == motion_id), None)


def voted_later(blocks: Iterable[Block], motion: Motion) -> bool:
    """The motion's vote is a separate block, printed where the vote was taken."""
    return vote_taken_for(blocks, motion.id) is not None


def settled_outcome(block: VoteTaken) -> VoteTaken:
    """``block`` with its outcome following the vote unless the clerk chose it by hand."""
    if not block.outcome_by_hand or block.outcome is Outcome.PENDING:
        block.outcome, block.outcome_by_hand = block.vote.result(), False
    return block


def motion_label(motion: Motion, number: int, words: int = 8) -> str:
    """How a form lists a motion: "Amendment 2 (Cllr Okafor): That the car park …"."""
    what = "Amendment" if motion.motion_kind.value == "amendment" else "Motion"
    first = (motion.clauses[0] if motion.clauses else motion.preamble).split()
    text = " ".join(first[:words]) + (" …" if len(first) > words else "")
    return f"{what} {number}: {text}".rstrip(": ")
