"""List numbering as Word will show it, for everything that shows the minutes outside Word.

List paragraphs (discussion points, resolution clauses) carry no label in the rendered
:class:`~clerk_app.domain.document.Para`: the Word exporter gives each list style its own
numbering (see ``clerk_app.export.numbering``) and Word numbers the paragraphs. The
preview, the chair's review copy and the correction dialog number them here instead, the
same way:

* each list style keeps its own count, so a nested list of another style, such as
  (i) (ii) under clause (a), does not interrupt it: the next letter clause is (b);
* a list starts again at 1 / (a) / (i) on a paragraph with ``restart`` set, and after
  any paragraph that is not a list paragraph or any table, which end every open list;
* a list paragraph with a ``label`` of its own shows that label but still counts.

Numbers are written as Word writes them: "1.", "(a)" … "(z)", "(aa)", "(bb)" …, "(i)",
"(iv)", "(xl)" …, and "•" for bullets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from clerk_app.domain.document import Element, Para, Style


class ListKind(StrEnum):
    """How a list style numbers its paragraphs."""

    BULLET = "bullet"
    LETTER = "letter"
    NUMBER = "number"
    ROMAN = "roman"


LIST_KINDS: Mapping[Style, ListKind] = MappingProxyType(
    {
        Style.POINT_BULLET: ListKind.BULLET,
        Style.POINT_LETTER: ListKind.LETTER,
        Style.POINT_NUMBER: ListKind.NUMBER,
        Style.CLAUSE_NUMBER: ListKind.NUMBER,
        Style.CLAUSE_LETTER: ListKind.LETTER,
        Style.CLAUSE_ROMAN: ListKind.ROMAN,
    }
)
"""Every list style and how it is numbered; styles not here are not list styles."""

_ROMAN_DIGITS: tuple[tuple[int, str], ...] = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def list_kind(style: Style) -> ListKind | None:
    """How ``style`` numbers its paragraphs, or None when it is not a list style."""
    return LIST_KINDS.get(style)


def roman(n: int) -> str:
    """``n`` (1 or more) in lower-case Roman numerals: 4 → "iv", 1994 → "mcmxciv".

    Thousands beyond 3999 are written as repeated "m", as Word does.
    """
    if n < 1:
        raise ValueError(f"Roman numerals start at 1, not {n}")
    out: list[str] = []
    for value, digits in _ROMAN_DIGITS:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def letters(n: int) -> str:
    """``n`` (1 or more) as Word's lower-case letter numbering: a … z, then aa, bb … zz,
    then aaa, bbb …"""
    if n < 1:
        raise ValueError(f"Letter numbering starts at 1, not {n}")
    repeat, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def list_label(kind: ListKind | str, n: int) -> str:
    """The label of the ``n``-th paragraph (from 1) of a list of ``kind``:
    "•", "(a)", "(i)" or "1."."""
    kind = ListKind(kind)
    if kind is ListKind.BULLET:
        return "•"
    if kind is ListKind.LETTER:
        return f"({letters(n)})"
    if kind is ListKind.ROMAN:
        return f"({roman(n)})"
    return f"{n}."


class ListLabels:
    """Numbers the list paragraphs of rendered elements taken in order.

    Call :meth:`label` for every element, tables included, in document order; it keeps
    one count per list style the way the Word export does.
    """

    def __init__(self) -> None:
        self._counts: dict[Style, int] = {}

    def end_lists(self) -> None:
        """End every open list: the next list paragraph of any style starts again."""
        self._counts.clear()

    def label(self, element: Element) -> str:
        """The label shown before ``element``: a list paragraph's number or bullet (or its
        own label when it has one), another paragraph's own label, "" for a table.

        A table or a paragraph outside any list ends every open list.
        """
        if not isinstance(element, Para):
            self.end_lists()
            return ""
        kind = LIST_KINDS.get(element.style)
        if kind is None:
            self.end_lists()
            return element.label
        count = 1 if element.restart else self._counts.get(element.style, 0) + 1
        self._counts[element.style] = count
        return element.label or list_label(kind, count)

    def labels(self, elements: Iterable[Element]) -> list[str]:
        """:meth:`label` of each element in turn."""
        return [self.label(el) for el in elements]
