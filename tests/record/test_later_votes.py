"""Votes taken after debate: a motion and its amendments moved, debated, then voted on in
turn, each vote printed where it was taken; the rules that keep one vote to a motion."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    Body,
    Meeting,
    Motion,
    MotionKind,
    Outcome,
    Paragraph,
    Vote,
    VoteKind,
    VoteTaken,
)
from clerk_app.domain.serial import block_from_dict, to_dict
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError
from clerk_app.services.rules import record_problems
from tests.services.conftest import pid


def _taxi(meeting: Meeting) -> str:
    return next(it.id for it in meeting.items if it.title == "Taxi licensing policy")


LOST_3_5 = Vote(VoteKind.COUNTS, for_count=3, against_count=5)
CARRIED_6_2 = Vote(VoteKind.COUNTS, for_count=6, against_count=2)


def _debate(svc: Services, meeting: Meeting, body: Body) -> tuple[str, Motion, Motion, Motion]:
    """A motion, then two amendments moved with debate between, none yet voted on."""
    item = _taxi(meeting)
    motion = svc.move_motion(
        meeting,
        item,
        mover_id=pid(body, "Winter"),
        seconder_id=pid(body, "Ashdown"),
        clauses=["the draft taxi licensing policy be approved"],
    )
    svc.add_block(meeting, item, Paragraph(text="Members discussed the age limit for vehicles."))
    first = svc.move_motion(
        meeting,
        item,
        mover_id=pid(body, "Mbeki"),
        seconder_id=pid(body, "Patel"),
        clauses=["the draft policy be approved with a vehicle age limit of ten years"],
        kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
    )
    second = svc.move_motion(
        meeting,
        item,
        mover_id=pid(body, "Rhys"),
        seconder_id=pid(body, "Patel"),
        clauses=["consultation on the draft policy be extended by four weeks"],
        kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
    )
    svc.add_block(meeting, item, Paragraph(text="The Licensing Manager answered questions."))
    return item, motion, first, second


def test_two_amendments_moved_then_voted_in_turn_read_back_from_the_docx(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    item, motion, first, second = _debate(svc, meeting, body)
    svc.record_vote_later(meeting, item, first.id, LOST_3_5)
    svc.record_vote_later(meeting, item, second.id, Vote(VoteKind.COUNTS, 2, 6, 1))
    svc.record_vote_later(meeting, item, motion.id, Vote(VoteKind.UNANIMOUS))

    again = svc.get_meeting(meeting.id)
    saved = next(b for b in again.item(item).blocks if b.id == motion.id)
    assert isinstance(saved, Motion) and saved.outcome is Outcome.CARRIED
    assert saved.vote.kind is VoteKind.NONE  # the vote is the separate block's
    path = svc.export(again, tmp_path / "m.docx", Version.FULL)
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    start = next(i for i, t in enumerate(text) if t.startswith("It was moved by"))
    assert text[start : start + 10] == [
        "It was moved by Councillor Mrs Winter, seconded by Councillor Ashdown, that the draft "
        "taxi licensing policy be approved.",
        "Members discussed the age limit for vehicles.",
        "Councillor Mbeki moved, seconded by Councillor Patel, an amendment that the draft "
        "policy be approved with a vehicle age limit of ten years.",
        "Councillor Dr Rhys moved, seconded by Councillor Patel, an amendment that consultation "
        "on the draft policy be extended by four weeks.",
        "The Licensing Manager answered questions.",
        "The amendment was put to the vote and was LOST by five votes to three.",
        "The amendment was put to the vote and was LOST by six votes to two, with one abstention.",
        "The substantive motion was then put to the vote and it was",
        "RESOLVED – That the draft taxi licensing policy be approved.",
        "Carried unanimously.",
    ]


def test_a_carried_amendment_voted_later_becomes_the_substantive_motion_after_its_vote(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    item, _motion, first, second = _debate(svc, meeting, body)
    vote = svc.record_vote_later(meeting, item, first.id, CARRIED_6_2)
    blocks = meeting.item(item).blocks
    made = blocks[blocks.index(vote) + 1]
    assert isinstance(made, Motion) and made.derived_from_id == first.id
    svc.record_vote_later(meeting, item, second.id, LOST_3_5)
    svc.record_vote_later(meeting, item, made.id, CARRIED_6_2)
    path = svc.export(svc.get_meeting(meeting.id), tmp_path / "m.docx", Version.FULL)
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    at = text.index(
        "The amendment was put to the vote and was CARRIED by six votes to two, and became "
        "the substantive motion."
    )
    assert text[at + 1 : at + 6] == [
        "The substantive motion, as amended, was that the draft policy be approved with a "
        "vehicle age limit of ten years.",
        "The amendment was put to the vote and was LOST by five votes to three.",
        "The substantive motion was then put to the vote and it was",
        "RESOLVED – That the draft policy be approved with a vehicle age limit of ten years.",
        "Carried by six votes to two.",
    ]
    # the original motion, superseded, is never put to the vote
    assert not any("licensing policy be approved" in t and "RESOLVED" in t for t in text)


def test_a_motion_has_one_vote_on_a_motion_of_its_own_item_taken_after_it(
    svc: Services, meeting: Meeting, body: Body
) -> None:
    item, motion, first, _second = _debate(svc, meeting, body)
    other = meeting.items[-1].id
    with pytest.raises(ServiceError, match="same item"):
        svc.record_vote_later(meeting, other, motion.id, LOST_3_5)
    with pytest.raises(ServiceError, match="after the motion"):
        svc.record_vote_later(meeting, item, first.id, LOST_3_5, index=0)
    with pytest.raises(ServiceError, match="Choose the motion or amendment"):
        svc.add_block(meeting, item, VoteTaken(vote=LOST_3_5))
    svc.record_vote_later(meeting, item, first.id, LOST_3_5)
    with pytest.raises(ServiceError, match="voted on already"):
        svc.record_vote_later(meeting, item, first.id, CARRIED_6_2)
    with pytest.raises(ServiceError, match="separate vote"):
        svc.record_vote(meeting, item, first.id, CARRIED_6_2)
    svc.record_vote(meeting, item, motion.id, CARRIED_6_2)  # its own vote …
    with pytest.raises(ServiceError, match="recorded with it"):
        svc.record_vote_later(meeting, item, motion.id, CARRIED_6_2)  # … then a second
    blocks = meeting.item(item).blocks
    vote = next(b for b in blocks if isinstance(b, VoteTaken))
    with pytest.raises(ServiceError, match="after the motion"):
        svc.move_block(meeting, item, vote.id, 0)
    with pytest.raises(ServiceError, match="delete that vote first"):
        svc.delete_block(meeting, item, first.id)
    # taking the vote away leaves the amendment undecided again, in the store too
    svc.delete_block(meeting, item, vote.id)
    saved = svc.get_meeting(meeting.id).find_block(first.id)
    assert saved is not None and isinstance(saved[1], Motion)
    assert saved[1].outcome is Outcome.PENDING
    assert len(svc.get_meeting(meeting.id).item(item).blocks) == len(blocks)


def test_the_json_round_trip_and_the_files_rules(
    svc: Services, meeting: Meeting, body: Body
) -> None:
    from clerk_app.services.interchange import meeting_to_json, parse_meeting_json

    item, _motion, first, _second = _debate(svc, meeting, body)
    vote = svc.record_vote_later(
        meeting,
        item,
        first.id,
        Vote(VoteKind.NAMED, named={pid(body, "Patel"): "for"}),  # type: ignore[dict-item]
    )
    assert block_from_dict(to_dict(vote)) == vote
    data = meeting_to_json(svc.get_meeting(meeting.id), body)
    body2, meeting2 = parse_meeting_json(data)
    found = meeting2.find_block(vote.id)
    assert found is not None and found[1] == vote
    assert record_problems(body2, meeting2) == []
    # a file can say no more than the window: a vote before its motion, and an outcome
    # that is not the vote's, are refused with their place in the file
    where = meeting2.items.index(found[0])
    blocks = found[0].blocks
    moved = blocks.pop(blocks.index(vote))
    blocks.insert(0, moved)
    first2 = next(b for b in blocks if b.id == first.id)
    assert isinstance(first2, Motion)
    first2.outcome = Outcome.LOST
    problems = record_problems(body2, meeting2)
    assert any(
        p.startswith(f"meeting.items[{where}].blocks[0].motion_id: A vote comes after")
        for p in problems
    )
    assert any("has the outcome of that vote" in p for p in problems)


def test_a_motion_voted_later_is_on_the_decision_sheet_once(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    item, motion, first, second = _debate(svc, meeting, body)
    svc.record_vote_later(meeting, item, first.id, LOST_3_5)
    svc.record_vote_later(meeting, item, second.id, LOST_3_5)
    svc.record_vote_later(meeting, item, motion.id, CARRIED_6_2)
    path = svc.export_decision_sheet(svc.get_meeting(meeting.id), tmp_path / "d.docx")
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert text.count("RESOLVED – That the draft taxi licensing policy be approved.") == 1
    assert not any("amendment" in t for t in text)


def test_by_law_readings_are_worded_as_minuted(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    item = _taxi(meeting)
    first = svc.move_motion(
        meeting, item, mover_id=pid(body, "Winter"), seconder_id=None, clauses=["By-law 26-04"]
    )
    svc.record_vote(meeting, item, first.id, Vote(VoteKind.NONE), Outcome.READ_FIRST)
    passed = svc.move_motion(
        meeting, item, mover_id=pid(body, "Patel"), seconder_id=None, clauses=["By-law 26-03"]
    )
    svc.record_vote_later(meeting, item, passed.id, CARRIED_6_2, Outcome.READ_AND_PASSED)
    again = svc.get_meeting(meeting.id)
    saved = again.find_block(passed.id)
    assert saved is not None and isinstance(saved[1], Motion) and saved[1].decided
    path = svc.export(again, tmp_path / "m.docx", Version.FULL)
    text = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert "The by-law was read a first time." in text
    assert (
        "The by-law was read a first, second and third time and passed by six votes to two." in text
    )


def test_the_checks_and_the_review_text_see_a_vote_taken_later(
    svc: Services, meeting: Meeting, body: Body
) -> None:
    from clerk_app.domain.checks import check_meeting
    from clerk_app.domain.review import describe_block

    item, motion, _first, _second = _debate(svc, meeting, body)
    vote = svc.record_vote_later(meeting, item, motion.id, Vote(VoteKind.COUNTS, 40, 2))
    issues = [i for i in check_meeting(meeting, body) if i.block_id == vote.id]
    assert any(i.message.startswith("42 votes recorded but only 5") for i in issues)
    assert describe_block(vote) == "Vote on the motion moved earlier: 40 for, 2 against [carried]"


def test_a_recorded_vote_taken_later_gives_its_totals_once(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    """After the table of a recorded vote, the line says what happened, not the figures
    the table has just given, as after a motion's own recorded vote."""
    item, motion, first, second = _debate(svc, meeting, body)
    ayes = {pid(body, "Patel"): "for", pid(body, "Mbeki"): "for"}
    noes = {pid(body, n): "against" for n in ("Winter", "Ashdown", "Rhys")}
    svc.record_vote_later(meeting, item, first.id, Vote(VoteKind.NAMED, named=ayes | noes))  # type: ignore[arg-type]
    svc.record_vote_later(meeting, item, second.id, LOST_3_5)
    flipped = {k: "against" for k in ayes} | {k: "for" for k in noes}
    svc.record_vote_later(meeting, item, motion.id, Vote(VoteKind.NAMED, named=flipped))  # type: ignore[arg-type]
    path = svc.export(svc.get_meeting(meeting.id), tmp_path / "m.docx", Version.FULL)
    document = docx.Document(str(path))
    totals = [[row.cells[0].text, row.cells[2].text] for row in document.tables[0].rows]
    assert totals[1:3] == [["For", "2"], ["Against", "3"]]
    text = [p.text for p in document.paragraphs if p.text.strip()]
    at = text.index("The Licensing Manager answered questions.")
    assert text[at + 1 : at + 8] == [
        "Recorded vote",
        "The amendment was put to the vote and was LOST.",
        # no table for a vote by show of hands: its figures are given here
        "The amendment was put to the vote and was LOST by five votes to three.",
        "The substantive motion was then put to the vote and it was",
        "RESOLVED – That the draft taxi licensing policy be approved.",
        "Recorded vote",
        "Carried by three votes to two.",
    ]
