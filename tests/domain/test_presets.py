"""Preset settings for each kind of body."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.model import (
    BodyKind,
    ExclusionRegime,
    ItemKind,
    NamingStyle,
    NumberingMode,
)
from clerk_app.domain.numbering import minute_number, validate_pattern
from clerk_app.domain.presets import PRESET_LABELS, preset_settings, standard_item_kind


@pytest.mark.parametrize("kind", list(BodyKind))
def test_every_kind_has_a_usable_preset(kind: BodyKind) -> None:
    settings = preset_settings(kind)
    assert PRESET_LABELS.get(kind)
    assert validate_pattern(settings.numbering.pattern) is None
    assert settings.quorum >= 2
    assert settings.interest_types
    assert settings.standard_items
    assert settings.chair_title and settings.vice_chair_title
    assert settings.lead_in
    # every preset opens with apologies then interests, as bodies of every kind do
    kinds = [standard_item_kind(t) for t in settings.standard_items]
    assert ItemKind.APOLOGIES in kinds and ItemKind.DECLARATIONS in kinds
    assert kinds.index(ItemKind.APOLOGIES) < kinds.index(ItemKind.DECLARATIONS)


def test_presets_are_fresh_objects() -> None:
    first = preset_settings(BodyKind.PARISH)
    first.standard_items.append("Extra")
    first.numbering.pattern = "{n}"
    second = preset_settings(BodyKind.PARISH)
    assert "Extra" not in second.standard_items
    assert second.numbering.pattern == "{yy}.{n}"


def test_labels_are_distinct() -> None:
    assert len(set(PRESET_LABELS.values())) == len(BodyKind)
    assert PRESET_LABELS[BodyKind.COMMITTEE] == "Principal council committee"
    assert PRESET_LABELS[BodyKind.CABINET] == "Cabinet"


def test_cabinet_and_full_council() -> None:
    assert preset_settings(BodyKind.CABINET).chair_title == "Leader"
    council = preset_settings(BodyKind.FULL_COUNCIL)
    assert council.chair_title in ("Mayor", "Chairman")
    assert council.numbering.mode is NumberingMode.CONTINUOUS
    assert council.exclusion is ExclusionRegime.LGA_1972


def test_planning_committee() -> None:
    planning = preset_settings(BodyKind.PLANNING)
    assert minute_number(planning.numbering, 146, date(2014, 9, 3)) == "PLA146/14"
    assert "Declarations of lobbying" in planning.standard_items
    assert standard_item_kind("Declarations of lobbying") is ItemKind.DECLARATIONS


def test_parish_council() -> None:
    parish = preset_settings(BodyKind.PARISH)
    assert parish.chair_title == "Chairman"
    assert parish.naming is NamingStyle.CLLR_INITIAL
    assert parish.exclusion is ExclusionRegime.ACT_1960
    assert parish.lead_in.startswith("RESOLVED that")
    assert minute_number(parish.numbering, 44, date(2021, 11, 8)) == "21.44"
    assert "Public participation" in parish.standard_items


def test_school_board() -> None:
    school = preset_settings(BodyKind.SCHOOL)
    assert school.numbering.mode is NumberingMode.PER_MEETING
    assert school.naming is NamingStyle.INITIALS
    assert school.lead_in.startswith("DECISION")
    assert school.exclusion is ExclusionRegime.CONFIDENTIAL
    assert {"pecuniary interest", "business interest"} <= set(school.interest_types)


@pytest.mark.parametrize("kind", [BodyKind.NHS_BOARD, BodyKind.CHARITY_BOARD])
def test_boards(kind: BodyKind) -> None:
    board = preset_settings(kind)
    assert board.numbering.pattern == "{yy}/{n:03}"
    assert board.naming is NamingStyle.FULL_NAME
    assert board.exclusion is ExclusionRegime.CONFIDENTIAL


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Apologies for absence and substitutions", ItemKind.APOLOGIES),
        ("Welcome, apologies and quorum", ItemKind.APOLOGIES),
        ("Declarations of interest and dispensations", ItemKind.DECLARATIONS),
        ("Minutes of the previous meeting", ItemKind.PREVIOUS_MINUTES),
        ("Confirmation of minutes", ItemKind.PREVIOUS_MINUTES),
        ("Adoption of the minutes", ItemKind.PREVIOUS_MINUTES),
        ("Approval of the minutes", ItemKind.PREVIOUS_MINUTES),
        ("Date of next meeting", ItemKind.NEXT_MEETING),
        ("Exclusion of the press and public", ItemKind.EXCLUSION),
        ("Urgent business", ItemKind.URGENT),
        ("Public participation", ItemKind.GENERAL),
        ("Matters arising", ItemKind.GENERAL),
    ],
)
def test_standard_item_kind(title: str, kind: ItemKind) -> None:
    assert standard_item_kind(title) is kind
