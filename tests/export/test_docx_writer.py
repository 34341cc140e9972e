"""export_docx: paragraphs, styles, lists, tables, header and footer, signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from clerk_app.domain.document import CharStyle, Document, Para, Run, Style, Table
from clerk_app.export import export_docx

from .helpers import abstract_of, instructions, num_id, part_xml, reopen, start_override
from .samples import every_style_document, p, realistic_document


def _body_paragraphs(path: Path) -> list[tuple[str, str]]:
    word = reopen(path)
    return [(para.style.name, para.text) for para in word.paragraphs]


def test_every_style_in_order_with_its_name(tmp_path: Path) -> None:
    document = every_style_document()
    out = export_docx(document, tmp_path / "all.docx")
    written = _body_paragraphs(out)
    expected = [(el.style.value, el.text) for el in document.elements if isinstance(el, Para)]
    expected.append((Style.BODY.value, "Recorded vote"))  # the table caption
    # the document has SIGNATURE paragraphs already, so no generic block is added; it
    # ends in a table, so an empty paragraph closes the body
    expected.append((Style.BODY.value, ""))
    assert written == expected
    assert {name for name, _ in written} >= {s.value for s in Style}


def test_table_is_a_word_table_with_bold_header(tmp_path: Path) -> None:
    out = export_docx(every_style_document(), tmp_path / "t.docx")
    word = reopen(out)
    assert len(word.tables) == 1
    table = word.tables[0]
    assert table.style.name == "Table Grid"
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Councillor", "Vote"],
        ["Cllr Amina Okafor", "For"],
        ["Cllr Jon Pellow", "Against"],
    ]
    header = table.rows[0]
    assert all(run.bold for c in header.cells for run in c.paragraphs[0].runs)
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    # no row is broken across pages, and the properties are in the schema's order
    for row in table.rows:
        tags = [child.tag for child in row._tr.trPr]
        assert tags[0] == qn("w:cantSplit")
        assert row._tr.trPr.find(qn("w:cantSplit")).get(qn("w:val")) is None
    assert not any(run.bold for c in table.rows[1].cells for run in c.paragraphs[0].runs)
    assert {c.paragraphs[0].style.name for row in table.rows for c in row.cells} == {
        Style.TABLE.value
    }


def test_ragged_table_rows_are_padded(tmp_path: Path) -> None:
    doc = Document(
        [Table(header=["A", "B", "C"], rows=[["1"], ["1", "2", "3", "4"]])], signature=False
    )
    word = reopen(export_docx(doc, tmp_path / "r.docx"))
    assert [[c.text for c in r.cells] for r in word.tables[0].rows] == [
        ["A", "B", "C"],
        ["1", "", ""],
        ["1", "2", "3"],
    ]


def test_label_hangs_before_a_tab(tmp_path: Path) -> None:
    doc = Document([p(Style.NUMBERED_BODY, "The report was noted.", label="53.1")], signature=False)
    word = reopen(export_docx(doc, tmp_path / "l.docx"))
    assert word.paragraphs[0].text == "53.1\tThe report was noted."


def test_runs_keep_character_styles_and_emphasis(tmp_path: Path) -> None:
    para = Para(
        Style.DECISION,
        [
            Run("RESOLVED", style=CharStyle.KEYWORD),
            Run(" – That the words "),
            Run("in full", style=CharStyle.INSERTED),
            Run(" replace "),
            Run("in part", style=CharStyle.DELETED),
            Run(" and ", bold=True),
            Run("noted", italic=True),
        ],
    )
    word = reopen(export_docx(Document([para], signature=False), tmp_path / "r.docx"))
    runs = word.paragraphs[0].runs
    assert [
        (r.text, r.style.name if r.style.name != "Default Paragraph Font" else None) for r in runs
    ] == [
        ("RESOLVED", "Clerk Keyword"),
        (" – That the words ", None),
        ("in full", "Clerk Inserted"),
        (" replace ", None),
        ("in part", "Clerk Deleted"),
        (" and ", None),
        ("noted", None),
    ]
    assert runs[5].bold is True and runs[6].italic is True and runs[1].bold is None


def test_newlines_become_line_breaks(tmp_path: Path) -> None:
    doc = Document(
        [p(Style.ATTENDANCE, "Cllr A Okafor\nCllr J Pellow\r\nCllr D Raman")], signature=False
    )
    word = reopen(export_docx(doc, tmp_path / "n.docx"))
    para = word.paragraphs[0]
    assert len(word.paragraphs) == 1
    assert len(para._p.findall(f".//{qn('w:br')}")) == 2
    assert para.text == "Cllr A Okafor\nCllr J Pellow\nCllr D Raman"


def _resolution(n: int) -> list[Para | Table]:
    return [
        p(Style.DECISION, f"RESOLVED – That resolution {n}:"),
        p(Style.CLAUSE_NUMBER, f"first clause of {n};", restart=True),
        p(Style.CLAUSE_NUMBER, f"second clause of {n}; and"),
        p(Style.CLAUSE_NUMBER, f"third clause of {n}."),
    ]


def test_clause_lists_restart_for_each_resolution(tmp_path: Path) -> None:
    doc = Document([*_resolution(1), p(Style.BODY, "Between."), *_resolution(2)], signature=False)
    word = reopen(export_docx(doc, tmp_path / "c.docx"))
    clauses = [x for x in word.paragraphs if x.style.name == Style.CLAUSE_NUMBER.value]
    ids = [num_id(x) for x in clauses]
    assert None not in ids
    first, second = ids[0], ids[3]
    assert first != second
    assert ids[:3] == [first] * 3 and ids[3:] == [second] * 3
    assert start_override(word, first) == 1 and start_override(word, second) == 1
    # both lists are instances of the style's own abstract list
    style_num = word.styles[Style.CLAUSE_NUMBER.value].element.pPr.numPr.numId.val
    assert abstract_of(word, first) == abstract_of(word, second) == abstract_of(word, style_num)


def test_restart_without_a_break_between_lists(tmp_path: Path) -> None:
    doc = Document(
        [
            p(Style.POINT_LETTER, "one", restart=True),
            p(Style.POINT_LETTER, "two"),
            p(Style.POINT_LETTER, "again one", restart=True),
        ],
        signature=False,
    )
    word = reopen(export_docx(doc, tmp_path / "p.docx"))
    ids = [num_id(x) for x in word.paragraphs]
    assert ids[0] == ids[1] != ids[2]


def test_nested_roman_does_not_break_the_letter_list(tmp_path: Path) -> None:
    doc = Document(
        [
            p(Style.CLAUSE_LETTER, "(a)", restart=True),
            p(Style.CLAUSE_ROMAN, "(i)", restart=True),
            p(Style.CLAUSE_ROMAN, "(ii)"),
            p(Style.CLAUSE_LETTER, "(b)"),
        ],
        signature=False,
    )
    word = reopen(export_docx(doc, tmp_path / "n.docx"))
    ids = [num_id(x) for x in word.paragraphs]
    assert ids[0] == ids[3] and ids[1] == ids[2] and ids[0] != ids[1]


def test_list_without_restart_flag_still_starts_at_one(tmp_path: Path) -> None:
    doc = Document(
        [*_resolution(1)[1:], p(Style.BODY, "x"), p(Style.CLAUSE_NUMBER, "new")], signature=False
    )
    word = reopen(export_docx(doc, tmp_path / "s.docx"))
    ids = [num_id(x) for x in word.paragraphs if x.style.name == Style.CLAUSE_NUMBER.value]
    assert ids[0] != ids[-1]
    assert start_override(word, ids[-1]) == 1


def test_header_and_footer_carry_texts_and_page_fields(tmp_path: Path) -> None:
    word = reopen(export_docx(realistic_document(), tmp_path / "h.docx"))
    header, footer = word.sections[-1].header, word.sections[-1].footer
    assert "Harrowfield Borough Council · Community Services Committee" in header.paragraphs[0].text
    footer_text = footer.paragraphs[0].text
    assert footer_text.startswith("Community Services Committee minutes\tPage ")
    assert " of " in footer_text
    assert instructions(part_xml(word, "footer")) == ["PAGE", "NUMPAGES"]


def test_draft_marking_when_watermark_set(tmp_path: Path) -> None:
    word = reopen(export_docx(realistic_document(watermark="DRAFT"), tmp_path / "d.docx"))
    header = word.sections[-1].header
    assert "DRAFT" in header.paragraphs[0].text
    assert 'string="DRAFT"' in part_xml(word, "header")  # the diagonal watermark


def test_no_draft_marking_when_final(tmp_path: Path) -> None:
    doc = realistic_document(watermark="")
    doc.elements = [
        e for e in doc.elements if not (isinstance(e, Para) and e.style is Style.STATUS)
    ]
    word = reopen(export_docx(doc, tmp_path / "f.docx"))
    assert "DRAFT" not in part_xml(word, "header")
    assert all("DRAFT" not in x.text for x in word.paragraphs)


def test_generic_signature_block_added_when_missing(tmp_path: Path) -> None:
    doc = Document([p(Style.CLOSING, "The meeting ended at 9.05 pm.")], signature=True)
    word = reopen(export_docx(doc, tmp_path / "s.docx"))
    texts = [(x.style.name, x.text) for x in word.paragraphs]
    assert texts[0] == (Style.CLOSING.value, "The meeting ended at 9.05 pm.")
    assert [t for t in texts[1:]] == [
        (Style.SIGNATURE.value, "Signed\t\t Chair"),
        (Style.SIGNATURE.value, "Date\t\t"),
    ]


def test_no_signature_when_not_wanted(tmp_path: Path) -> None:
    doc = Document([p(Style.BODY, "Decision sheet")], signature=False)
    word = reopen(export_docx(doc, tmp_path / "n.docx"))
    assert [x.style.name for x in word.paragraphs] == [Style.BODY.value]


def test_document_signature_paragraphs_are_not_duplicated(tmp_path: Path) -> None:
    word = reopen(export_docx(realistic_document(), tmp_path / "x.docx"))
    assert sum(x.style.name == Style.SIGNATURE.value for x in word.paragraphs) == 2


def test_core_title_and_no_template_leftovers(tmp_path: Path) -> None:
    word = reopen(export_docx(realistic_document(), tmp_path / "t.docx"))
    assert word.core_properties.title == "Community Services Committee – 3 March 2026"
    assert word.core_properties.author != "python-docx"
    assert word.paragraphs[0].text == "Harrowfield Borough Council"


def test_template_body_is_replaced(tmp_path: Path) -> None:
    import docx

    from clerk_app.export import default_template

    template = tmp_path / "with-body.docx"
    word = docx.Document(str(default_template()))
    word.add_paragraph("Template sample text that must not appear")
    word.sections[0].header.paragraphs[0].text = "Harrowfield crest"
    word.save(str(template))
    out = reopen(
        export_docx(
            Document([p(Style.BODY, "Only me")], signature=False), tmp_path / "o.docx", template
        )
    )
    assert [x.text for x in out.paragraphs] == ["Only me"]
    header_texts = [x.text for x in out.sections[-1].header.paragraphs]
    assert header_texts[0] == "Harrowfield crest"  # the council's letterhead is kept


@pytest.mark.parametrize("version_mark", ["DRAFT", "Draft for checking"])
def test_watermark_word_is_shown_in_capitals(tmp_path: Path, version_mark: str) -> None:
    word = reopen(export_docx(realistic_document(watermark=version_mark), tmp_path / "w.docx"))
    assert version_mark.upper() in word.sections[-1].header.paragraphs[0].text


def test_label_on_a_style_without_hanging_indent_hangs_in_the_number_column(
    tmp_path: Path,
) -> None:
    doc = Document(
        [
            p(Style.MOTION, "It was moved by Councillor Raman and", label="42.4"),
            p(Style.NUMBERED_BODY, "Already hanging.", label="42.5"),
            p(Style.MOTION, "No label."),
        ],
        signature=False,
    )
    word = reopen(export_docx(doc, tmp_path / "h.docx"))
    motion, numbered, plain = word.paragraphs
    column = word.styles[Style.MOTION.value].paragraph_format.left_indent
    assert column and column > 0
    assert motion.text == "42.4\tIt was moved by Councillor Raman and"
    assert motion.paragraph_format.first_line_indent == -column
    assert numbered.paragraph_format.first_line_indent is None  # the style does it
    assert plain.paragraph_format.first_line_indent is None


def test_column_widths_fit_words_and_fill_the_width() -> None:
    from docx.shared import Cm

    from clerk_app.export.tables import column_widths

    usable = int(Cm(14))
    grid = [
        ["Vote", "Members", "Count"],
        ["For", "Councillor Brennan, Councillor Mrs Ellison, Councillor Fairweather " * 2, "6"],
        ["Abstained", "Councillor Russell", "1"],
    ]
    widths = column_widths(grid, 3, usable)
    assert abs(sum(widths) - usable) < 10
    assert widths[1] > widths[0] > widths[2] * 0.9
    assert widths[2] >= int(Cm(0.24) * 5 + Cm(0.5))  # "Count" on one line
    assert widths[0] >= int(Cm(0.24) * 9 + Cm(0.5))  # "Abstained" unbroken
    short = column_widths([["Councillor", "Vote"], ["Jon Pellow", "For"]], 2, usable)
    assert abs(sum(short) - usable) < 10 and short[0] > short[1]
    squeezed = column_widths([["x" * 40] * 5], 5, int(Cm(5)))
    assert abs(sum(squeezed) - int(Cm(5))) < 10


def test_table_header_is_shaded(tmp_path: Path) -> None:
    word = reopen(export_docx(every_style_document(), tmp_path / "s.docx"))
    header_cell = word.tables[0].rows[0].cells[0]._tc
    body_cell = word.tables[0].rows[1].cells[0]._tc
    assert header_cell.tcPr.find(qn("w:shd")) is not None
    assert body_cell.tcPr is None or body_cell.tcPr.find(qn("w:shd")) is None


def test_body_never_ends_in_a_table_or_is_empty(tmp_path: Path) -> None:
    ends_in_table = Document([Table(header=["A"], rows=[["1"]])], signature=False)
    word = reopen(export_docx(ends_in_table, tmp_path / "t.docx"))
    last = [el for el in word.element.body if el.tag != qn("w:sectPr")][-1]
    assert last.tag == qn("w:p")
    empty = reopen(export_docx(Document(signature=False), tmp_path / "e.docx"))
    assert len(empty.paragraphs) == 1


def test_first_page_header_is_marked_too(tmp_path: Path) -> None:
    import docx

    from clerk_app.export import default_template

    template = tmp_path / "first-page.docx"
    word = docx.Document(str(default_template()))
    word.sections[0].different_first_page_header_footer = True
    word.save(str(template))
    out = reopen(export_docx(realistic_document(), tmp_path / "f.docx", template))
    section = out.sections[-1]
    for header in (section.header, section.first_page_header):
        assert "DRAFT" in header.paragraphs[-1].text
    for footer in (section.footer, section.first_page_footer):
        assert instructions(footer._element.xml) == ["PAGE", "NUMPAGES"]
    ids = {section.header._element.xml.count("ClerkWatermark0")}
    assert ids == {1} and "ClerkWatermark1" in section.first_page_header._element.xml


def test_list_style_without_numbering_in_a_council_template(tmp_path: Path) -> None:
    import docx

    from clerk_app.export import default_template

    template = tmp_path / "plain-lists.docx"
    word = docx.Document(str(default_template()))
    ppr = word.styles[Style.CLAUSE_NUMBER.value].element.pPr
    ppr.remove(ppr.numPr)
    word.save(str(template))
    doc = Document(_resolution(1), signature=False)
    out = reopen(export_docx(doc, tmp_path / "p.docx", template))
    assert [num_id(x) for x in out.paragraphs[1:]] == [None, None, None]
    assert out.paragraphs[1].text == "first clause of 1;"


def test_a_short_column_is_set_on_one_line_before_long_ones_share_the_rest() -> None:
    from docx.shared import Cm

    from clerk_app.export.tables import CHAR, PADDING, column_widths

    grid = [
        ["Name", "Role", "Initials", "Part meeting"],
        [
            "Dana Whitfield",
            "Independent Non-executive Director, Chair of the Audit and Risk Committee",
            "DW",
            "Left 9.05 pm, item 7",
        ],
    ]
    usable = int(Cm(16))
    widths = column_widths(grid, 4, usable, frozenset({0, 2}))
    assert sum(widths) <= usable and usable - sum(widths) < 10
    assert widths[3] >= int(len("Left 9.05 pm, item 7") * CHAR + PADDING)  # one line
    assert widths[1] >= 0.25 * usable  # the long role wraps in the room that is left
    narrow = column_widths(grid, 4, int(Cm(11)), frozenset({0, 2}))
    assert narrow[1] >= 0.25 * int(Cm(11))  # a narrow page: the role keeps its share
