"""A meeting with a Part 1 and a Part 2 item, made through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import docx

from clerk_app.domain.model import Body, BodyKind, Meeting, Outcome, Person, Role, Vote, VoteKind
from clerk_app.services import Services

SECRET = "ZEBRAFINCH-EXEMPT"  # in every text of the Part 2 item


@dataclass
class Exempt:
    body: Body
    meeting: Meeting
    public_item: str
    exempt_item: str


def exempt_meeting(svc: Services) -> Exempt:
    body = svc.create_body("Estates Committee", BodyKind.COMMITTEE, authority="Orrin Borough")
    body.people += [
        Person("Hana", "Jessop", role=Role.CHAIR),
        Person("Idris", "Kemal"),
        Person("Lowri", "Nash"),
    ]
    body = svc.save_body(body)
    meeting = svc.create_meeting(
        body.id,
        date(2026, 4, 14),
        venue="Room 1",
        start_time=time(18, 30),
        agenda=["Parks maintenance contract", f"[exempt 3] Sale of {SECRET} yard"],
        standard_items=False,
    )
    first, second = meeting.items
    chair, kemal = body.people[0].id, body.people[1].id
    svc.add_action(meeting, first.id, "Retender the mowing lot", owner="Parks Manager")
    svc.add_action(meeting, second.id, f"Instruct agents {SECRET}", owner=f"Agent {SECRET}")
    svc.add_block(meeting, second.id, _paragraph(f"Bids were opened. {SECRET}"))
    motion = svc.move_motion(
        meeting, second.id, mover_id=chair, seconder_id=kemal, clauses=[f"sell {SECRET}"]
    )
    svc.record_vote(meeting, second.id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    item = svc.get_meeting(meeting.id).items[1]
    item.report_author, item.report_ref = f"Head of {SECRET}", f"EST/{SECRET}"
    item.public_heading, item.public_summary = "Disposal of land", "A sale was agreed."
    svc.update_item(meeting, item)
    first_item = meeting.items[0]
    first_item.report_author = "Head of Parks"
    svc.update_item(meeting, first_item)
    return Exempt(body, svc.get_meeting(meeting.id), first.id, second.id)


def _paragraph(text: str):  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import Paragraph

    return Paragraph(text=text)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx."""
    word = docx.Document(str(path))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)
