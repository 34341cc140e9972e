"""Version 3 keeps what the public may read about a Part 2 item apart from its exempt
text: every frozen database upgrades, its Part 2 items headed in public by their title as
before, and the new fields are saved and read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clerk_app.storage import Store, schema
from tests.storage.make_frozen import FROZEN

FROZEN_DBS = sorted(FROZEN.glob("v*.db"), key=lambda p: int(p.stem[1:]))


@pytest.mark.parametrize("frozen", FROZEN_DBS, ids=lambda p: p.stem)
def test_every_frozen_version_gains_the_public_parts(frozen: Path, tmp_path: Path) -> None:
    record = json.loads(frozen.with_suffix(".json").read_text(encoding="utf-8"))
    path = tmp_path / "clerk.db"
    shutil.copyfile(frozen, path)
    with Store.open(path, backups=False) as store:
        columns = store.db["items"].columns_dict
        assert {"public_heading", "public_summary"} <= set(columns)
        meeting = store.get_meeting(record["meeting"]["id"])
        for item, saved in zip(meeting.items, record["meeting"]["items"], strict=True):
            if item.exempt:
                assert item.public_heading == saved.get("public_heading", saved["title"])
                assert item.public_heading
                assert item.public_summary == saved.get("public_summary", "")
            else:
                assert (item.public_heading, item.public_summary) == ("", "")
        exempt = next(it for it in meeting.items if it.exempt)
        exempt.public_heading = "Enforcement matter"
        exempt.public_summary = "Action to be taken on a breach of planning control."
        store.save_item(meeting.id, exempt)
    with Store.open(path, backups=False) as store:
        again = store.get_meeting(meeting.id).item(exempt.id)
        assert again is not None
        assert again.public_heading == "Enforcement matter"
        assert again.public_summary == "Action to be taken on a breach of planning control."


def test_the_migration_is_the_third() -> None:
    assert schema.MIGRATIONS[2].__name__ == "_v3_public_parts"
