"""The window's edits refuse what the JSON import refuses, with the same words: both go
through clerk_app.services.rules."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from clerk_app.domain.model import (
    Body,
    Meeting,
    Motion,
    MotionKind,
    Outcome,
    Person,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.services import ServiceError, Services
from clerk_app.services.interchange import InterchangeError, meeting_to_json
from clerk_app.storage import Store

from .conftest import pid


def _motion(svc: Services, body: Body, meeting: Meeting, item: int = 3) -> Motion:
    return svc.move_motion(
        meeting,
        meeting.items[item].id,
        mover_id=pid(body, "Winter"),
        seconder_id=pid(body, "Ashdown"),
        clauses=["The fees be set."],
    )


def _import_message(svc: Services, meeting: Meeting, tmp_path: Path) -> list[str]:
    """What the import says of the meeting as the window would have saved it."""
    path = tmp_path / "copy.json"
    body = svc.get_body(meeting.body_id)
    path.write_text(json.dumps(meeting_to_json(meeting, body)), encoding="utf-8")
    other = Store.open(tmp_path / "other.db", backups=False)
    try:
        with pytest.raises(InterchangeError) as err:
            Services(other).import_json(path)
    finally:
        other.close()
    return err.value.problems


def test_a_motion_cannot_amend_itself_in_the_window_or_a_file(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    motion = _motion(svc, body, meeting)
    item_id = meeting.items[3].id
    itself = dataclasses.replace(motion, motion_kind=MotionKind.AMENDMENT, amends_id=motion.id)
    with pytest.raises(ServiceError) as err:
        svc.update_block(meeting, item_id, itself)
    assert (err.value.message, err.value.field) == ("A motion cannot amend itself.", "amends_id")
    assert svc.get_meeting(meeting.id).items[3].blocks[0] == motion
    meeting.items[3].blocks[0] = itself  # as a file would bring it
    (problem,) = _import_message(svc, meeting, tmp_path)
    assert problem == "meeting.items[3].blocks[0].amends_id: A motion cannot amend itself."


def test_a_motion_cannot_amend_one_in_another_item(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    elsewhere = _motion(svc, body, meeting, item=4)
    motion = _motion(svc, body, meeting)
    with pytest.raises(ServiceError, match="amend a motion in the same item"):
        svc.update_block(
            meeting, meeting.items[3].id, dataclasses.replace(motion, amends_id=elsewhere.id)
        )


def test_a_named_vote_names_only_people_of_the_body(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    motion = _motion(svc, body, meeting)
    vote = Vote(kind=VoteKind.NAMED, named={"stranger": VoteChoice.FOR})
    with pytest.raises(ServiceError) as err:
        svc.record_vote(meeting, meeting.items[3].id, motion.id, vote, Outcome.CARRIED)
    assert err.value.field == "vote.named"
    saved = svc.get_meeting(meeting.id).items[3].blocks[0]
    assert isinstance(saved, Motion) and saved.vote.kind is VoteKind.NONE


def test_the_public_count_has_a_limit_instead_of_failing_in_the_database(
    svc: Services, meeting: Meeting
) -> None:
    with pytest.raises(ServiceError, match="not plausible") as err:
        svc.set_public_count(meeting, 10**20)
    assert err.value.field == "public_count"
    assert svc.get_meeting(meeting.id).public_count is None


def test_bodies_keep_to_the_settings_limits_and_named_people(svc: Services, body: Body) -> None:
    body.settings.numbering.first_number = 100_000  # the settings dialog stops at 99,999
    with pytest.raises(ServiceError) as err:
        svc.save_body(body)
    assert err.value.field == "numbering.first_number"
    body.settings.numbering.first_number = 1
    body.people.append(Person(" ", ""))
    with pytest.raises(ServiceError, match="A person needs a name") as err:
        svc.save_body(body)
    assert err.value.field == f"people[{len(body.people) - 1}].last_name"
    assert len(svc.get_body(body.id).people) == len(body.people) - 1
