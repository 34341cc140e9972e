"""The Welsh community council demo as its clerk would publish it: every typed word in
Welsh, the minutes' first language, with its English translation, so that each column
of the side-by-side minutes reads in one language.

The council's business is a Welsh community council's own: a grant to the village
eisteddfod, a new bus shelter, and its response to a planning consultation. The demo
meeting is built in :mod:`clerk_app.services.demo_styles` from :data:`LLANHELYG`, typed
in English; here each typed text becomes its Welsh wording and the English is kept as
its translation. Every place, firm and person is invented.

The Welsh below (``WELSH``, ``TITLES`` and the standard items' wording) is a draft,
written to read naturally: a Welsh speaker should check it before it is relied on.
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
from clerk_app.services.demo_common import Business, Ids, clock
from clerk_app.services.service import Services

VENUE = ("Neuadd Bentref Llanhelyg", "Llanhelyg Village Hall")

# the agenda as the clerk types it, in Welsh (each title's English is in TITLES)
_EISTEDDFOD = "Grant i Eisteddfod Llanhelyg"
_SHELTER = "Cysgodfan fysiau Heol yr Eglwys"
_PLANNING = "Ymgynghoriad cynllunio 26/0418/FUL: Ysgubor Tŷ Gwyn"
TITLES = {
    _EISTEDDFOD: "Grant to Llanhelyg Eisteddfod",
    _SHELTER: "Church Road bus shelter",
    _PLANNING: "Planning consultation 26/0418/FUL: Tŷ Gwyn barn",
}
# a member's interest in the bus shelter: she lives across the road from it
INTEREST = "the owner of the house opposite the shelter"

_LETTER = (
    "The Clerk read a letter from the Eisteddfod committee asking for help with the cost "
    "of hiring the marquee for this year’s eisteddfod on 13 June."
)
_PLANS = (
    "The Clerk had circulated the plans for converting the barn at Tŷ Gwyn into two "
    "holiday lets. Members were concerned that the lane to the barn was too narrow for "
    "two cars to pass."
)


def _context(svc: Services, meeting: Meeting, ids: Ids, items: dict[str, str]) -> None:
    """What the clerk minuted before the grant and the planning response were decided."""
    svc.add_block(meeting, items[_EISTEDDFOD], Paragraph(text=_LETTER), index=0)
    svc.add_block(meeting, items[_PLANNING], Paragraph(text=_PLANS), index=0)


LLANHELYG = Business(
    agenda=(_EISTEDDFOD, _SHELTER, _PLANNING),
    first=(
        _EISTEDDFOD,
        "the Council give a grant of £250 to the Llanhelyg Eisteddfod committee towards "
        "the cost of the marquee",
    ),
    second=(
        _SHELTER,
        "the Council accept the quotation of £4,860 from Seiri Penrhos Cyf. for a new "
        "bus shelter on Church Road",
    ),
    discussion="Members considered three quotations for replacing the bus shelter on "
    "Church Road, which was damaged in the January storms.",
    points=(
        "the lowest quotation was £4,860 from Seiri Penrhos Cyf. for an oak shelter with a bench",
        "the County Council would pay half the cost from its bus stop improvement grant",
    ),
    third=(
        _PLANNING,
        "the Council tell the planning authority that it does not object to application "
        "26/0418/FUL, provided a passing place is made on the lane to the barn",
    ),
    action="Send the Council’s response to the planning authority",
    extra=_context,
)

# the English typed as the demo is built → the Welsh a Welsh clerk types (each follows
# "PENDERFYNWYD bod" where it is a resolution)
WELSH = {
    _LETTER: "Darllenodd y Clerc lythyr gan bwyllgor yr Eisteddfod yn gofyn am gymorth tuag "
    "at gost llogi’r babell ar gyfer eisteddfod eleni ar 13 Mehefin.",
    LLANHELYG.first[1]: "y Cyngor yn rhoi grant o £250 i bwyllgor Eisteddfod Llanhelyg tuag "
    "at gost y babell",
    LLANHELYG.discussion: "Ystyriodd yr aelodau dri dyfynbris ar gyfer gosod cysgodfan newydd "
    "yn lle’r un ar Heol yr Eglwys, a ddifrodwyd yn stormydd mis Ionawr.",
    LLANHELYG.points[0]: "y dyfynbris isaf oedd £4,860 gan Seiri Penrhos Cyf. am gysgodfan "
    "dderw gyda mainc",
    LLANHELYG.points[1]: "byddai’r Cyngor Sir yn talu hanner y gost o’i grant gwella "
    "arosfannau bysiau",
    LLANHELYG.second[1]: "y Cyngor yn derbyn dyfynbris Seiri Penrhos Cyf. o £4,860 am "
    "gysgodfan fysiau newydd ar Heol yr Eglwys",
    INTEREST: "perchennog y tŷ gyferbyn â’r gysgodfan",
    _PLANS: "Roedd y Clerc wedi dosbarthu’r cynlluniau i drosi’r ysgubor yn Nhŷ Gwyn yn ddau "
    "lety gwyliau. Roedd yr aelodau’n pryderu bod y lôn at yr ysgubor yn rhy gul i ddau gar "
    "basio’i gilydd.",
    LLANHELYG.third[1]: "y Cyngor yn rhoi gwybod i’r awdurdod cynllunio nad yw’n gwrthwynebu "
    "cais 26/0418/FUL, ar yr amod bod man pasio’n cael ei greu ar y lôn at yr ysgubor",
    LLANHELYG.action: "Anfon ymateb y Cyngor i’r awdurdod cynllunio",
    "Clerk’s hours and pay review": "Adolygiad o oriau a chyflog y Clerc",
    "the Clerk’s hours rise to twenty a week on scale point 24": (
        "oriau’r Clerc yn codi i ugain yr wythnos ar bwynt 24 y raddfa"
    ),
}
PREVIOUS = (
    "cofnodion y cyfarfod a gynhaliwyd ar 24 Chwefror 2026 yn cael eu cymeradwyo",
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
    meeting.next_time = clock("welsh-community-council", 30)
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
