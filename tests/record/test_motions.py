"""Votes and motions as real minutes record them: how a motion was moved, more
outcomes, an outcome that follows the vote, and wording that never dangles."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.checks import check_meeting
from clerk_app.domain.document import CharStyle, Para, Version
from clerk_app.domain.model import (
    Body,
    LeadIn,
    Meeting,
    Motion,
    MotionKind,
    Moving,
    Outcome,
    Vote,
    VoteKind,
)
from clerk_app.domain.render import RenderContext, render_block, render_minutes
from clerk_app.domain.review import describe_block
from clerk_app.domain.serial import block_from_dict
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError
from tests.domain.test_render_support import item_with, make_body, make_meeting, rendered, texts


def _m(**kw: object) -> Motion:
    base: dict[str, object] = {"mover_id": "chair", "seconder_id": "vice"}
    base.update(kw)
    return Motion(**base)  # type: ignore[arg-type]


# ----------------------------------------------------------------- how it was moved


@pytest.mark.parametrize(
    ("kw", "want"),
    [
        (
            {"moving": Moving.UNNAMED, "mover_id": None, "seconder_id": None},
            "It was moved and seconded that the hall hire charges be frozen.",
        ),
        (
            {"moving": Moving.CHAIR, "mover_id": None, "seconder_id": None},
            "It was moved by the Chair that the hall hire charges be frozen.",
        ),
        (
            {"moving": Moving.FORMAL, "mover_id": None, "seconder_id": None},
            "It was formally moved that the hall hire charges be frozen.",
        ),
        (
            {"seconder_id": None},
            "It was moved by Councillor Mrs Okafor that the hall hire charges be frozen.",
        ),
        (
            {"mover_id": None, "mover_text": "the Mayor", "seconder_text": "", "seconder_id": None},
            "It was moved by the Mayor that the hall hire charges be frozen.",
        ),
        (
            {
                "mover_id": None,
                "mover_text": "the Mayor",
                "seconder_id": None,
                "seconder_text": "our Secretary",
            },
            "It was moved by the Mayor, seconded by our Secretary, that the hall hire "
            "charges be frozen.",
        ),
    ],
)
def test_how_a_motion_was_moved(kw: dict[str, object], want: str) -> None:
    body, _ = make_body()
    m = _m(clauses=["the hall hire charges be frozen"], **kw)
    assert texts(rendered(m, body))[0] == want


def test_carried_moved_and_seconded_without_names() -> None:
    body, _ = make_body()
    m = _m(
        moving=Moving.UNNAMED,
        mover_id=None,
        seconder_id=None,
        clauses=["the report be noted"],
        vote=Vote(VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    assert texts(rendered(m, body))[:2] == [
        "It was moved, seconded and",
        "RESOLVED – That the report be noted.",
    ]


def test_an_office_holder_is_no_person_and_a_mover_is_named_once(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    item = meeting.items[0]
    m = svc.add_block(meeting, item.id, Motion(mover_text="the Mayor", clauses=["x"]))
    again = svc.get_meeting(meeting.id).find_block(m.id)
    assert again is not None and again[1].mover_text == "the Mayor"  # type: ignore[attr-defined]
    assert again[1].mover_id is None  # type: ignore[attr-defined]
    member = body.members[0].id
    with pytest.raises(ServiceError, match="once"):
        svc.add_block(meeting, item.id, Motion(mover_id=member, mover_text="the Mayor"))
    with pytest.raises(ServiceError, match="names no one"):
        svc.add_block(meeting, item.id, Motion(moving=Moving.UNNAMED, mover_id=member))


def test_a_seconder_is_asked_for_only_where_the_body_needs_one() -> None:
    body, _ = make_body()
    m = _m(seconder_id=None, clauses=["x"])
    meeting = make_meeting(body, item_with(m))
    assert not [i for i in check_meeting(meeting, body) if "seconder" in i.message]
    body.settings.seconder_required = True
    assert [i for i in check_meeting(meeting, body) if "seconder" in i.message]


# ----------------------------------------------------------------- outcomes


@pytest.mark.parametrize(
    ("outcome", "detail", "want"),
    [
        (Outcome.REFERRED, "the Finance Group", "The motion was referred to the Finance Group."),
        (Outcome.REFERRED, "", "The motion was referred for further consideration."),
        (Outcome.DEFERRED, "May", "Consideration of the motion was deferred to May."),
        (Outcome.NOTED, "", "The motion was noted."),
        (Outcome.ON_FILE, "", "The motion was placed on file."),
    ],
)  # fmt: skip
def test_outcomes_beyond_carried_and_lost(outcome: Outcome, detail: str, want: str) -> None:
    body, _ = make_body()
    m = _m(clauses=["the letter be answered"], outcome=outcome, outcome_detail=detail)
    out = texts(rendered(m, body))
    assert out[-1] == want
    assert not any(t.startswith("RESOLVED") for t in out)  # not a decision


@pytest.mark.parametrize("outcome", [Outcome.ADOPTED, Outcome.ACCEPTED_AS_AMENDED])
def test_adopted_and_accepted_as_amended_are_decisions(outcome: Outcome) -> None:
    body, _ = make_body()
    m = _m(clauses=["the budget be set"], vote=Vote(VoteKind.UNANIMOUS), outcome=outcome)
    out = texts(rendered(m, body))
    assert out[1] == "RESOLVED – That the budget be set."
    words = outcome.value.replace("_", " ")
    assert out[2] == f"The motion was {words} unanimously."


def test_the_outcome_follows_the_vote_until_set_by_hand(svc: Services, meeting: Meeting) -> None:
    item = meeting.items[0]
    m = svc.move_motion(meeting, item.id, mover_id=None, seconder_id=None, clauses=["x"])
    svc.record_vote(meeting, item.id, m.id, Vote(VoteKind.COUNTS, 0, 1, 0), None)
    assert (m.outcome, m.outcome_by_hand) == (Outcome.LOST, False)
    svc.record_vote(meeting, item.id, m.id, Vote(VoteKind.COUNTS, 5, 1, 0), None)
    assert (m.outcome, m.outcome_by_hand) == (Outcome.CARRIED, False)
    svc.record_vote(
        meeting, item.id, m.id, Vote(VoteKind.COUNTS, 5, 1, 0), Outcome.REFERRED,
        by_hand=True, detail="the Clerk",
    )  # fmt: skip
    again = svc.get_meeting(meeting.id).find_block(m.id)
    assert again is not None
    saved = again[1]
    assert isinstance(saved, Motion)
    assert (saved.outcome, saved.outcome_by_hand, saved.outcome_detail) == (
        Outcome.REFERRED,
        True,
        "the Clerk",
    )
    assert "[referred to the Clerk (set by hand)]" in describe_block(saved)


def test_an_older_motion_keeps_an_outcome_its_vote_does_not_give() -> None:
    """Written before the outcome followed the vote: the clerk's choice is kept as such."""
    data = {"kind": "motion", "id": "m1", "outcome": "withdrawn",
            "vote": {"kind": "counts", "for_count": 5, "against_count": 1}}  # fmt: skip
    old = block_from_dict(data)
    assert isinstance(old, Motion) and old.outcome_by_hand
    data["outcome"] = "carried"
    old = block_from_dict(data)
    assert isinstance(old, Motion) and not old.outcome_by_hand


# ----------------------------------------------------------------- the vote's words


def test_zero_is_never_none_votes() -> None:
    body, _ = make_body()
    m = _m(clauses=["x"], vote=Vote(VoteKind.COUNTS, 5, 0, 0), outcome=Outcome.CARRIED)
    assert texts(rendered(m, body))[-1] == "Carried by five votes to none."
    m = _m(clauses=["x"], vote=Vote(VoteKind.COUNTS, 0, 0, 0), outcome=Outcome.LOST)
    last = texts(rendered(m, body))[-1]
    assert "none votes" not in last and "none voting for and none against" in last
    # lost by hand against the counts: the figures, never "lost by one vote to five"
    m = _m(clauses=["x"], vote=Vote(VoteKind.COUNTS, 5, 1, 0), outcome=Outcome.LOST)
    last = texts(rendered(m, body))[-1]
    assert "one vote to five" not in last and "five voting for and one against" in last


def test_no_abstentions_as_the_body_says() -> None:
    body, _ = make_body()
    body.settings.phrases["vote.frag.abstentions_none"] = "with no abstentions"
    m = _m(clauses=["x"], vote=Vote(VoteKind.COUNTS, 5, 1, 0), outcome=Outcome.CARRIED)
    assert texts(rendered(m, body))[-1] == "Carried by five votes to one, with no abstentions."


def test_carried_with_one_against_the_rest_not_counted() -> None:
    body, _ = make_body()
    vote = Vote(VoteKind.COUNTS, None, 1, None, rest_for=True)
    assert vote.result() is Outcome.CARRIED
    m = _m(clauses=["x"], vote=vote, outcome=Outcome.CARRIED)
    meeting = make_meeting(body, item_with(m))
    # nobody recorded present: the number of the rest cannot be known
    meeting.attendance = []
    ctx = RenderContext.for_item(meeting, body, meeting.items[0])
    assert texts(render_block(m, ctx))[-1] == (
        "Carried with one against, the rest of those present voting for."
    )
    # an against count alone raises no false error
    issues = [i.message for i in check_meeting(meeting, body)]
    assert not [i for i in issues if "carried but" in i], issues
    assert vote.rest_count(5) == 4


# ----------------------------------------------------------------- wording


def test_no_dangling_that_when_there_are_no_words_yet() -> None:
    body, _ = make_body()
    assert texts(rendered(_m(), body)) == [
        "It was moved by Councillor Mrs Okafor, seconded by Councillor Pryce."
    ]
    amend = _m(motion_kind=MotionKind.AMENDMENT, amends_id="none")
    first = texts(rendered(amend, body))[0]
    assert not first.endswith("that") and not first.endswith("that.")
    assert first == "Councillor Mrs Okafor moved, seconded by Councillor Pryce, an amendment."


def test_a_quoted_motion_is_not_that_that() -> None:
    body, _ = make_body()
    m = _m(clauses=["“That the Council adopts the footpath plan.”"])
    text = texts(rendered(m, body))[0]
    assert "that “That" not in text
    assert text == (
        "It was moved by Councillor Mrs Okafor, seconded by Councillor Pryce: "
        "“That the Council adopts the footpath plan.”"
    )
    m.outcome, m.vote = Outcome.CARRIED, Vote(VoteKind.UNANIMOUS)
    decision = texts(rendered(m, body))[1]
    assert decision == "RESOLVED – “That the Council adopts the footpath plan.”"


def test_quoted_full_stops_take_nothing_more() -> None:
    body, _ = make_body()
    m = _m(
        preamble="That the Council:",
        clauses=["adopts the policy “Trees for All.”", "notes the report “Paths”"],
        outcome=Outcome.LOST,
    )
    out = texts(rendered(m, body))
    assert out[1] == "adopts the policy “Trees for All.”"  # no ".’;" or ".”;"
    assert out[2] == "notes the report “Paths”"  # no full stop after the closing quote


def test_a_lead_in_without_a_keyword_is_plain_words() -> None:
    body, _ = make_body()
    body.settings.lead_in = "The Board resolved:"
    m = _m(clauses=["x be done"], vote=Vote(VoteKind.UNANIMOUS), outcome=Outcome.CARRIED)
    decision = next(p for p in rendered(m, body) if isinstance(p, Para) and "resolved" in p.text)
    assert not [r for r in decision.runs if r.style is CharStyle.KEYWORD]
    assert decision.text == "The Board resolved: x be done."


def test_the_rule_is_cited_outside_the_resolution(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    item = meeting.items[0]
    m = svc.move_motion(meeting, item.id, mover_id=None, seconder_id=None,
                        clauses=["the meeting continue beyond 9.30 pm"],
                        lead_in=LeadIn.RESOLVED)  # fmt: skip
    m.rule = "Standing Order 9"
    svc.update_block(meeting, item.id, m)
    svc.record_vote(meeting, item.id, m.id, Vote(VoteKind.UNANIMOUS), None)
    path = svc.export(svc.get_meeting(meeting.id), tmp_path / "m.docx", Version.FULL)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Under Standing Order 9:" in text
    assert "That the meeting continue beyond 9.30 pm." in text
    assert "That under" not in text
    doc = render_minutes(svc.get_meeting(meeting.id), body, Version.FULL)
    assert doc.elements
