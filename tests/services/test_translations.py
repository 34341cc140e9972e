"""Bilingual minutes with the clerk's words in both languages: the second-language text
typed beside the first is kept, travels in the JSON file and is printed in the second
language's column or section, every kind of block that has words."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from pathlib import Path

import docx
import pytest

from clerk_app.domain.bilingual import render_bilingual
from clerk_app.domain.document import Version, _lines
from clerk_app.domain.model import (
    Action,
    Attendance,
    Block,
    DataTable,
    Declaration,
    Heading,
    Meeting,
    Motion,
    Note,
    Outcome,
    Paragraph,
    PlanningApplication,
    PlanningDecision,
    Points,
    PublicParticipation,
    Speaker,
    Vote,
    VoteKind,
    VoteTaken,
)
from clerk_app.domain.style import Bilingual
from clerk_app.domain.translation import TRANSLATABLE
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo
from clerk_app.services.errors import ServiceError
from clerk_app.services.interchange import read_meeting_json, write_meeting_json

STYLE = "welsh-community-council"  # Welsh first (left), English second (right)


def _cells(path: Path) -> list[tuple[str, str]]:
    out = []
    for table in docx.Document(str(path)).tables:
        left, right = table.rows[0].cells
        out.append((left.text, right.text))
    return out


@pytest.fixture
def welsh(svc: Services) -> Meeting:
    meeting = create_style_demo(svc, STYLE)
    item = next(it for it in meeting.items if "Ymgynghoriad cynllunio" in it.title)
    item.title = "Plannu coed stryd"
    item.translation = {"title": "Street tree planting"}
    svc.update_item(meeting, item)
    svc.add_block(
        meeting,
        item.id,
        Paragraph(
            text="Trafododd yr aelodau leoliad y coed.",
            translation={"text": "Members discussed where the trees should go."},
        ),
    )
    motion = svc.move_motion(
        meeting,
        item.id,
        mover_id=meeting.attendance[0].person_id,
        seconder_id=meeting.attendance[1].person_id,
        clauses=["plannu deg coeden ar Stryd Fawr", "gofyn am grant"],
    )
    motion.translation = {"clauses": "plant ten trees on High Street\napply for a grant"}
    svc.update_block(meeting, item.id, motion)
    svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    return svc.get_meeting(meeting.id)


def test_side_by_side_the_welsh_typed_left_and_its_english_right(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    out = svc.export(welsh, tmp_path / "full.docx", Version.FULL)
    cy, en = next(c for c in _cells(out) if "Plannu coed stryd" in c[0])
    for typed, translated in [
        ("Plannu coed stryd", "Street tree planting"),
        ("Trafododd yr aelodau leoliad y coed.", "Members discussed where the trees should go."),
        ("plannu deg coeden ar Stryd Fawr", "plant ten trees on High Street"),
        ("gofyn am grant", "apply for a grant"),
    ]:
        assert typed in cy and translated not in cy
        assert translated in en and typed not in en
    assert "PENDERFYNWYD" in cy and "RESOLVED" in en
    # an item with no translation prints as typed in both columns, as before
    hours = next(it for it in welsh.items if it.title == "Grant i Eisteddfod Llanhelyg")
    motion = next(b for b in hours.blocks if isinstance(b, Motion))
    svc.update_block(welsh, hours.id, dataclasses.replace(motion, translation={}))
    out = svc.export(svc.get_meeting(welsh.id), tmp_path / "full.docx", Version.FULL)
    cells = next(c for c in _cells(out) if "Grant i Eisteddfod Llanhelyg" in c[0])
    typed = "y Cyngor yn rhoi grant o £250 i bwyllgor Eisteddfod Llanhelyg"
    assert typed in cells[0] and typed in cells[1]


@pytest.mark.parametrize("layout", [Bilingual.PER_ITEM, Bilingual.WHOLE])
def test_one_language_after_the_other_has_the_translation_second(
    svc: Services, welsh: Meeting, tmp_path: Path, layout: Bilingual
) -> None:
    body = copy.deepcopy(svc.get_body(welsh.body_id))
    body.settings.style.bilingual = layout
    svc.save_body(body)
    out = svc.export(welsh, tmp_path / "minutes.docx", Version.FULL)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    cy = texts.index("Trafododd yr aelodau leoliad y coed.")
    en = texts.index("Members discussed where the trees should go.")
    assert cy < en
    assert texts.count("Trafododd yr aelodau leoliad y coed.") == 1


def test_translations_round_trip_through_the_json_file(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    body = svc.get_body(welsh.body_id)
    path = write_meeting_json(welsh, body, tmp_path / "minutes.json")
    assert "plant ten trees on High Street" in path.read_text("utf-8")
    _body, meeting2 = read_meeting_json(path)
    assert meeting2 == welsh
    item = next(it for it in meeting2.items if it.title == "Plannu coed stryd")
    assert item.translation == {"title": "Street tree planting"}
    motion = next(b for b in item.blocks if "plant ten" in b.translation.get("clauses", ""))
    assert motion.translation["clauses"].splitlines()[1] == "apply for a grant"


def test_a_translation_of_a_field_that_is_not_typed_is_refused(
    svc: Services, welsh: Meeting
) -> None:
    item = welsh.items[0]
    kept = dict(item.translation)
    block = Paragraph(text="Testun", translation={"mover_id": "someone"})
    with pytest.raises(ServiceError) as info:
        svc.add_block(welsh, item.id, block)
    assert "no typed text" in str(info.value)
    item.translation = {"report_ref": "X"}
    with pytest.raises(ServiceError):
        svc.update_item(welsh, item)
    assert svc.get_meeting(welsh.id).items[0].translation == kept


def _every_kind() -> list[Block]:
    """One block of each kind with words, every translatable field typed."""
    planning = PlanningApplication(
        reference="26/1/FUL",
        proposal="estyniad",
        recommendation="caniatáu",
        decision=PlanningDecision.APPROVE,
        reasons="rheswm",
        conditions=["amod un", "amod dau"],
        speakers=[Speaker("Ann Rees", summary="yn erbyn y cynllun"), Speaker("Ifan Bowen")],
    )
    return [
        Paragraph(text="paragraff"),
        Points(intro="cyflwyniad", points=["pwynt un", "pwynt dau"]),
        Declaration(reason="fel ymddiriedolwr", scope="cais 26/1"),
        Action(text="ysgrifennu at y cyngor", due=date(2026, 5, 1)),
        Note(text="nodyn"),
        Heading(text="pennawd"),
        DataTable(caption="taliadau", columns=["talai", "swm"], rows=[["A", "£1.00"]]),
        PublicParticipation(
            intro="siaradwyr",
            subject="y terfyn cyflymder",
            speakers=[Speaker("Non Evans", summary="o blaid y terfyn")],
        ),
        planning,
    ]


def test_every_kind_of_block_with_words_prints_its_translation(
    svc: Services, welsh: Meeting
) -> None:
    """Each typed field that the first language (left) prints has its translation in the
    second language (right), and the typed words no longer there."""
    body = svc.get_body(welsh.body_id)
    blocks = _every_kind()
    kinds = {type(b) for b in blocks} | {Motion, VoteTaken, type(welsh.items[0])}
    # motions are above, a vote later is with the votes, the meeting's own words and its
    # attendance in test_meeting_translations
    assert kinds | {Meeting, Attendance} == set(TRANSLATABLE)
    checked = 0
    for block in blocks:
        if isinstance(block, Declaration):
            block.person_id = welsh.attendance[0].person_id
        english: dict[str, list[str]] = {}
        for name in TRANSLATABLE[type(block)]:
            value = getattr(block, name)
            typed = value if isinstance(value, list) else [value]
            typed = [getattr(v, "summary", v) for v in typed]  # a speaker by the summary
            english[name] = [f"English {name} {i}" for i in range(len(typed))]
        block.translation = {name: "\n".join(lines) for name, lines in english.items()}
        meeting = copy.deepcopy(welsh)
        meeting.items[0].blocks = [block]
        document = render_bilingual(meeting, body, Version.FULL)
        section = next(c for c in document.columns if c.item_id == meeting.items[0].id)
        left, right = "\n".join(_lines(section.left)), "\n".join(_lines(section.right))
        for name, lines in english.items():
            value = getattr(block, name)
            typed = value if isinstance(value, list) else [value]
            typed = [getattr(v, "summary", v) for v in typed]
            for entry, translated in zip(typed, lines, strict=True):
                if entry and entry in left:
                    assert translated in right and entry not in right, (block.KIND, name)
                    assert translated not in left, (block.KIND, name)
                    checked += 1
    assert checked >= 20


def test_an_item_moved_into_part_2_keeps_its_public_heading_in_both_languages(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    """Its public heading starts as its title, in each language; the title itself (and
    its translation) the public minutes never print."""
    item = copy.deepcopy(next(it for it in welsh.items if it.translation))
    item.part, item.exempt_paragraph = 2, "1"
    item.title = "Plannu coed stryd: tendr Cwmni Derw"
    item.translation = {"title": "Street tree planting: Derw Ltd tender"}
    svc.update_item(welsh, item)
    # the clerk then words the public heading apart from the title
    stored = svc.get_meeting(welsh.id).item(item.id)
    assert stored is not None
    assert stored.public_heading == "Plannu coed stryd: tendr Cwmni Derw"
    assert stored.translation["public_heading"] == "Street tree planting: Derw Ltd tender"
    stored.public_heading = "Plannu coed stryd"
    stored.translation = stored.translation | {"public_heading": "Street tree planting"}
    svc.update_item(welsh, stored)
    out = svc.export(svc.get_meeting(welsh.id), tmp_path / "public.docx", Version.PUBLIC)
    text = "\n".join(a + "\n" + b for a, b in _cells(out))
    assert "Plannu coed stryd" in text and "Street tree planting" in text
    assert "Derw" not in text
