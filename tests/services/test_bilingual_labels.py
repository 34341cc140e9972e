"""Minutes with their headings and labels in two languages ("Present / I láthair:"):
each shipped preset's demo exported and read back from the .docx, the sentences and
dates still in one language, no label paired with itself."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import AttendanceStatus, Meeting
from clerk_app.domain.style import Bilingual
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo

Lines = list[tuple[str, str]]  # (paragraph style, text)


def _export(svc: Services, meeting: Meeting, tmp_path: Path) -> tuple[Lines, str, int]:
    out = svc.export(meeting, tmp_path / "minutes.docx", Version.FULL)
    document = docx.Document(str(out))
    lines = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    header = document.sections[0].header._element.xml
    return lines, header, len(document.tables)


def _styled(lines: Lines, style: str) -> list[str]:
    return [text for name, text in lines if name == style]


def _no_label_twice(lines: Lines) -> None:
    for _style, text in lines:
        for a, b in re.findall(r"([^/\t–:]+?) / ([^/\t–:]+)", text):
            assert a.strip().casefold() != b.strip().casefold(), text


def test_irish_labels_beside_english_minutes(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "irish-local-authority-gaeilge")
    lines, header, tables = _export(svc, meeting, tmp_path)
    headings = _styled(lines, "Clerk Attendance Heading")
    assert headings[:3] == [
        "Members present / I láthair:",
        "Officials in attendance / Oifigigh i láthair:",
        "Apologies / Leithscéalta:",
    ]
    status = _styled(lines, "Clerk Status")
    assert status[0].startswith("DRAFT / DRÉACHT – these minutes are subject to confirmation")
    assert _styled(lines, "Clerk Signature")[:2] == [
        "Signed / Sínithe\t\t Cathaoirleach",
        "Date / Dáta\t\t",
    ]
    assert "DRAFT / DRÉACHT" in header  # the watermark
    # one rendering, not two (no columns, no second copy); sentences and dates in English
    assert tables == 1  # the recorded vote's table, no column of a second language
    assert len(_styled(lines, "Clerk Item Heading")) == len(meeting.items)
    text = "\n".join(t for _s, t in lines)
    assert "Tuesday 24th March, 2026" in text
    assert "Apologies for absence were received from Councillor Vance (illness)." in text
    assert "The meeting concluded at 1.36pm." in text
    # the recorded vote's caption is a label (paired); every sentence is in English only
    assert "Recorded vote / Vóta taifeadta" in _styled(lines, "Clerk Body")
    for style in ("Clerk Body", "Clerk Motion", "Clerk Decision", "Clerk Vote", "Clerk Subtitle"):
        sentences = [t for t in _styled(lines, style) if t != "Recorded vote / Vóta taifeadta"]
        assert all(" / " not in t for t in sentences), style
    _no_label_twice(lines)


def test_te_reo_labels_the_maori_name_and_the_karakia(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "anz-council-te-reo")
    lines, header, _tables = _export(svc, meeting, tmp_path)
    assert _styled(lines, "Clerk Title") == [
        "Awatea District Council",
        "Te Kaunihera ā-Rohe o Awatea",
    ]
    headings = _styled(lines, "Clerk Attendance Heading")
    assert "Present / I tae mai:" in headings
    assert "Apologies for absence / Ngā whakapāha:" in headings
    assert "Officers in attendance / Ngā kaimahi i tae mai:" in headings
    assert any("KARAKIA" in t for t in _styled(lines, "Clerk Item Heading"))
    assert "Signed / Kua waitohua\t\t Mayor" in _styled(lines, "Clerk Signature")
    assert "DRAFT / HUKIHUKI" in header
    text = "\n".join(t for _s, t in lines)
    assert "Tuesday 24 March 2026" in text and "Tūrei" not in text  # dates stay English
    _no_label_twice(lines)


def test_gaelic_labels_and_the_second_language_first(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "community-council-gaidhlig")
    lines, _header, _tables = _export(svc, meeting, tmp_path)
    headings = _styled(lines, "Clerk Attendance Heading")
    assert "Present / An làthair:" in headings
    assert "Apologies for absence / Leisgeulan:" in headings
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    body.settings.style.labels_second_first = True
    svc.save_body(body)
    lines, _header, _tables = _export(svc, meeting, tmp_path)
    headings = _styled(lines, "Clerk Attendance Heading")
    assert "An làthair / Present:" in headings and "Leisgeulan / Apologies for absence:" in headings
    assert "Soidhnichte / Signed\t\t Chair" in _styled(lines, "Clerk Signature")
    _no_label_twice(lines)


def test_a_label_the_second_language_words_alike_is_printed_once(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "irish-local-authority-gaeilge")
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    # the style's own second wording the same as the first; a label the file lacks
    body.settings.style.second_phrases = {"attendance.apologies": "Apologies:"}
    svc.save_body(body)
    lines, _header, _tables = _export(svc, meeting, tmp_path)
    headings = _styled(lines, "Clerk Attendance Heading")
    assert "Apologies:" in headings and "Apologies / Apologies:" not in headings
    assert "Members present / I láthair:" in headings
    _no_label_twice(lines)


def test_welsh_minutes_with_english_labels(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "welsh-community-council")
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    body.settings.style.bilingual = Bilingual.LABELS
    svc.save_body(body)
    lines, _header, _tables = _export(svc, meeting, tmp_path)
    assert len(_styled(lines, "Clerk Item Heading")) == len(meeting.items)
    assert "Yn bresennol / Present:" in _styled(lines, "Clerk Attendance Heading")
    text = "\n".join(t for _s, t in lines)
    assert "ar ddydd Mawrth 24 Mawrth 2026" in text and "Tuesday" not in text
    assert "The meeting closed" not in text  # the sentences in Welsh only
    _no_label_twice(lines)


def test_welsh_names_joined_with_a_mutate(svc: Services, tmp_path: Path) -> None:
    """ "a" before Cyng. is "a Chyng." in the Welsh column; the English one says "and"."""
    meeting = create_style_demo(svc, "welsh-community-council")
    adair = next(p for p in svc.get_body(meeting.body_id).people if p.last_name == "Adair")
    svc.set_attendance(
        meeting,
        adair.id,
        AttendanceStatus.APOLOGIES,
        reason="salwch",
        translation={"reason": "illness"},
    )
    out = svc.export(meeting, tmp_path / "welsh.docx", Version.FULL)
    cells = [
        (t.rows[0].cells[0].text, t.rows[0].cells[1].text) for t in docx.Document(str(out)).tables
    ]
    welsh = "\n".join(c[0] for c in cells)
    english = "\n".join(c[1] for c in cells)
    assert "Cyng. Adair a Chyng. Vance" in welsh and "Cyng. Adair a Cyng." not in welsh
    assert "Cllr Adair and Cllr Vance" in english


@pytest.mark.parametrize(
    ("style_id", "second"),
    [
        ("anz-council-te-reo", "mi"),
        ("irish-local-authority-gaeilge", "ga"),
        ("community-council-gaidhlig", "gd"),
    ],
)
def test_each_labels_preset_is_a_valid_style(style_id: str, second: str) -> None:
    from clerk_app.domain.presets import style_settings
    from clerk_app.services.rules import style_problems

    style = style_settings(style_id).style
    assert (style.bilingual, style.second_locale) == (Bilingual.LABELS, second)
    assert style_problems(style) == []
