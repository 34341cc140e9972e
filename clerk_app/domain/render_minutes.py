"""A whole meeting turned into a rendered :class:`Document`, in each published version.

FULL and REVIEW give everything. PUBLIC gives each Part 2 item only from what the public
may read about it (:func:`public_item`: its public heading, the exemption notice, its
public summary, who moved and seconded, the outcome), whatever the item's kind, so no
exempt text reaches it. CONFIDENTIAL gives only the Part 2 items. DECISIONS gives each
item's decisions and actions (a Part 2 item's public parts only). ITEM gives one item's
draft minute for checking.
"""

from __future__ import annotations

import re

from clerk_app.domain import layouts
from clerk_app.domain.attendance_table import attendance_table, part_marks
from clerk_app.domain.document import CharStyle, Document, Element, Para, Run, Style, Version
from clerk_app.domain.model import (
    PRESENT_STATUSES,
    Action,
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Body,
    BodyKind,
    ChangeKind,
    Declaration,
    HeldStatus,
    Item,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Motion,
    MotionKind,
    NameArticle,
    Outcome,
    Paragraph,
    Person,
    PersonKind,
    PlanningApplication,
    PlanningDecision,
    Points,
    Role,
    VoteTaken,
)
from clerk_app.domain.naming import collation_key, list_display_name, officer_line
from clerk_app.domain.phrases import Phrases, fields_of
from clerk_app.domain.render import (
    RenderContext,
    cap,
    clean,
    joined,
    lead_in_keywords,
    paragraph_list,
    split_keyword,
    split_paragraphs,
    the_title,
)
from clerk_app.domain.render_blocks import render_block
from clerk_app.domain.render_declarations import nil_return_key
from clerk_app.domain.render_motions import movers
from clerk_app.domain.style import ApologiesPlace, AttendanceLayout, Layout, NameOrder
from clerk_app.domain.timeline import cursor_at, initial_presence, voting_members

__all__ = [
    "auto_paragraph_count",
    "exclusion_wording",
    "public_item",
    "render_item",
    "render_minutes",
]

_DECISION_STYLES = frozenset(
    {Style.DECISION, Style.CLAUSE_NUMBER, Style.CLAUSE_LETTER, Style.CLAUSE_ROMAN, Style.VOTE}
)
_PARAGRAPH_NUMBER = re.compile(r"\d{1,2}[A-Za-z]?")
_GENERIC_NAMES = frozenset({"council", "full council", "parish council", "town council"})


# --------------------------------------------------------------------------- helpers


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


def exempt_paragraphs(items: list[Item]) -> list[str]:
    """The Schedule 12A paragraphs of the Part 2 items, in order, without repeats: only
    paragraph numbers ("3", "7A"), so words typed beside them are never cited."""
    seen: list[str] = []
    for item in items:
        if item.exempt:
            for p in split_paragraphs(item.exempt_paragraph):
                if _PARAGRAPH_NUMBER.fullmatch(p) and p not in seen:
                    seen.append(p)
    return seen


def exclusion_wording(ctx: RenderContext) -> str:
    """The exclusion resolution for the body's regime (words after "That")."""
    regime = ctx.body.settings.exclusion.value
    if regime == "lga_1972":
        paragraphs = paragraph_list(exempt_paragraphs(ctx.meeting.items), ctx.phrases)
        if not paragraphs:
            return ctx.phrases.format("exclusion.lga_1972_nopara")
        return ctx.phrases.format("exclusion.lga_1972", paragraphs=paragraphs)
    return ctx.phrases.format(f"exclusion.{regime}")


def _regime_text(ctx: RenderContext, prefix: str, items: list[Item]) -> str:
    regime = ctx.body.settings.exclusion.value
    paragraphs = paragraph_list(exempt_paragraphs(items), ctx.phrases)
    if regime == "lga_1972" and not paragraphs:
        return ctx.phrases.format(f"{prefix}_nopara.{regime}")
    return ctx.phrases.format(f"{prefix}.{regime}", paragraphs=paragraphs)


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
        out.extend((Style.BODY, line) for line in _substitute_lines(ctx))
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


def apology_names(ctx: RenderContext) -> list[str]:
    """Those who sent apologies, in surname order, with a reason shared by several given
    once after them all: ["Cllr A and Cllr B (illness)", "Cllr C"]."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for a, name in _people_with(ctx, {"apologies"}):
        person = ctx.body.person(a.person_id)
        post = clean(person.post) if person is not None else ""
        if post:  # "Helen Obi, Non-Executive Director" where the style names the post
            name = ctx.phrases.format("apologies.with_post", name=name, post=post) or name
        reason = clean(a.reason).rstrip(".")
        key = reason.casefold() if reason else f"\n{len(groups)}"  # no reason: alone
        groups.setdefault(key, (reason, []))[1].append(name)
    return [
        _with_reason(reason, joined(names, ctx.phrases), ctx.phrases)
        for reason, names in groups.values()
    ]


def auto_paragraph_count(ctx: RenderContext) -> int:
    """How many numbered paragraphs the item writes before its blocks."""
    return len(_auto_texts(ctx))


def _with_reason(reason: str, name: str, ph: Phrases) -> str:
    reason = clean(reason).rstrip(".")
    return ph.format("apologies.with_reason", name=name, reason=reason) if reason else name


def _people_with(ctx: RenderContext, statuses: set[str]) -> list[tuple[Attendance, str]]:
    """(attendance, list name) pairs for the given statuses, in surname order."""
    rows: list[tuple[Attendance, Person]] = []
    for a in ctx.meeting.attendance:
        person = ctx.body.person(a.person_id)
        if person is not None and a.status.value in statuses:
            rows.append((a, person))
    rows.sort(key=lambda ap: collation_key(ap[1]))
    return [(a, clean(list_display_name(p, ctx.body.settings))) for a, p in rows]


def _substitute_lines(ctx: RenderContext) -> list[str]:
    lines = []
    for a, name in _people_with(ctx, {"substitute"}):
        if a.substitute_for and ctx.body.person(a.substitute_for) is not None:
            absent = ctx.name(a.substitute_for)
            lines.append(ctx.phrases.format("attendance.substitute_line", name=name, absent=absent))
        else:
            lines.append(ctx.phrases.format("attendance.substitute_line_unnamed", name=name))
    return [cap(x) for x in lines]


# --------------------------------------------------------------------------- attendance


def _part_attendance(meeting: Meeting) -> dict[str, tuple]:
    """person id -> (first arrival time, last departure time) from attendance changes."""
    seen: dict[str, list] = {}
    for item in meeting.items:
        for b in item.blocks:
            if isinstance(b, AttendanceChange) and b.at is not None:
                entry = seen.setdefault(b.person_id, [None, None])
                if b.change is ChangeKind.ARRIVED and entry[0] is None:
                    entry[0] = b.at
                elif b.change is ChangeKind.LEFT:
                    entry[1] = b.at
                elif b.change is ChangeKind.RETURNED:
                    entry[1] = None
    return {k: (v[0], v[1]) for k, v in seen.items()}


def _present_entry(
    ctx: RenderContext, person: Person, a: Attendance, times: dict[str, tuple]
) -> str:
    ph, settings = ctx.phrases, ctx.body.settings
    tags: list[str] = []
    if settings.style.chair_title_before and person.kind is PersonKind.MEMBER:
        pass  # the title is before the name already ("Mayor Dana Whitfield")
    elif person.kind is PersonKind.MEMBER and person.role is Role.CHAIR:
        tags.append(clean(settings.chair_title))
    elif person.kind is PersonKind.MEMBER and person.role is Role.VICE_CHAIR:
        tags.append(clean(settings.vice_chair_title))
    if person.kind is PersonKind.OTHER and clean(person.post):
        tags.append(clean(person.post))
    note = clean(a.note)
    if a.status is AttendanceStatus.REMOTE and settings.style.remote_section:
        if note:
            tags.append(note)
    elif a.status is AttendanceStatus.REMOTE:
        tags.append(note or ph.format("attendance.remote"))
    elif note:
        tags.append(note)
    if a.status is AttendanceStatus.SUBSTITUTE:
        tags.append(ph.format("attendance.substitute_tag"))
    arrived, left = times.get(person.id, (None, None))
    if arrived:
        tags.append(ph.format("attendance.arrived_at", time=ctx.time(arrived)))
    if left:
        tags.append(ph.format("attendance.left_at", time=ctx.time(left)))
    name = clean(list_display_name(person, settings)) or ctx.phrases.format("name.unknown")
    return name + "".join(f" ({t})" for t in tags if t)


def presiding(ctx: RenderContext) -> Person | None:
    """Who presided when it was not the chair: the meeting's presiding member."""
    person = ctx.body.person(ctx.meeting.presiding_id)
    if person is None or (person.kind is PersonKind.MEMBER and person.role is Role.CHAIR):
        return None
    return person


def _presiding_line(ctx: RenderContext) -> list[Element]:
    """ "Councillor Pryce (Vice-Chair) in the Chair"."""
    person = presiding(ctx)
    if person is None:
        return []
    settings = ctx.body.settings
    name = clean(list_display_name(person, settings))
    if person.kind is PersonKind.MEMBER and person.role is Role.VICE_CHAIR:
        name += f" ({clean(settings.vice_chair_title)})" if clean(settings.vice_chair_title) else ""
    title = clean(settings.chair_title) or ctx.phrases.format("name.chair_default")
    text = ctx.phrases.format("attendance.presiding", name=name, chair_title=title)
    return [ctx.para(Style.ATTENDANCE, text)] if clean(text) else []


def _quorate_throughout(ctx: RenderContext) -> tuple[bool, bool]:
    """(quorate when the meeting opened, quorate at the end of every item), from the
    attendance timeline."""
    meeting, body = ctx.meeting, ctx.body
    quorum = body.settings.quorum
    opened = len(voting_members(meeting, body, initial_presence(meeting))) >= quorum
    kept = opened and all(
        len(voting_members(meeting, body, set(cursor_at(meeting, it.id).present))) >= quorum
        for it in meeting.items
    )
    return opened, kept


def meeting_state_lines(ctx: RenderContext) -> list[Element]:
    """After the attendance: that the meeting was not held, or was inquorate, or (where
    the body's minutes say so) that it was quorate."""
    ph, meeting = ctx.phrases, ctx.meeting
    if meeting.held is HeldStatus.NOT_HELD:
        return [ctx.para(Style.CLOSING, ph.format("meeting_state.not_held"))]
    if meeting.held is HeldStatus.INQUORATE:
        return [ctx.para(Style.CLOSING, ph.format("meeting_state.inquorate"))]
    if not ctx.body.settings.quorum_statement:
        return []
    opened, kept = _quorate_throughout(ctx)
    if kept:
        return [ctx.para(Style.CLOSING, ph.format("meeting_state.quorate"))]
    if opened:
        return [ctx.para(Style.CLOSING, ph.format("meeting_state.quorate_at_start"))]
    return []


def _role_rank(person: Person) -> int:
    if person.kind is PersonKind.MEMBER and person.role is Role.CHAIR:
        return 0
    if person.kind is PersonKind.MEMBER and person.role is Role.VICE_CHAIR:
        return 1
    return 2


def _present_order(entry: tuple[Person, Attendance]) -> tuple[int, str, str]:
    person = entry[0]
    return (_role_rank(person), *collation_key(person))


def _officer_order(
    ctx: RenderContext, officers: list[tuple[Person, Attendance]]
) -> list[tuple[Person, Attendance]]:
    """Officers by surname, or as the body lists its people (by seniority, say)."""
    if ctx.body.settings.style.officer_order is NameOrder.ROLL:
        listed = {p.id: i for i, p in enumerate(ctx.body.people)}
        return sorted(officers, key=lambda pa: listed.get(pa[0].id, len(listed)))
    return sorted(officers, key=_present_order)


def _apologies_in_attendance(ctx: RenderContext, items: list[Item] | None) -> bool:
    """The attendance lists the apologies unless the style prints them under the
    apologies item alone and the minutes have one (they are never left out)."""
    if ctx.body.settings.style.apologies_place is not ApologiesPlace.ITEM:
        return True
    shown = ctx.meeting.items if items is None else items
    return not any(it.kind is ItemKind.APOLOGIES for it in shown)


def render_attendance(ctx: RenderContext, items: list[Item] | None = None) -> list[Element]:
    """Present (chair first), Also present, Officers, Apologies, Absent, Substitutes,
    and the public count."""
    ph, body, meeting = ctx.phrases, ctx.body, ctx.meeting
    times = _part_attendance(meeting)
    present: list[tuple[Person, Attendance]] = []
    remote: list[tuple[Person, Attendance]] = []
    own_remote = body.settings.style.remote_section
    also: list[tuple[Person, Attendance]] = []
    officers: list[tuple[Person, Attendance]] = []
    taker = body.person(meeting.minute_taker_id)
    for a in meeting.attendance:
        person = body.person(a.person_id)
        if person is None or person is taker:
            continue
        if a.status is AttendanceStatus.OFFICER or (
            a.status in PRESENT_STATUSES and person.kind is PersonKind.OFFICER
        ):
            officers.append((person, a))
        elif a.status is AttendanceStatus.OTHER or (
            a.status in PRESENT_STATUSES and person.kind is PersonKind.OTHER
        ):
            also.append((person, a))
        elif a.status is AttendanceStatus.REMOTE and own_remote:
            remote.append((person, a))
        elif a.status in PRESENT_STATUSES:
            present.append((person, a))
    # every group in surname order, accents folded ("Ó Briain" with the O's)
    groups = [
        ("attendance.present", sorted(present, key=_present_order)),
        ("attendance.remote_heading", sorted(remote, key=_present_order)),
        ("attendance.also_present", sorted(also, key=_present_order)),
        ("attendance.officers", _officer_order(ctx, officers)),
    ]
    sections: list[tuple[str, list[str]]] = [
        (key, [_present_entry(ctx, p, a, times) for p, a in people]) for key, people in groups[:3]
    ]
    sections.append(
        ("attendance.officers", [clean(officer_line(p, body.settings)) for p, _ in groups[3][1]])
    )
    if _apologies_in_attendance(ctx, items):
        sections.append(("attendance.apologies", apology_names(ctx)))
    sections.append(("attendance.absent", [n for _, n in _people_with(ctx, {"absent"})]))
    if taker is not None:
        sections.append(("attendance.minute_taker", [clean(officer_line(taker, body.settings))]))
    out: list[Element] = []
    layout = body.settings.style.attendance_layout
    if layout is AttendanceLayout.SEDERUNT:
        out.extend(layouts.sederunt(ctx, sections))
        sections = []
    elif layout is AttendanceLayout.TABLE:
        marks = part_marks(ctx)
        for key, people in groups:
            table = attendance_table(ctx, people, marks)
            if table:
                out.append(ctx.para(Style.ATTENDANCE_HEADING, ph.format(key)))
                out.extend(table)
            if key == "attendance.present":
                out.extend(_presiding_line(ctx))
        sections = sections[len(groups) :]  # apologies and the rest, as lines
    for key, names in sections:
        names = [n for n in names if n]
        if names:
            out.append(ctx.para(Style.ATTENDANCE_HEADING, ph.format(key)))
            out.append(ctx.para(Style.ATTENDANCE, joined(names, ctx.phrases)))
        if key == "attendance.present":
            out.extend(_presiding_line(ctx))
    subs = _substitute_lines(ctx)
    if subs:
        out.append(ctx.para(Style.ATTENDANCE_HEADING, ph.format("attendance.substitutes")))
        out.extend(ctx.para(Style.ATTENDANCE, line) for line in subs)
    n = meeting.public_count
    if isinstance(n, int) and n >= 0:
        out.append(ctx.para(Style.ATTENDANCE_HEADING, ph.format("attendance.public")))
        if n == 0:
            text = ph.format("attendance.public_none")
        elif n == 1:
            text = ph.format("attendance.public_one")
        else:
            text = cap(ph.format("attendance.public_many", count=ctx.count(n)))
        out.append(ctx.para(Style.ATTENDANCE, text))
    return out


# --------------------------------------------------------------------------- items


def _heading(item: Item, ctx: RenderContext) -> list[Element]:
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


def _status_note(item: Item, ctx: RenderContext) -> list[Element]:
    if item.status is ItemStatus.DEFERRED and item.blocks:
        return []  # debated, then deferred: the deferral follows the debate
    if item.status is ItemStatus.DEFERRED:
        return [ctx.para(Style.NOTE, ctx.phrases.format("item.deferred"))]
    if item.status is ItemStatus.WITHDRAWN:
        return [ctx.para(Style.NOTE, ctx.phrases.format("item.withdrawn"))]
    return []


def _deferred_after(item: Item, ctx: RenderContext) -> list[Element]:
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
    out = _heading(item, ctx)
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
    out.extend(_status_note(item, ctx))
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
    return out + _deferred_after(item, ctx)


def _laid_out_item(item: Item, ctx: RenderContext) -> list[Element]:
    """An item in the layout the body's style chooses (narrative, log or action minutes)."""
    layout = ctx.body.settings.style.layout
    if layout is Layout.STANDARD or item.kind is ItemKind.SECTION_HEADING:
        return render_item(item, ctx)
    ctx.item, ctx.sub_paragraph, ctx.auto_numbered = item, 0, None
    heading = _heading(item, ctx) + _status_note(item, ctx)
    heading += [ctx.para(style, text) for style, text in _auto_texts(ctx)]
    if layout is Layout.RESOLUTION_LOG:
        return layouts.log_item(item, ctx, heading) + _deferred_after(item, ctx)
    return layouts.action_item(item, ctx, heading) + _deferred_after(item, ctx)


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
    out.append(ctx.para(Style.EXEMPT_NOTICE, _regime_text(ctx, "exempt.notice", [item])))
    out.extend(_status_note(item, ctx))
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
    return out + _deferred_after(item, ctx)


def decided_application(block: object, el: Para) -> bool:
    """A paragraph of a decided planning application that the decision sheet keeps: its
    reference and site, the decision, its reasons and conditions."""
    return (
        isinstance(block, PlanningApplication)
        and block.decision is not PlanningDecision.PENDING
        and el.style in (Style.SUB_HEADING, *_DECISION_STYLES)
    )


def _decision_item(item: Item, ctx: RenderContext) -> list[Element]:
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
    return _heading(item, ctx) + kept


# --------------------------------------------------------------------------- document


def _opening(ctx: RenderContext, key: str) -> list[Element]:
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


def _is_approved(meeting: Meeting) -> bool:
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


def _next_meeting(ctx: RenderContext, items: list[Item]) -> list[Element]:
    if any(next_meeting_under_item(it, ctx) for it in items):
        return []
    text = next_meeting_text(ctx)
    return [ctx.para(Style.CLOSING, text)] if text else []


def _times(ctx: RenderContext, start: str) -> str:
    """The start and end times for a header that gives both ("10:15 – 12:30"); the start
    alone while the meeting has no end time."""
    end = ctx.time(ctx.meeting.end_time)
    return ctx.phrases.format("header.times", start=start, end=end) if start and end else start


def _front(ctx: RenderContext, version: Version, items: list[Item]) -> list[Element]:
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
        out.append(ctx.para(Style.STATUS, _regime_text(ctx, "status.confidential", items)))
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
    elif not _is_approved(meeting) and body.settings.style.draft_banner:
        out.append(ctx.para(Style.STATUS, ph.format("status.draft")))
    if clean(meeting.reference):
        out.append(
            ctx.para(
                Style.STATUS, ph.format("status.reference", reference=clean(meeting.reference))
            )
        )
    return out


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
    elements = _front(ctx, version, items)
    with_attendance = version in (
        Version.FULL,
        Version.PUBLIC,
        Version.REVIEW,
        Version.CONFIDENTIAL,
    )
    if with_attendance or version is Version.INTERIM:
        elements.extend(_opening(ctx, "opening.called_to_order"))
        elements.extend(_opening(ctx, "opening.roll_called"))
        elements.extend(render_attendance(ctx, items))
        elements.extend(meeting_state_lines(ctx))
        elements.extend(_opening(ctx, "opening.in_chair"))
    part2_started = False
    for item in items:
        if version is Version.DECISIONS:
            rendered = _decision_item(item, ctx)
        elif version is Version.INTERIM:
            from clerk_app.domain.interim import interim_item

            rendered = interim_item(item, ctx)
        elif item.exempt and version is Version.PUBLIC:
            rendered = public_item(item, ctx)
        elif version in (Version.FULL, Version.REVIEW):
            rendered = _laid_out_item(item, ctx)
        else:
            rendered = render_item(item, ctx)
        if not rendered:
            continue
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
        elements.extend(_next_meeting(ctx, items))
    chair_title = clean(body.settings.chair_title) or ph.format("name.chair_default")
    if with_attendance:
        elements.extend(_opening(ctx, "closing.attest"))
    last = elements[-1] if with_attendance and elements else None
    if isinstance(last, Para) and last.style is Style.CLOSING:
        last.keep_next = True  # the closing line and the signature block share a page
    if with_attendance and meeting.approval is not None:
        # approved minutes: the block records who signed them and when
        elements.append(
            ctx.para(
                Style.SIGNATURE,
                ph.format(
                    "signature.signed_by",
                    name=clean(meeting.approval.signed_by),
                    chair_title=chair_title,
                ),
            )
        )
        elements.append(
            ctx.para(
                Style.SIGNATURE,
                ph.format("signature.dated", date=ctx.date(meeting.approval.approved_on)),
            )
        )
    elif with_attendance:
        signers = [clean(t) for t in body.settings.style.signatories if clean(t)]
        for title in signers or [chair_title]:
            elements.append(
                ctx.para(Style.SIGNATURE, ph.format("signature.signed", chair_title=title))
            )
            elements.append(ctx.para(Style.SIGNATURE, ph.format("signature.date")))
    if with_attendance:
        for line in meeting.after_signature.splitlines():
            if clean(line):
                elements.append(ctx.para(Style.BODY, clean(line)))
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
        if _is_approved(meeting) or not style.watermark or version is Version.INTERIM
        else clean(ph.format("watermark.draft")),
        version=version,
        title=clean(
            ph.format(f"title.{version.value}", body=name, date=date_text, item=item_title)
        ),
        signature=with_attendance,
    )


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
