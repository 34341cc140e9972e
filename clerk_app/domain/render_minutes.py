"""A whole meeting turned into a rendered :class:`Document`, in each published version.

FULL and REVIEW give everything. PUBLIC gives each Part 2 item only from what the public
may read about it (:func:`public_item`: its public heading, the exemption notice, its
public summary, who moved and seconded, the outcome), whatever the item's kind, so no
exempt text reaches it. CONFIDENTIAL gives only the Part 2 items. DECISIONS gives each
item's decisions and actions (a Part 2 item's public parts only). ITEM gives one item's
draft minute for checking.
"""

from __future__ import annotations

from clerk_app.domain import layouts
from clerk_app.domain.document import Document, Para, Style, Version
from clerk_app.domain.model import Body, Meeting
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.render import RenderContext, clean
from clerk_app.domain.render_attendance import meeting_state_lines, render_attendance
from clerk_app.domain.render_closing import (
    initials_footer,
    next_meeting_lines,
    opening_line,
    signature_lines,
    single_stop,
)
from clerk_app.domain.render_front import body_name, front_matter, is_approved
from clerk_app.domain.render_items import laid_out_item, render_item
from clerk_app.domain.render_public import decision_item, public_item
from clerk_app.domain.style import Layout

__all__ = ["render_minutes"]


def render_minutes(
    meeting: Meeting,
    body: Body,
    version: Version = Version.FULL,
    item_id: str | None = None,
    phrases: Phrases | None = None,
) -> Document:
    """The meeting's minutes in the given version, ready for the preview or the export."""
    ctx = RenderContext.create(body, meeting, phrases=phrases)
    ph = ctx.phrases
    version = Version(version)
    if version is Version.ITEM:
        items = [it for it in meeting.items if it.id == item_id]
    elif version is Version.CONFIDENTIAL:
        items = [it for it in meeting.items if it.exempt]
    else:
        items = list(meeting.items)
    date_text = ctx.date(meeting.date, body.settings.style.header_weekday)
    name = body_name(body)
    elements = front_matter(ctx, version, items)
    with_attendance = version in (
        Version.FULL,
        Version.PUBLIC,
        Version.REVIEW,
        Version.CONFIDENTIAL,
    )
    if with_attendance or version is Version.INTERIM:
        elements.extend(opening_line(ctx, "opening.called_to_order"))
        elements.extend(opening_line(ctx, "opening.roll_called"))
        elements.extend(render_attendance(ctx, items))
        elements.extend(meeting_state_lines(ctx))
        elements.extend(opening_line(ctx, "opening.in_chair"))
    # the heading over the business open to the public, where the body's minutes name
    # their parts ("PART A MINUTES" in a school's, before the Part B confidential items)
    open_heading = ""
    if version in (Version.FULL, Version.REVIEW, Version.PUBLIC):
        open_heading = clean(ph.format("part.heading.open"))
    part1_started = part2_started = False
    for item in items:
        if version is Version.DECISIONS:
            rendered = decision_item(item, ctx)
        elif version is Version.INTERIM:
            from clerk_app.domain.interim import interim_item

            rendered = interim_item(item, ctx)
        elif item.exempt and version is Version.PUBLIC:
            rendered = public_item(item, ctx)
        elif version in (Version.FULL, Version.REVIEW):
            rendered = laid_out_item(item, ctx)
        else:
            rendered = render_item(item, ctx)
        if not rendered:
            continue
        if open_heading and not item.exempt and not part1_started:
            part1_started = True
            ctx.item = None
            elements.append(ctx.para(Style.PART_HEADING, open_heading))
        if item.exempt and not part2_started and version is not Version.ITEM:
            part2_started = True
            ctx.item = None
            key = f"part.heading.{body.settings.exclusion.value}"
            elements.append(ctx.para(Style.PART_HEADING, ph.format(key)))
        elements.extend(rendered)
    ctx.item = None
    if body.settings.style.layout is Layout.ACTION_MINUTES and version in (
        Version.FULL,
        Version.REVIEW,
    ):
        elements.extend(layouts.action_table([it for it in items if not it.exempt], ctx))
    if version is Version.DECISIONS and not any(
        isinstance(e, Para) and e.style is Style.ITEM_HEADING for e in elements
    ):
        elements.append(ctx.para(Style.NOTE, ph.format("decisions.none")))
    if with_attendance and meeting.end_time is not None:
        elements.append(
            ctx.para(
                Style.CLOSING,
                single_stop(ph.format("closing.ended", time=ctx.time(meeting.end_time))),
            )
        )
    if with_attendance:
        elements.extend(next_meeting_lines(ctx, items))
    chair_title = clean(body.settings.chair_title) or ph.format("name.chair_default")
    if with_attendance:
        elements.extend(opening_line(ctx, "closing.attest"))
    if with_attendance:
        # the closing lines ("the meeting closed at …", "Respectfully submitted,") and the
        # signature block share a page: a page of signatures alone is never printed
        for element in reversed(elements):
            if not (isinstance(element, Para) and element.style is Style.CLOSING):
                break
            element.keep_next = True
    if with_attendance:
        elements.extend(signature_lines(ctx, chair_title))
    header_key = (
        "running.header_confidential" if version is Version.CONFIDENTIAL else "running.header"
    )
    item_title = clean(items[0].title) if items and version is Version.ITEM else ""
    style = body.settings.style
    footer = ""
    if with_attendance and style.initials_footer:
        footer = initials_footer(ph.format("running.footer", chair_title="\x00"), chair_title)
    return Document(
        elements=elements,
        header_text=clean(ph.format(header_key, body=name, date=date_text)),
        footer_text=clean(footer),
        watermark=""
        if is_approved(meeting) or not style.watermark or version is Version.INTERIM
        else clean(ph.format("watermark.draft")),
        version=version,
        title=clean(
            ph.format(f"title.{version.value}", body=name, date=date_text, item=item_title)
        ),
        signature=with_attendance,
    )
