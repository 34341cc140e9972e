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

``labels`` minutes are rendered once, in the first language, with the heading and
label phrases of :data:`LABEL_KEYS` worded in both ("Present / I láthair:", "Signed /
Sínithe", "DRAFT / DRÉACHT"), the way Irish, Gaelic and New Zealand councils print
them; the sentences, the dates and what the clerk typed stay in the first language. A
label is paired only where the second language's phrase file (or the style's own second
phrases) has it and words it differently, so a language with a few labels never prints
"Present / Present". The labels of tables (:data:`TABLE_LABEL_KEYS`: the headings of a
recorded vote, of the attendance and of the action minutes' table, and a recorded
vote's rows) are stacked in their cells, the second wording on a line of its own under
the first ("For" above "Ar son"): a pair on one line would widen its column, and
squeeze the names beside it, or wrap in the middle of a word.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace
from itertools import zip_longest

from clerk_app.domain.document import Columns, Document, Element, Para, Run, Style, Version
from clerk_app.domain.model import Body, Meeting
from clerk_app.domain.phrases import Phrases, own_phrase
from clerk_app.domain.render import clean, style_phrases
from clerk_app.domain.style import Bilingual, MinuteStyle, NamedVoteLayout
from clerk_app.lazyre import compiled

# The heading and label phrases printed in both languages in ``labels`` minutes; a
# language's label file (ga.json, gd.json, mi.json) words each of them.
LABEL_KEYS: tuple[str, ...] = (
    "title.full",
    "watermark.draft",
    "attendance.present",
    "attendance.remote_heading",
    "attendance.also_present",
    "attendance.officers",
    "attendance.apologies",
    "attendance.absent",
    "attendance.substitutes",
    "attendance.public",
    "attendance.sederunt",
    "attendance.minute_taker",
    "vote.table_caption",
    "part.heading.lga_1972",
    "part.heading.act_1960",
    "part.heading.confidential",
    "actions.heading",
    "signature.signed",
    "signature.date",
    "signature.signed_by",
    "signature.dated",
)
# the labels of tables, stacked in their cells (and paired on one line elsewhere: a
# recorded vote listed inline names its groups by the rows' words)
TABLE_LABEL_KEYS: tuple[str, ...] = (
    "vote.col.vote",
    "vote.col.names",
    "vote.col.count",
    "vote.row.for",
    "vote.row.against",
    "vote.row.abstain",
    "vote.row.not_voting",
    "vote.row.casting",
    "attendance.col.name",
    "attendance.col.role",
    "attendance.col.initials",
    "attendance.col.part",
    "actions.col.minute",
    "actions.col.action",
    "actions.col.owner",
    "actions.col.due",
    "actions.col.status",  # the action log's
    "action_log.col.minute",
)
# the decision keywords, paired where the style asks for them (``label_keywords``)
KEYWORD_LABEL_KEYS: tuple[str, ...] = (
    "lead_in.decision",
    "lead_in.noted",
    "lead_in.agreed",
    "lead_in.received",
)
# labels paired whole: their words after a dash belong to the label ("PART 2 – …")
_WHOLE = frozenset({"part.heading.lga_1972", "part.heading.act_1960", "part.heading.confidential"})
_HEAD_END = compiled(r"\t|\{| – ")
_SEPARATOR = " / "
_STACKED = "\n"  # a line break in a table's cell

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


def _split(template: str, whole: bool = False) -> tuple[str, str]:
    """A label phrase's words and what follows them: ("Present", ":"), ("Signed",
    "\t\t {chair_title}"), ("Minutes", " – {body} – {date}"), ("AGREED", " – That")."""
    m = None if whole else _HEAD_END.search(template)
    cut = m.start() if m else len(template)
    head = template[:cut].rstrip(" :")
    return head, template[len(head) :]


def paired_label(
    first: str,
    second: str,
    second_first: bool = False,
    whole: bool = False,
    separator: str = _SEPARATOR,
) -> str:
    """Two wordings of one label as one template: "Present / I láthair:" (the first's
    punctuation, fields and tabs kept after the pair; ``separator`` between them); the
    first alone where the second has no words of its own or the same ones."""
    head, tail = _split(first, whole)
    other = _split(second, whole)[0].strip()
    if not head.strip() or not other or "{" in other or other.casefold() == head.casefold():
        return first
    pair = (other, head) if second_first else (head, other)
    return separator.join(pair) + tail


def label_keys(style: MinuteStyle) -> tuple[str, ...]:
    """The phrases ``style`` prints in both languages in ``labels`` minutes."""
    return LABEL_KEYS + TABLE_LABEL_KEYS + (KEYWORD_LABEL_KEYS if style.label_keywords else ())


class LabelledPhrases(Phrases):
    """Phrases with their labels in two languages, and the labels of tables as their
    cells print them (``cells``: the two wordings stacked)."""

    def __init__(self, templates: Mapping[str, str], locale: str, cells: Mapping[str, str]) -> None:
        super().__init__(templates, locale)
        self._cells = Phrases(cells, locale)

    def cell(self, key: str) -> str:
        return self._cells.format(key) if key in self._cells else self.format(key)


def cell_label(phrases: Phrases, key: str) -> str:
    """The label ``key`` as a table's cell prints it: in labels minutes its two
    wordings one above the other ("For" and "Ar son"), elsewhere its phrase."""
    if isinstance(phrases, LabelledPhrases):
        return phrases.cell(key)
    return phrases.format(key)


def second_label(style: MinuteStyle, key: str) -> str | None:
    """The second language's own wording of the label ``key`` (None: it has none)."""
    own = style.second_phrases.get(key)
    if isinstance(own, str) and own.strip():
        return own
    return own_phrase(style.second_locale, key)


def labelled_phrases(body: Body) -> LabelledPhrases:
    """The body's phrases in its first language with the labels in both (see the
    module notes); the DRAFT banner opens with the paired watermark word."""
    style = body.settings.style
    first = Phrases.load(style_phrases(body.settings), strict=False, locale=style.locale)
    templates = {key: first.template(key) for key in first}
    cells: dict[str, str] = {}
    for key in label_keys(style):
        second = second_label(style, key)
        if key not in templates or second is None:
            continue
        if key in TABLE_LABEL_KEYS:
            cells[key] = paired_label(
                templates[key], second, style.labels_second_first, separator=_STACKED
            )
        templates[key] = paired_label(
            templates[key], second, style.labels_second_first, key in _WHOLE
        )
    word, banner = first.template("watermark.draft"), templates["status.draft"]
    if word.strip() and banner.startswith(word) and templates["watermark.draft"] != word:
        templates["status.draft"] = templates["watermark.draft"] + banner[len(word) :]
    return LabelledPhrases(templates, first.locale, cells)


def body_phrases(body: Body) -> Phrases:
    """The body's wording outside its minutes (the action log): its first language, with
    the labels in both in ``labels`` minutes."""
    style = body.settings.style
    if style.bilingual is Bilingual.LABELS:
        return labelled_phrases(body)
    return Phrases.load(style_phrases(body.settings), strict=False, locale=style.locale)


def _with_second_name(document: Document, body: Body) -> Document:
    """The body's name in the second language beside its own at the top (above it where
    the second language comes first), as councils print their name in both."""
    style = body.settings.style
    name = clean(style.second_settings.get("name", ""))
    titles = [
        i
        for i, el in enumerate(document.elements)
        if isinstance(el, Para) and el.style is Style.TITLE
    ]
    if not name or not titles:
        return document
    at = titles[0] if style.labels_second_first else titles[-1] + 1
    elements = list(document.elements)
    elements.insert(at, Para(style=Style.TITLE, runs=[Run(name)]))
    return replace(document, elements=elements)


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
    if layout is Bilingual.LABELS:
        labelled = render_minutes(meeting, body, version, item_id, labelled_phrases(body))
        return _with_second_name(labelled, body)
    first = render_minutes(meeting, body, version, item_id)
    if layout is Bilingual.NONE:
        return render_minutes(meeting, body, version, item_id)
    if layout is Bilingual.COLUMNS:
        body = in_columns(body)
    first = render_minutes(meeting, body, version, item_id)
    from clerk_app.domain.translation import translated_meeting

    second_body = second_language_body(body)
    second = render_minutes(translated_meeting(meeting), second_body, version, item_id)
    return combine(first, second, layout)
