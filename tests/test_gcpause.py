"""The cycle collector is paused from the command's entry until the window is up (or the
command is known), and what start-up made is set aside when it resumes."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from clerk_app import gcpause

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector():  # type: ignore[no-untyped-def]
    enabled = gc.isenabled()
    yield
    gcpause._paused = False
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_pause_and_resume(collector: None) -> None:
    gc.enable()
    assert gcpause.pause()
    assert not gc.isenabled() and gcpause.paused()
    assert not gcpause.pause()  # once
    made = [[n] for n in range(5000)]  # what start-up makes: young objects
    assert gcpause.resume()
    assert gc.isenabled() and not gcpause.paused()
    # all in the oldest generation: young collections pass over them, full ones do not
    assert gc.get_freeze_count() == 0 and gc.get_count()[0] < 100
    assert any(o is made[-1] for o in gc.get_objects(generation=2))
    assert not gcpause.resume()


def test_a_collector_someone_else_turned_off_stays_off(collector: None) -> None:
    gc.disable()
    assert not gcpause.pause()
    assert not gcpause.resume()
    assert not gc.isenabled()


def _run(code: str, *args: str, **env: str) -> list[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), environment.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_command_runs_with_the_collector(tmp_path: Path) -> None:
    seen = _run(
        """
        import gc, sys
        from clerk_app.launch import main
        print("entry", gc.isenabled())
        import clerk_app.cli as cli
        real = cli._read_only
        def listing(args):
            print("command", gc.isenabled())
            return real(args)
        cli._read_only = listing
        sys.argv = ["clerk-app", "--data-dir", sys.argv[1], "list"]
        sys.exit(main())
        """,
        str(tmp_path / "data"),
    )
    assert seen[:4] == ["entry", "False", "command", "True"]


def test_the_window_resumes_the_collector_once_it_is_up(tmp_path: Path) -> None:
    seen = _run(
        """
        import gc, sys
        from clerk_app.launch import main
        print("entry", gc.isenabled())
        import clerk_app.app

        def ready(window):
            print("ready", gc.isenabled(), gc.get_freeze_count() == 0,
                  len(gc.get_objects(generation=2)) > 50_000)
            window.close()

        run = clerk_app.app.main
        clerk_app.app.main = lambda *a, **k: run(*a, **k, on_ready=ready)
        sys.argv = ["clerk-app", "--data-dir", sys.argv[1]]
        sys.exit(main())
        """,
        str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    assert seen == ["entry", "False", "ready", "True", "True", "True"]
