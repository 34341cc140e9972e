"""Reading the times and dates a clerk types.

``parse_time`` takes what a clerk types into a time box ("2.28pm", "14:28", "1428",
"noon", "now") and returns a ``datetime.time`` with no seconds. ``parse_date`` does the
same for dates, reading UK day-first forms ("4/2/2025" is 4 February). Both raise
``ValueError`` with a message the clerk can act on; nothing here touches the clock
unless "now", "today" or an empty box asks for it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from clerk_app.domain.dates import DAYS, MONTHS
from clerk_app.lazyre import compiled

TIME_HINT = "type it like 2.28pm, 14:28 or 1428"
DATE_HINT = "type it like 4/2/2025, 4 Feb 2025 or 2025-02-04"

_MERIDIEM = compiled(r"\s*([ap])\.?\s*m\.?$")
_SEPARATED = compiled(r"^(\d{1,2})(?:\s*[.:h]\s*(\d{1,2}))?$")
_RUN_ON = compiled(r"^(\d{3,4})$")

_WORDS = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}


def _out_of_range(text: str) -> ValueError:
    return ValueError(f"'{text}' is not a time: hours run 0–23 and minutes 0–59")


def _now(now: time | None) -> time:
    current = now if now is not None else datetime.now().time()
    return current.replace(second=0, microsecond=0)


def _nearest(hour: int, minute: int, now: time) -> time:
    """Of ``hour`` in the morning or the afternoon, the reading nearer to ``now``."""
    here = now.hour * 60 + now.minute
    morning = hour * 60 + minute
    afternoon = morning + 12 * 60
    if abs(afternoon - here) < abs(morning - here):
        return time(hour + 12, minute)
    return time(hour, minute)


def parse_time(text: str, now: time | None = None) -> time:
    """The time in ``text``.

    Accepted: "2.28pm", "2.28 pm", "2:28 p.m.", "2pm", "14:28", "14.28", "1428", "928",
    "noon", "midday", "midnight", and "now" or "" (the current time, seconds dropped).
    "12am" is midnight and "12pm" noon. Without am/pm the time is read on the 24-hour
    clock; but when ``now`` is given, a time such as "2.28" that could be morning or
    afternoon (no leading zero, hour 1–11) is taken as whichever is nearer to ``now``,
    so "2.28" typed during an afternoon meeting means 14:28.
    """
    original = text
    s = text.strip().lower()
    if s in ("", "now"):
        return _now(now)
    if s in _WORDS:
        return _WORDS[s]
    meridiem: str | None = None
    m = _MERIDIEM.search(s)
    if m:
        meridiem = m.group(1)
        s = s[: m.start()].strip()
    hour: int
    minute: int
    leading_zero = s.startswith("0")
    if (sep := _SEPARATED.match(s)) is not None:
        hour = int(sep.group(1))
        minute_text = sep.group(2)
        if minute_text is not None and len(minute_text) != 2:
            raise ValueError(
                f"'{original.strip()}' is not a time: give minutes as two digits, {TIME_HINT}"
            )
        minute = int(minute_text) if minute_text is not None else 0
    elif (run := _RUN_ON.match(s)) is not None:
        digits = run.group(1)
        hour, minute = int(digits[:-2]), int(digits[-2:])
    else:
        raise ValueError(f"'{original.strip()}' is not a time: {TIME_HINT}")
    if minute > 59:
        raise _out_of_range(original.strip())
    if meridiem is not None:
        if hour == 0 or hour > 23 or (meridiem == "a" and hour > 12):
            raise ValueError(
                f"'{original.strip()}' is not a time: with am or pm the hour runs 1–12"
            )
        if hour <= 12:
            if meridiem == "a":
                hour = 0 if hour == 12 else hour
            else:
                hour = 12 if hour == 12 else hour + 12
        return time(hour, minute)
    if hour > 23:
        raise _out_of_range(original.strip())
    if now is not None and 1 <= hour <= 11 and not leading_zero:
        return _nearest(hour, minute, now)
    return time(hour, minute)


# --------------------------------------------------------------------------- dates

# English names whatever the computer's language (``calendar``'s follow the locale)
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, 1):
    _MONTHS[_name.lower()] = _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_WEEKDAYS = {name.lower() for name in DAYS} | {name[:3].lower() for name in DAYS}

_NUMERIC = compiled(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = compiled(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDED = compiled(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$", re.IGNORECASE)


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _days_in(year: int, month: int) -> int:
    """The days in a month (``calendar.monthrange`` without importing calendar, and with
    it locale, at start-up)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _make_date(original: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"'{original}' is not a date: months run 1–12 (the day comes first)")
    last = _days_in(year, month)
    if not 1 <= day <= last:
        raise ValueError(f"'{original}' is not a date: {MONTHS[month - 1]} {year} has {last} days")
    return date(year, month, day)


def parse_date(text: str, today: date | None = None) -> date:
    """The date in ``text``, read day first as in the UK.

    Accepted: "4/2/2025", "4/2/25", "4.2.2025", "4 Feb 2025", "4th February 2025",
    "Tuesday 4 February 2025", "2025-02-04", "today", "tomorrow" and "yesterday".
    Two-digit years are in this century. ``today`` replaces the system date.
    """
    original = text.strip()
    s = " ".join(original.replace(",", " ").split())
    base = today if today is not None else date.today()
    relative = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if s.lower() in relative:
        return base + timedelta(days=relative[s.lower()])
    if not s:
        raise ValueError(f"No date given: {DATE_HINT}")
    words = s.split(" ")
    if len(words) > 1 and words[0].lower().rstrip(".") in _WEEKDAYS:
        s = " ".join(words[1:])
    if (iso := _ISO.match(s)) is not None:
        return _make_date(original, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if (num := _NUMERIC.match(s)) is not None:
        return _make_date(original, _year(num.group(3)), int(num.group(2)), int(num.group(1)))
    if (worded := _WORDED.match(s)) is not None:
        month = _MONTHS.get(worded.group(2).lower())
        if month is None:
            raise ValueError(f"'{original}' is not a date: '{worded.group(2)}' is not a month")
        return _make_date(original, _year(worded.group(3)), month, int(worded.group(1)))
    raise ValueError(f"'{original}' is not a date: {DATE_HINT}")


# --------------------------------------------------------------------------- a body's dates

_MONTH_FIRST = compiled(r"^([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{2}|\d{4})$")
_LEGAL = compiled(r"^the\s+(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+(.+)$", re.IGNORECASE)


def parse_body_date(
    text: str, date_style: str = "day_month_year", locale: str = "en-GB", today: date | None = None
) -> date:
    """The date in ``text`` typed in a body's own form as well as the usual ones.

    Besides :func:`parse_date`'s forms: the body's form as its minutes print it (with
    or without the weekday): "Tuesday, March 24, 2026", "24th March, 2026", "the 24th
    day of March, 2026", and month and day names in the body's language ("Dydd Mawrth
    24 Mawrth 2026"). A body whose dates put the month first reads "3/24/2026" month
    first too; a figure over 12 always says which number is the day.
    """
    from clerk_app.domain.dates import names_for

    original = text.strip()
    s = " ".join(original.replace(",", " ").split())
    days, months = names_for(locale)
    folded = s.casefold()
    for name in days:  # a weekday in the body's language, of one word or more
        if folded.startswith(name.casefold() + " "):
            s = s[len(name) + 1 :]
            break
    if (legal := _LEGAL.match(s)) is not None:
        s = f"{legal.group(1)} {legal.group(2)}"
    local = {name.casefold(): n for n, name in enumerate(months, 1)}
    for name, n in local.items():  # the body's month names read as figures
        if name not in _MONTHS and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", s.casefold()):
            s = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", MONTHS[n - 1], s, flags=re.I)
            break
    if (first := _MONTH_FIRST.match(s)) is not None and first.group(1).lower() in _MONTHS:
        s = f"{first.group(2)} {first.group(1)} {first.group(3)}"
    if (num := _NUMERIC.match(s)) is not None:
        a, b = int(num.group(1)), int(num.group(2))
        if (date_style == "month_day_year" and a <= 12) or a <= 12 < b:
            s = f"{b}/{a}/{num.group(3)}"  # month first: the body's way, or the only way
    try:
        return parse_date(s, today=today)
    except ValueError as exc:
        raise ValueError(str(exc).replace(f"'{s}'", f"'{original}'")) from None
