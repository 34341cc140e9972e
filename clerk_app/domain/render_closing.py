"""The lines around the items: the chair's opening and closing lines, the next meeting,
the signature block and the initials footer.
"""

from __future__ import annotations

import re

from clerk_app.domain.document import Element, Style
from clerk_app.domain.model import PRESENT_STATUSES, Item, ItemKind, PersonKind, Role
from clerk_app.domain.phrases import fields_of
from clerk_app.domain.render import RenderContext, cap, clean, the_title
from clerk_app.domain.render_attendance import presiding
from clerk_app.domain.style import Layout


def opening_line(ctx: RenderContext, key: str) -> list[Element]:
    """A line the style writes at the opening or close of the meeting ("Mayor Okoro
    called the meeting to order at 7:00 p.m."); none where its phrase is empty."""
    chair = presiding(ctx) or next(
        (
            p
            for a in ctx.meeting.attendance
            if a.status in PRESENT_STATUSES
            and (p := ctx.body.person(a.person_id)) is not None
            and p.kind is PersonKind.MEMBER
            and p.role is Role.CHAIR
        ),
        None,
    )
    title = clean(ctx.body.settings.chair_title) or ctx.phrases.format("name.chair_default")
    name = ctx.mover_name(chair.id) if chair is not None else the_title(title, ctx.phrases)
    start = ctx.time(ctx.meeting.start_time)
    if not start and "time" in fields_of(ctx.phrases.template(key)):
        # no start time: the style's wording without one ("… called the meeting to
        # order."), or no line at all where the style has none
        key += "_untimed"
    text = clean(ctx.phrases.format(key, chair=name, time=start, title=title))
    # before the first item and after the last: flush with the headings, not indented as
    # an item's paragraphs are
    return [ctx.para(Style.CLOSING, cap(single_stop(text)))] if text else []


def single_stop(text: str) -> str:
    """One full stop after a time ending in one ("at 9:36 p.m.." -> "at 9:36 p.m.")."""
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text


def next_meeting_text(ctx: RenderContext) -> str:
    """ "The next meeting will be held on … at … at …", or "" with no date."""
    meeting, ph = ctx.meeting, ctx.phrases
    if meeting.next_date is None:
        return ""
    when = ph.format("closing.next_time", time=ctx.time(meeting.next_time))
    where = ph.format("closing.next_venue", venue=clean(meeting.next_venue))
    text = ph.format(
        "closing.next_meeting",
        date=ctx.date(meeting.next_date, ctx.body.settings.style.header_weekday),
        time_part=when if meeting.next_time else "",
        venue_part=where if clean(meeting.next_venue) else "",
    )
    return single_stop(text) if clean(text) else ""


def next_meeting_under_item(item: Item, ctx: RenderContext) -> bool:
    """The next meeting's date is written under an empty "Date of next meeting" item
    (as real minutes do) rather than after the last item, in the numbered-paragraph
    layout (the compact layouts leave out items with nothing decided)."""
    return (
        item.kind is ItemKind.NEXT_MEETING
        and not item.blocks
        and ctx.meeting.next_date is not None
        and ctx.body.settings.style.layout is Layout.STANDARD
    )


def next_meeting_lines(ctx: RenderContext, items: list[Item]) -> list[Element]:
    if any(next_meeting_under_item(it, ctx) for it in items):
        return []
    text = next_meeting_text(ctx)
    return [ctx.para(Style.CLOSING, text)] if text else []


def signature_lines(ctx: RenderContext, chair_title: str) -> list[Element]:
    """The signature block: who signed approved minutes and when, or a line to sign and
    date for each signatory; then the lines the clerk keeps after it."""
    ph, meeting = ctx.phrases, ctx.meeting
    out: list[Element] = []
    if meeting.approval is not None:
        # approved minutes: the block records who signed them and when
        out.append(
            ctx.para(
                Style.SIGNATURE,
                ph.format(
                    "signature.signed_by",
                    name=clean(meeting.approval.signed_by),
                    chair_title=chair_title,
                ),
            )
        )
        out.append(
            ctx.para(
                Style.SIGNATURE,
                ph.format("signature.dated", date=ctx.date(meeting.approval.approved_on)),
            )
        )
    else:
        signers = [clean(t) for t in ctx.body.settings.style.signatories if clean(t)]
        for title in signers or [chair_title]:
            out.append(ctx.para(Style.SIGNATURE, ph.format("signature.signed", chair_title=title)))
            dated = ph.format("signature.date")
            if dated.strip():  # a style that signs without a date prints no empty line
                out.append(ctx.para(Style.SIGNATURE, dated))
    for line in meeting.after_signature.splitlines():
        if clean(line):
            out.append(ctx.para(Style.BODY, clean(line)))
    return out


_CHAIR_OF = re.compile(r"^(Chair(?:man|person|woman)?)\s+of\s+\S", re.IGNORECASE)


def initials_footer(template: str, chair_title: str) -> str:
    """The initials strip with the presiding title as a possessive: "Chair of Governors"
    is initialled "Chair’s initials" (as schools print it), and a title ending in "s"
    takes the apostrophe alone ("Governors’ initials"). ``template`` is the phrase with
    NUL where the title goes."""
    title = clean(chair_title)
    m = _CHAIR_OF.match(title)
    if m:
        title = m.group(1)
    if title.casefold().endswith("s"):
        template = re.sub("\x00([’'])s\\b", "\x00\\1", template)
    return template.replace("\x00", title)
