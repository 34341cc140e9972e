"""Restarting Word lists: every resolution's clauses start again at 1 / (a) / (i).

A list style carries its numbering (``w:numPr`` in the style). Paragraphs that simply
use the style share one counter across the whole document, so each new list gets its
own ``w:num`` pointing at the style's abstract list with a ``startOverride`` of 1, and
the paragraphs of that list refer to it directly.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.numbering import CT_Num

from clerk_app.domain.document import Style
from clerk_app.domain.lists import LIST_KINDS

LIST_STYLES: frozenset[Style] = frozenset(LIST_KINDS)
"""The styles whose paragraphs are numbered by Word (``clerk_app.domain.lists``)."""


class ListNumbering:
    """Tracks the list each list style is in while a document is written."""

    def __init__(self, document: WordDocument) -> None:
        self._document = document
        self._numbering = None
        self._abstract: dict[Style, tuple[int, int] | None] = {}
        self._current: dict[Style, int] = {}
        self._next_id: int | None = None

    def end_lists(self) -> None:
        """A paragraph outside any list ends every open list."""
        self._current.clear()

    def ids_for(self, style: Style, restart: bool) -> tuple[int, int] | None:
        """(level, numId) for the next paragraph of ``style``'s list, starting a new list
        when ``restart`` is set or none is open; None when the style has no numbering."""
        found = self._style_list(style)
        if found is None:
            return None
        abstract_id, ilvl = found
        num_id = self._current.get(style)
        if restart or num_id is None:
            num_id = self._new_num(abstract_id, ilvl)
            self._current[style] = num_id
        return ilvl, num_id

    def _numbering_el(self):  # type: ignore[no-untyped-def]
        if self._numbering is None:
            self._numbering = self._document.part.numbering_part.element
        return self._numbering

    def _style_list(self, style: Style) -> tuple[int, int] | None:
        """The abstract list id and level the style's numbering points at."""
        if style in self._abstract:
            return self._abstract[style]
        result: tuple[int, int] | None = None
        style_el = self._document.styles[style.value].element
        seen: set[str] = set()
        while style_el is not None and result is None:
            num_pr = style_el.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                num_id_el = num_pr.find(qn("w:numId"))
                ilvl_el = num_pr.find(qn("w:ilvl"))
                ilvl = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
                if num_id_el is not None:
                    result = self._abstract_of(int(num_id_el.get(qn("w:val"))), ilvl)
                break
            based_on = style_el.find(qn("w:basedOn"))
            if based_on is None:
                break
            base_id = based_on.get(qn("w:val"))
            if base_id in seen:
                break
            seen.add(base_id)
            style_el = self._document.styles.element.get_by_id(base_id)
        self._abstract[style] = result
        return result

    def _abstract_of(self, num_id: int, ilvl: int) -> tuple[int, int] | None:
        try:
            num = self._numbering_el().num_having_numId(num_id)
        except KeyError:
            return None  # numId 0 ("no list") or a dangling reference
        abstract = num.find(qn("w:abstractNumId"))
        if abstract is None:
            return None
        return int(abstract.get(qn("w:val"))), ilvl

    def _new_num(self, abstract_id: int, ilvl: int) -> int:
        numbering = self._numbering_el()
        if self._next_id is None:
            used = [int(n) for n in numbering.xpath("./w:num/@w:numId")]
            self._next_id = max(used, default=0) + 1
        num_id = self._next_id
        self._next_id += 1
        num = CT_Num.new(num_id, abstract_id)
        num.add_lvlOverride(ilvl=ilvl).add_startOverride(1)
        numbering._insert_num(num)
        return num_id
