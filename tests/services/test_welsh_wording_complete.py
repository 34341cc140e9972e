"""The Welsh wording is Welsh throughout: no phrase of cy.json is the English one unless
it is language-neutral, every Welsh phrase uses only the fields its English one may use,
the drafts are listed for a Welsh speaker to check, and the Welsh column of the
bilingual demo minutes (with motions referred, deferred, noted and adopted, speakers,
a planning decision and exempt business added) reads back with no English from Clerk."""

from __future__ import annotations

import copy
import dataclasses
import enum
import json
import re
import string
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    ExclusionRegime,
    ItemKind,
    Meeting,
    Motion,
    Moving,
    Outcome,
    Paragraph,
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Speaker,
    SpeakerCapacity,
    Stance,
    Vote,
    VoteKind,
)
from clerk_app.domain.phrases import Phrases, validate_overrides
from clerk_app.paths import resource
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo

# Words a phrase may keep as in English because Welsh uses the same word: "Cabinet" is
# the Welsh word for a council's cabinet ("Cabinet Cyngor Sir …"); "A" labels an answer
# in both languages (Answer, Ateb).
NEUTRAL_WORDS = frozenset({"Cabinet", "A"})

# English words that never occur in formal Welsh minutes (Welsh "a", "am", "ar", "at",
# "i", "o", "yn" are left out: they are Welsh words too).
ENGLISH_WORDS = (
    "the",
    "of",
    "and",
    "was",
    "were",
    "by",
    "that",
    "this",
    "with",
    "for",
    "against",
    "under",
    "from",
    "be",
    "been",
    "is",
    "it",
    "its",
    "moved",
    "seconded",
    "meeting",
    "item",
    "vote",
    "application",
    "public",
    "consideration",
    "exempt",
)


def _file(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(resource("phrases", name).read_text(encoding="utf-8"))
    return data


def _phrases(name: str) -> dict[str, str]:
    return {k: str(v) for k, v in _file(name).items() if not k.startswith("_")}


def _literal_words(template: str) -> list[str]:
    """The words a template writes itself (its fields left out)."""
    literal = "".join(text for text, _f, _s, _c in string.Formatter().parse(template))
    return re.findall(r"[^\W\d_]+", literal)


def _neutral(template: str) -> bool:
    """Only fields, punctuation, digits and words Welsh shares with English."""
    return set(_literal_words(template)) <= NEUTRAL_WORDS


def test_no_welsh_phrase_is_the_english_one() -> None:
    english, welsh = _phrases("en-GB.json"), _phrases("cy.json")
    left = sorted(k for k, v in welsh.items() if v == english.get(k) and not _neutral(v))
    assert left == []


def test_the_neutral_check_tells_english_from_pure_format() -> None:
    assert _neutral("{body} – {date}") and _neutral("{for_}-{against}") and _neutral("Cabinet")
    assert not _neutral("The {what} was noted.") and not _neutral("under {rule},")


def test_every_welsh_phrase_uses_only_fields_its_english_one_may_use() -> None:
    welsh = _phrases("cy.json")
    assert validate_overrides(welsh, locale="cy") == []
    assert validate_overrides(welsh) == []  # checked against the English wording too
    loaded = Phrases.load(welsh, locale="cy")  # strict: raises on a bad field
    assert loaded.format("outcome.noted", what="cynnig") == "Nodwyd y cynnig."


def test_the_drafts_are_listed_for_a_welsh_speaker() -> None:
    data = _file("cy.json")
    english, welsh = _phrases("en-GB.json"), _phrases("cy.json")
    review = data["_review"]
    assert isinstance(review, list)
    assert len(review) == len(set(review)) and set(review) <= set(english)
    # the statutory wording, in Welsh, waits for a check
    legal = {k for k, v in welsh.items() if "deddf" in v.lower()}
    assert (
        {
            "exclusion.lga_1972",
            "exclusion.lga_1972_nopara",
            "exclusion.act_1960",
            "exempt.notice.lga_1972",
            "status.confidential.act_1960",
        }
        <= legal
        <= set(review)
    )
    assert "Atodlen 12A" in welsh["exempt.notice.lga_1972"]
    assert "gwybodaeth eithriedig" in welsh["exclusion.lga_1972"]
    assert "o Ddeddf Cyrff Cyhoeddus (Derbyn i Gyfarfodydd) 1960" in welsh["exclusion.act_1960"]
    # the note points at the list (no count in it to fall out of step)
    assert "The phrases named in _review are Welsh drafts" in str(data["_about"])


# --------------------------------------------------------------------------- the demo


def _typed(value: object, out: set[str]) -> set[str]:
    """Every text the clerk typed into the meeting or the body (names, motions, reasons,
    notes …): what the Welsh column may hold in English."""
    if isinstance(value, enum.Enum):
        return out
    if isinstance(value, str):
        if len(value) > 1 and value.lower() not in ENGLISH_WORDS:
            out.add(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _typed(getattr(value, f.name), out)
    elif isinstance(value, dict):
        for v in value.values():
            _typed(v, out)
    elif isinstance(value, (list, tuple, set)):
        for v in value:
            _typed(v, out)
    return out


def _welsh_column(path: Path) -> str:
    document = docx.Document(str(path))
    texts: list[str] = []

    def cell_texts(cell: docx.table._Cell) -> None:
        texts.extend(p.text for p in cell.paragraphs if p.style.name != "Clerk Item Heading")
        for table in cell.tables:
            for row in table.rows:
                for c in row.cells:
                    cell_texts(c)

    for table in document.tables:
        cell_texts(table.cell(0, 0))
    return "\n".join(texts)


def _more_business(svc: Services, meeting: Meeting) -> Meeting:
    """Motions with every kind of outcome, speakers, a planning decision and exempt
    business under the Local Government Act 1972, added to the demo."""
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    body.settings.exclusion = ExclusionRegime.LGA_1972
    svc.save_body(body)
    people = {p.last_name: p.id for p in body.people}
    item = next(it for it in meeting.items if "Cysgodfan fysiau" in it.title)
    words = ["y llwybr yn cael ei ailagor"]
    for outcome, detail in (
        (Outcome.REFERRED, "y Pwyllgor Cyllid"),
        (Outcome.DEFERRED, ""),
        (Outcome.NOTED, ""),
        (Outcome.ON_FILE, ""),
    ):
        motion = Motion(mover_id=people["Adair"], seconder_id=people["Brandt"], clauses=list(words))
        svc.add_block(meeting, item.id, motion)
        motion.outcome, motion.outcome_by_hand, motion.outcome_detail = outcome, True, detail
        svc.update_block(meeting, item.id, motion)
    formal = svc.add_block(
        meeting, item.id, Motion(moving=Moving.FORMAL, seconder_id=people["Lind"], clauses=words)
    )
    svc.record_vote(meeting, item.id, formal.id, Vote(VoteKind.COUNTS, 6, 1, 0), Outcome.ADOPTED)
    svc.add_block(
        meeting,
        item.id,
        PublicParticipation(
            subject="y bont",
            speakers=[
                Speaker("Mair Hughes", SpeakerCapacity.RESIDENT, stance=Stance.FOR),
                Speaker("Ifan Rowlands", SpeakerCapacity.OBJECTOR, stance=Stance.AGAINST),
                Speaker("", SpeakerCapacity.AGENT),
            ],
        ),
    )
    svc.add_block(
        meeting,
        item.id,
        PlanningApplication(
            reference="26/0042/LBC",
            site="Pont y Felin",
            applicant="Cyngor Cymuned Llanhelyg",
            proposal="Atgyweirio’r bont droed",
            decision=PlanningDecision.NO_OBJECTION,
            reasons="dylid cadw’r canllawiau haearn",
        ),
    )
    secret = next(it for it in meeting.items if it.exempt)
    svc.add_item(
        meeting,
        "Gwahardd y wasg a’r cyhoedd / Exclusion of the press and public",
        meeting.items.index(secret),
        kind=ItemKind.EXCLUSION,
    )
    secret.exempt_paragraph = "1"
    svc.update_item(meeting, secret)
    svc.add_block(meeting, secret.id, Paragraph(text="Trafodwyd oriau’r clerc."))
    return svc.get_meeting(meeting.id)


@pytest.fixture
def welsh_text(svc: Services, tmp_path: Path) -> tuple[str, set[str]]:
    """The Welsh column of the full, public and confidential minutes exported, and what
    the clerk typed."""
    meeting = _more_business(svc, create_style_demo(svc, "welsh-community-council"))
    texts = [
        _welsh_column(svc.export(meeting, tmp_path / f"{version}.docx", version))
        for version in (Version.FULL, Version.PUBLIC, Version.CONFIDENTIAL)
    ]
    return "\n".join(texts), _typed([meeting, svc.get_body(meeting.body_id)], set())


def test_the_welsh_column_says_each_outcome_in_welsh(welsh_text: tuple[str, set[str]]) -> None:
    text, _typed_texts = welsh_text
    for welsh in (
        "Cyfeiriwyd y cynnig at sylw y Pwyllgor Cyllid.",
        "Gohiriwyd ystyried y cynnig.",
        "Nodwyd y cynnig.",
        "Rhoddwyd y cynnig ar ffeil.",
        "Cynigiwyd yn ffurfiol, ac eiliwyd gan Gyng. Lind, a",
        "Mabwysiadwyd y cynnig o 6 pleidlais i 1.",
        "Mair Hughes, preswylydd lleol, a siaradodd o blaid y bont.",
        "Ifan Rowlands, gwrthwynebydd, a siaradodd yn erbyn y bont.",
        "y Cyngor yn datgan NAD OES GANDDO WRTHWYNEBIAD i’r cais",
        "fel y’i diffinnir yn Rhan 1 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972 (paragraff 1).",
        "Nid i’w gyhoeddi – gwybodaeth eithriedig o dan Ran 1 o Atodlen 12A",
        "y wasg a’r cyhoedd yn cael eu gwahardd o’r cyfarfod, yn unol ag adran 100A(4)",
    ):
        assert welsh in text


def test_the_welsh_column_has_no_english_from_clerk(welsh_text: tuple[str, set[str]]) -> None:
    text, typed_texts = welsh_text
    english = _phrases("en-GB.json")
    # no run of three or more words of an English phrase
    for key, template in english.items():
        for literal, *_rest in string.Formatter().parse(template):
            words = re.findall(r"[^\W\d_]+", literal or "")
            if len(words) >= 3 and words != re.findall(r"[^\W\d_]+", _phrases("cy.json")[key]):
                assert " ".join(words) not in " ".join(re.findall(r"[^\W\d_]+", text)), key
    # … and, with the clerk's own typing taken out, no English word at all
    for typed in sorted(typed_texts, key=len, reverse=True):
        text = re.sub(re.escape(typed), " ", text, flags=re.IGNORECASE)
    found = [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", text, re.IGNORECASE)]
    assert found == [], text
