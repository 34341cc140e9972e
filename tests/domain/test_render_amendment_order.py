"""An amended motion's decision is written after its amendments, as the meeting took them."""

from __future__ import annotations

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    Motion,
    MotionKind,
    Outcome,
    Vote,
    VoteKind,
)
from clerk_app.domain.render import render_minutes

from .test_render_support import item_with, make_body, make_meeting


def _minutes_text(*blocks: Motion) -> str:
    body, _cast = make_body()
    meeting = make_meeting(body, item_with(*blocks))
    return render_minutes(meeting, body, Version.FULL).text


def test_lost_amendment_comes_before_the_decision() -> None:
    motion = Motion(
        mover_id="chair",
        seconder_id="vice",
        clauses=["the lighting plan be adopted"],
        vote=Vote(kind=VoteKind.COUNTS, for_count=6, against_count=2),
        outcome=Outcome.CARRIED,
    )
    amendment = Motion(
        motion_kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
        mover_id="hill",
        seconder_id="moss",
        clauses=["the plan be deferred to March"],
        vote=Vote(kind=VoteKind.COUNTS, for_count=2, against_count=6),
        outcome=Outcome.LOST,
    )
    text = _minutes_text(motion, amendment)
    moved = text.index("the lighting plan be adopted")
    amended = text.index("the plan be deferred to March")
    lost = text.index("the amendment was lost")
    resolved = text.index("RESOLVED")
    assert moved < amended < lost < resolved
    assert "The motion was then put to the vote and" in text
    assert text.count("the lighting plan be adopted") == 2  # as moved, then as resolved


def test_carried_amendment_supersedes_the_original_motion() -> None:
    motion = Motion(
        mover_id="chair",
        seconder_id="vice",
        clauses=["the plan be adopted"],
        outcome=Outcome.PENDING,
    )
    amendment = Motion(
        motion_kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
        mover_id="hill",
        seconder_id="moss",
        clauses=["the plan be adopted from 2027"],
        vote=Vote(kind=VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    substantive = Motion(
        derived_from_id=amendment.id,
        clauses=["the plan be adopted from 2027"],
        vote=Vote(kind=VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    text = _minutes_text(motion, amendment, substantive)
    assert text.count("RESOLVED") == 1
    assert text.index("became the substantive motion") < text.index("RESOLVED")
    assert "The motion was then put to the vote" not in text


def test_unamended_motion_is_unchanged() -> None:
    motion = Motion(
        mover_id="chair",
        seconder_id="vice",
        clauses=["the plan be adopted"],
        vote=Vote(kind=VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    text = _minutes_text(motion)
    assert text.index("It was moved by") < text.index("RESOLVED")
    assert "put to the vote and" not in text


def test_decision_sheet_shows_an_amended_motion_once() -> None:
    motion = Motion(
        mover_id="chair",
        seconder_id="vice",
        clauses=["the lighting plan be adopted"],
        vote=Vote(kind=VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    amendment = Motion(
        motion_kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
        mover_id="hill",
        seconder_id="moss",
        clauses=["the plan be deferred"],
        vote=Vote(kind=VoteKind.COUNTS, for_count=1, against_count=6),
        outcome=Outcome.LOST,
    )
    body, _cast = make_body()
    meeting = make_meeting(body, item_with(motion, amendment))
    text = render_minutes(meeting, body, Version.DECISIONS).text
    assert text.count("the lighting plan be adopted") == 1
    assert "the plan be deferred" not in text
    assert text.index("RESOLVED") < text.index("the lighting plan be adopted")
