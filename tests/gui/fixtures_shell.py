"""Fixtures for the application shell and dialog tests: a real store and services in a
temporary folder, a fictional body, and a screenshot helper."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.domain.model import Body, BodyKind, Person, PersonKind, Role
from clerk_app.gui.crash import keep_none_alive
from clerk_app.services import Services
from clerk_app.storage import Store

SHOTS = Path("/tmp/shots-b")

keep_none_alive()  # PySide6 6.12.0 on Python 3.11: see clerk_app.gui.crash.keep_none_alive


def shot(widget: QWidget, name: str) -> Path:
    """Save a screenshot of ``widget`` for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # let the layout settle after the last change
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "clerk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def services(store: Store) -> Services:
    return Services(store)


def reopen(db_path: Path) -> Store:
    """A second look at the database, as the next start of Clerk would have."""
    return Store.open(db_path, force=True, backups=False)


@pytest.fixture
def body(services: Services) -> Body:
    b = services.create_body(
        "Planning Committee", BodyKind.PLANNING, authority="Harrowfield Borough Council"
    )
    b.people = [
        Person("Siân", "Øvergaard", "Mrs", role=Role.CHAIR),
        Person("Ravi", "Patel", "Dr", role=Role.VICE_CHAIR),
        Person("Tom", "Ashworth", "Mr"),
        Person("Grace", "Ndlovu", "Ms"),
        Person("Alex", "Morgan", kind=PersonKind.OFFICER, post="Democratic Services Officer"),
    ]
    return services.save_body(b)


@pytest.fixture
def meeting_date() -> date:
    return date(2026, 2, 4)
