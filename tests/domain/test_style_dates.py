"""Dates, times and counts in each style's form; CLDR (Babel) only for other languages,
and never at start-up nor for an English body."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from clerk_app.domain.dates import ordinal, styled_date, styled_time
from clerk_app.domain.model import Person, Role
from clerk_app.domain.naming import collation_key

DAY = date(2020, 3, 24)
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(
    ("form", "weekday", "expected"),
    [
        ("day_month_year", True, "Tuesday 24 March 2020"),
        ("month_day_year", False, "March 24, 2020"),
        ("month_day_year", True, "Tuesday, March 24, 2020"),
        ("ordinal", True, "Tuesday 24th March, 2020"),
        ("legal", True, "the 24th day of March, 2020"),
    ],
)
def test_date_forms(form: str, weekday: bool, expected: str) -> None:
    assert styled_date(DAY, form, weekday) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("dot", "9.36 pm"),
        ("dot_tight", "9.36pm"),
        ("colon", "9:36 pm"),
        ("colon_dotted", "9:36 p.m."),
        ("colon_caps", "9:36 PM"),
        ("24h", "21:36"),
    ],
)
def test_time_forms(form: str, expected: str) -> None:
    assert styled_time(time(21, 36), form) == expected
    assert styled_time(time(0, 5), "colon_caps") == "12:05 AM"


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"
    ]  # fmt: skip


def test_another_language_takes_its_names_from_cldr() -> None:
    pytest.importorskip("babel")
    assert styled_date(DAY, "day_month_year", True, "cy") == "Dydd Mawrth 24 Mawrth 2020"


def test_accented_surnames_sort_with_their_letter() -> None:
    people = [Person("A", "Owens"), Person("B", "Ó Briain"), Person("C", "Nolan")]
    people.append(Person("D", "Okoro", role=Role.MEMBER))
    assert [p.last_name for p in sorted(people, key=collation_key)] == [
        "Nolan", "Ó Briain", "Okoro", "Owens"
    ]  # fmt: skip


def test_start_up_and_english_minutes_do_not_load_babel(tmp_path: Path) -> None:
    script = f"""
import sys
import clerk_app.cli, clerk_app.app
from clerk_app.storage import Store
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo
svc = Services(Store.open({str(tmp_path / "c.db")!r}, backups=False))
for style in ("us-city-council", "ontario-council", "irish-local-authority"):
    svc.export(create_style_demo(svc, style), {str(tmp_path)!r} + "/" + style + ".docx")
print("BABEL", sorted(m for m in sys.modules if m.split(".")[0] == "babel"))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "BABEL []" in done.stdout, done.stdout + done.stderr
