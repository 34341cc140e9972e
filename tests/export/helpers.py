"""Reading exported Word files back for assertions."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def reopen(path: Path) -> WordDocument:
    return docx.Document(str(path))


def num_id(paragraph: Paragraph) -> int | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    return int(ppr.numPr.numId.val)


def start_override(word: WordDocument, num: int) -> int | None:
    el = word.part.numbering_part.element.num_having_numId(num)
    start = el.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    return None if start is None else int(start.get(qn("w:val")))


def abstract_of(word: WordDocument, num: int) -> str:
    el = word.part.numbering_part.element.num_having_numId(num)
    return el.find(qn("w:abstractNumId")).get(qn("w:val"))


def part_xml(word: WordDocument, which: str) -> str:
    section = word.sections[-1]
    part = section.header if which == "header" else section.footer
    return part._element.xml


def instructions(xml_text: str) -> list[str]:
    import re

    return [s.strip() for s in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml_text)]
