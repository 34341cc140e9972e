"""The attendance timeline of a fictional Harrowfield Borough Council committee."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk_app.domain.model import (
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Body,
    ChangeKind,
    Declaration,
    InterestConduct,
    Item,
    Meeting,
    Paragraph,
    Person,
    PersonKind,
    Role,
)
from clerk_app.domain.timeline import (
    arrivals_departures,
    initial_presence,
    presence_intervals,
    present_at,
    quorate_at,
    voting_present_at,
)


def harrowfield() -> tuple[Body, dict[str, Person]]:
    """A committee of six voting members, a reserve, a co-opted member without a vote
    and an officer."""
    people = {
        "ashdown": Person("Margaret", "Ashdown", role=Role.CHAIR),
        "brindle": Person("Peter", "Brindle", role=Role.VICE_CHAIR),
        "russell": Person("Nadia", "Russell"),
        "cheung": Person("Tom", "Cheung"),
        "okafor": Person("Ruth", "Okafor"),
        "patel": Person("Dev", "Patel"),
        "lowe": Person("Gareth", "Lowe", role=Role.RESERVE),
        "finch": Person("Sarah", "Finch", role=Role.CO_OPTED, voting=False),
        "drury": Person("Helen", "Drury", kind=PersonKind.OFFICER, post="Head of Planning"),
    }
    body = Body(
        name="Planning Committee",
        authority="Harrowfield Borough Council",
        people=list(people.values()),
    )
    body.settings.quorum = 3
    return body, people


def meeting_for(
    people: dict[str, Person],
    present: tuple[str, ...] = ("ashdown", "brindle", "russell", "cheung", "okafor", "finch"),
) -> Meeting:
    meeting = Meeting(body_id="b", date=date(2026, 3, 4), start_time=time(14, 0))
    meeting.attendance = [Attendance(people[k].id) for k in present]
    meeting.attendance.append(Attendance(people["drury"].id, status=AttendanceStatus.OFFICER))
    meeting.attendance.append(
        Attendance(people["patel"].id, status=AttendanceStatus.APOLOGIES, reason="work")
    )
    meeting.items = [Item(title=f"Item {n}", number=str(n)) for n in range(1, 5)]
    return meeting


def change(person: Person, kind: ChangeKind, at: time | None = None) -> AttendanceChange:
    return AttendanceChange(person_id=person.id, change=kind, at=at)


def ids(people: dict[str, Person], *keys: str) -> set[str]:
    return {people[k].id for k in keys}


def test_initial_presence_from_attendance_statuses() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    first = meeting.items[0]
    expected = ids(people, "ashdown", "brindle", "russell", "cheung", "okafor", "finch", "drury")
    assert present_at(meeting, body, first.id) == expected
    assert people["patel"].id not in initial_presence(meeting)


def test_late_arrival_starts_absent_and_counts_from_the_block() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    arrival = change(people["cheung"], ChangeKind.ARRIVED, time(14, 20))
    before = Paragraph(text="Discussion")
    meeting.items[1].blocks = [before, arrival]
    cheung = people["cheung"].id
    assert cheung not in present_at(meeting, body, meeting.items[0].id)
    assert cheung not in present_at(meeting, body, meeting.items[1].id, before.id)
    # before the block itself: its own change does not count yet
    assert cheung not in present_at(meeting, body, meeting.items[1].id, arrival.id)
    assert cheung in present_at(meeting, body, meeting.items[1].id)
    assert cheung in present_at(meeting, body, meeting.items[3].id)


def test_left_the_meeting_is_gone_for_good() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    meeting.items[1].blocks = [change(people["russell"], ChangeKind.LEFT, time(15, 10))]
    russell = people["russell"].id
    assert russell in present_at(meeting, body, meeting.items[0].id)
    assert russell not in present_at(meeting, body, meeting.items[1].id)
    assert russell not in present_at(meeting, body, meeting.items[3].id)


def test_left_room_lasts_until_return_or_next_item() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    okafor = people["okafor"]
    out = change(okafor, ChangeKind.LEFT_ROOM, time(14, 30))
    marker = Paragraph(text="While out")
    back = change(okafor, ChangeKind.RETURNED, time(14, 40))
    after = Paragraph(text="Back")
    meeting.items[0].blocks = [out, marker, back, after]
    meeting.items[1].blocks = [change(okafor, ChangeKind.LEFT_ROOM), Paragraph(text="x")]
    first, second, third = meeting.items[0].id, meeting.items[1].id, meeting.items[2].id
    assert okafor.id not in present_at(meeting, body, first, marker.id)
    assert okafor.id in present_at(meeting, body, first, after.id)
    assert okafor.id not in present_at(meeting, body, second)
    assert okafor.id in present_at(meeting, body, third)


def test_declaration_leaving_the_room_excludes_for_the_rest_of_the_item() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    brindle = people["brindle"]
    declaration = Declaration(
        person_id=brindle.id, interest_type="x", conduct=InterestConduct.LEFT_ROOM
    )
    later = Paragraph(text="Debate")
    meeting.items[2].blocks = [declaration, later]
    item = meeting.items[2].id
    assert brindle.id in present_at(meeting, body, item, declaration.id)
    assert brindle.id not in present_at(meeting, body, item, later.id)
    assert brindle.id in present_at(meeting, body, meeting.items[3].id)
    staying = Declaration(person_id=people["cheung"].id, interest_type="x")
    meeting.items[3].blocks = [staying]
    assert people["cheung"].id in present_at(meeting, body, meeting.items[3].id)


def test_voting_members_exclude_officers_co_opted_and_reserves() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people, present=("ashdown", "russell", "finch", "lowe"))
    voting = voting_present_at(meeting, body, meeting.items[0].id)
    assert voting == ids(people, "ashdown", "russell")
    # a reserve attending as a substitute votes
    meeting.attendance_of(people["lowe"].id).status = AttendanceStatus.SUBSTITUTE  # type: ignore[union-attr]
    assert voting_present_at(meeting, body, meeting.items[0].id) == ids(
        people, "ashdown", "russell", "lowe"
    )


def test_quorum_is_lost_when_members_leave() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people, present=("ashdown", "russell", "cheung", "finch"))
    leaving = change(people["cheung"], ChangeKind.LEFT, time(15, 0))
    meeting.items[1].blocks = [leaving]
    assert quorate_at(meeting, body, meeting.items[1].id, leaving.id)
    assert not quorate_at(meeting, body, meeting.items[1].id)
    body.settings.quorum = 2
    assert quorate_at(meeting, body, meeting.items[1].id)


def test_unknown_point_raises_key_error() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    with pytest.raises(KeyError):
        present_at(meeting, body, "no-such-item")
    with pytest.raises(KeyError):
        present_at(meeting, body, meeting.items[0].id, "no-such-block")


def test_arrivals_and_departures_in_document_order() -> None:
    _body, people = harrowfield()
    meeting = meeting_for(people)
    arrive = change(people["cheung"], ChangeKind.ARRIVED, time(14, 5))
    leave = change(people["cheung"], ChangeKind.LEFT, time(16, 0))
    other = change(people["russell"], ChangeKind.LEFT_ROOM, time(15, 0))
    meeting.items[0].blocks = [arrive, Paragraph(text="p")]
    meeting.items[2].blocks = [other, leave]
    result = arrivals_departures(meeting)
    assert result[people["cheung"].id] == [arrive, leave]
    assert result[people["russell"].id] == [other]
    assert people["ashdown"].id not in result


def test_presence_intervals_give_runs_of_items() -> None:
    body, people = harrowfield()
    meeting = meeting_for(people)
    for n, item in enumerate(meeting.items, start=20):
        item.minute_number = f"26/0{n}"
    meeting.items[1].blocks = [change(people["cheung"], ChangeKind.ARRIVED, time(14, 30))]
    meeting.items[1].blocks.append(change(people["okafor"], ChangeKind.LEFT, time(14, 35)))
    meeting.items[2].blocks = [change(people["okafor"], ChangeKind.ARRIVED, time(15, 0))]
    runs = presence_intervals(meeting, body)
    assert runs[people["ashdown"].id] == [("26/020", "26/023")]
    assert runs[people["cheung"].id] == [("26/021", "26/023")]
    # left during item 2 (so present for part of it), back for item 3
    assert runs[people["okafor"].id] == [("26/020", "26/023")]
    meeting.items[2].blocks = []
    meeting.items[3].blocks = [change(people["okafor"], ChangeKind.ARRIVED)]
    assert presence_intervals(meeting)[people["okafor"].id] == [
        ("26/020", "26/021"),
        ("26/023", "26/023"),
    ]
    assert people["patel"].id not in runs
