"""What the published versions give of an item: a Part 2 item built only from what the
public may read (:func:`public_item`), and an item's decisions and actions alone for
the decision sheet.
"""

from __future__ import annotations

from clerk_app.domain.document import Element, Para, Style
from clerk_app.domain.model import (
    Action,
    Item,
    Motion,
    MotionKind,
    Outcome,
    PlanningApplication,
    PlanningDecision,
    VoteTaken,
)
from clerk_app.domain.render import RenderContext, cap, clean
from clerk_app.domain.render_exempt import regime_text
from clerk_app.domain.render_items import (
    deferred_after,
    item_heading,
    render_item,
    status_note,
    title_runs,
)
from clerk_app.domain.render_motions import movers

_DECISION_STYLES = frozenset(
    {Style.DECISION, Style.CLAUSE_NUMBER, Style.CLAUSE_LETTER, Style.CLAUSE_ROMAN, Style.VOTE}
)


def _public_heading(item: Item, ctx: RenderContext) -> list[Element]:
    """A Part 2 item's heading as the public may read it: its public heading (never its
    title), or a neutral heading when the clerk has left that empty."""
    label = clean(item.minute_number) or clean(item.number)
    text = clean(item.public_heading) or ctx.phrases.format("exempt.heading")
    return [ctx.para(Style.ITEM_HEADING, title_runs(text, ctx), label=label)]


def _public_motion_line(motion: Motion, ctx: RenderContext) -> str:
    ph = ctx.phrases
    mover, seconder = movers(motion, ctx)
    key = (
        "exempt.motion.moved_seconded"
        if mover and seconder
        else "exempt.motion.moved"
        if mover
        else "exempt.motion.seconded"
        if seconder
        else "exempt.motion.anonymous"
    )
    outcome = ph.format(f"exempt.outcome.{motion.outcome.value}")
    return cap(ph.format(key, mover=mover, seconder=seconder, outcome=outcome))


def public_item(item: Item, ctx: RenderContext, movers: bool = True) -> list[Element]:
    """A Part 2 item as every public output gives it, built only from what the public
    may read: the public heading, the exemption notice, the public summary, who moved
    and seconded each motion and its outcome (``movers``: the decision sheet leaves those
    out, as it does for Part 1 items). No exempt text (title, purpose, report, the blocks'
    words) is read here."""
    ph = ctx.phrases
    ctx.item = item
    out = _public_heading(item, ctx)
    out.append(ctx.para(Style.EXEMPT_NOTICE, regime_text(ctx, "exempt.notice", [item])))
    out.extend(status_note(item, ctx))
    for line in item.public_summary.splitlines():
        if clean(line):
            out.append(ctx.para(Style.BODY, clean(line)))
    decided = False
    for b in item.blocks:
        if (
            isinstance(b, Motion)
            and b.motion_kind is not MotionKind.AMENDMENT
            and not b.derived_from_id
            and b.outcome is not Outcome.PENDING
        ):
            if movers:
                out.append(ctx.para(Style.BODY, _public_motion_line(b, ctx)))
            decided = decided or b.decided
        elif isinstance(b, Motion) and b.derived_from_id and b.decided:
            decided = True
    if decided:
        out.append(ctx.para(Style.BODY, ph.format("exempt.decision", body_word=ctx.body_word())))
    elif item.blocks:
        out.append(ctx.para(Style.BODY, ph.format("exempt.no_decision")))
    return out + deferred_after(item, ctx)


def decided_application(block: object, el: Para) -> bool:
    """A paragraph of a decided planning application that the decision sheet keeps: its
    reference and site, the decision, its reasons and conditions."""
    return (
        isinstance(block, PlanningApplication)
        and block.decision is not PlanningDecision.PENDING
        and el.style in (Style.SUB_HEADING, *_DECISION_STYLES)
    )


def decision_item(item: Item, ctx: RenderContext) -> list[Element]:
    """An item's decisions and actions only ([] when it has none)."""
    if item.exempt:
        has = any(isinstance(b, Motion) and b.decided for b in item.blocks)
        return public_item(item, ctx, movers=False) if has else []
    blocks = {b.id: b for b in item.blocks}
    kept: list[Element] = []
    # an amended motion is written twice: as moved (MOTION + clauses) and as decided
    # (DECISION + clauses + vote); only what follows its DECISION paragraph is kept
    decided: dict[str, bool] = {}
    for el in render_item(item, ctx):
        if not isinstance(el, Para):
            continue
        block = blocks.get(el.block_id or "")
        if isinstance(block, VoteTaken):  # a vote taken after debate: its motion's decision
            block = blocks.get(block.motion_id)
        if el.block_id and el.style in (Style.MOTION, Style.DECISION):
            decided[block.id if block else el.block_id] = el.style is Style.DECISION
        if (
            isinstance(block, Action)
            or decided_application(block, el)
            or (
                isinstance(block, Motion)
                and block.decided
                and block.motion_kind is not MotionKind.AMENDMENT
                and el.style in _DECISION_STYLES
                and decided.get(block.id, False)
            )
        ):
            el.label = ""
            kept.append(el)
        elif block is None and el.style is Style.DECISION:
            kept.append(el)
    if not kept:
        return []
    return item_heading(item, ctx) + kept
