"""Meetings whose Part 2 items carry a distinct marker in every text field, and every
public output of them, for the leak tests."""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    WITH_CONDITIONS,
    Body,
    BodyKind,
    ChangeKind,
    ClauseStyle,
    DataTable,
    Heading,
    InterestConduct,
    LeadIn,
    Meeting,
    MotionKind,
    Moving,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Person,
    PlanningApplication,
    PlanningDecision,
    Points,
    PointStyle,
    PublicParticipation,
    Role,
    Speaker,
    SpeakerCapacity,
    Stance,
    Vote,
    VoteKind,
)
from clerk_app.domain.style import Bilingual
from clerk_app.domain.translation import cell_key, is_list_field, translatable_fields
from clerk_app.services import Services

BLOCK_KINDS = (
    "paragraph",
    "points",
    "declaration",
    "motion",
    "amendment",
    "action",
    "action_person",
    "note",
    "adjourn",
    "attendance",
    "heading",
    "table",
    "speakers",
    "planning",
    "vote_later",
)
TITLE_WORDS = ("", "Pupil exclusion review", "Apologies", "Declarations", "Urgent", "Minutes of")
PUBLIC_HEADINGS = ("Staffing matter", "", "Contract award")
PUBLIC_SUMMARIES = ("", "The Board considered a confidential report.", "A decision was made.\n")
OUTCOMES = tuple(Outcome)
VOTES = (VoteKind.UNANIMOUS, VoteKind.COUNTS, VoteKind.WITHOUT_VOTE, VoteKind.NONE)


@dataclass
class ExemptSpec:
    """One Part 2 item: words before its title's marker, its blocks, its public parts."""

    title_words: str = ""
    blocks: list[tuple[str, int]] = field(default_factory=list)  # (kind, variant)
    public_heading: str = "Staffing matter"
    public_summary: str = ""


@dataclass
class Made:
    body: Body
    meeting: Meeting
    markers: list[str]


class Markers:
    """Distinct marker strings: letters only, so no wording or casing hides them."""

    def __init__(self) -> None:
        self._n = itertools.count(1)
        self.made: list[str] = []

    def __call__(self) -> str:
        n = next(self._n)
        word = "zq" + "".join(chr(ord("a") + int(d)) for d in f"{n:04d}") + "xv"
        self.made.append(word)
        return word


def make_meeting(svc: Services, specs: list[ExemptSpec], *, translated: bool = False) -> Made:
    """A meeting with Part 1 items (one with a report author, an action and a motion),
    the exclusion resolution, and a Part 2 item per spec with markers in every text;
    ``translated``: the body's minutes are bilingual (side by side, English and Welsh),
    and every translatable text of the Part 2 items has a translation with a marker."""
    m = Markers()
    body = svc.create_body("Trust Board", BodyKind.COMMITTEE, authority="Brackley Trust")
    if translated:
        body.settings.style.bilingual = Bilingual.COLUMNS
        body.settings.style.second_locale = "cy"
    body.people += [
        Person("Ruth", "Amadi", role=Role.CHAIR),
        Person("Sol", "Berg", role=Role.VICE_CHAIR),
        Person("Tess", "Cole"),
        Person("Umar", "Dale"),
    ]
    body = svc.save_body(body)
    ids = [p.id for p in body.people]
    agenda = ["Finance report", "Exclusion of the press and public"]
    agenda += [f"[exempt 3] {s.title_words} {m()}".replace("  ", " ") for s in specs]
    meeting = svc.create_meeting(
        body.id, date(2026, 7, 1), venue="Board room", start_time=time(9, 0), agenda=agenda
    )
    finance = next(it for it in meeting.items if it.title == "Finance report")
    finance.report_author = "Director of Finance"
    svc.update_item(meeting, finance)
    svc.add_block(meeting, finance.id, Paragraph(text="The Director presented the accounts."))
    svc.add_action(meeting, finance.id, "Publish the accounts", owner="Director of Finance")
    motion = svc.move_motion(
        meeting, finance.id, mover_id=ids[0], seconder_id=ids[1], clauses=["note the accounts"]
    )
    svc.record_vote(meeting, finance.id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    exempt_items = [it for it in meeting.items if it.exempt]
    for item, spec in zip(exempt_items, specs, strict=True):
        item.purpose, item.report_author, item.report_ref = m(), m(), m()
        item.exempt_paragraph = f"3, {m()}"
        item.public_heading, item.public_summary = spec.public_heading, spec.public_summary
        svc.update_item(meeting, item)
        for kind, variant in spec.blocks:
            _add_block(svc, meeting, item.id, kind, variant, ids, m)
    if translated:
        _translate_part_2(svc, svc.get_meeting(meeting.id), m)
    return Made(body, svc.get_meeting(meeting.id), m.made)


def _translate_part_2(svc: Services, meeting: Meeting, m: Callable[[], str]) -> None:
    """A marker as the translation of every translatable text of every Part 2 item and
    its blocks (the public heading and summary are public, in either language)."""
    for item in meeting.items:
        if not item.exempt:
            continue
        names = [n for n in translatable_fields(item) if not n.startswith("public_")]
        item.translation = {name: m() for name in names}
        svc.update_item(meeting, item)
        for block in item.blocks:
            fields = translatable_fields(block)
            if fields:
                block.translation = {
                    name: "\n".join(m() for _ in range(3)) if is_list_field(block, name) else m()
                    for name in fields
                }
                if isinstance(block, DataTable):  # and each of its cells
                    block.translation |= {
                        cell_key(r, c): m()
                        for r, row in enumerate(block.rows)
                        for c in range(len(row))
                    }
                svc.update_block(meeting, item.id, block)


def _add_block(
    svc: Services,
    meeting: Meeting,
    item_id: str,
    kind: str,
    variant: int,
    ids: list[str],
    m: Callable[[], str],
) -> None:
    who = ids[variant % len(ids)]
    if kind == "paragraph":
        svc.add_block(meeting, item_id, Paragraph(text=m()))
    elif kind == "points":
        style = list(PointStyle)[variant % len(PointStyle)]
        svc.add_block(meeting, item_id, Points(intro=m(), points=[m(), m()], style=style))
    elif kind == "declaration":
        _declaration(svc, meeting, item_id, who, variant, m)
    elif kind in ("motion", "amendment"):
        _motion(svc, meeting, item_id, kind, variant, ids, m)
    elif kind == "vote_later":  # moved, debated, then voted on in a block of its own
        _motion(svc, meeting, item_id, "amendment", variant, ids, m, later=True)
    elif kind == "action":
        svc.add_action(meeting, item_id, m(), owner=m(), due=date(2026, 9, 1))
    elif kind == "action_person":
        svc.add_action(meeting, item_id, m(), owner_id=who)
    elif kind == "note":
        svc.add_block(meeting, item_id, Note(note_kind=NoteKind.TEXT, text=m()))
    elif kind == "adjourn":
        svc.adjourn(meeting, item_id, at=time(10, 5), reason=m())
        svc.resume(meeting, item_id, at=time(10, 20))
    elif kind == "heading":
        svc.add_block(meeting, item_id, Heading(text=m(), numbered=bool(variant % 2)))
    elif kind == "table":
        rows = [[m(), m(), "£12.50"], [m(), m(), "(£2.00)"]]
        total = 2 if variant % 2 else None
        table = DataTable(caption=m(), columns=[m(), m(), m()], rows=rows, money_columns=[2])
        table.total_column = total
        svc.add_block(meeting, item_id, table)
    elif kind == "speakers":
        svc.add_block(meeting, item_id, PublicParticipation(m(), m(), _speakers(variant, m)))
    elif kind == "planning":
        decision = list(PlanningDecision)[variant % len(PlanningDecision)]
        conditions = [m(), m()] if decision in WITH_CONDITIONS else []
        texts = {f: m() for f in ("reference", "site", "applicant", "agent", "proposal")}
        app = PlanningApplication(**texts, recommendation=m(), decision=decision)
        app.speakers, app.reasons, app.conditions = _speakers(variant, m), m(), conditions
        svc.add_block(meeting, item_id, app)
    elif kind == "attendance":
        change = list(ChangeKind)[variant % len(ChangeKind)]
        svc.record_attendance_change(meeting, item_id, who, change, at=time(9, 40))


def _speakers(variant: int, m: Callable[[], str]) -> list[Speaker]:
    capacity = list(SpeakerCapacity)[variant % len(SpeakerCapacity)]
    stance = list(Stance)[variant % len(Stance)]
    return [Speaker(m(), capacity, m(), stance, m()), Speaker(m(), capacity, "", stance, "")]


def _declaration(
    svc: Services, meeting: Meeting, item_id: str, who: str, variant: int, m: Callable[[], str]
) -> None:
    conduct = list(InterestConduct)[variant % len(InterestConduct)]
    scope = m() if variant % 2 else ""
    svc.record_declaration(meeting, item_id, who, m(), m(), conduct=conduct, scope=scope)
    if variant % 3 == 0:
        svc.record_nil_declarations(meeting, item_id)


def _motion(
    svc: Services,
    meeting: Meeting,
    item_id: str,
    kind: str,
    variant: int,
    ids: list[str],
    m: Callable[[], str],
    later: bool = False,
) -> None:
    item = meeting.item(item_id)
    assert item is not None
    target = next(
        (b.id for b in item.blocks if getattr(b, "motion_kind", None) is MotionKind.SUBSTANTIVE),
        None,
    )
    amendment = kind == "amendment" and target is not None
    motion = svc.move_motion(
        meeting,
        item_id,
        mover_id=ids[variant % 4],
        seconder_id=ids[(variant + 1) % 4] if variant % 3 else None,
        clauses=[m(), m()],
        preamble=m(),
        kind=MotionKind.AMENDMENT if amendment else MotionKind.SUBSTANTIVE,
        amends_id=target if amendment else None,
        lead_in=list(LeadIn)[variant % len(LeadIn)],
        clause_style=list(ClauseStyle)[variant % len(ClauseStyle)],
    )
    motion.recommend_to, motion.rule = m(), m()
    # how it was moved, and an office-holder as mover: who moved is public, so no marker
    motion.moving = list(Moving)[variant % len(Moving)]
    if motion.moving is Moving.UNNAMED:
        motion.mover_id = motion.seconder_id = None
    elif variant % 5 == 0:
        motion.mover_id, motion.mover_text = None, "the Mayor"
    svc.update_block(meeting, item_id, motion)
    vote_kind = VOTES[variant % len(VOTES)]
    vote = Vote(vote_kind, 5, 2, 1) if vote_kind is VoteKind.COUNTS else Vote(vote_kind)
    if vote_kind is VoteKind.COUNTS and variant % 2:
        vote = Vote(vote_kind, None, 1, None, rest_for=True)
    outcome = OUTCOMES[variant % len(OUTCOMES)]
    detail = m() if outcome in (Outcome.REFERRED, Outcome.DEFERRED) else None
    if later:
        svc.add_block(meeting, item_id, Paragraph(text=m()))
        svc.record_vote_later(meeting, item_id, motion.id, vote, outcome, detail=detail or "")
        return
    svc.record_vote(meeting, item_id, motion.id, vote, outcome, by_hand=True, detail=detail)


# --------------------------------------------------------------------------- outputs


def public_outputs(svc: Services, made: Made, folder: Path) -> Iterator[Path]:
    """Every public output: the public minutes, the decision sheet, the public action
    log and the officers' draft of each Part 1 item."""
    meeting = made.meeting
    folder.mkdir(parents=True, exist_ok=True)
    yield svc.export(meeting, folder / "public.docx", Version.PUBLIC)
    yield svc.export_decision_sheet(meeting, folder / "decisions.docx")
    yield svc.export_action_log(made.body.id, folder / "actions.docx")
    for n, item in enumerate(it for it in meeting.items if not it.exempt):
        yield svc.export_item_draft(meeting, item.id, folder / f"draft-{n}.docx")


def docx_parts(path: Path) -> dict[str, str]:
    """Every XML part of a .docx (document, headers, footers, comments, footnotes,
    properties, numbering, styles, relationships …) as text."""
    with zipfile.ZipFile(path) as z:
        return {
            name: z.read(name).decode("utf-8", "replace")
            for name in z.namelist()
            if name.endswith((".xml", ".rels"))
        }


def leaks(path: Path, markers: list[str]) -> list[tuple[str, str]]:
    """(part, marker) for every marker found in any XML part, in its markup or its text
    (tags removed, so a marker split across runs is found too), in any case."""
    found: list[tuple[str, str]] = []
    for name, xml in docx_parts(path).items():
        haystack = (xml + "\n" + re.sub(r"<[^>]+>", "", xml)).casefold()
        found.extend((name, mk) for mk in markers if mk in haystack)
    return found
