"""The review version of the minutes as rich text for the chair's reading pane.

Styled after the Word output: the body's name as a centred title, the item headings in
bold capitals with their minute numbers hanging, keywords in bold, resolution clauses
numbered and restarting for each resolution, named votes as ruled tables. Each review
target (an item, a resolution) gets an anchor so the pane can scroll to it, and the
chair's answers are shown after the wording they are about, in a marked box that is
plainly not part of the minutes. Colours come from the palette (dark mode included).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from clerk_app.domain.document import Document, Element, Para, Style, Table
from clerk_app.domain.lists import ListLabels, list_kind
from clerk_app.domain.review import ReviewDecision, ReviewResponse, ReviewTarget, TargetKind
from clerk_app.gui.markup import escape
from clerk_app.gui.meeting.preview import runs_html

_INDENT: dict[Style, int] = {  # beyond the text column of the item headings
    Style.CLAUSE_LETTER: 20,
    Style.CLAUSE_ROMAN: 48,
}
_CENTRED = {Style.TITLE, Style.SUBTITLE, Style.STATUS, Style.PART_HEADING, Style.EXEMPT_NOTICE}
_ITALIC = {Style.NOTE, Style.EXEMPT_NOTICE, Style.PURPOSE, Style.STATUS}

DECISION_WORDS: dict[ReviewDecision, str] = {
    ReviewDecision.APPROVE: "Approved",
    ReviewDecision.QUERY: "Query",
    ReviewDecision.SUGGEST: "Suggested wording",
}


def anchor(target_id: str) -> str:
    return f"t-{target_id}"


def _runs(para: Para) -> str:
    return runs_html(para, tab="&nbsp;" * 8)


def _table(table: Table, indent: int = 36) -> str:
    out = []
    if table.caption:
        out.append(f"<p style='margin:6px 0 2px {indent}px'><b>{escape(table.caption)}</b></p>")
    out.append(
        "<table border='1' cellspacing='0' cellpadding='4' "
        f"style='margin:2px 0 8px {indent}px; border-collapse:collapse'>"
    )
    out.append("<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in table.header))
    out.append("</tr>")
    for row in table.rows:
        out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _para(para: Para, label: str, label_width: int = 36) -> str:
    """One paragraph; ``label`` is what :class:`ListLabels` gives it (a list paragraph's
    number or bullet, another paragraph's own label)."""
    body = _runs(para)
    style = para.style
    if style in _ITALIC:
        body = f"<i>{body}</i>"
    if list_kind(style):
        indent = label_width + _INDENT.get(style, 0)
        return (
            f"<table cellspacing='0' cellpadding='1' style='margin-left:{indent}px'><tr>"
            f"<td width='34' valign='top'>{escape(label)}</td><td>{body}</td></tr></table>"
        )
    if style is Style.TITLE:
        return f"<h2 align='center' style='margin:0 0 4px 0'>{body}</h2>"
    if style is Style.ITEM_HEADING:
        return (
            "<table cellspacing='0' cellpadding='0' style='margin-top:14px'><tr>"
            f"<td width='{label_width}' valign='top'><b>{escape(label)}</b></td>"
            f"<td><b>{body}</b></td></tr></table>"
        )
    if style in (Style.ATTENDANCE_HEADING, Style.PART_HEADING):
        body = f"<b>{body}</b>"
    align = " align='center'" if style in _CENTRED else ""
    margin = f"0 0 6px {label_width}px"
    if style in _CENTRED or style in (Style.ATTENDANCE_HEADING, Style.TITLE):
        margin = "0 0 6px 0"
    if style is Style.SIGNATURE:
        margin = "18px 0 0 0"
    if label:
        return (
            f"<table cellspacing='0' cellpadding='0' style='margin:0 0 6px 0'><tr>"
            f"<td width='{label_width}' valign='top'>{escape(label)}</td><td>{body}</td>"
            "</tr></table>"
        )
    return f"<p{align} style='margin:{margin}'>{body}</p>"


def target_key(el: Element, motion_ids: set[str]) -> str | None:
    """The review target an element belongs to: its resolution, else its item."""
    if el.block_id and el.block_id in motion_ids:
        return el.block_id
    return el.item_id


def answer_html(
    response: ReviewResponse,
    wording_of: Callable[[ReviewResponse], str],
    box_colour: str,
    indent: int = 36,
) -> str:
    """A marked box with one answer; the minutes above it are unchanged."""
    who = f" – {escape(response.reviewer)}" if response.reviewer else ""
    head = f"<b>{DECISION_WORDS[response.decision]}</b>{who}"
    if response.decision is ReviewDecision.SUGGEST:
        head += " <i>(not part of the minutes unless the clerk accepts it)</i>"
    lines = [head]
    if response.comment:
        lines.append(escape(response.comment).replace("\n", "<br>"))
    if response.decision is ReviewDecision.SUGGEST:
        text = wording_of(response)
        lines.append("<i>" + escape(text).replace("\n", "<br>") + "</i>")
    return (
        f"<table width='100%' cellspacing='0' cellpadding='6' "
        f"style='margin:4px 0 8px {indent}px' bgcolor='{box_colour}'><tr><td>"
        + "<br>".join(lines)
        + "</td></tr></table>"
    )


def suggested_wording(response: ReviewResponse) -> str:
    if response.target_kind is TargetKind.MOTION and response.suggested_clauses:
        return "\n".join(f"{i}. {c}" for i, c in enumerate(response.suggested_clauses, 1))
    return response.suggested_text or "\n".join(response.suggested_clauses)


def document_html(
    document: Document,
    targets: Sequence[ReviewTarget],
    responses: Sequence[ReviewResponse],
    box_colour: str,
) -> str:
    """The whole review copy, with anchors per target and the chair's answers boxed."""
    motion_ids = {t.id for t in targets if t.kind is TargetKind.MOTION}
    keys = [target_key(el, motion_ids) for el in document.elements]
    last_index: dict[str, int] = {}
    for i, (el, key) in enumerate(zip(document.elements, keys, strict=True)):
        if key:
            last_index[key] = i
        if el.item_id:  # an item's answers go after the whole item, resolutions included
            last_index[el.item_id] = i
    longest = max((len(el.label) for el in document.elements if isinstance(el, Para)), default=0)
    label_width = max(36, 9 * longest + 12)
    by_target: dict[str, list[ReviewResponse]] = {}
    for r in responses:
        by_target.setdefault(r.target_id, []).append(r)
    out: list[str] = []
    seen: set[str] = set()
    # the answer boxes are not in the minutes: a list runs on past them, as in Word
    numbering = ListLabels()
    for i, el in enumerate(document.elements):
        key = keys[i]
        if key and key not in seen:
            seen.add(key)
            out.append(f"<a name='{anchor(key)}'></a>")
        label = numbering.label(el)
        if isinstance(el, Table):
            out.append(_table(el, label_width))
        else:
            out.append(_para(el, label, label_width))
        ending = [k for k in dict.fromkeys((key, el.item_id)) if k and last_index.get(k) == i]
        for k in ending:
            for r in by_target.get(k, []):
                out.append(answer_html(r, suggested_wording, box_colour, label_width))
    if document.watermark:
        mark = escape(document.watermark)
        out.insert(0, f"<p align='right' style='margin:0'><b>{mark}</b></p>")
    return "".join(out)
