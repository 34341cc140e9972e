"""The use-cases reached only from a menu are loaded the first time one is looked up:
opening the window does not import them, and every one of them still answers."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.services import Services
from clerk_app.services.service import LAZY_MIXINS, lazy_mixins
from clerk_app.storage import Store

LAZY_MODULES = [m for m, _c in LAZY_MIXINS] + ["clerk_app.services.interchange"]

PROBE = """
import sys
import clerk_app.gui.main_window
from clerk_app.services import Services
from clerk_app.storage import Store

store = Store.open(sys.argv[1], backups=False)
svc = Services(store)
svc.list_meetings()
print("BEFORE", " ".join(sorted(sys.modules)))
svc.export_review_file
print("AFTER", " ".join(sorted(sys.modules)))
store.close()
"""


def test_the_window_and_services_do_not_import_the_menu_use_cases(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "clerk.db")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = {x.split()[0]: set(x.split()[1:]) for x in done.stdout.splitlines()}
    assert "clerk_app.gui.meeting.screen" in lines["BEFORE"]
    assert not lines["BEFORE"] & set(LAZY_MODULES)
    assert "clerk_app.services.review" in lines["AFTER"]


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    store = Store.open(tmp_path / "clerk.db", backups=False)
    yield Services(store)
    store.close()


def test_every_menu_use_case_answers_as_its_own_method(svc: Services) -> None:
    names = 0
    for mixin in lazy_mixins():
        for name, value in vars(mixin).items():
            if inspect.isfunction(value):
                bound = getattr(svc, name)
                assert bound.__func__ is value, name
                assert bound.__self__ is svc
                names += 1
    assert names >= 15


def test_a_name_no_use_case_has_is_still_an_attribute_error(svc: Services) -> None:
    with pytest.raises(AttributeError, match="no_such_use_case"):
        svc.no_such_use_case  # noqa: B018
    assert getattr(svc, "no_such_use_case", None) is None


def test_a_menu_use_case_works_on_the_store(svc: Services, tmp_path: Path) -> None:
    from clerk_app.services.demo import create_demo

    meeting = create_demo(svc)
    out = svc.export_review_file(meeting, tmp_path / "m.clerkreview")
    assert Path(out).exists()
    session = svc.open_review_file(out)
    assert session.meeting.id == meeting.id
