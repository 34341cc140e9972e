"""Each minute block turned into the paragraphs a clerk would write.

``render_block`` is the one place where a block becomes words: the window's live preview
and the Word export both use it (through ``render_minutes`` for the export). Every
phrase comes from :class:`~clerk_app.domain.phrases.Phrases`, so a body's own wording
applies everywhere. Half-typed blocks (no mover, no clauses, no time) still give a
sensible sentence and never raise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from clerk_app.domain.action_lines import action_line
from clerk_app.domain.document import CharStyle, Element, Para, Run, Style, Table
from clerk_app.domain.later_votes import voted_later
from clerk_app.domain.lists import roman
from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    ChangeKind,
    ClauseStyle,
    Declaration,
    Heading,
    InterestConduct,
    Item,
    ItemKind,
    LeadIn,
    Motion,
    MotionKind,
    Moving,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Person,
    Points,
    PointStyle,
    Role,
    Vote,
    VoteChoice,
    VoteKind,
    VoteTaken,
)
from clerk_app.domain.naming import collation_key
from clerk_app.domain.phrases import Phrases
from clerk_app.domain.render import (
    CLOSING_QUOTES,
    RenderContext,
    cap,
    clean,
    end_stop,
    ends_quoted,
    ends_with_that,
    joined,
    lead_in_keywords,
    marked_runs,
    split_keyword,
    strip_invalid,
    strip_that,
    the_title,
    with_article,
)
from clerk_app.domain.render_structures import render_structure
from clerk_app.domain.timeline import voting_present_at

__all__ = [
    "after_last_amendment",
    "decision_elements",
    "decision_opening",
    "lead_in_text",
    "motion_statement",
    "named_vote_elements",
    "render_block",
    "vote_elements",
    "vote_result",
]

_NOTE = re.compile(r"^\(?note\b", re.IGNORECASE)
_QUOTED_THAT = re.compile(r"^[“‘\"']\s*that\b", re.IGNORECASE)
_TRAILING_THAT = re.compile(r"[\s,]*\bthat\s*$", re.IGNORECASE)
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
_POINT_STYLES = {
    PointStyle.BULLETS: Style.POINT_BULLET,
    PointStyle.LETTERS: Style.POINT_LETTER,
    PointStyle.NUMBERS: Style.POINT_NUMBER,
}
_CLAUSE_STYLES = {
    ClauseStyle.NUMBERS: Style.CLAUSE_NUMBER,
    ClauseStyle.LETTERS: Style.CLAUSE_LETTER,
    ClauseStyle.ROMAN: Style.CLAUSE_ROMAN,
    ClauseStyle.NONE: Style.DECISION,
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
    if isinstance(block, Declaration):
        return _declaration(block, ctx)
    if isinstance(block, Motion):
        if block.motion_kind is MotionKind.AMENDMENT:
            return _amendment(block, ctx)
        return _motion(block, ctx)
    if isinstance(block, Action):
        return _action(block, ctx)
    if isinstance(block, Note):
        return _note(block, ctx)
    if isinstance(block, Heading):
        return _heading(block, ctx)
    if isinstance(block, VoteTaken):
        from clerk_app.domain.render_votes import render_vote_taken

        return render_vote_taken(block, ctx)
    return render_structure(block, ctx)


def _voted_later(m: Motion, ctx: RenderContext) -> bool:
    """The motion's vote is a block of its own further down the item."""
    return ctx.item is not None and voted_later(ctx.item.blocks, m)


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


def _declaration(b: Declaration, ctx: RenderContext) -> list[Element]:
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


# --------------------------------------------------------------------------- motions


def _clauses(m: Motion, ctx: RenderContext) -> list[str]:
    return [c for c in (clean(x) for x in m.clauses) if c]


def _punctuate(clauses: list[str], style: ClauseStyle, conjunction: str = "and") -> list[str]:
    """British resolution lists: "…;" then "…; and" before the last, which ends "."
    (``conjunction`` is the language's "and")."""
    if style is ClauseStyle.NONE:
        return [end_stop(c) for c in clauses]
    out: list[str] = []
    n = len(clauses)
    for i, c in enumerate(clauses):
        bare = c.rstrip(CLOSING_QUOTES) if ends_quoted(c) else c
        ends = (" and", " or", " " + conjunction.casefold())
        if (bare and bare[-1] in ".!?:;,…") or c.casefold().endswith(ends):
            out.append(c)  # the clerk's own stop, even inside a closing quote
        elif i == n - 1 and bare != c:
            out.append(c)  # no full stop after a closing quote
        elif i == n - 1:
            out.append(c + ".")
        elif i == n - 2:
            out.append(f"{c}; {conjunction}")
        else:
            out.append(c + ";")
    return out


def motion_statement(m: Motion, ctx: RenderContext, lead: str) -> tuple[str, list[str]]:
    """The words after the lead-in and the clause list.

    A single clause with no preamble is written inline ("RESOLVED – That the minutes be
    approved."). A "That" typed by the clerk after a lead-in ending in "that" is dropped.
    """
    pre = clean(m.preamble)
    clauses = _clauses(m, ctx)
    if (
        not pre
        and not clauses
        and ctx.item is not None
        and ctx.item.kind is ItemKind.EXCLUSION
        and m.motion_kind is not MotionKind.AMENDMENT
    ):
        from clerk_app.domain.render_minutes import exclusion_wording

        pre = exclusion_wording(ctx)
    that = ends_with_that(lead) and not quoted_that(pre or (clauses[0] if clauses else ""))
    if that and pre:
        pre = strip_that(pre)
    inline = ""
    if not pre and len(clauses) == 1:
        inline = end_stop(strip_that(clauses[0]) if that else clauses[0])
        clauses = []
    text = pre or inline
    if pre and not clauses:
        text = end_stop(text)
    return text, _punctuate(
        clauses, m.clause_style, ctx.phrases.format("list.and").strip() or "and"
    )


def quoted_that(text: str) -> bool:
    """The clerk quoted the motion as moved: “That the Council …”."""
    return bool(_QUOTED_THAT.match(clean(text)))


def without_that(opening: str, colon: bool = True) -> str:
    """An opening or lead-in without its closing "that" (before a quoted motion, or when
    the motion has no words yet): "…seconded by X, that" → "…seconded by X:"."""
    text = _TRAILING_THAT.sub("", clean(opening)).rstrip(" ,")
    if not text or not colon or text[-1] in ":–-":
        return text
    return text + ":"


def _joined(opening: str, text: str, clauses: list[str]) -> str:
    """The opening and the motion's words: a dangling "that" dropped when there are no
    words, and before a quoted motion."""
    if not text and not clauses:
        return end_stop(without_that(opening, colon=False)) if opening else ""
    if quoted_that(text or (clauses[0] if clauses else "")):
        opening = without_that(opening)
    return " ".join(t for t in (opening, text) if t)


def _under_rule(m: Motion, ctx: RenderContext, opening: str) -> str:
    """The procedure rule a motion was moved under, before the opening (never inside the
    resolution's words): "Under Standing Order 12, it was moved …"."""
    rule = clean(m.rule).rstrip(".,")
    if not rule:
        return opening
    if not opening:
        return ctx.phrases.format("motion.rule_alone", rule=rule)
    first = opening.split(maxsplit=1)[0]
    if first in ("It", "An", "A", "The"):
        opening = opening[:1].lower() + opening[1:]
    return ctx.phrases.format("motion.rule_opening", rule=rule, opening=opening)


def lead_in_text(m: Motion, ctx: RenderContext) -> str:
    ph = ctx.phrases
    if m.lead_in is LeadIn.RESOLVED:
        return clean(ctx.body.settings.lead_in) or "RESOLVED"
    if m.lead_in is LeadIn.RECOMMENDED:
        to = clean(m.recommend_to)
        if to:
            return ph.format("lead_in.recommended", recommend_to=to)
        return ph.format("lead_in.recommended_plain")
    return ph.format(f"lead_in.{m.lead_in.value}")


def _clause_paras(m: Motion, clauses: list[str], ctx: RenderContext) -> list[Element]:
    style = _CLAUSE_STYLES.get(m.clause_style, Style.CLAUSE_NUMBER)
    out: list[Element] = []
    for i, text in enumerate(clauses):
        para = ctx.para(style, marked_runs(text), m)
        para.restart = i == 0 and style is not Style.DECISION
        out.append(para)
    return out


def movers(m: Motion, ctx: RenderContext) -> tuple[str, str]:
    """The mover's and seconder's names as the minutes give them: a member, an
    office-holder typed in ("the Mayor"), the Chair, or none ("moved and seconded")."""
    if m.moving is Moving.UNNAMED:
        return "", ""
    mover = ctx.mover_name(m.mover_id) if m.mover_id else clean(m.mover_text)
    if m.moving is Moving.CHAIR:
        title = clean(ctx.body.settings.chair_title) or ctx.phrases.format("name.chair_default")
        mover = the_title(title, ctx.phrases)
    seconder = ctx.mover_name(m.seconder_id) if m.seconder_id else clean(m.seconder_text)
    return mover, seconder


def _opening_key(m: Motion, mover: str, seconder: str, carried: bool) -> str | None:
    suffix = "and" if carried else "that"
    formal = "formal_" if m.moving is Moving.FORMAL else ""
    if m.derived_from_id:
        return f"motion.as_amended_{suffix}"
    if m.moving is Moving.UNNAMED:
        return f"motion.unnamed_{suffix}"
    if mover and seconder:
        return f"motion.{formal}moved_seconded_{suffix}"
    if mover:
        return f"motion.{formal}moved_{suffix}"
    if seconder:
        return f"motion.{formal}seconded_{suffix}"
    if formal:
        return f"motion.formal_{suffix}"
    return None if carried else "motion.anonymous_that"


def _later_amendments(m: Motion, ctx: RenderContext) -> list[Motion]:
    """Amendments to ``m`` written after it in the same item, in order."""
    if ctx.item is None or m.motion_kind is MotionKind.AMENDMENT:
        return []
    blocks = ctx.item.blocks
    ids = [b.id for b in blocks]
    if m.id not in ids:
        return []
    after = blocks[ids.index(m.id) + 1 :]
    return [
        b
        for b in after
        if isinstance(b, Motion) and b.motion_kind is MotionKind.AMENDMENT and b.amends_id == m.id
    ]


def _superseded(m: Motion, amendments: list[Motion], ctx: RenderContext) -> bool:
    """A carried amendment produced the substantive motion that is voted on instead."""
    if ctx.item is None:
        return False
    ids = {a.id for a in amendments}
    return any(isinstance(b, Motion) and b.derived_from_id in ids for b in ctx.item.blocks)


# a lead-in opening with one of these goes on from the sentence before it ("… and
# RESOLVED that", "… and it was resolved"); any other has a subject of its own ("The
# Board RESOLVED that") or is a label ("DECISION:")
_CONTINUING = frozenset(
    {"resolved", "it", "agreed", "decided", "noted", "received", "recommended", "that", "be"}
)


def own_subject(lead: str, ctx: RenderContext) -> bool:
    """The lead-in stands on its own ("The Board RESOLVED that", "Governors AGREED
    that", "The Committee resolved:", "DECISION:"), rather than being the decision word
    that goes on from "It was moved by …, seconded by … and"."""
    words = clean(lead).split(maxsplit=1)
    first = words[0].strip(":–-,").casefold() if words else ""
    continuing = _CONTINUING | {k.strip().casefold() for k in lead_in_keywords(ctx.phrases)}
    return bool(first) and first not in continuing


def opening_for(key: str, lead: str, ctx: RenderContext, **fields: str) -> str:
    """The words before a decision from an "…_and" phrase ("It was moved by X, seconded
    by Y and"), or, before a lead-in with a subject of its own, the same as a sentence of
    its own from the "…_stop" phrase ("It was moved by X and seconded by Y.")."""
    ph = ctx.phrases
    text = clean(ph.format(key, **fields))
    stop = key.removesuffix("_and") + "_stop"
    hangs = bool(text) and text[-1] not in ".:;!?"
    if hangs and key.endswith("_and") and stop in ph and own_subject(lead, ctx):
        text = clean(ph.format(stop, **fields))
    return cap(text)


def _decision(m: Motion, ctx: RenderContext, opening: str) -> list[Element]:
    """The decision of a carried motion: opening, lead-in keyword, clauses, vote."""
    lead = lead_in_text(m, ctx)
    text, clauses = motion_statement(m, ctx, lead)
    out: list[Element] = []
    if opening:
        out.append(ctx.para(Style.MOTION, opening, m))
    if not text and not clauses:
        lead = without_that(lead, colon=False)
    elif quoted_that(text or clauses[0]):
        lead = without_that(lead)
    before, keyword, after = split_keyword(lead, lead_in_keywords(ctx.phrases))
    runs = [Run(before)] if before else []
    if keyword:
        runs.append(Run(keyword, CharStyle.KEYWORD))
    rest = after + (" " + text if text else "")
    if rest:
        runs.extend(marked_runs(rest))
    out.append(ctx.para(Style.DECISION, runs, m))
    out.extend(_clause_paras(m, clauses, ctx))
    out.extend(_vote_elements(m, ctx))
    return out


def _motion(m: Motion, ctx: RenderContext) -> list[Element]:
    mover, seconder = movers(m, ctx)
    amended = bool(_later_amendments(m, ctx))
    later = _voted_later(m, ctx)  # only its moving here: the vote is printed where taken
    carried = m.decided and not amended and not later
    key = _opening_key(m, mover, seconder, carried)
    lead = lead_in_text(m, ctx)
    opening = opening_for(key, lead, ctx, mover=mover, seconder=seconder) if key else ""
    opening = _under_rule(m, ctx, opening)
    out: list[Element] = []
    if carried:
        out.extend(_decision(m, ctx, opening))
    else:
        text, clauses = motion_statement(m, ctx, opening)
        out.append(ctx.para(Style.MOTION, marked_runs(_joined(opening, text, clauses)), m))
        out.extend(_clause_paras(m, clauses, ctx))
        if not amended and not later:  # an amended motion's vote follows its amendments
            out.extend(_vote_elements(m, ctx))
    label = ctx.label_for(m)
    if label and isinstance(out[0], Para):
        out[0].label = label
    return out


def _after_last_amendment(a: Motion, ctx: RenderContext) -> list[Element]:
    """After the last amendment to a motion, the vote on the motion itself, unless an
    amendment was carried and became the substantive motion."""
    if ctx.item is None or not a.amends_id:
        return []
    target = next((b for b in ctx.item.blocks if b.id == a.amends_id), None)
    if not isinstance(target, Motion) or _voted_later(target, ctx):
        return []
    amendments = _later_amendments(target, ctx)
    if not amendments or amendments[-1].id != a.id or _superseded(target, amendments, ctx):
        return []
    if target.decided:
        opening = opening_for("motion.put_and", lead_in_text(target, ctx), ctx)
        return _decision(target, ctx, opening)
    return _vote_elements(target, ctx)


def _amendment(m: Motion, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    mover, seconder = movers(m, ctx)
    if m.moving is Moving.UNNAMED:
        key = "amendment.unnamed"
    elif m.moving is Moving.FORMAL and not mover:
        key = "amendment.formal"
    elif mover and seconder:
        key = "amendment.moved_seconded"
    elif mover:
        key = "amendment.moved"
    elif seconder:
        key = "amendment.seconded"
    else:
        key = "amendment.anonymous"
    opening = _under_rule(m, ctx, cap(ph.format(key, mover=mover, seconder=seconder)))
    text, clauses = motion_statement(m, ctx, opening)
    out: list[Element] = [
        ctx.para(Style.MOTION, marked_runs(_joined(opening, text, clauses)), m, ctx.label_for(m))
    ]
    out.extend(_clause_paras(m, clauses, ctx))
    if not _voted_later(m, ctx):  # else the vote block prints both votes where taken
        out.extend(_vote_elements(m, ctx))
        out.extend(_after_last_amendment(m, ctx))
    return out


# --------------------------------------------------------------------------- votes


def _presiding(vote: Vote, ctx: RenderContext) -> str:
    person = ctx.person(vote.casting_person_id)
    settings = ctx.body.settings
    if person is not None and person.role is Role.VICE_CHAIR:
        return the_title(clean(settings.vice_chair_title), ctx.phrases)
    title = clean(settings.chair_title) or ctx.phrases.format("name.chair_default")
    return the_title(title, ctx.phrases)


def vote_result(vote: Vote, ctx: RenderContext, carried: bool, at: str | None = None) -> str:
    """ "unanimously", "by eight votes to two, with one abstention", "on the casting
    vote of the Chair", or in a style that notes votes as figures "8-2-1" …
    ("" when there is nothing to say). ``at`` is the block where the vote was taken:
    where "the rest voted for", the attendance timeline there gives their number."""
    ph = ctx.phrases
    tally = ctx.body.settings.style.vote_notation == "tally"
    if vote.kind is VoteKind.UNANIMOUS:
        return ph.format("tally.unanimous" if tally else "vote.frag.unanimous")
    f, a, ab = vote.counts()
    if vote.kind is VoteKind.CASTING:
        presiding = _presiding(vote, ctx)
        if f is not None and f == a:
            return ph.format(
                "vote.frag.casting_counts", presiding=presiding, count=ctx.count(f, votes=True)
            )
        return ph.format("vote.frag.casting", presiding=presiding)
    if vote.kind not in (VoteKind.COUNTS, VoteKind.NAMED) or (f is None and a is None):
        return ""
    if vote.rest_for and f is None:
        f = rest_voting_for(vote, ctx, at)
        if f is None:  # the number present is not known: "the rest … voting for"
            return _rest_result(vote, ctx)
    if tally:
        key = "tally.counts_abstain" if ab else "tally.counts"
        return ph.format(key, for_=f or 0, against=a or 0, abstain=ab or 0)
    f, a = f or 0, a or 0
    major, minor = (f, a) if carried else (a, f)
    if major == 0 or major < minor:
        # an outcome the counts do not give (chosen by hand), or nobody voted: the figures
        text = ph.format("vote.frag.figures", for_=_count(f, ctx), against=_count(a, ctx))
    elif major == 1:
        text = ph.format("vote.frag.counts_one", minor=_count(minor, ctx))
    else:
        text = ph.format(
            "vote.frag.counts", major=ctx.count(major, votes=True), minor=_count(minor, ctx)
        )
    return text + _abstentions(ab, ctx)


def _count(n: int, ctx: RenderContext) -> str:
    """A vote count in words or figures, zero as the body says it ("none")."""
    return ctx.phrases.format("vote.zero") if n == 0 else ctx.count(n, votes=True)


def _abstentions(ab: int | None, ctx: RenderContext) -> str:
    ph = ctx.phrases
    if ab == 1:
        return ", " + ph.format("vote.frag.abstention_one")
    if ab:
        return ", " + ph.format("vote.frag.abstentions", count=ctx.count(ab, votes=True))
    if ab == 0:
        none = ph.format("vote.frag.abstentions_none")
        return ", " + none if none else ""
    return ""


def rest_voting_for(vote: Vote, ctx: RenderContext, at: str | None) -> int | None:
    """How many voted for where the minute says "the rest of those present voted for":
    the voting members present just before block ``at``, less those who declared in
    this item that they would not vote, less those against and abstaining. None when
    that cannot be known (no place in the minutes, nobody recorded present) or would not
    carry the vote (the attendance kept is then incomplete)."""
    item = ctx.item
    if item is None or at is None:
        return None
    try:
        present = voting_present_at(ctx.meeting, ctx.body, item.id, at)
    except KeyError:
        return None
    ids = [b.id for b in item.blocks]
    before = item.blocks[: ids.index(at)] if at in ids else []
    present -= {
        b.person_id
        for b in before
        if isinstance(b, Declaration) and b.conduct is InterestConduct.NO_VOTE
    }
    rest = vote.rest_count(len(present))
    return rest if present and rest > (vote.against_count or 0) else None


def _rest_result(vote: Vote, ctx: RenderContext) -> str:
    """ "with one against, the rest of those present voting for": the wording when the
    number of the rest cannot be known."""
    ph = ctx.phrases
    a = vote.against_count or 0
    key = "vote.frag.rest_one" if a == 1 else "vote.frag.rest"
    text = ph.format(key, against=_count(a, ctx))
    return text + _abstentions(vote.abstain_count or None, ctx)


_CHOICE_KEYS = (
    (VoteChoice.FOR, "for"),
    (VoteChoice.AGAINST, "against"),
    (VoteChoice.ABSTAIN, "abstain"),
    (VoteChoice.NOT_VOTING, "not_voting"),
)


def _vote_order(ctx: RenderContext) -> Callable[[Person], tuple[int, int, str, str]]:
    """Sort key for members in a named vote: the chair first where the style says so,
    then roll order (the body's list) or surname, accents folded (Ó with O)."""
    style = ctx.body.settings.style
    roll = {p.id: i for i, p in enumerate(ctx.body.people)}

    def key(p: Person) -> tuple[int, int, str, str]:
        first = 0 if style.chair_first and p.role is Role.CHAIR else 1
        place = roll.get(p.id, len(roll)) if style.named_vote_order == "roll" else 0
        return (first, place, *collation_key(p))

    return key


def _named_vote(m: Motion, ctx: RenderContext) -> list[Element]:
    """A named vote as the style lays it out: a table, inline lists ("FOR Okoro, Lind;
    AGAINST Brandt") or a roll call, one member a line in roll order."""
    layout = ctx.body.settings.style.named_vote_layout
    if layout == "table":
        return [_named_table(m, ctx)]
    ph = ctx.phrases
    order = _vote_order(ctx)
    voters = sorted((p for pid in m.vote.named if (p := ctx.person(pid)) is not None), key=order)
    out: list[Element] = []
    intro = clean(ph.format("vote.named_intro"))
    if intro:
        out.append(ctx.para(Style.VOTE, intro, m))
    if layout == "roll_call":
        for p in voters:
            choice = ph.format(f"vote.roll.{dict(_CHOICE_KEYS)[m.vote.named[p.id]]}")
            out.append(
                ctx.para(
                    Style.VOTE,
                    ph.format("vote.roll_line", name=ctx.voter_name(p), choice=choice),
                    m,
                )
            )
        return out
    groups = []
    for choice, word in _CHOICE_KEYS:
        names = [ctx.voter_name(p) for p in voters if m.vote.named[p.id] is choice]
        if names:
            groups.append(
                ph.format(
                    "vote.inline_group",
                    choice=ph.format(f"vote.row.{word}"),
                    names=", ".join(names),
                )
            )
    if groups:
        text = end_stop(ph.format("vote.inline_separator").join(groups))
        out.append(ctx.para(Style.VOTE, text, m))
    return out


def _named_table(m: Motion, ctx: RenderContext) -> Table:
    ph = ctx.phrases
    groups: dict[VoteChoice, list[Person]] = {c: [] for c in VoteChoice}
    for pid, choice in m.vote.named.items():
        person = ctx.person(pid)
        if person is not None and choice in groups:
            groups[choice].append(person)
    rows: list[list[str]] = []
    keys = [
        (VoteChoice.FOR, "vote.row.for"),
        (VoteChoice.AGAINST, "vote.row.against"),
        (VoteChoice.ABSTAIN, "vote.row.abstain"),
        (VoteChoice.NOT_VOTING, "vote.row.not_voting"),
    ]
    for choice, key in keys:
        people = sorted(groups[choice], key=_vote_order(ctx))
        empty_shown = ctx.body.settings.style.empty_vote_rows
        if not people and (choice is VoteChoice.NOT_VOTING or not empty_shown):
            continue
        names = joined((ctx.voter_name(p) for p in people), ctx.phrases)
        rows.append([ph.format(key), names, str(len(people))])
    if m.vote.kind is VoteKind.CASTING and m.vote.casting_person_id:
        rows.append([ph.format("vote.row.casting"), ctx.name(m.vote.casting_person_id), "1"])
    header = [ph.format("vote.col.vote"), ph.format("vote.col.names"), ph.format("vote.col.count")]
    item_id = ctx.item.id if ctx.item else None
    rows = [[strip_invalid(cell) for cell in row] for row in rows]
    header = [strip_invalid(cell) for cell in header]
    caption = strip_invalid(ph.format("vote.table_caption"))
    return Table(header, rows, caption, item_id, m.id)


_OTHER_OUTCOMES = {
    Outcome.REFERRED: "outcome.referred",
    Outcome.DEFERRED: "outcome.deferred",
    Outcome.NOTED: "outcome.noted",
    Outcome.ON_FILE: "outcome.on_file",
    Outcome.READ_FIRST: "outcome.read_first",
}


def _what(m: Motion) -> str:
    return "amendment" if m.motion_kind is MotionKind.AMENDMENT else "motion"


def _vote_elements(m: Motion, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    amendment = m.motion_kind is MotionKind.AMENDMENT
    out: list[Element] = []
    tabled = False  # a table of the recorded vote gives its totals: not said again
    if m.vote.named and m.vote.kind in (VoteKind.NAMED, VoteKind.CASTING):
        named = _named_vote(m, ctx)
        tabled = any(isinstance(e, Table) for e in named)
        out.extend(named)
    text = ""
    detail = clean(m.outcome_detail).rstrip(".")
    title = clean(ctx.body.settings.chair_title) or ph.format("name.chair_default")
    if m.outcome in _OTHER_OUTCOMES:
        key = _OTHER_OUTCOMES[m.outcome]
        if m.outcome in (Outcome.REFERRED, Outcome.DEFERRED) and detail:
            key += "_to"
        text = ph.format(key, detail=detail, what=ph.format(f"outcome.what.{_what(m)}"))
    elif m.outcome in (Outcome.ADOPTED, Outcome.ACCEPTED_AS_AMENDED, Outcome.READ_AND_PASSED):
        result = vote_result(m.vote, ctx, carried=True, at=m.id)
        key = f"vote.{m.outcome.value}" + ("" if result else "_plain")
        text = ph.format(key, result=result, what=ph.format(f"outcome.what.{_what(m)}"))
    elif m.outcome is Outcome.CARRIED:
        result = vote_result(m.vote, ctx, carried=True, at=m.id)
        if amendment:
            key = "amendment.carried" if result else "amendment.carried_plain"
            text = ph.format(key, result=result)
        elif m.vote.kind is VoteKind.WITHOUT_VOTE:
            text = ph.format("vote.agreed_without_vote")
        elif tabled and result:  # the style's words after a table of the vote
            text = ph.format("vote.carried_table", result=result, title=title)
        elif result:
            text = ph.format("vote.carried", result=result, title=title)
        else:
            text = ph.format("vote.carried_plain", title=title)
    elif m.outcome is Outcome.LOST:
        result = vote_result(m.vote, ctx, carried=False, at=m.id)
        prefix = "amendment" if amendment else "vote"
        key = f"{prefix}.lost" if result else f"{prefix}.lost_plain"
        if tabled and result and not amendment:
            key = "vote.lost_table"
        text = ph.format(key, result=result, title=title)
    elif m.outcome is Outcome.WITHDRAWN:
        text = ph.format("amendment.withdrawn" if amendment else "vote.withdrawn")
    if text:
        out.append(ctx.para(Style.VOTE, cap(text), m))
    return out


# --------------------------------------------------------------------------- actions, notes


def _action(b: Action, ctx: RenderContext) -> list[Element]:
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


# the pieces a vote taken after debate is worded from (domain/render_votes.py)
decision_elements = _decision
decision_opening = opening_for
vote_elements = _vote_elements
named_vote_elements = _named_vote
after_last_amendment = _after_last_amendment
