"""List numbering outside Word: Roman numbers, letters, and when a list starts again."""

from __future__ import annotations

import pytest

from clerk_app.domain.document import Element, Para, Run, Style, Table
from clerk_app.domain.lists import (
    LIST_KINDS,
    ListKind,
    ListLabels,
    letters,
    list_kind,
    list_label,
    roman,
)
from clerk_app.export.numbering import LIST_STYLES


def p(style: Style, text: str = "x", *, restart: bool = False, label: str = "") -> Para:
    return Para(style, [Run(text)], label=label, restart=restart)


def table() -> Table:
    return Table(["Member", "Vote"], [["Cllr A Okafor", "For"]])


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "i"),
        (2, "ii"),
        (3, "iii"),
        (4, "iv"),
        (5, "v"),
        (9, "ix"),
        (14, "xiv"),
        (39, "xxxix"),
        (40, "xl"),
        (49, "xlix"),
        (90, "xc"),
        (400, "cd"),
        (944, "cmxliv"),
        (1994, "mcmxciv"),
        (3999, "mmmcmxcix"),
        (4000, "mmmm"),
    ],
)
def test_roman_numbers(n: int, expected: str) -> None:
    assert roman(n) == expected


@pytest.mark.parametrize("n", [0, -3])
def test_roman_and_letters_start_at_one(n: int) -> None:
    with pytest.raises(ValueError):
        roman(n)
    with pytest.raises(ValueError):
        letters(n)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "bb"), (52, "zz"), (53, "aaa")],
)
def test_letters_go_on_past_z_as_in_word(n: int, expected: str) -> None:
    assert letters(n) == expected


@pytest.mark.parametrize(
    ("kind", "n", "expected"),
    [
        (ListKind.BULLET, 1, "•"),
        (ListKind.BULLET, 7, "•"),
        (ListKind.NUMBER, 1, "1."),
        (ListKind.NUMBER, 12, "12."),
        (ListKind.LETTER, 3, "(c)"),
        (ListKind.LETTER, 27, "(aa)"),
        (ListKind.LETTER, 29, "(cc)"),
        (ListKind.ROMAN, 4, "(iv)"),
        (ListKind.ROMAN, 40, "(xl)"),
        ("letter", 2, "(b)"),  # the kind's name is accepted too
    ],
)
def test_list_label(kind: ListKind | str, n: int, expected: str) -> None:
    assert list_label(kind, n) == expected


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        list_label("stars", 1)


def test_list_styles_are_those_the_word_template_numbers() -> None:
    """Every style the house-style template numbers has a kind here, and no other."""
    from docx import Document

    from clerk_app.export import default_template

    styles = Document(str(default_template())).styles
    numbered = {
        style
        for style in Style
        if style.value in [s.name for s in styles]
        and styles[style.value].element.pPr is not None
        and styles[style.value].element.pPr.numPr is not None
    }
    assert numbered == set(LIST_KINDS) == set(LIST_STYLES)
    assert list_kind(Style.CLAUSE_ROMAN) is ListKind.ROMAN
    assert list_kind(Style.BODY) is None


def labels(elements: list[Element]) -> list[str]:
    return ListLabels().labels(elements)


def test_a_list_counts_on_and_restarts_where_restart_is_set() -> None:
    elements: list[Element] = [
        p(Style.CLAUSE_NUMBER, restart=True),
        p(Style.CLAUSE_NUMBER),
        p(Style.CLAUSE_NUMBER),
        p(Style.CLAUSE_NUMBER, restart=True),
        p(Style.CLAUSE_NUMBER),
    ]
    assert labels(elements) == ["1.", "2.", "3.", "1.", "2."]


def test_a_list_without_restart_after_other_text_starts_at_one() -> None:
    elements: list[Element] = [
        p(Style.POINT_LETTER, restart=True),
        p(Style.POINT_LETTER),
        p(Style.BODY, label="53.2"),
        p(Style.POINT_LETTER),
    ]
    assert labels(elements) == ["(a)", "(b)", "53.2", "(a)"]


def test_a_table_ends_a_list() -> None:
    elements: list[Element] = [
        p(Style.CLAUSE_NUMBER, restart=True),
        p(Style.CLAUSE_NUMBER),
        table(),
        p(Style.CLAUSE_NUMBER),
        p(Style.CLAUSE_NUMBER),
    ]
    assert labels(elements) == ["1.", "2.", "", "1.", "2."]


def test_a_labelled_list_paragraph_shows_its_label_and_still_counts() -> None:
    """Word numbers every paragraph of a list style, labelled or not."""
    elements: list[Element] = [
        p(Style.CLAUSE_LETTER, restart=True),
        p(Style.CLAUSE_LETTER, label="(b)*"),
        p(Style.CLAUSE_LETTER),
    ]
    assert labels(elements) == ["(a)", "(b)*", "(c)"]


def test_a_list_of_another_style_does_not_break_the_list_around_it() -> None:
    """Each list style keeps its own count in Word: (a), (i), (ii), (b), (iii)."""
    elements: list[Element] = [
        p(Style.CLAUSE_LETTER, restart=True),
        p(Style.CLAUSE_ROMAN, restart=True),
        p(Style.CLAUSE_ROMAN),
        p(Style.CLAUSE_LETTER),
        p(Style.CLAUSE_ROMAN),
        p(Style.CLAUSE_LETTER),
    ]
    assert labels(elements) == ["(a)", "(i)", "(ii)", "(b)", "(iii)", "(c)"]


def test_alternating_styles_each_start_at_one_when_first_used() -> None:
    elements: list[Element] = [
        p(Style.POINT_NUMBER),
        p(Style.POINT_BULLET),
        p(Style.POINT_NUMBER),
        p(Style.POINT_BULLET),
        p(Style.POINT_NUMBER, restart=True),
    ]
    assert labels(elements) == ["1.", "•", "2.", "•", "1."]


def test_letters_past_twenty_six_in_a_long_list() -> None:
    elements: list[Element] = [p(Style.POINT_LETTER, restart=True)]
    elements += [p(Style.POINT_LETTER) for _ in range(27)]
    assert labels(elements)[25:] == ["(z)", "(aa)", "(bb)"]


def test_end_lists_starts_every_list_again() -> None:
    numbering = ListLabels()
    assert numbering.label(p(Style.CLAUSE_NUMBER, restart=True)) == "1."
    assert numbering.label(p(Style.CLAUSE_ROMAN, restart=True)) == "(i)"
    numbering.end_lists()
    assert numbering.label(p(Style.CLAUSE_NUMBER)) == "1."
    assert numbering.label(p(Style.CLAUSE_ROMAN)) == "(i)"


def test_other_paragraphs_show_their_own_label() -> None:
    assert labels([p(Style.ITEM_HEADING, label="PLA9/26"), p(Style.BODY)]) == ["PLA9/26", ""]
