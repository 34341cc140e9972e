"""Starting settings for each kind of body.

A new body gets the chair's title, naming style, minute numbering, quorum, interest
types, decision lead-in, exempt-business regime and standard opening items that bodies
of its kind usually use. The clerk changes any of them afterwards.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from clerk_app.domain.model import (
    BodyKind,
    BodySettings,
    ExclusionRegime,
    Item,
    ItemKind,
    NamingStyle,
    NumberingMode,
    NumberingScheme,
)
from clerk_app.domain.serial import from_dict, to_dict
from clerk_app.paths import resource, resources_dir

PRESET_LABELS: dict[BodyKind, str] = {
    BodyKind.COMMITTEE: "Principal council committee",
    BodyKind.CABINET: "Cabinet",
    BodyKind.FULL_COUNCIL: "Full council",
    BodyKind.PLANNING: "Planning committee",
    BodyKind.PARISH: "Parish or town council",
    BodyKind.SCHOOL: "School governing board",
    BodyKind.NHS_BOARD: "NHS board",
    BodyKind.CHARITY_BOARD: "Charity board of trustees",
    BodyKind.CITY_COUNCIL: "City or township council (North America)",
    BodyKind.NONPROFIT_BOARD: "Non-profit board of directors (US)",
    BodyKind.COMPANY_BOARD: "Company board of directors",
    BodyKind.COMMUNITY_COUNCIL: "Community council (Scotland, Wales)",
}

_COUNCIL_INTERESTS = (
    "disclosable pecuniary interest",
    "other registrable interest",
    "non-registrable interest",
)


def _committee() -> BodySettings:
    return BodySettings(
        chair_title="Chair",
        vice_chair_title="Vice-Chair",
        naming=NamingStyle.COUNCILLOR_SURNAME,
        numbering=NumberingScheme(mode=NumberingMode.MUNICIPAL_YEAR, pattern="{n}"),
        quorum=3,
        interest_types=list(_COUNCIL_INTERESTS),
        lead_in="RESOLVED – That",
        exclusion=ExclusionRegime.LGA_1972,
        standard_items=[
            "Apologies for absence and substitutions",
            "Declarations of interest",
            "Minutes of the previous meeting",
            "Urgent business",
        ],
    )


def _cabinet() -> BodySettings:
    settings = _committee()
    settings.chair_title = "Leader"
    settings.vice_chair_title = "Deputy Leader"
    settings.standard_items = [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the previous meeting",
        "Questions from the public",
    ]
    return settings


def _full_council() -> BodySettings:
    settings = _committee()
    settings.chair_title = "Mayor"
    settings.vice_chair_title = "Deputy Mayor"
    settings.naming = NamingStyle.COUNCILLOR_FULL
    settings.numbering = NumberingScheme(mode=NumberingMode.CONTINUOUS, pattern="{n}")
    # The law sets a council's quorum at a quarter of its members: 12 suits a council of 48.
    settings.quorum = 12
    settings.standard_items = [
        "Apologies for absence",
        "Minutes of the previous meeting",
        "Declarations of interest",
        "Announcements by the Mayor",
        "Petitions and questions from the public",
    ]
    return settings


def _planning() -> BodySettings:
    settings = _committee()
    settings.chair_title = "Chairman"
    settings.vice_chair_title = "Vice-Chairman"
    settings.numbering = NumberingScheme(mode=NumberingMode.MUNICIPAL_YEAR, pattern="PLA{n}/{yy}")
    settings.quorum = 4
    settings.standard_items = [
        "Apologies for absence and substitutions",
        "Declarations of interest",
        "Declarations of lobbying",
        "Minutes of the previous meeting",
        "Site inspections",
    ]
    return settings


def _parish() -> BodySettings:
    return BodySettings(
        chair_title="Chairman",
        vice_chair_title="Vice-Chairman",
        naming=NamingStyle.CLLR_INITIAL,
        numbering=NumberingScheme(mode=NumberingMode.MUNICIPAL_YEAR, pattern="{yy}.{n}"),
        quorum=3,
        interest_types=list(_COUNCIL_INTERESTS),
        lead_in="RESOLVED that",
        exclusion=ExclusionRegime.ACT_1960,
        standard_items=[
            "Apologies for absence",
            "Declarations of interest and dispensations",
            "Public participation",
            "Minutes of the previous meeting",
            "Matters arising",
        ],
    )


def _school() -> BodySettings:
    return BodySettings(
        chair_title="Chair of Governors",
        vice_chair_title="Vice-Chair of Governors",
        naming=NamingStyle.INITIALS,
        numbering=NumberingScheme(mode=NumberingMode.PER_MEETING, pattern="{n}"),
        quorum=6,
        interest_types=["pecuniary interest", "business interest", "personal interest"],
        lead_in="DECISION:",
        exclusion=ExclusionRegime.CONFIDENTIAL,
        standard_items=[
            "Welcome, apologies and quorum",
            "Declarations of business and pecuniary interests",
            "Minutes of the previous meeting",
            "Matters arising and actions",
        ],
    )


def _nhs_board() -> BodySettings:
    return BodySettings(
        chair_title="Chair",
        vice_chair_title="Vice-Chair",
        naming=NamingStyle.FULL_NAME,
        numbering=NumberingScheme(
            mode=NumberingMode.MUNICIPAL_YEAR, pattern="{yy}/{n:03}", year_start_month=4
        ),
        quorum=5,
        interest_types=[
            "financial interest",
            "non-financial professional interest",
            "non-financial personal interest",
            "indirect interest",
        ],
        lead_in="RESOLVED: That",
        clock_24h=True,
        exclusion=ExclusionRegime.CONFIDENTIAL,
        standard_items=[
            "Chair's welcome and apologies",
            "Declarations of interest",
            "Questions from the public",
            "Minutes of the previous meeting",
            "Matters arising and action log",
        ],
    )


def _charity_board() -> BodySettings:
    return BodySettings(
        chair_title="Chair",
        vice_chair_title="Vice-Chair",
        naming=NamingStyle.FULL_NAME,
        numbering=NumberingScheme(
            mode=NumberingMode.MUNICIPAL_YEAR, pattern="{yy}/{n:03}", year_start_month=1
        ),
        quorum=3,
        interest_types=["conflict of interest", "conflict of loyalty", "financial interest"],
        lead_in="AGREED: That",
        exclusion=ExclusionRegime.CONFIDENTIAL,
        standard_items=[
            "Welcome, apologies and quorum",
            "Declarations of interest",
            "Minutes of the previous meeting",
            "Schedule of actions",
        ],
    )


_PRESETS = {
    BodyKind.COMMITTEE: _committee,
    BodyKind.CABINET: _cabinet,
    BodyKind.FULL_COUNCIL: _full_council,
    BodyKind.PLANNING: _planning,
    BodyKind.PARISH: _parish,
    BodyKind.SCHOOL: _school,
    BodyKind.NHS_BOARD: _nhs_board,
    BodyKind.CHARITY_BOARD: _charity_board,
}


# the style a new body of these kinds starts with (resources/styles/<id>.json)
_KIND_STYLES: dict[BodyKind, str] = {
    BodyKind.CITY_COUNCIL: "us-city-council",
    BodyKind.NONPROFIT_BOARD: "us-nonprofit-board",
    BodyKind.COMPANY_BOARD: "company-board",
    BodyKind.COMMUNITY_COUNCIL: "community-council",
    BodyKind.SCHOOL: "school-governing-board",
    BodyKind.NHS_BOARD: "nhs-board",
}


def style_presets() -> list[tuple[str, str, BodyKind]]:
    """(id, label, kind) of each style shipped with Clerk, by label."""
    out = []
    for path in sorted((resources_dir() / "styles").glob("*.json")):
        data = _style_file(path.stem)
        out.append((path.stem, str(data.get("label") or path.stem), BodyKind(data["kind"])))
    return sorted(out, key=lambda x: x[1])


@cache
def _style_file(style_id: str) -> dict[str, Any]:
    """A shipped style file as JSON. A file that ``extends`` another holds only what it
    changes: its style choices, phrases and settings are laid over those of the style it
    names, so a variant (the same council style with labels in a second language) never
    falls out of step with its base."""
    with open(resource("styles", f"{style_id}.json"), encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    base_id = data.pop("extends", "")
    if not base_id:
        return data
    base = copy.deepcopy(_style_file(base_id))
    own_style = data.get("style", {})
    style = {**base["style"], **own_style}
    style["phrases"] = {**base["style"].get("phrases", {}), **own_style.get("phrases", {})}
    settings = {**base.get("settings", {}), **data.get("settings", {})}
    return {**base, **data, "style": style, "settings": settings}


def shipped_style(style_id: str) -> dict[str, Any]:
    """A copy of the shipped style file ``style_id`` (its base laid under it)."""
    return copy.deepcopy(_style_file(style_id))


def style_settings(style_id: str) -> BodySettings:
    """Fresh settings from a shipped style: its style and the body settings it
    suggests (chair's title, naming, lead-in, standard items …)."""
    data = copy.deepcopy(_style_file(style_id))
    merged = to_dict(_committee())
    merged.update(data.get("settings", {}))
    merged["style"] = data["style"]
    settings: BodySettings = from_dict(BodySettings, merged, f"style {style_id}")
    return settings


def preset_settings(kind: BodyKind, style_id: str = "") -> BodySettings:
    """Fresh settings for a new body of ``kind`` (a new object on every call), in the
    style ``style_id`` where one is named."""
    style_id = style_id or _KIND_STYLES.get(kind, "")
    if style_id:
        return style_settings(style_id)
    return _PRESETS.get(kind, _committee)()


_KIND_WORDS: tuple[tuple[str, ItemKind], ...] = (
    ("apolog", ItemKind.APOLOGIES),
    ("regrets", ItemKind.APOLOGIES),
    ("roll call", ItemKind.APOLOGIES),
    ("declaration", ItemKind.DECLARATIONS),
    ("disclosure", ItemKind.DECLARATIONS),
    ("conflicts of interest", ItemKind.DECLARATIONS),
    ("next meeting", ItemKind.NEXT_MEETING),
    ("minutes of", ItemKind.PREVIOUS_MINUTES),
    ("of the minutes", ItemKind.PREVIOUS_MINUTES),  # approval / adoption of the minutes
    ("of minutes", ItemKind.PREVIOUS_MINUTES),  # confirmation of minutes
    ("previous meeting", ItemKind.PREVIOUS_MINUTES),
    ("last meeting", ItemKind.PREVIOUS_MINUTES),
    ("exclusion", ItemKind.EXCLUSION),
    ("urgent", ItemKind.URGENT),
)


def standard_item_kind(title: str, part: int = 1) -> ItemKind:
    """The ItemKind a standard item title stands for ("Declarations of lobbying" →
    DECLARATIONS); GENERAL when the title names none.

    A Part 2 item is always GENERAL: exempt is a property of the item, and the words of
    an exempt title ("Pupil exclusion review") say nothing about what kind of item it is.
    """
    if part == 2:
        return ItemKind.GENERAL
    lowered = title.lower()
    for word, kind in _KIND_WORDS:
        if word in lowered:
            return kind
    return ItemKind.GENERAL


def becoming_part_2(item: Item, title_before: str) -> None:
    """``item`` has just been moved into Part 2: a kind that was only guessed from the
    words of its title is dropped (GENERAL), and its public heading starts as its title
    (in both languages, where the title has a translation)."""
    if item.kind is not ItemKind.GENERAL and item.kind is standard_item_kind(title_before):
        item.kind = ItemKind.GENERAL
    title_as_public_heading(item)


def title_as_public_heading(item: Item) -> None:
    """An item without a public heading gets its title as one, in both languages (the
    title's translation, where it has one, as the public heading's)."""
    if item.public_heading.strip():
        return
    item.public_heading = item.title.strip()
    title = item.translation.get("title", "").strip()
    if title and not item.translation.get("public_heading", "").strip():
        item.translation = item.translation | {"public_heading": title}


_BODY_WORDS: dict[BodyKind, str] = {
    BodyKind.COMMITTEE: "Committee",
    BodyKind.PLANNING: "Committee",
    BodyKind.CABINET: "Cabinet",
    BodyKind.FULL_COUNCIL: "Council",
    BodyKind.PARISH: "Council",
    BodyKind.SCHOOL: "Board",
    BodyKind.NHS_BOARD: "Board",
    BodyKind.CHARITY_BOARD: "Board",
}


def body_word(kind: BodyKind) -> str:
    """How a body of this kind names itself in a resolution: "That the Council:"."""
    return _BODY_WORDS.get(kind, "Committee")
