"""Build Clerk's default house-style template (``resources/house-style.docx``).

The template holds every paragraph and character style the exporter writes, so a
council can restyle its minutes by editing the styles in Word. Run::

    python -m clerk_app.export.template_builder resources/house-style.docx

Layout: A4, Arial 11 pt, a 2 cm left column for minute and paragraph numbers (the
text of every item aligns at 2 cm), lists as real Word numbering attached to styles.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle

from clerk_app.domain.document import CharStyle, Style, TableStyle

FONT = "Arial"
BODY_PT = 11
COLUMN = Cm(2.0)  # the hanging column for minute numbers, 53.1 and times
LIST_HANG = Cm(0.9)  # width of a list label: "(iii)", "12."
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Cm(2.5), Cm(2.3), Cm(2.0)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
SIGNATURE_LINE = Cm(10.0)


@dataclass(frozen=True)
class ListFormat:
    """One single-level Word list: number format, label text and indents."""

    num_fmt: str  # decimal, lowerLetter, lowerRoman, bullet
    text: str  # "%1.", "(%1)", "•"
    left: int  # EMU
    hanging: int  # EMU


LISTS: dict[Style, ListFormat] = {
    Style.POINT_BULLET: ListFormat("bullet", "•", COLUMN + Cm(0.6), Cm(0.6)),
    Style.POINT_LETTER: ListFormat("lowerLetter", "(%1)", COLUMN + LIST_HANG, LIST_HANG),
    Style.POINT_NUMBER: ListFormat("decimal", "%1.", COLUMN + LIST_HANG, LIST_HANG),
    Style.CLAUSE_NUMBER: ListFormat("decimal", "%1.", COLUMN + LIST_HANG, LIST_HANG),
    Style.CLAUSE_LETTER: ListFormat("lowerLetter", "(%1)", COLUMN + LIST_HANG, LIST_HANG),
    Style.CLAUSE_ROMAN: ListFormat("lowerRoman", "(%1)", COLUMN + LIST_HANG, LIST_HANG),
}


@dataclass(frozen=True)
class ParaSpec:
    """How one paragraph style looks; ``None`` leaves a setting to Normal."""

    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    left: int | None = None
    hanging: int | None = None
    before: float | None = None
    after: float | None = None
    keep_next: bool = False
    outline: int | None = None
    colour: str | None = None


SPECS: dict[Style, ParaSpec] = {
    Style.TITLE: ParaSpec(size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4),
    Style.SUBTITLE: ParaSpec(size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=10),
    Style.STATUS: ParaSpec(bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12, colour="9C0006"),
    Style.ATTENDANCE_HEADING: ParaSpec(bold=True, before=6, after=2, keep_next=True),
    Style.ATTENDANCE: ParaSpec(left=COLUMN, after=2),
    Style.PART_HEADING: ParaSpec(
        size=12,
        bold=True,
        caps=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        before=18,
        after=12,
        keep_next=True,
        outline=0,
    ),
    Style.ITEM_HEADING: ParaSpec(
        bold=True,
        caps=True,
        left=COLUMN,
        hanging=COLUMN,
        before=14,
        after=6,
        keep_next=True,
        outline=0,
    ),
    Style.SECTION_HEADING: ParaSpec(
        bold=True, caps=True, size=12, before=18, after=6, keep_next=True, outline=0
    ),
    Style.SUB_HEADING: ParaSpec(
        bold=True, left=COLUMN, hanging=Cm(0.9), before=8, after=4, keep_next=True, outline=1
    ),
    Style.PURPOSE: ParaSpec(italic=True, left=COLUMN, after=6, keep_next=True),
    Style.BODY: ParaSpec(left=COLUMN, after=6),
    Style.NUMBERED_BODY: ParaSpec(left=COLUMN, hanging=COLUMN, after=6),
    Style.TIME_LINE: ParaSpec(italic=True, left=COLUMN + Cm(1.9), hanging=Cm(1.9), after=6),
    Style.DECLARATION: ParaSpec(left=COLUMN, after=6),
    Style.MOTION: ParaSpec(left=COLUMN, before=6, after=6, keep_next=True),
    Style.DECISION: ParaSpec(left=COLUMN, before=10, after=6, keep_next=True),
    Style.VOTE: ParaSpec(left=COLUMN, before=4, after=6),
    Style.ACTION: ParaSpec(bold=True, left=COLUMN, before=4, after=6),
    Style.NOTE: ParaSpec(italic=True, left=COLUMN, after=6),
    Style.EXEMPT_NOTICE: ParaSpec(bold=True, left=COLUMN, before=6, after=6, colour="9C0006"),
    Style.CLOSING: ParaSpec(before=18, after=6),
    Style.SIGNATURE: ParaSpec(before=24, after=0, keep_next=True),
    Style.TABLE: ParaSpec(size=10, before=2, after=2),
}
for _style, _fmt in LISTS.items():
    SPECS[_style] = ParaSpec(left=_fmt.left, hanging=_fmt.hanging, after=4)

CHAR_SPECS: dict[CharStyle, dict[str, object]] = {
    CharStyle.KEYWORD: {"bold": True, "all_caps": True},
    CharStyle.INSERTED: {"bold": True},
    CharStyle.DELETED: {"strike": True},
    CharStyle.EXEMPT: {"colour": "9C0006"},
}


_PPR_AFTER_PBDR_NAMES = (
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_AFTER_PBDR = tuple(f"w:{n}" for n in _PPR_AFTER_PBDR_NAMES)


def _twips(emu: int) -> int:
    return round(emu / 635)


def _set_fonts(rpr_parent: object, font: str) -> None:
    """Point every font slot (Latin, East Asian, complex script) at ``font``."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), font)


def _defaults(document: docx.document.Document) -> None:
    styles_el = document.styles.element
    rpr = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")

    normal = document.styles["Normal"]
    _set_fonts(normal.element, FONT)
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.1
    fmt.widow_control = True

    for name, side in (("Header", "bottom"), ("Footer", "top")):
        style = document.styles[name]
        style.font.size = Pt(9)
        style.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
        tabs = style.paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(TEXT_WIDTH // 2, WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        # a hairline between the running header / footer and the text
        rule = parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="4" w:space="4" '
            'w:color="A6A6A6"/></w:pBdr>'
        )
        ppr = style.element.get_or_add_pPr()
        ppr.insert_element_before(rule, *_AFTER_PBDR)


def _page(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance = section.footer_distance = Cm(1.1)


def _paragraph_style(document: docx.document.Document, style: Style, spec: ParaSpec) -> None:
    st = document.styles.add_style(style.value, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(st, ParagraphStyle)
    st.base_style = document.styles["Normal"]
    st.next_paragraph_style = st
    st.quick_style = True
    font = st.font
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.caps is not None:
        font.all_caps = spec.caps
    if spec.colour:
        font.color.rgb = RGBColor.from_string(spec.colour)
    fmt = st.paragraph_format
    if spec.align is not None:
        fmt.alignment = spec.align
    if spec.left is not None:
        fmt.left_indent = spec.left
    if spec.hanging is not None:
        fmt.first_line_indent = -spec.hanging
        fmt.tab_stops.add_tab_stop(spec.left or spec.hanging)
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.outline is not None:
        st.element.get_or_add_pPr().get_or_add_outlineLvl().val = spec.outline
    if style is Style.SIGNATURE:
        fmt.tab_stops.add_tab_stop(Cm(1.6))
        fmt.tab_stops.add_tab_stop(SIGNATURE_LINE, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)


def _character_style(document: docx.document.Document, style: CharStyle) -> None:
    st = document.styles.add_style(style.value, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(st, CharacterStyle)
    st.quick_style = True
    spec = CHAR_SPECS[style]
    font = st.font
    font.bold = bool(spec.get("bold")) or None
    font.all_caps = bool(spec.get("all_caps")) or None
    font.strike = bool(spec.get("strike")) or None
    if spec.get("colour"):
        font.color.rgb = RGBColor.from_string(str(spec["colour"]))


def _table_styles(document: docx.document.Document) -> None:
    """The schedule table (payments, balances, grants): ruled rows without vertical lines,
    a heading row with a heavier rule, 10 pt text, on Word's Table Grid."""
    grid = document.styles["Table Grid"].style_id
    rule = '<w:{0} w:val="single" w:sz="{1}" w:space="0" w:color="{2}"/>'
    borders = "".join(
        rule.format(side, size, colour)
        for side, size, colour in (
            ("top", 8, "595959"),
            ("left", 0, "auto"),
            ("bottom", 8, "595959"),
            ("right", 0, "auto"),
            ("insideH", 4, "A6A6A6"),
            ("insideV", 0, "auto"),
        )
    ).replace('w:val="single" w:sz="0"', 'w:val="nil" w:sz="0"')
    style = parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" '
        f'w:styleId="ClerkScheduleTable"><w:name w:val="{TableStyle.SCHEDULE.value}"/>'
        f'<w:basedOn w:val="{grid}"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
        f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="595959"/>'
        "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>"
    )
    document.styles.element.append(style)


def _lists(document: docx.document.Document) -> None:
    """Add one abstract list per list style and attach it to the style."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    next_abstract = max(abstract_ids, default=-1) + 1
    first_num = numbering.find(qn("w:num"))
    for offset, (style, fmt) in enumerate(LISTS.items()):
        abstract_id = next_abstract + offset
        style_id = document.styles[style.value].style_id
        run_props = f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr>'
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:nsid w:val="{0x434C4500 + abstract_id:08X}"/>'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:name w:val="{style.value} list"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt.num_fmt}"/><w:pStyle w:val="{style_id}"/>'
            f'<w:lvlText w:val="{fmt.text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{_twips(fmt.left)}"/></w:tabs>'
            f'<w:ind w:left="{_twips(fmt.left)}" w:hanging="{_twips(fmt.hanging)}"/></w:pPr>'
            f"{run_props}</w:lvl></w:abstractNum>"
        )
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = numbering.add_num(abstract_id)
        num_pr = document.styles[style.value].element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = num.numId


def _clean_package(document: docx.document.Document) -> None:
    """Drop python-docx's sample thumbnail and authoring metadata."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[rel_id]
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.title = "Clerk house style"
    props.subject = "Minutes"
    props.keywords = ""


def build_template(path: str | Path) -> Path:
    """Write the default house-style template to ``path`` and return it."""
    document = docx.Document()
    for paragraph in list(document.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    _defaults(document)
    _page(document)
    for style, spec in SPECS.items():
        _paragraph_style(document, style, spec)
    for char_style in CharStyle:
        _character_style(document, char_style)
    _table_styles(document)
    _lists(document)
    _clean_package(document)
    target = Path(path)
    document.save(str(target))
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m clerk_app.export.template_builder OUT.docx", file=sys.stderr)
        return 2
    print(build_template(args[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
