"""Phrase sets in other languages: Welsh complete (with its phrases to check listed),
Irish a small set of headings over the English wording, Welsh dates from CLDR."""

from __future__ import annotations

import json
from datetime import date

from clerk_app.domain.dates import styled_date
from clerk_app.domain.phrases import (
    Phrases,
    default_phrases,
    fields_of,
    phrase_locale,
    review_keys,
)
from clerk_app.paths import resource


def _file(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(resource("phrases", name).read_text(encoding="utf-8"))
    return data


def test_welsh_has_every_english_phrase_with_the_same_fields() -> None:
    english = {k: v for k, v in _file("en-GB.json").items() if not k.startswith("_")}
    welsh = {k: v for k, v in _file("cy.json").items() if not k.startswith("_")}
    assert set(welsh) == set(english)
    for key, text in welsh.items():
        assert isinstance(text, str)
        assert fields_of(text) <= fields_of(str(english[key])), key


def test_welsh_fixed_phrases_and_the_review_list() -> None:
    cy = Phrases.load(locale="cy")
    assert cy.format("attendance.present") == "Yn bresennol:"
    assert cy.format("attendance.apologies") == "Ymddiheuriadau:"
    assert cy.format("declarations.none") == "Ni ddatganwyd unrhyw fuddiannau."
    assert cy.format("vote.carried", result="yn unfrydol") == "Derbyniwyd yn unfrydol."
    review = review_keys("cy")
    english = default_phrases()
    assert review and set(review) <= set(english)
    # the legal wording is a Welsh draft, on the list for a Welsh speaker to check
    assert "Atodlen 12A i’r Ddeddf" in cy.format("exclusion.lga_1972_nopara")
    assert "exclusion.lga_1972_nopara" in review
    assert "attendance.present" not in review


def test_a_partial_language_falls_back_to_english() -> None:
    assert phrase_locale("ga-IE") == "ga" and phrase_locale("cy-GB") == "cy"
    assert phrase_locale("en-US") == "en-GB" and phrase_locale("xx") == "en-GB"
    ga = Phrases.load(locale="ga")
    assert ga.format("attendance.present") == "I láthair:"
    assert ga.format("closing.ended", time="21:00") == "The meeting ended at 21:00."
    assert set(review_keys("ga")) <= set(_file("ga.json"))


def test_a_style_override_of_a_welsh_phrase_is_checked_like_an_english_one() -> None:
    cy = Phrases.load({"attendance.present": "Aelodau yn bresennol:"}, locale="cy")
    assert cy.format("attendance.present") == "Aelodau yn bresennol:"
    try:
        Phrases.load({"attendance.present": "{nobody}"}, locale="cy")
    except ValueError as exc:
        assert "attendance.present" in str(exc)
    else:
        raise AssertionError("an unknown field was accepted")


def test_welsh_dates_from_cldr() -> None:
    d = date(2026, 3, 24)
    assert styled_date(d, "day_month_year", True, "cy") == "Dydd Mawrth 24 Mawrth 2026"
    assert styled_date(d, "day_month_year", False, "cy") == "24 Mawrth 2026"


def test_a_welsh_weekday_after_ar_is_mutated() -> None:
    from datetime import date

    from clerk_app.domain.dates import styled_date
    from clerk_app.domain.phrases import Phrases

    welsh = Phrases.load(locale="cy")
    held = styled_date(date(2026, 3, 24), "day_month_year", True, "cy")
    assert held.startswith("Dydd Mawrth")  # as CLDR writes it, alone
    header = welsh.format("header.bare", meeting="cyfarfod", body="y Cyngor", date=held)
    assert "ar ddydd Mawrth 24 Mawrth 2026" in header
    assert "ar Dydd" not in header
    english = Phrases.load().format("header.bare", meeting="a meeting", body="x", date="Dydd")
    assert "ddydd" not in english


def test_a_councillors_title_after_gan_or_i_is_softened_in_welsh() -> None:
    from clerk_app.domain.phrases import Phrases

    welsh = Phrases.load(locale="cy")
    assert welsh.format("apologies.received", names="Cyng. Vance") == (
        "Derbyniwyd ymddiheuriadau gan Gyng. Vance."
    )
    moved = welsh.format(
        "motion.moved_seconded_that", mover="Cyng. Lind", seconder="Cynghorydd Adair"
    )
    assert moved == "Cynigiwyd gan Gyng. Lind, eiliwyd gan Gynghorydd Adair, bod"
    # a body's name, and a title not after such a word, are left as written
    assert "gan Cyngor" in welsh.format("apologies.received", names="Cyngor Sir")
    assert welsh.format("apologies.received", names="Mr Vance").endswith("gan Mr Vance.")
    english = Phrases.load().format("apologies.received", names="Cyng. Vance")
    assert "Gyng." not in english
