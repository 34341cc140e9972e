"""The labels of tables in labels minutes: every label file words them (each on its
list for a speaker to check), two wordings stacked in a cell, one wording alone."""

from __future__ import annotations

import json

import pytest

from clerk_app.domain.bilingual import (
    LABEL_KEYS,
    TABLE_LABEL_KEYS,
    cell_label,
    label_keys,
    labelled_phrases,
    paired_label,
)
from clerk_app.domain.model import Body, BodyKind
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.style import Bilingual
from clerk_app.paths import resource

NEW_LABELS = ("attendance.sederunt", "attendance.minute_taker", "vote.table_caption")


def _file(locale: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(resource("phrases", f"{locale}.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("locale", ("ga", "gd", "mi", "cy"))
def test_every_label_file_words_the_labels_of_tables(locale: str) -> None:
    data, english = _file(locale), _file("en-GB")
    for key in TABLE_LABEL_KEYS + NEW_LABELS:
        text = data.get(key)
        assert isinstance(text, str) and text.strip(), key
        assert text.casefold() != str(english[key]).casefold(), key
        assert "\n" not in text, key
    if locale != "cy":  # Welsh words every phrase; these wordings were drafted here
        review = data["_review"]
        assert isinstance(review, list)
        assert set(TABLE_LABEL_KEYS + NEW_LABELS) <= set(review)
        assert len(review) == len(set(review))


def test_the_new_labels_are_label_keys() -> None:
    assert set(NEW_LABELS) <= set(LABEL_KEYS)
    body = Body(name="Inverbrae Community Council", kind=BodyKind.COMMUNITY_COUNCIL)
    assert set(TABLE_LABEL_KEYS) <= set(label_keys(body.settings.style))


def test_two_wordings_stacked_in_a_cell() -> None:
    assert paired_label("For", "Air a shon", separator="\n") == "For\nAir a shon"
    assert paired_label("For", "Ar son", second_first=True, separator="\n") == "Ar son\nFor"
    assert paired_label("Members", "members", separator="\n") == "Members"
    assert paired_label("Members", "", separator="\n") == "Members"


def _labelled(second: str, **own: str) -> Phrases:
    body = Body(name="Inverbrae Community Council", kind=BodyKind.COMMUNITY_COUNCIL)
    style = body.settings.style
    style.bilingual, style.second_locale, style.second_phrases = Bilingual.LABELS, second, own
    return labelled_phrases(body)


def test_a_cell_stacks_and_a_line_pairs() -> None:
    ph = _labelled("gd")
    assert cell_label(ph, "vote.col.vote") == "Vote\nBhòt"
    assert cell_label(ph, "attendance.col.initials") == "Initials\nCiad litrichean"
    # outside a table (a vote listed inline) the same label pairs on one line
    assert ph.format("vote.row.for") == "For / Air a shon"
    assert ph.format("attendance.sederunt") == "Sederunt / Clàr-làthaireachd"
    assert ph.format("attendance.minute_taker") == "Minutes taken by / Geàrr-chunntas le:"
    # a label that is not a table's is the phrase itself in a cell
    assert cell_label(ph, "attendance.present") == "Present / An làthair:"


def test_a_cell_worded_alike_is_printed_once() -> None:
    ph = _labelled("gd", **{"vote.col.count": "COUNT"})
    assert cell_label(ph, "vote.col.count") == "Count"
    assert ph.format("vote.col.count") == "Count"


def test_one_language_keeps_its_cells() -> None:
    ph = Phrases.load(locale="en-GB")
    assert cell_label(ph, "vote.row.for") == "For"
    assert cell_label(ph, "attendance.col.part") == "Part meeting"
