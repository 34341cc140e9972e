"""The standard items of each style's demo meeting, minuted as that body's clerk would:
the pledge and who led it, the agenda adopted, the consent agenda's items and its vote,
who spoke in public comment, the police and treasurer's reports, votes of sympathy, the
confirming by-law … so no item prints as a heading alone.

Every place, business and person here is invented.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from clerk_app.domain.model import (
    Action,
    ItemKind,
    Meeting,
    MotionKind,
    Outcome,
    Paragraph,
    Points,
    PublicParticipation,
    Speaker,
    SpeakerCapacity,
    Vote,
    VoteKind,
)
from clerk_app.services.demo_common import carried, clock
from clerk_app.services.service import Services

Ids = dict[str, str]
Filler = Callable[[Services, Meeting, str, Ids], None]

# items a body takes last, whatever its list of standard items puts first
CLOSING = (
    "any other competent business",
    "date of next meeting",
    "dyddiad y cyfarfod nesaf",
    "confirmation by-law",
)
# items a body takes at a fixed place that its style's standard list does not name:
# (style id, title, the title of the item it follows)
EXTRA_ITEMS = {"us-city-council": ("Public comment", "Approval of the agenda")}
NEXT_MEETING = date(2026, 4, 28)  # at half an hour later in the day than this one
PREVIOUS = "the minutes of the meeting held on 24 February 2026 be approved"

# the demo's business as a North American clerk words it: dates month first, "p.m.";
# a US city asks for bids in the fall where a British council seeks tenders in autumn
_NORTH_AMERICA = {
    PREVIOUS: "the minutes of the regular meeting held on February 24, 2026 be approved",
    "the library open until 8 pm on Thursdays from 1 May 2026": (
        "the library stay open until 8 p.m. on Thursdays beginning May 1, 2026"
    ),
}
_US = {
    **_NORTH_AMERICA,
    "Members discussed the tenders received.": "Council discussed the bids received.",
    "the lowest tender came in under the budget": "the lowest bid came in under budget",
    "works would take six weeks": "the work would take six weeks",
    "the footbridge repairs be awarded to the lowest compliant tender": (
        "the footbridge repair contract be awarded to the lowest responsive bidder"
    ),
    "forty street trees be planted on Canal Row this autumn": (
        "forty street trees be planted on Canal Row this fall"
    ),
}
_WORDINGS = {
    "us-city-council": _US,
    "us-nonprofit-board": _NORTH_AMERICA,
    # a Scottish committee resolves "to" do a thing, and approves the minute of a meeting
    "scottish-council-committee": {
        PREVIOUS: "to approve the minute of the meeting held on 24 February 2026",
    },
    "ontario-council": {
        **_NORTH_AMERICA,
        PREVIOUS: "the minutes of the regular meeting of Council held on February 24, 2026 "
        "be adopted as circulated",
    },
}


def worded(style_id: str, text: str) -> str:
    """``text`` as a clerk of the style ``style_id`` words it."""
    return _WORDINGS.get(style_id, {}).get(text, text)


def arrange_items(svc: Services, meeting: Meeting, style_id: str) -> None:
    """The closing items moved after the business, and any item the body always takes
    that its standard list lacks put in its place."""
    for item in [it for it in meeting.items if it.title.casefold().startswith(CLOSING)]:
        svc.move_item(meeting, item.id, len(meeting.items) - 1)
    if style_id in EXTRA_ITEMS:
        title, after = EXTRA_ITEMS[style_id]
        at = next(i for i, it in enumerate(meeting.items) if it.title == after)
        svc.add_item(meeting, title, index=at + 1)


def minute_standard_items(
    svc: Services, meeting: Meeting, ids: Ids, style_id: str, *, closing: bool = False
) -> None:
    """Each standard item minuted with words of its kind: the opening ones before the
    business is taken, the ``closing`` ones after it (so a confirming by-law is the last
    decision of the meeting)."""
    for item in list(meeting.items):
        if item.title.casefold().startswith(CLOSING) is not closing:
            continue
        if item.kind is ItemKind.PREVIOUS_MINUTES:
            carried(
                svc,
                meeting,
                item.id,
                [worded(style_id, PREVIOUS)],
                mover=ids["Lind"],
                seconder=ids["Adair"],
                vote=VoteKind.UNANIMOUS,
            )
            continue
        title = item.title.casefold()
        for start, fill in [*OWN_FILLERS.get(style_id, {}).items(), *FILLERS.items()]:
            if title.startswith(start):
                fill(svc, meeting, item.id, ids)
                break
        if item.kind is ItemKind.APOLOGIES and not svc.auto_wording(meeting, item.id):
            _roll_call(svc, meeting, item.id, ids)  # the style prints the absences above
    if closing and any(it.kind is ItemKind.NEXT_MEETING for it in meeting.items):
        meeting.next_date, meeting.next_time = NEXT_MEETING, clock(style_id, 30)
        meeting.next_venue = meeting.venue
        svc.update_meeting(meeting)


def _say(*texts: str) -> Filler:
    def fill(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
        for text in texts:
            svc.add_block(meeting, item_id, Paragraph(text=text))

    return fill


_roll_call = _say(
    "The Secretary called the roll: eight of the nine directors were present, one of them "
    "by video conference."
)


def _agenda(wording: str) -> Filler:
    def fill(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
        motion = svc.move_motion(
            meeting,
            item_id,
            mover_id=ids["Ó Briain"],
            seconder_id=ids["Nakamura"],
            kind=MotionKind.PROCEDURAL,
            clauses=[wording],
        )
        svc.record_vote(meeting, item_id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)

    return fill


def _consent_agenda(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Points(
            intro="The consent agenda comprised the following items, approved on one motion:",
            points=[
                "claims and payroll for the period February 21 to March 13, 2026, "
                "totaling $1,284,560.17",
                "a resolution accepting the gift of six park benches for Heron Park from "
                "the Marlow Springs Rotary Club",
                "renewal of the City Hall janitorial services agreement with Brightspan "
                "Facility Services through March 31, 2027",
            ],
        ),
    )
    carried(
        svc,
        meeting,
        item_id,
        ["the consent agenda be approved as presented"],
        mover=ids["Adair"],
        seconder=ids["Nakamura"],
        vote=Vote(VoteKind.COUNTS, 8, 0, 0),
    )


def _public_comment(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        PublicParticipation(
            intro="Mayor Whitfield opened public comment",
            speakers=[
                Speaker(
                    "Linda Carver",
                    SpeakerCapacity.OTHER,
                    "of 412 Alder Street",
                    summary="asking the Council for a marked crosswalk at Alder Street and "
                    "Fifth Avenue, which children cross on their way to Hollis Elementary",
                ),
                Speaker(
                    "Marcus Bell",
                    SpeakerCapacity.OTHER,
                    "for the Friends of the Marlow Springs Library",
                    summary="speaking in favor of later opening on Thursdays",
                ),
            ],
        ),
    )
    svc.add_block(
        meeting,
        item_id,
        Paragraph(text="There being no other speakers, Mayor Whitfield closed public comment."),
    )


def _roll_call_excused(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    """What a US council minutes under its roll call that the roll above it does not
    say: after the style's line that the absent member asked to be excused, the motion
    that excused her."""
    motion = svc.move_motion(
        meeting,
        item_id,
        mover_id=ids["Adair"],
        seconder_id=ids["Brandt"],
        kind=MotionKind.PROCEDURAL,
        clauses=["the absence of Councilor Vance be excused"],
    )
    svc.record_vote(meeting, item_id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)


def _public_questions(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        PublicParticipation(
            intro="The Chair invited questions from members of the public",
            speakers=[
                Speaker(
                    "Peter Gaskell",
                    summary="He asked when the outpatient car park would reopen after "
                    "resurfacing. The Chair said a written answer would be sent to him "
                    "and published with these minutes.",
                )
            ],
        ),
    )


def _officer_reports(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Points(
            intro="The officers reported:",
            points=[
                "Treasurer (Mara Lind): cash on hand of $48,210 at February 28, 2026; the "
                "spring appeal had raised $6,400 more than budgeted",
                "Treasurer (Mara Lind): the auditors, Castellan & Pryce, CPAs, had finished "
                "their fieldwork on the 2025 financial statements and would present the audit "
                "report at the May meeting",
                "Secretary (Ruth Oyelaran): the annual report to the Secretary of State had "
                "been filed",
            ],
        ),
    )
    carried(
        svc,
        meeting,
        item_id,
        ["the Treasurer's report be accepted as presented"],
        mover=ids["Brandt"],
        seconder=ids["Adair"],
        vote=VoteKind.UNANIMOUS,
    )


def _new_business(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    """New business is a heading over the items that follow it, not an item of its own."""
    item = next(it for it in meeting.items if it.id == item_id)
    item.kind = ItemKind.SECTION_HEADING
    svc.update_item(meeting, item)
    svc.renumber_meeting(meeting)  # a heading takes no number: the items run on from 5


def _votes_of_sympathy(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Points(
            intro="The Members extended votes of sympathy to:",
            points=[
                "the family of the late Nóra Kilbride, Ballinacurra",
                "the family of the late Séamus Treacy, formerly of the Council's Roads Section",
            ],
        ),
    )
    svc.add_block(meeting, item_id, Paragraph(text="A minute's silence was observed."))


def _chief_executive(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Points(
            intro="The Chief Executive's management report for February 2026 had been "
            "circulated. In reply to Members' questions, the Chief Executive said that:",
            points=[
                "the Council remained on course to deliver 140 new social homes in 2026",
                "resurfacing of the R687 at Carrowbeg would be finished before the summer",
            ],
        ),
    )
    svc.add_block(meeting, item_id, Paragraph(text="The report was noted."))


def _police_report(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Points(
            intro="PC Morag Lennie gave the police report for the period since the last meeting:",
            points=[
                "a garden shed on Station Brae had been broken into; enquiries were continuing",
                "speed checks on the Main Street had found two drivers over the limit",
                "residents were reminded never to give bank details to callers claiming to "
                "be from their bank",
            ],
        ),
    )
    svc.add_block(meeting, item_id, Paragraph(text="The Chair thanked PC Lennie for her report."))


def _treasurer(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Paragraph(
            text="The Treasurer reported a balance of £2,964.18 at 28 February 2026, of "
            "which £800.00 is held for the Christmas lights. The report was accepted."
        ),
    )


def _other_business(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    svc.add_block(
        meeting,
        item_id,
        Paragraph(
            text="Colm Adair reported that the handrail on the steps up to the primary school "
            "was loose. The Clerk would report it to the Council's roads department."
        ),
    )
    svc.add_block(
        meeting,
        item_id,
        Action(text="Report the loose handrail at the school steps", owner="Alma Reyes"),
    )


def _confirming_bylaw(svc: Services, meeting: Meeting, item_id: str, ids: Ids) -> None:
    carried(
        svc,
        meeting,
        item_id,
        [
            "By-law 2026-014, being a by-law to confirm the proceedings of Council at its "
            "meeting held on March 24, 2026, be read a first, second and third time and "
            "finally passed"
        ],
        mover=ids["Lind"],
        seconder=ids["Brandt"],
        vote=VoteKind.UNANIMOUS,
    )


# standard item titles (their start, lower case) and how each is minuted
FILLERS: dict[str, Filler] = {
    "pledge of allegiance": _say("Councilor Brandt led the Pledge of Allegiance."),
    "approval of the agenda": _agenda("the agenda be approved as presented"),
    "public comment": _public_comment,
    "consent agenda": _consent_agenda,
    "land acknowledgement": _say("Mayor Whitfield read the Township's land acknowledgement."),
    "adoption of the agenda": _agenda("the agenda be adopted as circulated"),
    "confirmation by-law": _confirming_bylaw,
    "officer reports": _officer_reports,
    "old business": _say(
        "Jonah Okoro reported that the tutor recruitment drive approved in January had "
        "brought in 23 new volunteer tutors, whose training begins on April 11. "
        "No action was needed."
    ),
    "new business": _new_business,
    "votes of sympathy": _votes_of_sympathy,
    "chief executive's report": _chief_executive,
    "police report": _police_report,
    "treasurer's report": _treasurer,
    "any other competent business": _other_business,
    "matters arising": _say("There were no matters arising not on the agenda."),
    "acknowledgement of country": _say(
        "The Mayor opened the meeting with an Acknowledgement of Country."
    ),
    "karakia": _say("Cr Okoro opened the meeting with a karakia."),
    "questions from the public": _public_questions,
}
# standard items a style minutes in words of its own, before the shared ones above
OWN_FILLERS: dict[str, dict[str, Filler]] = {
    "us-city-council": {"call to order and roll call": _roll_call_excused},
}
