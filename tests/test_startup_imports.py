"""Start-up loads what the first paint needs: the window reopening a meeting, started as
the clerk starts it (``clerk-app --data-dir FOLDER``), builds no command-line parser and
loads no module only another path uses (the start page, the store-problem dialogs, the
use-cases of review files, approval and officers' drafts)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from clerk_app.cli import _window_only, main
from clerk_app.domain.model import Motion

PROBE = """
import sys
import clerk_app.app
from clerk_app.cli import main

def ready(window):
    session = window.session
    print("OPEN", session.meeting.id if session is not None else "-")
    print("LOADED", " ".join(sorted(sys.modules)))
    from PySide6 import QtCore, QtGui, QtWidgets
    made = [k for k, v in vars(QtWidgets).items() if isinstance(v, type)]
    print("CLASSES", " ".join(sorted(made)))
    events = [
        k for m in (QtCore, QtGui, QtWidgets) for k, v in vars(m).items()
        if isinstance(v, type) and issubclass(v, QtCore.QEvent)
    ]
    print("EVENTS", " ".join(sorted(events)))
    window.close()

run = clerk_app.app.main
clerk_app.app.main = lambda *a, **k: run(*a, **k, on_ready=ready)
sys.exit(main(sys.argv[1:]))
"""

NOT_AT_START = (
    "clerk_app.review_args",  # the command line's parser was not built
    "clerk_app.gui.start_page",
    "clerk_app.gui.dialogs.store_problem",
    # use-cases reached only from a menu: loaded on first use by Services
    "clerk_app.services.review",
    "clerk_app.services.review_file",
    "clerk_app.services.review_session",
    "clerk_app.services.word_review",
    "clerk_app.services.interchange",
    "clerk_app.services.approval",
    "clerk_app.services.officers",
    "clerk_app.storage.search",  # full-text search: loaded when the clerk searches
    # recording: loaded when the meeting has a recording, or the clerk records
    "clerk_app.services.recording",
    "clerk_app.domain.recording",
    "clerk_app.domain.review",  # the review's records: a review, or the audit log's lines
    # the forms of rarer blocks, loaded when a block of their kind is shown
    "clerk_app.gui.meeting.forms.headings",
    "clerk_app.gui.meeting.forms.table",
    "clerk_app.gui.meeting.forms.speakers",
    "clerk_app.gui.meeting.forms.planning",
    "clerk_app.gui.meeting.forms.later_vote",
    # the wording of actions and tables, loaded when one is first worded (the demo
    # meeting opens on its apologies)
    "clerk_app.domain.action_lines",
    "clerk_app.domain.render_structures",
)


classes: set[str] = set()  # the Qt widget classes PySide6 had made by then
events: set[str] = set()  # the event classes it had made


@pytest.fixture(scope="module")
def reopened(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    """The meeting open at start-up and the modules loaded by then."""
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services import Services
    from clerk_app.storage import Store

    folder = tmp_path_factory.mktemp("start") / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    store = Store.open(folder / "clerk.db", backups=False, force=True)
    try:
        services = Services(store)
        meeting_id = services.list_meetings()[0].id
        # the item it opens on gets a motion: a card of name fields
        meeting = services.get_meeting(meeting_id)
        body = services.get_body(meeting.body_id)
        mover, seconder = (p.id for p in body.people[:2])
        motion = Motion(mover_id=mover, seconder_id=seconder, clauses=["That it be noted."])
        services.add_block(meeting, meeting.items[0].id, motion)
    finally:
        store.close()
    prefs = Prefs.open(folder)
    prefs.set("meeting/last_meeting_id", meeting_id)
    prefs.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    lines = done.stdout.splitlines()
    opened = next(x for x in lines if x.startswith("OPEN")).split()[1]
    assert opened == meeting_id
    classes.update(next(x for x in lines if x.startswith("CLASSES")).split()[1:])
    events.update(next(x for x in lines if x.startswith("EVENTS")).split()[1:])
    return meeting_id, set(next(x for x in lines if x.startswith("LOADED")).split()[1:])


@pytest.mark.parametrize("module", NOT_AT_START)
def test_start_up_does_not_load(reopened: tuple[str, set[str]], module: str) -> None:
    _meeting_id, loaded = reopened
    assert "clerk_app.gui.meeting.screen" in loaded  # the probe did reach the meeting
    assert module not in loaded


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--data-dir", "D"], (True, "D")),
        (["--data-dir=D"], (True, "D")),
        (["--data-dir", "D", "list"], (False, None)),
        (["--data-dir", "-x"], (False, None)),
        (["--data-dir=minutes.clerkreview"], (False, "minutes.clerkreview")),
        (["--data-dir", "minutes.clerkreview"], (False, "minutes.clerkreview")),
        (["--version"], (False, None)),
        (["minutes.clerkreview"], (False, None)),
    ],
)
def test_only_a_plain_window_start_skips_the_parser(
    argv: list[str], expected: tuple[bool, str | None]
) -> None:
    assert _window_only(argv) == expected


def test_window_start_passes_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []

    def fake_app_main(_argv: list[str], **kwargs: object) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr("clerk_app.app.main", fake_app_main)
    assert main(["--data-dir=Folder"]) == 0
    assert main([]) == 0
    assert calls == [{"data_dir": "Folder"}, {"data_dir": None}]


def test_start_up_makes_no_widget_class_only_to_name_a_widget(
    reopened: tuple[str, set[str]],
) -> None:
    """Handing Python a widget Qt made (a scroll area's viewport) makes PySide6 create
    every widget class it knows to find the widget's exact type: 8 ms of the start. The
    window asks for sizes instead; classes it never shows are not made."""
    assert "QListWidget" in classes  # the probe did list the classes made
    assert not classes & {"QCalendarWidget", "QMdiArea", "QLCDNumber", "QSplashScreen", "QDial"}


def test_start_up_does_not_build_the_style_class(reopened: tuple[str, set[str]]) -> None:
    """PySide6 builds QStyle's class, with every one of its enumerations, the first time
    Python touches it: 4 ms. The agenda's rows, the cards' delete buttons and the quorum
    line are drawn without it (a meeting with no warnings showing, and quorate)."""
    assert "QListWidget" in classes
    assert not classes & {"QStyle", "QCommonStyle"}


def test_start_up_does_not_build_dialog_classes(reopened: tuple[str, set[str]]) -> None:
    """Message boxes, file and input dialogs are loaded when one is first shown: each
    class PySide6 builds costs a fraction of a millisecond of a start that shows none."""
    assert "QListWidget" in classes
    assert not classes & {"QMessageBox", "QFileDialog", "QInputDialog", "QDialogButtonBox"}
    assert not classes & {"QDialog"}


def test_start_up_hands_no_event_to_python(reopened: tuple[str, set[str]]) -> None:
    """An event handed to Python as a plain ``QEvent`` (to an ``event()`` override or an
    event filter) makes PySide6 build every event class it knows, 2 ms or more, to name
    its exact type. Up to the usable window, only the agenda's resize events reach
    Python, typed as such; the application object (off macOS) and the name fields of the
    motion on screen take none."""
    assert "QResizeEvent" in events  # the probe did list the event classes made
    assert not events & {"QChildEvent", "QMoveEvent", "QShowEvent", "QGraphicsSceneEvent"}


def test_the_wording_of_motions_is_loaded_when_a_motion_is_first_worded() -> None:
    """A screen with no motion on it words its blocks without the motions' wording (and
    the vote lines it brings)."""
    code = (
        "import sys\n"
        "import clerk_app.gui.meeting.screen\n"
        "import clerk_app.domain.render_blocks\n"
        "print('clerk_app.domain.render_motions' in sys.modules,"
        " 'clerk_app.domain.render_outcomes' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split() == ["False", "False"]
