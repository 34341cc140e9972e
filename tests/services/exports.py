"""Real exports to import: the demo meeting and a small one, each made once in a
library of its own, and a dump of a database to compare before and after."""

from __future__ import annotations

import copy
import functools
import json
import sqlite3
import tempfile
from datetime import date, time
from pathlib import Path
from typing import Any

from clerk_app.domain.model import BodyKind, Person, Role, Vote, VoteKind
from clerk_app.services import Services
from clerk_app.services.interchange import meeting_to_json
from clerk_app.storage import Store


def _export(make: Any) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "source.db", backups=False)
        try:
            svc = Services(store)
            meeting = make(svc)
            data = meeting_to_json(svc.get_meeting(meeting.id), svc.get_body(meeting.body_id))
        finally:
            store.close()
    return json.loads(json.dumps(data))


def _demo(svc: Services) -> Any:
    from clerk_app.services.demo import create_demo

    return create_demo(svc, date(2026, 3, 12))


def _small(svc: Services) -> Any:
    body = svc.create_body("Allotments Panel", BodyKind.PARISH, authority="Brackenfold Parish")
    for first, last, role in [("Wyn", "Tarrant", Role.CHAIR), ("Ola", "Brisk", Role.MEMBER)]:
        body.people.append(Person(first, last, role=role))
    svc.save_body(body)
    meeting = svc.create_meeting(
        body.id, date(2026, 5, 4), start_time=time(19, 0), agenda=["Plot rents"]
    )
    item = meeting.items[-1]
    chair, member = (p.id for p in body.people)
    motion = svc.move_motion(
        meeting, item.id, mover_id=chair, seconder_id=member, clauses=["Rents rise by £2."]
    )
    from clerk_app.domain.model import Outcome

    svc.record_vote(
        meeting, item.id, motion.id, Vote(kind=VoteKind.COUNTS, for_count=2), Outcome.CARRIED
    )
    return meeting


@functools.cache
def _cached(name: str) -> str:
    return json.dumps(_export(_demo if name == "demo" else _small))


def export(name: str = "demo") -> dict[str, Any]:
    """A fresh copy of the export ``name`` ("demo" or "small") as parsed JSON."""
    return copy.deepcopy(json.loads(_cached(name)))


def dump(database: Path) -> list[str]:
    """Everything in the database, as SQL (to compare before and after an import)."""
    conn = sqlite3.connect(database)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
