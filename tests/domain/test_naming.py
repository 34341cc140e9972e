"""Names in the minutes: naming styles, officer lines, name lists, completion, dates."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from clerk_app.domain.dates import format_date, format_time, number_words
from clerk_app.domain.model import BodySettings, NamingStyle, Person, PersonKind, Role
from clerk_app.domain.naming import (
    display_name,
    list_display_name,
    list_names,
    match,
    officer_line,
)

MRS_OKAFOR = Person(first_name="Adaeze", last_name="Okafor", honorific="Mrs", role=Role.CHAIR)


def settings(style: NamingStyle) -> BodySettings:
    return BodySettings(naming=style)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (NamingStyle.COUNCILLOR_FULL, "Councillor Adaeze Okafor"),
        (NamingStyle.COUNCILLOR_SURNAME, "Councillor Mrs Okafor"),
        (NamingStyle.CLLR_INITIAL, "Cllr Mrs A Okafor"),
        (NamingStyle.CLLR_SURNAME, "Cllr Okafor"),
        (NamingStyle.HONORIFIC, "Mrs Okafor"),
        (NamingStyle.FULL_NAME, "Adaeze Okafor"),
        (NamingStyle.INITIALS, "AO"),
    ],
)
def test_every_naming_style(style: NamingStyle, expected: str) -> None:
    assert display_name(MRS_OKAFOR, settings(style)) == expected


def test_styles_without_honorific_fall_back_sensibly() -> None:
    p = Person(first_name="Gareth", last_name="Pryce-Jones")
    assert display_name(p, settings(NamingStyle.COUNCILLOR_SURNAME)) == "Councillor Pryce-Jones"
    assert display_name(p, settings(NamingStyle.HONORIFIC)) == "Gareth Pryce-Jones"
    assert display_name(p, settings(NamingStyle.INITIALS)) == "GPJ"
    p.honorific = "Mr"
    assert display_name(p, settings(NamingStyle.COUNCILLOR_SURNAME)) == "Councillor Pryce-Jones"
    assert display_name(p, settings(NamingStyle.HONORIFIC)) == "Mr Pryce-Jones"


def test_initials_override_and_list_form() -> None:
    p = Person(first_name="Sian", last_name="Lloyd", initials="SLl")
    st = settings(NamingStyle.INITIALS)
    assert display_name(p, st) == "SLl"
    assert list_display_name(p, st) == "Sian Lloyd (SLl)"


def test_officers_are_not_called_councillor() -> None:
    officer = Person(
        first_name="Tom", last_name="Reyes", kind=PersonKind.OFFICER, post="Head of Legal Services"
    )
    st = settings(NamingStyle.COUNCILLOR_SURNAME)
    assert display_name(officer, st) == "Tom Reyes"
    assert officer_line(officer, st) == "Tom Reyes (Head of Legal Services)"
    assert officer_line(Person(kind=PersonKind.OFFICER, post="Clerk")) == "Clerk"
    ward = Person(first_name="Ian", last_name="Moss", kind=PersonKind.OTHER, post="Ward Councillor")
    assert display_name(ward, st) == "Councillor Moss"


def test_half_typed_people_do_not_break() -> None:
    st = settings(NamingStyle.CLLR_INITIAL)
    assert display_name(Person(), st) == ""
    assert display_name(Person(last_name="  Hale "), st) == "Cllr Hale"
    assert display_name(Person(first_name="Priya"), st) == "Cllr Priya"


def test_list_names() -> None:
    assert list_names([]) == ""
    assert list_names(["A"]) == "A"
    assert list_names(["A", "B"]) == "A and B"
    assert list_names(["A", "", "B", "C"]) == "A, B and C"


def _people() -> list[Person]:
    return [
        Person(first_name="Ruth", last_name="Russell", id="russell"),
        Person(first_name="Rupert", last_name="Ashdown", id="ashdown"),
        Person(first_name="Zoë", last_name="Ruíz", honorific="Dr", id="ruiz"),
        Person(first_name="Harold", last_name="Rudge", active=False, id="rudge"),
        Person(first_name="Jane", last_name="Smith", id="smith"),
    ]


def test_match_ignores_titles_case_and_accents() -> None:
    people = _people()
    ids = [p.id for p in match("Cllr Ru", people, present_ids=["russell", "ruiz"])]
    # present first (surname before first-name matches), inactive Rudge never offered
    assert ids == ["ruiz", "russell", "ashdown"]
    assert [p.id for p in match("dr RUIZ", people)] == ["ruiz"]
    assert [p.id for p in match("zoe", people)] == ["ruiz"]


def test_match_first_name_and_surname_words_and_initials() -> None:
    people = _people()
    assert [p.id for p in match("j smi", people)] == ["smith"]
    assert [p.id for p in match("Councillor Mrs Smith", people)] == ["smith"]
    assert [p.id for p in match("js", people)] == ["smith"]
    assert match("xyz", people) == []


def test_match_apostrophes_and_double_barrelled_names() -> None:
    people = [
        Person(first_name="Siobhán", last_name="O’Brien", id="obrien"),
        Person(first_name="Gareth", last_name="Pryce-Jones", id="pryce"),
        Person(first_name="Anna", last_name="van der Berg", id="vdb"),
    ]
    assert [p.id for p in match("obri", people)] == ["obrien"]
    assert [p.id for p in match("o'b", people)] == ["obrien"]
    assert [p.id for p in match("siobhan", people)] == ["obrien"]
    assert [p.id for p in match("jones", people)] == ["pryce"]
    assert [p.id for p in match("pryce-j", people)] == ["pryce"]
    assert [p.id for p in match("berg", people)] == ["vdb"]


def test_match_present_before_absent() -> None:
    people = _people()
    ids = [p.id for p in match("r", people, present_ids=["ashdown"])]
    assert ids[0] == "ashdown"
    assert "rudge" not in ids


def test_british_dates_and_times() -> None:
    assert format_date(date(2025, 2, 4)) == "Tuesday 4 February 2025"
    assert format_date(date(2026, 11, 22), weekday=False) == "22 November 2026"
    assert format_time(time(14, 28)) == "2.28 pm"
    assert format_time(time(19, 0)) == "7.00 pm"
    assert format_time(time(0, 5)) == "12.05 am"
    assert format_time(time(12, 0)) == "12.00 pm"
    assert format_time(time(14, 28), clock_24h=True) == "14:28"
    assert format_time(time(9, 5), clock_24h=True) == "09:05"


def test_number_words() -> None:
    assert [number_words(n) for n in (0, 1, 9, 10, 22)] == ["none", "one", "nine", "10", "22"]


def _fold_every_character(text: str) -> str:
    """Folding as it is defined: decomposed, accents dropped, quotes straightened."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").casefold()


@examples(max_examples=300)
@given(st.text())
def test_fold_of_plain_text_takes_the_short_way_to_the_same_answer(text: str) -> None:
    from clerk_app.domain.naming import fold

    assert fold(text) == _fold_every_character(text)
    assert fold(text.encode("ascii", "ignore").decode()) == _fold_every_character(
        text.encode("ascii", "ignore").decode()
    )


def test_fold_examples() -> None:
    from clerk_app.domain.naming import fold

    assert fold("Zoë O’Brien") == "zoe o'brien"
    assert fold("The COMMITTEE Report") == "the committee report"
    assert fold("") == ""
