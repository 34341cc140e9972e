"""Minute numbers, numbering years and where each meeting starts."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.model import Item, Meeting, NumberingMode, NumberingScheme
from clerk_app.domain.numbering import (
    assign_minute_numbers,
    first_minute_for,
    minute_number,
    numbering_year_start,
    validate_pattern,
)


@pytest.mark.parametrize(
    ("pattern", "n", "on", "month", "expected"),
    [
        ("PLA{n}/{yy}", 146, date(2014, 9, 3), 5, "PLA146/14"),
        ("PLA{n}/{yy}", 146, date(2015, 3, 3), 5, "PLA146/14"),
        ("{yy}/{n:03}", 3, date(2026, 2, 10), 1, "26/003"),
        ("{yy}.{n}", 44, date(2021, 11, 8), 5, "21.44"),
        ("{n}", 53, date(2025, 7, 1), 5, "53"),
        ("Cou/{n}/{yy}-{yy2}", 285, date(2008, 1, 15), 5, "Cou/285/07-08"),
        ("{n}/{yyyy}", 7, date(2009, 6, 1), 5, "7/2009"),
        ("{n}/{yy}", 12, date(2005, 6, 1), 5, "12/05"),
        ("{yy}{yy2}", 1, date(2026, 6, 1), 1, "2626"),
    ],
)
def test_minute_number_patterns(pattern: str, n: int, on: date, month: int, expected: str) -> None:
    scheme = NumberingScheme(pattern=pattern, year_start_month=month)
    assert minute_number(scheme, n, on) == expected


def test_a_broken_pattern_falls_back_to_the_number() -> None:
    assert minute_number(NumberingScheme(pattern="{m}"), 9, date(2025, 6, 1)) == "9"


def test_numbering_year_starts_in_may_by_default() -> None:
    scheme = NumberingScheme()
    assert numbering_year_start(scheme, date(2025, 4, 30)) == date(2024, 5, 1)
    assert numbering_year_start(scheme, date(2025, 5, 1)) == date(2025, 5, 1)
    april = NumberingScheme(year_start_month=4)
    assert numbering_year_start(april, date(2026, 3, 31)) == date(2025, 4, 1)


def test_municipal_year_continues_within_the_year_and_restarts_after() -> None:
    scheme = NumberingScheme(mode=NumberingMode.MUNICIPAL_YEAR, first_number=1)
    previous = [(date(2025, 6, 10), 1, 8), (date(2025, 9, 9), 9, 6), (date(2025, 3, 1), 80, 5)]
    assert first_minute_for(scheme, date(2025, 11, 4), previous) == 15
    # a meeting in the next municipal year starts again
    assert first_minute_for(scheme, date(2026, 5, 20), previous) == 1
    # later meetings are not counted when numbering an earlier one
    assert first_minute_for(scheme, date(2025, 7, 1), previous) == 9
    assert first_minute_for(scheme, date(2025, 6, 1), []) == 1


def test_continuous_numbering_carries_across_years() -> None:
    scheme = NumberingScheme(mode=NumberingMode.CONTINUOUS, first_number=330)
    previous = [(date(2024, 3, 5), 320, 6), (date(2025, 6, 10), 334, 5)]
    assert first_minute_for(scheme, date(2025, 7, 8), previous) == 339
    assert first_minute_for(scheme, date(2020, 1, 1), previous) == 330


def test_per_meeting_numbering_always_restarts() -> None:
    scheme = NumberingScheme(mode=NumberingMode.PER_MEETING)
    assert first_minute_for(scheme, date(2025, 7, 8), [(date(2025, 6, 1), 1, 9)]) == 1


def test_assign_minute_numbers_sets_item_and_minute_numbers() -> None:
    meeting = Meeting(body_id="b", date=date(2014, 10, 1), first_minute=146)
    meeting.items = [Item(title=t) for t in ("Apologies", "Declarations", "Minutes")]
    assign_minute_numbers(meeting, NumberingScheme(pattern="PLA{n}/{yy}"))
    assert [i.number for i in meeting.items] == ["1", "2", "3"]
    assert [i.minute_number for i in meeting.items] == ["PLA146/14", "PLA147/14", "PLA148/14"]


@pytest.mark.parametrize("pattern", ["{n}", "PLA{n}/{yy}", "{yy}/{n:03}", "Cou/{n}/{yy}-{yy2}"])
def test_good_patterns_pass(pattern: str) -> None:
    assert validate_pattern(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("{m}", "'m', which is not a field"),
        ("PLA{n/{yy}", "unmatched"),
        ("PLA{n}}/{yy}", "unmatched"),
        ("{n", "unmatched"),
        ("{yy}/", "has no {n}"),
        ("{}", "'{}', which is not a field"),
        ("{n:zz}", "cannot be used"),
        ("", "empty"),
    ],
)
def test_bad_patterns_explain_themselves(pattern: str, fragment: str) -> None:
    message = validate_pattern(pattern)
    assert message is not None and fragment in message
