"""Mutated review files (sealed again or not): the chair's Clerk opens each or refuses it
with a message, and the clerk's Clerk imports its answers or refuses it leaving the
library exactly as it was — never another exception."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clerk_app.services.demo import create_demo
from clerk_app.services.review import ReviewFileError, open_review_file
from clerk_app.services.rules import record_problems
from clerk_app.storage import Store
from tests.services.exports import dump
from tests.services.mutations import mutated

from .bad_files import reseal
from .conftest import S

EXAMPLES = int(os.environ.get("CLERK_FUZZ_EXAMPLES", "40"))
REFUSAL = re.compile(
    r"^review\.clerkreview (is not a Clerk review file, or it is damaged\."
    r"|has been altered since Clerk wrote it"
    r"|was written by a newer version of Clerk"
    r"|is a review of an older version|is of a later version"
    r"|is the review of (a meeting that is not in this library|a different committee))"
    r"|^The minutes in review\.clerkreview differ"
)


@pytest.fixture(scope="module")
def library() -> Iterator[tuple[Path, dict[str, object]]]:
    """A library with the demo meeting, and the chair's answered review file of it."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "library.db"
        store = Store.open(database, backups=False)
        svc = S(store)
        meeting = create_demo(svc, date(2026, 3, 12))
        path = svc.export_review_file(meeting, Path(folder) / "review.clerkreview")
        session = open_review_file(path, reviewer="Cllr Margaret Ellison")
        targets = session.targets
        session.respond(targets[0].id, "query", "Who sent apologies?")
        motion = next(t for t in targets if t.kind.value == "motion")
        session.respond(motion.id, "suggest", "Clearer", suggested_text="the minutes be signed.")
        session.save()
        store.close()
        yield database, json.loads(path.read_text(encoding="utf-8"))


def check(database: Path, text: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "review.clerkreview"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            session = open_review_file(path)
        except ReviewFileError as exc:
            assert REFUSAL.match(exc.message), exc.message
            opened = "refused"
        else:
            assert record_problems(session.body, session.meeting) == []
            assert session.document is not None  # the minutes as the chair reads them
            opened = "opened"
        copy = Path(folder) / "library.db"
        shutil.copy(database, copy)
        store = Store.open(copy, backups=False)
        try:
            before = dump(copy)
            try:
                report = S(store).import_review(path)
            except ReviewFileError as exc:
                assert REFUSAL.match(exc.message), exc.message
                assert dump(copy) == before
                return f"{opened}, import refused"
            return f"{opened}, {len(report.added)} answers imported"
        finally:
            store.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), seal=st.booleans())
def test_a_mutated_review_file_is_opened_or_refused_with_a_message(
    library: tuple[Path, dict[str, object]], data: st.DataObject, seal: bool
) -> None:
    database, base = library
    text = data.draw(mutated(base))
    if seal:  # (a file too broken to seal goes as it is)
        with contextlib.suppress(ValueError, KeyError, TypeError, RecursionError):
            text = json.dumps(reseal(json.loads(text)))
    event(check(database, text))
