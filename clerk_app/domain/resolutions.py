"""Resolution numbers: a body's own running number for its decisions, apart from the
minute numbers.

``BodySettings.resolution_pattern`` is a ``str.format`` pattern with ``n`` (the running
number, ``{n:03}`` pads it), ``yyyy`` and ``yy`` (the calendar year of the meeting), so
"R{yyyy}-{n:03}" gives "R2026-014" and "CR{yyyy}-{n}" gives "CR2026-14". The number runs
on from the highest the body has already given; a pattern with the year starts again at
``resolution_first`` each year. A number once given is never changed by Clerk.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from datetime import date

from clerk_app.domain.model import DECIDED, Motion, MotionKind, Outcome
from clerk_app.domain.numbering import pattern_problem
from clerk_app.domain.style import ResolutionScope

FIELDS = ("n", "yy", "yyyy")


class _TwoDigit(int):
    def __format__(self, spec: str) -> str:
        return format(int(self) % 100, spec or "02d")


def _fields(n: int, on: date) -> dict[str, int]:
    return {"n": n, "yyyy": on.year, "yy": _TwoDigit(on.year)}


def resolution_number(pattern: str, n: int, on: date) -> str:
    """Resolution ``n`` written in ``pattern`` for a meeting on ``on`` (the bare number if
    the pattern does not format, so a bad setting never stops the minutes)."""
    try:
        return pattern.format(**_fields(n, on))
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return str(n)


def validate_resolution_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot number resolutions, or ``None`` when it is fine ("" is fine:
    the body gives no resolution numbers)."""
    if not pattern.strip():
        return None
    return pattern_problem(
        pattern,
        what="The resolution number pattern",
        example="R{yyyy}-{n:03}",
        fields=FIELDS,
        sample=_fields(1, date(2000, 6, 1)),
        n_problem=lambda count: (
            None if count == 1 else "needs {n} once, for the running number, e.g. R{yyyy}-{n:03}"
        ),
    )


def _matcher(pattern: str, on: date) -> re.Pattern[str] | None:
    """A regular expression matching the numbers ``pattern`` writes in ``on``'s year,
    with the running number as its one group."""
    if validate_resolution_pattern(pattern) or not pattern.strip():
        return None
    values = _fields(0, on)
    parts: list[str] = []
    for text, name, spec, _conv in string.Formatter().parse(pattern):
        parts.append(re.escape(text))
        if name == "n":
            parts.append(r"\s*(\d+)")
        elif name is not None:
            parts.append(re.escape(format(values[name], spec or "")))
    return re.compile("".join(parts))


def year_bound(pattern: str) -> bool:
    """Whether the pattern restarts each year (it writes the year)."""
    return bool(re.search(r"\{yy(yy)?[:}]", pattern))


def highest(pattern: str, on: date, numbers: Iterable[str]) -> int:
    """The highest running number among ``numbers`` that ``pattern`` wrote in ``on``'s
    year (any year when the pattern has none); 0 when there is none."""
    matcher = _matcher(pattern, on)
    if matcher is None:
        return 0
    found = [int(m.group(1)) for text in numbers if (m := matcher.fullmatch(text.strip()))]
    return max(found, default=0)


def next_resolution(pattern: str, first: int, on: date, numbers: Iterable[str]) -> str:
    """The next resolution number after those the body has given (``numbers``)."""
    n = max(first, highest(pattern, on, numbers) + 1)
    return resolution_number(pattern, n, on)


def takes_resolution_number(motion: Motion, scope: ResolutionScope) -> bool:
    """Whether ``motion``, as it stands, takes a resolution number under ``scope``."""
    if motion.motion_kind is MotionKind.AMENDMENT:
        return scope is ResolutionScope.EVERY_MOTION and motion.outcome is not Outcome.PENDING
    if scope is ResolutionScope.SUBSTANTIVE:
        return motion.motion_kind is MotionKind.SUBSTANTIVE and motion.outcome in DECIDED
    if scope is ResolutionScope.DECIDED:
        return motion.outcome in DECIDED
    return motion.outcome in (*DECIDED, Outcome.LOST)
