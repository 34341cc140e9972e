"""Bilingual minutes and interim notes, exported and read back from the .docx: the
Welsh community council demo, in Welsh and English."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import Meeting
from clerk_app.domain.style import Bilingual
from clerk_app.domain.translation import translatable_fields
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo

STYLE = "welsh-community-council"
SECRET = "scale point 24"  # words of the Part 2 resolution
PART_2_TITLE = "Clerk’s hours and pay review"


def _cells(path: Path) -> list[tuple[str, str]]:
    """Each bilingual section: (Welsh cell, English cell) text."""
    document = docx.Document(str(path))
    out = []
    for table in document.tables:
        left, right = table.rows[0].cells
        out.append((left.text, right.text))
    return out


def _with_layout(svc: Services, meeting: Meeting, layout: Bilingual) -> None:
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    body.settings.style.bilingual = layout
    svc.save_body(body)


@pytest.fixture
def welsh(svc: Services) -> Meeting:
    return create_style_demo(svc, STYLE)


def test_side_by_side_welsh_left_english_right(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    out = svc.export(welsh, tmp_path / "full.docx", Version.FULL)
    cells = _cells(out)
    front_cy, front_en = cells[0]
    assert "Cyngor Cymuned Llanhelyg" in front_cy and "Yn bresennol:" in front_cy
    assert "ar ddydd Mawrth 24 Mawrth 2026 am 19:00" in front_cy
    assert "Cyng. Whitfield (Cadeirydd)" in front_cy
    assert "Llanhelyg Community Council" in front_en and "Present:" in front_en
    assert "Tuesday 24 March 2026 at 19:00" in front_en and "Cllr Whitfield (Chair)" in front_en
    assert "Present:" not in front_cy
    hours_cy, hours_en = next(c for c in cells if "Grant i Eisteddfod Llanhelyg" in c[0])
    # the typed words in Welsh, their translation in English, each column in one
    # language; labels and sentences in each language
    typed = "y Cyngor yn rhoi grant o £250 i bwyllgor Eisteddfod Llanhelyg"
    english = "the Council give a grant of £250 to the Llanhelyg Eisteddfod committee"
    assert typed in hours_cy and english in hours_en
    assert english not in hours_cy and typed not in hours_en
    assert "Grant to Llanhelyg Eisteddfod" in hours_en and "Grant to" not in hours_cy
    # the venue and an apology's reason in each language
    assert "Neuadd Bentref Llanhelyg" in front_cy and "Cyng. Vance (salwch)" in front_cy
    assert "Llanhelyg Village Hall" in front_en and "Cllr Vance (illness)" in front_en
    assert "Neuadd Bentref" not in front_en and "illness" not in front_cy
    assert "PENDERFYNWYD bod" in hours_cy and "RESOLVED that" in hours_en
    assert "Derbyniwyd o 5 pleidlais i 1, gyda 2 yn ymatal." in hours_cy
    assert "Carried by 5 votes to 1, with 2 abstentions." in hours_en
    close_cy, close_en = cells[-1]
    assert "Daeth y cyfarfod i ben am 21:36." in close_cy and "Llofnodwyd" in close_cy
    assert "The meeting closed at 21:36." in close_en and "Signed" in close_en
    # the recorded vote sits in the item's cell, in each language, listed inline: a
    # table in half the page's width broke its words ("Nife r") and kept its row whole
    bridge = next(
        t for t in docx.Document(str(out)).tables if "Cysgodfan fysiau" in t.cell(0, 0).text
    )
    assert [t for cell in bridge.rows[0].cells for t in cell.tables] == []
    bridge_cy, bridge_en = bridge.rows[0].cells[0].text, bridge.rows[0].cells[1].text
    assert "O blaid Cyng. Adair, Cyng. Brandt" in bridge_cy
    assert "Yn erbyn Cyng. Nakamura" in bridge_cy
    assert "For Cllr Adair, Cllr Brandt" in bridge_en and "Against Cllr Nakamura" in bridge_en


def test_long_sections_break_across_pages_with_their_headings_kept(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    """A section's row may break across pages (a whole item pushed to the next page left
    the one before half empty), and only within a cell is a paragraph kept with the next:
    the heading with its first lines, never one section with the next."""
    out = svc.export(welsh, tmp_path / "full.docx", Version.FULL)
    headings = 0
    for table in docx.Document(str(out)).tables:
        row = table.rows[0]._tr
        assert row.xpath("./w:trPr/w:cantSplit/@w:val") == ["0"]
        for cell in table.rows[0].cells:
            assert cell.paragraphs[-1].paragraph_format.keep_with_next is False
        paragraphs = table.rows[0].cells[0].paragraphs
        if paragraphs[1].style is not None and paragraphs[1].style.name == "Clerk Item Heading":
            headings += 1
            # the heading kept with its first lines, below a blank line of no height
            # that stops the section being kept with the next
            assert paragraphs[1].style.paragraph_format.keep_with_next
            assert paragraphs[1].paragraph_format.keep_with_next is None
            assert paragraphs[0].text == "" and not paragraphs[0].paragraph_format.keep_with_next
    assert headings == 8


def test_one_language_after_the_other(svc: Services, welsh: Meeting, tmp_path: Path) -> None:
    _with_layout(svc, welsh, Bilingual.WHOLE)
    out = svc.export(welsh, tmp_path / "whole.docx", Version.FULL)
    paragraphs = docx.Document(str(out)).paragraphs
    texts = [p.text for p in paragraphs]
    welsh_title, english_title = (
        texts.index("Cyngor Cymuned Llanhelyg"),
        texts.index("Llanhelyg Community Council"),
    )
    assert welsh_title < texts.index("Yn bresennol:") < english_title < texts.index("Present:")
    assert texts.index("Daeth y cyfarfod i ben am 21:36.") < english_title
    assert paragraphs[english_title].paragraph_format.page_break_before


def test_each_section_in_welsh_then_english(svc: Services, welsh: Meeting, tmp_path: Path) -> None:
    _with_layout(svc, welsh, Bilingual.PER_ITEM)
    out = svc.export(welsh, tmp_path / "per-item.docx", Version.FULL)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    resolved = [t for t in texts if t.startswith(("PENDERFYNWYD", "RESOLVED"))]
    assert [t.split()[0] for t in resolved] == ["PENDERFYNWYD", "RESOLVED"] * 5


def test_interim_notes(svc: Services, welsh: Meeting, tmp_path: Path) -> None:
    _with_layout(svc, welsh, Bilingual.NONE)
    out = svc.export(welsh, tmp_path / "interim.docx", Version.INTERIM)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.startswith("Cyngor Cymuned Llanhelyg")
    assert "Nodiadau interim" in text
    # attendance, declarations, decisions and votes
    assert "Yn bresennol:" in text and "Ymddiheuriadau:" in text
    assert "Datganodd Cyng. Lind" in text
    assert "Derbyniwyd o 5 pleidlais i 1, gyda 2 yn ymatal." in text
    assert [t.cell(0, 0).text for t in document.tables] == ["Pleidlais"]  # the recorded vote
    # no narrative, no actions, no signature, no draft watermark
    assert "Ystyriodd yr aelodau dri dyfynbris" not in text
    assert "Cam gweithredu" not in text and "Llofnodwyd" not in text
    assert "Dyddiad y cyfarfod nesaf" not in text  # an item with nothing to note
    # Part 2: only its public heading and outcome
    assert "Materion staffio" in text and "Staffing matter" not in text
    assert "Canlyniad: derbyniwyd." in text
    assert SECRET not in text and PART_2_TITLE not in text
    assert document.core_properties.title.startswith("Nodiadau interim")


def test_interim_notes_bilingual_keep_part_2_private(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    out = svc.export(welsh, tmp_path / "interim.docx", Version.INTERIM)
    cells = _cells(out)
    everything = "\n".join(a + "\n" + b for a, b in cells)
    assert SECRET not in everything and PART_2_TITLE not in everything
    assert "Interim notes of the meeting" in cells[0][1]
    assert (
        "It was moved by Cllr Whitfield, seconded by Cllr Okoro, and the motion was carried."
        in (everything)
    )


def test_interim_notes_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from clerk_app.cli import main

    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "demo"]) == 0
    target = tmp_path / "interim.docx"
    code = main(["--data-dir", data, "export", "latest", "--version", "interim", "-o", str(target)])
    assert code == 0, capsys.readouterr()
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Interim notes of the meeting" in text and "Present:" in text
    assert "Signed" not in text


def test_the_public_minutes_keep_part_2_private_in_both_languages(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    out = svc.export(welsh, tmp_path / "public.docx", Version.PUBLIC)
    cells = _cells(out)
    everything = "\n".join(a + "\n" + b for a, b in cells)
    for secret in (SECRET, "pwynt 24", PART_2_TITLE, "Adolygiad o oriau a chyflog y Clerc"):
        assert secret not in everything
    part_2 = next(c for c in cells if "Materion staffio" in c[0])
    assert "Staffing matter" in part_2[1] and "Materion staffio" not in part_2[1]


def test_the_council_takes_business_of_its_own_in_both_languages(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    """A Welsh community council's own business (the eisteddfod's grant, the bus shelter,
    a planning consultation), not the library, footbridge and trees of a town's demo."""
    out = svc.export(welsh, tmp_path / "full.docx", Version.FULL)
    cells = _cells(out)
    welsh_text = "\n".join(cy for cy, _en in cells)
    english_text = "\n".join(en for _cy, en in cells)
    for old in ("llyfrgell", "bont", "coed", "library", "footbridge", "tree"):
        assert old not in welsh_text.lower() and old not in english_text.lower()
    assert "Cysgodfan fysiau Heol yr Eglwys" in welsh_text
    assert "Church Road bus shelter" in english_text
    assert "nad yw’n gwrthwynebu cais 26/0418/FUL" in welsh_text
    assert "it does not object to application 26/0418/FUL" in english_text
    assert "Cam gweithredu: Alma Reyes – Anfon ymateb y Cyngor i’r awdurdod cynllunio" in (
        welsh_text
    )
    assert "fel perchennog y tŷ gyferbyn â’r gysgodfan" in welsh_text
    # a member leaves after the last public item, inside the meeting's times
    assert "21:05\tGadawodd Cyng. Adair y cyfarfod." in welsh_text
    assert "21:05\tCllr Adair left the meeting." in english_text
    assert "ar ddydd Mawrth 28 Ebrill 2026 am 19:30" in welsh_text
    # every field typed in Welsh has its English translation
    untranslated = [
        (item.title, type(block).__name__, name)
        for item in welsh.items
        for block in [item, *item.blocks]
        for name in translatable_fields(block)
        if getattr(block, name) and name not in block.translation
    ]
    assert untranslated == []
