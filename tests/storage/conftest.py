"""Fixtures for the store tests: a fresh database in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.domain.model import Body, Meeting
from clerk_app.storage import Store
from tests.storage.sample import sample_body, sample_meeting


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "clerk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def body(store: Store) -> Body:
    b = sample_body()
    store.save_body(b)
    return b


@pytest.fixture
def meeting(store: Store, body: Body) -> Meeting:
    m = sample_meeting(body)
    store.save_meeting(m)
    return m
