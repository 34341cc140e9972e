"""Approval locks the minutes; corrections and every change after circulation are audited."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    AttendanceStatus,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Motion,
    Outcome,
    Paragraph,
    Vote,
)
from clerk_app.domain.review import ResponseStatus
from clerk_app.services.errors import MeetingLocked, ServiceError
from clerk_app.services.review import open_review_file

from .conftest import Library, S, pid


def _next_meeting(svc: S, lib: Library) -> tuple[Meeting, str]:
    meeting = svc.create_meeting(lib.body.id, date(2026, 4, 14), agenda=["Village hall"])
    item = next(it for it in meeting.items if it.kind is ItemKind.PREVIOUS_MINUTES)
    return meeting, item.id


def _approve(svc: S, lib: Library, corrections: str = "") -> tuple[Meeting, Motion, Meeting]:
    meeting, item_id = _next_meeting(svc, lib)
    motion, previous = svc.approve_previous_minutes(
        meeting, item_id, lib.meeting.id, "Cllr Hazel Okonkwo", corrections
    )
    return meeting, motion, previous


def test_approval_is_minuted_and_locks_the_earlier_meeting(svc: S, lib: Library) -> None:
    meeting, motion, _ = _approve(svc, lib)
    saved = svc.get_meeting(meeting.id).find_block(motion.id)
    assert saved is not None and isinstance(saved[1], Motion)
    assert saved[0].kind is ItemKind.PREVIOUS_MINUTES
    clause = saved[1].clauses[0]
    assert "minutes of the meeting held on 10 March 2026 be approved as a correct record" in clause
    assert saved[1].outcome is Outcome.CARRIED
    previous = svc.get_meeting(lib.meeting.id)
    assert previous.status is MeetingStatus.APPROVED and previous.locked
    assert previous.approval is not None
    assert previous.approval.signed_by == "Cllr Hazel Okonkwo"
    assert previous.approval.approved_on == date(2026, 4, 14)
    assert previous.approval.at_meeting_id == meeting.id


def test_corrections_are_minuted_in_the_approving_item(svc: S, lib: Library) -> None:
    _, motion, _ = _approve(svc, lib, "in minute 4, the rent to read £41")
    assert (
        "subject to the following corrections: in minute 4, the rent to read £41"
        in (motion.clauses[0])
    )
    approval = svc.get_meeting(lib.meeting.id).approval
    assert approval is not None and approval.corrections == "in minute 4, the rent to read £41"


def test_approved_minutes_export_final(svc: S, lib: Library) -> None:
    assert svc.render(svc.get_meeting(lib.meeting.id), Version.FULL).watermark == "DRAFT"
    _approve(svc, lib)
    document = svc.render(svc.get_meeting(lib.meeting.id), Version.FULL)
    assert document.watermark == ""
    assert "signed by Cllr Hazel Okonkwo" in document.text
    assert "14 April 2026" in document.text


def test_approval_refusals(svc: S, lib: Library) -> None:
    meeting, item_id = _next_meeting(svc, lib)
    with pytest.raises(ServiceError, match="who signed"):
        svc.approve_previous_minutes(meeting, item_id, lib.meeting.id, " ")
    with pytest.raises(ServiceError, match="different committee"):
        svc.approve_previous_minutes(meeting, item_id, lib.other.id, "Hazel")
    general = next(it.id for it in meeting.items if it.kind is ItemKind.GENERAL)
    with pytest.raises(ServiceError, match="Minutes of the previous meeting"):
        svc.approve_previous_minutes(meeting, general, lib.meeting.id, "Hazel")
    svc.approve_previous_minutes(meeting, item_id, lib.meeting.id, "Hazel")
    with pytest.raises(ServiceError, match="already approved"):
        svc.approve_previous_minutes(meeting, item_id, lib.meeting.id, "Hazel")


def _edits(svc: S, lib: Library, m: Meeting, tmp_path: Path) -> list[Callable[[], object]]:
    item = m.item(lib.item)
    assert item is not None
    para = item.blocks[0]
    motion = item.blocks[1]
    assert isinstance(motion, Motion)
    hazel = pid(lib.body, "Okonkwo")
    return [
        lambda: svc.update_meeting(m),
        lambda: svc.start_meeting(m),
        lambda: svc.end_meeting(m),
        lambda: svc.set_public_count(m, 3),
        lambda: svc.set_attendance(m, hazel, AttendanceStatus.APOLOGIES),
        lambda: svc.remove_attendance(m, hazel),
        lambda: svc.add_item(m, "Any other business"),
        lambda: svc.update_item(m, dataclasses.replace(item, title="Rents")),
        lambda: svc.delete_item(m, lib.item),
        lambda: svc.move_item(m, lib.item, 0),
        lambda: svc.set_item_status(m, lib.item, ItemStatus.DEFERRED),
        lambda: svc.add_block(m, lib.item, Paragraph(text="More")),
        lambda: svc.update_block(m, lib.item, dataclasses.replace(para, text="Changed")),
        lambda: svc.delete_block(m, lib.item, para.id),
        lambda: svc.move_block(m, lib.item, para.id, 1),
        lambda: svc.record_vote(m, lib.item, motion.id, Vote(), Outcome.LOST),
        lambda: svc.add_action(m, lib.item, "Another action"),
        lambda: svc.delete_meeting(m.id),
        lambda: svc.mark_circulated(m),
        lambda: svc.export_review_file(m, tmp_path / "x.clerkreview"),
    ]


def test_every_edit_of_approved_minutes_is_refused(svc: S, lib: Library, tmp_path: Path) -> None:
    _approve(svc, lib)
    revision = svc.get_meeting(lib.meeting.id).revision
    locked = svc.get_meeting(lib.meeting.id)
    for edit in _edits(svc, lib, locked, tmp_path):
        with pytest.raises(ServiceError):
            edit()
    # also a stale copy the window still holds from before approval, and the store itself
    stale = dataclasses.replace(locked, status=MeetingStatus.DRAFT)
    stale.items = [dataclasses.replace(it) for it in locked.items]
    with pytest.raises(MeetingLocked):
        svc.update_block(stale, lib.item, Paragraph(text="x", id=locked.items[-1].blocks[0].id))
    with pytest.raises(MeetingLocked):
        svc.store.save_meeting(stale)
    after = svc.get_meeting(lib.meeting.id)
    assert after.revision == revision and after.locked
    assert after.item(lib.item) is not None


def test_an_imported_copy_cannot_replace_approved_minutes(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = svc.export(lib.meeting.id, tmp_path / "m.json", fmt="json")
    _approve(svc, lib)
    with pytest.raises(ServiceError, match="approved"):
        svc.import_json(path, replace=True)
    assert svc.get_meeting(lib.meeting.id).locked


def test_a_suggestion_cannot_be_accepted_into_approved_minutes(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = svc.export_review_file(lib.meeting, tmp_path / "r.clerkreview")
    session = open_review_file(path, reviewer="Hazel")
    session.respond(lib.motion, "suggest", suggested_text="the rent be £40.")
    session.save()
    response = svc.import_review(path).added[0]
    _approve(svc, lib)
    with pytest.raises(MeetingLocked):
        svc.accept_suggestion(response.id)
    assert svc.responses(lib.meeting.id)[0].status is ResponseStatus.PENDING


def test_a_recorded_correction_changes_approved_minutes_with_its_reason(
    svc: S, lib: Library
) -> None:
    _approve(svc, lib)
    locked = svc.get_meeting(lib.meeting.id)
    item = locked.item(lib.item)
    assert item is not None
    para = dataclasses.replace(item.blocks[0], text="Water charges had risen by a fifth.")
    with pytest.raises(ServiceError, match="reason"):
        svc.record_correction(locked, "  ", para)
    svc.record_correction(locked, "Figure misheard; confirmed from the report", para)
    after = svc.get_meeting(lib.meeting.id)
    assert after.locked and after.approval is not None
    found = after.find_block(para.id)
    assert found is not None and isinstance(found[1], Paragraph)
    assert found[1].text == "Water charges had risen by a fifth."
    trail = svc.audit(lib.meeting.id)
    change = next(e for e in trail if e.what.endswith("paragraph changed"))
    assert change.before == "The Clerk reported that water charges had risen by a tenth."
    assert change.after == "Water charges had risen by a fifth."
    assert change.source == "correction: Figure misheard; confirmed from the report"
    assert any(e.what == "Correction recorded" for e in trail)


def test_correction_only_for_approved_minutes(svc: S, lib: Library) -> None:
    with pytest.raises(ServiceError, match="not approved"):
        svc.record_correction(lib.meeting, "reason", Paragraph(text="x"))


def test_changes_are_audited_only_after_circulation(svc: S, lib: Library) -> None:
    meeting = svc.get_meeting(lib.meeting.id)
    meeting.venue = "Village Hall"
    svc.update_meeting(meeting)
    assert svc.audit(meeting.id) == []
    svc.mark_circulated(meeting, date(2026, 3, 12))
    assert svc.get_meeting(meeting.id).circulated_on == date(2026, 3, 12)
    meeting.venue = "Reading Room"
    svc.update_meeting(meeting)
    svc.add_block(meeting, lib.item, Paragraph(text="A late note."))
    svc.set_attendance(meeting, pid(lib.body, "Sorell"), AttendanceStatus.APOLOGIES, "Illness")
    trail = svc.audit(meeting.id)
    whats = [e.what for e in trail]
    assert whats[0] == "Draft minutes circulated"
    venue = next(e for e in trail if "venue" in e.what)
    assert "Village Hall" in venue.before and "Reading Room" in venue.after
    added = next(e for e in trail if e.what.endswith("paragraph added"))
    assert added.after == "A late note." and added.at
    assert any("Attendance of Mina Sorell" in w for w in whats)
    # the first circulation date is kept
    svc.mark_circulated(meeting, date(2026, 3, 20))
    assert svc.get_meeting(meeting.id).circulated_on == date(2026, 3, 12)


def test_accepting_a_suggestion_applies_it_and_is_audited(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = svc.export_review_file(lib.meeting, tmp_path / "r.clerkreview")
    session = open_review_file(path, reviewer="Cllr Hazel Okonkwo")
    session.respond(lib.motion, "suggest", "Round it", suggested_text="the rent be £40 per plot.")
    session.respond(lib.item, "suggest", suggested_text="Water charges rose by 10%.")
    session.save()
    added = svc.import_review(path).added
    for response in added:
        svc.accept_suggestion(response.id)
    meeting = svc.get_meeting(lib.meeting.id)
    found = meeting.find_block(lib.motion)
    assert found is not None and isinstance(found[1], Motion)
    assert found[1].clauses == ["the rent be £40 per plot."]
    assert found[1].outcome is Outcome.CARRIED  # only the wording changed
    para = meeting.find_block(lib.paragraph)
    assert para is not None and isinstance(para[1], Paragraph)
    assert para[1].text == "Water charges rose by 10%."
    assert {r.status for r in svc.responses(meeting.id)} == {ResponseStatus.ACCEPTED}
    trail = svc.audit(meeting.id)
    motion_entry = next(e for e in trail if e.what.endswith("motion changed"))
    assert "£42 per plot" in motion_entry.before and "£40 per plot" in motion_entry.after
    assert "review by Cllr Hazel Okonkwo" in motion_entry.source
    with pytest.raises(ServiceError, match="already accepted"):
        svc.accept_suggestion(added[0].id)


def test_rejecting_a_suggestion_leaves_the_text(svc: S, lib: Library, tmp_path: Path) -> None:
    path = svc.export_review_file(lib.meeting, tmp_path / "r.clerkreview")
    session = open_review_file(path, reviewer="Hazel")
    session.respond(lib.motion, "suggest", suggested_text="the rent be £40.")
    session.respond(lib.item, "query", "Source?")
    session.save()
    added = svc.import_review(path).added
    suggestion = next(r for r in added if r.is_suggestion)
    query = next(r for r in added if not r.is_suggestion)
    revision = svc.get_meeting(lib.meeting.id).revision
    with pytest.raises(ServiceError, match="reason"):
        svc.reject_suggestion(suggestion.id, "")
    with pytest.raises(ServiceError, match="Only a suggested wording"):
        svc.accept_suggestion(query.id)
    svc.reject_suggestion(suggestion.id, "The rent was agreed at £42.")
    meeting = svc.get_meeting(lib.meeting.id)
    found = meeting.find_block(lib.motion)
    assert found is not None and isinstance(found[1], Motion)
    assert found[1].clauses == ["the allotment rent for 2026/27 be set at £42 per plot."]
    assert meeting.revision == revision
    stored = next(r for r in svc.responses(meeting.id) if r.id == suggestion.id)
    assert stored.status is ResponseStatus.REJECTED
    assert stored.reason == "The rent was agreed at £42."
    assert any(e.what == "Suggested wording rejected" for e in svc.audit(meeting.id))
