"""Ids: those given to new entities (random version-4 UUIDs), and the people a block names."""

from __future__ import annotations

import uuid

from clerk_app.domain.model import Body, new_id


def test_ids_are_version_4_uuids_and_do_not_repeat() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for value in ids[:200]:
        assert len(value) == 32 and value == value.lower()
        parsed = uuid.UUID(hex=value)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
        assert parsed.hex == value


def test_each_new_entity_gets_its_own_id() -> None:
    first, second = Body(name="Harrowfield Parish Council"), Body(name="Audit Committee")
    assert first.id != second.id and uuid.UUID(hex=first.id).version == 4


def test_every_person_a_block_names_is_found() -> None:
    from clerk_app.domain.model import (
        Action,
        Declaration,
        Motion,
        Paragraph,
        Vote,
        VoteChoice,
        VoteKind,
        person_references,
    )

    motion = Motion(
        mover_id="m",
        seconder_id="s",
        vote=Vote(
            kind=VoteKind.CASTING,
            named={"a": VoteChoice.FOR, "b": VoteChoice.AGAINST},
            casting_person_id="c",
        ),
    )
    assert sorted(person_references(motion)) == [
        ("mover_id", "m"),
        ("seconder_id", "s"),
        ("vote.casting_person_id", "c"),
        ("vote.named", "a"),
        ("vote.named", "b"),
    ]
    assert person_references(Declaration(person_id="d")) == [("person_id", "d")]
    assert person_references(Action(text="Write", owner_id="o")) == [("owner_id", "o")]
    assert person_references(Paragraph(text="No one named")) == []
