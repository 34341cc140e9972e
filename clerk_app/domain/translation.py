"""The second-language text of what the clerk typed, for bilingual minutes.

The meeting, each attendance, each item and every block carry ``translation``: a map
from the name of one of their translatable text fields to that field's text in the
style's second language. A list field (points, clauses, conditions, a table's column
headings) is translated as its entries one per line, and the speakers of public
participation or a planning application by their summaries, one per line. A table's
cells are translated one by one, each under ``rows.R.C`` (its row and column, from 0).
What has no translation prints as typed in both languages.

The second-language minutes are rendered from :func:`translated_meeting`, a copy of the
meeting whose fields hold their translations, through the same renderer as the first:
a translation is printed exactly where (and only where) the text it translates is
printed, so the translation of exempt text is as exempt as the text itself.
"""

from __future__ import annotations

import copy
import dataclasses
from functools import cache
from typing import Any

from clerk_app.domain.model import (
    Action,
    Attendance,
    Block,
    DataTable,
    Declaration,
    Heading,
    Item,
    Meeting,
    Motion,
    Note,
    Paragraph,
    PlanningApplication,
    Points,
    PublicParticipation,
    VoteTaken,
)

# the fields of each kind whose words the clerk types, in the order the forms show them
TRANSLATABLE: dict[type, tuple[str, ...]] = {
    Meeting: ("venue", "platform", "next_venue", "after_signature"),
    Attendance: ("reason", "note"),
    Item: ("title", "purpose", "public_heading", "public_summary"),
    Paragraph: ("text",),
    Points: ("intro", "points"),
    Declaration: ("reason", "scope"),
    Motion: ("preamble", "clauses", "recommend_to", "outcome_detail"),
    VoteTaken: ("outcome_detail",),
    Action: ("text",),
    Note: ("text",),
    Heading: ("text",),
    DataTable: ("caption", "columns"),
    PublicParticipation: ("intro", "subject", "speakers"),
    PlanningApplication: ("proposal", "recommendation", "reasons", "conditions", "speakers"),
}

# how the forms name each field beside its translation
FIELD_NAMES = {
    "title": "Title",
    "purpose": "Purpose",
    "public_heading": "Public heading",
    "public_summary": "Public summary",
    "text": "Text",
    "intro": "Opening words",
    "points": "Points",
    "reason": "Reason",
    "scope": "Scope",
    "preamble": "Opening words",
    "clauses": "Clauses",
    "recommend_to": "Recommended to",
    "outcome_detail": "Referred or deferred to",
    "caption": "Caption",
    "columns": "Column headings",
    "subject": "Spoke about",
    "proposal": "Proposal",
    "recommendation": "Recommendation",
    "reasons": "Reasons",
    "conditions": "Conditions",
    "speakers": "Speakers' summaries",  # each speaker's summary, one per line
    "venue": "Venue",
    "platform": "Platform",
    "next_venue": "Next meeting's place",
    "after_signature": "Text after the signature",
    "note": "Note",
    "rows": "Cells",
}

CELL_PREFIX = "rows."  # a table cell's translation: "rows.R.C"


def cell_key(row: int, column: int) -> str:
    return f"{CELL_PREFIX}{row}.{column}"


def _cell_of(key: str) -> tuple[int, int] | None:
    """(row, column) of a cell's translation key, or None for any other key."""
    if not key.startswith(CELL_PREFIX):
        return None
    parts = key[len(CELL_PREFIX) :].split(".")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


Translated = Meeting | Attendance | Item | Block


def translatable_fields(obj: Translated) -> tuple[str, ...]:
    """The names of ``obj``'s fields that may have a translation (none for blocks whose
    words are all generated: attendance changes). A table's cells are not named here:
    each has its own key (:func:`cell_key`)."""
    return TRANSLATABLE.get(type(obj), ())


def is_list_field(obj: Translated, name: str) -> bool:
    return isinstance(getattr(obj, name, None), list)


def _is_cell(obj: Translated, key: str) -> bool:
    if not isinstance(obj, DataTable):
        return False
    found = _cell_of(key)
    return found is not None and found[0] < len(obj.rows) and found[1] < len(obj.rows[found[0]])


def translation_problems(obj: Translated) -> list[tuple[str, str]]:
    """(field, message) for each translation of a field that cannot have one."""
    allowed = translatable_fields(obj)
    out = []
    for key in obj.translation:
        if key in allowed or _is_cell(obj, key):
            continue
        if isinstance(obj, DataTable) and _cell_of(key) is not None:
            message = f"The table has no cell “{key}” to translate; remove its translation."
        else:
            message = f"There is no typed text “{key}” here to translate" + (
                f" (only {', '.join(allowed)})." if allowed else "."
            )
        out.append((f"translation.{key}", message))
    return out


def _translated_list(original: list[str], text: str) -> list[str]:
    """The entries of a list field with their translations, line by line; an entry with
    no translated line keeps its typed words (so numbering never shifts)."""
    lines = text.splitlines()
    return [
        lines[i] if i < len(lines) and lines[i].strip() else entry
        for i, entry in enumerate(original)
    ]


def _cell_text(translation: dict[str, str], row: int, column: int, typed: str) -> str:
    text = translation.get(cell_key(row, column), "")
    return text if text.strip() else typed


def translated(obj: Any) -> Any:
    """A copy of an item or block whose translatable fields hold their translations
    (blank translations leave the typed text)."""
    changes: dict[str, Any] = {}
    for name in translatable_fields(obj):
        text = obj.translation.get(name, "")
        if not text.strip():
            continue
        value = getattr(obj, name)
        if isinstance(value, str) and not value.strip():
            continue  # the field was emptied: its old translation prints nothing
        if name == "speakers":
            summaries = _translated_list([s.summary for s in value], text)
            changes[name] = [
                dataclasses.replace(s, summary=summary)
                for s, summary in zip(value, summaries, strict=True)
            ]
        elif isinstance(value, list):
            changes[name] = _translated_list(value, text)
        else:
            changes[name] = text
    if isinstance(obj, DataTable) and any(_cell_of(k) for k in obj.translation):
        changes["rows"] = [
            [_cell_text(obj.translation, r, c, cell) for c, cell in enumerate(row)]
            for r, row in enumerate(obj.rows)
        ]
    return dataclasses.replace(obj, **changes) if changes else obj


def translated_meeting(meeting: Meeting) -> Meeting:
    """The meeting with its own words, its attendance, every item and block in the
    second language where they have a translation (a copy: the meeting itself is not
    changed)."""
    if not (
        meeting.translation
        or any(a.translation for a in meeting.attendance)
        or any(it.translation or any(b.translation for b in it.blocks) for it in meeting.items)
    ):
        return meeting
    out = copy.copy(translated(meeting))
    out.attendance = [translated(a) for a in meeting.attendance]
    out.items = []
    for item in meeting.items:
        blocks = [translated(b) for b in item.blocks]
        out.items.append(dataclasses.replace(translated(item), blocks=blocks))
    return out


def without_translation(obj: Any, *names: str) -> dict[str, str]:
    """``obj``'s translations less those of ``names`` (their text was replaced, so the
    old translation no longer says the same)."""
    return {k: v for k, v in obj.translation.items() if k not in names}


@cache
def language_name(locale: str) -> str:
    """The name of a style's language as the window says it: "cy" → "Welsh"."""
    from babel import Locale, UnknownLocaleError  # only bilingual bodies need it

    try:
        name = Locale.parse(locale.replace("-", "_")).get_language_name("en")
    except (ValueError, TypeError, UnknownLocaleError):
        return locale or "Second language"
    return name or locale


def second_language(style: Any) -> str:
    """The name of the style's second language, or "" when the minutes have one."""
    if getattr(style, "bilingual", "none") in ("none", "labels"):  # labels: nothing typed twice
        return ""
    return language_name(style.second_locale or "en-GB")
