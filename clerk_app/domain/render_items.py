"""An item in full: its heading, purpose and report line, the sentences it writes itself
(apologies received, the nil return, the exclusion resolution, the next meeting), then
its blocks, in the layout the body's style chooses.
"""

from __future__ import annotations

from clerk_app.domain import layouts
from clerk_app.domain.document import CharStyle, Element, Run, Style
from clerk_app.domain.model import (
    Body,
    Declaration,
    Item,
    ItemKind,
    ItemStatus,
    Meeting,
    Motion,
    Paragraph,
    Points,
)
from clerk_app.domain.render import RenderContext, clean, joined, lead_in_keywords, split_keyword
from clerk_app.domain.render_attendance import apology_names, substitute_lines
from clerk_app.domain.render_blocks import render_block
from clerk_app.domain.render_closing import next_meeting_text, next_meeting_under_item
from clerk_app.domain.render_declarations import nil_return_key
from clerk_app.domain.render_exempt import exclusion_wording
from clerk_app.domain.style import ApologiesPlace, Layout


def _auto_texts(ctx: RenderContext) -> list[tuple[Style, str]]:
    """Paragraphs an item writes itself: apologies and substitutes for an empty
    apologies item, the nil return for declarations, the exclusion resolution."""
    item = ctx.item
    if item is None:
        return []
    ph = ctx.phrases
    out: list[tuple[Style, str]] = []
    if item.kind is ItemKind.APOLOGIES and not _apologies_typed(item):
        names = apology_names(ctx)
        if names and ctx.body.settings.style.apologies_place is ApologiesPlace.ATTENDANCE:
            pass  # printed in the attendance alone
        elif names:
            out.append((Style.BODY, ph.format("apologies.received", names=joined(names, ph))))
        else:
            out.append((Style.BODY, ph.format("apologies.none")))
        out.extend((Style.BODY, line) for line in substitute_lines(ctx))
    elif item.kind is ItemKind.DECLARATIONS and not any(
        isinstance(b, Declaration | Paragraph | Points) for b in item.blocks
    ):
        # the clerk's own words (a typed nil return, a paragraph) are never doubled
        out.append((Style.BODY, ph.format(nil_return_key(ctx, item))))
    elif next_meeting_under_item(item, ctx):
        out.append((Style.BODY, next_meeting_text(ctx)))
    # a sentence the clerk has also typed word for word is written once, as typed
    typed = {_same(b.text) for b in item.blocks if isinstance(b, Paragraph)}
    return [(style, text) for style, text in out if _same(text) not in typed]


def _same(text: str) -> str:
    return " ".join(text.split()).rstrip(".").casefold()


def auto_wording(meeting: Meeting, body: Body, item: Item) -> list[str]:
    """The sentences ``item`` writes itself in the minutes (the apologies received, a
    nil return, the next meeting's date), for the window to show before the clerk has
    minuted anything under it."""

    ctx = RenderContext.for_item(meeting, body, item)
    return [text for _style, text in _auto_texts(ctx) if text]


def _apologies_typed(item: Item) -> bool:
    """The clerk has written the apologies in their own words (a paragraph or points
    that speak of apologies): the item does not write its sentence as well. Any other
    block (a motion to accept them, an arrival) leaves the sentence in place."""
    for b in item.blocks:
        texts = [b.text] if isinstance(b, Paragraph) else []
        if isinstance(b, Points):
            texts = [b.intro, *b.points]
        if any("apolog" in t.casefold() for t in texts):
            return True
    return False


def auto_paragraph_count(ctx: RenderContext) -> int:
    """How many numbered paragraphs the item writes before its blocks."""
    return len(_auto_texts(ctx))


def item_heading(item: Item, ctx: RenderContext) -> list[Element]:
    out: list[Element] = []
    label = clean(item.minute_number) or clean(item.number)
    out.append(ctx.para(Style.ITEM_HEADING, title_runs(clean(item.title), ctx), label=label))
    return out


def title_runs(title: str, ctx: RenderContext) -> list[Run]:
    """An item's title in capitals where the style says so; else in the case typed, with
    the capitals a house style's heading style may set turned off on the run."""
    if ctx.body.settings.style.item_titles_upper:
        return [Run(title.upper())]
    return [Run(title, caps=False)]


def status_note(item: Item, ctx: RenderContext) -> list[Element]:
    if item.status is ItemStatus.DEFERRED and item.blocks:
        return []  # debated, then deferred: the deferral follows the debate
    if item.status is ItemStatus.DEFERRED:
        return [ctx.para(Style.NOTE, ctx.phrases.format("item.deferred"))]
    if item.status is ItemStatus.WITHDRAWN:
        return [ctx.para(Style.NOTE, ctx.phrases.format("item.withdrawn"))]
    return []


def deferred_after(item: Item, ctx: RenderContext) -> list[Element]:
    """The deferral of an item that was debated first, after what was said."""
    if item.status is ItemStatus.DEFERRED and item.blocks:
        return [ctx.para(Style.NOTE, ctx.phrases.format("item.deferred_after"))]
    return []


def _section_runs(title: str, ctx: RenderContext) -> list[Run]:
    """A section heading typed in the agenda: as typed, the heading style's capitals
    kept only where the style writes item titles in capitals."""
    return [Run(title, caps=None if ctx.body.settings.style.item_titles_upper else False)]


def render_item(item: Item, ctx: RenderContext) -> list[Element]:
    """An item in full: heading, purpose, report line, status, its own text, blocks."""
    ph = ctx.phrases
    ctx.item, ctx.sub_paragraph, ctx.auto_numbered = item, 0, None
    if item.kind is ItemKind.SECTION_HEADING:
        title = clean(item.title)
        heading = [ctx.para(Style.SECTION_HEADING, _section_runs(title, ctx))] if title else []
        return heading + [el for block in item.blocks for el in render_block(block, ctx)]
    out = item_heading(item, ctx)
    purpose = clean(item.purpose)
    if purpose:
        out.append(ctx.para(Style.PURPOSE, purpose))
    author, ref = clean(item.report_author), clean(item.report_ref)
    if author or ref:
        key = (
            "item.report_by_ref"
            if author and ref
            else "item.report_by"
            if author
            else "item.report_ref"
        )
        out.append(ctx.para(Style.PURPOSE, ph.format(key, author=author, ref=ref)))
    out.extend(status_note(item, ctx))
    autos = _auto_texts(ctx)
    ctx.auto_numbered = len(autos)
    for style, text in autos:
        label = ctx.next_auto_label()
        out.append(ctx.para(Style.NUMBERED_BODY if label else style, text, label=label))
    if item.kind is ItemKind.EXCLUSION and not any(isinstance(b, Motion) for b in item.blocks):
        lead = clean(ctx.body.settings.lead_in) or "RESOLVED"
        before, keyword, after = split_keyword(lead, lead_in_keywords(ctx.phrases))
        runs = [Run(before)] if before else []
        runs += [Run(keyword, CharStyle.KEYWORD), Run(after + " " + exclusion_wording(ctx))]
        out.append(ctx.para(Style.DECISION, runs))
    for block in item.blocks:
        if isinstance(block, Motion):
            out.extend(layouts.resolution_label(block, ctx))
        out.extend(render_block(block, ctx))
    return out + deferred_after(item, ctx)


def laid_out_item(item: Item, ctx: RenderContext) -> list[Element]:
    """An item in the layout the body's style chooses (narrative, log or action minutes)."""
    layout = ctx.body.settings.style.layout
    if layout is Layout.STANDARD or item.kind is ItemKind.SECTION_HEADING:
        return render_item(item, ctx)
    ctx.item, ctx.sub_paragraph, ctx.auto_numbered = item, 0, None
    heading = item_heading(item, ctx) + status_note(item, ctx)
    heading += [ctx.para(style, text) for style, text in _auto_texts(ctx)]
    if layout is Layout.RESOLUTION_LOG:
        return layouts.log_item(item, ctx, heading) + deferred_after(item, ctx)
    return layouts.action_item(item, ctx, heading) + deferred_after(item, ctx)
