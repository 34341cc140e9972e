"""The words a body's exclusion regime gives a meeting with Part 2 items: the Schedule 12A
paragraphs cited, the exclusion resolution, the exemption notice and the confidential
status line.
"""

from __future__ import annotations

from clerk_app.domain.model import Item
from clerk_app.domain.render import RenderContext, paragraph_list, split_paragraphs
from clerk_app.lazyre import compiled

_PARAGRAPH_NUMBER = compiled(r"\d{1,2}[A-Za-z]?")


def exempt_paragraphs(items: list[Item]) -> list[str]:
    """The Schedule 12A paragraphs of the Part 2 items, in order, without repeats: only
    paragraph numbers ("3", "7A"), so words typed beside them are never cited."""
    seen: list[str] = []
    for item in items:
        if item.exempt:
            for p in split_paragraphs(item.exempt_paragraph):
                if _PARAGRAPH_NUMBER.fullmatch(p) and p not in seen:
                    seen.append(p)
    return seen


def exclusion_wording(ctx: RenderContext) -> str:
    """The exclusion resolution for the body's regime (words after "That")."""
    regime = ctx.body.settings.exclusion.value
    if regime == "lga_1972":
        paragraphs = paragraph_list(exempt_paragraphs(ctx.meeting.items), ctx.phrases)
        if not paragraphs:
            return ctx.phrases.format("exclusion.lga_1972_nopara")
        return ctx.phrases.format("exclusion.lga_1972", paragraphs=paragraphs)
    return ctx.phrases.format(f"exclusion.{regime}")


def regime_text(ctx: RenderContext, prefix: str, items: list[Item]) -> str:
    regime = ctx.body.settings.exclusion.value
    paragraphs = paragraph_list(exempt_paragraphs(items), ctx.phrases)
    if regime == "lga_1972" and not paragraphs:
        return ctx.phrases.format(f"{prefix}_nopara.{regime}")
    return ctx.phrases.format(f"{prefix}.{regime}", paragraphs=paragraphs)
