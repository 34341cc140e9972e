"""The sound library costs nothing until the clerk records or plays."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_starting_clerk_with_a_meeting_open_loads_no_sound_library(tmp_path: Path) -> None:
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
from clerk_app.storage import Store
from clerk_app.services import Services
from clerk_app.services.demo import create_demo
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.prefs import Prefs
app = QApplication([])
store = Store.open({str(tmp_path / "c.db")!r}, backups=False)
svc = Services(store)
meeting = create_demo(svc)
win = MainWindow(svc, Prefs.in_memory())
win.show()
assert win.open_meeting(meeting.id) is not None
win.registry["insert_paragraph"].trigger()
app.processEvents()
loaded = sorted(
    m for m in sys.modules
    if m.split(".")[0] in ("miniaudio", "_miniaudio", "_cffi_backend")
    or m.startswith("clerk_app.audio")
)
print("LOADED", loaded)
win.close()
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert "LOADED []" in done.stdout, done.stdout + done.stderr
