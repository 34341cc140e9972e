"""The meeting's own words in the second language of bilingual minutes: its venue,
platform, next venue and text after the signature, an apology's reason and other
attendance notes, and a table's cells, each printed in the second column."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import AttendanceStatus, DataTable, Meeting
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo
from clerk_app.services.errors import ServiceError
from clerk_app.services.interchange import read_meeting_json, write_meeting_json

STYLE = "welsh-community-council"  # Welsh first (left), English second (right)


def _text(cell: Any) -> str:
    """A cell's text with that of the tables inside it (a table block, a vote)."""
    parts = [cell.text]
    for table in cell.tables:
        parts.extend(_text(c) for row in table.rows for c in row.cells)
    return "\n".join(parts)


def _cells(path: Path) -> list[tuple[str, str]]:
    out = []
    for table in docx.Document(str(path)).tables:
        if len(table.rows[0].cells) != 2:
            continue
        left, right = table.rows[0].cells
        out.append((_text(left), _text(right)))
    return out


@pytest.fixture
def welsh(svc: Services) -> Meeting:
    meeting = create_style_demo(svc, STYLE)
    meeting.venue = "Neuadd Bentref Llanhelyg"
    meeting.next_date = date(2026, 4, 21)
    meeting.next_venue = "Ystafell y Pwyllgor"
    meeting.after_signature = "Cysylltwch â’r Clerc"
    meeting.translation = {
        "venue": "Llanhelyg Village Hall",
        "next_venue": "the Committee Room",
        "after_signature": "Contact the Clerk",
    }
    svc.update_meeting(meeting)
    away = next(a for a in meeting.attendance if a.status is AttendanceStatus.APOLOGIES)
    svc.set_attendance(
        meeting,
        away.person_id,
        AttendanceStatus.APOLOGIES,
        reason="gwaith",
        translation={"reason": "work commitments"},
    )
    return svc.get_meeting(meeting.id)


def test_the_meetings_own_words_print_in_the_second_column(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    out = svc.export(welsh, tmp_path / "full.docx", Version.FULL)
    cells = _cells(out)
    cy, en = cells[0]  # the front matter: where it was held, who was there
    assert "Neuadd Bentref Llanhelyg" in cy and "Llanhelyg Village Hall" not in cy
    assert "Llanhelyg Village Hall" in en and "Neuadd Bentref Llanhelyg" not in en
    assert "gwaith" in cy and "work commitments" in en and "gwaith" not in en
    everything_cy = "\n".join(c[0] for c in cells)
    everything_en = "\n".join(c[1] for c in cells)
    document = docx.Document(str(out))
    after = "\n".join(p.text for p in document.paragraphs)
    # the close: the text after the signature in each language, once
    assert "Contact the Clerk" in everything_en + after
    assert "Cysylltwch â’r Clerc" in everything_cy + after
    assert "Contact the Clerk" not in everything_cy
    assert "the Committee Room" in everything_en and "Ystafell y Pwyllgor" in everything_cy


def test_the_meetings_translations_round_trip_through_the_json_file(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    body = svc.get_body(welsh.body_id)
    path = write_meeting_json(welsh, body, tmp_path / "minutes.json")
    _body, again = read_meeting_json(path)
    assert again == welsh
    assert again.translation["venue"] == "Llanhelyg Village Hall"
    reasons = [a.translation for a in again.attendance if a.translation]
    assert reasons == [{"reason": "work commitments"}]


def test_a_translation_of_what_the_meeting_has_not_typed_is_refused(
    svc: Services, welsh: Meeting
) -> None:
    welsh.translation = welsh.translation | {"reference": "X"}
    with pytest.raises(ServiceError) as info:
        svc.update_meeting(welsh)
    assert "no typed text" in str(info.value)
    person = welsh.attendance[0].person_id
    with pytest.raises(ServiceError):
        svc.set_attendance(
            welsh, person, AttendanceStatus.PRESENT, translation={"status": "yn bresennol"}
        )
    kept = svc.get_meeting(welsh.id)
    assert "reference" not in kept.translation
    assert kept.attendance[0].translation == {}


def test_setting_attendance_without_a_translation_keeps_the_one_it_has(
    svc: Services, welsh: Meeting
) -> None:
    away = next(a for a in welsh.attendance if a.translation)
    svc.set_attendance(welsh, away.person_id, AttendanceStatus.APOLOGIES, reason="gwaith")
    again = svc.get_meeting(welsh.id).attendance_of(away.person_id)
    assert again is not None and again.translation == {"reason": "work commitments"}


def test_a_tables_cells_print_translated_in_the_second_column(
    svc: Services, welsh: Meeting, tmp_path: Path
) -> None:
    item = welsh.items[-2]
    table = DataTable(
        caption="Taliadau",
        columns=["Talai", "Swm"],
        rows=[["Cyflenwr coed", "£1,200.00"], ["Atgyweirio pont", "£950.00"]],
        money_columns=[1],
        translation={
            "caption": "Payments",
            "columns": "Payee\nAmount",
            "rows.0.0": "Tree supplier",
            "rows.1.0": "Bridge repair",
        },
    )
    svc.add_block(welsh, item.id, table)
    out = svc.export(svc.get_meeting(welsh.id), tmp_path / "full.docx", Version.FULL)
    cy, en = next(c for c in _cells(out) if "Cyflenwr coed" in c[0])
    assert "Tree supplier" in en and "Bridge repair" in en
    assert "Cyflenwr coed" not in en and "Tree supplier" not in cy
    assert "£1,200.00" in en  # an untranslated cell prints as typed


def test_a_translation_of_a_cell_the_table_has_not_is_refused(
    svc: Services, welsh: Meeting
) -> None:
    table = DataTable(columns=["A"], rows=[["x"]], translation={"rows.3.0": "y"})
    with pytest.raises(ServiceError) as info:
        svc.add_block(welsh, welsh.items[0].id, table)
    assert "no cell" in str(info.value)


def test_an_emptied_field_takes_its_translation_with_it() -> None:
    from clerk_app.domain.model import Meeting
    from clerk_app.domain.translation import translated_meeting

    meeting = Meeting(body_id="b", date=__import__("datetime").date(2026, 3, 24))
    meeting.venue = ""
    meeting.translation = {"venue": "Llanhelyg Village Hall"}
    assert translated_meeting(meeting).venue == ""
    meeting.venue = "Neuadd Bentref Llanhelyg"
    assert translated_meeting(meeting).venue == "Llanhelyg Village Hall"
