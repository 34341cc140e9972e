"""Entity ids: random version-4 UUIDs written as 32 hex digits."""

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
