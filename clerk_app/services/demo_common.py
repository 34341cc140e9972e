"""What the demo meetings share: a decision moved (or not) and carried, and the shape
of a style demo's own business."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from clerk_app.domain.model import LeadIn, Meeting, Motion, Outcome, Vote, VoteKind
from clerk_app.services.service import Services


def carried(
    svc: Services,
    meeting: Meeting,
    item_id: str,
    clauses: list[str],
    *,
    mover: str | None = None,
    seconder: str | None = None,
    vote: Vote | VoteKind = VoteKind.WITHOUT_VOTE,
    lead_in: LeadIn = LeadIn.RESOLVED,
) -> Motion:
    """A motion moved (or put without a mover) and carried by ``vote``."""
    motion = svc.move_motion(
        meeting, item_id, mover_id=mover, seconder_id=seconder, clauses=clauses, lead_in=lead_in
    )
    svc.record_vote(
        meeting, item_id, motion.id, vote if isinstance(vote, Vote) else Vote(vote), Outcome.CARRIED
    )
    return motion


# when each style's body meets: councils and community councils in the evening, a
# company, an NHS trust and most councils abroad in office hours, governors and a
# charity's volunteer board after school or work
STARTS: dict[str, time] = {
    "us-nonprofit-board": time(18, 0),
    "irish-local-authority": time(11, 0),
    "irish-local-authority-gaeilge": time(11, 0),
    "scottish-council-committee": time(10, 0),
    "anz-council": time(9, 0),
    "anz-council-te-reo": time(13, 0),
    "company-board": time(10, 0),
    "school-governing-board": time(18, 0),
    "nhs-board": time(9, 30),
}
EVENING = time(19, 0)


def clock(style_id: str, minutes: int = 0) -> time:
    """The time ``minutes`` after the start of the demo meeting of ``style_id``: every
    time in a demo runs on from its start, so each stays inside the meeting."""
    start = datetime.combine(datetime(2026, 3, 24), STARTS.get(style_id, EVENING))
    return (start + timedelta(minutes=minutes)).time()


Ids = dict[str, str]
# more of a body's business: (services, meeting, people's ids by surname, item ids by title)
Extra = Callable[[Services, Meeting, Ids, dict[str, str]], None]


@dataclass(frozen=True)
class Business:
    """A style demo's own business: its agenda, and the three decisions every style
    demo shows off, each in that body's words. The first is carried on a show of hands
    (five to one, two abstaining), the second after a discussion on a recorded vote, the
    third unanimously with an action for the clerk. ``extra`` minutes the rest."""

    agenda: tuple[str, ...]
    first: tuple[str, str]  # (item title, clause)
    second: tuple[str, str]
    discussion: str  # what was said before the second was put
    points: tuple[str, ...]
    third: tuple[str, str]
    action: str
    extra: Extra | None = None
    # a member who declared an interest in the second item and took no part in the vote
    conflicted: str = ""
