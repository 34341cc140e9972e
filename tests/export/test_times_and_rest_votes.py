"""A declaration's recorded time in the minutes, and "the rest of those present voted
for" counted from the attendance timeline: exported and read back from the .docx."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    AttendanceStatus,
    BodyKind,
    ChangeKind,
    InterestConduct,
    ItemKind,
    Meeting,
    Outcome,
    Person,
    Role,
    Vote,
    VoteKind,
)
from clerk_app.services import Services
from clerk_app.storage import Store

MEMBERS = [("Hana", "Velez", Role.CHAIR), ("Cian", "Ó Briain", Role.MEMBER),
           ("Pat", "Nolan", Role.MEMBER), ("Jo", "Okoro", Role.MEMBER),
           ("Sian", "Smith", Role.MEMBER), ("Rhys", "Adeyemi", Role.MEMBER),
           ("Ola", "Reed", Role.MEMBER), ("Ben", "Tate", Role.MEMBER)]  # fmt: skip


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _meeting(svc: Services, style: str = "") -> tuple[Meeting, dict[str, str]]:
    body = svc.create_body("Estates Committee", BodyKind.COMMITTEE, "Wexmoor District Council",
                           style=style)  # fmt: skip
    body.people = [Person(first, last, role=role) for first, last, role in MEMBERS]
    body = svc.save_body(body)
    ids = {p.last_name: p.id for p in body.people}
    meeting = svc.create_meeting(
        body.id,
        date(2026, 6, 2),
        start_time=time(19, 0),
        agenda=["Declarations of interest", "Depot lease", "Allotment rents", "Car parks"],
        standard_items=False,
    )
    for p in body.people:
        svc.set_attendance(meeting, p.id, AttendanceStatus.PRESENT)
    svc.set_attendance(meeting, ids["Tate"], AttendanceStatus.APOLOGIES)
    return svc.get_meeting(meeting.id), ids


def _lines(svc: Services, meeting: Meeting, path: Path) -> list[str]:
    svc.export(svc.get_meeting(meeting.id), path, Version.FULL)
    return [" ".join(p.text.split()) for p in docx.Document(str(path)).paragraphs]


# --------------------------------------------------------------------------- declarations


def test_a_declaration_made_during_an_item_gives_its_time(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _meeting(svc)
    opening, lease = meeting.items[0], meeting.items[1]
    assert opening.kind is ItemKind.DECLARATIONS
    svc.record_declaration(meeting, opening.id, ids["Nolan"], "", "as a tenant of the depot",
                           at=time(19, 3))  # fmt: skip
    svc.record_declaration(meeting, lease.id, ids["Okoro"], "", "as the lessee's neighbour",
                           conduct=InterestConduct.LEFT_ROOM, at=time(19, 42))  # fmt: skip
    untimed = svc.record_declaration(meeting, lease.id, ids["Smith"], "", "as a depot user")
    untimed.at = None
    svc.update_block(meeting, lease.id, untimed)
    lines = _lines(svc, meeting, tmp_path / "d.docx")
    assert (
        "Councillor Okoro declared an interest in this item at 7.42 pm as the lessee's "
        "neighbour and left the room during its consideration."
    ) in lines
    # at the opening item the time says nothing (every declaration there has one)
    assert "Councillor Nolan declared an interest as a tenant of the depot." in lines
    # no time recorded: none printed
    assert "Councillor Smith declared an interest in this item as a depot user." in lines


def test_the_time_follows_the_style_and_its_phrases(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _meeting(svc, style="us-nonprofit-board")
    body = svc.get_body(meeting.body_id)
    body.settings.phrases["declaration.at_general"] = "({time})"
    svc.save_body(body)
    opening, lease = meeting.items[0], meeting.items[1]
    svc.record_declaration(meeting, opening.id, ids["Nolan"], "", "", at=time(19, 3))
    svc.record_declaration(meeting, lease.id, ids["Okoro"], "", "", at=time(19, 42))
    lines = _lines(svc, meeting, tmp_path / "d.docx")
    # the style's own wording at the opening item, its clock in both
    # the sentence ends after the bracketed time, with its own full stop
    assert "Pat Nolan declared an interest (7:03 p.m.)." in lines
    assert "Jo Okoro declared an interest in this item at 7:42 p.m." in lines


# --------------------------------------------------------------------------- the rest


def _rest_vote(svc: Services, meeting: Meeting, item_id: str, mover: str, seconder: str) -> None:
    motion = svc.move_motion(meeting, item_id, mover_id=mover, seconder_id=seconder,
                             clauses=["the rents rise by two per cent"])  # fmt: skip
    svc.record_vote(meeting, item_id, motion.id, Vote(VoteKind.COUNTS, None, 1, None,
                                                      rest_for=True), Outcome.CARRIED)  # fmt: skip


def test_the_rest_voting_for_are_counted_from_those_present(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _meeting(svc)
    lease, rents = meeting.items[1], meeting.items[2]
    # seven voting members present, one against: six for
    _rest_vote(svc, meeting, lease.id, ids["Velez"], ids["Nolan"])
    # two leave before the next vote and one declares she will not vote: four voting,
    # one against and one abstaining
    svc.record_attendance_change(meeting, rents.id, ids["Reed"], ChangeKind.LEFT, time(20, 10))
    svc.record_attendance_change(meeting, rents.id, ids["Smith"], ChangeKind.LEFT, time(20, 11))
    svc.record_declaration(meeting, rents.id, ids["Ó Briain"], "", "as an allotment holder",
                           conduct=InterestConduct.NO_VOTE)  # fmt: skip
    motion = svc.move_motion(meeting, rents.id, mover_id=ids["Velez"], seconder_id=ids["Nolan"],
                             clauses=["the allotment rents be frozen"])  # fmt: skip
    rest = Vote(VoteKind.COUNTS, None, 1, 1, rest_for=True)
    svc.record_vote(meeting, rents.id, motion.id, rest, Outcome.CARRIED)
    lines = _lines(svc, meeting, tmp_path / "r.docx")
    assert "Carried by six votes to one." in lines
    assert "Carried by two votes to one, with one abstention." in lines
    assert not any("the rest of those present" in x for x in lines)


def test_a_vote_taken_later_counts_those_present_when_it_was_taken(
    svc: Services, tmp_path: Path
) -> None:
    meeting, ids = _meeting(svc)
    rents = meeting.items[2]
    motion = svc.move_motion(meeting, rents.id, mover_id=ids["Velez"], seconder_id=ids["Nolan"],
                             clauses=["the allotment rents be frozen"])  # fmt: skip
    svc.record_attendance_change(meeting, rents.id, ids["Reed"], ChangeKind.LEFT, time(20, 10))
    svc.record_vote_later(meeting, rents.id, motion.id,
                          Vote(VoteKind.COUNTS, None, 2, None, rest_for=True))  # fmt: skip
    text = "\n".join(_lines(svc, meeting, tmp_path / "l.docx"))
    assert "by four votes to two" in text  # six present when the vote was taken


def test_a_board_noting_votes_as_figures_gets_them(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _meeting(svc, style="us-nonprofit-board")
    _rest_vote(svc, meeting, meeting.items[1].id, ids["Velez"], ids["Nolan"])
    lines = _lines(svc, meeting, tmp_path / "t.docx")
    assert "Vote: 6 Yes; 1 No. Motion carried." in lines  # not "0 Yes; 1 No"


def test_the_wording_stays_when_the_number_cannot_be_known(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _meeting(svc)
    for person_id in ids.values():
        svc.remove_attendance(meeting, person_id)
    _rest_vote(svc, meeting, meeting.items[1].id, ids["Velez"], ids["Nolan"])
    lines = _lines(svc, meeting, tmp_path / "u.docx")
    assert "Carried with one against, the rest of those present voting for." in lines
