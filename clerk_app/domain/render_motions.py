"""Motions and amendments in the words of the minutes: the mover's line, the lead-in
("RESOLVED – That …"), the clauses, and the vote on the motion once its amendments
are dealt with. Every phrase comes from the body's phrases.
"""

from __future__ import annotations

import re

from clerk_app.domain.document import CharStyle, Element, Para, Run, Style
from clerk_app.domain.later_votes import voted_later
from clerk_app.domain.model import ClauseStyle, ItemKind, LeadIn, Motion, MotionKind, Moving
from clerk_app.domain.render import (
    CLOSING_QUOTES,
    RenderContext,
    cap,
    clean,
    end_stop,
    ends_quoted,
    ends_with_that,
    lead_in_keywords,
    marked_runs,
    split_keyword,
    strip_that,
    the_title,
)
from clerk_app.domain.render_exempt import exclusion_wording
from clerk_app.domain.render_outcomes import vote_elements
from clerk_app.lazyre import compiled

_QUOTED_THAT = re.compile(r"^[“‘\"']\s*that\b", re.IGNORECASE)
_TRAILING_THAT = compiled(r"[\s,]*\bthat\s*$", re.IGNORECASE)
_CLAUSE_STYLES = {
    ClauseStyle.NUMBERS: Style.CLAUSE_NUMBER,
    ClauseStyle.LETTERS: Style.CLAUSE_LETTER,
    ClauseStyle.ROMAN: Style.CLAUSE_ROMAN,
    ClauseStyle.NONE: Style.DECISION,
}


def _voted_later(m: Motion, ctx: RenderContext) -> bool:
    """The motion's vote is a block of its own further down the item."""
    return ctx.item is not None and voted_later(ctx.item.blocks, m)


def _clauses(m: Motion, ctx: RenderContext) -> list[str]:
    return [c for c in (clean(x) for x in m.clauses) if c]


def _punctuate(clauses: list[str], style: ClauseStyle, conjunction: str = "and") -> list[str]:
    """British resolution lists: "…;" then "…; and" before the last, which ends "."
    (``conjunction`` is the language's "and")."""
    if style is ClauseStyle.NONE:
        return [end_stop(c) for c in clauses]
    out: list[str] = []
    n = len(clauses)
    for i, c in enumerate(clauses):
        bare = c.rstrip(CLOSING_QUOTES) if ends_quoted(c) else c
        ends = (" and", " or", " " + conjunction.casefold())
        if (bare and bare[-1] in ".!?:;,…") or c.casefold().endswith(ends):
            out.append(c)  # the clerk's own stop, even inside a closing quote
        elif i == n - 1 and bare != c:
            out.append(c)  # no full stop after a closing quote
        elif i == n - 1:
            out.append(c + ".")
        elif i == n - 2:
            out.append(f"{c}; {conjunction}")
        else:
            out.append(c + ";")
    return out


def motion_statement(m: Motion, ctx: RenderContext, lead: str) -> tuple[str, list[str]]:
    """The words after the lead-in and the clause list.

    A single clause with no preamble is written inline ("RESOLVED – That the minutes be
    approved."). A "That" typed by the clerk after a lead-in ending in "that" is dropped.
    """
    pre = clean(m.preamble)
    clauses = _clauses(m, ctx)
    if (
        not pre
        and not clauses
        and ctx.item is not None
        and ctx.item.kind is ItemKind.EXCLUSION
        and m.motion_kind is not MotionKind.AMENDMENT
    ):
        pre = exclusion_wording(ctx)
    that = ends_with_that(lead) and not quoted_that(pre or (clauses[0] if clauses else ""))
    if that and pre:
        pre = strip_that(pre)
    inline = ""
    if not pre and len(clauses) == 1:
        inline = end_stop(strip_that(clauses[0]) if that else clauses[0])
        clauses = []
    text = pre or inline
    if pre and not clauses:
        text = end_stop(text)
    return text, _punctuate(
        clauses, m.clause_style, ctx.phrases.format("list.and").strip() or "and"
    )


def quoted_that(text: str) -> bool:
    """The clerk quoted the motion as moved: “That the Council …”."""
    return bool(_QUOTED_THAT.match(clean(text)))


def without_that(opening: str, colon: bool = True) -> str:
    """An opening or lead-in without its closing "that" (before a quoted motion, or when
    the motion has no words yet): "…seconded by X, that" → "…seconded by X:"."""
    text = _TRAILING_THAT.sub("", clean(opening)).rstrip(" ,")
    if not text or not colon or text[-1] in ":–-":
        return text
    return text + ":"


def _joined(opening: str, text: str, clauses: list[str]) -> str:
    """The opening and the motion's words: a dangling "that" dropped when there are no
    words, and before a quoted motion."""
    if not text and not clauses:
        return end_stop(without_that(opening, colon=False)) if opening else ""
    if quoted_that(text or (clauses[0] if clauses else "")):
        opening = without_that(opening)
    return " ".join(t for t in (opening, text) if t)


def _under_rule(m: Motion, ctx: RenderContext, opening: str) -> str:
    """The procedure rule a motion was moved under, before the opening (never inside the
    resolution's words): "Under Standing Order 12, it was moved …"."""
    rule = clean(m.rule).rstrip(".,")
    if not rule:
        return opening
    if not opening:
        return ctx.phrases.format("motion.rule_alone", rule=rule)
    first = opening.split(maxsplit=1)[0]
    if first in ("It", "An", "A", "The"):
        opening = opening[:1].lower() + opening[1:]
    return ctx.phrases.format("motion.rule_opening", rule=rule, opening=opening)


def lead_in_text(m: Motion, ctx: RenderContext) -> str:
    ph = ctx.phrases
    if m.lead_in is LeadIn.RESOLVED:
        return clean(ctx.body.settings.lead_in) or "RESOLVED"
    if m.lead_in is LeadIn.RECOMMENDED:
        to = clean(m.recommend_to)
        if to:
            return ph.format("lead_in.recommended", recommend_to=to)
        return ph.format("lead_in.recommended_plain")
    return ph.format(f"lead_in.{m.lead_in.value}")


def _clause_paras(m: Motion, clauses: list[str], ctx: RenderContext) -> list[Element]:
    style = _CLAUSE_STYLES.get(m.clause_style, Style.CLAUSE_NUMBER)
    out: list[Element] = []
    for i, text in enumerate(clauses):
        para = ctx.para(style, marked_runs(text), m)
        para.restart = i == 0 and style is not Style.DECISION
        out.append(para)
    return out


def movers(m: Motion, ctx: RenderContext) -> tuple[str, str]:
    """The mover's and seconder's names as the minutes give them: a member, an
    office-holder typed in ("the Mayor"), the Chair, or none ("moved and seconded")."""
    if m.moving is Moving.UNNAMED:
        return "", ""
    mover = ctx.mover_name(m.mover_id) if m.mover_id else clean(m.mover_text)
    if m.moving is Moving.CHAIR:
        title = clean(ctx.body.settings.chair_title) or ctx.phrases.format("name.chair_default")
        mover = the_title(title, ctx.phrases)
    seconder = ctx.mover_name(m.seconder_id) if m.seconder_id else clean(m.seconder_text)
    return mover, seconder


def _opening_key(m: Motion, mover: str, seconder: str, carried: bool) -> str | None:
    suffix = "and" if carried else "that"
    formal = "formal_" if m.moving is Moving.FORMAL else ""
    if m.derived_from_id:
        return f"motion.as_amended_{suffix}"
    if m.moving is Moving.UNNAMED:
        return f"motion.unnamed_{suffix}"
    if mover and seconder:
        return f"motion.{formal}moved_seconded_{suffix}"
    if mover:
        return f"motion.{formal}moved_{suffix}"
    if seconder:
        return f"motion.{formal}seconded_{suffix}"
    if formal:
        return f"motion.formal_{suffix}"
    return None if carried else "motion.anonymous_that"


def _later_amendments(m: Motion, ctx: RenderContext) -> list[Motion]:
    """Amendments to ``m`` written after it in the same item, in order."""
    if ctx.item is None or m.motion_kind is MotionKind.AMENDMENT:
        return []
    blocks = ctx.item.blocks
    ids = [b.id for b in blocks]
    if m.id not in ids:
        return []
    after = blocks[ids.index(m.id) + 1 :]
    return [
        b
        for b in after
        if isinstance(b, Motion) and b.motion_kind is MotionKind.AMENDMENT and b.amends_id == m.id
    ]


def _superseded(m: Motion, amendments: list[Motion], ctx: RenderContext) -> bool:
    """A carried amendment produced the substantive motion that is voted on instead."""
    if ctx.item is None:
        return False
    ids = {a.id for a in amendments}
    return any(isinstance(b, Motion) and b.derived_from_id in ids for b in ctx.item.blocks)


# a lead-in opening with one of these goes on from the sentence before it ("… and
# RESOLVED that", "… and it was resolved"); any other has a subject of its own ("The
# Board RESOLVED that") or is a label ("DECISION:")
_CONTINUING = frozenset(
    {"resolved", "it", "agreed", "decided", "noted", "received", "recommended", "that", "be"}
)


def own_subject(lead: str, ctx: RenderContext) -> bool:
    """The lead-in stands on its own ("The Board RESOLVED that", "Governors AGREED
    that", "The Committee resolved:", "DECISION:"), rather than being the decision word
    that goes on from "It was moved by …, seconded by … and"."""
    words = clean(lead).split(maxsplit=1)
    first = words[0].strip(":–-,").casefold() if words else ""
    continuing = _CONTINUING | {k.strip().casefold() for k in lead_in_keywords(ctx.phrases)}
    return bool(first) and first not in continuing


def opening_for(key: str, lead: str, ctx: RenderContext, **fields: str) -> str:
    """The words before a decision from an "…_and" phrase ("It was moved by X, seconded
    by Y and"), or, before a lead-in with a subject of its own, the same as a sentence of
    its own from the "…_stop" phrase ("It was moved by X and seconded by Y.")."""
    ph = ctx.phrases
    text = clean(ph.format(key, **fields))
    stop = key.removesuffix("_and") + "_stop"
    hangs = bool(text) and text[-1] not in ".:;!?"
    if hangs and key.endswith("_and") and stop in ph and own_subject(lead, ctx):
        text = clean(ph.format(stop, **fields))
    return cap(text)


def decision_elements(m: Motion, ctx: RenderContext, opening: str) -> list[Element]:
    """The decision of a carried motion: opening, lead-in keyword, clauses, vote."""
    lead = lead_in_text(m, ctx)
    text, clauses = motion_statement(m, ctx, lead)
    out: list[Element] = []
    if opening:
        out.append(ctx.para(Style.MOTION, opening, m))
    if not text and not clauses:
        lead = without_that(lead, colon=False)
    elif quoted_that(text or clauses[0]):
        lead = without_that(lead)
    before, keyword, after = split_keyword(lead, lead_in_keywords(ctx.phrases))
    runs = [Run(before)] if before else []
    if keyword:
        runs.append(Run(keyword, CharStyle.KEYWORD))
    rest = after + (" " + text if text else "")
    if rest:
        runs.extend(marked_runs(rest))
    out.append(ctx.para(Style.DECISION, runs, m))
    out.extend(_clause_paras(m, clauses, ctx))
    out.extend(vote_elements(m, ctx))
    return out


def render_motion(m: Motion, ctx: RenderContext) -> list[Element]:
    mover, seconder = movers(m, ctx)
    amended = bool(_later_amendments(m, ctx))
    later = _voted_later(m, ctx)  # only its moving here: the vote is printed where taken
    carried = m.decided and not amended and not later
    key = _opening_key(m, mover, seconder, carried)
    lead = lead_in_text(m, ctx)
    opening = opening_for(key, lead, ctx, mover=mover, seconder=seconder) if key else ""
    opening = _under_rule(m, ctx, opening)
    out: list[Element] = []
    if carried:
        out.extend(decision_elements(m, ctx, opening))
    else:
        text, clauses = motion_statement(m, ctx, opening)
        out.append(ctx.para(Style.MOTION, marked_runs(_joined(opening, text, clauses)), m))
        out.extend(_clause_paras(m, clauses, ctx))
        if not amended and not later:  # an amended motion's vote follows its amendments
            out.extend(vote_elements(m, ctx))
    label = ctx.label_for(m)
    if label and isinstance(out[0], Para):
        out[0].label = label
    return out


def after_last_amendment(a: Motion, ctx: RenderContext) -> list[Element]:
    """After the last amendment to a motion, the vote on the motion itself, unless an
    amendment was carried and became the substantive motion."""
    if ctx.item is None or not a.amends_id:
        return []
    target = next((b for b in ctx.item.blocks if b.id == a.amends_id), None)
    if not isinstance(target, Motion) or _voted_later(target, ctx):
        return []
    amendments = _later_amendments(target, ctx)
    if not amendments or amendments[-1].id != a.id or _superseded(target, amendments, ctx):
        return []
    if target.decided:
        opening = opening_for("motion.put_and", lead_in_text(target, ctx), ctx)
        return decision_elements(target, ctx, opening)
    return vote_elements(target, ctx)


def render_amendment(m: Motion, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    mover, seconder = movers(m, ctx)
    if m.moving is Moving.UNNAMED:
        key = "amendment.unnamed"
    elif m.moving is Moving.FORMAL and not mover:
        key = "amendment.formal"
    elif mover and seconder:
        key = "amendment.moved_seconded"
    elif mover:
        key = "amendment.moved"
    elif seconder:
        key = "amendment.seconded"
    else:
        key = "amendment.anonymous"
    opening = _under_rule(m, ctx, cap(ph.format(key, mover=mover, seconder=seconder)))
    text, clauses = motion_statement(m, ctx, opening)
    out: list[Element] = [
        ctx.para(Style.MOTION, marked_runs(_joined(opening, text, clauses)), m, ctx.label_for(m))
    ]
    out.extend(_clause_paras(m, clauses, ctx))
    if not _voted_later(m, ctx):  # else the vote block prints both votes where taken
        out.extend(vote_elements(m, ctx))
        out.extend(after_last_amendment(m, ctx))
    return out
