"""The attendance timeline: who was present at each point of a meeting.

The meeting is read in document order (items in order, blocks in order). Presence
starts from the attendance list and changes at each ``AttendanceChange`` block and at
each ``Declaration`` whose member left the room.

- **At the start** a person is present when their attendance status is PRESENT, REMOTE
  or SUBSTITUTE, or OFFICER / OTHER (in attendance) — except that a person whose first
  attendance change is ARRIVED starts absent, since they came late.
- **LEFT** takes a person out of the meeting; **ARRIVED** and **RETURNED** bring them in.
- **LEFT_ROOM**, and a declaration with ``left_room``, take a person out for the rest of
  that item: they are back at the start of the next item, or earlier at a RETURNED.

A point in the meeting is ``(item_id, block_id)``. With a ``block_id`` it is just
*before* that block, so the presence for a vote is that before its motion block and a
block's own change does not count for itself. With ``block_id=None`` it is the *end*
of the item, after all of its blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clerk_app.domain.model import (
    PRESENT_STATUSES,
    AttendanceChange,
    AttendanceStatus,
    Block,
    Body,
    ChangeKind,
    Declaration,
    Item,
    Meeting,
    PersonKind,
    Role,
)

IN_ATTENDANCE = PRESENT_STATUSES | {AttendanceStatus.OFFICER, AttendanceStatus.OTHER}
_COMING_IN = (ChangeKind.ARRIVED, ChangeKind.RETURNED)


def initial_presence(meeting: Meeting) -> set[str]:
    """Ids of the people present when the meeting opened."""
    present = {a.person_id for a in meeting.attendance if a.status in IN_ATTENDANCE}
    seen: set[str] = set()
    for item in meeting.items:
        for block in item.blocks:
            if isinstance(block, AttendanceChange) and block.person_id not in seen:
                seen.add(block.person_id)
                if block.change is ChangeKind.ARRIVED:
                    present.discard(block.person_id)
    return present


@dataclass
class Cursor:
    """Presence while reading a meeting in document order.

    ``present`` is who is in the room; ``out_of_room`` who stepped out for this item
    and is due back at the next one.
    """

    present: set[str]
    out_of_room: set[str] = field(default_factory=set)

    @classmethod
    def opening(cls, meeting: Meeting) -> Cursor:
        return cls(present=initial_presence(meeting))

    def start_item(self) -> None:
        """A new item begins: whoever left the room for the last one comes back."""
        if self.out_of_room:
            self.present |= self.out_of_room
            self.out_of_room.clear()

    def apply(self, block: Block) -> None:
        """Move past ``block``, updating presence."""
        if isinstance(block, AttendanceChange):
            pid = block.person_id
            if block.change in _COMING_IN:
                self.present.add(pid)
                self.out_of_room.discard(pid)
            elif block.change is ChangeKind.LEFT:
                self.present.discard(pid)
                self.out_of_room.discard(pid)
            elif pid in self.present:  # LEFT_ROOM
                self.present.discard(pid)
                self.out_of_room.add(pid)
        elif isinstance(block, Declaration) and block.left_room and block.person_id in self.present:
            self.present.discard(block.person_id)
            self.out_of_room.add(block.person_id)


def cursor_at(meeting: Meeting, item_id: str, block_id: str | None = None) -> Cursor:
    """The presence just before ``block_id``, or at the end of the item when it is None.

    Raises ``KeyError`` when the item (or the block within it) is not in the meeting.
    """
    cursor = Cursor.opening(meeting)
    for item in meeting.items:
        cursor.start_item()
        if item.id != item_id:
            for block in item.blocks:
                cursor.apply(block)
            continue
        for block in item.blocks:
            if block.id == block_id:
                return cursor
            cursor.apply(block)
        if block_id is None:
            return cursor
        raise KeyError(f"block {block_id} is not in item {item_id}")
    raise KeyError(f"item {item_id} is not in the meeting")


def present_at(meeting: Meeting, body: Body, item_id: str, block_id: str | None = None) -> set[str]:
    """Ids of everyone present just before ``block_id`` (or at the end of the item)."""
    del body  # presence depends only on the meeting; body kept for a uniform signature
    return set(cursor_at(meeting, item_id, block_id).present)


def is_voting(meeting: Meeting, body: Body, person_id: str) -> bool:
    """Whether ``person_id`` has a vote at this meeting: a voting member of the body who
    is not a reserve, unless the reserve attends as a substitute."""
    person = body.person(person_id)
    if person is None or person.kind is not PersonKind.MEMBER or not person.voting:
        return False
    if person.role is Role.RESERVE:
        record = meeting.attendance_of(person_id)
        return record is not None and record.status is AttendanceStatus.SUBSTITUTE
    return True


def voting_members(meeting: Meeting, body: Body, present: set[str]) -> set[str]:
    """Of the ids in ``present``, those with a vote."""
    return {pid for pid in present if is_voting(meeting, body, pid)}


def voting_present_at(
    meeting: Meeting, body: Body, item_id: str, block_id: str | None = None
) -> set[str]:
    """Ids of the voting members present just before ``block_id`` (or at the item's end)."""
    return voting_members(meeting, body, present_at(meeting, body, item_id, block_id))


def quorate_at(meeting: Meeting, body: Body, item_id: str, block_id: str | None = None) -> bool:
    """Whether enough voting members for the body's quorum are present at that point."""
    return len(voting_present_at(meeting, body, item_id, block_id)) >= body.settings.quorum


def arrivals_departures(meeting: Meeting) -> dict[str, list[AttendanceChange]]:
    """Each person's attendance changes in document order, for notes such as
    "(arrived at 7.01 pm)" in the attendance list."""
    changes: dict[str, list[AttendanceChange]] = {}
    for item in meeting.items:
        for block in item.blocks:
            if isinstance(block, AttendanceChange):
                changes.setdefault(block.person_id, []).append(block)
    return changes


def _label(item: Item) -> str:
    return item.minute_number or item.number or item.title


def presence_intervals(
    meeting: Meeting, body: Body | None = None
) -> dict[str, list[tuple[str, str]]]:
    """For each person present at some point, the runs of items they were present for,
    as (first item, last item) labels — the minute number, else the item number.

    A person counts as present for an item when they were in the room at any moment of
    it. Someone present throughout gets one run from the first item to the last;
    "from minute 20/069 onwards" and "excluding items 6.3 – 6.7" are read off the runs.
    """
    del body
    runs: dict[str, list[tuple[str, str]]] = {}
    open_runs: dict[str, tuple[str, str]] = {}
    cursor = Cursor.opening(meeting)
    for item in meeting.items:
        cursor.start_item()
        here = set(cursor.present)
        for block in item.blocks:
            cursor.apply(block)
            here |= cursor.present
        label = _label(item)
        for pid in here:
            start = open_runs.get(pid, (label, label))[0]
            open_runs[pid] = (start, label)
        for pid in list(open_runs):
            if pid not in here:
                runs.setdefault(pid, []).append(open_runs.pop(pid))
    for pid, run in open_runs.items():
        runs.setdefault(pid, []).append(run)
    return runs
