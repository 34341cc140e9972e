"""Export speed: a long meeting (40 items, 400 blocks) in the house style, against a floor
of the same paragraph texts written with bare python-docx and no styling.

Run with ``pytest tests/benchmarks --benchmark-enable`` (skipped by default)."""

from __future__ import annotations

from pathlib import Path

import docx
from pytest_benchmark.fixture import BenchmarkFixture

from clerk_app.domain.document import Document, Para, Run, Style
from clerk_app.export import export_docx


def _long_meeting(items: int = 40, blocks_per_item: int = 10) -> Document:
    elements: list[Para] = [Para(Style.TITLE, [Run("Harrowfield Borough Council")])]
    for i in range(1, items + 1):
        number = str(100 + i)
        elements.append(Para(Style.ITEM_HEADING, [Run(f"Agenda item {i}")], label=number))
        for b in range(1, blocks_per_item + 1):
            if b % 5 == 0:
                elements.append(
                    Para(Style.CLAUSE_LETTER, [Run(f"clause {b} of item {i};")], restart=b == 5)
                )
            elif b % 5 == 1:
                elements.append(
                    Para(Style.POINT_BULLET, [Run(f"point {b} on item {i}")], restart=True)
                )
            else:
                text = (
                    f"Paragraph {b} of item {i}: members discussed the report and officers "
                    "answered questions on costs and timing."
                )
                elements.append(Para(Style.NUMBERED_BODY, [Run(text)], label=f"{number}.{b}"))
    return Document(
        elements=elements, header_text="Harrowfield", footer_text="Minutes", watermark="DRAFT"
    )


def test_export_long_meeting(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    document = _long_meeting()
    assert len(document.elements) == 1 + 40 * 11
    out = benchmark(export_docx, document, tmp_path / "long.docx")
    assert len(docx.Document(str(out)).paragraphs) >= len(document.elements)


def test_floor_bare_python_docx(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    texts = [
        (el.label + "\t" if el.label else "") + el.text
        for el in _long_meeting().elements
        if isinstance(el, Para)
    ]

    def write() -> Path:
        word = docx.Document()
        for text in texts:
            word.add_paragraph(text)
        path = tmp_path / "floor.docx"
        word.save(str(path))
        return path

    out = benchmark(write)
    assert len(docx.Document(str(out)).paragraphs) == len(texts)
