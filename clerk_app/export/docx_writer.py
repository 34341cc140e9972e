"""Write a rendered :class:`~clerk_app.domain.document.Document` into a Word file.

The house-style template supplies every style, the page set-up and any letterhead in
its header; its body is discarded and replaced paragraph by paragraph.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from clerk_app.domain.document import (
    CharStyle,
    Columns,
    Document,
    Para,
    Run,
    Style,
    Table,
    TableStyle,
)
from clerk_app.export.atomic import write_atomic
from clerk_app.export.headers import write_header_footer
from clerk_app.export.numbering import LIST_STYLES, ListNumbering
from clerk_app.export.tables import column_widths
from clerk_app.export.template import default_template, open_template, require_styles
from clerk_app.export.text import clean_text

TABLE_STYLE = "Table Grid"
_CELL_MARGIN = 68580  # Word's default left and right cell margins (0.075 in), in EMU
_W_NS = nsdecls("w")
_PIECES = re.compile(r"(\t|\n)")
_TABS = re.compile(r"\t+ ?")


def _run_xml(text: str, rpr: str) -> str:
    """A w:r with its properties; tabs and newlines become w:tab and w:br as in
    python-docx's own ``add_run``."""
    inner = []
    for piece in _PIECES.split(text):
        if piece == "\t":
            inner.append("<w:tab/>")
        elif piece == "\n":
            inner.append("<w:br/>")
        elif piece:
            inner.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{props}{''.join(inner)}</w:r>"


_BORDERS = (
    f"<w:tblBorders {nsdecls('w')}>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
# a paragraph of no height: the first of a bilingual section's cells above a heading
_NO_HEIGHT = (
    f"<w:pPr {nsdecls('w')}>"
    '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>'
)
_HEADER_SHADE = f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
GENERIC_SIGNATURE = (
    Para(Style.SIGNATURE, [Run("Signed\t\t Chair")]),
    Para(Style.SIGNATURE, [Run("Date\t\t")]),
)


_TBL_PR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
)


def _set_tbl_pr(word_table: WordTable, element: object) -> None:
    """Put ``element`` into the table properties in the order the schema requires."""
    tbl_pr = word_table._tbl.tblPr
    name = element.tag.split("}")[1]  # type: ignore[attr-defined]
    existing = tbl_pr.find(qn(f"w:{name}"))
    if existing is not None:
        tbl_pr.remove(existing)
    later = {qn(f"w:{n}") for n in _TBL_PR_ORDER[_TBL_PR_ORDER.index(name) + 1 :]}
    for child in tbl_pr:
        if child.tag in later:
            child.addprevious(element)
            return
    tbl_pr.append(element)


class _Writer:
    def __init__(self, word: WordDocument) -> None:
        self.word = word
        self.lists = ListNumbering(word)
        self._para_styles: dict[Style, ParagraphStyle] = {}
        self._char_styles: dict[CharStyle, CharacterStyle] = {}
        self._hang: dict[Style, int] = {}

    def para_style(self, style: Style) -> ParagraphStyle:
        if style not in self._para_styles:
            found = self.word.styles[style.value]
            assert isinstance(found, ParagraphStyle)
            self._para_styles[style] = found
        return self._para_styles[style]

    def char_style(self, style: CharStyle) -> CharacterStyle:
        if style not in self._char_styles:
            found = self.word.styles[style.value]
            assert isinstance(found, CharacterStyle)
            self._char_styles[style] = found
        return self._char_styles[style]

    def label_hang(self, style: Style) -> int:
        """How far to hang a label out of a style that does not hang its first line:
        the style's left indent, so "53.4" sits in the number column like 53.1 does.
        Zero when the style already hangs (or has no indent to hang into)."""
        if style not in self._hang:
            left = first = None
            current: ParagraphStyle | None = self.para_style(style)
            while current is not None and (left is None or first is None):
                fmt = current.paragraph_format
                left = fmt.left_indent if left is None else left
                first = fmt.first_line_indent if first is None else first
                base = current.base_style
                current = base if isinstance(base, ParagraphStyle) else None
            self._hang[style] = int(left or 0) if (first or 0) >= 0 else 0
        return self._hang[style]

    def add_paragraph(self, style: Style) -> DocxParagraph:
        """A new body paragraph in ``style``. The style id is set directly: python-docx's
        own style lookup scans every style in the template for each paragraph."""
        p = self.word.add_paragraph()
        p._p.style = self.para_style(style).style_id
        return p

    def clear_body(self) -> None:
        body = self.word.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def paragraph(self, para: Para, cell: _Cell | None = None) -> None:
        """Write one paragraph (at the end of the body, or of a table ``cell``). The XML
        is built as text and parsed once: python-docx's element-by-element API costs
        several times more for a long meeting."""
        ppr = [f'<w:pStyle w:val="{self.para_style(para.style).style_id}"/>']
        if para.keep_next:
            ppr.append("<w:keepNext/>")
        if para.page_break:
            ppr.append("<w:pageBreakBefore/>")
        if para.style in LIST_STYLES:
            ids = self.lists.ids_for(para.style, para.restart)
            if ids is not None:
                ppr.append(
                    f'<w:numPr><w:ilvl w:val="{ids[0]}"/><w:numId w:val="{ids[1]}"/></w:numPr>'
                )
        else:
            self.lists.end_lists()
        runs: list[str] = []
        label = clean_text(para.label)
        if label:
            runs.append(_run_xml(label + "\t", ""))
            hang = self.label_hang(para.style)
            if hang:
                ppr.append(f'<w:ind w:hanging="{round(hang / 635)}"/>')
        for run in para.runs:
            text = clean_text(run.text)
            if not text:
                continue
            rpr = ""
            if run.style is not None:
                rpr += f'<w:rStyle w:val="{self.char_style(run.style).style_id}"/>'
            if run.bold:
                rpr += "<w:b/>"
            if run.italic:
                rpr += "<w:i/>"
            if run.caps is not None:  # a house style's capitals turned off or on
                rpr += "<w:caps/>" if run.caps else '<w:caps w:val="0"/>'
            runs.append(_run_xml(text, rpr))
        xml = f"<w:p {_W_NS}><w:pPr>{''.join(ppr)}</w:pPr>{''.join(runs)}</w:p>"
        if cell is None:
            self._body_end().addprevious(parse_xml(xml))
        else:
            cell._tc.append(parse_xml(xml))

    def _body_end(self):  # type: ignore[no-untyped-def]
        """The body's section properties: new paragraphs go just before them."""
        body = self.word.element.body
        sect = body.sectPr
        if sect is None:
            sect = body._add_sectPr()
        return sect

    def table(self, table: Table, cell: _Cell | None = None) -> None:
        self.lists.end_lists()
        columns = len(table.header) or max((len(row) for row in table.rows), default=0)
        if columns == 0:
            return
        if table.caption:
            caption = cell.add_paragraph() if cell is not None else self.add_paragraph(Style.BODY)
            caption._p.style = self.para_style(Style.BODY).style_id
            caption.add_run(clean_text(table.caption)).bold = True
            caption.paragraph_format.keep_with_next = True
        if cell is not None:
            word_table = cell.add_table(rows=0, cols=columns)
        else:
            word_table = self.word.add_table(rows=0, cols=columns)
        self._table_look(word_table, table.style)
        cell_style = self.para_style(Style.TABLE).style_id
        grid = ([list(table.header)] if table.header else []) + [list(r) for r in table.rows]
        right = set(table.right)
        for index, values in enumerate(grid):
            is_header = index == 0 and bool(table.header)
            is_total = table.total and index == len(grid) - 1 and not is_header
            row = word_table.add_row()
            properties = row._tr.get_or_add_trPr()
            # a row is not broken across pages (an action or a vote read across two is
            # easily misread); cantSplit comes before tblHeader in a row's properties
            properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
            if is_header:
                properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
            cells = row.cells
            for col in range(columns):
                text = values[col] if col < len(values) else ""
                cell_para = cells[col].paragraphs[0]
                cell_para._p.style = cell_style
                run = cell_para.add_run(clean_text(str(text)))
                if col in right:
                    cell_para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if is_total:
                    run.bold = True
                if is_header:
                    run.bold = True
                    cell_para.paragraph_format.keep_with_next = True
                    cells[col]._tc.get_or_add_tcPr().append(parse_xml(_HEADER_SHADE))
        whole = frozenset(table.whole)
        self._widths(word_table, grid, columns, cell is not None, whole, bool(table.header))

    def columns(self, section: Columns) -> None:
        """A section of bilingual minutes: one row of two cells, each language's
        paragraphs (and tables) in its own cell."""
        self.lists.end_lists()
        word_table = self.word.add_table(rows=1, cols=2)
        self._table_look(word_table)
        # a long section breaks across pages rather than leaving the page before half
        # empty: the row may split, and no cell's last paragraph is kept with the next
        # section. A heading at the top of a cell stays kept with its first lines, below
        # a blank line of no height: LibreOffice keeps a whole table with what follows
        # when its first paragraph is kept with the next, chaining every section
        word_table.rows[0]._tr.get_or_add_trPr().append(
            parse_xml(f'<w:cantSplit {nsdecls("w")} w:val="0"/>')
        )
        for cell, elements in zip(
            word_table.rows[0].cells, (section.left, section.right), strict=True
        ):
            empty = cell.paragraphs[0]._p
            for element in elements:
                if isinstance(element, Para) and element.style is Style.SIGNATURE:
                    self.paragraph(_signature_in_cell(element), cell)
                elif isinstance(element, Para):
                    self.paragraph(element, cell)
                else:
                    self.table(element, cell)
            self.lists.end_lists()
            first = elements[0] if elements else None
            if isinstance(first, Para) and self._kept_with_next(first.style):
                empty.append(parse_xml(_NO_HEIGHT))
            elif len(cell._tc.xpath("./w:p | ./w:tbl")) > 1:
                cell._tc.remove(empty)
            if cell.paragraphs:
                cell.paragraphs[-1].paragraph_format.keep_with_next = False
        # the full width of the text: the two languages line up under the page header
        indent = word_table._tbl.tblPr.find(qn("w:tblInd"))
        if indent is not None:
            word_table._tbl.tblPr.remove(indent)
        width = self._usable(indent=False)
        if width > 0:
            word_table.autofit = False
            for column in word_table.columns:
                column.width = width // 2
                for cell in column.cells:
                    cell.width = width // 2

    def _kept_with_next(self, style: Style) -> bool:
        current: ParagraphStyle | None = self.para_style(style)
        while current is not None:
            keep = current.paragraph_format.keep_with_next
            if keep is not None:
                return bool(keep)
            base = current.base_style
            current = base if isinstance(base, ParagraphStyle) else None
        return False

    def _usable(self, indent: bool = True) -> int:
        """The width of the text on the page, beside the number column unless not
        ``indent``."""
        section = self.word.sections[-1]
        left = self.para_style(Style.BODY).paragraph_format.left_indent or 0 if indent else 0
        usable = (section.page_width or 0) - (section.left_margin or 0)
        return int(usable - (section.right_margin or 0) - left)

    def _table_look(self, word_table: WordTable, style: TableStyle | None = None) -> None:
        """The house style's own table style where it has one (a council's template may
        not), else Word's Table Grid, else ruled borders drawn on the table."""
        names = [style.value] if style is not None else []
        for name in [*names, TABLE_STYLE]:
            try:
                word_table.style = self.word.styles[name]
                break
            except KeyError:
                continue
        else:
            _set_tbl_pr(word_table, parse_xml(_BORDERS))
        indent = self.para_style(Style.BODY).paragraph_format.left_indent or 0
        if indent:
            twips = round(indent / 635)
            _set_tbl_pr(
                word_table, parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{twips}" w:type="dxa"/>')
            )

    def _widths(
        self,
        word_table: WordTable,
        grid: list[list[str]],
        columns: int,
        in_cell: bool = False,
        whole: frozenset[int] = frozenset(),
        header: bool = False,
    ) -> None:
        """Fit the columns to their text across the width beside the number column (or
        across that width in a cell of a bilingual section, less the cell's margins)."""
        usable = self._usable()
        if in_cell:
            indent = self.para_style(Style.BODY).paragraph_format.left_indent or 0
            usable = self._usable(indent=False) // 2 - indent - 2 * _CELL_MARGIN
        if usable <= 0:
            return
        word_table.autofit = False
        for col, width in enumerate(column_widths(grid, columns, usable, whole, header)):
            word_table.columns[col].width = width
            for cell in word_table.columns[col].cells:
                cell.width = width

    def close_body(self) -> None:
        """Word wants the body to end in a paragraph, not a table, and not be empty."""
        blocks = [el for el in self.word.element.body if el.tag != qn("w:sectPr")]
        if not blocks or blocks[-1].tag == qn("w:tbl"):
            self.add_paragraph(Style.BODY)

    def signature(self, document: Document) -> None:
        has_signature = any(
            isinstance(el, Para) and el.style is Style.SIGNATURE for el in document.elements
        )
        if document.signature and not has_signature:
            for para in GENERIC_SIGNATURE:
                self.paragraph(para)

    def properties(self, document: Document) -> None:
        props = self.word.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.title = clean_text(document.title)
        props.subject = "Minutes"
        props.comments = ""
        props.keywords = ""
        props.created = now
        props.modified = now
        props.revision = 1


def _signature_in_cell(para: Para) -> Para:
    """A signature line in half the page's width: dots in place of the style's tab
    stops, which are set for the full width and would run into the next column."""
    runs = [replace(r, text=_TABS.sub(" " + "." * 30 + " ", r.text)) for r in para.runs]
    return replace(para, runs=runs)


def fill(word: WordDocument, document: Document) -> None:
    """Replace the template's body with ``document``; headers, footers and metadata too."""
    writer = _Writer(word)
    writer.clear_body()
    for section in document.columns:
        writer.columns(section)
    for element in [] if document.columns else document.elements:
        if isinstance(element, Para):
            writer.paragraph(element)
        else:
            writer.table(element)
    writer.signature(document)
    writer.close_body()
    write_header_footer(word, document.header_text, document.footer_text, document.watermark)
    writer.properties(document)


def export_docx(
    document: Document, path: str | os.PathLike[str], template: str | os.PathLike[str] | None = None
) -> Path:
    """Write ``document`` as a Word file at ``path`` in the house style of ``template``
    (Clerk's own ``resources/house-style.docx`` when ``None``) and return the path.

    Raises :class:`TemplateError` for a missing, damaged or incomplete template and
    :class:`ExportError` when the file cannot be written; an existing file at ``path``
    is only replaced once the new one is complete."""
    template_path = Path(template) if template is not None else default_template()
    word = open_template(template_path)
    require_styles(word, template_path)
    fill(word, document)
    return write_atomic(path, lambda temp: word.save(str(temp)))
