"""A library with two bodies, each with a meeting whose minutes are written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clerk_app.domain.model import (
    Body,
    BodyKind,
    Meeting,
    Outcome,
    Paragraph,
    Person,
    PersonKind,
    Role,
    Vote,
    VoteKind,
)
from clerk_app.services import Services
from clerk_app.services.approval import ApprovalMixin
from clerk_app.services.audit import AuditMixin
from clerk_app.services.officers import OfficersMixin
from clerk_app.services.review import ReviewMixin
from clerk_app.services.word_review import WordReviewMixin

if TYPE_CHECKING:
    from clerk_app.storage import Store


class S(Services, ReviewMixin, WordReviewMixin, OfficersMixin, ApprovalMixin, AuditMixin):
    """Services with the review, officers', approval and audit use-cases."""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    from clerk_app.storage import Store

    s = Store.open(tmp_path / "clerk.db", backups=False)
    yield s
    s.close()


@pytest.fixture
def svc(store: Store) -> S:
    return S(store)


def pid(body: Body, last: str) -> str:
    return next(p.id for p in body.people if p.last_name == last)


@dataclass
class Library:
    body: Body
    meeting: Meeting
    other_body: Body
    other: Meeting

    @property
    def item(self) -> str:  # the general item with a resolution
        return next(it.id for it in self.meeting.items if it.title == "Allotment rents")

    @property
    def motion(self) -> str:
        item = self.meeting.item(self.item)
        assert item is not None
        return item.blocks[1].id

    @property
    def paragraph(self) -> str:
        item = self.meeting.item(self.item)
        assert item is not None
        return item.blocks[0].id


def _body(svc: S, name: str, authority: str, people: list[tuple[str, str, Role]]) -> Body:
    b = svc.create_body(name, BodyKind.COMMITTEE, authority=authority)
    for first, last, role in people:
        b.people.append(Person(first, last, role=role))
    b.people.append(Person("Omar", "Lindqvist", kind=PersonKind.OFFICER, post="Estates Officer"))
    return svc.save_body(b)


def _minutes(svc: S, body: Body, on: date, topic: str, clause: str, note: str) -> Meeting:
    meeting = svc.create_meeting(
        body.id, on, venue="Council Chamber", start_time=time(19, 0), agenda=[topic]
    )
    item = meeting.items[-1]
    item.report_author = "Estates Officer"
    svc.update_item(meeting, item)
    svc.add_block(meeting, item.id, Paragraph(text=note))
    members = [p.id for p in body.people if p.kind is PersonKind.MEMBER]
    motion = svc.move_motion(
        meeting, item.id, mover_id=members[0], seconder_id=members[1], clauses=[clause]
    )
    svc.record_vote(meeting, item.id, motion.id, Vote(kind=VoteKind.UNANIMOUS), Outcome.CARRIED)
    svc.add_action(meeting, item.id, "Write to the tenants", owner="Estates Officer")
    svc.end_meeting(meeting, time(20, 30))
    return svc.get_meeting(meeting.id)


@pytest.fixture
def lib(svc: S) -> Library:
    body = _body(
        svc,
        "Westbury Parish Council",
        "",
        [("Hazel", "Okonkwo", Role.CHAIR), ("Rupert", "Vance", Role.MEMBER),
         ("Mina", "Sorell", Role.MEMBER)],
    )  # fmt: skip
    other_body = _body(
        svc,
        "Harrowfield Planning Committee",
        "Harrowfield Borough Council",
        [("Quentin", "Zabriskie", Role.CHAIR), ("Yolanda", "Fairweather", Role.MEMBER)],
    )
    meeting = _minutes(
        svc,
        body,
        date(2026, 3, 10),
        "Allotment rents",
        "the allotment rent for 2026/27 be set at £42 per plot.",
        "The Clerk reported that water charges had risen by a tenth.",
    )
    other = _minutes(
        svc,
        other_body,
        date(2026, 3, 12),
        "Quarrybank depot extension",
        "planning permission be refused for the Quarrybank depot extension.",
        "Members raised the noise from lorries at the Quarrybank depot.",
    )
    return Library(body, meeting, other_body, other)
