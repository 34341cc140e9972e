"""The use-cases save what they are given: checked by reopening the database."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from clerk_app.domain.model import (
    Approval,
    AttendanceChange,
    AttendanceStatus,
    Body,
    BodyKind,
    ChangeKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    MotionKind,
    Outcome,
    Paragraph,
    Points,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.services import MeetingLocked, ServiceError, Services
from clerk_app.storage import Store

from .conftest import pid


def reopen(store: Store, meeting_id: str) -> Meeting:
    path = store.path
    store.close()
    fresh = Store.open(path, backups=False)
    try:
        return fresh.get_meeting(meeting_id)
    finally:
        fresh.close()


def test_create_meeting_builds_agenda_numbers_and_attendance(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    titles = [it.title for it in meeting.items]
    assert titles[:3] == body.settings.standard_items[:3]
    assert titles[-2:] == ["Taxi licensing policy", "Review of a driver's licence"]
    assert meeting.items[0].kind is ItemKind.APOLOGIES
    assert meeting.items[-1].part == 2
    assert [it.number for it in meeting.items] == [str(i) for i in range(1, len(titles) + 1)]
    assert meeting.items[0].minute_number == "1"
    # reserves are not marked present; everyone else is
    present = {a.person_id for a in meeting.attendance}
    assert pid(body, "Quarry") not in present and pid(body, "Winter") in present
    saved = svc.store.get_meeting(meeting.id)
    assert [it.title for it in saved.items] == titles


def test_minute_numbers_continue_from_previous_meeting(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    later = svc.create_meeting(body.id, date(2026, 7, 14), agenda=["Fees"])
    assert later.first_minute == meeting.first_minute + len(meeting.items)
    assert later.items[0].minute_number == str(later.first_minute)


def test_blocks_round_trip_through_the_database(
    svc: Services, store: Store, body: Body, meeting: Meeting
) -> None:
    item = meeting.items[3]
    svc.add_block(meeting, item.id, Paragraph(text="Officers presented the £12 fee – Siân"))
    pts = svc.add_block(meeting, item.id, Points(points=["one", "two"]))
    svc.record_attendance_change(
        meeting, item.id, pid(body, "Patel"), ChangeKind.LEFT, at=time(10, 42)
    )
    svc.add_block(meeting, item.id, Paragraph(text="first"), index=0)
    assert isinstance(pts, Points)
    pts.points.append("three")
    svc.update_block(meeting, item.id, pts)
    saved = reopen(store, meeting.id).items[3].blocks
    assert [type(b).__name__ for b in saved] == [
        "Paragraph",
        "Paragraph",
        "Points",
        "AttendanceChange",
    ]
    assert saved[1] == Paragraph(text="Officers presented the £12 fee – Siân", id=saved[1].id)
    assert isinstance(saved[2], Points) and saved[2].points == ["one", "two", "three"]
    assert isinstance(saved[3], AttendanceChange) and saved[3].at == time(10, 42)


def test_delete_and_restore_block_and_item(svc: Services, store: Store, meeting: Meeting) -> None:
    item = meeting.items[3]
    a = svc.add_block(meeting, item.id, Paragraph(text="a"))
    svc.add_block(meeting, item.id, Paragraph(text="b"))
    removed, index = svc.delete_block(meeting, item.id, a.id)
    assert index == 0 and store.get_meeting(meeting.id).items[3].blocks[0].text == "b"  # type: ignore[attr-defined]
    svc.add_block(meeting, item.id, removed, index)
    assert [b.text for b in store.get_meeting(meeting.id).items[3].blocks] == ["a", "b"]  # type: ignore[attr-defined]
    gone, where = svc.delete_item(meeting, item.id)
    assert item.id not in [it.id for it in store.get_meeting(meeting.id).items]
    svc.restore_item(meeting, gone, where)
    back = store.get_meeting(meeting.id).items[where]
    assert back.id == item.id and [b.text for b in back.blocks] == ["a", "b"]  # type: ignore[attr-defined]


def test_moving_items_renumbers(svc: Services, store: Store, meeting: Meeting) -> None:
    last = meeting.items[-1]
    svc.move_item(meeting, last.id, 0)
    saved = store.get_meeting(meeting.id)
    assert saved.items[0].id == last.id
    assert saved.items[0].minute_number == "1" and saved.items[0].number == "1"
    assert [it.number for it in saved.items] == [str(i) for i in range(1, len(saved.items) + 1)]


def test_amendment_carried_becomes_substantive(
    svc: Services, store: Store, body: Body, meeting: Meeting
) -> None:
    item = meeting.items[3]
    motion = svc.move_motion(
        meeting,
        item.id,
        mover_id=pid(body, "Winter"),
        seconder_id=pid(body, "Ashdown"),
        clauses=["the policy be adopted"],
    )
    amendment = svc.move_motion(
        meeting,
        item.id,
        mover_id=pid(body, "Mbeki"),
        seconder_id=pid(body, "Patel"),
        kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
        clauses=["the policy be adopted from 2027"],
    )
    changed = svc.record_vote(
        meeting,
        item.id,
        amendment.id,
        Vote(kind=VoteKind.COUNTS, for_count=3, against_count=2),
        Outcome.CARRIED,
    )
    assert len(changed) == 2
    blocks = store.get_meeting(meeting.id).items[3].blocks
    assert [b.id for b in blocks[:2]] == [motion.id, amendment.id]
    substantive = blocks[2]
    assert substantive.derived_from_id == amendment.id  # type: ignore[attr-defined]
    assert substantive.clauses == ["the policy be adopted from 2027"]  # type: ignore[attr-defined]
    # recording the same vote again does not produce a second substantive motion
    svc.record_vote(
        meeting,
        item.id,
        amendment.id,
        Vote(kind=VoteKind.COUNTS, for_count=3, against_count=2),
        Outcome.CARRIED,
    )
    assert len(store.get_meeting(meeting.id).items[3].blocks) == 3


@pytest.mark.parametrize(
    "vote, field",
    [
        (Vote(kind=VoteKind.COUNTS, for_count=-1), "for_count"),
        (
            Vote(
                kind=VoteKind.CASTING, for_count=3, against_count=2, casting_choice=VoteChoice.FOR
            ),
            "for_count",
        ),
        (Vote(kind=VoteKind.CASTING, for_count=2, against_count=2), "casting_choice"),
    ],
)
def test_impossible_votes_are_refused_and_nothing_changes(
    svc: Services, store: Store, body: Body, meeting: Meeting, vote: Vote, field: str
) -> None:
    item = meeting.items[3]
    motion = svc.move_motion(
        meeting,
        item.id,
        mover_id=pid(body, "Winter"),
        seconder_id=pid(body, "Ashdown"),
        clauses=["x"],
    )
    with pytest.raises(ServiceError) as err:
        svc.record_vote(meeting, item.id, motion.id, vote, Outcome.CARRIED)
    assert err.value.field == field
    assert store.get_meeting(meeting.id).items[3].blocks[0].vote.kind is VoteKind.NONE  # type: ignore[attr-defined]


def test_mover_cannot_second_and_amendment_needs_target(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    item = meeting.items[3]
    with pytest.raises(ServiceError, match="mover cannot also second"):
        svc.move_motion(
            meeting,
            item.id,
            mover_id=pid(body, "Winter"),
            seconder_id=pid(body, "Winter"),
            clauses=["x"],
        )
    with pytest.raises(ServiceError, match="amends"):
        svc.move_motion(
            meeting,
            item.id,
            mover_id=None,
            seconder_id=None,
            clauses=["x"],
            kind=MotionKind.AMENDMENT,
        )


def test_attendance_rules(svc: Services, store: Store, body: Body, meeting: Meeting) -> None:
    svc.set_attendance(meeting, pid(body, "Patel"), AttendanceStatus.APOLOGIES, reason="on leave")
    svc.set_attendance(
        meeting, pid(body, "Quarry"), AttendanceStatus.SUBSTITUTE, substitute_for=pid(body, "Patel")
    )
    with pytest.raises(ServiceError):
        svc.set_attendance(meeting, pid(body, "Quarry"), AttendanceStatus.SUBSTITUTE)
    with pytest.raises(ServiceError):
        svc.set_public_count(meeting, -3)
    saved = store.get_meeting(meeting.id)
    patel = saved.attendance_of(pid(body, "Patel"))
    quarry = saved.attendance_of(pid(body, "Quarry"))
    assert patel is not None and patel.reason == "on leave"
    assert quarry is not None and quarry.substitute_for == pid(body, "Patel")


def test_end_before_start_is_refused(svc: Services, meeting: Meeting) -> None:
    with pytest.raises(ServiceError, match="before it started"):
        svc.end_meeting(meeting, time(9, 0))
    svc.end_meeting(meeting, time(12, 5))
    assert svc.store.get_meeting(meeting.id).status is MeetingStatus.DRAFT


def test_approved_meeting_is_locked(svc: Services, store: Store, meeting: Meeting) -> None:
    meeting.status = MeetingStatus.APPROVED
    meeting.approval = Approval(approved_on=date(2026, 7, 14), signed_by="Mrs Winter")
    store.save_meeting_header(meeting)
    item = meeting.items[3]
    with pytest.raises(MeetingLocked):
        svc.add_block(meeting, item.id, Paragraph(text="late change"))
    with pytest.raises(MeetingLocked):
        svc.add_item(meeting, "Another")
    with pytest.raises(MeetingLocked):
        svc.delete_meeting(meeting.id)
    assert store.get_meeting(meeting.id).items[3].blocks == []


def test_open_actions_from_earlier_meetings(svc: Services, body: Body, meeting: Meeting) -> None:
    svc.add_action(meeting, meeting.items[3].id, "Consult the trade", owner="Licensing Manager")
    later = date(2026, 7, 14)
    actions = svc.open_actions(body.id, later)
    assert [a.text for _s, _i, a in actions] == ["Consult the trade"]
    assert svc.open_actions(body.id, meeting.date) == []


def test_open_actions_newest_meeting_first_done_and_cancelled_left_out(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    import dataclasses

    from clerk_app.domain.model import ActionStatus

    june = svc.create_meeting(body.id, date(2026, 6, 30), agenda=["Street trading"])
    july = svc.create_meeting(body.id, date(2026, 7, 14), agenda=["Taxi fares"])
    item = meeting.items[3]
    svc.add_action(meeting, item.id, "Consult the trade", owner="Licensing Manager")
    done = svc.add_action(meeting, item.id, "Publish the notice", owner="Licensing Manager")
    svc.update_block(meeting, item.id, dataclasses.replace(done, status=ActionStatus.DONE))
    dropped = svc.add_action(meeting, item.id, "Write to the police")
    svc.update_block(meeting, item.id, dataclasses.replace(dropped, status=ActionStatus.CANCELLED))
    svc.add_action(june, june.items[-1].id, "Map the pitches", owner="Markets Officer")
    svc.add_action(july, july.items[-1].id, "Survey fares")  # on or after: not earlier
    found = svc.open_actions(body.id, date(2026, 7, 14))
    assert [(s.date, i.title, a.text) for s, i, a in found] == [
        (date(2026, 6, 30), "Street trading", "Map the pitches"),
        (meeting.date, item.title, "Consult the trade"),
    ]
    assert found[1][0].id == meeting.id and found[1][2].owner == "Licensing Manager"


def test_bad_settings_are_refused_with_the_field(svc: Services, body: Body) -> None:
    body.settings.numbering.pattern = "PLA{n/{yy}"
    with pytest.raises(ServiceError) as err:
        svc.save_body(body)
    assert err.value.field == "numbering.pattern"
    body.settings.numbering.pattern = "{n}"
    body.settings.quorum = 0
    with pytest.raises(ServiceError) as err:
        svc.save_body(body)
    assert err.value.field == "quorum"


def test_export_json_then_import_round_trip(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    svc.add_block(meeting, meeting.items[3].id, Paragraph(text="Round trip – ✓"))
    out = svc.export(meeting, tmp_path / "m.json", fmt="json")
    other = Store.open(tmp_path / "other.db", backups=False)
    try:
        imported = Services(other).import_json(out)
        assert imported == svc.store.get_meeting(meeting.id) or (
            imported.items == svc.store.get_meeting(meeting.id).items
        )
        assert other.get_body(body.id).people == body.people
        with pytest.raises(ServiceError, match="already in Clerk"):
            Services(other).import_json(out)
        Services(other).import_json(out, replace=True)
    finally:
        other.close()


def test_settings_problems_are_the_same_for_the_dialog_and_for_saving(
    svc: Services, tmp_path: Path
) -> None:
    import docx

    from clerk_app.services.bodies import template_problem, validate_settings

    body = svc.create_body("Audit Committee", BodyKind.COMMITTEE)
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    body.settings.template_path = str(plain)
    body.settings.lead_in = " "
    found = dict(validate_settings(body.settings))
    assert "lacks" in found["template_path"] and "Clerk Title" in found["template_path"]
    assert found["lead_in"].startswith("Decisions need a lead-in")
    with pytest.raises(ServiceError) as err:
        svc.save_body(body)
    assert err.value.field == "lead_in"
    # A template rewritten in Word is checked again, not taken from the earlier answer.
    from clerk_app.export import default_template

    plain.write_bytes(default_template().read_bytes())
    assert template_problem(str(plain)) == ""


def test_open_actions_are_limited_to_the_newest_with_done_ones_left_out_in_sql(
    svc: Services, body: Body, meeting: Meeting, store: Store
) -> None:
    import dataclasses

    from clerk_app.domain.model import ActionStatus

    later = [
        svc.create_meeting(body.id, date(2026, 6, d), agenda=["Street trading"]) for d in (16, 23)
    ]
    for m in [meeting, *later]:
        item = m.items[-1]
        svc.add_action(m, item.id, f"First {m.date.day}")
        done = svc.add_action(m, item.id, f"Finished {m.date.day}")
        svc.update_block(m, item.id, dataclasses.replace(done, status=ActionStatus.DONE))
        svc.add_action(m, item.id, f"Second {m.date.day}")
    every = svc.open_actions(body.id, date(2027, 1, 1))
    assert [a.text for _s, _i, a in every][:4] == ["First 23", "Second 23", "First 16", "Second 16"]
    assert len(every) == 6
    assert svc.open_actions(body.id, date(2027, 1, 1), limit=3) == every[:3]
    rows = store.open_actions_before(body.id, date(2027, 1, 1), 2)
    assert [b.text for _m, _i, b in rows] == ["First 23", "Second 23"]  # type: ignore[attr-defined]
