"""Resolution numbers: apart from minute numbers, running on across a body's meetings,
restarting each year where the pattern has the year, and never changed once given."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from clerk_app.domain.model import BodyKind, Meeting, Motion, MotionKind, Outcome, Vote, VoteKind
from clerk_app.domain.resolutions import next_resolution, validate_resolution_pattern
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError
from clerk_app.storage import Store


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _body(svc: Services, pattern: str = "R{yyyy}-{n:03}") -> str:
    body = svc.create_body("Harbour Board", BodyKind.COMMITTEE, "Port Aldwen Council")
    body.settings.resolution_pattern = pattern
    return svc.save_body(body).id


def _carried(svc: Services, meeting: Meeting, words: str) -> Motion:
    item = svc.add_item(meeting, words.capitalize())
    motion = svc.move_motion(meeting, item.id, mover_id=None, seconder_id=None, clauses=[words])
    svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.UNANIMOUS))
    return motion


def _numbers(svc: Services, meeting_id: str) -> list[str]:
    meeting = svc.get_meeting(meeting_id)  # read back from the database
    return [
        b.resolution_number
        for it in meeting.items
        for b in it.blocks
        if isinstance(b, Motion) and b.resolution_number
    ]


def test_numbers_run_on_across_meetings_and_restart_each_year(svc: Services) -> None:
    body_id = _body(svc)
    first = svc.create_meeting(body_id, date(2026, 2, 3), standard_items=False)
    _carried(svc, first, "the harbour dues rise by two per cent")
    _carried(svc, first, "the slipway be resurfaced")
    second = svc.create_meeting(body_id, date(2026, 3, 3), standard_items=False)
    _carried(svc, second, "the pier lights be replaced")
    next_year = svc.create_meeting(body_id, date(2027, 1, 12), standard_items=False)
    _carried(svc, next_year, "the budget be approved")
    assert _numbers(svc, first.id) == ["R2026-001", "R2026-002"]
    assert _numbers(svc, second.id) == ["R2026-003"]
    assert _numbers(svc, next_year.id) == ["R2027-001"]


def test_only_carried_substantive_motions_take_numbers(svc: Services) -> None:
    body_id = _body(svc)
    meeting = svc.create_meeting(body_id, date(2026, 2, 3), standard_items=False)
    item = svc.add_item(meeting, "Moorings")
    lost = svc.move_motion(
        meeting, item.id, mover_id=None, seconder_id=None, clauses=["the moorings be sold"]
    )
    svc.record_vote(meeting, item.id, lost.id, Vote(VoteKind.COUNTS, 2, 5))
    procedural = svc.move_motion(
        meeting,
        item.id,
        mover_id=None,
        seconder_id=None,
        clauses=["the item be deferred"],
        kind=MotionKind.PROCEDURAL,
    )
    svc.record_vote(meeting, item.id, procedural.id, Vote(VoteKind.UNANIMOUS))
    carried = svc.move_motion(
        meeting, item.id, mover_id=None, seconder_id=None, clauses=["the moorings be let"]
    )
    svc.record_vote(meeting, item.id, carried.id, Vote(VoteKind.COUNTS, 6, 1))
    assert _numbers(svc, meeting.id) == ["R2026-001"]
    saved = svc.get_meeting(meeting.id).find_block(carried.id)
    assert saved is not None and saved[1].resolution_number == "R2026-001"  # type: ignore[attr-defined]


def test_a_form_saving_an_older_copy_keeps_the_number(svc: Services) -> None:
    body_id = _body(svc)
    meeting = svc.create_meeting(body_id, date(2026, 2, 3), standard_items=False)
    item = svc.add_item(meeting, "Moorings")
    motion = svc.move_motion(
        meeting, item.id, mover_id=None, seconder_id=None, clauses=["the moorings be let"]
    )
    older = copy.deepcopy(motion)  # what a form held before the vote
    svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.UNANIMOUS))
    older.clauses = ["the moorings be let for a year"]
    older.vote, older.outcome = motion.vote, motion.outcome
    svc.update_block(meeting, item.id, older)
    assert _numbers(svc, meeting.id) == ["R2026-001"]


def test_a_lost_motion_gives_its_number_back_while_a_draft(svc: Services) -> None:
    body_id = _body(svc)
    meeting = svc.create_meeting(body_id, date(2026, 2, 3), standard_items=False)
    motion = _carried(svc, meeting, "the slipway be resurfaced")
    item_id = meeting.items[0].id
    svc.record_vote(
        meeting, item_id, motion.id, Vote(VoteKind.COUNTS, 1, 6), Outcome.LOST, by_hand=False
    )
    assert _numbers(svc, meeting.id) == []


def test_approved_numbers_never_change(svc: Services) -> None:
    body_id = _body(svc)
    first = svc.create_meeting(body_id, date(2026, 2, 3), standard_items=False)
    _carried(svc, first, "the slipway be resurfaced")
    body = svc.store.get_body(body_id)
    body.settings.resolution_pattern = "HB/{yy}/{n}"  # the body changes its pattern
    svc.save_body(body)
    later = svc.create_meeting(body_id, date(2026, 3, 3), standard_items=False)
    minutes = svc.add_item(later, "Minutes of the previous meeting")
    svc.approve_previous_minutes(later, minutes.id, first.id, "Dana Whitfield")
    _carried(svc, later, "the pier lights be replaced")
    svc.renumber_meeting(later)
    assert svc.get_meeting(first.id).locked
    assert _numbers(svc, first.id) == ["R2026-001"]
    # the approval of the minutes is itself a resolution
    assert _numbers(svc, later.id) == ["HB/26/1", "HB/26/2"]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("R{yyyy}-{q}", "'q', which is not a field"),
        ("R{yyyy}", "needs {n} once"),
        ("R{n}-{n}", "needs {n} once"),
        ("R{n", "unmatched"),
        ("R{n:s}", "cannot be used"),
    ],
)
def test_a_bad_pattern_is_refused_when_saved(svc: Services, pattern: str, words: str) -> None:
    body = svc.store.get_body(_body(svc))
    body.settings.resolution_pattern = pattern
    with pytest.raises(ServiceError) as raised:
        svc.save_body(body)
    assert words in str(raised.value)
    assert svc.store.get_body(body.id).settings.resolution_pattern == "R{yyyy}-{n:03}"


def test_patterns() -> None:
    assert validate_resolution_pattern("") is None
    assert validate_resolution_pattern("CR{yyyy}-{n}") is None
    on = date(2026, 5, 1)
    given = ["R2026-013", "R2025-090", "R2026-009", "X"]
    assert next_resolution("R{yyyy}-{n:03}", 1, on, given) == "R2026-014"
    assert next_resolution("R{n}", 1, on, ["R7", "R12"]) == "R13"  # no year: runs on
    assert next_resolution("R{n}", 50, on, ["R7"]) == "R50"  # the first number set


def test_narrative_minutes_print_the_number_before_the_resolution(
    svc: Services, tmp_path: Path
) -> None:
    import docx

    from clerk_app.domain.document import Version

    meeting = svc.create_meeting(_body(svc), date(2026, 2, 3), standard_items=False)
    _carried(svc, meeting, "the slipway be resurfaced")
    out = tmp_path / "minutes.docx"
    svc.export(svc.get_meeting(meeting.id), out, Version.FULL)
    lines = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    at = lines.index("Resolution R2026-001")
    assert "the slipway be resurfaced" in lines[at + 1]
