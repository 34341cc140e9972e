"""The record: bodies, people, meetings, attendance, items and minute blocks.

Plain dataclasses with no I/O. Every entity carries a stable string id (a UUID hex)
so that a meeting keeps its identity across databases, JSON files and review files.
Times are ``datetime.time`` and dates ``datetime.date``; optional values are ``None``.

The annotations are real types, not strings (no ``from __future__ import annotations``):
reading a meeting back (:mod:`clerk_app.domain.serial`) looks them up without evaluating
a string for every field at start-up.
"""

import os
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from clerk_app.domain.style import MinuteStyle

Date = date  # an alias: inside Meeting the field ``date`` hides the type


def new_id() -> str:
    """A fresh, globally unique id for any entity: a random (version 4) UUID as 32 hex
    digits, made here from the system's random source rather than through ``uuid``,
    whose import costs Clerk's start-up about 4 ms."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    return raw.hex()


# --------------------------------------------------------------------------- enums


class BodyKind(StrEnum):
    COMMITTEE = "committee"
    CABINET = "cabinet"
    FULL_COUNCIL = "full_council"
    PLANNING = "planning"
    PARISH = "parish"
    SCHOOL = "school"
    NHS_BOARD = "nhs_board"
    CHARITY_BOARD = "charity_board"
    CITY_COUNCIL = "city_council"  # a North American city or township council, a commission
    NONPROFIT_BOARD = "nonprofit_board"
    COMPANY_BOARD = "company_board"
    COMMUNITY_COUNCIL = "community_council"  # Scottish or Welsh community council


class PersonKind(StrEnum):
    MEMBER = "member"  # a member of the body (has a Role)
    OFFICER = "officer"  # an officer in attendance (has a post)
    OTHER = "other"  # ward councillors, guests, speakers


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    CO_OPTED = "co_opted"
    RESERVE = "reserve"


class NamingStyle(StrEnum):
    """How members are named in the minutes (Jane Smith, honorific "Mrs")."""

    COUNCILLOR_FULL = "councillor_full"  # Councillor Jane Smith
    COUNCILLOR_SURNAME = "councillor_surname"  # Councillor Mrs Smith
    CLLR_INITIAL = "cllr_initial"  # Cllr Mrs J A Smith (every first-name initial)
    CLLR_SURNAME = "cllr_surname"  # Cllr Smith
    CLLR_HONORIFIC = "cllr_honorific"  # Cllr Mrs Smith
    CLLR_DOT_INITIAL = "cllr_dot_initial"  # Cllr. Mrs J. A. Smith
    CLLR_DOT_SURNAME = "cllr_dot_surname"  # Cllr. Smith
    HONORIFIC = "honorific"  # Mrs Smith
    FULL_NAME = "full_name"  # Jane Smith
    INITIALS = "initials"  # JS
    INITIAL_SURNAME = "initial_surname"  # J. Smith
    SURNAME = "surname"  # Smith
    TITLE_SURNAME = "title_surname"  # the style's member title: Councilor Smith


class NumberingMode(StrEnum):
    MUNICIPAL_YEAR = "municipal_year"  # running number, restarting each municipal year
    CONTINUOUS = "continuous"  # running number continuing across years
    PER_MEETING = "per_meeting"  # 1, 2, 3 … restarting at every meeting


class ExclusionRegime(StrEnum):
    LGA_1972 = "lga_1972"  # s100A(4) and Schedule 12A (principal councils)
    ACT_1960 = "act_1960"  # Public Bodies (Admission to Meetings) Act 1960
    CONFIDENTIAL = "confidential"  # schools, charities: Part B / confidential minutes


class MeetingType(StrEnum):
    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"
    ANNUAL = "annual"
    SPECIAL = "special"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    DRAFT = "draft"
    APPROVED = "approved"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    REMOTE = "remote"  # present remotely
    APOLOGIES = "apologies"
    ABSENT = "absent"  # absent without apologies
    SUBSTITUTE = "substitute"  # attending as substitute for ``substitute_for``
    OFFICER = "officer"  # officer in attendance
    OTHER = "other"  # also present (ward members, guests)


PRESENT_STATUSES = frozenset(
    {AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.SUBSTITUTE}
)


class ItemKind(StrEnum):
    GENERAL = "general"
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    EXCLUSION = "exclusion"  # exclusion of the press and public
    URGENT = "urgent"
    NEXT_MEETING = "next_meeting"
    SECTION_HEADING = "section_heading"  # "Consent agenda": a heading between items, no number


class ItemStatus(StrEnum):
    PENDING = "pending"
    TAKEN = "taken"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"


class PointStyle(StrEnum):
    BULLETS = "bullets"
    LETTERS = "letters"  # (a) (b) (c)
    NUMBERS = "numbers"  # 1. 2. 3.
    ROMAN = "roman"  # i) ii) iii)
    QUESTIONS = "questions"  # Q: … A: … (a question, then its answer, in turn)


class ClauseStyle(StrEnum):
    NUMBERS = "numbers"  # 1. 2.
    LETTERS = "letters"  # (a) (b)
    ROMAN = "roman"  # (i) (ii)
    NONE = "none"  # a single unnumbered clause per line


class ChangeKind(StrEnum):
    ARRIVED = "arrived"
    LEFT = "left"  # left the meeting
    RETURNED = "returned"  # returned to the meeting / the room
    LEFT_ROOM = "left_room"  # left the room for this item


class MotionKind(StrEnum):
    SUBSTANTIVE = "substantive"
    AMENDMENT = "amendment"
    PROCEDURAL = "procedural"


class LeadIn(StrEnum):
    RESOLVED = "resolved"
    RECOMMENDED = "recommended"  # RECOMMENDED to <recommend_to>
    AGREED = "agreed"
    DECISION = "decision"
    NOTED = "noted"
    RECEIVED = "received"  # a report received: "The Board RECEIVED the report"


class VoteKind(StrEnum):
    NONE = "none"  # not yet recorded
    UNANIMOUS = "unanimous"
    COUNTS = "counts"
    NAMED = "named"  # a recorded vote with each member's choice
    CASTING = "casting"  # counts equal, decided by the chair's casting vote
    WITHOUT_VOTE = "without_vote"  # agreed by assent, no vote taken


class VoteChoice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    NOT_VOTING = "not_voting"


class Outcome(StrEnum):
    PENDING = "pending"
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    REFERRED = "referred"  # referred to a committee or an officer (Motion.outcome_detail)
    DEFERRED = "deferred"  # deferred to a later meeting (Motion.outcome_detail)
    NOTED = "noted"
    ON_FILE = "on_file"  # placed on file
    ACCEPTED_AS_AMENDED = "accepted_as_amended"
    ADOPTED = "adopted"
    # a by-law or ordinance: given its first reading only, or all three readings and passed
    READ_FIRST = "read_first"
    READ_AND_PASSED = "read_and_passed"


# outcomes whose motion's words became the decision (printed after the lead-in)
DECIDED = frozenset(
    {Outcome.CARRIED, Outcome.ADOPTED, Outcome.ACCEPTED_AS_AMENDED, Outcome.READ_AND_PASSED}
)


class Moving(StrEnum):
    """How the minutes say a motion was moved."""

    NAMED = "named"  # by the mover and seconder given (members or office-holders)
    UNNAMED = "unnamed"  # "moved and seconded", no names
    CHAIR = "chair"  # moved by the Chair
    FORMAL = "formal"  # formally moved


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    CARRIED_FORWARD = "carried_forward"


class InterestConduct(StrEnum):
    """What a member who declared an interest did while the business was taken."""

    NOT_STATED = "not_stated"
    LEFT_ROOM = "left_room"  # left the room
    NO_VOTE = "no_vote"  # stayed but did not vote
    DISPENSATION = "dispensation"  # spoke under a dispensation
    TOOK_PART = "took_part"  # stayed and took part


class MeetingMode(StrEnum):
    """Where the meeting was held."""

    IN_PERSON = "in_person"  # at the venue
    ONLINE = "online"  # wholly online ("held via Microsoft Teams"), no venue
    HYBRID = "hybrid"  # at the venue and online


class HeldStatus(StrEnum):
    """Whether the meeting took place as called."""

    HELD = "held"
    NOT_HELD = "not_held"  # cancelled or abandoned before any business
    INQUORATE = "inquorate"  # convened but inquorate: no business transacted


class NameArticle(StrEnum):
    """Whether the header sentence puts "the" before the body's name."""

    AUTO = "auto"  # by the name's form: "the Township of …", "the Planning Committee"
    ALWAYS = "always"
    NEVER = "never"


class NoteKind(StrEnum):
    ADJOURNED = "adjourned"
    RESUMED = "resumed"
    TEXT = "text"  # a free procedural note ("Note: …")


class SpeakerCapacity(StrEnum):
    """In what capacity a member of the public (or a visiting councillor) spoke."""

    RESIDENT = "resident"
    APPLICANT = "applicant"
    AGENT = "agent"
    OBJECTOR = "objector"
    SUPPORTER = "supporter"
    WARD_MEMBER = "ward_member"
    PARISH_COUNCIL = "parish_council"
    OTHER = "other"  # Speaker.capacity_text says what


class Stance(StrEnum):
    FOR = "for"
    AGAINST = "against"
    NEUTRAL = "neutral"


class PlanningDecision(StrEnum):
    """What was decided on a planning application: a planning committee's decision, or a
    parish or town council's response as a consultee."""

    PENDING = "pending"
    APPROVE = "approve"
    REFUSE = "refuse"
    MINDED_TO_APPROVE = "minded_to_approve"
    MINDED_TO_REFUSE = "minded_to_refuse"
    DEFER = "defer"
    SITE_VISIT = "site_visit"
    NO_OBJECTION = "no_objection"
    OBJECTION = "objection"
    OBSERVATIONS = "observations"


# decisions that may carry conditions (a consultee may ask for conditions too)
WITH_CONDITIONS = frozenset(
    {
        PlanningDecision.APPROVE,
        PlanningDecision.MINDED_TO_APPROVE,
        PlanningDecision.NO_OBJECTION,
        PlanningDecision.OBSERVATIONS,
    }
)


# --------------------------------------------------------------------------- people


@dataclass
class Person:
    """A member of a body, an officer, or someone else who attends."""

    first_name: str = ""
    last_name: str = ""
    honorific: str = ""  # Mrs, Dr, Mr … kept where the body's style names it
    kind: PersonKind = PersonKind.MEMBER
    role: Role = Role.MEMBER  # meaningful for members
    post: str = ""  # officers' job title, or a note such as "Ward Councillor"
    initials: str = ""  # optional override of the initials used in INITIALS style
    # a title before the name in every naming style, in place of the body's member title:
    # "PCSO", "Borough Councillor", "The Revd"
    title: str = ""
    post_nominals: str = ""  # after the name in every naming style: "MSP", "OBE"
    voting: bool = True  # co-opted members without a vote set this to False
    active: bool = True  # former members stay for old minutes but are not offered
    id: str = field(default_factory=new_id)


# --------------------------------------------------------------------------- body


@dataclass
class NumberingScheme:
    """How minute numbers are formed.

    ``pattern`` is a ``str.format`` pattern with ``n`` (the running number),
    ``yy`` / ``yyyy`` (the year the numbering year starts in) and ``yy2`` (the two-digit
    year it ends in), e.g. ``"{n}"``, ``"PLA{n}/{yy}"``, ``"{yy}/{n:03}"``.
    """

    mode: NumberingMode = NumberingMode.MUNICIPAL_YEAR
    pattern: str = "{n}"
    year_start_month: int = 5  # municipal years start in May
    sub_paragraphs: bool = False  # number paragraphs inside an item 53.1, 53.2
    first_number: int = 1  # where a new run starts


@dataclass
class BodySettings:
    """How a body words and runs its meetings: titles, naming, quorum, voting and house style."""

    chair_title: str = "Chair"  # Chairman / Chair / Chairperson / Mayor / Leader
    vice_chair_title: str = "Vice-Chair"
    naming: NamingStyle = NamingStyle.COUNCILLOR_SURNAME
    numbering: NumberingScheme = field(default_factory=NumberingScheme)
    quorum: int = 3
    # the minutes say "The meeting was quorate." after the attendance
    quorum_statement: bool = False
    name_article: NameArticle = NameArticle.AUTO  # "the" before the name in the header
    interest_types: list[str] = field(
        default_factory=lambda: [
            "disclosable pecuniary interest",
            "other registrable interest",
            "non-registrable interest",
        ]
    )
    lead_in: str = "RESOLVED – That"  # RESOLVED: That / Decision / AGREED …
    seconder_required: bool = False  # the checks ask for a seconder of every moved motion
    clock_24h: bool = False
    exclusion: ExclusionRegime = ExclusionRegime.LGA_1972
    phrases: dict[str, str] = field(default_factory=dict)  # overrides of phrase templates
    template_path: str = ""  # the council's own house-style .docx; "" = Clerk's default
    # days a recording of a meeting is kept after its minutes are approved (0: Clerk offers
    # to delete it as soon as they are)
    recordings_kept_days: int = 0
    standard_items: list[str] = field(
        default_factory=lambda: [
            "Apologies for absence and substitutions",
            "Declarations of interest",
            "Minutes of the previous meeting",
        ]
    )
    # resolution numbers, apart from minute numbers: a pattern like the numbering pattern
    # ("R{yyyy}-{n:03}"), running on across the body's meetings and restarting each
    # calendar year where the pattern has the year; "" gives no resolution numbers
    resolution_pattern: str = ""
    resolution_first: int = 1  # where a new run of resolution numbers starts
    # the style of the minutes: dates, times, vote notation, layout and wording
    style: MinuteStyle = field(default_factory=MinuteStyle)


@dataclass
class Body:
    """A council, committee, board or other body whose meetings are minuted."""

    name: str = ""
    kind: BodyKind = BodyKind.COMMITTEE
    authority: str = ""  # the council or organisation, e.g. "Harrowfield Borough Council"
    settings: BodySettings = field(default_factory=BodySettings)
    people: list[Person] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def person(self, person_id: str | None) -> Person | None:
        for p in self.people:
            if p.id == person_id:
                return p
        return None

    @property
    def members(self) -> list[Person]:
        return [p for p in self.people if p.kind is PersonKind.MEMBER]


# --------------------------------------------------------------------------- blocks


@dataclass
class Block:
    """Base of every minute block; ``KIND`` tags the subclass in storage and JSON."""

    id: str = field(default_factory=new_id, kw_only=True)
    # when the block was begun, as local wall-clock time "YYYY-MM-DDTHH:MM:SS.fff" ("" for
    # none): the bookmark that finds its moment in a recording of the meeting
    heard_at: str = field(default="", kw_only=True)
    # the second-language text of the block's typed fields, by field name (a list field's
    # entries one per line), for bilingual minutes: see clerk_app.domain.translation
    translation: dict[str, str] = field(default_factory=dict, kw_only=True)
    KIND = "block"


@dataclass
class Paragraph(Block):
    """A paragraph of the minutes, as the clerk typed it."""

    text: str = ""
    KIND = "paragraph"


@dataclass
class Points(Block):
    """Points raised in discussion, as a list under an optional opening line."""

    intro: str = ""  # "During discussion the following points were raised:"
    points: list[str] = field(default_factory=list)
    style: PointStyle = PointStyle.BULLETS
    KIND = "points"


@dataclass
class AttendanceChange(Block):
    """A person arriving, leaving or returning during the meeting."""

    person_id: str = ""
    change: ChangeKind = ChangeKind.LEFT
    at: time | None = None
    KIND = "attendance_change"


@dataclass
class Declaration(Block):
    """A member's declaration of interest, or (``nil``) the clerk's explicit nil return
    "No declarations of interest were made."."""

    person_id: str = ""
    interest_type: str = ""  # one of the body's interest types; "" for plain "an interest"
    reason: str = ""  # "as a trustee of …", "because …", or a noun phrase
    conduct: InterestConduct = InterestConduct.NOT_STATED
    scope: str = ""  # "" for the whole item, else e.g. "application 26/0412/FUL"
    at: time | None = None
    nil: bool = False
    KIND = "declaration"

    @property
    def left_room(self) -> bool:
        return not self.nil and self.conduct is InterestConduct.LEFT_ROOM


@dataclass
class Vote:
    """How a vote was taken and, when counted, its figures."""

    kind: VoteKind = VoteKind.NONE
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    named: dict[str, VoteChoice] = field(default_factory=dict)  # person id → choice
    casting_person_id: str | None = None  # who gave the casting vote (the chair)
    casting_choice: VoteChoice | None = None
    # "carried with one against": the rest of the voting members present voted for, and
    # were not counted (``for_count`` stays None; the number comes from the attendance)
    rest_for: bool = False

    def named_tally(self) -> tuple[int, int, int]:
        """For / against / abstentions counted from the named choices (0 each when none)."""
        choices = list(self.named.values())
        return (
            choices.count(VoteChoice.FOR),
            choices.count(VoteChoice.AGAINST),
            choices.count(VoteChoice.ABSTAIN),
        )

    def counts(self) -> tuple[int | None, int | None, int | None]:
        """For / against / abstentions: the typed counts, else counted from the named vote.

        The named vote is used only when neither the for nor the against count was typed;
        a typed number of abstentions is kept even then. ``None`` means "not given"."""
        f, a, ab = self.for_count, self.against_count, self.abstain_count
        if self.named and f is None and a is None:
            f, a, named_ab = self.named_tally()
            if ab is None:
                ab = named_ab
        return f, a, ab

    def result(self) -> Outcome:
        """What the numbers say: carried or lost, or PENDING when they do not decide it.

        Unanimous and without a vote: carried. A casting vote: carried if the casting
        choice was for, otherwise lost. Counts or a named vote: carried if more voted for
        than against, lost if more voted against, PENDING when equal."""
        if self.kind in (VoteKind.UNANIMOUS, VoteKind.WITHOUT_VOTE):
            return Outcome.CARRIED
        if self.kind is VoteKind.CASTING:
            return Outcome.CARRIED if self.casting_choice is VoteChoice.FOR else Outcome.LOST
        if self.kind in (VoteKind.COUNTS, VoteKind.NAMED):
            f, a, _ = self.counts()
            if self.rest_for and f is None:
                return Outcome.CARRIED  # the rest, the many, voted for
            f, a = f or 0, a or 0
            if f > a:
                return Outcome.CARRIED
            if a > f:
                return Outcome.LOST
        return Outcome.PENDING

    def rest_count(self, voting_present: int) -> int:
        """For a vote where "the rest voted for": how many that was, from the number of
        voting members present (never below none)."""
        return max(0, voting_present - (self.against_count or 0) - (self.abstain_count or 0))


@dataclass
class Motion(Block):
    """A motion or amendment: its wording, mover, seconder, vote and outcome."""

    motion_kind: MotionKind = MotionKind.SUBSTANTIVE
    amends_id: str | None = None  # for an amendment: the motion block it amends
    derived_from_id: str | None = None  # substantive motion produced by a carried amendment
    mover_id: str | None = None
    seconder_id: str | None = None
    moving: Moving = Moving.NAMED
    mover_text: str = ""  # an office-holder who is not a member: "the Mayor", "our Secretary"
    seconder_text: str = ""
    preamble: str = ""  # "That the Committee:" or the text before the clauses
    clauses: list[str] = field(default_factory=list)
    clause_style: ClauseStyle = ClauseStyle.NUMBERS
    lead_in: LeadIn = LeadIn.RESOLVED
    recommend_to: str = ""  # "Council", for RECOMMENDED
    rule: str = ""  # procedure rule for a procedural motion, e.g. "Council Procedure Rule 13.2(h)"
    vote: Vote = field(default_factory=Vote)
    outcome: Outcome = Outcome.PENDING
    outcome_by_hand: bool = False  # the clerk chose the outcome; else it follows the vote
    outcome_detail: str = ""  # referred to whom, deferred to when
    # the resolution number ("R2026-014") from the body's resolution pattern: given once
    # the motion is decided and never changed after ("" for none)
    resolution_number: str = ""
    KIND = "motion"

    @property
    def decided(self) -> bool:
        """The motion's words became the decision (carried, adopted, accepted as amended)."""
        return self.outcome in DECIDED


@dataclass
class VoteTaken(Block):
    """The vote on a motion or amendment of the same item that was moved earlier, taken
    here after debate (further paragraphs, amendments moved and voted in turn).

    The vote and outcome follow the same rules as a motion's own vote; the motion it
    names keeps no vote of its own, and its outcome is this vote's (the services keep
    the two equal, so every reader of ``Motion.outcome`` sees the result)."""

    motion_id: str = ""
    vote: Vote = field(default_factory=Vote)
    outcome: Outcome = Outcome.PENDING
    outcome_by_hand: bool = False  # the clerk chose the outcome; else it follows the vote
    outcome_detail: str = ""  # referred to whom, deferred to when
    KIND = "vote"


@dataclass
class Action(Block):
    """Something to be done: by whom and by when."""

    text: str = ""
    owner: str = ""  # who: free text (a post or a name) …
    owner_id: str | None = None  # … or a person of the body
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    KIND = "action"


@dataclass
class Note(Block):
    """A note in the meeting's course: an adjournment, a time, or the clerk's own text."""

    note_kind: NoteKind = NoteKind.TEXT
    at: time | None = None
    text: str = ""  # reason for adjournment, or the note itself
    KIND = "note"


@dataclass
class Heading(Block):
    """A heading inside an item: a lettered sub-item ("(a) Grass cutting contract", with
    its own text after it) or an unnumbered sub-heading ("Clerk's report")."""

    text: str = ""
    numbered: bool = False  # lettered (a), (b) … in order among the item's numbered headings
    KIND = "heading"


@dataclass
class DataTable(Block):
    """A table in the minutes: a schedule of payments, bank balances, a list of grants.

    ``columns`` are the headings ("" cells allowed); each row has at most as many cells.
    ``money_columns`` (0-based) are right-aligned; ``total_column``, one of them, is
    totalled in a last row."""

    caption: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    money_columns: list[int] = field(default_factory=list)
    total_column: int | None = None
    KIND = "table"


@dataclass
class Speaker:
    """One person who addressed the meeting: who, in what capacity, for or against, and
    the clerk's summary of what they said."""

    name: str = ""
    capacity: SpeakerCapacity = SpeakerCapacity.RESIDENT
    capacity_text: str = ""  # "on behalf of the Village Society": for OTHER, or in its place
    stance: Stance = Stance.NEUTRAL
    summary: str = ""


@dataclass
class PublicParticipation(Block):
    """Members of the public (and others) who spoke; none listed is the nil return."""

    intro: str = ""  # "Standing orders were suspended to allow public participation."
    subject: str = ""  # what they spoke for or against: "the proposed speed limit"
    speakers: list[Speaker] = field(default_factory=list)
    KIND = "public_participation"


@dataclass
class PlanningApplication(Block):
    """One planning application: what it is, who spoke, and the decision (a committee
    deciding it, or a council responding as consultee) with reasons and conditions."""

    reference: str = ""  # "26/00412/FUL"
    site: str = ""  # the site address
    applicant: str = ""
    agent: str = ""
    proposal: str = ""
    recommendation: str = ""  # the officer's recommendation
    speakers: list[Speaker] = field(default_factory=list)
    decision: PlanningDecision = PlanningDecision.PENDING
    reasons: str = ""  # reasons, comments or observations; one per line for a numbered list
    conditions: list[str] = field(default_factory=list)
    KIND = "planning_application"


BLOCK_TYPES: dict[str, type[Block]] = {
    cls.KIND: cls
    for cls in (
        Paragraph,
        Points,
        AttendanceChange,
        Declaration,
        Motion,
        Action,
        Note,
        Heading,
        DataTable,
        PublicParticipation,
        PlanningApplication,
        VoteTaken,
    )
}

PERSON_FIELDS = ("person_id", "mover_id", "seconder_id", "owner_id")  # on the blocks


def person_references(block: Block) -> list[tuple[str, str]]:
    """Every person ``block`` names, as (where, person id): its own person fields, and a
    motion's named vote ("vote.named") and casting vote ("vote.casting_person_id")."""
    refs = [(name, value) for name in PERSON_FIELDS if (value := getattr(block, name, None))]
    if isinstance(block, Motion | VoteTaken):
        refs.extend(("vote.named", pid) for pid in block.vote.named)
        if block.vote.casting_person_id:
            refs.append(("vote.casting_person_id", block.vote.casting_person_id))
    return refs


# --------------------------------------------------------------------------- meeting


@dataclass
class Attendance:
    """One person's attendance: present, apologies, absent, and how they attended."""

    person_id: str
    status: AttendanceStatus = AttendanceStatus.PRESENT
    reason: str = ""  # apologies: the reason given
    substitute_for: str | None = None  # person id of the member substituted
    note: str = ""  # "via Teams", "from minute 20/069"
    # the second-language text of the reason and the note, for bilingual minutes
    translation: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


@dataclass
class Item:
    """An agenda item and everything minuted under it."""

    title: str = ""
    number: str = ""  # the agenda item number
    minute_number: str = ""  # the minute number; may differ from the item number
    kind: ItemKind = ItemKind.GENERAL
    purpose: str = ""
    report_author: str = ""
    report_ref: str = ""
    part: int = 1  # 1 = public, 2 = exempt / confidential
    exempt_paragraph: str = ""  # Schedule 12A paragraph(s), e.g. "3"
    # what the public may read about a Part 2 item, kept apart from its exempt text: the
    # public minutes print these (and who moved, seconded and the outcome), never the rest
    public_heading: str = ""  # set to the title when the item becomes Part 2
    public_summary: str = ""  # the clerk's words for the public, "" for none
    status: ItemStatus = ItemStatus.PENDING
    blocks: list[Block] = field(default_factory=list)
    # the second-language text of the title, purpose and public parts, by field name
    translation: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    @property
    def exempt(self) -> bool:
        return self.part == 2


@dataclass
class Approval:
    """How and when the minutes were approved as a correct record."""

    approved_on: date
    signed_by: str  # name of the person presiding who signed
    at_meeting_id: str | None = None  # the meeting that approved them
    corrections: str = ""  # corrections made on approval, if any


@dataclass
class Meeting:
    """One meeting of a body: its details, attendance and items."""

    body_id: str
    date: date
    meeting_type: MeetingType = MeetingType.ORDINARY
    venue: str = ""
    start_time: time | None = None
    end_time: time | None = None
    status: MeetingStatus = MeetingStatus.PLANNED
    reference: str = ""  # document reference, e.g. "MPC(26)M04"
    public_count: int | None = None
    mode: MeetingMode = MeetingMode.IN_PERSON
    platform: str = ""  # "Microsoft Teams", for an online or hybrid meeting
    presiding_id: str | None = None  # who presided, when not the chair ("in the Chair")
    minute_taker_id: str | None = None  # the clerk or minute-taker (a person of the body)
    held: HeldStatus = HeldStatus.HELD
    next_date: Date | None = None  # the date, time and place of the next meeting
    next_time: time | None = None
    next_venue: str = ""
    after_signature: str = ""  # text printed after the signature block
    # the second-language text of the venue, platform, next venue and text after the
    # signature, by field name, for bilingual minutes: see clerk_app.domain.translation
    translation: dict[str, str] = field(default_factory=dict)
    attendance: list[Attendance] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    approval: Approval | None = None
    circulated_on: Date | None = None  # when the draft was first circulated (audit from then)
    first_minute: int = 1  # the running number of this meeting's first minute
    revision: int = 0  # bumped by the store on every saved change
    id: str = field(default_factory=new_id)

    def item(self, item_id: str) -> Item | None:
        for it in self.items:
            if it.id == item_id:
                return it
        return None

    def find_block(self, block_id: str) -> tuple[Item, Block] | None:
        for it in self.items:
            for b in it.blocks:
                if b.id == block_id:
                    return it, b
        return None

    def attendance_of(self, person_id: str) -> Attendance | None:
        for a in self.attendance:
            if a.person_id == person_id:
                return a
        return None

    @property
    def locked(self) -> bool:
        return self.status is MeetingStatus.APPROVED
