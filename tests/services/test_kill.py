"""Killing the process the moment a service call returns loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from clerk_app.domain.model import Motion, Paragraph, VoteKind
from clerk_app.storage import Store

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from datetime import date
from clerk_app.domain.model import BodyKind, Paragraph, Person, Role, Vote, VoteKind, Outcome
from clerk_app.services import Services
from clerk_app.storage import Store

store = Store.open(sys.argv[1], backups=False)
svc = Services(store)
body = svc.create_body("Audit Committee", BodyKind.COMMITTEE)
svc.add_person(body, Person("Ada", "Winter", role=Role.CHAIR))
svc.add_person(body, Person("Ben", "Ashdown"))
meeting = svc.create_meeting(body.id, date(2026, 5, 5), agenda=["Internal audit plan"])
item = meeting.items[-1]
motion = svc.move_motion(meeting, item.id, mover_id=body.people[0].id,
                         seconder_id=body.people[1].id, clauses=["the plan be approved"])
svc.record_vote(meeting, item.id, motion.id, Vote(kind=VoteKind.UNANIMOUS), Outcome.CARRIED)
text = "Typed a moment before the battery died – £5"
block = svc.add_block(meeting, item.id, Paragraph(text=text))
print(meeting.id, block.id, flush=True)
sys.stdin.readline()  # wait to be killed
"""


def test_sigkill_after_service_calls(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    meeting_id, block_id = line.split()
    with Store.open(db, backups=False, force=True) as store:
        meeting = store.get_meeting(meeting_id)
    blocks = meeting.items[-1].blocks
    assert isinstance(blocks[0], Motion) and blocks[0].vote.kind is VoteKind.UNANIMOUS
    assert isinstance(blocks[1], Paragraph) and blocks[1].id == block_id
    assert blocks[1].text == "Typed a moment before the battery died – £5"
