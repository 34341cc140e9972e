"""Undo commands: each block kind added, edited and deleted, undone and redone, and what
is saved checked by reopening the database."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date, time
from pathlib import Path

import pytest

from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    Body,
    ChangeKind,
    Declaration,
    ItemStatus,
    Meeting,
    Motion,
    MotionKind,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Points,
    Vote,
    VoteKind,
)
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import (
    AddBlockCommand,
    AddItemCommand,
    DeleteBlockCommand,
    DeleteItemCommand,
    MoveBlockCommand,
    MoveItemCommand,
    RecordVoteCommand,
    SetItemStatusCommand,
    UpdateBlockCommand,
    UpdateItemCommand,
)
from clerk_app.services import Services
from tests.gui.conftest import pid, reopened


@pytest.fixture
def session(qtbot, gui_services: Services, gui_meeting: Meeting) -> MeetingSession:  # type: ignore[no-untyped-def]
    s = MeetingSession(gui_services, gui_meeting)
    s.set_current_item(gui_meeting.items[-2].id)
    return s


def saved_blocks(db: Path, meeting_id: str, item_id: str) -> list[Block]:
    store = reopened(db)
    try:
        item = store.get_meeting(meeting_id).item(item_id)
        assert item is not None
        return item.blocks
    finally:
        store.close()


def samples(body: Body) -> list[tuple[Block, dict[str, object]]]:
    """One block of each kind, and a change to make to it."""
    russell, pike = pid(body, "Russell"), pid(body, "Pike")
    return [
        (Paragraph(text="The officer introduced the report."), {"text": "Revised – £2,400."}),
        (Points(points=["Traffic on Mill Lane"]), {"points": ["Traffic", "Parking – Øvergaard"]}),
        (
            AttendanceChange(person_id=pike, change=ChangeKind.LEFT, at=time(19, 5)),
            {"at": time(19, 7)},
        ),
        (
            Declaration(person_id=russell, interest_type="other registrable interest"),
            {"reason": "as a member of the Mill Lane Residents' Association"},
        ),
        (
            Motion(mover_id=russell, seconder_id=pike, clauses=["That permission be granted."]),
            {"clauses": ["That permission be refused."]},
        ),
        (Action(text="Write to the applicant"), {"due": date(2027, 1, 31)}),
        (Note(note_kind=NoteKind.ADJOURNED, at=time(20, 0)), {"text": "for a comfort break"}),
    ]


def test_add_edit_delete_each_block_kind_directly(
    session: MeetingSession, gui_body: Body, gui_db: Path
) -> None:
    item_id = session.current_item_id
    mid = session.meeting.id
    for block, change in samples(gui_body):
        add = AddBlockCommand(session, item_id, copy.deepcopy(block))
        add.redo()
        assert [b.id for b in saved_blocks(gui_db, mid, item_id)][-1] == block.id

        before = session.block(item_id, block.id)
        after = copy.deepcopy(before)
        for name, value in change.items():
            setattr(after, name, value)
        edit = UpdateBlockCommand(session, item_id, before, after)
        edit.redo()
        stored = saved_blocks(gui_db, mid, item_id)[-1]
        for name, value in change.items():
            assert getattr(stored, name) == value, (block.KIND, name)
        edit.undo()
        stored = saved_blocks(gui_db, mid, item_id)[-1]
        assert stored.heard_at, block.KIND  # bookmarked when it was added
        assert dataclasses.replace(stored, heard_at="") == block, block.KIND
        edit.redo()

        delete = DeleteBlockCommand(session, item_id, block.id)
        delete.redo()
        assert block.id not in {b.id for b in saved_blocks(gui_db, mid, item_id)}
        delete.undo()
        stored = saved_blocks(gui_db, mid, item_id)[-1]
        assert stored.id == block.id
        for name, value in change.items():
            assert getattr(stored, name) == value

        add.undo()
        assert block.id not in {b.id for b in saved_blocks(gui_db, mid, item_id)}
        add.redo()  # the very same block comes back
        assert saved_blocks(gui_db, mid, item_id)[-1].id == block.id
    assert [b.KIND for b in saved_blocks(gui_db, mid, item_id)] == [
        b.KIND for b, _c in samples(gui_body)
    ]


def test_delete_undo_puts_the_block_back_where_it_was(
    session: MeetingSession, gui_db: Path
) -> None:
    item_id = session.current_item_id
    stack = session.undo_stack
    for text in ("first", "second", "third"):
        stack.push(AddBlockCommand(session, item_id, Paragraph(text=text)))
    middle = session.item(item_id).blocks[1].id
    stack.push(DeleteBlockCommand(session, item_id, middle))
    texts = [b.text for b in saved_blocks(gui_db, session.meeting.id, item_id)]  # type: ignore[attr-defined]
    assert texts == ["first", "third"]
    stack.undo()
    texts = [b.text for b in saved_blocks(gui_db, session.meeting.id, item_id)]  # type: ignore[attr-defined]
    assert texts == ["first", "second", "third"]
    stack.push(MoveBlockCommand(session, item_id, middle, 0))
    texts = [b.text for b in saved_blocks(gui_db, session.meeting.id, item_id)]  # type: ignore[attr-defined]
    assert texts == ["second", "first", "third"]
    stack.undo()
    texts = [b.text for b in saved_blocks(gui_db, session.meeting.id, item_id)]  # type: ignore[attr-defined]
    assert texts == ["first", "second", "third"]


def test_typing_into_one_field_merges_into_one_undo_step(
    session: MeetingSession, gui_db: Path
) -> None:
    item_id = session.current_item_id
    stack = session.undo_stack
    stack.push(AddBlockCommand(session, item_id, Paragraph()))
    block = session.item(item_id).blocks[0]
    for text in ("Siân", "Siân Øvergaard", "Siân Øvergaard asked about £ costs"):
        after = copy.deepcopy(session.block(item_id, block.id))
        after.text = text  # type: ignore[attr-defined]
        stack.push(
            UpdateBlockCommand(
                session, item_id, session.block(item_id, block.id), after, field="text#1"
            )
        )
    assert stack.count() == 2  # the add, and one merged edit
    stack.undo()
    assert saved_blocks(gui_db, session.meeting.id, item_id)[0].text == ""  # type: ignore[attr-defined]
    stack.redo()
    stored = saved_blocks(gui_db, session.meeting.id, item_id)[0]
    assert stored.text == "Siân Øvergaard asked about £ costs"  # type: ignore[attr-defined]


def test_record_vote_on_carried_amendment_makes_and_unmakes_the_substantive_motion(
    session: MeetingSession, gui_body: Body, gui_db: Path
) -> None:
    item_id = session.current_item_id
    russell, pike = pid(gui_body, "Russell"), pid(gui_body, "Pike")
    stack = session.undo_stack
    motion = Motion(mover_id=russell, seconder_id=pike, clauses=["That permission be granted."])
    stack.push(AddBlockCommand(session, item_id, motion))
    amendment = Motion(
        motion_kind=MotionKind.AMENDMENT,
        amends_id=motion.id,
        mover_id=pike,
        seconder_id=russell,
        clauses=["That permission be granted subject to a landscaping condition."],
    )
    stack.push(AddBlockCommand(session, item_id, amendment))
    vote = Vote(kind=VoteKind.COUNTS, for_count=4, against_count=1, abstain_count=0)
    cmd = RecordVoteCommand(session, item_id, amendment.id, vote, Outcome.CARRIED)
    stack.push(cmd)
    blocks = saved_blocks(gui_db, session.meeting.id, item_id)
    assert len(blocks) == 3
    assert blocks[1].outcome is Outcome.CARRIED  # type: ignore[attr-defined]
    assert blocks[2].derived_from_id == amendment.id  # type: ignore[attr-defined]
    assert cmd.new_motion is not None and cmd.new_motion.id == blocks[2].id
    stack.undo()
    blocks = saved_blocks(gui_db, session.meeting.id, item_id)
    assert len(blocks) == 2
    assert blocks[1].outcome is Outcome.PENDING  # type: ignore[attr-defined]
    assert blocks[1].vote.kind is VoteKind.NONE  # type: ignore[attr-defined]
    stack.redo()
    blocks = saved_blocks(gui_db, session.meeting.id, item_id)
    assert [b.id for b in blocks][2] == cmd.made[0][1].id  # the same motion comes back
    assert blocks[1].vote.for_count == 4  # type: ignore[attr-defined]


def test_item_commands_undo_and_redo(session: MeetingSession, gui_db: Path) -> None:
    stack = session.undo_stack
    mid = session.meeting.id
    first = session.meeting.items[0]

    def stored() -> Meeting:
        store = reopened(gui_db)
        try:
            return store.get_meeting(mid)
        finally:
            store.close()

    after = copy.deepcopy(first)
    after.title = "Apologies – Councillor Øvergaard"
    stack.push(UpdateItemCommand(session, first, after))
    assert stored().items[0].title == "Apologies – Councillor Øvergaard"
    stack.undo()
    assert stored().items[0].title == first.title

    last = session.meeting.items[-1]
    stack.push(MoveItemCommand(session, last.id, 0))
    assert stored().items[0].id == last.id
    stack.undo()
    assert stored().items[-1].id == last.id

    stack.push(SetItemStatusCommand(session, last.id, ItemStatus.DEFERRED))
    assert stored().items[-1].status is ItemStatus.DEFERRED
    stack.undo()
    assert stored().items[-1].status is ItemStatus.PENDING

    count = len(stored().items)
    add = AddItemCommand(session, "Urgent business – flooding at Øvergaard Close", 1)
    stack.push(add)
    assert stored().items[1].title.startswith("Urgent business")
    stack.undo()
    assert len(stored().items) == count
    stack.redo()
    assert stored().items[1].id == add.item.id  # type: ignore[union-attr]

    stack.push(AddBlockCommand(session, last.id, Paragraph(text="Kept with its item")))
    stack.push(DeleteItemCommand(session, last.id))
    assert last.id not in {i.id for i in stored().items}
    stack.undo()
    restored = stored().item(last.id)
    assert restored is not None
    assert [b.text for b in restored.blocks] == ["Kept with its item"]  # type: ignore[attr-defined]


def test_a_refused_change_is_not_an_undo_step(session: MeetingSession, gui_db: Path) -> None:
    from clerk_app.domain.model import MeetingStatus
    from clerk_app.services import MeetingLocked

    failures: list[BaseException] = []
    session.failed.connect(failures.append)
    item_id = session.current_item_id
    assert session.push(AddBlockCommand(session, item_id, Paragraph(text="Before approval")))
    session.meeting.status = MeetingStatus.APPROVED  # as if approved elsewhere
    assert not session.push(AddBlockCommand(session, item_id, Paragraph(text="After")))
    assert session.undo_stack.count() == 1
    assert isinstance(failures[0], MeetingLocked)
    texts = [b.text for b in saved_blocks(gui_db, session.meeting.id, item_id)]  # type: ignore[attr-defined]
    assert texts == ["Before approval"]
