"""What a power cut can cost: the background disk sync's checkpoint, timed.

Clerk's connection commits with ``synchronous=NORMAL`` (a save survives Clerk being
killed at once) and :class:`~clerk_app.storage.syncer.WalSyncer` forces what was saved
onto the disk every ``SYNC_INTERVAL`` seconds on its own thread. A power cut therefore
loses at most the interval plus one checkpoint. This times that checkpoint after a
typing pause's worth of saves in the 40-item meeting.

Run: ``python -m pytest tests/benchmarks/test_sync_bench.py --benchmark-only -s``
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from test_gui_bench import build_meeting

from clerk_app.domain.model import Paragraph
from clerk_app.services import Services
from clerk_app.storage import Store
from clerk_app.storage.syncer import SYNC_INTERVAL, WalSyncer


def test_checkpoint_after_typing(benchmark: Any, tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    meeting_id = build_meeting(db)
    store = Store.open(db, backups=False)
    syncer = WalSyncer(lambda: db)
    try:
        svc = Services(store)
        meeting = svc.get_meeting(meeting_id)
        item = meeting.items[20]
        block = next(b for b in item.blocks if isinstance(b, Paragraph))
        syncer.sync()
        timings: list[float] = []

        def type_then_sync(n: list[int] = [0]) -> None:  # noqa: B006
            for _ in range(7):  # about two seconds of typing, saved every 300 ms
                n[0] += 1
                block.text = f"The clerk typed {n[0]} words about the hedgerow. " * 3
                svc.update_block(meeting, item.id, block)
            started = time.perf_counter()
            assert syncer.sync()
            timings.append(time.perf_counter() - started)

        benchmark.pedantic(type_then_sync, rounds=60, iterations=1)
        ms = sorted(t * 1000 for t in timings)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        print(
            f"\ncheckpoint: p50 {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, "
            f"max {ms[-1]:.2f} ms; a power cut costs at most {SYNC_INTERVAL:.0f} s "
            f"+ {ms[-1]:.0f} ms of saved typing"
        )
    finally:
        syncer.stop()
        store.close()
