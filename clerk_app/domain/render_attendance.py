"""Who was there, in the words of the minutes: present (chair first), also present,
officers, apologies, absent, substitutes and the public, in the layout the style
chooses, and the lines after them on who presided and whether the meeting was quorate.
"""

from __future__ import annotations

from clerk_app.domain import layouts
from clerk_app.domain.attendance_table import attendance_table, part_marks
from clerk_app.domain.document import Element, Style
from clerk_app.domain.model import (
    PRESENT_STATUSES,
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    ChangeKind,
    HeldStatus,
    Item,
    ItemKind,
    Meeting,
    Person,
    PersonKind,
    Role,
)
from clerk_app.domain.naming import collation_key, list_display_name, officer_line
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.render import RenderContext, cap, clean, joined
from clerk_app.domain.style import ApologiesPlace, AttendanceLayout, NameOrder
from clerk_app.domain.timeline import cursor_at, initial_presence, voting_members


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


def substitute_lines(ctx: RenderContext) -> list[str]:
    lines = []
    for a, name in _people_with(ctx, {"substitute"}):
        if a.substitute_for and ctx.body.person(a.substitute_for) is not None:
            absent = ctx.name(a.substitute_for)
            lines.append(ctx.phrases.format("attendance.substitute_line", name=name, absent=absent))
        else:
            lines.append(ctx.phrases.format("attendance.substitute_line_unnamed", name=name))
    return [cap(x) for x in lines]


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
    # how they attended, and when they came or went, in one bracket after the role's:
    # "(Chair) (attending remotely, left at 9.05 pm)", not a bracket for each
    notes: list[str] = []
    note = clean(a.note)
    if a.status is AttendanceStatus.REMOTE and settings.style.remote_section:
        if note:
            notes.append(note)
    elif a.status is AttendanceStatus.REMOTE:
        notes.append(note or ph.format("attendance.remote"))
    elif note:
        notes.append(note)
    if a.status is AttendanceStatus.SUBSTITUTE:
        notes.append(ph.format("attendance.substitute_tag"))
    arrived, left = times.get(person.id, (None, None))
    if arrived:
        notes.append(ph.format("attendance.arrived_at", time=ctx.time(arrived)))
    if left:
        notes.append(ph.format("attendance.left_at", time=ctx.time(left)))
    notes = [n for n in notes if n]
    if notes:
        tags.append(", ".join(notes))
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
    subs = substitute_lines(ctx)
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
