"""The Welsh community council demo as its clerk would publish it: every typed word in
Welsh, the minutes' first language, with its English translation, so that each column
of the side-by-side minutes reads in one language.

The demo meeting is built in :mod:`clerk_app.services.demo_styles` with the same
business as every other style's; here each typed text becomes its Welsh wording and the
English is kept as its translation. Every place and person is invented.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from clerk_app.domain.model import (
    AttendanceStatus,
    Block,
    Item,
    Meeting,
    Outcome,
    Paragraph,
    Vote,
    VoteKind,
)
from clerk_app.domain.translation import translatable_fields
from clerk_app.services.service import Services

VENUE = ("Neuadd Bentref Llanhelyg", "Llanhelyg Village Hall")

# the English typed by the other styles' demos → the Welsh a Welsh clerk types
WELSH = {
    "the library open until 8 pm on Thursdays from 1 May 2026": (
        "y llyfrgell fod ar agor tan 8 pm ar ddydd Iau o 1 Mai 2026"
    ),
    "Members discussed the tenders received.": "Trafododd yr aelodau’r tendrau a ddaeth i law.",
    "the lowest tender came in under the budget": "roedd y tendr isaf o dan y gyllideb",
    "works would take six weeks": "byddai’r gwaith yn cymryd chwe wythnos",
    "the footbridge repairs be awarded to the lowest compliant tender": (
        "y gwaith atgyweirio ar y bont droed gael ei roi i’r tendr cydymffurfiol isaf"
    ),
    "forty street trees be planted on Canal Row this autumn": (
        "deugain o goed stryd gael eu plannu ar Res y Gamlas yr hydref hwn"
    ),
    "Order the trees from the nursery": "Archebu’r coed o’r feithrinfa",
    "as a neighbour of the contractor": "cymydog i’r contractwr",
    "Clerk’s hours and pay review": "Adolygiad o oriau a chyflog y Clerc",
    "the Clerk’s hours rise to twenty a week on scale point 24": (
        "oriau’r Clerc godi i ugain yr wythnos ar bwynt 24 y raddfa"
    ),
}
TITLES = {
    "Oriau agor y llyfrgell": "Library opening hours",
    "Atgyweirio’r bont droed": "Footbridge repairs",
    "Plannu coed stryd": "Street tree planting",
}
PREVIOUS = (
    "cofnodion y cyfarfod a gynhaliwyd ar 24 Chwefror 2026 gael eu cymeradwyo",
    "the minutes of the meeting held on 24 February 2026 be approved",
)
NO_ARISING = (
    "Nid oedd unrhyw faterion yn codi nad oeddent ar yr agenda.",
    "There were no matters arising not on the agenda.",
)


def _in_welsh(obj: Any) -> dict[str, Any]:
    """The changes that word ``obj``'s typed fields in Welsh, with their English kept as
    the translation (a list field's entries one per line)."""
    changes: dict[str, Any] = {}
    translation = dict(obj.translation)
    for name in translatable_fields(obj):
        value = getattr(obj, name)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            if all(v in WELSH for v in value):
                changes[name] = [WELSH[v] for v in value]
                translation[name] = "\n".join(value)
        elif isinstance(value, str) and value in WELSH:
            changes[name] = WELSH[value]
            translation[name] = value
        elif isinstance(value, str) and value in TITLES:
            translation[name] = TITLES[value]
        elif isinstance(value, str) and " / " in value:  # a standard item: "Cymraeg / English"
            welsh, english = value.split(" / ", 1)
            changes[name] = welsh
            translation[name] = english
    if translation != obj.translation:
        changes["translation"] = translation
    return changes


def type_in_welsh(svc: Services, meeting: Meeting) -> None:
    """The demo meeting's typed words in Welsh, with English translations; its standard
    items minuted; the venue, the next meeting and an apology's reason in both."""
    body = svc.get_body(meeting.body_id)
    chair, seconder = (p.id for p in body.members[:2])
    for item in meeting.items:
        for block in item.blocks:
            changes = _in_welsh(block)
            if changes:
                svc.update_block(meeting, item.id, dataclasses.replace(block, **changes))
        changes = _in_welsh(item)
        if changes:
            svc.update_item(meeting, dataclasses.replace(item, **changes))
        _minute_standard_item(svc, meeting, item, chair, seconder)
    meeting = svc.get_meeting(meeting.id)
    meeting.venue = VENUE[0]
    meeting.next_date = date(2026, 4, 28)
    meeting.next_venue = VENUE[0]
    meeting.translation = {"venue": VENUE[1], "next_venue": VENUE[1]}
    svc.update_meeting(meeting)
    for record in meeting.attendance:
        if record.status is AttendanceStatus.APOLOGIES:
            svc.set_attendance(
                meeting,
                record.person_id,
                record.status,
                reason="salwch",
                translation={"reason": "illness"},
            )


def _minute_standard_item(
    svc: Services, meeting: Meeting, item: Item, mover: str, seconder: str
) -> None:
    """The last meeting's minutes approved, nothing arising: in Welsh and English."""
    title = item.title.casefold()
    blocks: list[Block] = []
    if title.startswith("cofnodion"):
        motion = svc.move_motion(
            meeting, item.id, mover_id=mover, seconder_id=seconder, clauses=[PREVIOUS[0]]
        )
        motion.translation = {"clauses": PREVIOUS[1]}
        svc.update_block(meeting, item.id, motion)
        svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    elif title.startswith("materion yn codi"):
        blocks.append(Paragraph(text=NO_ARISING[0], translation={"text": NO_ARISING[1]}))
    for block in blocks:
        svc.add_block(meeting, item.id, block)
