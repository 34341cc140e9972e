"""Each minute block turned into the paragraphs a clerk would write.

``render_block`` is the one place where a block becomes words: the window's live preview
and the Word export both use it (through ``render_minutes`` for the export). Every
phrase comes from :class:`~clerk_app.domain.phrases.Phrases`, so a body's own wording
applies everywhere. Half-typed blocks (no mover, no clauses, no time) still give a
sensible sentence and never raise.
"""

from __future__ import annotations

import re

from clerk_app.domain.document import Element, Para, Run, Style
from clerk_app.domain.lists import roman
from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    ChangeKind,
    Declaration,
    Heading,
    Item,
    Motion,
    MotionKind,
    Note,
    NoteKind,
    Paragraph,
    Points,
    PointStyle,
    VoteTaken,
)
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.render import RenderContext, cap, clean
from clerk_app.lazyre import compiled

__all__ = [
    "bold_runs",
    "heading_letter",
    "letters",
    "question_label",
    "render_block",
    "roman_point_label",
]

_NOTE = compiled(r"^\(?note\b", re.IGNORECASE)
_POINT_STYLES = {
    PointStyle.BULLETS: Style.POINT_BULLET,
    PointStyle.LETTERS: Style.POINT_LETTER,
    PointStyle.NUMBERS: Style.POINT_NUMBER,
}


# --------------------------------------------------------------------------- blocks


def render_block(block: Block, ctx: RenderContext) -> list[Element]:
    """The paragraphs (and tables) one block writes in the minutes."""
    if isinstance(block, Paragraph):
        return _paragraph(block, ctx)
    if isinstance(block, Points):
        return _points(block, ctx)
    if isinstance(block, AttendanceChange):
        return _attendance_change(block, ctx)
    if isinstance(block, Declaration):  # this and the kinds below: loaded when first met
        from clerk_app.domain.render_declarations import render_declaration

        return render_declaration(block, ctx)
    if isinstance(block, Motion):
        from clerk_app.domain.render_motions import render_amendment, render_motion

        if block.motion_kind is MotionKind.AMENDMENT:
            return render_amendment(block, ctx)
        return render_motion(block, ctx)
    if isinstance(block, Action):
        return _action(block, ctx)
    if isinstance(block, Note):
        return _note(block, ctx)
    if isinstance(block, Heading):
        return _heading(block, ctx)
    if isinstance(block, VoteTaken):
        from clerk_app.domain.render_votes import render_vote_taken

        return render_vote_taken(block, ctx)
    from clerk_app.domain.render_structures import render_structure

    return render_structure(block, ctx)


_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def bold_runs(text: str) -> list[Run]:
    """A paragraph's text as runs: words between ``**`` pairs bold ("the **urgent**
    repairs"), the marks themselves dropped. A lone ``**`` stays as typed."""
    runs: list[Run] = []
    at = 0
    for m in _BOLD.finditer(text):
        if m.start() > at:
            runs.append(Run(text[at : m.start()]))
        runs.append(Run(m.group(1), bold=True))
        at = m.end()
    if at < len(text) or not runs:
        runs.append(Run(text[at:]))
    return runs


def _paragraph(b: Paragraph, ctx: RenderContext) -> list[Element]:
    text = clean(b.text)
    if not text:
        return []
    label = ctx.label_for(b)
    return [ctx.para(Style.NUMBERED_BODY if label else Style.BODY, bold_runs(text), b, label)]


def roman_point_label(n: int) -> str:
    """The label of the ``n``-th point numbered in Roman numerals: "i)", "ii)"."""
    return f"{roman(n)})"


def question_label(n: int, phrases: Phrases) -> str:
    """ "Q:" for the ``n``-th point (from 1) of questions and answers when it is a
    question (odd), "A:" when it answers the one before (even)."""
    return phrases.format("points.question" if n % 2 else "points.answer")


def _points(b: Points, ctx: RenderContext) -> list[Element]:
    out: list[Element] = []
    intro = clean(b.intro)
    if intro:
        label = ctx.label_for(b)
        out.append(ctx.para(Style.NUMBERED_BODY if label else Style.BODY, intro, b, label))
    style = _POINT_STYLES.get(b.style, Style.POINT_BULLET)
    for text in (clean(p) for p in b.points):
        if not text:
            continue
        if b.style is PointStyle.QUESTIONS:
            # governors' questions and the answers given, each pair in turn: labelled
            # paragraphs, hanging like sub-paragraph numbers
            n = sum(1 for e in out if isinstance(e, Para) and e.style is Style.BODY and e.label)
            out.append(ctx.para(Style.BODY, text, b, question_label(n + 1, ctx.phrases)))
            continue
        if b.style is PointStyle.ROMAN:
            # i) ii): labelled paragraphs, hanging like sub-paragraph numbers
            n = sum(1 for e in out if isinstance(e, Para) and e.style is Style.BODY and e.label)
            out.append(ctx.para(Style.BODY, text, b, roman_point_label(n + 1)))
            continue
        para = ctx.para(style, text, b)
        para.restart = len(out) == (1 if intro else 0)
        out.append(para)
    return out


def _previous_change(ctx: RenderContext, block: AttendanceChange) -> ChangeKind | None:
    last: ChangeKind | None = None
    for item in ctx.meeting.items:
        for b in item.blocks:
            if b.id == block.id:
                return last
            if isinstance(b, AttendanceChange) and b.person_id == block.person_id:
                last = b.change
    return last


def _attendance_change(b: AttendanceChange, ctx: RenderContext) -> list[Element]:
    name = ctx.name(b.person_id)
    if b.change is ChangeKind.RETURNED and _previous_change(ctx, b) is ChangeKind.LEFT_ROOM:
        key = "change.returned_room"
    else:
        key = f"change.{b.change.value}"
    return [ctx.para(Style.TIME_LINE, cap(ctx.phrases.format(key, name=name)), b, ctx.time(b.at))]


# --------------------------------------------------------------------------- actions, notes


def _action(b: Action, ctx: RenderContext) -> list[Element]:
    from clerk_app.domain.action_lines import action_line

    return [ctx.para(Style.ACTION, action_line(b, ctx), b)]


def heading_letter(b: Heading, item: Item | None) -> str:
    """ "(a)", "(b)" … for a numbered heading, by its place among the item's numbered
    headings ("" for an unnumbered one)."""
    if not b.numbered:
        return ""
    before = 0
    for other in item.blocks if item is not None else []:
        if other.id == b.id:
            break
        if isinstance(other, Heading) and other.numbered:
            before += 1
    return f"({letters(before + 1)})"


def letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa: as lists are lettered."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _heading(b: Heading, ctx: RenderContext) -> list[Element]:
    text = clean(b.text)
    label = heading_letter(b, ctx.item)
    if not text and not label:
        return []
    return [ctx.para(Style.SUB_HEADING, text, b, label)]


def _note(b: Note, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    when = ctx.time(b.at)
    reason = clean(b.text).rstrip(".")
    if b.note_kind is NoteKind.ADJOURNED:
        key = "note.adjourned" if when else "note.adjourned_untimed"
        key += "_reason" if reason else ""
        text = ph.format(key, time=when, reason=reason)
    elif b.note_kind is NoteKind.RESUMED:
        text = ph.format("note.resumed" if when else "note.resumed_untimed", time=when)
    else:
        note = clean(b.text)
        if not note:
            return []
        text = note if _NOTE.match(note) else ph.format("note.text", text=note)
    return [ctx.para(Style.NOTE, text, b)]
