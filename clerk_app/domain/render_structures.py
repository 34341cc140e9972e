"""The words (and tables) of the structured blocks: a table such as a schedule of
payments, public participation, and a planning application with its decision.

Called by :func:`~clerk_app.domain.render_blocks.render_block`; every phrase comes from
the body's :class:`~clerk_app.domain.phrases.Phrases`, so a parish council responding
as consultee and a planning committee deciding each get their own wording.
"""

from __future__ import annotations

from clerk_app.domain.document import CharStyle, Element, Run, Style, Table, TableStyle
from clerk_app.domain.model import (
    Block,
    DataTable,
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Speaker,
    SpeakerCapacity,
)
from clerk_app.domain.money import currency_symbol, format_amount, total_of
from clerk_app.domain.render import RenderContext, cap, clean, end_stop
from clerk_app.lazyre import compiled

_KEYWORD = compiled(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,})*\b")

# --------------------------------------------------------------------------- tables


def table_width(b: DataTable) -> int:
    """How many columns the table has: its headings, or its longest row."""
    return max([len(b.columns), *(len(r) for r in b.rows)], default=0)


def _padded(cells: list[str], width: int) -> list[str]:
    out = [clean(c) for c in cells[:width]]
    return out + [""] * (width - len(out))


def total_row(b: DataTable, rows: list[list[str]], width: int, word: str) -> list[str] | None:
    """The total row of the chosen money column (None when there is none): the word
    "Total" in the column before it (or after it when it is the first), the sum below."""
    col = b.total_column
    if col is None or not 0 <= col < width:
        return None
    cells = [row[col] for row in rows]
    value, _bad = total_of(cells)
    out = [""] * width
    out[col] = format_amount(value, currency_symbol(cells))
    label = col - 1 if col > 0 else (1 if width > 1 else None)
    if label is None:
        out[col] = f"{word} {out[col]}"
    else:
        out[label] = word
    return out


def render_table(b: DataTable, ctx: RenderContext) -> list[Element]:
    width = table_width(b)
    caption = clean(b.caption)
    if width == 0:
        return [ctx.para(Style.BODY, [Run(caption, bold=True)], b)] if caption else []
    header = _padded(b.columns, width) if any(clean(c) for c in b.columns) else []
    rows = [_padded(r, width) for r in b.rows if any(clean(c) for c in r)]
    total = total_row(b, rows, width, ctx.phrases.format("table.total"))
    right = sorted({c for c in b.money_columns if 0 <= c < width})
    return [
        Table(
            header,
            rows + ([total] if total else []),
            caption,
            ctx.item.id if ctx.item else None,
            b.id,
            right=right,
            total=total is not None,
            style=TableStyle.SCHEDULE,
        )
    ]


# --------------------------------------------------------------------------- speakers


def speaker_sentence(s: Speaker, subject: str, ctx: RenderContext) -> str:
    """ "Mrs Hale, a local resident, spoke against the application, …" ("" for a speaker
    with nothing typed)."""
    ph = ctx.phrases
    name, summary, own = clean(s.name), clean(s.summary), clean(s.capacity_text)
    if not (name or summary or own):
        return ""
    capacity = own
    if not capacity and s.capacity is not SpeakerCapacity.OTHER:
        capacity = ph.format(f"speaker.capacity.{s.capacity.value}")
    subject = clean(subject)
    spoke_key = f"speaker.stance.{s.stance.value}" + ("" if subject else "_plain")
    spoke = ph.format(spoke_key, subject=subject)
    who = name or ph.format("speaker.unnamed")
    if capacity:
        text = ph.format("speaker.line", name=who, capacity=capacity, spoke=spoke)
    else:
        text = ph.format("speaker.line_plain", name=who, spoke=spoke)
    text = cap(clean(text))
    if summary:
        if summary[0].islower():
            text = f"{text.rstrip('.')}, {summary}"
        else:
            text = f"{end_stop(text)} {summary}"
    return end_stop(text)


def _speakers(
    speakers: list[Speaker], subject: str, ctx: RenderContext, block: PublicParticipation
) -> list[Element]:
    out: list[Element] = []
    for s in speakers:
        text = speaker_sentence(s, subject, ctx)
        if text:
            out.append(ctx.para(Style.BODY, text, block))
    return out


def render_participation(b: PublicParticipation, ctx: RenderContext) -> list[Element]:
    out: list[Element] = []
    intro = clean(b.intro)
    if intro:
        out.append(ctx.para(Style.BODY, end_stop(intro), b))
    if not b.speakers:
        out.append(ctx.para(Style.BODY, ctx.phrases.format("speakers.none"), b))
        return out
    return out + _speakers(b.speakers, b.subject, ctx, b)


# --------------------------------------------------------------------------- planning


def _keyword_runs(text: str) -> list[Run]:
    """Capitalised keywords (RESOLVED, GRANTED, NO OBJECTION) as keyword runs."""
    runs: list[Run] = []
    pos = 0
    for m in _KEYWORD.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        runs.append(Run(m.group(0), CharStyle.KEYWORD))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def reason_lines(b: PlanningApplication) -> list[str]:
    return [clean(line) for line in b.reasons.splitlines() if clean(line)]


def planning_decision(b: PlanningApplication, ctx: RenderContext) -> list[Element]:
    """ "RESOLVED: that planning permission be GRANTED subject to the following
    conditions:" and the numbered conditions; reasons after the decision they explain."""
    if b.decision is PlanningDecision.PENDING:
        return []
    ph = ctx.phrases
    lead = clean(ctx.body.settings.lead_in) or "RESOLVED"
    key = b.decision.value
    opening = ph.format(f"planning.decision.{key}", lead_in=lead, body_word=ctx.body_word())
    runs = _keyword_runs(clean(opening))
    reasons = reason_lines(b)
    conditions = [clean(c) for c in b.conditions if clean(c)]
    listed: list[str] = []
    if len(reasons) == 1:
        runs.append(Run(_joined(ph.format(f"planning.reasons.{key}", reasons=reasons[0]))))
    elif reasons:
        runs.append(Run(_joined(ph.format(f"planning.reasons_list.{key}"))))
        listed = reasons
    if conditions and not listed:
        runs.append(Run(_joined(ph.format("planning.conditions"))))
    text = "".join(r.text for r in runs)
    if not listed and not conditions:
        runs.append(Run(end_stop(text)[len(text) :]))
    out: list[Element] = [ctx.para(Style.DECISION, runs, b)]
    out += _numbered(listed, ctx, b)
    if conditions and listed:
        out.append(ctx.para(Style.DECISION, cap(clean(ph.format("planning.conditions"))), b))
    out += _numbered(conditions, ctx, b)
    return out


def _joined(text: str) -> str:
    """A phrase added to the sentence: after a space, or straight on after , : ;"""
    text = text.rstrip() if text.strip() else ""
    if not text:
        return ""
    return text if text[0] in ",:;" else " " + text.lstrip()


def _numbered(lines: list[str], ctx: RenderContext, b: PlanningApplication) -> list[Element]:
    out: list[Element] = []
    for i, line in enumerate(lines):
        para = ctx.para(Style.CLAUSE_NUMBER, end_stop(line), b)
        para.restart = i == 0
        out.append(para)
    return out


def render_planning(b: PlanningApplication, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    out: list[Element] = []
    ref, site = clean(b.reference), clean(b.site)
    if ref or site:
        key = "planning.heading" if ref and site else "planning.heading_one"
        out.append(ctx.para(Style.SUB_HEADING, ph.format(key, reference=ref, site=site or ""), b))
    for field, key in (("proposal", "planning.proposal"), ("applicant", "planning.applicant")):
        value = clean(getattr(b, field))
        if value:
            out.append(ctx.para(Style.BODY, end_stop(ph.format(key, **{field: value})), b))
    agent = clean(b.agent)
    if agent:
        out.append(ctx.para(Style.BODY, end_stop(ph.format("planning.agent", agent=agent)), b))
    recommendation = clean(b.recommendation)
    if recommendation:
        text = ph.format("planning.recommendation", recommendation=recommendation)
        out.append(ctx.para(Style.BODY, end_stop(text), b))
    subject = ph.format("planning.subject")
    for s in b.speakers:
        text = speaker_sentence(s, subject, ctx)
        if text:
            out.append(ctx.para(Style.BODY, text, b))
    return out + planning_decision(b, ctx)


def render_structure(block: Block, ctx: RenderContext) -> list[Element]:
    """A table, public participation or a planning application ([] for other blocks)."""
    if isinstance(block, DataTable):
        return render_table(block, ctx)
    if isinstance(block, PublicParticipation):
        return render_participation(block, ctx)
    if isinstance(block, PlanningApplication):
        return render_planning(block, ctx)
    return []
