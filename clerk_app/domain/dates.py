"""British date and time wording for the minutes: "Tuesday 4 February 2025", "2.28 pm".

Day and month names are spelt out here rather than taken from the locale, so the
minutes read the same on every machine.
"""

from __future__ import annotations

from datetime import date, time

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_SMALL = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def format_date(d: date, weekday: bool = True) -> str:
    """``"Tuesday 4 February 2025"`` (or ``"4 February 2025"`` without the weekday)."""
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()]} {text}" if weekday else text


def format_time(t: time, clock_24h: bool = False) -> str:
    """``"2.28 pm"``, ``"7.00 pm"``, ``"12.00 pm"`` (noon), or ``"14:28"`` on the 24-hour clock."""
    if clock_24h:
        return f"{t.hour:02d}:{t.minute:02d}"
    hour = t.hour % 12 or 12
    suffix = "am" if t.hour < 12 else "pm"
    return f"{hour}.{t.minute:02d} {suffix}"


def number_words(n: int) -> str:
    """Numbers below ten in words ("none", "one" … "nine"), larger ones as figures."""
    if 0 <= n < len(_SMALL):
        return _SMALL[n]
    return str(n)
