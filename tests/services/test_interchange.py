"""The JSON interchange form: schema in sync, precise errors, lossless round trip."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.domain.model import (
    Body,
    Item,
    Meeting,
    Motion,
    Paragraph,
    Person,
    Points,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.paths import resource
from clerk_app.services.interchange import (
    InterchangeError,
    build_schema,
    meeting_to_json,
    parse_meeting_json,
    read_meeting_json,
    write_meeting_json,
)


def sample() -> tuple[Body, Meeting]:
    chair = Person("Ada", "Winter", "Mrs")
    member = Person("Ben", "Ashdown")
    body = Body(name="Licensing Committee", people=[chair, member])
    motion = Motion(
        mover_id=chair.id,
        seconder_id=member.id,
        clauses=["a", "b"],
        vote=Vote(kind=VoteKind.NAMED, named={chair.id: VoteChoice.FOR}),
    )
    meeting = Meeting(
        body_id=body.id,
        date=date(2026, 6, 9),
        start_time=time(10, 0),
        items=[Item("Fees", blocks=[Paragraph(text="Text"), motion])],
    )
    return body, meeting


def test_committed_schema_matches_the_record() -> None:
    committed = json.loads(resource("schema", "clerk-meeting-v1.schema.json").read_text("utf-8"))
    assert committed == build_schema()


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    body, meeting = sample()
    path = write_meeting_json(meeting, body, tmp_path / "m.json")
    body2, meeting2 = read_meeting_json(path)
    assert (body2, meeting2) == (body, meeting)


def _data() -> dict[str, Any]:
    body, meeting = sample()
    return json.loads(json.dumps(meeting_to_json(meeting, body)))


@pytest.mark.parametrize(
    "mutate, where",
    [
        (
            lambda d: d["meeting"]["items"][0]["blocks"][1]["vote"].update(for_count=-2),
            "meeting.items[0].blocks[1].vote.for_count",
        ),
        (lambda d: d["meeting"].update(date="3rd of June"), "meeting.date"),
        (
            lambda d: d["meeting"]["items"][0]["blocks"][0].update(kind="poem"),
            "meeting.items[0].blocks[0]",
        ),
        (lambda d: d["meeting"]["items"][0].update(part=3), "meeting.items[0].part"),
        (
            lambda d: d["meeting"]["items"][0]["blocks"][1].update(mover_id="nobody"),
            "meeting.items[0].blocks[1].mover_id",
        ),
        (lambda d: d["body"]["people"][0].update(shoe_size=9), "body.people[0]"),
        (
            lambda d: d["meeting"]["items"][0]["blocks"][1]["vote"]["named"].update(ghost="for"),
            "meeting.items[0].blocks[1].vote.named: That person is not on this body's list "
            "(no one has the id 'ghost').",
        ),
        (
            lambda d: d["meeting"]["items"][0]["blocks"][1]["vote"].update(
                kind="casting", casting_person_id="ghost", casting_choice="for"
            ),
            "meeting.items[0].blocks[1].vote.casting_person_id: That person is not on this "
            "body's list (no one has the id 'ghost').",
        ),
    ],
)
def test_errors_say_exactly_where(mutate: Any, where: str) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(InterchangeError) as err:
        parse_meeting_json(data, "m.json")
    assert any(p.startswith(where) for p in err.value.problems), err.value.problems
    assert "m.json cannot be imported" in err.value.message


def test_not_json_and_wrong_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "clerk-meeting",', encoding="utf-8")
    with pytest.raises(InterchangeError, match="line 1"):
        read_meeting_json(bad)
    with pytest.raises(InterchangeError, match="not a Clerk meeting file"):
        parse_meeting_json({"format": "other"})
    newer = _data()
    newer["format_version"] = 99
    with pytest.raises(InterchangeError, match="newer Clerk"):
        parse_meeting_json(newer)


texts = st.text(max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=texts.filter(str.strip),  # an item needs a title
    para=texts,
    points=st.lists(texts, max_size=4),
    count=st.none() | st.integers(min_value=0, max_value=500),
)
def test_any_record_survives_json(
    title: str, para: str, points: list[str], count: int | None
) -> None:
    body, meeting = sample()
    meeting.items.append(Item(title, blocks=[Paragraph(text=para), Points(points=points)]))
    meeting.public_count = count
    text = json.dumps(meeting_to_json(meeting, body), ensure_ascii=False)
    assert parse_meeting_json(json.loads(text)) == (body, meeting)
