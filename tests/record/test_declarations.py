"""Declarations as real minutes record them: the time, a plain "an interest", what the
member did, the part of the item, and the clerk's own nil return."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import time
from pathlib import Path

import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    Body,
    Declaration,
    InterestConduct,
    Item,
    ItemKind,
    Meeting,
    Paragraph,
)
from clerk_app.domain.serial import block_from_dict
from clerk_app.services import Services
from clerk_app.storage import Store
from tests.domain.test_render_support import make_body, make_meeting, rendered, texts
from tests.storage.make_frozen import FROZEN


def _general(*blocks: Declaration | Paragraph) -> Item:
    return Item(title="Declarations of interest", kind=ItemKind.DECLARATIONS, blocks=list(blocks))


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        (
            "as a trustee of the Old Forge Trust",
            "in this item as a trustee of the Old Forge Trust.",
        ),
        ("because his son rents the site", "in this item because his son rents the site."),
        ("being the applicant's landlord", "in this item being the applicant's landlord."),
        ("a trustee of the Old Forge Trust", "in this item as a trustee of the Old Forge Trust."),
        ("The applicant is her brother.", "in this item as the applicant is her brother."),
        ("As treasurer of the allotment society", "in this item as treasurer of the allotment"),
        ("living next to the site", "in this item, living next to the site."),
    ],
)
def test_the_reason_reads_whatever_its_first_word(reason: str, said: str) -> None:
    body, cast = make_body()
    d = Declaration(
        person_id=cast.moss.id, interest_type="other registrable interest", reason=reason
    )
    (text,) = texts(rendered(d, body))
    assert text.startswith("Councillor Dr Moss declared an other registrable interest " + said)
    assert "as as" not in text and "as because" not in text and "as being" not in text


def test_a_plain_interest_and_each_thing_the_member_did() -> None:
    body, cast = make_body()
    d = Declaration(person_id=cast.lowe.id, scope="application 26/0412/FUL")
    said = {
        InterestConduct.NOT_STATED: "",
        InterestConduct.LEFT_ROOM: " and left the room during its consideration",
        InterestConduct.NO_VOTE: " and remained in the room but did not vote",
        InterestConduct.TOOK_PART: " and remained in the room and took part",
    }
    for conduct, tail in said.items():
        d.conduct = conduct
        assert texts(rendered(d, body)) == [
            f"Councillor Ms Lowe declared an interest in application 26/0412/FUL{tail}."
        ]
    d.conduct = InterestConduct.DISPENSATION
    assert texts(rendered(d, body)) == [
        "Councillor Ms Lowe declared an interest in application 26/0412/FUL. Councillor Ms "
        "Lowe held a dispensation to speak and vote on this item."
    ]


def test_a_typed_nil_return_is_not_doubled_and_a_paragraph_gets_none() -> None:
    body, _ = make_body()
    nil = Declaration(nil=True)
    meeting = make_meeting(body, _general(nil))
    from clerk_app.domain.render import render_minutes

    text = render_minutes(meeting, body, Version.FULL).text
    assert text.count("No declarations of interest were made.") == 1
    own = Paragraph(text="Members were reminded to declare interests as items arose.")
    meeting = make_meeting(body, _general(own))
    text = render_minutes(meeting, body, Version.FULL).text
    assert "No declarations of interest were made" not in text
    assert "Members were reminded" in text
    meeting = make_meeting(body, _general())
    assert "No declarations of interest were made." in render_minutes(meeting, body).text


def test_older_flags_are_read_as_what_the_member_did() -> None:
    old = {"kind": "declaration", "id": "d", "person_id": "p", "interest_type": "x",
           "reason": "", "left_room": False, "dispensation": True}  # fmt: skip
    block = block_from_dict(old)
    assert isinstance(block, Declaration)
    assert block.conduct is InterestConduct.DISPENSATION and not block.left_room
    old["left_room"] = True
    assert block_from_dict(old).left_room  # type: ignore[attr-defined]


def test_a_version_3_database_keeps_who_left_the_room(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    shutil.copyfile(FROZEN / "v3.db", path)
    with Store.open(path, backups=False) as store:
        found = store.get_meeting("m-nov").find_block("b-decl")
        assert found is not None and isinstance(found[1], Declaration)
        assert found[1].conduct is InterestConduct.LEFT_ROOM
    conn = sqlite3.connect(path)
    (data,) = conn.execute("SELECT data FROM blocks WHERE id = 'b-decl'").fetchone()
    conn.close()
    saved = json.loads(data)
    assert saved["conduct"] == "left_room" and "left_room" not in saved


def test_recorded_through_the_services_and_read_back(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    item = meeting.items[0]
    person = body.members[2]
    d = svc.record_declaration(
        meeting, item.id, person.id, "", "as a member of the Friends of Wren Park",
        conduct=InterestConduct.NO_VOTE, scope="the playground part of the item",
        at=time(19, 5),
    )  # fmt: skip
    nil = svc.record_nil_declarations(meeting, item.id)
    again = svc.get_meeting(meeting.id).item(item.id)
    assert again is not None
    assert again.blocks[-2:] == [d, nil]
    assert d.at == time(19, 5) and d.interest_type == ""


def test_an_older_json_file_with_the_two_flags_imports(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    from clerk_app.services.interchange import meeting_to_json, parse_meeting_json

    item = meeting.items[0]
    svc.record_declaration(meeting, item.id, body.members[1].id, "", "as a school governor")
    data = json.loads(json.dumps(meeting_to_json(svc.get_meeting(meeting.id), body)))
    (old,) = [
        b for it in data["meeting"]["items"] for b in it["blocks"] if b["kind"] == "declaration"
    ]
    for key in ("conduct", "scope", "at", "nil"):
        del old[key]
    old.update(left_room=True, dispensation=False)
    _body, read = parse_meeting_json(data)
    (decl,) = [b for it in read.items for b in it.blocks if isinstance(b, Declaration)]
    assert decl.conduct is InterestConduct.LEFT_ROOM and decl.reason == "as a school governor"
