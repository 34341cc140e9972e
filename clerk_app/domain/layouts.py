"""The compact layouts a style may choose instead of narrative minutes.

- The resolution log (``Layout.RESOLUTION_LOG``): each motion in one paragraph, its
  resolution number in bold first, then the mover and seconder, the motion's words, the
  result and any recorded vote inline ("R2026-014  J. Okoro, M. Lind: That … Carried.
  Recorded vote: FOR …; AGAINST …").
- Action minutes (``Layout.ACTION_MINUTES``): each item's decisions without the
  discussion, and every action of the meeting gathered in one table at the end.
- The sederunt (``AttendanceLayout.SEDERUNT``): the attendance under its own heading,
  one name a line under each group.

Which one a body gets is its style's choice; nothing here asks where the body sits.
"""

from __future__ import annotations

import dataclasses

from clerk_app.domain.bilingual import cell_label
from clerk_app.domain.document import Element, Para, Run, Style, Table
from clerk_app.domain.model import Action, Block, Item, Motion, Points, VoteChoice, VoteKind
from clerk_app.domain.naming import display_name
from clerk_app.domain.render import RenderContext, cap, clean, end_stop, strip_invalid
from clerk_app.domain.render_blocks import render_block
from clerk_app.domain.render_motions import motion_statement

__all__ = ["action_item", "action_table", "log_item", "resolution_label", "sederunt"]

_CHOICES = (
    (VoteChoice.FOR, "for"),
    (VoteChoice.AGAINST, "against"),
    (VoteChoice.ABSTAIN, "abstain"),
    (VoteChoice.NOT_VOTING, "not_voting"),
)


def resolution_label(m: Motion, ctx: RenderContext) -> list[Element]:
    """The line before a numbered resolution in narrative minutes ("Resolution R2026-014")."""
    number = clean(m.resolution_number)
    if not number:
        return []
    text = ctx.phrases.format("resolution.number", number=number)
    return [ctx.para(Style.MOTION, [Run(strip_invalid(text), bold=True)], m)]


# --------------------------------------------------------------------------- the log


def _log_name(person_id: str | None, text: str, ctx: RenderContext) -> str:
    person = ctx.person(person_id)
    if person is None:
        return clean(text)
    naming = ctx.body.settings.style.log_naming
    return clean(display_name(person, ctx.body.settings, naming))


def _log_words(m: Motion, ctx: RenderContext) -> str:
    """The motion's words on one line: "That …", clauses run on as (1) … (2) …."""
    that = ctx.phrases.format("log.that")
    text, clauses = motion_statement(m, ctx, that)
    if len(clauses) > 1:
        clauses = [f"({i}) {c}" for i, c in enumerate(clauses, 1)]
    words = " ".join(t for t in (text, *clauses) if t)
    if not words:
        return ""
    if words.casefold().startswith(that.casefold() + " ") or words[:1] in "“\"'‘":
        return words
    return f"{that} {words}" if that else words


def _log_result(m: Motion, ctx: RenderContext) -> str:
    """The result line as the style writes it ("Carried."), a named vote counted."""
    vote = m.vote
    if vote.kind is VoteKind.NAMED:
        f, a, ab = vote.counts()
        vote = dataclasses.replace(
            vote, kind=VoteKind.COUNTS, named={}, for_count=f, against_count=a, abstain_count=ab
        )
    plain = dataclasses.replace(m, vote=vote)
    results = [
        el.text
        for el in render_block(plain, ctx)
        if isinstance(el, Para) and el.style is Style.VOTE
    ]
    return results[-1] if results else ""


def _log_vote(m: Motion, ctx: RenderContext) -> str:
    if not m.vote.named:
        return ""
    ph = ctx.phrases
    roll = {p.id: i for i, p in enumerate(ctx.body.people)}
    groups = []
    for choice, word in _CHOICES:
        people = sorted(
            (p for pid, c in m.vote.named.items() if c is choice and (p := ctx.person(pid))),
            key=lambda p: roll.get(p.id, len(roll)),
        )
        if people:
            names = ", ".join(ctx.voter_name(p) for p in people)
            groups.append(ph.format("log.group", choice=ph.format(f"log.{word}"), names=names))
    if not groups:
        return ""
    return end_stop(ph.format("log.recorded_vote", groups=ph.format("log.separator").join(groups)))


def log_line(m: Motion, ctx: RenderContext) -> Para:
    """One motion as a line of the resolution log."""
    ph = ctx.phrases
    mover = _log_name(m.mover_id, m.mover_text, ctx)
    seconder = _log_name(m.seconder_id, m.seconder_text, ctx)
    who = ""
    if mover and seconder:
        who = ph.format("log.movers", mover=mover, seconder=seconder)
    elif mover or seconder:
        who = ph.format("log.mover", mover=mover or seconder)
    parts = [who, _log_words(m, ctx), _log_result(m, ctx), _log_vote(m, ctx)]
    text = cap(" ".join(clean(p) for p in parts if clean(p)))
    number = clean(m.resolution_number)
    # the number in bold at the head of the line (a hanging label is too narrow for it);
    # the line ends with the vote, so it takes the vote's style, which (unlike a
    # decision's) does not keep with the next paragraph: twenty lines can break anywhere
    runs = [Run(number, bold=True), Run(" " + text)] if number else [Run(text)]
    return ctx.para(Style.VOTE, runs, m)


def log_item(item: Item, ctx: RenderContext, heading: list[Element]) -> list[Element]:
    """An item in the resolution log: its heading, each motion as one line, and its other
    blocks as in narrative minutes."""
    out = list(heading)
    for block in item.blocks:
        if isinstance(block, Motion):
            out.append(log_line(block, ctx))
        else:
            out.extend(render_block(block, ctx))
    return out


# --------------------------------------------------------------------------- action minutes


def _decision_only(block: Block, ctx: RenderContext) -> list[Element]:
    elements = render_block(block, ctx)
    if isinstance(block, Motion) and block.decided:
        # the decision alone: "IT WAS RESOLVED that …", without "It was moved by …"
        elements = [e for e in elements if not (isinstance(e, Para) and e.style is Style.MOTION)]
    return elements


def action_item(item: Item, ctx: RenderContext, heading: list[Element]) -> list[Element]:
    """An item in action minutes: heading, the clerk's short notes, the decisions; the
    discussion points are left out and the actions go to the table at the end."""
    out = list(heading)
    for block in item.blocks:
        if isinstance(block, Points | Action):
            continue
        out.extend(_decision_only(block, ctx))
    return out


def action_table(items: list[Item], ctx: RenderContext) -> list[Element]:
    """Every action of ``items`` in one table: minute, action, who, by when."""
    ph = ctx.phrases
    rows: list[list[str]] = []
    for item in items:
        number = clean(item.minute_number) or clean(item.number)
        for b in item.blocks:
            if isinstance(b, Action) and clean(b.text):
                owner = clean(b.owner) or (ctx.name(b.owner_id) if b.owner_id else "")
                due = ctx.date(b.due, weekday=False) if b.due else ""
                rows.append([number, clean(b.text), owner, due])
    if not rows:
        return []
    header = [cell_label(ph, f"actions.col.{k}") for k in ("minute", "action", "owner", "due")]
    ctx.item = None
    return [
        ctx.para(Style.SECTION_HEADING, ph.format("actions.heading")),
        Table(
            [strip_invalid(h) for h in header],
            [[strip_invalid(c) for c in row] for row in rows],
        ),
    ]


# --------------------------------------------------------------------------- sederunt


def sederunt(ctx: RenderContext, sections: list[tuple[str, list[str]]]) -> list[Element]:
    """The sederunt: its heading, then each group's heading and one name a line."""
    ph = ctx.phrases
    out: list[Element] = [ctx.para(Style.SECTION_HEADING, ph.format("attendance.sederunt"))]
    for key, names in sections:
        names = [n for n in names if n]
        if names:
            out.append(ctx.para(Style.ATTENDANCE_HEADING, ph.format(key)))
            out.extend(ctx.para(Style.ATTENDANCE, name) for name in names)
    return out
