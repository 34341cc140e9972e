"""Votes and outcomes in the words of the minutes: the result ("by eight votes to two",
"unanimously", "on the casting vote of the Chair"), a named vote as a table, lists or a
roll call, and the outcome line of a motion or amendment.
"""

from __future__ import annotations

from collections.abc import Callable

from clerk_app.domain.bilingual import cell_label
from clerk_app.domain.document import Element, Style, Table
from clerk_app.domain.model import (
    Declaration,
    InterestConduct,
    Motion,
    MotionKind,
    Outcome,
    Person,
    Role,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.domain.naming import collation_key
from clerk_app.domain.render import (
    RenderContext,
    cap,
    clean,
    end_stop,
    joined,
    strip_invalid,
    the_title,
)
from clerk_app.domain.timeline import voting_present_at


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


def named_vote_elements(m: Motion, ctx: RenderContext) -> list[Element]:
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
        rows.append([cell_label(ph, key), names, str(len(people))])
    if m.vote.kind is VoteKind.CASTING and m.vote.casting_person_id:
        casting = cell_label(ph, "vote.row.casting")
        rows.append([casting, ctx.name(m.vote.casting_person_id), "1"])
    header = [cell_label(ph, f"vote.col.{k}") for k in ("vote", "names", "count")]
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


def vote_elements(m: Motion, ctx: RenderContext) -> list[Element]:
    ph = ctx.phrases
    amendment = m.motion_kind is MotionKind.AMENDMENT
    out: list[Element] = []
    tabled = False  # a table of the recorded vote gives its totals: not said again
    if m.vote.named and m.vote.kind in (VoteKind.NAMED, VoteKind.CASTING):
        named = named_vote_elements(m, ctx)
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
