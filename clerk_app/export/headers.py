"""Running header and footer: body and date, DRAFT marking, "Page X of Y"."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from xml.sax.saxutils import quoteattr

from docx.document import Document as WordDocument
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.section import _Footer, _Header
from docx.shared import Cm, RGBColor
from docx.text.paragraph import Paragraph

from clerk_app.export.text import clean_text

DRAFT_COLOUR = RGBColor(0x9C, 0x00, 0x06)

_VML_NS = (
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    f"{nsdecls('w')}"
)

# Word's own text watermark: a WordArt shape behind the text, centred on the page.
_WATERMARK = (
    "<w:r {ns}><w:rPr><w:noProof/></w:rPr><w:pict>"
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/>'
    '<v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>'
    '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="ClerkWatermark{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:{width}pt;height:110pt;'
    "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d9d9d9" '
    'stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string={text}/>'
    "</v:shape></w:pict></w:r>"
)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) as begin / instruction / result / end."""
    p = paragraph._p
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText>'
            "</w:r>"
        )
    )
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    paragraph.add_run(placeholder)
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def _parts(document: WordDocument) -> Iterator[tuple[_Header, _Footer]]:
    even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        yield section.header, section.footer
        if section.different_first_page_header_footer:
            yield section.first_page_header, section.first_page_footer
        if even:
            yield section.even_page_header, section.even_page_footer


def _fresh_paragraph(part: _Header | _Footer, style: str) -> Paragraph:
    """The part's sole empty paragraph if it has one, else a new one at the end."""
    part.is_linked_to_previous = False
    paragraphs = part.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs:
        paragraph = paragraphs[0]
    else:
        paragraph = part.add_paragraph()
    with contextlib.suppress(KeyError):  # a council template may lack Header / Footer
        paragraph.style = style
    return paragraph


def _one_right_tab(paragraph: Paragraph, width: int) -> None:
    """Clear the style's tab stops on this paragraph and set one right-aligned stop at
    the right margin, so a single tab always reaches it however long the text is."""
    tabs = paragraph.paragraph_format.tab_stops
    style = paragraph.style
    while style is not None:
        for stop in style.paragraph_format.tab_stops:
            tabs.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        style = style.base_style
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


def write_header_footer(
    document: WordDocument, header_text: str, footer_text: str, watermark: str
) -> None:
    """Header: ``header_text`` left, the watermark word (DRAFT) right in bold red, and
    a faint diagonal watermark behind the page. Footer: ``footer_text`` left and
    "Page X of Y" right."""
    header_text, footer_text = clean_text(header_text), clean_text(footer_text)
    mark = clean_text(watermark).strip()
    section = document.sections[-1]
    page_width = section.page_width or Cm(21)
    text_width = page_width - (section.left_margin or 0) - (section.right_margin or 0)
    width_pt = round(page_width.pt * 0.62)
    for index, (header, footer) in enumerate(_parts(document)):
        head = _fresh_paragraph(header, "Header")
        _one_right_tab(head, text_width)
        head.add_run(header_text)
        if mark:
            head.add_run("\t")
            flag = head.add_run(mark.upper())
            flag.bold = True
            flag.font.color.rgb = DRAFT_COLOUR
            head._p.append(
                parse_xml(
                    _WATERMARK.format(
                        ns=_VML_NS,
                        n=index,
                        spid=2049 + index,
                        width=width_pt,
                        text=quoteattr(mark.upper()),
                    )
                )
            )
        foot = _fresh_paragraph(footer, "Footer")
        _one_right_tab(foot, text_width)
        if footer_text:
            foot.add_run(footer_text)
        foot.add_run("\tPage ")
        add_field(foot, "PAGE")
        foot.add_run(" of ")
        add_field(foot, "NUMPAGES")
