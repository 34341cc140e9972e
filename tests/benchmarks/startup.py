"""Start-up against a look-alike: Clerk reopening a 40-item meeting in a 1,200-meeting
library, and a plain PySide6 program building the same widget tree with no logic.

Both are fresh processes with their bytecode cached, timed from their first line to the
window shown with the event loop idle (Clerk's ``on_ready``). The look-alike is written
by the Clerk process itself (``lookalike.py``), so it follows the window as it changes.

Run: ``python tests/benchmarks/startup.py [ROUNDS]`` (from the worktree root), or the
benchmark ``tests/benchmarks/test_startup_bench.py``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Clerk as the clerk starts it, as in test_gui_bench.py; with a third argument the window
# is also written out as its look-alike.
CLERK = textwrap.dedent(
    """
    import os, sys, time; t0 = time.perf_counter()
    from clerk_app.launch import main  # as the installed command starts: see gcpause
    folder, meeting_id, *extra = sys.argv[1:]

    def ready(window):
        try:
            check(window)
        except BaseException:
            import traceback; traceback.print_exc(); os._exit(5)

    def check(window):
        ms = (time.perf_counter() - t0) * 1000
        session = window.session
        if session is None or session.meeting.id != meeting_id or len(session.meeting.items) != 40:
            print("the meeting is not open", file=sys.stderr); os._exit(3)
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit
        focus = window.focusWidget()
        if not isinstance(focus, (QLineEdit, QPlainTextEdit, QTextEdit)) or not focus.isEnabled():
            print("no field has the cursor:", focus, file=sys.stderr); os._exit(4)
        if extra:
            sys.path.insert(0, os.path.dirname(extra[0]))
            from lookalike import write_lookalike
            from pathlib import Path
            print(write_lookalike(window, Path(extra[1])), file=sys.stderr)
        print(ms); window.close()

    # the window's main, imported as the command imports it (see cli._app_main), told
    # to call ready() when the window is usable
    import clerk_app.cli
    window_main = clerk_app.cli._app_main
    clerk_app.cli._app_main = lambda: (lambda *a, **k: window_main()(*a, **k, on_ready=ready))
    sys.argv = ["clerk-app", "--data-dir", folder]
    sys.exit(main())
    """
)

LOOKALIKE = textwrap.dedent(
    """
    import time; t0 = time.perf_counter()
    import sys; sys.path.insert(0, sys.argv[1])
    import lookalike_window
    lookalike_window.main(t0)
    """
)


def prepare(work: Path) -> tuple[Path, str]:
    """A data folder holding the 1,200-meeting library and the 40-item meeting, with
    the settings naming that meeting as open when Clerk last closed; and its id."""
    sys.path.insert(0, str(ROOT))
    from clerk_app.gui.prefs import Prefs
    from tests.benchmarks.library import library
    from tests.benchmarks.test_gui_bench import build_meeting

    folder = work / "data"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(library(1200), folder / "clerk.db")
    meeting_id = build_meeting(folder / "clerk.db")
    prefs = Prefs.open(folder)
    prefs.set("meeting/last_meeting_id", meeting_id)
    prefs.sync()
    return folder, meeting_id


def environment(work: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(work / "pyc"))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(args: list[str], env: dict[str, str]) -> float:
    """The milliseconds a fresh process reports from its first line to a usable window."""
    out = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, check=False, timeout=120
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(out.stderr)
    return float(out.stdout.strip().splitlines()[-1])


def write_lookalike(work: Path, folder: Path, meeting_id: str, env: dict[str, str]) -> str:
    """Run Clerk once, writing its window's look-alike into ``work``; what it holds."""
    target = work / "lookalike_window.py"
    here = str(Path(__file__).resolve())
    out = subprocess.run(
        [sys.executable, "-c", CLERK, str(folder), meeting_id, here, str(target)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return out.stderr.strip().splitlines()[-1]


def compare(work: Path, rounds: int = 9) -> tuple[list[float], list[float]]:
    """Alternate look-alike and Clerk ``rounds`` times each (after one unmeasured run of
    each, which fills the bytecode cache); their times in milliseconds."""
    folder, meeting_id = prepare(work)
    env = environment(work)
    print("look-alike:", write_lookalike(work, folder, meeting_id, env))
    clerk_args = ["-c", CLERK, str(folder), meeting_id]
    look_args = ["-c", LOOKALIKE, str(work)]
    run(look_args, env)
    run(clerk_args, env)
    look: list[float] = []
    clerk: list[float] = []
    for _ in range(rounds):
        look.append(run(look_args, env))
        clerk.append(run(clerk_args, env))
    return look, clerk


def summary(look: list[float], clerk: list[float]) -> str:
    ratio = statistics.median(clerk) / statistics.median(look)
    return (
        f"look-alike median {statistics.median(look):.0f} ms "
        f"({min(look):.0f}-{max(look):.0f}), Clerk median {statistics.median(clerk):.0f} ms "
        f"({min(clerk):.0f}-{max(clerk):.0f}), ratio {ratio:.2f} over {len(look)} rounds"
    )


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="clerk-startup-") as tmp:
        look, clerk = compare(Path(tmp), int(sys.argv[1]) if len(sys.argv) > 1 else 9)
        print("look-alike:", " ".join(f"{t:.0f}" for t in look))
        print("Clerk:     ", " ".join(f"{t:.0f}" for t in clerk))
        print(summary(look, clerk))
