"""Every demo meeting reads as a complete meeting of its kind: no item is left as a
heading alone, neither by Clerk's own check after the meeting ends nor in the exported
minutes read back from the .docx."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from clerk_app.domain.document import Style, Version
from clerk_app.domain.model import ItemKind, Meeting
from clerk_app.services import Services
from clerk_app.services.demo import create_demo
from clerk_app.services.demo_boards import create_nhs_demo, create_school_demo
from clerk_app.services.demo_parish import create_parish_demo
from clerk_app.services.demo_styles import DEMO_BODIES, create_style_demo

Maker = Callable[[Services], Meeting]


def _style_maker(style_id: str) -> Maker:
    return lambda svc: create_style_demo(svc, style_id)


DEMOS: dict[str, Maker] = {
    "committee": create_demo,
    "parish": create_parish_demo,
    "school": create_school_demo,
    "nhs": create_nhs_demo,
    **{style_id: _style_maker(style_id) for style_id in DEMO_BODIES},
}
HEADINGS = {Style.ITEM_HEADING.value, Style.PART_HEADING.value, Style.SECTION_HEADING.value}
EMPTY = "Nothing is minuted under"


def _paragraphs(document: docx.document.Document) -> Iterator[tuple[str, str]]:
    """(style name, text) of every paragraph in reading order, a table's cells (the
    side-by-side columns of bilingual minutes) row by row, each column in turn."""
    for child in document.iter_inner_content():
        if isinstance(child, DocxParagraph):
            yield child.style.name if child.style else "", child.text
        elif isinstance(child, Table):
            for row in child.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        yield p.style.name if p.style else "", p.text


def test_the_demos_cover_every_shipped_style() -> None:
    from clerk_app.domain.presets import style_presets

    assert {style_id for style_id, _label, _kind in style_presets()} <= set(DEMOS)


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_no_demo_item_is_left_empty(svc: Services, name: str) -> None:
    meeting = DEMOS[name](svc)
    reopened = svc.get_meeting(meeting.id)
    issues = svc.check(reopened)
    assert [i.message for i in issues if i.message.startswith(EMPTY)] == []
    # nothing else a clerk would be asked to put right before signing
    assert [i.message for i in issues] == []


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_every_exported_item_heading_has_words_under_it(
    svc: Services, tmp_path: Path, name: str
) -> None:
    meeting = DEMOS[name](svc)
    out = tmp_path / f"{name}.docx"
    svc.export(meeting, out, Version.FULL)
    paras = [(s, t) for s, t in _paragraphs(docx.Document(str(out))) if t.strip()]
    headings = [i for i, (s, _t) in enumerate(paras) if s == Style.ITEM_HEADING.value]
    assert len(headings) >= len(
        [it for it in meeting.items if it.kind is not ItemKind.SECTION_HEADING]
    )
    bare = []
    for at in headings:
        following = paras[at + 1 : at + 2]
        if not following or following[0][0] in HEADINGS:
            bare.append(paras[at][1])
    assert bare == []
