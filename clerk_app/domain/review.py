"""The chair's review of draft minutes: one response per resolution or item.

A :class:`ReviewResponse` approves, queries or suggests new wording for a resolution
(a motion block) or an item. Suggestions are kept beside the clerk's text and only
change the minutes when the clerk accepts them. Plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    DataTable,
    Declaration,
    Heading,
    Item,
    Meeting,
    Motion,
    Moving,
    Note,
    Paragraph,
    PlanningApplication,
    Points,
    PublicParticipation,
    Speaker,
    VoteKind,
    VoteTaken,
    new_id,
)


class TargetKind(StrEnum):
    ITEM = "item"
    MOTION = "motion"


class ReviewDecision(StrEnum):
    APPROVE = "approve"
    QUERY = "query"
    SUGGEST = "suggest"


class ResponseStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ResponseSource(StrEnum):
    REVIEW_FILE = "review_file"  # Clerk's own review file, answered in review mode
    WORD = "word"  # a comment in the chair's Word review copy


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class ReviewResponse:
    """The chair's answer on one resolution or item.

    ``target_id`` is the motion block id (``target_kind`` motion) or the item id;
    ``item_id`` is always the item it belongs to. ``block_id`` optionally narrows an
    item suggestion to one paragraph of the minute. ``suggested_clauses`` is new wording
    for a resolution's clauses; ``suggested_text`` new wording for a paragraph.
    """

    target_kind: TargetKind
    target_id: str
    decision: ReviewDecision
    comment: str = ""
    suggested_text: str = ""
    suggested_clauses: list[str] = field(default_factory=list)
    reviewer: str = ""
    at: str = field(default_factory=now_text)
    status: ResponseStatus = ResponseStatus.PENDING
    source: ResponseSource = ResponseSource.REVIEW_FILE
    item_id: str = ""
    block_id: str | None = None
    reason: str = ""  # the clerk's reason when a suggestion is rejected
    id: str = field(default_factory=new_id)

    @property
    def is_suggestion(self) -> bool:
        return self.decision is ReviewDecision.SUGGEST


@dataclass(frozen=True)
class ReviewTarget:
    """Something the chair can respond to, with a label to show beside it."""

    kind: TargetKind
    id: str
    item_id: str
    label: str


def _item_label(item: Item) -> str:
    number = item.minute_number or item.number
    return f"{number} {item.title}".strip()


def review_targets(meeting: Meeting) -> list[ReviewTarget]:
    """Every item, and every resolution (motion) within it, in the order of the minutes."""
    out: list[ReviewTarget] = []
    for item in meeting.items:
        out.append(ReviewTarget(TargetKind.ITEM, item.id, item.id, _item_label(item)))
        count = 0
        for block in item.blocks:
            if isinstance(block, Motion):
                count += 1
                out.append(
                    ReviewTarget(
                        TargetKind.MOTION,
                        block.id,
                        item.id,
                        f"{_item_label(item)} – resolution {count}",
                    )
                )
    return out


def find_target(meeting: Meeting, target_id: str) -> ReviewTarget | None:
    return next((t for t in review_targets(meeting) if t.id == target_id), None)


def clause_lines(text: str) -> list[str]:
    """Suggested clauses typed one per line; blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _speaker_lines(speakers: list[Speaker]) -> list[str]:
    return [
        f"• {s.name or 'unnamed'} ({s.capacity_text or s.capacity.value.replace('_', ' ')}, "
        f"{s.stance.value}){': ' + s.summary if s.summary else ''}"
        for s in speakers
    ]


def describe_structure(block: Block) -> str:
    """A table, public participation or planning application as plain text ("" for
    other blocks)."""
    if isinstance(block, DataTable):
        rows = [block.columns] if block.columns else []
        rows += block.rows
        lines = [block.caption] if block.caption else []
        lines += [" | ".join(r) for r in rows]
        if block.total_column is not None:
            lines.append(f"[total of column {block.total_column + 1}]")
        return "\n".join(lines)
    if isinstance(block, PublicParticipation):
        head = [block.intro] if block.intro else []
        head += [f"Speakers on {block.subject}:" if block.subject else "Speakers:"]
        return "\n".join(head + (_speaker_lines(block.speakers) or ["none"]))
    if isinstance(block, PlanningApplication):
        lines = [f"Application {block.reference} – {block.site}".strip(" –")]
        lines += [
            f"{label}: {value}"
            for label, value in (
                ("Proposal", block.proposal),
                ("Applicant", block.applicant),
                ("Agent", block.agent),
                ("Recommendation", block.recommendation),
            )
            if value
        ]
        lines += _speaker_lines(block.speakers)
        lines.append(f"[{block.decision.value.replace('_', ' ')}]")
        lines += [f"Reasons: {block.reasons}"] if block.reasons else []
        lines += [f"{i}. {c}" for i, c in enumerate(block.conditions, 1)]
        return "\n".join(lines)
    return ""


def describe_vote_taken(block: VoteTaken) -> str:
    """A vote taken after debate, for the chair: which motion, the vote and the outcome
    ("Vote on the motion moved earlier: 6 for, 2 against [carried]")."""
    vote = block.vote
    if vote.kind in (VoteKind.COUNTS, VoteKind.NAMED):
        f, a, ab = vote.counts()
        parts = [f"{f} for" if f is not None else "the rest for", f"{a or 0} against"]
        parts += [f"{ab} abstaining"] if ab else []
        how = ", ".join(parts)
    else:
        how = vote.kind.value.replace("_", " ")
    outcome = block.outcome.value.replace("_", " ")
    detail = f" to {block.outcome_detail}" if block.outcome_detail else ""
    by_hand = " (set by hand)" if block.outcome_by_hand else ""
    return f"Vote on the motion moved earlier: {how} [{outcome}{detail}{by_hand}]"


def describe_block(block: Block) -> str:
    """The block's wording as plain text, for the audit trail and the review lists."""
    if isinstance(block, Motion):
        lines = [block.preamble] if block.preamble else []
        lines += [f"{i}. {c}" for i, c in enumerate(block.clauses, 1)]
        moved = [f"moved: {block.moving.value}"] if block.moving is not Moving.NAMED else []
        moved += [
            f"{w} {t}"
            for w, t in (("by", block.mover_text), ("seconded", block.seconder_text))
            if t
        ]
        if moved:
            lines.append(f"({'; '.join(moved)})")
        outcome = block.outcome.value.replace("_", " ")
        detail = f" to {block.outcome_detail}" if block.outcome_detail else ""
        lines.append(f"[{outcome}{detail}{' (set by hand)' if block.outcome_by_hand else ''}]")
        return "\n".join(lines)
    if isinstance(block, VoteTaken):
        return describe_vote_taken(block)
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Points):
        return "\n".join([block.intro, *(f"• {p}" for p in block.points)]).strip()
    if isinstance(block, Action):
        due = f" by {block.due.isoformat()}" if block.due else ""
        who = block.owner or block.owner_id or "no owner"
        return f"Action: {block.text} ({who}{due}, {block.status.value})"
    if isinstance(block, Note):
        return f"{block.note_kind.value} {block.at or ''} {block.text}".strip()
    if isinstance(block, Declaration):
        if block.nil:
            return "Declarations: none were made"
        at = f" at {block.at.strftime('%H:%M')}" if block.at else ""
        words = [block.interest_type or "an interest"]
        words += [f"in {block.scope}" if block.scope else "", block.reason]
        words.append("" if block.conduct.value == "not_stated" else f"[{block.conduct.value}]")
        return f"Declaration by {block.person_id}{at}: " + " ".join(w for w in words if w)
    if isinstance(block, Heading):
        return f"{'(lettered) ' if block.numbered else ''}{block.text}".strip()
    if isinstance(block, AttendanceChange):
        return f"{block.person_id} {block.change.value} {block.at or ''}".strip()
    return describe_structure(block) or block.KIND
