"""The front of the minutes: the titles, the header sentence naming the body, the meeting,
where and when it was held, and the status lines (draft, approved, decisions only …).
"""

from __future__ import annotations

from clerk_app.domain.document import Element, Style, Version
from clerk_app.domain.model import (
    Body,
    BodyKind,
    Item,
    Meeting,
    MeetingMode,
    MeetingStatus,
    NameArticle,
)
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.render import RenderContext, cap, clean, the_title
from clerk_app.domain.render_exempt import regime_text

_GENERIC_NAMES = frozenset({"council", "full council", "parish council", "town council"})


def body_name(body: Body) -> str:
    return clean(body.name) or clean(body.authority)


_PLACE_WORDS = frozenset(
    {"township", "city", "borough", "town", "village", "county", "district", "municipality",
     "parish", "corporation", "council", "commonwealth", "province", "state", "royal"}
)  # fmt: skip


# a company's registered name is never "the Tarnwick Water Services Limited"
_COMPANY_FORMS = frozenset(
    {"limited", "ltd", "plc", "llp", "lp", "inc", "incorporated", "llc", "cic", "cio", "pty"}
)


def _names_a_company(name: str) -> bool:
    words = name.replace(".", " ").split()
    return bool(words) and words[-1].casefold() in _COMPANY_FORMS


def _names_a_place(name: str) -> bool:
    """ "Township of Elmridge", "Royal Borough of Kingsford": a name that reads "the …"."""
    head, of, _ = name.partition(" of ")
    return bool(of) and head.split()[-1].casefold() in _PLACE_WORDS


def body_reference(body: Body, phrases: Phrases) -> str:
    """The body as named in the header sentence: "the Planning Committee",
    "Westbury Parish Council", "the Township of Elmridge" (or as the body's setting for
    "the" says)."""
    name = body_name(body)
    if not name:
        key = f"body_word.{body.kind.value}"
        return the_title(phrases.format(key) if key in phrases else "meeting", phrases)
    article = body.settings.name_article
    if name.casefold().startswith("the ") or article is NameArticle.NEVER:
        return name
    if article is NameArticle.AUTO and _names_a_company(name):
        return name
    if article is NameArticle.ALWAYS or _names_a_place(name):
        return the_title(name, phrases)
    if name == clean(body.authority):
        return name
    own_name = body.kind in (BodyKind.PARISH, BodyKind.FULL_COUNCIL)
    if own_name and name.casefold() not in _GENERIC_NAMES:
        return name
    return the_title(name, phrases)


def is_approved(meeting: Meeting) -> bool:
    return meeting.approval is not None or meeting.status is MeetingStatus.APPROVED


def _place(ctx: RenderContext) -> str:
    """Where an online or hybrid meeting was held ("via Microsoft Teams", "at the Hall
    and via Zoom"); "" for a meeting in person, which the header names by its venue."""
    meeting, ph = ctx.meeting, ctx.phrases
    if meeting.mode is MeetingMode.IN_PERSON:
        return ""
    platform, venue = clean(meeting.platform), clean(meeting.venue)
    kind = "online" if meeting.mode is MeetingMode.ONLINE or not venue else "hybrid"
    key = f"place.{kind}" + ("" if platform else "_unnamed")
    return ph.format(key, platform=platform, venue=venue)


def _times(ctx: RenderContext, start: str) -> str:
    """The start and end times for a header that gives both ("10:15 – 12:30"); the start
    alone while the meeting has no end time."""
    end = ctx.time(ctx.meeting.end_time)
    return ctx.phrases.format("header.times", start=start, end=end) if start and end else start


def front_matter(ctx: RenderContext, version: Version, items: list[Item]) -> list[Element]:
    ph, body, meeting = ctx.phrases, ctx.body, ctx.meeting
    out: list[Element] = []
    authority, name = clean(body.authority), clean(body.name)
    for title in dict.fromkeys(t for t in (authority, name) if t):
        out.append(ctx.para(Style.TITLE, title))
    venue, start = clean(meeting.venue), ctx.time(meeting.start_time)
    key = "header." + (
        "full" if venue and start else "no_time" if venue else "no_venue" if start else "bare"
    )
    place = _place(ctx)
    if place:
        key = "header.place" if start else "header.place_no_time"
    header = ph.format(
        key,
        meeting=ph.format(f"meeting.{meeting.meeting_type.value}"),
        body=body_reference(body, ph),
        venue=venue,
        date=ctx.date(meeting.date, body.settings.style.header_weekday),
        time=start,
        place=place,
        times=_times(ctx, start),
    )
    out.append(ctx.para(Style.SUBTITLE, cap(header)))
    if version is Version.CONFIDENTIAL or (
        version is Version.ITEM and any(it.exempt for it in items)
    ):
        out.append(ctx.para(Style.STATUS, regime_text(ctx, "status.confidential", items)))
    if version is Version.DECISIONS:
        out.append(ctx.para(Style.STATUS, ph.format("status.decisions")))
    elif version is Version.ITEM:
        out.append(ctx.para(Style.STATUS, ph.format("status.item")))
    elif version is Version.INTERIM:
        out.append(ctx.para(Style.STATUS, ph.format("status.interim")))
    elif meeting.approval is not None:
        ap = meeting.approval
        signed = clean(ap.signed_by)
        key = "status.approved" if signed else "status.approved_unsigned"
        out.append(
            ctx.para(
                Style.STATUS,
                ph.format(key, date=ctx.date(ap.approved_on, False), signed_by=signed),
            )
        )
        if clean(ap.corrections):
            out.append(
                ctx.para(
                    Style.STATUS, ph.format("status.corrections", corrections=clean(ap.corrections))
                )
            )
    elif not is_approved(meeting) and body.settings.style.draft_banner:
        out.append(ctx.para(Style.STATUS, ph.format("status.draft")))
    if clean(meeting.reference):
        out.append(
            ctx.para(
                Style.STATUS, ph.format("status.reference", reference=clean(meeting.reference))
            )
        )
    return out
