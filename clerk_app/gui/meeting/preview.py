"""The rendered wording (Para / Table from the services) as Qt rich text for the preview.

The services render a block exactly as the export will print it; here the paragraphs
become HTML for a QLabel. List paragraphs carry no label (Word numbers them), so the
preview numbers them itself the way Word will (``clerk_app.domain.lists``).
Colours come from the palette: nothing here names a colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clerk_app.domain.document import CharStyle, Para, Style, Table
from clerk_app.domain.lists import ListLabels, list_kind
from clerk_app.gui.markup import escape

_BOLD_STYLES = {Style.ITEM_HEADING, Style.ATTENDANCE_HEADING, Style.PART_HEADING, Style.TITLE}
_ITALIC_STYLES = {Style.NOTE, Style.EXEMPT_NOTICE, Style.PURPOSE}


def runs_html(para: Para, tab: str = "\t") -> str:
    """A paragraph's runs as HTML: keywords and inserted words bold, deleted words struck
    through. Shared by the meeting preview and the chair's review window."""
    parts: list[str] = []
    for run in para.runs:
        text = escape(run.text).replace("\t", tab).replace("\n", "<br>")
        if run.bold or run.style in (CharStyle.KEYWORD, CharStyle.INSERTED):
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.style is CharStyle.DELETED:
            text = f"<s>{text}</s>"
        parts.append(text)
    return "".join(parts)


def _table_html(table: Table) -> str:
    rows = ["<table border='1' cellspacing='0' cellpadding='3'>"]
    if table.caption:
        rows.append(f"<caption>{escape(table.caption)}</caption>")
    rows.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.header) + "</tr>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    rows.append("</table>")
    return "".join(rows)


def to_html(elements: Iterable[Any]) -> str:
    """Rich text for a block's rendered paragraphs and tables."""
    out: list[str] = []
    numbering = ListLabels()
    for el in elements:
        if isinstance(el, Table):
            numbering.end_lists()
            out.append(_table_html(el))
            continue
        if not isinstance(el, Para):
            continue
        label = numbering.label(el)
        body = runs_html(el)
        if el.style in _BOLD_STYLES:
            body = f"<b>{body}</b>"
        if el.style in _ITALIC_STYLES:
            body = f"<i>{body}</i>"
        if list_kind(el.style):
            out.append(
                "<table cellspacing='0' cellpadding='0' style='margin-left:18px'><tr>"
                f"<td width='30'>{escape(label)}</td><td>{body}</td></tr></table>"
            )
            continue
        label = f"{escape(label)}&nbsp;&nbsp;" if label else ""
        out.append(f"<p style='margin:0 0 4px 0'>{label}{body}</p>")
    return "".join(out)


def to_plain(elements: Iterable[Any]) -> str:
    """The same wording as plain text (accessible description, tests)."""
    lines: list[str] = []
    numbering = ListLabels()
    for el in elements:
        if isinstance(el, Table):
            numbering.end_lists()
            lines.extend(" | ".join(r) for r in [el.header, *el.rows])
        elif isinstance(el, Para):
            line = f"{numbering.label(el)} {el.text}"
            lines.append(line if list_kind(el.style) else line.strip())
    return "\n".join(lines)
