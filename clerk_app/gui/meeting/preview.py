"""The rendered wording (Para / Table from the services) as Qt rich text for the preview.

The services render a block exactly as the export will print it; here the paragraphs
become HTML for a QLabel. List paragraphs carry no label (Word numbers them), so the
preview numbers them itself the same way: each list restarts where ``restart`` is set.
Colours come from the palette: nothing here names a colour.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from clerk_app.domain.document import CharStyle, Para, Style, Table

_LIST_STYLES = {
    Style.POINT_BULLET: "bullet",
    Style.POINT_LETTER: "letter",
    Style.POINT_NUMBER: "number",
    Style.CLAUSE_NUMBER: "number",
    Style.CLAUSE_LETTER: "letter",
    Style.CLAUSE_ROMAN: "roman",
}

_BOLD_STYLES = {Style.ITEM_HEADING, Style.ATTENDANCE_HEADING, Style.PART_HEADING, Style.TITLE}
_ITALIC_STYLES = {Style.NOTE, Style.EXEMPT_NOTICE, Style.PURPOSE}


def _roman(n: int) -> str:
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def list_label(kind: str, n: int) -> str:
    if kind == "bullet":
        return "•"
    if kind == "letter":
        return f"({chr(ord('a') + (n - 1) % 26)})"
    if kind == "roman":
        return f"({_roman(n)})"
    return f"{n}."


def runs_html(para: Para, tab: str = "\t") -> str:
    """A paragraph's runs as HTML: keywords and inserted words bold, deleted words struck
    through. Shared by the meeting preview and the chair's review window."""
    parts: list[str] = []
    for run in para.runs:
        text = html.escape(run.text).replace("\t", tab)
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
        rows.append(f"<caption>{html.escape(table.caption)}</caption>")
    rows.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in table.header) + "</tr>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
    rows.append("</table>")
    return "".join(rows)


def to_html(elements: Iterable[Any]) -> str:
    """Rich text for a block's rendered paragraphs and tables."""
    out: list[str] = []
    counters: dict[str, int] = {}
    last_list: Style | None = None
    for el in elements:
        if isinstance(el, Table):
            out.append(_table_html(el))
            last_list = None
            continue
        if not isinstance(el, Para):
            continue
        body = runs_html(el)
        if el.style in _BOLD_STYLES:
            body = f"<b>{body}</b>"
        if el.style in _ITALIC_STYLES:
            body = f"<i>{body}</i>"
        kind = _LIST_STYLES.get(el.style)
        if kind:
            if el.restart or last_list != el.style:
                counters[el.style] = 0
            counters[el.style] = counters.get(el.style, 0) + 1
            label = el.label or list_label(kind, counters[el.style])
            out.append(
                "<table cellspacing='0' cellpadding='0' style='margin-left:18px'><tr>"
                f"<td width='30'>{html.escape(label)}</td><td>{body}</td></tr></table>"
            )
            last_list = el.style
            continue
        last_list = None
        label = f"{html.escape(el.label)}&nbsp;&nbsp;" if el.label else ""
        out.append(f"<p style='margin:0 0 4px 0'>{label}{body}</p>")
    return "".join(out)


def to_plain(elements: Iterable[Any]) -> str:
    """The same wording as plain text (accessible description, tests)."""
    lines: list[str] = []
    counters: dict[str, int] = {}
    last_list: Style | None = None
    for el in elements:
        if isinstance(el, Table):
            lines.extend(" | ".join(r) for r in [el.header, *el.rows])
            last_list = None
        elif isinstance(el, Para):
            kind = _LIST_STYLES.get(el.style)
            if kind:
                if el.restart or last_list != el.style:
                    counters[el.style] = 0
                counters[el.style] = counters.get(el.style, 0) + 1
                lines.append(f"{el.label or list_label(kind, counters[el.style])} {el.text}")
                last_list = el.style
            else:
                lines.append(f"{el.label} {el.text}".strip())
                last_list = None
    return "\n".join(lines)
