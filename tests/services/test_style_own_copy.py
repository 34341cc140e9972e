"""A body's own copy of a style: a changed choice renames it "… (modified)" and takes the
next version (once, however many choices change); the shared rules refuse an empty
member title and bilingual minutes with no second language."""

from __future__ import annotations

import dataclasses

from clerk_app.domain.presets import style_settings
from clerk_app.domain.style import Bilingual, DateStyle, MinuteStyle
from clerk_app.services.rules import style_problems
from clerk_app.services.styles import own_copy


def test_an_unchanged_style_stays_the_shared_one() -> None:
    base = style_settings("us-city-council").style
    same = own_copy(base, dataclasses.replace(base))
    assert (same.name, same.version) == ("US city council", base.version)


def test_a_changed_choice_makes_the_bodys_modified_copy() -> None:
    base = style_settings("us-city-council").style
    edited = dataclasses.replace(base, date_style=DateStyle.DAY_MONTH_YEAR, watermark=False)
    mine = own_copy(base, edited)
    assert mine.name == "US city council (modified)"
    assert mine.version == base.version + 1
    assert mine.date_style is DateStyle.DAY_MONTH_YEAR and mine.watermark is False
    again = own_copy(mine, dataclasses.replace(mine, watermark=True))
    assert again.name == "US city council (modified)"  # not "(modified) (modified)"
    assert again.version == base.version + 2


def test_the_rules_refuse_an_empty_member_title_and_one_language_twice() -> None:
    fields = {p.field for p in style_problems(MinuteStyle(member_title=" "))}
    assert "style.member_title" in fields
    twice = MinuteStyle(bilingual=Bilingual.COLUMNS, locale="en-GB", second_locale="")
    assert "style.second_locale" in {p.field for p in style_problems(twice)}
    welsh = MinuteStyle(bilingual=Bilingual.COLUMNS, locale="cy", second_locale="en-GB")
    assert style_problems(welsh) == []
    assert style_problems(style_settings("welsh-community-council").style) == []
