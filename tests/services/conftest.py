"""Services over a real store in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clerk_app.domain.model import Body, BodyKind, Meeting, Person, PersonKind, Role
from clerk_app.services import Services

if TYPE_CHECKING:
    from clerk_app.storage import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    from clerk_app.storage import Store

    s = Store.open(tmp_path / "clerk.db", backups=False)
    yield s
    s.close()


@pytest.fixture
def svc(store: Store) -> Services:
    return Services(store)


@pytest.fixture
def body(svc: Services) -> Body:
    b = svc.create_body(
        "Licensing Committee", BodyKind.COMMITTEE, authority="Kettleby District Council"
    )
    for first, last, hon, role in [
        ("Ada", "Winter", "Mrs", Role.CHAIR),
        ("Ben", "Ashdown", "", Role.VICE_CHAIR),
        ("Cara", "Mbeki", "", Role.MEMBER),
        ("Dev", "Patel", "", Role.MEMBER),
        ("Elin", "Rhys", "Dr", Role.MEMBER),
        ("Finn", "Quarry", "", Role.RESERVE),
    ]:
        b.people.append(Person(first, last, hon, role=role))
    b.people.append(Person("Gita", "Sand", kind=PersonKind.OFFICER, post="Licensing Manager"))
    return svc.save_body(b)


@pytest.fixture
def meeting(svc: Services, body: Body) -> Meeting:
    return svc.create_meeting(
        body.id,
        date(2026, 6, 9),
        venue="Committee Room 2",
        start_time=time(10, 0),
        agenda=["Taxi licensing policy", "Part 2: Review of a driver's licence"],
    )


def pid(body: Body, last: str) -> str:
    return next(p.id for p in body.people if p.last_name == last)
