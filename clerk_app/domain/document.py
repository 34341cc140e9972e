"""The rendered minutes: what the clerk sees in the preview and what the export writes.

``clerk_app.domain.render`` turns the record into a :class:`Document`; the Word
exporter writes a Document into a house-style template paragraph by paragraph, and the
window shows the same paragraphs as its live preview. Each paragraph has a
:class:`Style` whose value is the paragraph style name in the house-style .docx, so a
council restyles the output in Word, not in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Style(StrEnum):
    """Paragraph styles; each value must exist in every house-style template."""

    TITLE = "Clerk Title"  # body / authority name
    SUBTITLE = "Clerk Subtitle"  # "Minutes of a meeting of … held at … on …"
    STATUS = "Clerk Status"  # DRAFT note / approval line / "not for publication"
    ATTENDANCE_HEADING = "Clerk Attendance Heading"  # Present: / Apologies: …
    ATTENDANCE = "Clerk Attendance"  # the names under an attendance heading
    PART_HEADING = "Clerk Part Heading"  # PART 2 – EXEMPT BUSINESS
    ITEM_HEADING = "Clerk Item Heading"  # "53  CHILDREN FIRST IMPROVEMENT UPDATE"
    SECTION_HEADING = "Clerk Section Heading"  # "CONSENT AGENDA" between items, unnumbered
    SUB_HEADING = "Clerk Sub Heading"  # "(a) Grass cutting" / "Clerk's report" in an item
    PURPOSE = "Clerk Purpose"  # the purpose line under the heading
    BODY = "Clerk Body"  # narrative paragraph
    NUMBERED_BODY = "Clerk Numbered Paragraph"  # 53.1 narrative paragraph
    POINT_BULLET = "Clerk Point Bullet"
    POINT_LETTER = "Clerk Point Letter"
    POINT_NUMBER = "Clerk Point Number"
    TIME_LINE = "Clerk Time Line"  # "2.28 pm Mrs Hill left the meeting."
    DECLARATION = "Clerk Declaration"
    MOTION = "Clerk Motion"  # "It was moved by … seconded by … and"
    DECISION = "Clerk Decision"  # "RESOLVED – That the Committee:"
    CLAUSE_NUMBER = "Clerk Clause Number"  # resolution clauses 1. 2. 3.
    CLAUSE_LETTER = "Clerk Clause Letter"  # (a) (b) (c)
    CLAUSE_ROMAN = "Clerk Clause Roman"  # (i) (ii) (iii)
    VOTE = "Clerk Vote"  # "(For 8, Against 2, Abstentions 1)"
    ACTION = "Clerk Action"  # "Action: the Clerk to …"
    NOTE = "Clerk Note"  # procedural notes, adjournments
    EXEMPT_NOTICE = "Clerk Exempt Notice"  # "Not for publication by virtue of paragraph 3 …"
    CLOSING = "Clerk Closing"  # "The meeting ended at 4.15 pm."
    SIGNATURE = "Clerk Signature"  # "Signed …… Chair" / "Date ……"
    TABLE = "Clerk Table"  # text inside tables (named votes, action logs)


class TableStyle(StrEnum):
    """Table styles of the house style; a council's own template may lack them (the
    exporter then draws plain ruled tables)."""

    SCHEDULE = "Clerk Schedule Table"  # payments, bank balances, grants


class CharStyle(StrEnum):
    """Character styles for runs; values must exist in the template."""

    KEYWORD = "Clerk Keyword"  # RESOLVED, CARRIED: bold capitals
    INSERTED = "Clerk Inserted"  # words added by an amendment (bold)
    DELETED = "Clerk Deleted"  # words removed by an amendment (struck through)
    EXEMPT = "Clerk Exempt"  # confidential text marking


@dataclass(frozen=True)
class Run:
    """A run of text with one set of character formatting."""

    text: str
    style: CharStyle | None = None
    bold: bool = False
    italic: bool = False
    caps: bool | None = None  # capitals on or off over the style's; None: as the style


@dataclass
class Para:
    """One paragraph of the minutes.

    ``label`` is a hanging number or label written before the text (a minute number
    "53", a sub-paragraph "53.1", a time "2.28 pm"); list paragraphs (points, clauses)
    leave it empty and rely on the style's Word numbering, with ``restart`` set on the
    first paragraph of each list so every resolution starts again at 1 / (a).
    ``item_id`` and ``block_id`` say where the paragraph came from (for the preview, the
    chair's review copy and the decision sheet).
    """

    style: Style
    runs: list[Run] = field(default_factory=list)
    label: str = ""
    restart: bool = False
    item_id: str | None = None
    block_id: str | None = None
    page_break: bool = False  # start a new page (the second language of the minutes)
    keep_next: bool = False  # on the same page as the next paragraph (the last line and
    # the signature block)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    """A small table: a named vote, an action log, an attendance grid, a schedule of
    payments. ``right`` lists the columns set right-aligned (money); ``total`` marks the
    last row as a total row (bold); ``style`` is the house style's table style to use;
    ``whole`` lists the columns kept on one line where the page allows (names)."""

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    item_id: str | None = None
    block_id: str | None = None
    right: list[int] = field(default_factory=list)
    total: bool = False
    style: TableStyle | None = None
    whole: list[int] = field(default_factory=list)


@dataclass
class Columns:
    """One section of bilingual minutes side by side: a two-column table whose left
    cell holds the section in the first language and the right cell the second."""

    left: list[Para | Table]
    right: list[Para | Table]
    item_id: str | None = None


Element = Para | Table


class Version(StrEnum):
    FULL = "full"
    PUBLIC = "public"  # Part 2 reduced to heading, exclusion and outcome
    CONFIDENTIAL = "confidential"  # Part 2 only, marked not for publication
    DECISIONS = "decisions"  # resolutions and actions only
    ITEM = "item"  # a single item's draft minute
    REVIEW = "review"  # the chair's review copy
    INTERIM = "interim"  # attendance, declarations, decisions and votes, before the minutes


@dataclass
class Document:
    """A whole rendered document, ready for the exporter."""

    elements: list[Element] = field(default_factory=list)
    header_text: str = ""  # running header: body and date
    footer_text: str = ""  # running footer text before "Page X of Y"
    watermark: str = ""  # "DRAFT" until approved; "" when final
    version: Version = Version.FULL
    title: str = ""  # document core property title
    signature: bool = True  # whether to end with the chair's signature block
    # bilingual minutes side by side: the Word file is written from these sections
    # (``elements`` then hold the first language alone, for the preview)
    columns: list[Columns] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All text, paragraph per line (tables row per line), for tests and search."""
        if self.columns:
            return "\n".join(
                line for c in self.columns for line in _lines(c.left) + _lines(c.right)
            )
        return "\n".join(_lines(self.elements))


def _lines(elements: list[Element]) -> list[str]:
    lines: list[str] = []
    for el in elements:
        if isinstance(el, Para):
            lines.append((el.label + " " if el.label else "") + el.text)
        else:
            if el.caption:
                lines.append(el.caption)
            lines.append(" | ".join(el.header))
            lines.extend(" | ".join(r) for r in el.rows)
    return lines
