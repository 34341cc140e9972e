"""Interim notes: what a meeting decided, published before its minutes.

Where the law asks a council to publish notes of a meeting within days (attendance,
declarations of interest, decisions and how the votes went) ahead of the full minutes,
the INTERIM version gives, after the attendance:

- for each Part 1 item, its heading, the declarations made under it (or the nil
  return), the arrivals and departures, every motion and amendment put (who moved and
  seconded it, its words, the result and any recorded vote) and decided planning
  applications; no narrative;
- for each Part 2 item, only what the public minutes give of it
  (:func:`~clerk_app.domain.render_public.public_item`), so no exempt text is read.

An item with none of these is left out.
"""

from __future__ import annotations

from clerk_app.domain.document import Element, Para, Style
from clerk_app.domain.model import AttendanceChange, Declaration, Item, ItemKind, Motion
from clerk_app.domain.render import RenderContext
from clerk_app.domain.render_items import render_item
from clerk_app.domain.render_public import decided_application, public_item

_HEADING_STYLES = frozenset({Style.ITEM_HEADING, Style.PURPOSE, Style.NOTE})


def interim_item(item: Item, ctx: RenderContext) -> list[Element]:
    """An item as the interim notes give it ([] when it has nothing they record)."""
    if item.kind is ItemKind.SECTION_HEADING:
        return []
    if item.exempt:
        return public_item(item, ctx)
    blocks = {b.id: b for b in item.blocks}
    heading: list[Element] = []
    kept: list[Element] = []
    for el in render_item(item, ctx):
        block = blocks.get(el.block_id or "")
        if block is None:
            if isinstance(el, Para) and el.style in _HEADING_STYLES and not kept:
                heading.append(el)
            elif item.kind is ItemKind.DECLARATIONS or (
                isinstance(el, Para) and el.style is Style.DECISION
            ):
                kept.append(el)  # the nil return, an exclusion resolution
        elif isinstance(block, Motion | Declaration | AttendanceChange) or (
            isinstance(el, Para) and decided_application(block, el)
        ):
            kept.append(el)
    if not kept:
        return []
    # the heading and any deferral note; not the purpose line
    return [el for el in heading if not (isinstance(el, Para) and el.style is Style.PURPOSE)] + kept
