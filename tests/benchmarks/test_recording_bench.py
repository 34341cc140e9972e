"""Recording costs the typing nothing: keystroke-to-saved p99 stays under one frame.

Run on demand: ``pytest tests/benchmarks/test_recording_bench.py --benchmark-only -s``.
Keys arrive through the event loop on a QTimer while the recorder writes a live sound
source (the level meter updating, the file synced every second), as in a real meeting.
Start-up is untouched: tests/test_audio_startup.py checks nothing of the sound code loads.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from clerk_app.audio.devices import FileSource
from tests.audio.sounds import loud_between, write_wav
from tests.benchmarks.test_gui_bench import FRAME_MS, forty_items, key, open_window

__all__ = ["forty_items", "open_window"]


def _type_through_the_loop(qtbot: Any, window: Any, count: int) -> list[float]:
    from clerk_app.gui.meeting.forms import PointsForm

    screen = window.screen_widget
    session = screen.session
    session.set_current_item(session.meeting.items[20].id)
    card = next(c for c in screen.item_pane.card_list() if isinstance(c.form, PointsForm))
    form, line = card.form, card.form.lines[-1]
    line.setFocus()
    timings: list[float] = []
    text = "Councillor Øvergaard moved an amendment. "

    def one() -> None:
        t0 = time.perf_counter()
        key(line, text[len(timings) % len(text)])
        form.flush()
        timings.append((time.perf_counter() - t0) * 1000)
        if len(timings) >= count:
            timer.stop()

    timer = QTimer()
    timer.setInterval(8)
    timer.timeout.connect(one)
    timer.start()
    qtbot.waitUntil(lambda: len(timings) >= count, timeout=60_000)
    return timings[20:]


def test_keystroke_to_saved_while_recording(
    benchmark: Any, qtbot: Any, open_window: Any, tmp_path: Path
) -> None:
    source = FileSource(write_wav(tmp_path / "talk.wav", 120.0, loud_between(0, 0)))
    control = open_window.recording
    control.source_factory = lambda: source
    quiet = _type_through_the_loop(qtbot, open_window, 220)
    open_window.registry["record_meeting"].trigger()
    assert control.recs.recording
    loud = benchmark.pedantic(
        lambda: _type_through_the_loop(qtbot, open_window, 420), rounds=1, iterations=1
    )
    open_window.registry["record_meeting"].trigger()
    for name, t in (("not recording", quiet), ("recording", loud)):
        p99 = statistics.quantiles(t, n=100)[98]
        print(f"\n{name}: p50 {statistics.median(t):.2f} ms, p99 {p99:.2f} ms over {len(t)}")
    assert statistics.quantiles(loud, n=100)[98] < FRAME_MS
