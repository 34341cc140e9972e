"""The words of the minutes: shared helpers and the rendering context.

``render_block(block, ctx)`` (in :mod:`render_blocks`) and
``render_minutes(meeting, body, version, item_id)`` (in :mod:`render_minutes`) are the
one place where the record becomes words; the window's live preview and the Word
export both use them. They are importable from here::

    from clerk_app.domain.render import RenderContext, render_block, render_minutes

Every phrase comes from :class:`~clerk_app.domain.phrases.Phrases`, so a body's own
wording applies everywhere. Half-typed records still give sensible text and never raise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any

from clerk_app.domain.dates import count_text, styled_date, styled_time
from clerk_app.domain.document import CharStyle, Para, Run, Style
from clerk_app.domain.model import (
    Block,
    Body,
    BodySettings,
    Declaration,
    Item,
    Meeting,
    Motion,
    Paragraph,
    Person,
    Points,
)
from clerk_app.domain.naming import display_name, list_names
from clerk_app.domain.phrases import Phrases
from clerk_app.lazyre import compiled

if TYPE_CHECKING:
    from clerk_app.domain.render_blocks import render_block as render_block
    from clerk_app.domain.render_minutes import render_minutes as render_minutes

__all__ = [
    "RenderContext",
    "cap",
    "clean",
    "end_stop",
    "render_block",
    "render_minutes",
    "takes_number",
]

# Characters an XML document cannot hold (python-docx refuses them).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# a run of capitalised words: "RESOLVED", "IT WAS RESOLVED", "RESOLVED THAT", and a
# keyword with its label in a second language, "DECISION / WHAKATAUNGA"
_CAPS = "A-ZÀ-ÖØ-ÞŴŶĀĒĪŌŪ"
_CAPS_WORD = rf"[{_CAPS}][{_CAPS}'’]+(?:-[{_CAPS}]+)*"
_KEYWORD = compiled(rf"(?<!\w){_CAPS_WORD}(?:(?:[ \t]+|[ \t]/[ \t]){_CAPS_WORD})*(?!\w)")
_FIRST_WORD = compiled(r"^\s*(\w+)")
_THAT = re.compile(r"^that\b[\s,:–-]*", re.IGNORECASE)


def __getattr__(name: str) -> Any:
    # render_block and render_minutes live in their own modules, which import this one.
    if name == "render_block":
        from clerk_app.domain.render_blocks import render_block

        return render_block
    if name == "render_minutes":
        from clerk_app.domain.render_minutes import render_minutes

        return render_minutes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- text helpers


_MARKS = re.compile(r"\*\*(.+?)\*\*|~~(.+?)~~", re.DOTALL)


def marked_runs(text: str) -> list[Run]:
    """Runs for motion text in which the clerk marked words an amendment adds with
    ``**added words**`` and words it removes with ``~~removed words~~``."""
    runs: list[Run] = []
    pos = 0
    for m in _MARKS.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        if m.group(1) is not None:
            runs.append(Run(m.group(1), CharStyle.INSERTED))
        else:
            runs.append(Run(m.group(2), CharStyle.DELETED))
        pos = m.end()
    if pos < len(text) or not runs:
        runs.append(Run(text[pos:]))
    return runs


def strip_invalid(text: str) -> str:
    """Remove the characters an XML document cannot hold, keeping everything else."""
    return _INVALID.sub("", text)


def clean(text: object) -> str:
    """Text safe for the document: XML-invalid characters removed, ends trimmed."""
    return _INVALID.sub("", text if isinstance(text, str) else "").strip()


def cap(text: str) -> str:
    """Sentence case for the first letter ("a member declared" -> "A member declared")."""
    return text[:1].upper() + text[1:] if text else text


CLOSING_QUOTES = '”’"'


def ends_quoted(text: str) -> bool:
    """The text ends with a closing quotation mark (a ’ only where a ‘ opened it: it is
    an apostrophe too)."""
    if not text or text[-1] not in CLOSING_QUOTES:
        return False
    return text[-1] != "’" or "‘" in text


def end_stop(text: str) -> str:
    """Add a full stop unless the text already ends a sentence or a list lead-in, or
    ends with a closing quote (the quotation is given as it was)."""
    if not text:
        return text
    if ends_quoted(text):
        return text
    if text[-1] in ")]" and not _bracketed_sentence(text):
        # a bracket closing inside the sentence ("… resumed (7:03 p.m.)"): the sentence
        # still ends after it, whatever the bracket ends with
        return text + "."
    stripped = text.rstrip(")]")
    if stripped and stripped[-1] in ".!?:;…":
        return text
    return text + "."


def _bracketed_sentence(text: str) -> bool:
    """The text ends with a whole sentence in brackets ("(The Mayor left the room.)"):
    it opens with a capital, at the start of the text or after a sentence's end (not
    after an abbreviation: "at 9 p.m. (moved at 8:58 p.m.)" is one sentence)."""
    closing = text[-1]
    opening = "(" if closing == ")" else "["
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == closing:
            depth += 1
        elif text[i] == opening:
            depth -= 1
            if depth == 0:
                before, inside = text[:i].rstrip(), text[i + 1 :].lstrip()
                if not inside[:1].isupper():
                    return False
                return not before or before[-1] in ".!?…"
    return False  # no bracket opened it: an item letter "a)" or a typing slip


def strip_that(text: str) -> str:
    """Drop a leading "That" the clerk typed after a lead-in that already has one."""
    return _THAT.sub("", text, count=1)


def ends_with_that(text: str) -> bool:
    return clean(text).rstrip(" :–-").casefold().endswith("that")


def with_article(interest_type: str, phrases: Phrases | None = None) -> str:
    """ "other registrable interest" -> "an other registrable interest"; a type the
    phrases word themselves ("interest.personal_interest": "buddiant personol" in
    Welsh) as they give it. The noun and the article come from the phrases, so a
    language without "a"/"an" leaves them out."""
    text = clean(interest_type)
    if not text:
        return ""
    phrases = phrases or Phrases.load()
    own = "interest." + re.sub(r"\W+", "_", text.casefold()).strip("_")
    if own in phrases and clean(phrases.format(own)):
        return clean(phrases.format(own))
    lower = text.casefold()
    if "interest" not in lower:
        text = phrases.format("declaration.interest_named", type=text)
    if lower.startswith(("a ", "an ", "the ")):
        return text
    first = next((c for c in lower if c.isalpha()), "")
    key = "declaration.article_an" if first in "aeiou" else "declaration.article_a"
    return phrases.format(key, interest=text)


def split_keyword(lead_in: str, keywords: Iterable[str] = ()) -> tuple[str, str, str]:
    """Split a lead-in around its keyword: "RESOLVED – That" -> ("", "RESOLVED",
    " – That"); "IT WAS RESOLVED that" -> ("", "IT WAS RESOLVED", " that"). Where no
    word is in capitals, a first word among ``keywords`` (the language's decision words,
    "Penderfynwyd") is the keyword; other lead-ins ("The Board resolved:") have none and
    are set as plain words."""
    m = _KEYWORD.search(lead_in)
    if m:
        return lead_in[: m.start()], m.group(0), lead_in[m.end() :]
    first = _FIRST_WORD.match(lead_in)
    folded = {k.strip().casefold() for k in keywords if k.strip()}
    if first and first.group(1)[:1].isupper() and first.group(1).casefold() in folded:
        return lead_in[: first.start(1)], first.group(1), lead_in[first.end(1) :]
    return lead_in, "", ""


def lead_in_keywords(phrases: Phrases) -> list[str]:
    """The decision words a lead-in may open with in the phrases' language, written
    without capitals ("Penderfynwyd bod"): set in the keyword style like "RESOLVED"."""
    if "lead_in.keywords" not in phrases:
        return []
    return [w for w in phrases.format("lead_in.keywords").split(",") if w.strip()]


def joined(names: Iterable[str], phrases: Phrases) -> str:
    """Names joined with the language's "and": "A, B and C", "A, B a C"."""
    return list_names(names, phrases.format("list.and"), phrases.locale)


def the_title(title: str, phrases: Phrases) -> str:
    """An office-holder named by title: "the Chair", "y Cadeirydd"."""
    return phrases.format("name.the_title", title=title)


def paragraph_list(values: list[str], phrases: Phrases) -> str:
    """ "paragraph 3" / "paragraphs 3 and 5" from ["3", "5"]; "" when none."""
    if not values:
        return ""
    key = "exempt.paragraph_one" if len(values) == 1 else "exempt.paragraph_many"
    return phrases.format(key, n=joined(values, phrases))


def split_paragraphs(text: str) -> list[str]:
    """Schedule 12A paragraph numbers from what the clerk typed ("3, 5", "3 and 5")."""
    parts = re.split(r"\s*(?:,|;|/|&|\band\b)\s*", clean(text))
    return [p for p in parts if p]


# --------------------------------------------------------------------------- context


@dataclass
class RenderContext:
    """What a block needs to be worded: its body, meeting, phrases and item.

    ``sub_paragraph`` is the last sub-paragraph number given out in the item (53.1,
    53.2 … when the body numbers paragraphs); labels are worked out from the block's
    place in the item, so a block previewed on its own gets the same label as in the
    full minutes. ``auto_numbered`` counts numbered paragraphs the item writes itself
    before its blocks (the apologies sentence, a nil return).
    """

    body: Body
    meeting: Meeting
    phrases: Phrases
    item: Item | None = None
    sub_paragraph: int = 0
    auto_numbered: int | None = None

    @classmethod
    def create(
        cls,
        body: Body,
        meeting: Meeting,
        item: Item | None = None,
        phrases: Phrases | None = None,
    ) -> RenderContext:
        if phrases is None:
            phrases = Phrases.load(
                style_phrases(body.settings), strict=False, locale=body.settings.style.locale
            )
        return cls(body=body, meeting=meeting, phrases=phrases, item=item)

    @classmethod
    def for_item(
        cls, meeting: Meeting, body: Body, item: Item, phrases: Phrases | None = None
    ) -> RenderContext:
        """A context for previewing one item's blocks (``render_block``)."""
        return cls.create(body, meeting, item, phrases)

    # names and times
    def person(self, person_id: str | None) -> Person | None:
        return self.body.person(person_id) if person_id else None

    def name(self, person_id: str | None) -> str:
        person = self.person(person_id)
        name = clean(display_name(person, self.body.settings)) if person else ""
        return name or self.phrases.format("name.unknown")

    def mover_name(self, person_id: str | None) -> str:
        """A mover or seconder as the style names them ("J. Okoro", "Councilor Okoro")."""
        person = self.person(person_id)
        naming = self.body.settings.style.mover_naming
        name = clean(display_name(person, self.body.settings, naming)) if person else ""
        return name or self.phrases.format("name.unknown")

    def voter_name(self, person: Person) -> str:
        """A member in a named vote as the style names them (surnames, say)."""
        naming = self.body.settings.style.vote_naming
        return clean(display_name(person, self.body.settings, naming))

    def time(self, t: time | None) -> str:
        if not t:
            return ""
        settings = self.body.settings
        return styled_time(t, "24h" if settings.clock_24h else settings.style.time_style)

    def date(self, d: date | None, weekday: bool = True) -> str:
        """A date as the body's style writes it ("" for none)."""
        if d is None:
            return ""
        style = self.body.settings.style
        return styled_date(d, style.date_style, weekday, style.locale)

    def count(self, n: int, votes: bool = False) -> str:
        """A count in words or figures, as the style says for votes or for other counts."""
        style = self.body.settings.style
        in_words = style.votes_in_words if votes else style.counts_in_words
        return count_text(n, in_words, style.words_with_figures)

    def body_word(self) -> str:
        key = f"body_word.{self.body.kind.value}"
        return self.phrases.format(key) if key in self.phrases else "meeting"

    # paragraphs
    def para(
        self, style: Style, text: str | list[Run], block: Block | None = None, label: str = ""
    ) -> Para:
        raw = [Run(text)] if isinstance(text, str) else text
        runs = [Run(strip_invalid(r.text), r.style, r.bold, r.italic, r.caps) for r in raw]
        return Para(
            style=style,
            runs=runs,
            label=label,
            item_id=self.item.id if self.item else None,
            block_id=block.id if block else None,
        )

    # sub-paragraph numbering
    def _base(self) -> str:
        if not self.body.settings.numbering.sub_paragraphs or self.item is None:
            return ""
        return clean(self.item.minute_number) or clean(self.item.number)

    def next_auto_label(self) -> str:
        """Label for a paragraph the item writes itself, before its blocks."""
        base = self._base()
        if not base:
            return ""
        self.sub_paragraph += 1
        return f"{base}.{self.sub_paragraph}"

    def label_for(self, block: Block) -> str:
        """The sub-paragraph label of a block that takes one ("" when not numbering)."""
        base = self._base()
        if not base or self.item is None:
            return ""
        if self.auto_numbered is None:
            from clerk_app.domain.render_items import auto_paragraph_count

            self.auto_numbered = auto_paragraph_count(self)
        blocks = self.item.blocks
        ids = [b.id for b in blocks]
        before = blocks[: ids.index(block.id)] if block.id in ids else blocks
        self.sub_paragraph = self.auto_numbered + 1 + sum(takes_number(b) for b in before)
        return f"{base}.{self.sub_paragraph}"


def style_phrases(settings: BodySettings) -> dict[str, str]:
    """The phrase overrides in force: the style's wording with the body's own over it."""
    return {**settings.style.phrases, **settings.phrases}


def takes_number(block: Block) -> bool:
    """Whether a block writes a numbered (53.1) paragraph when sub-paragraphs are on."""
    if isinstance(block, Paragraph):
        return bool(clean(block.text))
    if isinstance(block, Points):
        return bool(clean(block.intro))
    return isinstance(block, Declaration | Motion)
