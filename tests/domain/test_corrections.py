"""Which wordings of approved minutes a correction can replace, and replacing one."""

from __future__ import annotations

import pytest

from clerk_app.domain.corrections import NO_WORDING, replace_wording, text_parts, wordings
from clerk_app.domain.model import (
    AttendanceChange,
    Declaration,
    Item,
    Motion,
    MotionKind,
    Note,
    Paragraph,
    Points,
)


def _item() -> Item:
    return Item(
        title="Allotments at Brook Lane",
        blocks=[
            Paragraph(text="The officer introduced the report."),
            AttendanceChange(person_id="p1"),
            Points(intro="Members raised:", points=["water charges", "the waiting list"]),
            Motion(preamble="That", clauses=["fees rise by 3%.", "a review follow."]),
            Motion(motion_kind=MotionKind.AMENDMENT, clauses=["delete 3%, insert 2%."]),
            Declaration(person_id="p2"),
            Note(text="Councillor Tanaka left the room."),
        ],
    )


def test_parts_in_reading_order_labelled_by_block_position() -> None:
    item = _item()
    labels = [p.label for p in text_parts(item)]
    assert labels == [
        "Title",
        "1. Paragraph",
        "3. Points, opening words",
        "3. Point 1",
        "3. Point 2",
        "4. Motion, opening words",
        "4. Motion, clause 1",
        "4. Motion, clause 2",
        "5. Amendment, clause 1",
        "7. Note",
    ]
    assert {p.block_id for p in text_parts(item)} >= {item.blocks[2].id, item.blocks[3].id}
    opening = next(p for p in text_parts(item) if p.field == "intro")
    assert opening.may_be_empty and not text_parts(item)[0].may_be_empty


def test_arrivals_and_declarations_have_no_wording() -> None:
    item = _item()
    for block in item.blocks:
        assert (not wordings(block)) == (block.KIND in NO_WORDING)


@pytest.mark.parametrize(
    ("position", "field", "index", "old"),
    [
        (0, "text", -1, "The officer introduced the report."),
        (2, "points", 1, "the waiting list"),
        (2, "intro", -1, "Members raised:"),
        (3, "clauses", 0, "fees rise by 3%."),
    ],
)
def test_replace_wording_changes_only_that_wording(
    position: int, field: str, index: int, old: str
) -> None:
    item = _item()
    block = item.blocks[position]
    before = {w.field + str(w.index): w.text for w in wordings(block)}
    assert replace_wording(block, field, index, "corrected") == old
    after = {w.field + str(w.index): w.text for w in wordings(block)}
    key = field + str(index)
    assert after[key] == "corrected"
    assert {k: v for k, v in after.items() if k != key} == {
        k: v for k, v in before.items() if k != key
    }
