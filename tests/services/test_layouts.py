"""The compact layouts a style chooses: the resolution log, action minutes and the
sederunt, each exported and read back from the .docx; and item numbers set by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import BodyKind, Person, Vote, VoteKind
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo
from clerk_app.storage import Store


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _export(svc: Services, meeting_id: str, path: Path) -> tuple[list[str], list[list[str]]]:
    svc.export(svc.get_meeting(meeting_id), path, Version.FULL)
    document = docx.Document(str(path))
    lines = [" ".join(p.text.split()) for p in document.paragraphs if p.text.strip()]
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return lines, rows


def test_action_minutes_give_decisions_and_one_action_table(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    lines, rows = _export(svc, meeting.id, tmp_path / "board.docx")
    assert (
        "IT WAS RESOLVED that a final dividend of 6.5p per ordinary share for the year ended "
        "31 December 2025 be recommended to the shareholders at the annual general meeting on "
        "21 May 2026." in lines
    )
    # no "moved by" lines, no discussion points, no action lines among the items
    assert not any(x.startswith(("It was moved", "Action:")) for x in lines)
    assert not any(x.startswith("four tenders had been received") for x in lines)
    start = lines.index("Actions")
    assert start > lines.index("9 Any other business")
    assert ["Minute", "Action", "Who", "By when"] in rows
    action = "Circulate the updated risk register to the Audit Committee"
    assert ["8", action, "Alma Reyes", "30 April 2026"] in rows


def test_the_company_board_lists_its_directors_in_a_table(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    lines, rows = _export(svc, meeting.id, tmp_path / "board.docx")
    assert rows[:3] == [
        ["Name", "Role", "Initials", "Part meeting"],
        ["Dana Whitfield", "Independent Non-executive Director, Chair", "DW", ""],
        ["Jonah Okoro", "Non-executive Director, Deputy Chair", "JO", ""],
    ]
    assert ["Pádraig Ó Briain", "Director", "PÓB", ""] in rows
    assert rows.index(["Pádraig Ó Briain", "Director", "PÓB", ""]) == 8 - 1
    oyelaran = ["Ruth Oyelaran", "Director (attending remotely)", "RO", "Left 12.05 pm, item 8"]
    assert oyelaran in rows
    assert ["Alma Reyes", "Company Secretary", "AR"] in rows
    assert "12.05 pm Ruth Oyelaran left the meeting." in lines
    # the apologies under their item only, not in the attendance as well
    assert "Apologies for absence:" not in lines
    assert "Apologies for absence were received from Greta Vance (illness)." in lines


def test_an_nhs_trust_board_lists_its_directors_by_post(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "nhs-board")
    lines, rows = _export(svc, meeting.id, tmp_path / "nhs.docx")
    roles = {row[0]: row[1] for row in rows if len(row) >= 3}
    assert roles["Tomas Brandt"] == "Chief Executive"
    assert roles["Pádraig Ó Briain"] == "Medical Director"
    assert roles["Colm Adair"] == "Non-Executive Director"
    assert roles["Alma Reyes"] == "Trust Secretary"
    assert "Director" not in roles.values()  # every director by post, none plain
    assert any("held in public at the Boardroom, Harwick Community Hospital" in x for x in lines)


def test_the_scottish_minute_opens_with_a_sederunt(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "scottish-council-committee")
    lines, _rows = _export(svc, meeting.id, tmp_path / "scot.docx")
    start = lines.index("Sederunt")
    assert lines[start + 1 : start + 5] == [
        "Present:",
        "Councillor Whitfield (Convener)",
        "Councillor Okoro (Depute Convener)",
        "Councillor Adair",
    ]
    assert lines.index("Councillor Whitfield in the Chair.") > start


def _twenty_resolutions(svc: Services, style: str) -> str:
    body = svc.create_body("Council", BodyKind.CITY_COUNCIL, "Township of Elm Ford", style=style)
    for first, last in (("Jonah", "Okoro"), ("Mara", "Lind"), ("Tomas", "Brandt")):
        body.people.append(Person(first, last))
    body = svc.save_body(body)
    okoro, lind = body.people[0].id, body.people[1].id
    agenda = [f"Report {n} of the works committee" for n in range(1, 21)]
    meeting = svc.create_meeting(body.id, date(2026, 6, 9), agenda=agenda, standard_items=False)
    for item in meeting.items:
        motion = svc.move_motion(
            meeting,
            item.id,
            mover_id=okoro,
            seconder_id=lind,
            clauses=[f"the {item.title.lower()} be received", "the works it lists proceed"],
        )
        svc.record_vote(meeting, item.id, motion.id, Vote(VoteKind.COUNTS, 2, 1))
    return meeting.id


def test_a_twenty_resolution_meeting_stays_compact_in_the_log(
    svc: Services, tmp_path: Path
) -> None:
    logged = _twenty_resolutions(svc, "ontario-council")
    lines, _rows = _export(svc, logged, tmp_path / "log.docx")
    numbered = [x for x in lines if x.startswith("CR2026-")]
    assert len(numbered) == 20 and numbered[0].startswith("CR2026-001 J. Okoro, M. Lind: That ")
    assert numbered[-1].startswith("CR2026-020 ")
    # a heading and one line a resolution, with the front and the signatures
    assert len(lines) <= 2 * 20 + 15
    narrative = _twenty_resolutions(svc, "irish-local-authority")
    long_lines, _rows = _export(svc, narrative, tmp_path / "narrative.docx")
    assert len(lines) * 3 <= len(long_lines) * 2
    # a log line does not keep with the next, or the whole log is one unbreakable chain
    # (Word and LibreOffice then push it past the attendance onto a page of its own)
    paragraphs = docx.Document(str(tmp_path / "log.docx")).paragraphs
    for paragraph in paragraphs:
        if paragraph.text.startswith("CR2026-"):
            assert not paragraph.style.paragraph_format.keep_with_next
            assert not paragraph.paragraph_format.keep_with_next


def test_hand_set_item_numbers_survive_renumbering(svc: Services) -> None:
    body = svc.create_body("Council", BodyKind.CITY_COUNCIL, "Township of Elm Ford")
    meeting = svc.create_meeting(
        body.id, date(2026, 6, 9), agenda=["Roads", "Parks", "Bins"], standard_items=False
    )
    parks = meeting.items[1]
    parks.number, parks.minute_number = "S-1", "S-1"
    svc.update_item(meeting, parks)
    svc.add_item(meeting, "Lights", index=0)
    svc.move_item(meeting, parks.id, 3)
    svc.renumber_meeting(meeting)
    saved = svc.get_meeting(meeting.id)
    assert [(it.title, it.number) for it in saved.items] == [
        ("Lights", "1"),
        ("Roads", "2"),
        ("Bins", "3"),
        ("Parks", "S-1"),
    ]
    assert saved.items[3].minute_number == "S-1"
