"""The rules of the record, in one place: what the window's edits and the JSON import
both refuse.

Each ``…_problems`` function returns :class:`Problem` values (a field, relative to the
record checked, and a sentence in the clerk's words); it never raises. The services call
:func:`refuse` on them, which raises the first as a :class:`ServiceError` naming its field;
the import places every problem in the file (``meeting.items[2].title: …``) with
:func:`record_problems`. The JSON Schema takes its number limits from here too.
"""

from __future__ import annotations

from clerk_app.domain.model import (
    WITH_CONDITIONS,
    AttendanceStatus,
    Block,
    Body,
    DataTable,
    Item,
    Meeting,
    Motion,
    Moving,
    Outcome,
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Vote,
    VoteChoice,
    VoteKind,
    VoteTaken,
    person_references,
)
from clerk_app.domain.translation import translation_problems
from clerk_app.services.body_rules import (
    body_problems,
    person_problems,
    retention_problems,
    settings_problems,
    style_problems,
)
from clerk_app.services.problems import (
    MAX_CONDITIONS,
    MAX_FIRST_MINUTE,
    MAX_FIRST_NUMBER,
    MAX_KEPT_DAYS,
    MAX_PUBLIC,
    MAX_QUORUM,
    MAX_REVISION,
    MAX_SPEAKERS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_VOTES,
    Problem,
    refuse,
    shown_number,
    twice,
    unknown_person,
)

__all__ = [
    "MAX_CONDITIONS",
    "MAX_FIRST_MINUTE",
    "MAX_FIRST_NUMBER",
    "MAX_KEPT_DAYS",
    "MAX_PUBLIC",
    "MAX_QUORUM",
    "MAX_REVISION",
    "MAX_SPEAKERS",
    "MAX_TABLE_COLUMNS",
    "MAX_TABLE_ROWS",
    "MAX_VOTES",
    "Problem",
    "attendance_problems",
    "block_problems",
    "body_problems",
    "facts_problems",
    "header_problems",
    "item_problems",
    "later_vote_problems",
    "person_problems",
    "public_count_problems",
    "record_problems",
    "refuse",
    "retention_problems",
    "settings_problems",
    "structure_problems",
    "style_problems",
    "table_problems",
    "vote_problems",
]


# --------------------------------------------------------------------------- minutes


def vote_problems(vote: Vote) -> list[Problem]:
    """Impossible votes (plausibility against attendance is a check, not an error)."""
    out: list[Problem] = []
    for name in ("for_count", "against_count", "abstain_count"):
        value = getattr(vote, name)
        if value is not None and value < 0:
            out.append(Problem(name, "A vote count cannot be negative.", str(value)))
        elif value is not None and value > MAX_VOTES:
            out.append(
                Problem(
                    name, f"A vote count over {MAX_VOTES:,} is not plausible.", shown_number(value)
                )
            )
    if vote.rest_for and vote.kind is not VoteKind.COUNTS:
        out.append(Problem("rest_for", "Only a counted vote can say the rest voted for."))
    elif vote.rest_for and vote.for_count is not None:
        out.append(
            Problem(
                "for_count",
                "When the rest of those present voted for, leave the number for empty.",
                str(vote.for_count),
            )
        )
    if vote.kind is VoteKind.CASTING:
        if vote.casting_choice not in (VoteChoice.FOR, VoteChoice.AGAINST):
            out.append(
                Problem("casting_choice", "Say whether the casting vote was for or against.")
            )
        if (vote.for_count or 0) != (vote.against_count or 0):
            out.append(
                Problem(
                    "for_count",
                    "A casting vote is only used when the votes are equal "
                    f"({vote.for_count or 0} for, {vote.against_count or 0} against).",
                )
            )
    return out


def block_problems(block: Block, item: Item, body: Body) -> list[Problem]:
    """A block as the item and the body allow it: its vote, the motion it amends and the
    people it names."""
    out: list[Problem] = []
    if isinstance(block, Motion):
        out.extend(p.under("vote") for p in vote_problems(block.vote))
        for who in ("mover", "seconder"):
            if getattr(block, f"{who}_id") and getattr(block, f"{who}_text").strip():
                out.append(
                    Problem(
                        f"{who}_text",
                        f"Name the {who} once: a member, or an office-holder typed in.",
                    )
                )
        if block.moving is Moving.UNNAMED and (block.mover_id or block.seconder_id):
            out.append(
                Problem("moving", "A motion “moved and seconded” without names names no one.")
            )
        if block.outcome_detail.strip() and block.outcome not in (
            Outcome.REFERRED,
            Outcome.DEFERRED,
        ):
            out.append(
                Problem(
                    "outcome_detail",
                    "Only a motion referred or deferred says to whom or to when.",
                )
            )
        if block.amends_id and block.amends_id == block.id:
            out.append(Problem("amends_id", "A motion cannot amend itself."))
        elif block.amends_id:
            target = next((b for b in item.blocks if b.id == block.amends_id), None)
            if not isinstance(target, Motion):
                out.append(
                    Problem(
                        "amends_id",
                        "An amendment must amend a motion in the same item.",
                        f"no motion {block.amends_id!r} in this item",
                    )
                )
    if isinstance(block, VoteTaken):
        out.extend(p.under("vote") for p in vote_problems(block.vote))
        if block.outcome_detail.strip() and block.outcome not in (
            Outcome.REFERRED,
            Outcome.DEFERRED,
        ):
            out.append(
                Problem(
                    "outcome_detail", "Only a vote referring or deferring says to whom or when."
                )
            )
        if not block.motion_id:
            out.append(
                Problem(
                    "motion_id",
                    "Choose the motion or amendment this vote was on (move it first if it "
                    "is not in this item yet).",
                )
            )
        elif not isinstance(
            next((b for b in item.blocks if b.id == block.motion_id), None), Motion
        ):
            out.append(
                Problem(
                    "motion_id",
                    "A vote must be on a motion or amendment moved in the same item.",
                    f"no motion {block.motion_id!r} in this item",
                )
            )
    out.extend(structure_problems(block))
    out.extend(Problem(where, message) for where, message in translation_problems(block))
    for name, person_id in person_references(block):
        if body.person(person_id) is None:
            out.append(unknown_person(name, person_id))
    return out


def later_vote_problems(blocks: list[Block]) -> list[tuple[int, Problem]]:
    """The votes taken after debate in an item's blocks (in their order), each with the
    index of the block at fault: a vote comes after the motion it decides, a motion has
    one vote at most (its own or one separate vote), and a motion voted on separately
    has the outcome of that vote."""
    out: list[tuple[int, Problem]] = []
    where = {b.id: i for i, b in enumerate(blocks)}
    voted: dict[str, int] = {}
    for i, b in enumerate(blocks):
        if not isinstance(b, VoteTaken) or not b.motion_id:
            continue
        motion = blocks[where[b.motion_id]] if b.motion_id in where else None
        if not isinstance(motion, Motion):
            continue  # block_problems says so
        if where[b.motion_id] > i:
            out.append(
                (i, Problem("motion_id", "A vote comes after the motion it is on: move it below."))
            )
        if b.motion_id in voted:
            out.append(
                (
                    i,
                    Problem(
                        "motion_id",
                        "That motion has been voted on already; a motion has one vote.",
                        f"also voted on at block {voted[b.motion_id] + 1}",
                    ),
                )
            )
            continue
        voted[b.motion_id] = i
        at = where[b.motion_id]
        if motion.vote.kind is not VoteKind.NONE:
            out.append(
                (
                    at,
                    Problem(
                        "vote",
                        "This motion's vote is recorded with it and again in a separate vote; "
                        "keep one of them.",
                    ),
                )
            )
        elif (motion.outcome, motion.outcome_detail) != (b.outcome, b.outcome_detail):
            out.append(
                (
                    at,
                    Problem(
                        "outcome",
                        "A motion voted on separately has the outcome of that vote.",
                        f"{motion.outcome.value}, not {b.outcome.value}",
                    ),
                )
            )
    return out


def table_problems(table: DataTable) -> list[Problem]:
    """A table the minutes can print: not too wide or long, its money columns among its
    columns, and a total only of a money column whose cells are all amounts."""
    from clerk_app.domain.money import parse_amount

    out: list[Problem] = []
    width = max([len(table.columns), *(len(r) for r in table.rows)], default=0)
    if width > MAX_TABLE_COLUMNS:
        out.append(
            Problem("columns", f"A table in the minutes has at most {MAX_TABLE_COLUMNS} columns.")
        )
    if len(table.rows) > MAX_TABLE_ROWS:
        out.append(Problem("rows", f"A table in the minutes has at most {MAX_TABLE_ROWS} rows."))
    if table.columns and any(len(r) > len(table.columns) for r in table.rows):
        out.append(Problem("rows", "A row has more cells than the table has headings."))
    for col in table.money_columns:
        if not 0 <= col < max(width, 1):
            out.append(Problem("money_columns", "A money column must be one of the table's."))
            break
    total = table.total_column
    if total is not None and total not in table.money_columns:
        out.append(Problem("total_column", "Only a money column can be totalled."))
    elif total is not None:
        for n, row in enumerate(table.rows, start=1):
            cell = row[total] if total < len(row) else ""
            if parse_amount(cell) is None:
                out.append(
                    Problem(
                        f"rows[{n - 1}][{total}]",
                        f"Row {n} of the column totalled holds “{cell.strip()[:40]}”, which is "
                        "not an amount of money: type it as 125.00, or choose no total.",
                    )
                )
                break
    return out


def structure_problems(block: Block) -> list[Problem]:
    """A table, public participation or planning application as the window allows it."""
    if isinstance(block, DataTable):
        return table_problems(block)
    speakers = (
        block.speakers if isinstance(block, PublicParticipation | PlanningApplication) else []
    )
    out: list[Problem] = []
    if len(speakers) > MAX_SPEAKERS:
        out.append(Problem("speakers", f"At most {MAX_SPEAKERS} speakers can be listed."))
    if isinstance(block, PlanningApplication):
        if len(block.conditions) > MAX_CONDITIONS:
            out.append(Problem("conditions", f"At most {MAX_CONDITIONS} conditions."))
        free = WITH_CONDITIONS | {PlanningDecision.PENDING}  # typed before the decision
        if [c for c in block.conditions if c.strip()] and block.decision not in free:
            out.append(
                Problem(
                    "conditions",
                    "Conditions go with a decision to approve, no objection or observations; "
                    "give the reasons instead, or change the decision.",
                )
            )
    return out


def item_problems(item: Item) -> list[Problem]:
    out: list[Problem] = []
    if not item.title.strip():
        out.append(Problem("title", "An item needs a title."))
    if item.part not in (1, 2):
        out.append(Problem("part", "An item is in Part 1 (public) or Part 2 (exempt)."))
    out.extend(Problem(where, message) for where, message in translation_problems(item))
    return out


# --------------------------------------------------------------------------- meetings


def public_count_problems(count: int | None) -> list[Problem]:
    if count is not None and count < 0:
        return [Problem("public_count", "The number of members of the public cannot be negative.")]
    if count is not None and count > MAX_PUBLIC:
        return [
            Problem(
                "public_count",
                f"More than {MAX_PUBLIC:,} members of the public is not plausible.",
                shown_number(count),
            )
        ]
    return []


def header_problems(meeting: Meeting) -> list[Problem]:
    """The meeting's header: the public count and the times."""
    out = public_count_problems(meeting.public_count)
    if meeting.start_time and meeting.end_time and meeting.end_time < meeting.start_time:
        out.append(Problem("end_time", "The meeting cannot end before it started."))
    if not 0 <= meeting.first_minute <= MAX_FIRST_MINUTE:
        out.append(
            Problem(
                "first_minute",
                f"The first minute number is a whole number from 0 to {MAX_FIRST_MINUTE:,}.",
            )
        )
    if not 0 <= meeting.revision <= MAX_REVISION:
        out.append(Problem("revision", "The version of the minutes cannot be negative."))
    return out


def facts_problems(meeting: Meeting, body: Body) -> list[Problem]:
    """The meeting-level facts: who presided and who took the minutes are people of the
    body; the next meeting has a date before its time or place, and comes later."""
    out: list[Problem] = []
    for name in ("presiding_id", "minute_taker_id"):
        pid = getattr(meeting, name)
        if pid and body.person(pid) is None:
            out.append(unknown_person(name, pid))
    if meeting.next_date is None and (meeting.next_time or meeting.next_venue.strip()):
        out.append(
            Problem("next_date", "Give the date of the next meeting before its time or place.")
        )
    if meeting.next_date is not None and meeting.next_date <= meeting.date:
        out.append(Problem("next_date", "The next meeting must be after this one; check its date."))
    out.extend(Problem(where, message) for where, message in translation_problems(meeting))
    return out


def attendance_problems(
    person_id: str, status: AttendanceStatus, substitute_for: str | None, body: Body
) -> list[Problem]:
    """One person's attendance (a substitute attends for someone else on the body)."""
    out: list[Problem] = []
    if body.person(person_id) is None:
        out.append(unknown_person("person_id", person_id))
    if status is AttendanceStatus.SUBSTITUTE:
        if not substitute_for:
            out.append(Problem("substitute_for", "Say which member the substitute attends for."))
        elif substitute_for == person_id:
            out.append(Problem("substitute_for", "A member cannot substitute for themselves."))
        elif body.person(substitute_for) is None:
            out.append(unknown_person("substitute_for", substitute_for))
    elif substitute_for:
        out.append(Problem("substitute_for", "Only a substitute attends for another member."))
    return out


# --------------------------------------------------------------------------- a whole record


def record_problems(body: Body, meeting: Meeting, *, template: bool = False) -> list[str]:
    """Every rule the services hold, over a whole body and meeting (as a file brings them),
    each placed as ``body.…`` or ``meeting.…``. Ids must be unique within the file."""
    out = [p.placed("body") for p in body_problems(body, template=template)]
    if meeting.body_id != body.id:
        out.append(
            f"meeting.body_id: The meeting's body is not the body in the file "
            f"({meeting.body_id!r}, not {body.id!r})."
        )
    out += [p.placed("meeting") for p in header_problems(meeting)]
    out += [p.placed("meeting") for p in facts_problems(meeting, body)]
    seen: dict[str, str] = {}
    people: dict[str, int] = {}
    for i, a in enumerate(meeting.attendance):
        place = f"meeting.attendance[{i}]"
        found = attendance_problems(a.person_id, a.status, a.substitute_for, body)
        found += [Problem(where, message) for where, message in translation_problems(a)]
        found += twice("", a.id, seen, place)
        out += [p.placed(place) for p in found]
        if a.person_id in people:
            out.append(
                f"{place}.person_id: The same person is in the attendance twice "
                f"(also at meeting.attendance[{people[a.person_id]}])."
            )
        people.setdefault(a.person_id, i)
    items: dict[str, str] = {}
    blocks: dict[str, str] = {}
    for i, item in enumerate(meeting.items):
        place = f"meeting.items[{i}]"
        out += [p.placed(place) for p in item_problems(item) + twice("", item.id, items, place)]
        for j, block in enumerate(item.blocks):
            at = f"{place}.blocks[{j}]"
            found = twice("", block.id, blocks, at) + block_problems(block, item, body)
            out += [p.placed(at) for p in found]
        out += [p.placed(f"{place}.blocks[{j}]") for j, p in later_vote_problems(item.blocks)]
    return out
