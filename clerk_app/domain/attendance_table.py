"""The attendance as a table (``AttendanceLayout.TABLE``), the way boards print it.

NHS trust boards, charity trustees, school governors and company boards list those
present in a table: each person's full name, their role ("Non-executive Director",
"Co-opted Governor, Chair"), the initials the minutes then use for them, and a mark for
anyone who was there for part of the meeting only ("Arrived 10.15 am, item 4"). The
members come first, then those in attendance, each group in its own table under its
heading; apologies and absences stay as lines after the tables.

What each cell holds is read from the record: the role from the person's post and role
in the body, the initials from the stored override or the name, the part-meeting mark
from the attendance changes in the minutes. Every word comes from the body's phrases.
"""

from __future__ import annotations

from clerk_app.domain.bilingual import cell_label
from clerk_app.domain.document import Element, Table, TableStyle
from clerk_app.domain.model import (
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    ChangeKind,
    NamingStyle,
    Person,
    PersonKind,
    Role,
)
from clerk_app.domain.naming import display_name, full_name, initials_of
from clerk_app.domain.render import RenderContext, cap, clean, strip_invalid

__all__ = ["attendance_table", "part_marks", "role_of", "table_name"]

_PART_KEYS = {
    ChangeKind.ARRIVED: "attendance.part.arrived",
    ChangeKind.LEFT: "attendance.part.left",
    ChangeKind.RETURNED: "attendance.part.returned",
}


def table_name(person: Person, ctx: RenderContext) -> str:
    """The full name with the person's titles and letters ("Dr Amara Fenwick-Lowe",
    "Nigel Hale CBE"), or the style's attendance naming where it names one (initials
    have their own column, so they never stand for the name here)."""
    settings = ctx.body.settings
    naming = settings.style.attendance_naming or NamingStyle.FULL_NAME.value
    if naming == NamingStyle.INITIALS.value:
        naming = NamingStyle.FULL_NAME.value
    name = clean(display_name(person, settings, naming)) or clean(full_name(person))
    return name or ctx.phrases.format("name.unknown")


def role_of(person: Person, a: Attendance, ctx: RenderContext) -> str:
    """The person's role: their post, then the chair's or vice-chair's title ("Co-opted
    Governor, Chair"); a member with neither is named by their place in the body
    ("Member", "Director" in a board's phrases). How they attended follows in brackets
    (remotely, as a substitute, the clerk's own note)."""
    settings, ph = ctx.body.settings, ctx.phrases
    parts = [clean(person.post)]
    if person.kind is PersonKind.MEMBER:
        title = ""
        if person.role is Role.CHAIR:
            title = clean(settings.chair_title) or "Chair"
        elif person.role is Role.VICE_CHAIR:
            title = clean(settings.vice_chair_title)
        if title.casefold() not in {p.casefold() for p in parts[0].split(", ")}:
            parts.append(title)  # not twice where the post already says it
        if not any(parts):
            parts.append(ph.format(f"attendance.role.{person.role.value}"))
    role = ", ".join(p for p in parts if p)
    tags: list[str] = []
    note = clean(a.note)
    if a.status is AttendanceStatus.REMOTE and not settings.style.remote_section:
        tags.append(note or ph.format("attendance.remote"))
    elif note:
        tags.append(note)
    if a.status is AttendanceStatus.SUBSTITUTE:
        tags.append(ph.format("attendance.substitute_tag"))
    return " ".join([role, *(f"({clean(t)})" for t in tags if clean(t))]).strip()


def _when(ctx: RenderContext, change: AttendanceChange, item_label: str) -> str:
    ph = ctx.phrases
    at = ctx.time(change.at)
    if at and item_label:
        return ph.format("attendance.part.time_item", time=at, item=item_label)
    if item_label:
        return ph.format("attendance.part.item", item=item_label)
    return at


def part_marks(ctx: RenderContext) -> dict[str, str]:
    """person id -> the part-meeting mark of each person who arrived late, left before
    the end, or left and came back ("Arrived 10.15 am, item 4; left 11.40 am, item 7"),
    from the attendance changes in document order. Leaving the room for one item (an
    interest declared) is not part attendance and gives no mark."""
    events: dict[str, list[str]] = {}
    last: dict[str, ChangeKind] = {}
    for item in ctx.meeting.items:
        label = clean(item.minute_number) or clean(item.number)
        for b in item.blocks:
            if not isinstance(b, AttendanceChange):
                continue
            before, last[b.person_id] = last.get(b.person_id), b.change
            if b.change is ChangeKind.RETURNED and before is not ChangeKind.LEFT:
                continue  # back from leaving the room for an item
            key = _PART_KEYS.get(b.change)
            if key is None:
                continue
            text = clean(ctx.phrases.format(key, when=_when(ctx, b, label)))
            if text:
                events.setdefault(b.person_id, []).append(text)
    return {pid: cap("; ".join(texts)) for pid, texts in events.items()}


def attendance_table(
    ctx: RenderContext, people: list[tuple[Person, Attendance]], marks: dict[str, str]
) -> list[Element]:
    """One group of those present as a table, in the order given: name, role, initials,
    and the part-meeting column when anyone in the group has a mark ([] for nobody)."""
    if not people:
        return []
    ph = ctx.phrases
    with_part = any(marks.get(p.id) for p, _ in people)
    keys = ["name", "role", "initials"] + (["part"] if with_part else [])
    header = [strip_invalid(cell_label(ph, f"attendance.col.{k}")) for k in keys]
    rows: list[list[str]] = []
    for person, a in people:
        row = [table_name(person, ctx), role_of(person, a, ctx), initials_of(person)]
        if with_part:
            row.append(marks.get(person.id, ""))
        rows.append([strip_invalid(clean(c)) for c in row])
    return [Table(header, rows, style=TableStyle.SCHEDULE, whole=[0, 2])]
