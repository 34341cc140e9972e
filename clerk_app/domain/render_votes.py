"""The words of a vote taken after debate, at its own place in the item.

The motion or amendment it decides was moved earlier and printed only as moved ("It was
moved by …, that …"); here the vote is given: "The amendment was put to the vote and was
LOST by three votes to five." or "The substantive motion was then put to the vote and it
was RESOLVED – That …". Every phrase comes from the body's phrases.
"""

from __future__ import annotations

import dataclasses

from clerk_app.domain.document import Element, Style, Table
from clerk_app.domain.model import Motion, MotionKind, Outcome, VoteKind, VoteTaken
from clerk_app.domain.render import RenderContext, cap, clean
from clerk_app.domain.render_motions import (
    after_last_amendment,
    decision_elements,
    lead_in_text,
    opening_for,
)
from clerk_app.domain.render_outcomes import named_vote_elements, vote_elements, vote_result


def _as_voted(motion: Motion, vote: VoteTaken) -> Motion:
    """The motion with this block's vote and outcome, its words written under the vote
    block's id (so the paragraphs belong to the vote where it was taken)."""
    return dataclasses.replace(
        motion,
        id=vote.id,
        vote=vote.vote,
        outcome=vote.outcome,
        outcome_by_hand=vote.outcome_by_hand,
        outcome_detail=vote.outcome_detail,
    )


def _substantive(motion: Motion, ctx: RenderContext) -> bool:
    """A motion that amendments were moved to, or that a carried amendment made."""
    if motion.derived_from_id:
        return True
    blocks = ctx.item.blocks if ctx.item is not None else []
    return any(isinstance(b, Motion) and b.amends_id == motion.id for b in blocks)


def _named(voted: Motion, ctx: RenderContext) -> list[Element]:
    """A recorded vote's names, as a motion's own vote gives them."""
    if voted.vote.named and voted.vote.kind in (VoteKind.NAMED, VoteKind.CASTING):
        return named_vote_elements(voted, ctx)
    return []


def _after(named: list[Element], result: str) -> str:
    """The phrase's ending: "_table" after a table of the recorded vote (which gives the
    totals: they are not said again), "_plain" when there is no result to give."""
    if any(isinstance(e, Table) for e in named):
        return "_table"
    return "" if result else "_plain"


def render_vote_taken(block: VoteTaken, ctx: RenderContext) -> list[Element]:
    blocks = ctx.item.blocks if ctx.item is not None else []
    motion = next((b for b in blocks if b.id == block.motion_id), None)
    if not isinstance(motion, Motion):
        return []
    if block.outcome is Outcome.PENDING and block.vote.kind is VoteKind.NONE:
        return []  # the vote is not yet recorded
    ph = ctx.phrases
    voted = _as_voted(motion, block)
    amendment = motion.motion_kind is MotionKind.AMENDMENT
    out: list[Element] = []
    title = clean(ctx.body.settings.chair_title) or ph.format("name.chair_default")
    if amendment and block.outcome in (Outcome.CARRIED, Outcome.LOST):
        carried = block.outcome is Outcome.CARRIED
        named = _named(voted, ctx)
        out.extend(named)
        result = vote_result(block.vote, ctx, carried=carried, at=block.id)
        key = "later_vote.amendment_" + ("carried" if carried else "lost")
        key += _after(named, result)
        out.append(ctx.para(Style.VOTE, cap(ph.format(key, result=result, title=title)), block))
    elif not amendment and voted.decided:
        which = "substantive" if _substantive(motion, ctx) else "motion"
        opening = opening_for(f"later_vote.{which}_and", lead_in_text(voted, ctx), ctx)
        out.extend(decision_elements(voted, ctx, opening))
    elif not amendment and block.outcome is Outcome.LOST:
        what = ph.format(
            "later_vote.what.substantive" if _substantive(motion, ctx) else "outcome.what.motion"
        )
        named = _named(voted, ctx)
        out.extend(named)
        result = vote_result(block.vote, ctx, carried=False, at=block.id)
        key = "later_vote.motion_lost" + _after(named, result)
        text = ph.format(key, what=what, result=result, title=title)
        out.append(ctx.para(Style.VOTE, cap(text), block))
    else:
        out.extend(vote_elements(voted, ctx))
    if amendment:
        out.extend(after_last_amendment(motion, ctx))
    return out
