"""A saved block survives the process being killed the moment the save returns."""

from __future__ import annotations

import signal
from pathlib import Path

from clerk_app.domain.model import Paragraph
from clerk_app.storage import Store
from tests.storage.sample import sample_body, sample_meeting
from tests.storage.test_lock import child, first_line


def test_block_saved_before_sigkill_is_there_after(db_path: Path) -> None:
    body = sample_body()
    meeting = sample_meeting(body)
    with Store.open(db_path) as store:
        store.save_body(body)
        store.save_meeting(meeting)
    text = "Typed a moment before the power button — £12,000 agreed"
    with child("save", str(db_path), meeting.id, "i-depot", "b-killed", text) as proc:
        assert first_line(proc) == "saved"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    assert Path(str(db_path) + "-wal").exists()  # not checkpointed: the WAL must be replayed
    with Store.open(db_path) as store:
        found = store.get_meeting(meeting.id).find_block("b-killed")
        assert found is not None
        item, block = found
        assert item.id == "i-depot"
        assert block == Paragraph(text=text, id="b-killed")
        assert store.search("power button")[0].block_id == "b-killed"
