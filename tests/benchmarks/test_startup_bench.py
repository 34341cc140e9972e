"""Start-up against a look-alike window (see startup.py): Clerk reopening a 40-item
meeting in a 1,200-meeting library, against a plain PySide6 program building the same
widget tree with no logic, alternating fresh processes.

Run: ``python -m pytest tests/benchmarks/test_startup_bench.py --benchmark-only -s``
Target: Clerk within 1.3x of the look-alike (medians).
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from tests.benchmarks.startup import compare, summary

TARGET = 1.3


def test_start_up_against_a_look_alike(benchmark: Any, tmp_path: Path) -> None:
    result: list[tuple[list[float], list[float]]] = []
    benchmark.pedantic(lambda: result.append(compare(tmp_path, rounds=9)), rounds=1)
    look, clerk = result[0]
    print("\n" + summary(look, clerk))
    assert statistics.median(clerk) / statistics.median(look) <= TARGET
