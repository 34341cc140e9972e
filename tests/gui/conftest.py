"""Fixtures for the meeting-screen tests: a real store and services in a temporary folder,
our fictional Harrowfield planning committee, a meeting, and the open window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes the QApplication

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.domain.model import Body, BodyKind, Meeting, Person, PersonKind, Role
from clerk_app.services import Services
from clerk_app.storage import Store

MEETING_TESTS = ("test_meeting_", "test_undo", "test_keyboard_flow", "test_widgets")

MEMBERS = [
    ("Rosalind", "Hartley", "Mrs", Role.CHAIR),
    ("Tobias", "Russell", "", Role.VICE_CHAIR),
    ("Siân", "Øvergaard", "", Role.MEMBER),
    ("Kwame", "Asante", "", Role.MEMBER),
    ("Imogen", "Pike", "Dr", Role.MEMBER),
    ("Declan", "Moss", "", Role.MEMBER),
]


@pytest.fixture(autouse=True)
def _qt_warnings_fail(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt warnings fail the meeting-screen tests (other GUI tests keep their own rules)."""
    name = Path(str(request.node.fspath)).name
    if not name.startswith(MEETING_TESTS):
        yield
        return
    qtlog = request.getfixturevalue("qtlog")
    yield
    bad = [
        r.message
        for r in qtlog.records
        if r.type_name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")
        and "This plugin does not support" not in r.message  # offscreen platform noise
    ]
    assert not bad, f"Qt warnings: {bad}"


@pytest.fixture
def gui_db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "clerk.db"


@pytest.fixture
def gui_store(gui_db: Path) -> Iterator[Store]:
    gui_db.parent.mkdir(parents=True, exist_ok=True)
    s = Store.open(gui_db, backups=False)
    yield s
    s.close()


@pytest.fixture
def gui_services(gui_store: Store) -> Services:
    return Services(gui_store)


def reopened(db: Path) -> Store:
    """The database as the next start of Clerk would see it."""
    return Store.open(db, force=True, backups=False)


@pytest.fixture
def gui_body(gui_services: Services) -> Body:
    body = gui_services.create_body(
        "Planning Committee", BodyKind.PLANNING, authority="Harrowfield Borough Council"
    )
    for first, last, hon, role in MEMBERS:
        body.people.append(Person(first, last, hon, role=role))
    body.people.append(
        Person("Priya", "Castellano", kind=PersonKind.OFFICER, post="Head of Planning")
    )
    body.settings.quorum = 4
    return gui_services.save_body(body)


@pytest.fixture
def gui_meeting(gui_services: Services, gui_body: Body) -> Meeting:
    return gui_services.create_meeting(
        gui_body.id,
        date(2026, 11, 24),
        venue="Council Chamber, Harrowfield Town Hall",
        start_time=time(18, 30),
        agenda=[
            "Land at Mill Lane – erection of 24 dwellings",
            "Tree preservation order – Øvergaard Close",
            "Part 2: Enforcement at Station Yard",
        ],
    )


def pid(body: Body, last: str) -> str:
    return next(p.id for p in body.people if p.last_name == last)


def type_text(widget: QWidget, text: str) -> None:
    """Type text as key events carrying the characters (safe for any Unicode)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)


def focus_widget() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture
def window(qtbot, gui_services: Services, gui_meeting: Meeting) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """The main window with the meeting open on its second agenda item."""
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs

    win = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(win)
    win.show()
    screen = win.open_meeting(gui_meeting.id)
    assert screen is not None
    yield win
    win.close()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture(autouse=True)
def _no_modal_quit_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window closed at a test's end with changes unsaved would ask, modally, whether to
    quit; offscreen nobody answers. Such a test quits without saving unless it says
    otherwise."""
    monkeypatch.setattr(
        "clerk_app.gui.save_status.choose", lambda _box, buttons: buttons["discard"]
    )
