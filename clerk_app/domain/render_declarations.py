"""A declaration of interest in the words of the minutes, and the nil return an item of
declarations gives when none was made. Every phrase comes from the body's phrases.
"""

from __future__ import annotations

from clerk_app.domain.document import Element, Style
from clerk_app.domain.model import Declaration, InterestConduct, Item, ItemKind
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.render import RenderContext, cap, clean, end_stop, with_article

_REASON_CONNECTORS = (
    "as ",
    "because",
    "by virtue",
    "being ",
    "since ",
    "owing ",
    "due to",
    "in respect",
    "in relation",
    "in that",
    "in item",
    "in minute",
    "in agenda",
    "in application",
    "on item",
    "regarding",
    "relating",
    "concerning",
    "with reference",
    "through ",
    "from ",
    "for ",
)

_REASON_LOWER = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "he",
        "she",
        "they",
        "as",
        "because",
        "being",
        "since",
        "owing",
        "due",
        "in",
        "on",
        "for",
        "from",
        "through",
        "regarding",
        "relating",
        "concerning",
        "with",
        "by",
    ]
)
_CONDUCT_KEYS = {
    InterestConduct.LEFT_ROOM: "left_room",
    InterestConduct.NO_VOTE: "no_vote",
    InterestConduct.DISPENSATION: "dispensation",
    InterestConduct.TOOK_PART: "took_part",
}


def declaration_reason(reason: str, ph: Phrases) -> str:
    """The reason as it follows "declared an interest in this item": the clerk's own
    connector ("as …", "because …", "being …") kept, a noun phrase given "as", a clause
    beginning with a verb in -ing set off by a comma; a capital on a common first word
    ("The applicant …", "As …") made small mid-sentence."""
    text = clean(reason).rstrip(". ")
    if not text:
        return ""
    first = text.split(maxsplit=1)[0]
    if first.casefold().strip(",") in _REASON_LOWER and first[:1].isupper() and not first.isupper():
        text = text[:1].lower() + text[1:]
    lower = text.casefold()
    if lower.startswith(_REASON_CONNECTORS):
        return text
    if first.casefold().endswith("ing") and len(first) > 4 and first.isalpha():
        return ", " + text
    return ph.format("declaration.reason", reason=text)


def nil_return_key(ctx: RenderContext, item: Item | None) -> str:
    """Which nil return an item of declarations gives: for the whole meeting, for "this
    item" when declarations were made elsewhere, or of lobbying."""
    if item is not None and "lobbying" in item.title.casefold():
        return "declarations.none_lobbying"
    declared = any(
        isinstance(b, Declaration) and not b.nil for it in ctx.meeting.items for b in it.blocks
    )
    return "declarations.none_here" if declared else "declarations.none"


def render_declaration(b: Declaration, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    if b.nil:
        return [ctx.para(Style.BODY, ph.format(nil_return_key(ctx, ctx.item)), b, ctx.label_for(b))]
    member = ctx.name(b.person_id)
    interest = with_article(b.interest_type, ph) or ph.format("declaration.interest_default")
    general = ctx.item is not None and ctx.item.kind is ItemKind.DECLARATIONS
    scope = clean(b.scope).rstrip(". ")
    if scope.casefold().startswith("in "):
        scope = scope[3:].strip()
    if scope:
        key = "declaration.in_scope"
    else:
        key = "declaration.general" if general else "declaration.in_item"
    text = ph.format(key, member=member, interest=interest, scope=scope).strip()
    if b.at is not None:
        # "… in this item at 7.42 pm": where the body's phrases give the time (by
        # default for a declaration made during an item, not at the opening one)
        when = ph.format("declaration.at" + ("_general" if general else ""), time=ctx.time(b.at))
        text += " " + clean(when) if clean(when) else ""
    reason = declaration_reason(b.reason, ph)
    if reason:
        text += reason if reason.startswith(",") else " " + reason
    conduct = _CONDUCT_KEYS.get(b.conduct)
    suffix = "_general" if general else ""
    if conduct and b.conduct is not InterestConduct.DISPENSATION:
        text += " " + ph.format(f"declaration.{conduct}{suffix}").strip()
    text = end_stop(cap(text))
    if b.conduct is InterestConduct.DISPENSATION:
        text += " " + cap(ph.format(f"declaration.dispensation{suffix}", member=member).strip())
    return [ctx.para(Style.DECLARATION, text, b, ctx.label_for(b))]
