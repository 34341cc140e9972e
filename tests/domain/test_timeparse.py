"""Reading typed times and dates."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk_app.domain.timeparse import parse_date, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.28pm", time(14, 28)),
        ("2.28 pm", time(14, 28)),
        ("2:28 p.m.", time(14, 28)),
        ("2:28 P.M.", time(14, 28)),
        ("9.05am", time(9, 5)),
        ("14:28", time(14, 28)),
        ("14.28", time(14, 28)),
        ("1428", time(14, 28)),
        ("928", time(9, 28)),
        ("0930", time(9, 30)),
        ("2pm", time(14, 0)),
        ("7 pm", time(19, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("12.15am", time(0, 15)),
        ("noon", time(12, 0)),
        ("Midday", time(12, 0)),
        ("midnight", time(0, 0)),
        ("  18:00  ", time(18, 0)),
        ("14.28pm", time(14, 28)),
    ],
)
def test_parse_time_accepts_clerk_forms(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["now", "", "  ", "NOW"])
def test_now_and_empty_give_the_current_minute(text: str) -> None:
    assert parse_time(text, now=time(19, 42, 37, 5)) == time(19, 42)


def test_now_without_a_clock_given_uses_the_system_clock() -> None:
    result = parse_time("now")
    assert result.second == 0 and result.microsecond == 0


def test_ambiguous_time_is_read_near_now_when_now_given() -> None:
    assert parse_time("2.28", now=time(14, 10)) == time(14, 28)
    assert parse_time("9.15", now=time(9, 0)) == time(9, 15)
    assert parse_time("7", now=time(19, 5)) == time(19, 0)
    # explicit forms are never moved
    assert parse_time("02.28", now=time(14, 10)) == time(2, 28)
    assert parse_time("2.28am", now=time(14, 10)) == time(2, 28)
    assert parse_time("14:28", now=time(8, 0)) == time(14, 28)


def test_without_now_times_are_read_on_the_24_hour_clock() -> None:
    assert parse_time("2.28") == time(2, 28)


def test_out_of_range_message_names_the_ranges() -> None:
    with pytest.raises(ValueError) as err:
        parse_time("25:70")
    assert str(err.value) == "'25:70' is not a time: hours run 0–23 and minutes 0–59"


@pytest.mark.parametrize(
    "text", ["24:00", "2.61pm", "2499", "13am", "0pm", "abc", "2.5pm", "1:2:3"]
)
def test_bad_times_raise_with_the_text_quoted(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_time(text)
    assert f"'{text}' is not a time" in str(err.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4/2/2025", date(2025, 2, 4)),
        ("04/02/2025", date(2025, 2, 4)),
        ("4/2/25", date(2025, 2, 4)),
        ("4.2.2025", date(2025, 2, 4)),
        ("4 Feb 2025", date(2025, 2, 4)),
        ("4th February 2025", date(2025, 2, 4)),
        ("Tuesday 4 February 2025", date(2025, 2, 4)),
        ("Tue, 4 Feb. 2025", date(2025, 2, 4)),
        ("2025-02-04", date(2025, 2, 4)),
        ("23 Sept 2026", date(2026, 9, 23)),
    ],
)
def test_parse_date_is_day_first(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_relative_dates() -> None:
    base = date(2026, 12, 31)
    assert parse_date("today", today=base) == base
    assert parse_date("Tomorrow", today=base) == date(2027, 1, 1)
    assert parse_date("yesterday", today=base) == date(2026, 12, 30)


def test_impossible_dates_explain_why() -> None:
    with pytest.raises(ValueError, match="February 2025 has 28 days"):
        parse_date("29/2/2025")
    with pytest.raises(ValueError, match="months run 1–12"):
        parse_date("4/13/2025")
    with pytest.raises(ValueError, match="'Febtober' is not a month"):
        parse_date("4 Febtober 2025")
    with pytest.raises(ValueError, match="is not a date"):
        parse_date("next week")
    with pytest.raises(ValueError, match="No date given"):
        parse_date("")
    assert parse_date("29/2/2024") == date(2024, 2, 29)


@pytest.mark.parametrize("locale", ["en-GB", "en-US", "en-IE", "cy"])
@pytest.mark.parametrize("date_style", ["day_month_year", "month_day_year", "ordinal", "legal"])
def test_a_body_s_own_date_form_reads_back(date_style: str, locale: str) -> None:
    from clerk_app.domain.dates import styled_date
    from clerk_app.domain.timeparse import parse_body_date

    for day in (date(2026, 4, 7), date(2026, 12, 31)):
        for weekday in (True, False):
            shown = styled_date(day, date_style, weekday, locale)
            assert parse_body_date(shown, date_style, locale) == day, shown


def test_figures_follow_the_body_s_order_where_they_could_be_either() -> None:
    from clerk_app.domain.timeparse import parse_body_date

    assert parse_body_date("4/7/2026", "month_day_year") == date(2026, 4, 7)
    assert parse_body_date("4/7/2026", "day_month_year") == date(2026, 7, 4)
    assert parse_body_date("24/3/2026", "month_day_year") == date(2026, 3, 24)
    assert parse_body_date("3/24/2026", "day_month_year") == date(2026, 3, 24)
    with pytest.raises(ValueError, match="'Marchy 24, 2026' is not a date"):
        parse_body_date("Marchy 24, 2026", "month_day_year")
