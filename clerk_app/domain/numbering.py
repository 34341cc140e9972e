"""Minute numbers: formatting, numbering years and where a meeting's numbers start.

A ``NumberingScheme.pattern`` is a ``str.format`` pattern with these fields:

- ``n`` the running number (``{n:03}`` pads it to three digits);
- ``yyyy`` the year the numbering year starts in (2014);
- ``yy`` the same year as two digits (14);
- ``yy2`` the two-digit year the numbering year ends in (15 for a May–April year,
  the same as ``yy`` for a calendar year).

So "PLA{n}/{yy}" gives "PLA146/14", "{yy}/{n:03}" gives "26/003", "{yy}.{n}" gives
"21.44", "Cou/{n}/{yy}-{yy2}" gives "Cou/285/07-08" and "{n}" gives "53".

An item number the clerk set by hand ("*4", "S-1": anything but a plain number) is the
clerk's: renumbering keeps it and its minute number, and gives it no running number.

Resolution numbers (``BodySettings.resolution_pattern``) use ``n``, ``yyyy`` and ``yy``
(the calendar year): "R{yyyy}-{n:03}" gives "R2026-014". They run on across the body's
meetings, restarting each year when the pattern has the year
(:mod:`clerk_app.domain.resolutions`).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from clerk_app.domain.model import ItemKind, Meeting, NumberingMode, NumberingScheme

FIELDS = ("n", "yy", "yyyy", "yy2")


class _TwoDigit(int):
    """A year written with two digits unless the pattern asks for another format."""

    def __format__(self, spec: str) -> str:
        if not spec:
            return f"{int(self) % 100:02d}"
        return format(int(self) % 100, spec)


def numbering_year_start(scheme: NumberingScheme, d: date) -> date:
    """The first day of the numbering year ``d`` falls in (1 May by default)."""
    month = scheme.year_start_month if 1 <= scheme.year_start_month <= 12 else 1
    year = d.year if d.month >= month else d.year - 1
    return date(year, month, 1)


def _year_end(start: date) -> date:
    if start.month == 1:
        return date(start.year, 12, 31)
    return date(start.year + 1, start.month, 1) - timedelta(days=1)


def _fields(scheme: NumberingScheme, n: int, meeting_date: date) -> dict[str, int]:
    start = numbering_year_start(scheme, meeting_date)
    return {
        "n": n,
        "yyyy": start.year,
        "yy": _TwoDigit(start.year),
        "yy2": _TwoDigit(_year_end(start).year),
    }


def minute_number(scheme: NumberingScheme, n: int, meeting_date: date) -> str:
    """Minute ``n`` written in the scheme's pattern for a meeting on ``meeting_date``.

    A pattern that does not format (see ``validate_pattern``) falls back to the bare
    number, so a bad setting never stops the minutes being written.
    """
    try:
        return scheme.pattern.format(**_fields(scheme, n, meeting_date))
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return str(n)


def pattern_problem(
    pattern: str,
    *,
    what: str,
    example: str,
    fields: tuple[str, ...],
    sample: Mapping[str, object],
    n_problem: Callable[[int], str | None],
) -> str | None:
    """Why the ``str.format`` pattern ``pattern`` cannot write numbers, or ``None``: its
    braces, its field names (``fields``), the running number ``{n}`` (``n_problem`` is
    told how often it appears) and a trial with the ``sample`` values. ``what`` names the
    pattern in the message ("The numbering pattern")."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        return (
            f"{what} '{pattern}' has an unmatched {{ or }}: put each field in braces, "
            f"e.g. {example}"
        )
    names = [name for _text, name, _spec, _conv in parsed if name is not None]
    for name in names:
        if name not in fields:
            shown = name or "{}"
            allowed = ", ".join("{" + f + "}" for f in fields[:-1]) + f" or {{{fields[-1]}}}"
            return f"{what} '{pattern}' uses '{shown}', which is not a field: use {allowed}"
    problem = n_problem(names.count("n"))
    if problem:
        return f"{what} '{pattern}' {problem}"
    try:
        pattern.format(**sample)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
        return f"{what} '{pattern}' cannot be used: {exc}"
    return None


def validate_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot number minutes, or ``None`` when it is fine."""
    if not pattern.strip():
        return (
            "The numbering pattern is empty: use {n} for the running number, "
            "e.g. {n} or PLA{n}/{yy}"
        )
    return pattern_problem(
        pattern,
        what="The numbering pattern",
        example="PLA{n}/{yy}",
        fields=FIELDS,
        sample=_fields(NumberingScheme(), 1, date(2000, 6, 1)),
        n_problem=lambda count: None if count else "has no {n} for the running number",
    )


def first_minute_for(
    scheme: NumberingScheme,
    meeting_date: date,
    previous: list[tuple[date, int, int]],
) -> int:
    """Where a meeting on ``meeting_date`` starts its running number.

    ``previous`` lists the body's other meetings as (date, first_minute, item_count);
    it must not include the meeting being numbered. Meetings on the same date count
    as earlier ones. MUNICIPAL_YEAR continues after the last minute used earlier in the
    same numbering year, else starts at ``scheme.first_number``; CONTINUOUS continues
    after the last minute of any earlier meeting; PER_MEETING always starts afresh.
    """
    if scheme.mode is NumberingMode.PER_MEETING:
        return scheme.first_number
    earlier = [p for p in previous if p[0] <= meeting_date]
    if scheme.mode is NumberingMode.MUNICIPAL_YEAR:
        year = numbering_year_start(scheme, meeting_date)
        earlier = [p for p in earlier if numbering_year_start(scheme, p[0]) == year]
    if not earlier:
        return scheme.first_number
    return max(first + count for _d, first, count in earlier)


def assign_minute_numbers(meeting: Meeting, scheme: NumberingScheme) -> None:
    """Number every item: item numbers 1, 2 … and minute numbers from ``first_minute``;
    a section heading between items is skipped."""
    index = 0
    for item in meeting.items:
        if item.kind is ItemKind.SECTION_HEADING:  # a heading between items takes no number
            item.number = item.minute_number = ""
            continue
        if hand_numbered(item.number):
            continue  # the clerk's own number, kept as typed
        item.number = str(index + 1)
        item.minute_number = minute_number(scheme, meeting.first_minute + index, meeting.date)
        index += 1


def hand_numbered(number: str) -> bool:
    """Whether an item number was set by hand: anything but a plain number ("*4", "S-1")."""
    text = number.strip()
    return bool(text) and not text.isdigit()
