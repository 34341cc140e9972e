"""British date and time wording for the minutes: "Tuesday 4 February 2025", "2.28 pm".

Day and month names are spelt out here rather than taken from the locale, so the
minutes read the same on every machine.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.domain.style import MinuteStyle

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


def now_stamp(moment: datetime | None = None) -> str:
    """A bookmark for ``moment`` (default now): local time to the millisecond."""
    return (moment or datetime.now()).isoformat(timespec="milliseconds")


def clock_text(seconds: float) -> str:
    """0:04:32 for a position in a recording."""
    whole = max(0, int(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def number_words(n: int) -> str:
    """Numbers below ten in words ("none", "one" … "nine"), larger ones as figures."""
    if 0 <= n < len(_SMALL):
        return _SMALL[n]
    return str(n)


# --------------------------------------------------------------------------- styles
# A body's style chooses among these forms (see domain/style.py). English names come
# from the tables above, so an English body never loads CLDR; another language's month
# and day names come from CLDR through Babel, imported only when such a body is shown.


def ordinal(n: int) -> str:
    """ "1st", "2nd", "3rd", "4th", "11th", "22nd"."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _english(locale: str) -> bool:
    return not locale or locale.replace("_", "-").casefold().split("-")[0] == "en"


@cache
def _cldr_names(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(day names Monday first, month names) for a non-English locale from CLDR."""
    from babel import Locale  # imported here: never at start-up nor for English bodies

    loc = Locale.parse(locale.replace("-", "_"))
    days = loc.days["format"]["wide"]
    months = loc.months["format"]["wide"]
    return tuple(days[i] for i in range(7)), tuple(months[i] for i in range(1, 13))


def names_for(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The locale's day names (Monday first) and month names."""
    if _english(locale):
        return DAYS, MONTHS
    try:
        return _cldr_names(locale)
    except (ImportError, ValueError, LookupError):
        return DAYS, MONTHS


def styled_date(d: date, date_style: str, weekday: bool = True, locale: str = "en-GB") -> str:
    """A date as the style writes it: "Tuesday 24 March 2020", "Tuesday, March 24, 2020",
    "March 24, 2020", "Tuesday 24th March, 2020", "the 24th day of March, 2020"."""
    days, months = names_for(locale)
    day, month = days[d.weekday()], months[d.month - 1]
    if date_style == "month_day_year":
        text = f"{month} {d.day}, {d.year}"
        return f"{day}, {text}" if weekday else text
    if date_style == "ordinal":
        text = f"{ordinal(d.day)} {month}, {d.year}"
        return f"{day} {text}" if weekday else text
    if date_style == "legal":
        return f"the {ordinal(d.day)} day of {month}, {d.year}"
    text = f"{d.day} {month} {d.year}"
    return f"{day} {text}" if weekday else text


def body_date(d: date, style: MinuteStyle | None, weekday: bool = True) -> str:
    """A date as a body's style writes it (British, as :func:`format_date`, without a
    style): what the window shows the clerk, in the form the minutes will print."""
    if style is None:
        return format_date(d, weekday)
    return styled_date(d, style.date_style, weekday, style.locale)


def styled_time(t: time, time_style: str) -> str:
    """A time as the style writes it: "9.36 pm", "9.36pm", "9:36 pm", "9:36 p.m.",
    "9:36 PM" or "21:36"."""
    if time_style == "24h":
        return f"{t.hour:02d}:{t.minute:02d}"
    hour = t.hour % 12 or 12
    pm = t.hour >= 12
    if time_style == "dot_tight":
        return f"{hour}.{t.minute:02d}{'pm' if pm else 'am'}"
    if time_style == "colon":
        return f"{hour}:{t.minute:02d} {'pm' if pm else 'am'}"
    if time_style == "colon_dotted":
        return f"{hour}:{t.minute:02d} {'p.m.' if pm else 'a.m.'}"
    if time_style == "colon_caps":
        return f"{hour}:{t.minute:02d} {'PM' if pm else 'AM'}"
    return f"{hour}.{t.minute:02d} {'pm' if pm else 'am'}"


_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spelled(n: int) -> str:
    """Numbers from one to ninety-nine in words ("seven", "twenty-four"); "" for others."""
    if 1 <= n < 10:
        return _SMALL[n]
    if 10 <= n < 20:
        return _TEENS[n - 10]
    if 20 <= n < 100:
        tens, units = divmod(n, 10)
        return _TENS[tens] + (f"-{_SMALL[units]}" if units else "")
    return ""


def count_text(n: int, in_words: bool, with_figures: bool = False) -> str:
    """A count in words below ten (``number_words``) or always as figures; with
    ``with_figures``, the words then the figure in brackets, "three (3)", "twelve (12)"
    (as figures alone where there are no words for it)."""
    if in_words and with_figures:
        words = spelled(n)
        return f"{words} ({n})" if words else str(n)
    return number_words(n) if in_words else str(n)
