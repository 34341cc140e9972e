"""Checks on the record: things that cannot be right, named so the clerk can fix them.

Checks never stop anything being saved; they list what looks wrong. ``check_meeting``
reads the whole meeting once; ``check_block`` checks one block as the clerk edits it
and reads the meeting only as far as that block (one pass, linear in its size).

Presence follows ``clerk_app.domain.timeline``: a block is checked against who was
present just before it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import time

from clerk_app.domain.dates import format_time
from clerk_app.domain.model import (
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Block,
    Body,
    ChangeKind,
    Declaration,
    ExclusionRegime,
    Item,
    ItemKind,
    ItemStatus,
    Meeting,
    Motion,
    MotionKind,
    Moving,
    Note,
    Outcome,
    Role,
    VoteChoice,
    VoteKind,
    VoteTaken,
)
from clerk_app.domain.naming import display_name
from clerk_app.domain.timeline import IN_ATTENDANCE, Cursor, is_voting

WARNING = "warning"
# items that print nothing of their own: empty, they would be a heading alone (apologies,
# declarations and the exclusion write their own sentence; a section heading has no body)
NEEDS_WORDS = frozenset(
    {ItemKind.GENERAL, ItemKind.URGENT, ItemKind.PREVIOUS_MINUTES, ItemKind.NEXT_MEETING}
)
ERROR = "error"


@dataclass
class Issue:
    item_id: str | None
    block_id: str | None
    severity: str  # "warning" or "error"
    message: str


# --------------------------------------------------------------------------- state


@dataclass
class _State:
    """The presence cursor plus what the messages need: each person's last change
    and the last time recorded."""

    cursor: Cursor
    last_change: dict[str, Block] = field(default_factory=dict)
    last_time: time | None = None

    def start_item(self) -> None:
        self.cursor.start_item()

    def apply(self, block: Block) -> None:
        if isinstance(block, AttendanceChange) or (
            isinstance(block, Declaration) and block.left_room
        ):
            self.last_change[block.person_id] = block
        if isinstance(block, AttendanceChange | Note) and block.at is not None:
            self.last_time = block.at
        self.cursor.apply(block)

    @property
    def present(self) -> set[str]:
        return self.cursor.present


@dataclass
class _Checker:
    meeting: Meeting
    body: Body
    late: set[str] = field(default_factory=set)  # listed as present but arrived later
    issues: list[Issue] = field(default_factory=list)

    # ----------------------------------------------------------------- wording

    def name(self, person_id: str | None) -> str:
        person = self.body.person(person_id)
        if person is None:
            return "An unknown person"
        return display_name(person, self.body.settings)

    def clock(self, t: time) -> str:
        return format_time(t, self.body.settings.clock_24h)

    def add(self, item: Item | None, block: Block | None, severity: str, message: str) -> None:
        self.issues.append(
            Issue(item.id if item else None, block.id if block else None, severity, message)
        )

    def absence(self, person_id: str, state: _State) -> str:
        """Why ``person_id`` is not present: "had left the meeting at 3.10 pm" …"""
        last = state.last_change.get(person_id)
        if isinstance(last, AttendanceChange):
            at = f" at {self.clock(last.at)}" if last.at else ""
            if last.change is ChangeKind.LEFT:
                return f"had left the meeting{at}"
            if last.change is ChangeKind.LEFT_ROOM:
                return f"had left the room{at}"
        if isinstance(last, Declaration):
            return "had left the room after declaring an interest"
        record = self.meeting.attendance_of(person_id)
        if record is not None and record.status is AttendanceStatus.APOLOGIES:
            return "had sent apologies"
        if person_id in self.late:
            return "had not yet arrived"
        return "was not present"

    # ----------------------------------------------------------------- times

    def _minutes(self, t: time) -> int:
        value = t.hour * 60 + t.minute
        start, end = self.meeting.start_time, self.meeting.end_time
        if start and end and end < start and t < start:
            value += 24 * 60  # the meeting ran past midnight
        return value

    def check_time(self, item: Item, block: AttendanceChange | Note, state: _State) -> None:
        at = block.at
        if at is None:
            return
        start, end = self.meeting.start_time, self.meeting.end_time
        when = self.clock(at)
        if start is not None and self._minutes(at) < self._minutes(start):
            self.add(
                item, block, WARNING, f"{when} is before the meeting started at {self.clock(start)}"
            )
        elif end is not None and self._minutes(at) > self._minutes(end):
            self.add(
                item, block, WARNING, f"{when} is after the meeting ended at {self.clock(end)}"
            )
        elif state.last_time is not None and self._minutes(at) < self._minutes(state.last_time):
            self.add(
                item,
                block,
                WARNING,
                f"{when} is earlier than the time recorded before it "
                f"({self.clock(state.last_time)})",
            )

    # ----------------------------------------------------------------- blocks

    def block(self, item: Item, block: Block, state: _State) -> None:
        if isinstance(block, AttendanceChange):
            self.attendance_change(item, block, state)
        elif isinstance(block, Declaration):
            self.declaration(item, block, state)
        elif isinstance(block, Motion):
            self.motion(item, block, state)
        elif isinstance(block, VoteTaken):
            self.later_vote(item, block, state)
        elif isinstance(block, Note):
            self.check_time(item, block, state)

    def attendance_change(self, item: Item, block: AttendanceChange, state: _State) -> None:
        self.check_time(item, block, state)
        pid = block.person_id
        if not pid:
            self.add(item, block, ERROR, "The attendance change does not say who it is about")
            return
        who = self.name(pid)
        present = pid in state.present
        out_of_room = pid in state.cursor.out_of_room
        change = block.change
        if change is ChangeKind.ARRIVED and (present or out_of_room):
            self.add(item, block, WARNING, f"{who} is recorded as arriving but was already present")
        elif change is ChangeKind.RETURNED and present:
            self.add(item, block, WARNING, f"{who} is recorded as returning but had not left")
        elif change is ChangeKind.LEFT and not present and not out_of_room:
            self.add(
                item,
                block,
                WARNING,
                f"{who} is recorded as leaving the meeting but {self.absence(pid, state)}",
            )
        elif change is ChangeKind.LEFT_ROOM and not present:
            self.add(
                item,
                block,
                WARNING,
                f"{who} is recorded as leaving the room but {self.absence(pid, state)}",
            )
        if change in (ChangeKind.LEFT, ChangeKind.LEFT_ROOM) and present:
            self.quorum_lost(item, block, state, pid)

    def quorum_lost(self, item: Item, block: Block, state: _State, pid: str) -> None:
        quorum = self.body.settings.quorum
        if not is_voting(self.meeting, self.body, pid):
            return
        voting = sum(1 for p in state.present if is_voting(self.meeting, self.body, p))
        if voting >= quorum > voting - 1:
            at = (
                f" at {self.clock(block.at)}"
                if isinstance(block, AttendanceChange) and block.at
                else ""
            )
            self.add(
                item,
                block,
                WARNING,
                f"The meeting became inquorate when {self.name(pid)} left{at}: "
                f"{voting - 1} voting members present, the quorum is {quorum}",
            )

    def declaration(self, item: Item, block: Declaration, state: _State) -> None:
        pid = block.person_id
        if block.nil:
            return  # the nil return names no one
        if not pid:
            self.add(item, block, ERROR, "The declaration does not say who declared the interest")
            return
        if pid not in state.present:
            self.add(
                item,
                block,
                ERROR,
                f"{self.name(pid)} declared an interest but {self.absence(pid, state)}",
            )
        elif block.left_room:
            self.quorum_lost(item, block, state, pid)

    # ----------------------------------------------------------------- motions

    def motion(self, item: Item, block: Motion, state: _State) -> None:
        present = state.present
        for role, pid in (("mover", block.mover_id), ("seconder", block.seconder_id)):
            if pid and pid not in present:
                self.add(
                    item,
                    block,
                    ERROR,
                    f"{self.name(pid)}, the {role}, {self.absence(pid, state)}",
                )
        if block.mover_id and block.mover_id == block.seconder_id:
            self.add(
                item,
                block,
                ERROR,
                f"{self.name(block.mover_id)} cannot both move and second the motion",
            )
        if (
            self.body.settings.seconder_required
            and block.moving is Moving.NAMED
            and (block.mover_id or block.mover_text)
            and not (block.seconder_id or block.seconder_text)
        ):
            self.add(item, block, WARNING, "The motion has no seconder, and this body needs one")
        if block.motion_kind is MotionKind.AMENDMENT:
            self.amendment(item, block)
        self.vote(item, block, state)

    def later_vote(self, item: Item, block: VoteTaken, state: _State) -> None:
        """A vote taken after debate: on a motion moved earlier in the item, and checked
        against those present when it was taken, as a motion's own vote is."""
        ids = [b.id for b in item.blocks]
        motion = next((b for b in item.blocks if b.id == block.motion_id), None)
        if not isinstance(motion, Motion):
            self.add(item, block, ERROR, "The vote is on a motion that is not in this item")
            return
        if block.id in ids and ids.index(motion.id) > ids.index(block.id):
            self.add(item, block, ERROR, "The vote comes before the motion it is on")
        voted = dataclasses.replace(motion, id=block.id, vote=block.vote, outcome=block.outcome)
        self.vote(item, voted, state)

    def amendment(self, item: Item, block: Motion) -> None:
        if not block.amends_id:
            self.add(item, block, WARNING, "The amendment does not say which motion it amends")
            return
        target = next((b for b in item.blocks if b.id == block.amends_id), None)
        if block.amends_id == block.id or not isinstance(target, Motion):
            self.add(
                item,
                block,
                ERROR,
                "The amendment points at a motion that is not in this item",
            )

    def vote(self, item: Item, block: Motion, state: _State) -> None:
        vote = block.vote
        if vote.kind is VoteKind.NONE:
            return
        voting = {p for p in state.present if is_voting(self.meeting, self.body, p)}
        quorum = self.body.settings.quorum
        if len(voting) < quorum:
            self.add(
                item,
                block,
                ERROR,
                f"The vote was taken while the meeting was inquorate: {len(voting)} voting "
                f"members present, the quorum is {quorum}",
            )
        counts = {
            "for": vote.for_count,
            "against": vote.against_count,
            "abstentions": vote.abstain_count,
        }
        for label, value in counts.items():
            if value is not None and value < 0:
                self.add(
                    item, block, ERROR, f"The number of votes {label} cannot be negative ({value})"
                )
        total = sum(v for v in counts.values() if v is not None and v > 0)
        if total > len(voting):
            self.add(
                item,
                block,
                ERROR,
                f"{total} votes recorded but only {len(voting)} voting members were present",
            )
        if vote.kind is VoteKind.NAMED:
            self.named_vote(item, block, state, voting)
        if vote.kind is VoteKind.CASTING:
            self.casting_vote(item, block, state)
        self.outcome(item, block)

    def named_vote(self, item: Item, block: Motion, state: _State, voting: set[str]) -> None:
        vote = block.vote
        for pid, choice in vote.named.items():
            if choice is VoteChoice.NOT_VOTING:
                continue
            if pid not in state.present:
                self.add(
                    item,
                    block,
                    ERROR,
                    f"{self.name(pid)} is listed in the recorded vote but "
                    f"{self.absence(pid, state)}",
                )
            elif pid not in voting:
                self.add(
                    item,
                    block,
                    WARNING,
                    f"{self.name(pid)} is listed in the recorded vote but has no vote",
                )
        for value, named, label in zip(
            (vote.for_count, vote.against_count, vote.abstain_count),
            vote.named_tally(),
            ("for", "against", "abstentions"),
            strict=True,
        ):
            if value is not None and value != named:
                self.add(
                    item,
                    block,
                    WARNING,
                    f"The count of {value} {label} does not match the {named} named "
                    "in the recorded vote",
                )

    def casting_vote(self, item: Item, block: Motion, state: _State) -> None:
        vote = block.vote
        settings = self.body.settings
        if vote.for_count != vote.against_count:
            self.add(
                item,
                block,
                ERROR,
                f"A casting vote is given only when the votes are equal, but {vote.for_count or 0} "
                f"voted for and {vote.against_count or 0} against",
            )
        pid = vote.casting_person_id
        if not pid:
            self.add(item, block, WARNING, "The casting vote does not say who gave it")
            return
        person = self.body.person(pid)
        chair = next((p for p in self.body.members if p.role is Role.CHAIR), None)
        who = self.name(pid)
        if pid not in state.present:
            self.add(
                item, block, ERROR, f"{who} gave the casting vote but {self.absence(pid, state)}"
            )
        elif person is None or person.role not in (Role.CHAIR, Role.VICE_CHAIR):
            self.add(
                item,
                block,
                ERROR,
                f"{who} gave the casting vote but was not presiding: only the "
                f"{settings.chair_title} (or the {settings.vice_chair_title} in the chair) "
                "has a casting vote",
            )
        elif person.role is Role.VICE_CHAIR and chair is not None and chair.id in state.present:
            self.add(
                item,
                block,
                WARNING,
                f"{who} gave the casting vote, but the {settings.chair_title}, "
                f"{self.name(chair.id)}, was present and presiding",
            )
        choice = vote.casting_choice
        expected = {VoteChoice.FOR: Outcome.CARRIED, VoteChoice.AGAINST: Outcome.LOST}
        wanted = expected.get(choice) if choice is not None else None
        if (
            choice is not None
            and wanted is not None
            and block.outcome in expected.values()
            and block.outcome is not wanted
        ):
            self.add(
                item,
                block,
                WARNING,
                f"The casting vote was {choice.value} but the motion is recorded as "
                f"{block.outcome.value}",
            )

    def outcome(self, item: Item, block: Motion) -> None:
        vote = block.vote
        if vote.kind is VoteKind.UNANIMOUS and (vote.against_count or 0) > 0:
            self.add(
                item,
                block,
                WARNING,
                f"Recorded as unanimous but {vote.against_count} voted against",
            )
        if vote.kind not in (VoteKind.COUNTS, VoteKind.NAMED):
            return
        counted_for, counted_against, _ = vote.counts()
        if counted_for is None and (vote.rest_for or counted_against is not None):
            return  # "carried with one against": those for were not counted
        votes_for, votes_against = counted_for or 0, counted_against or 0
        tally = f"{votes_for} voted for and {votes_against} against"
        if block.decided and votes_against > votes_for:
            self.add(item, block, ERROR, f"Recorded as carried but {tally}")
        elif block.outcome is Outcome.LOST and votes_for > votes_against:
            self.add(item, block, WARNING, f"Recorded as lost but {tally}")
        elif block.outcome is Outcome.CARRIED and votes_for == votes_against and votes_for > 0:
            self.add(
                item,
                block,
                WARNING,
                f"The votes were equal ({votes_for} to {votes_against}): "
                "record the casting vote that decided it",
            )

    # ----------------------------------------------------------------- meeting

    def attendance(self) -> None:
        by_id: dict[str, Attendance] = {}
        for record in self.meeting.attendance:
            if record.person_id in by_id:
                self.add(
                    None,
                    None,
                    ERROR,
                    f"{self.name(record.person_id)} is listed twice in the attendance",
                )
            by_id.setdefault(record.person_id, record)
        for record in self.meeting.attendance:
            if record.status is not AttendanceStatus.SUBSTITUTE:
                continue
            who = self.name(record.person_id)
            target = record.substitute_for
            if not target:
                self.add(None, None, WARNING, f"{who} is a substitute but it does not say for whom")
                continue
            if target == record.person_id:
                self.add(None, None, ERROR, f"{who} is recorded as substitute for themselves")
                continue
            other = by_id.get(target)
            if other is not None and other.status in (
                AttendanceStatus.PRESENT,
                AttendanceStatus.REMOTE,
                AttendanceStatus.SUBSTITUTE,
            ):
                self.add(
                    None,
                    None,
                    ERROR,
                    f"{who} is recorded as substitute for {self.name(target)}, who is present",
                )
        if self.meeting.public_count is not None and self.meeting.public_count < 0:
            self.add(None, None, ERROR, "The number of members of the public cannot be negative")

    def item(self, item: Item) -> None:
        if (  # once the meeting has ended: while it runs, later items are simply not yet reached
            self.meeting.end_time is not None
            and item.kind in NEEDS_WORDS
            and item.status not in (ItemStatus.DEFERRED, ItemStatus.WITHDRAWN)
            and not item.blocks
            and not (item.part == 2 and item.public_summary.strip())
            and not (item.kind is ItemKind.NEXT_MEETING and self.meeting.next_date is not None)
        ):
            self.add(
                item,
                None,
                WARNING,
                f"Nothing is minuted under {_item_name(item)}: it will print "
                "as a heading alone. Add a line (for example that there were none), or mark "
                "the item withdrawn or deferred",
            )
        if (
            item.part == 2
            and self.body.settings.exclusion is ExclusionRegime.LGA_1972
            and not item.exempt_paragraph.strip()
        ):
            self.add(
                item,
                None,
                WARNING,
                f"Item {item.number or item.title} is in Part 2 but does not give the paragraph "
                "of Schedule 12A that makes it exempt",
            )


def _item_name(item: Item) -> str:
    return f"item {item.number} ({item.title})" if item.number else f"“{item.title}”"


def _opening(meeting: Meeting, body: Body) -> tuple[_State, _Checker]:
    cursor = Cursor.opening(meeting)
    late = {
        a.person_id
        for a in meeting.attendance
        if a.status in IN_ATTENDANCE and a.person_id not in cursor.present
    }
    return _State(cursor=cursor), _Checker(meeting, body, late=late)


def check_meeting(meeting: Meeting, body: Body) -> list[Issue]:
    """Every issue in the meeting, in document order (meeting-wide ones first)."""
    state, checker = _opening(meeting, body)
    checker.attendance()
    for item in meeting.items:
        state.start_item()
        checker.item(item)
        for block in item.blocks:
            checker.block(item, block, state)
            state.apply(block)
    return checker.issues


def check_block(meeting: Meeting, body: Body, item_id: str, block: Block) -> list[Issue]:
    """The issues with one block, judged at its place in the meeting.

    ``block`` may be an edited copy of a saved block (same id) or a block not yet in
    the item, which is then judged at the end of the item. An unknown ``item_id``
    judges it at the end of the meeting.
    """
    state, checker = _opening(meeting, body)
    target_item: Item | None = None
    for item in meeting.items:
        state.start_item()
        for existing in item.blocks:
            if item.id == item_id and existing.id == block.id:
                break
            state.apply(existing)
        if item.id == item_id:
            target_item = item
            break
    checker.block(target_item or Item(id=item_id), block, state)
    return checker.issues
