"""A recording of a meeting and where each moment of the meeting is in its sound.

A recording is one sound file and the stretches of the meeting it holds: each
:class:`Segment` says which wall-clock moment a point of the file was heard at, and runs
until it ends (a pause, a stop, or the end of the file). Blocks are bookmarked with the
wall-clock moment they were begun (``Block.heard_at``), and timed events (an arrival, a
departure, an adjournment) with their own time, so the same bookmarks find their sound
in Clerk's own recording and in a dictaphone's file lined up afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from clerk_app.domain.dates import clock_text as clock_text  # kept here for its readers
from clerk_app.domain.dates import now_stamp as now_stamp
from clerk_app.domain.model import (
    AttendanceChange,
    Block,
    Item,
    ItemKind,
    ItemStatus,
    Meeting,
    Note,
)

PREROLL = 5.0  # seconds of sound played before a bookmarked moment


def parse_stamp(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


class RecordingState(StrEnum):
    RECORDING = "recording"  # being recorded now (or Clerk stopped while it was)
    KEPT = "kept"  # on disk; after approval, the clerk chose to keep it (with a reason)
    DELETED = "deleted"  # the file is gone; the row stays as the record that it was


class PauseReason(StrEnum):
    CLERK = "clerk"
    PART_2 = "part2"


@dataclass
class Segment:
    """``pos`` seconds into the file were heard at ``wall``; the segment runs until
    ``end`` (None: still being recorded, or until the end of the file)."""

    wall: datetime
    pos: float = 0.0
    end: datetime | None = None


@dataclass
class Pause:
    """A pause in a recording: when it began, why, and when it ended."""

    start: datetime
    reason: PauseReason = PauseReason.CLERK
    end: datetime | None = None


@dataclass
class Recording:
    """A meeting's sound recording: its file, segments and pauses, its state and length."""

    meeting_id: str
    file: str  # a name in the data folder's recordings/ folder, or an attached file's path
    attached: bool = False  # a file made elsewhere (dictaphone, webcast), lined up later
    segments: list[Segment] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    state: RecordingState = RecordingState.RECORDING
    seconds: float = 0.0  # length of the file, when known
    decided_at: str = ""  # when the clerk deleted or chose to keep it after approval
    reason: str = ""  # why it was kept
    id: str = ""

    @property
    def started(self) -> datetime | None:
        return self.segments[0].wall if self.segments else None

    def position_of(self, moment: datetime) -> float | None:
        """Seconds into the file at which ``moment`` was heard; None if it was not recorded
        (before the start, during a pause, after the end)."""
        for seg in self.segments:
            if moment < seg.wall:
                continue
            offset = (moment - seg.wall).total_seconds()
            if seg.end is not None and moment > seg.end:
                continue
            pos = seg.pos + offset
            if seg.end is None and self.seconds and pos > self.seconds:
                continue
            return pos
        return None

    def moment_at(self, pos: float) -> datetime | None:
        """The wall-clock moment heard ``pos`` seconds into the file."""
        found: datetime | None = None
        for seg in self.segments:
            if pos >= seg.pos:
                found = seg.wall + timedelta(seconds=pos - seg.pos)
        return found

    def line_up(self, moment: datetime, pos: float) -> None:
        """An attached file: ``moment`` of the meeting is heard ``pos`` seconds into it."""
        self.segments = [Segment(wall=moment - timedelta(seconds=pos), pos=0.0)]

    def close_open(self, at: datetime | None = None) -> None:
        """End an unfinished segment or pause (Clerk stopped while recording): from the
        file's length when ``at`` is not given."""
        for seg in self.segments:
            if seg.end is None:
                seg.end = at or seg.wall + timedelta(seconds=max(0.0, self.seconds - seg.pos))
        for pause in self.pauses:
            if pause.end is None and at is not None:
                pause.end = at


def block_moment(block: Block, on: date) -> datetime | None:
    """The wall-clock moment of a block: a timed event's own time (an arrival, departure,
    adjournment …) where it has one, else when the block was begun."""
    begun = parse_stamp(block.heard_at)
    at: time | None = None
    if isinstance(block, AttendanceChange | Note):
        at = block.at
    if at is None:
        return begun
    day = begun.date() if begun is not None else on
    own = datetime.combine(day, at)
    if begun is not None and begun.replace(second=0, microsecond=0) == own:
        return begun  # the clock filled in the time as it was begun: the precise moment
    return own


def item_moment(item: Item, on: date) -> datetime | None:
    """Where an item's sound starts: its earliest bookmarked block."""
    moments = [m for b in item.blocks if (m := block_moment(b, on)) is not None]
    return min(moments) if moments else None


def needs_part2_pause(item: Item | None) -> bool:
    """Whether the meeting is in Part 2 with ``item`` current: it is an exempt item, or the
    exclusion of the press and public has been taken."""
    if item is None:
        return False
    return item.part == 2 or (item.kind is ItemKind.EXCLUSION and item.status is ItemStatus.TAKEN)


def new_recording_id() -> str:
    from clerk_app.domain.model import new_id

    return new_id()


# --------------------------------------------------------------------------- Part 1 sound

Stretch = tuple[datetime | None, datetime | None]  # None: from the start / to the end


def _in_part2(item: Item) -> bool:
    return item.part == 2


def part2_stretches(meeting: Meeting, recordings: Sequence[Recording] = ()) -> list[Stretch]:
    """The wall-clock stretches of ``meeting`` that were Part 2 business.

    Every bookmarked block says which item was being taken at its moment: a Part 2
    stretch runs from the bookmark of a Part 2 item's block to the next bookmark of a
    Part 1 item's block (or to the end). A Part 2 item with no bookmark at all is taken
    to lie anywhere between the last bookmark of the items before it on the agenda and the
    first of those after it, when it was taken or the meeting went on past it (a deferred
    or withdrawn item was not heard). The recordings' Part 2 pauses are Part 2 as well."""
    marks = sorted(
        (moment, _in_part2(item))
        for item in meeting.items
        for block in item.blocks
        if (moment := block_moment(block, meeting.date)) is not None
    )
    out: list[Stretch] = []
    begun: datetime | None = None
    for moment, secret in marks:
        if secret and begun is None:
            begun = moment
        elif not secret and begun is not None:
            out.append((begun, moment))
            begun = None
    if begun is not None:
        out.append((begun, None))
    for index, item in enumerate(meeting.items):
        if not _in_part2(item) or item_moment(item, meeting.date) is not None:
            continue
        if item.status in (ItemStatus.DEFERRED, ItemStatus.WITHDRAWN):
            continue  # not heard at this meeting
        before = [m for i in meeting.items[:index] if (m := _last_moment(i, meeting.date))]
        after = [m for i in meeting.items[index + 1 :] if (m := item_moment(i, meeting.date))]
        if not after and item.status is not ItemStatus.TAKEN:
            continue  # the meeting has not reached it
        out.append((max(before) if before else None, min(after) if after else None))
    for rec in recordings:
        out.extend((p.start, p.end) for p in rec.pauses if p.reason is PauseReason.PART_2)
    return out


def _last_moment(item: Item, on: date) -> datetime | None:
    moments = [m for b in item.blocks if (m := block_moment(b, on)) is not None]
    return max(moments) if moments else None


def segment_spans(rec: Recording) -> list[tuple[float, float, datetime]]:
    """(first second, last second, wall-clock moment of the first) of each stretch of the
    file, in the file's order; a stretch runs to its end, the next one, or the file's end."""
    segs = sorted(rec.segments, key=lambda s: s.pos)
    out = []
    for i, seg in enumerate(segs):
        limits = [rec.seconds] if rec.seconds else []
        if i + 1 < len(segs):
            limits.append(segs[i + 1].pos)
        if seg.end is not None:
            limits.append(seg.pos + (seg.end - seg.wall).total_seconds())
        stop = min(limits) if limits else seg.pos
        if stop > seg.pos:
            out.append((seg.pos, stop, seg.wall))
    return out


def part1_ranges(rec: Recording, stretches: list[Stretch]) -> list[tuple[float, float]]:
    """The (start, end) seconds of ``rec`` that are Part 1 sound: its stretches with every
    Part 2 stretch cut out."""
    kept: list[tuple[float, float]] = []
    for first, last, wall in segment_spans(rec):
        pieces = [(first, last)]
        for start, end in stretches:
            cut_from = first if start is None else first + (start - wall).total_seconds()
            cut_to = last if end is None else first + (end - wall).total_seconds()
            pieces = [
                part
                for a, b in pieces
                for part in ((a, min(b, cut_from)), (max(a, cut_to), b))
                if part[1] - part[0] > 0.001
            ]
        kept.extend(pieces)
    return kept
