"""The style choices in a clerk's words, each with an example of its effect, and the
preview lines of the Style choices page.

Every example is worded by the same code that words the minutes (the dates module and
the block renderer), from a small fictional meeting, so what the clerk sees beside a
choice is what the minutes will print. Nothing here imports Qt.
"""

from __future__ import annotations

import copy
from datetime import date, time

from clerk_app.domain.dates import styled_date, styled_time
from clerk_app.domain.document import Para, Table
from clerk_app.domain.model import (
    Action,
    Body,
    BodySettings,
    Item,
    Meeting,
    Motion,
    Outcome,
    Person,
    PersonKind,
    Role,
    Vote,
    VoteKind,
)
from clerk_app.domain.naming import display_name
from clerk_app.domain.resolutions import resolution_number
from clerk_app.domain.style import (
    NAMING_CHOICES,
    ActionForm,
    ApologiesPlace,
    AttendanceLayout,
    Bilingual,
    DateStyle,
    Layout,
    MinuteStyle,
    NamedVoteLayout,
    NameOrder,
    ResolutionScope,
    TimeStyle,
    VoteNotation,
)

EXAMPLE_DAY = date(2026, 3, 24)
EXAMPLE_TIME = time(21, 36)
_MOVER = Person("Jane", "Okoro", "Mrs", kind=PersonKind.MEMBER)
_SECONDER = Person("Martin", "Lind", "Mr", kind=PersonKind.MEMBER, role=Role.CHAIR)

LANGUAGES = [
    ("en-GB", "English (United Kingdom)"),
    ("en-US", "English (United States)"),
    ("en-CA", "English (Canada)"),
    ("en-AU", "English (Australia)"),
    ("en-IE", "English (Ireland)"),
    ("cy", "Welsh – Cymraeg"),
    ("ga", "Irish – Gaeilge"),
]
# a second language may also be one Clerk has the labels of alone (for labels in both)
SECOND_LANGUAGES = [
    *LANGUAGES,
    ("gd", "Scottish Gaelic – Gàidhlig"),
    ("mi", "Māori – Te reo Māori"),
]
SECOND_TEXTS = [
    ("name", "The body's name"),
    ("authority", "The council or organisation"),
    ("chair_title", "The chair's title"),
    ("vice_chair_title", "The vice-chair's title"),
    ("lead_in", "The lead-in of decisions"),
    ("member_title", "The member title"),
    ("member_title_short", "The short member title"),
]
LAYOUTS = [
    (Layout.STANDARD, "Narrative minutes: the sentences of every item"),
    (Layout.RESOLUTION_LOG, "Resolution log: one short paragraph a motion"),
    (Layout.ACTION_MINUTES, "Action minutes: decisions and a table of actions"),
]
ATTENDANCE_LAYOUTS = [
    (AttendanceLayout.STANDARD, "Names run on after “Present:”"),
    (AttendanceLayout.SEDERUNT, "Sederunt: a heading, then one name a line"),
]
NAMED_LAYOUTS = [
    (NamedVoteLayout.TABLE, "A table: For, Against, Abstained"),
    (NamedVoteLayout.INLINE, "On one line: FOR Okoro, Lind; AGAINST Brandt"),
    (NamedVoteLayout.ROLL_CALL, "Roll call: one line a member (Okoro – Aye)"),
]
NAME_ORDERS = [
    (NameOrder.ALPHABETICAL, "Alphabetical by surname"),
    (NameOrder.ROLL, "In the order of the members list"),
]
OFFICER_ORDERS = [
    (NameOrder.ALPHABETICAL, "Alphabetical by surname"),
    (NameOrder.ROLL, "As listed in the body's people (by seniority)"),
]
APOLOGIES_PLACES = [
    (ApologiesPlace.BOTH, "In the attendance and under the apologies item"),
    (ApologiesPlace.ATTENDANCE, "In the attendance only (“Apologies: …”)"),
    (ApologiesPlace.ITEM, "Under the apologies item only"),
]
ACTION_FORMS = [
    (ActionForm.LABEL, "Action: MA – Bring the results to the next meeting"),
    (ActionForm.LABEL_OWNER_TO, "Action: MA to bring the results to the next meeting"),
    (ActionForm.OWNER_TO, "MA to bring the results to the next meeting"),
]
SCOPES = [
    (ResolutionScope.SUBSTANTIVE, "Carried substantive motions"),
    (ResolutionScope.DECIDED, "Every carried motion, procedural ones too"),
    (ResolutionScope.EVERY_MOTION, "Every motion put to the vote, carried or lost"),
]
BILINGUAL = [
    (Bilingual.NONE, "None: one language"),
    (Bilingual.COLUMNS, "Columns: the two languages side by side"),
    (Bilingual.PER_ITEM, "Per item: each item in one language, then the other"),
    (Bilingual.WHOLE, "Whole: all the minutes in one language, then the other"),
    (Bilingual.LABELS, "Labels: one language, the headings and labels in both"),
]
_DATE_WORDS = {
    DateStyle.DAY_MONTH_YEAR: "Day first",
    DateStyle.MONTH_DAY_YEAR: "Month first",
    DateStyle.ORDINAL: "With ordinals",
    DateStyle.LEGAL: "Legal",
}
_NOTATION_WORDS = {VoteNotation.PROSE: "In words", VoteNotation.TALLY: "As figures"}
_NAMING_WORDS = {"": "As the body names members"}


def _with(style: MinuteStyle, **changes: object) -> MinuteStyle:
    changed = copy.deepcopy(style)
    for key, value in changes.items():
        setattr(changed, key, value)
    return changed


def date_choices(style: MinuteStyle) -> list[tuple[str, DateStyle]]:
    """ "Day first: Tuesday 24 March 2026", "Month first: Tuesday, March 24, 2026" …"""
    return [
        (
            f"{_DATE_WORDS[d]}: {styled_date(EXAMPLE_DAY, d, style.header_weekday, style.locale)}",
            d,
        )
        for d in DateStyle
    ]


def time_choices() -> list[tuple[str, TimeStyle]]:
    """ "9.36 pm", "9:36 p.m.", "21:36" …"""
    return [(styled_time(EXAMPLE_TIME, t), t) for t in TimeStyle]


def naming_choices(settings: BodySettings) -> list[tuple[str, str]]:
    """Each way of naming people, shown by naming a sample member that way."""
    out = []
    for choice in NAMING_CHOICES:
        example = display_name(_MOVER, settings, choice)
        words = _NAMING_WORDS.get(choice)
        out.append((f"{words} ({example})" if words else example, choice))
    return out


def _sample(settings: BodySettings) -> tuple[Body, Meeting, Item, Motion]:
    body = Body(name="Fenwick Parish Council", settings=settings, people=[_MOVER, _SECONDER])
    motion = Motion(
        mover_id=_MOVER.id,
        seconder_id=_SECONDER.id,
        clauses=["the report be noted"],
        vote=Vote(kind=VoteKind.COUNTS, for_count=5, against_count=1),
        outcome=Outcome.CARRIED,
    )
    if settings.resolution_pattern:
        motion.resolution_number = resolution_number(settings.resolution_pattern, 14, EXAMPLE_DAY)
    action = Action(text="Write to the contractor", owner_id=_MOVER.id, due=date(2026, 4, 30))
    blocks = [motion, action]
    item = Item(title="Grass cutting contract", number="4", minute_number="24", blocks=blocks)
    meeting = Meeting(body_id=body.id, date=EXAMPLE_DAY, start_time=time(19, 0), items=[item])
    return body, meeting, item, motion


def _lines(settings: BodySettings) -> list[str]:
    from clerk_app.domain.render import RenderContext, render_block

    body, meeting, item, motion = _sample(settings)
    ctx = RenderContext.for_item(meeting, body, item)
    return [
        "".join(run.text for run in element.runs)
        for element in render_block(motion, ctx)
        if isinstance(element, Para)
    ]


def notation_choices(settings: BodySettings) -> list[tuple[str, VoteNotation]]:
    """ "In words: Carried by five votes to one.", "As figures: Motion carried 5-1." """
    out = []
    for notation in VoteNotation:
        trial = copy.copy(settings)
        trial.style = _with(settings.style, vote_notation=notation)
        vote_line = (_lines(trial) or [""])[-1]
        out.append((f"{_NOTATION_WORDS[notation]}: {vote_line}", notation))
    return out


def _laid_out(settings: BodySettings) -> list[str]:
    """The sample item's motion in the style's layout: the narrative sentences, one line
    of the resolution log, or the decision and a row of the action table."""
    from clerk_app.domain import layouts
    from clerk_app.domain.render import RenderContext

    body, meeting, item, motion = _sample(settings)
    ctx = RenderContext.for_item(meeting, body, item)
    layout = settings.style.layout
    if layout is Layout.RESOLUTION_LOG:
        return ["".join(run.text for run in layouts.log_line(motion, ctx).runs)]
    if layout is Layout.ACTION_MINUTES:
        elements = layouts.action_item(item, ctx, []) + layouts.action_table([item], ctx)
        lines: list[str] = []
        for element in elements:
            if isinstance(element, Para):
                lines.append("".join(run.text for run in element.runs))
            elif isinstance(element, Table):
                lines.extend(" | ".join(row) for row in (element.header, *element.rows))
        return [line for line in lines if line.strip()]
    return _lines(settings)


def preview_lines(settings: BodySettings) -> list[str]:
    """The date and time of a sample meeting, then its motion (mover, words, vote), as
    these settings write them and in their layout."""
    from clerk_app.domain.render import RenderContext

    body, meeting, item, _motion = _sample(settings)
    ctx = RenderContext.for_item(meeting, body, item)
    when = f"{ctx.date(EXAMPLE_DAY, settings.style.header_weekday)}, {ctx.time(EXAMPLE_TIME)}"
    return [when, *_laid_out(settings)]
