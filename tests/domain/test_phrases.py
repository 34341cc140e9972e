"""Phrase templates: defaults, a body's overrides, and clear errors for bad overrides."""

from __future__ import annotations

import json

import pytest

from clerk_app.domain.phrases import (
    PhraseError,
    Phrases,
    default_phrases,
    fields_of,
    validate_overrides,
)
from clerk_app.paths import resource


def test_defaults_load_from_resource_and_format() -> None:
    raw = json.loads(resource("phrases", "en-GB.json").read_text(encoding="utf-8"))
    p = Phrases.load()
    assert p.template("motion.moved_seconded_and") == raw["motion.moved_seconded_and"]
    assert (
        p.format("motion.moved_seconded_and", mover="Cllr Hale", seconder="Cllr Lowe")
        == "It was moved by Cllr Hale, seconded by Cllr Lowe and"
    )
    assert "_about" not in p


def test_every_default_template_is_well_formed() -> None:
    for key, template in default_phrases().items():
        names = fields_of(template)
        assert all(n.isidentifier() for n in names), key
        template.format(**{n: "x" for n in names})


def test_override_applies_and_leaves_others() -> None:
    p = Phrases.load({"change.left": "{name} departed."})
    assert p.format("change.left", name="Mrs Hale") == "Mrs Hale departed."
    assert p.format("change.arrived", name="Mrs Hale") == "Mrs Hale joined the meeting."


def test_override_may_drop_fields() -> None:
    p = Phrases.load({"motion.moved_seconded_and": "On the motion of {mover} it was"})
    assert (
        p.format("motion.moved_seconded_and", mover="Cllr Hale", seconder="x")
        == "On the motion of Cllr Hale it was"
    )


@pytest.mark.parametrize(
    ("overrides", "needle"),
    [
        ({"change.left": "{person} left."}, "unknown field {person}"),
        ({"change.left": "{name left."}, "braces"),
        ({"change.left": "{name}} left."}, "braces"),
        ({"change.left": "{} left."}, "needs a name"),
        ({"change.left": "{name.upper} left."}, "unknown field"),
        ({"no.such.key": "x"}, "no phrase with this name"),
        ({"change.left": 5}, "must be text"),
    ],
)
def test_bad_override_is_named_and_explained(overrides: dict, needle: str) -> None:
    errors = validate_overrides(overrides)
    assert len(errors) == 1
    key = next(iter(overrides))
    assert key in errors[0] and needle in errors[0]
    with pytest.raises(ValueError) as info:
        Phrases.load(overrides)
    assert isinstance(info.value, PhraseError)
    assert info.value.key == key


def test_lenient_load_skips_bad_overrides() -> None:
    p = Phrases.load({"change.left": "{oops", "change.arrived": "{name} came in."}, strict=False)
    assert p.format("change.left", name="A") == "A left the meeting."
    assert p.format("change.arrived", name="A") == "A came in."


def test_literal_braces_allowed() -> None:
    assert validate_overrides({"change.left": "{name} left {{early}}."}) == []
    p = Phrases.load({"change.left": "{name} left {{early}}."})
    assert p.format("change.left", name="A") == "A left {early}."


def test_missing_fields_are_blank_not_errors() -> None:
    assert Phrases.load().format("change.left") == " left the meeting."
