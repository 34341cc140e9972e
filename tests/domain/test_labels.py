"""The label phrases of labels-in-two-languages minutes: the files of Irish, Scottish
Gaelic and te reo Māori (every label, each marked for a speaker to check), how two
wordings make one label, and the Welsh "and" before a name."""

from __future__ import annotations

import json

import pytest

from clerk_app.domain.bilingual import (
    KEYWORD_LABEL_KEYS,
    LABEL_KEYS,
    labelled_phrases,
    paired_label,
)
from clerk_app.domain.model import Body, BodyKind
from clerk_app.domain.naming import list_names, welsh_and
from clerk_app.domain.phrases import fields_of, own_phrase
from clerk_app.domain.render import split_keyword
from clerk_app.domain.style import Bilingual
from clerk_app.paths import resource
from clerk_app.services.rules import style_problems

LANGUAGES = ("ga", "gd", "mi")


def _file(locale: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(resource("phrases", f"{locale}.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("locale", LANGUAGES)
def test_each_label_file_words_every_label_and_asks_for_a_check(locale: str) -> None:
    data, english = _file(locale), _file("en-GB")
    labels = set(LABEL_KEYS + KEYWORD_LABEL_KEYS)
    own = {k for k in data if not k.startswith("_")}
    assert labels <= own
    assert isinstance(data["_about"], str) and data["_about"]
    assert set(data["_review"]) == own  # type: ignore[arg-type]
    for key in own:
        text, default = data[key], english[key]
        assert isinstance(text, str) and isinstance(default, str) and text.strip(), key
        assert fields_of(text) <= fields_of(default), key
        assert text.split("\t")[0] != default.split("\t")[0], key  # worded, not copied


def test_well_known_forms() -> None:
    assert own_phrase("ga", "attendance.present") == "I láthair:"
    assert own_phrase("ga", "attendance.apologies") == "Leithscéalta:"
    assert own_phrase("gd", "attendance.present") == "An làthair:"
    assert own_phrase("gd", "attendance.apologies") == "Leisgeulan:"
    assert own_phrase("mi", "attendance.apologies") == "Ngā whakapāha:"
    assert own_phrase("mi-NZ", "attendance.apologies") == "Ngā whakapāha:"
    # a language without a file has no labels (its English fallback is not its own)
    assert own_phrase("fr", "attendance.present") is None
    assert own_phrase("ga", "closing.ended") is None


def test_two_wordings_make_one_label() -> None:
    assert paired_label("Present:", "I láthair:") == "Present / I láthair:"
    assert paired_label("Present:", "I láthair:", second_first=True) == "I láthair / Present:"
    assert paired_label("Signed\t\t {chair_title}", "Sínithe\t\t {chair_title}") == (
        "Signed / Sínithe\t\t {chair_title}"
    )
    assert paired_label("Minutes – {body} – {date}", "Miontuairiscí – {body}") == (
        "Minutes / Miontuairiscí – {body} – {date}"
    )
    assert paired_label("PART 2 – EXEMPT BUSINESS", "CUID 2 – GNÓ", whole=True) == (
        "PART 2 – EXEMPT BUSINESS / CUID 2 – GNÓ"
    )
    # never the same word twice, nor a second wording without words of its own
    assert paired_label("Present:", "present:") == "Present:"
    assert paired_label("Present:", " :") == "Present:"


def _body(second: str, keywords: bool = False) -> Body:
    body = Body(name="Awatea District Council", kind=BodyKind.FULL_COUNCIL)
    style = body.settings.style
    style.bilingual, style.second_locale, style.label_keywords = Bilingual.LABELS, second, keywords
    return body


def test_the_phrases_of_labels_minutes() -> None:
    ph = labelled_phrases(_body("mi"))
    assert ph.format("attendance.apologies") == "Apologies for absence / Ngā whakapāha:"
    assert ph.format("watermark.draft") == "DRAFT / HUKIHUKI"
    assert ph.format("status.draft").startswith("DRAFT / HUKIHUKI – these minutes")
    assert ph.format("closing.ended", time="5.00pm") == "The meeting ended at 5.00pm."
    assert ph.format("lead_in.decision") == "DECISION:"  # keywords only where asked
    body = _body("mi", keywords=True)
    body.settings.phrases = {"attendance.present": "Members present:"}  # the body's own
    ph = labelled_phrases(body)
    assert ph.format("attendance.present") == "Members present / I tae mai:"
    assert ph.format("lead_in.decision") == "DECISION / WHAKATAUNGA:"
    # the pair is set as one keyword, macrons and all
    assert split_keyword("NOTED / KUA MŌHIOTIA: the report") == (
        "",
        "NOTED / KUA MŌHIOTIA",
        ": the report",
    )


def test_labels_need_a_language_clerk_has_labels_in() -> None:
    for second in ("ga", "gd", "mi", "cy"):
        assert style_problems(_body(second).settings.style) == [], second
    problems = style_problems(_body("fr").settings.style)
    assert [p.field for p in problems] == ["style.second_locale"]
    assert "no labels" in problems[0].message


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Cyng. Hughes", "Cyng. Jones"], "Cyng. Hughes a Chyng. Jones"),
        (["Mair", "Pennaeth Cyllid"], "Mair a Phennaeth Cyllid"),
        (["Mair", "Eleri", "Tomos"], "Mair, Eleri a Thomos"),
        (["Mair", "Tomos", "Eleri"], "Mair, Tomos ac Eleri"),
        (["Mair", "Ifan"], "Mair ac Ifan"),
        (["Mair", "Thomas"], "Mair a Thomas"),  # already "Th"
        (["Mair", "C. Jones"], "Mair a C. Jones"),  # an initial stays
        (["Mair", "Gwyn"], "Mair a Gwyn"),
        (["MAIR", "CYNG. JONES"], "MAIR a CHYNG. JONES"),
    ],
)
def test_welsh_and_mutates_the_name_after_it(names: list[str], expected: str) -> None:
    assert list_names(names, "a", "cy") == expected
    assert list_names(names, "a", "cy-GB") == expected


def test_the_mutation_is_welsh_only() -> None:
    assert list_names(["Mair", "Tomos"], "and", "en-GB") == "Mair and Tomos"
    assert list_names(["Ana", "Tomás"], "agus", "ga") == "Ana agus Tomás"
    assert list_names(["Mair", "Tomos"], "and", "cy") == "Mair and Tomos"  # a body's own "and"
    assert welsh_and("a", "") == ("a", "")
