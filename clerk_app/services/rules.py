"""The rules of the record, in one place: what the window's edits and the JSON import
both refuse.

Each ``…_problems`` function returns :class:`Problem` values (a field, relative to the
record checked, and a sentence in the clerk's words); it never raises. The services call
:func:`refuse` on them, which raises the first as a :class:`ServiceError` naming its field;
the import places every problem in the file (``meeting.items[2].title: …``) with
:func:`record_problems`. The JSON Schema takes its number limits from here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clerk_app.domain.model import (
    WITH_CONDITIONS,
    AttendanceStatus,
    Block,
    Body,
    BodySettings,
    DataTable,
    Item,
    Meeting,
    Motion,
    Moving,
    Outcome,
    Person,
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Vote,
    VoteChoice,
    VoteKind,
    VoteTaken,
    person_references,
)
from clerk_app.domain.style import MinuteStyle
from clerk_app.domain.translation import translation_problems
from clerk_app.services.errors import ServiceError

# number limits (the schema, the forms and the checks below use these)
MAX_VOTES = 10_000
MAX_PUBLIC = 100_000
MAX_QUORUM = 500
MAX_FIRST_NUMBER = 99_999
MAX_FIRST_MINUTE = 9_999_999
MAX_REVISION = 2**53 - 1
MAX_TABLE_COLUMNS = 12  # a table wider than this does not fit a page of minutes
MAX_TABLE_ROWS = 1_000
MAX_SPEAKERS = 200
MAX_CONDITIONS = 200
MAX_KEPT_DAYS = 3650  # ten years: the longest a body keeps recordings after approval


@dataclass(frozen=True)
class Problem:
    """One broken rule: ``field`` is where (``vote.for_count``), ``message`` says what, in
    a sentence; ``value`` is the offending value as a file shows it (for the import)."""

    field: str
    message: str
    value: str = ""

    def under(self, prefix: str) -> Problem:
        field = f"{prefix}.{self.field}" if self.field else prefix
        return Problem(field, self.message, self.value)

    def placed(self, place: str) -> str:
        """The problem at ``place`` in a file: ``meeting.items[2].title: An item needs …``."""
        where = f"{place}.{self.field}" if self.field else place
        detail = f" ({self.value})" if self.value else ""
        message = self.message.rstrip(".")
        return f"{where}: {message}{detail}."


def refuse(problems: Iterable[Problem]) -> None:
    """Raise the first problem as a ServiceError naming its field (nothing when none)."""
    for problem in problems:
        raise ServiceError(problem.message, field=problem.field)


def _shown(number: int) -> str:
    text = str(number)
    return text if len(text) <= 20 else f"a number of {len(text)} digits"


def _unknown(field: str, person_id: str) -> Problem:
    return Problem(
        field, "That person is not on this body's list.", f"no one has the id {person_id!r}"
    )


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
                Problem(name, f"A vote count over {MAX_VOTES:,} is not plausible.", _shown(value))
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
            out.append(_unknown(name, person_id))
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
                _shown(count),
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
            out.append(_unknown(name, pid))
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
        out.append(_unknown("person_id", person_id))
    if status is AttendanceStatus.SUBSTITUTE:
        if not substitute_for:
            out.append(Problem("substitute_for", "Say which member the substitute attends for."))
        elif substitute_for == person_id:
            out.append(Problem("substitute_for", "A member cannot substitute for themselves."))
        elif body.person(substitute_for) is None:
            out.append(_unknown("substitute_for", substitute_for))
    elif substitute_for:
        out.append(Problem("substitute_for", "Only a substitute attends for another member."))
    return out


# --------------------------------------------------------------------------- bodies


def settings_problems(settings: BodySettings, *, template: bool = True) -> list[Problem]:
    """Problems with a body's settings. The settings dialog shows each beside its field as
    the clerk types, and saving refuses settings with any, so both say the same thing.
    ``template`` False leaves out the house-style template (a path on one computer)."""
    from clerk_app.domain import numbering
    from clerk_app.domain.phrases import validate_overrides

    out: list[Problem] = []
    if not settings.chair_title.strip():
        out.append(Problem("chair_title", "The chair's title cannot be empty."))
    if settings.quorum < 1:
        out.append(Problem("quorum", "The quorum must be at least 1."))
    if settings.quorum > MAX_QUORUM:
        out.append(Problem("quorum", f"A quorum over {MAX_QUORUM} is not plausible."))
    error = numbering.validate_pattern(settings.numbering.pattern)
    if error:
        out.append(Problem("numbering.pattern", error))
    if not 1 <= settings.numbering.year_start_month <= 12:
        out.append(
            Problem("numbering.year_start_month", "The numbering year starts in month 1–12.")
        )
    if settings.numbering.first_number < 0:
        out.append(Problem("numbering.first_number", "The first minute number cannot be negative."))
    elif settings.numbering.first_number > MAX_FIRST_NUMBER:
        out.append(
            Problem(
                "numbering.first_number",
                f"The first minute number cannot be over {MAX_FIRST_NUMBER:,}.",
            )
        )
    from clerk_app.domain.resolutions import validate_resolution_pattern

    error = validate_resolution_pattern(settings.resolution_pattern)
    if error:
        out.append(Problem("resolution_pattern", error))
    if not 0 <= settings.resolution_first <= MAX_FIRST_NUMBER:
        out.append(
            Problem(
                "resolution_first",
                f"The first resolution number is a number from 0 to {MAX_FIRST_NUMBER:,}.",
            )
        )
    if not [t for t in settings.interest_types if t.strip()]:
        out.append(Problem("interest_types", "List at least one type of interest."))
    if not settings.lead_in.strip():
        out.append(Problem("lead_in", "Decisions need a lead-in, such as RESOLVED – That."))
    out.extend(Problem("phrases", msg) for msg in validate_overrides(settings.phrases))
    out.extend(retention_problems(settings.recordings_kept_days))
    out.extend(style_problems(settings.style))
    if template:
        from clerk_app.services.bodies import template_problem

        problem = template_problem(settings.template_path)
        if problem:
            out.append(Problem("template_path", problem))
    return out


def retention_problems(days: int) -> list[Problem]:
    """How long recordings are kept after the minutes are approved: 0 to ten years."""
    if days < 0:
        return [Problem("recordings_kept_days", "Recordings cannot be kept for less than 0 days.")]
    if days > MAX_KEPT_DAYS:
        return [
            Problem(
                "recordings_kept_days",
                f"Recordings are kept for at most {MAX_KEPT_DAYS:,} days (ten years).",
            )
        ]
    return []


def style_problems(style: MinuteStyle) -> list[Problem]:
    """Problems with a body's style: its name, its naming choices and its phrases (each
    phrase checked as a body's own override is)."""
    from clerk_app.domain.phrases import validate_overrides
    from clerk_app.domain.style import NAMING_CHOICES

    out: list[Problem] = []
    if not style.name.strip():
        out.append(Problem("style.name", "Give the style a name."))
    if style.version < 1:
        out.append(Problem("style.version", "A style's version is a number from 1."))
    for name in ("attendance_naming", "mover_naming", "vote_naming", "log_naming"):
        value = getattr(style, name)
        if value not in NAMING_CHOICES:
            choices = ", ".join(c for c in NAMING_CHOICES if c)
            out.append(
                Problem(
                    f"style.{name}",
                    f"The naming “{value}” is not a way of naming people: use {choices}.",
                )
            )
    if not style.member_title.strip():
        out.append(
            Problem(
                "style.member_title",
                "The member title cannot be empty: type the title members go by, "
                "such as Councillor or Director.",
            )
        )
    if any(not title.strip() for title in style.signatories):
        out.append(Problem("style.signatories", "A signatory's title cannot be empty."))
    if style.bilingual != "none" and _same_language(style.locale, style.second_locale):
        out.append(
            Problem(
                "style.second_locale",
                "Bilingual minutes need a second language other than the first: "
                "choose the second language.",
            )
        )
    elif style.bilingual == "labels" and not _has_labels(style.second_locale):
        out.append(
            Problem(
                "style.second_locale",
                f"Clerk has no labels in “{style.second_locale}” yet, so the headings would "
                "print in one language: choose Irish, Scottish Gaelic, te reo Māori, "
                "Welsh or English as the second language.",
            )
        )
    out.extend(
        Problem("style.phrases", f"In the style “{style.name}”: {msg}")
        for msg in validate_overrides(style.phrases)
    )
    return out


def _has_labels(locale: str) -> bool:
    """Whether ``locale`` words the labels of bilingual labels (it has a phrase file)."""
    from clerk_app.domain.phrases import own_phrase

    return own_phrase(locale, "attendance.present") is not None


def _same_language(first: str, second: str) -> bool:
    """Whether two locales are one language ("en-GB" and "en_gb"; "" is English)."""

    def tag(locale: str) -> str:
        return (locale or "en-GB").replace("_", "-").casefold()

    return tag(first) == tag(second)


def person_problems(person: Person) -> list[Problem]:
    if not (person.first_name.strip() or person.last_name.strip()):
        return [Problem("last_name", "A person needs a name.")]
    return []


def body_problems(body: Body, *, template: bool = True) -> list[Problem]:
    """The body, its settings and its people (each person once, each with a name)."""
    out: list[Problem] = []
    if not body.name.strip():
        out.append(Problem("name", "Give the body a name."))
    out.extend(p.under("settings") for p in settings_problems(body.settings, template=template))
    seen: dict[str, str] = {}
    for i, person in enumerate(body.people):
        out.extend(p.under(f"people[{i}]") for p in person_problems(person))
        out.extend(_twice(f"people[{i}]", person.id, seen, f"body.people[{i}]"))
    return out


def _twice(field: str, value: str, seen: dict[str, str], place: str) -> list[Problem]:
    """The id ``value`` of the entry at ``place`` if an earlier entry had it (remembering
    it otherwise); ``field`` is where the entry's id is."""
    name = f"{field}.id" if field else "id"
    if not value:
        return [Problem(name, "An id cannot be empty.")]
    if value in seen:
        return [Problem(name, f"The id {value!r} is used twice", f"also by {seen[value]}")]
    seen[value] = place
    return []


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
        found += _twice("", a.id, seen, place)
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
        out += [p.placed(place) for p in item_problems(item) + _twice("", item.id, items, place)]
        for j, block in enumerate(item.blocks):
            at = f"{place}.blocks[{j}]"
            found = _twice("", block.id, blocks, at) + block_problems(block, item, body)
            out += [p.placed(at) for p in found]
        out += [p.placed(f"{place}.blocks[{j}]") for j, p in later_vote_problems(item.blocks)]
    return out
