"""Minutes in two languages: the same record worded twice, laid out as the style says.

The meeting is rendered once in the style's first language (its ``locale``, its
phrases and the body's own settings) and once in its second (``second_locale``, the
``second_phrases`` and the ``second_settings``: the body's name, the chair's title, the
lead-in in that language). Labels, headings, dates and generated sentences therefore
come from each language's phrases. What the clerk typed is printed in the second
language where the clerk gave its translation (``translation`` on items and blocks,
see :mod:`clerk_app.domain.translation`), and as typed where there is none.

The two renderings are cut into the same sections (the front matter and attendance,
each item, a Part 2 heading, the close) and laid out:

- ``columns``: a two-column table per section, first language left (a named vote the
  style lays out as a table is listed inline there: a table nested in a half-width
  column breaks its words, and keeps its row from breaking across pages);
- ``per_item``: each section in the first language, then in the second;
- ``whole``: the whole minutes in the first language, then (from a new page) the second.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from itertools import zip_longest

from clerk_app.domain.document import Columns, Document, Element, Para, Version
from clerk_app.domain.model import Body, Meeting
from clerk_app.domain.style import Bilingual, NamedVoteLayout

_STYLE_TEXTS = frozenset({"member_title", "member_title_short"})


def second_language_body(body: Body) -> Body:
    """A copy of ``body`` that words its minutes in the style's second language."""
    second = copy.deepcopy(body)
    style = second.settings.style
    texts = {k: v for k, v in style.second_settings.items() if isinstance(v, str) and v.strip()}
    second.settings.style = style = replace(
        style,
        locale=style.second_locale or "en-GB",
        phrases=dict(style.second_phrases),
        bilingual=Bilingual.NONE,
    )
    for key in _STYLE_TEXTS & texts.keys():
        setattr(style, key, texts[key])
    second.settings.phrases = {}  # the body's own wording is in its first language
    for key in ("chair_title", "vice_chair_title", "lead_in"):
        if key in texts:
            setattr(second.settings, key, texts[key])
    if "name" in texts:
        second.name = texts["name"]
    if "authority" in texts:
        second.authority = texts["authority"]
    return second


def in_columns(body: Body) -> Body:
    """``body`` as its minutes are worded in half a page's width: a named vote listed
    inline where the style lays it out as a table."""
    style = body.settings.style
    if style.named_vote_layout is not NamedVoteLayout.TABLE:
        return body
    narrow = copy.copy(body)
    narrow.settings = replace(
        body.settings, style=replace(style, named_vote_layout=NamedVoteLayout.INLINE)
    )
    return narrow


def sections(elements: list[Element]) -> list[tuple[str | None, list[Element]]]:
    """Consecutive elements grouped by the item they came from (None: the front matter,
    a Part 2 heading, the close)."""
    out: list[tuple[str | None, list[Element]]] = []
    for el in elements:
        key = el.item_id
        if out and out[-1][0] == key:
            out[-1][1].append(el)
        else:
            out.append((key, [el]))
    return out


def _joined(first: str, second: str) -> str:
    return first if not second or first == second else f"{first} / {second}"


def combine(first: Document, second: Document, layout: Bilingual) -> Document:
    """The two renderings of one meeting laid out together."""
    pairs = list(zip_longest(sections(first.elements), sections(second.elements)))
    document = replace(
        first,
        title=_joined(first.title, second.title),
        watermark=_joined(first.watermark, second.watermark),
        header_text=_joined(first.header_text, second.header_text),
    )
    if layout is Bilingual.COLUMNS:
        document.columns = [
            Columns(
                left=a[1] if a else [],
                right=b[1] if b else [],
                item_id=(a or b or (None, []))[0],
            )
            for a, b in pairs
        ]
        return document
    if layout is Bilingual.PER_ITEM:
        document.elements = [
            el for a, b in pairs for el in (a[1] if a else []) + (b[1] if b else [])
        ]
        return document
    rest = list(second.elements)
    if rest and isinstance(rest[0], Para):
        rest[0] = replace(rest[0], page_break=True)
    document.elements = [*first.elements, *rest]
    return document


def render_bilingual(
    meeting: Meeting, body: Body, version: Version = Version.FULL, item_id: str | None = None
) -> Document:
    """The minutes in both of the style's languages (in one language where the style
    has no second)."""
    from clerk_app.domain.render_minutes import render_minutes

    layout = body.settings.style.bilingual
    if layout is Bilingual.NONE:
        return render_minutes(meeting, body, version, item_id)
    if layout is Bilingual.COLUMNS:
        body = in_columns(body)
    first = render_minutes(meeting, body, version, item_id)
    from clerk_app.domain.translation import translated_meeting

    second_body = second_language_body(body)
    second = render_minutes(translated_meeting(meeting), second_body, version, item_id)
    return combine(first, second, layout)
