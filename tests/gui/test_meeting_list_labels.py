"""Every view of the wording outside Word numbers lists as Word will: the meeting preview,
the chair's review copy, the correction dialog's "Reads now" and the points form."""

from __future__ import annotations

import re
from typing import Any

import pytest

from clerk_app.domain.document import Document, Element, Para, Run, Style, Table
from clerk_app.domain.model import PointStyle
from clerk_app.gui.meeting.forms import PointsForm
from clerk_app.gui.meeting.forms.base import set_combo
from clerk_app.gui.meeting.preview import to_html, to_plain
from clerk_app.gui.review.correction import reading
from clerk_app.gui.review.minutes_html import document_html


def p(style: Style, text: str, *, restart: bool = False, label: str = "") -> Para:
    return Para(style, [Run(text)], label=label, restart=restart)


# (elements, the labels Word shows before the list paragraphs, in order)
CASES: dict[str, tuple[list[Element], list[str]]] = {
    "a labelled clause still counts": (
        [
            p(Style.DECISION, "RESOLVED – That:"),
            p(Style.CLAUSE_NUMBER, "alpha", restart=True),
            p(Style.CLAUSE_NUMBER, "bravo", label="2A."),
            p(Style.CLAUSE_NUMBER, "charlie"),
        ],
        ["1.", "2A.", "3."],
    ),
    "a table ends the list": (
        [
            p(Style.CLAUSE_NUMBER, "alpha", restart=True),
            p(Style.CLAUSE_NUMBER, "bravo"),
            Table(["Member", "Vote"], [["Cllr Moss", "For"]]),
            p(Style.CLAUSE_NUMBER, "charlie"),
        ],
        ["1.", "2.", "1."],
    ),
    "a nested list does not break the letters": (
        [
            p(Style.CLAUSE_LETTER, "alpha", restart=True),
            p(Style.CLAUSE_ROMAN, "bravo", restart=True),
            p(Style.CLAUSE_ROMAN, "charlie"),
            p(Style.CLAUSE_LETTER, "delta"),
        ],
        ["(a)", "(i)", "(ii)", "(b)"],
    ),
}
WORDS = ["alpha", "bravo", "charlie", "delta"]


def _in_order(text: str, labels: list[str]) -> None:
    """Each label stands right before its word, in order."""
    for label, word in zip(labels, WORDS, strict=False):
        assert re.search(re.escape(label) + r"\W*(<[^>]*>\W*)*" + word, text), (label, word)


@pytest.mark.parametrize("case", list(CASES))
def test_reads_now_numbers_as_word_does(case: str) -> None:
    elements, labels = CASES[case]
    lines = [line for line in reading(elements).splitlines() if line.endswith(tuple(WORDS))]
    assert lines == [f"{label} {word}" for label, word in zip(labels, WORDS, strict=False)]


@pytest.mark.parametrize("case", list(CASES))
def test_meeting_preview_numbers_as_word_does(case: str) -> None:
    elements, labels = CASES[case]
    lines = [line for line in to_plain(elements).splitlines() if line.endswith(tuple(WORDS))]
    assert lines == [f"{label} {word}" for label, word in zip(labels, WORDS, strict=False)]
    _in_order(to_html(elements), labels)


@pytest.mark.parametrize("case", list(CASES))
def test_review_copy_numbers_as_word_does(case: str) -> None:
    elements, labels = CASES[case]
    _in_order(document_html(Document(elements), [], [], "#cccccc"), labels)


def test_points_form_labels_follow_the_style(qtbot: Any, window: Any) -> None:
    screen = window.screen_widget
    window.registry["insert_points"].trigger()
    form = screen.item_pane.card_list()[-1].form
    assert isinstance(form, PointsForm)
    for _ in range(27):
        form._new_after(form.lines[-1])
    assert len(form.labels) == 28
    assert {label.text() for label in form.labels} == {"•"}
    set_combo(form.style_box, PointStyle.LETTERS)
    form._renumber()
    assert [label.text() for label in form.labels][:2] == ["(a)", "(b)"]
    assert [label.text() for label in form.labels][25:] == ["(z)", "(aa)", "(bb)"]
    set_combo(form.style_box, PointStyle.NUMBERS)
    form._renumber()
    assert form.labels[-1].text() == "28."


def test_questions_and_answers_are_typed_in_turn_and_saved(
    qtbot: Any, window: Any, gui_db: Any
) -> None:
    from tests.gui.conftest import reopened, type_text

    screen = window.screen_widget
    window.registry["insert_points"].trigger()
    form = screen.item_pane.card_list()[-1].form
    assert isinstance(form, PointsForm)
    choices = [form.style_box.itemData(i) for i in range(form.style_box.count())]
    assert PointStyle.QUESTIONS in choices
    set_combo(form.style_box, PointStyle.QUESTIONS)
    for n, words in enumerate(["Is the roof within budget?", "Yes, by £1,200."]):
        if n:
            form._new_after(form.lines[-1])
        type_text(form.lines[-1], words)
    form._renumber()
    assert [label.text() for label in form.labels] == ["Q:", "A:"]
    assert [line.accessibleName() for line in form.lines] == ["Question 1", "Answer 1"]
    screen.session.flush()
    store = reopened(gui_db)
    try:
        meeting = store.get_meeting(screen.session.meeting.id)
        saved = [b for it in meeting.items for b in it.blocks if getattr(b, "points", None)]
        assert saved[-1].style is PointStyle.QUESTIONS
        assert saved[-1].points == ["Is the roof within budget?", "Yes, by £1,200."]
    finally:
        store.close()
