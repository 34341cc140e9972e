"""Mutated exports of real meetings, imported into a library that already holds them:
each is either imported and then passes the services' own rules when read back, or is
refused with a message naming the place — never another exception, and a refused import
leaves the library exactly as it was."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clerk_app.domain.serial import to_dict
from clerk_app.services import ServiceError, Services
from clerk_app.services.interchange import InterchangeError
from clerk_app.services.rules import record_problems
from clerk_app.storage import Store

from .exports import dump, export
from .mutations import mutated

# a few seconds in the suite; CLERK_FUZZ_EXAMPLES=5000 hunts longer
EXAMPLES = int(os.environ.get("CLERK_FUZZ_EXAMPLES", "60"))
# where a problem may be: a place in the file, or the whole file when it cannot be parsed
PLACE = re.compile(
    r"^(\(the top level\)|[A-Za-z_][^: ]*): ([A-Z]|expected )"
    r"|^line \d+, column \d+: .+ this is not valid JSON"
    r"|^The file (is nested far more deeply|is not UTF-8 text)"
)


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """A library holding both meetings the mutations start from."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.db"
        store = Store.open(path, backups=False)
        svc = Services(store)
        for name in ("demo", "small"):
            source = Path(folder) / f"{name}.json"
            import json

            source.write_text(json.dumps(export(name)), encoding="utf-8")
            svc.import_json(source)
        store.close()
        yield path


def check_import(template: Path, text: str, replace: bool) -> str:
    """Import ``text`` into a copy of the library; say what happened."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "library.db"
        shutil.copy(template, database)
        store = Store.open(database, backups=False)
        try:
            svc = Services(store)
            others = {s.id: to_dict(svc.get_meeting(s.id)) for s in svc.list_meetings()}
            before = dump(database)
            path = Path(folder) / "meeting.json"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            try:
                meeting = svc.import_json(path, replace=replace)
            except InterchangeError as exc:
                assert exc.problems and all(PLACE.match(p) for p in exc.problems), exc.problems
                assert all(p.endswith((".", ")")) for p in exc.problems), exc.problems
                assert dump(database) == before
                return "refused with its place"
            except ServiceError as exc:  # already here and not replaced, or approved here
                assert exc.message.endswith(".") and "already" in exc.message, exc.message
                assert dump(database) == before
                return "refused: already in the library"
            body = svc.get_body(meeting.body_id)
            again = svc.get_meeting(meeting.id)
            assert record_problems(body, again) == []
            for other_id, saved in others.items():
                if other_id != meeting.id:
                    assert to_dict(svc.get_meeting(other_id)) == saved
            return "imported"
        finally:
            store.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), name=st.sampled_from(["demo", "small"]), replace=st.booleans())
def test_a_mutated_export_is_imported_whole_or_refused_with_its_place(
    template: Path, data: st.DataObject, name: str, replace: bool
) -> None:
    text = data.draw(mutated(export(name)))
    event(check_import(template, text, replace))
