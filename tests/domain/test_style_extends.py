"""A shipped style that extends another holds only what it changes, and is read as its
base with those changes laid over it, so a variant never falls out of step."""

from __future__ import annotations

import json

from clerk_app.domain.presets import shipped_style, style_presets, style_settings
from clerk_app.paths import resource


def test_a_variant_is_its_base_with_its_own_changes() -> None:
    base = shipped_style("community-council")
    variant = shipped_style("community-council-gaidhlig")
    raw = json.loads(resource("styles", "community-council-gaidhlig.json").read_text("utf-8"))
    assert raw["extends"] == "community-council" and "extends" not in variant
    assert "header.place" not in raw["style"].get("phrases", {})  # not repeated in the file
    assert variant["style"]["phrases"]["header.place"] == base["style"]["phrases"]["header.place"]
    assert variant["style"]["bilingual"] == "labels" and variant["style"]["second_locale"] == "gd"
    assert variant["settings"] == base["settings"]
    settings = style_settings("anz-council-te-reo")
    assert settings.standard_items[0] == "Karakia"
    assert settings.style.second_locale == "mi"


def test_every_shipped_style_reads_whole() -> None:
    for style_id, _label, _kind in style_presets():
        data = shipped_style(style_id)
        assert "extends" not in data
        assert data["style"]["name"] and data["kind"]
        style_settings(style_id)  # a complete body setting, or this raises
