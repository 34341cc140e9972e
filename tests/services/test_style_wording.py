"""The wording and layout each style gives its demo meeting, exported and read back
from the .docx: counts as "three (3)", openings without a start time, item titles in
the case typed, the whole keyword of a lead-in, Irish votes, and a Welsh column with no
English from Clerk's own code."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from docx.table import Table

from clerk_app.domain.document import Version
from clerk_app.domain.model import Meeting
from clerk_app.services import Services
from clerk_app.services.demo_styles import DEMO_BODIES, create_style_demo


def _export(svc: Services, meeting: Meeting, path: Path) -> docx.document.Document:
    svc.export(svc.get_meeting(meeting.id), path, Version.FULL)
    return docx.Document(str(path))


def _lines(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _change_style(svc: Services, meeting: Meeting, **changes: object) -> None:
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    for name, value in changes.items():
        if name == "lead_in":
            body.settings.lead_in = str(value)
        else:
            setattr(body.settings.style, name, value)
    svc.save_body(body)


# --------------------------------------------------------------------------- numbers


def test_us_city_council_counts_in_words_and_figures(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "us-city-council")
    svc.set_public_count(meeting, 3)
    lines = _lines(_export(svc, meeting, tmp_path / "us.docx"))
    assert "Three (3) members of the public were present." in lines
    # vote counts stay in figures, as US minutes give them
    assert any(x.endswith("Motion carried 5-1-2.") for x in lines)
    svc.set_public_count(meeting, 1)
    lines = _lines(_export(svc, meeting, tmp_path / "us1.docx"))
    assert "One (1) member of the public was present." in lines


def test_votes_in_words_and_figures_where_a_style_asks(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    _change_style(svc, meeting, words_with_figures=True)
    svc.set_public_count(meeting, 12)
    lines = _lines(_export(svc, meeting, tmp_path / "board.docx"))
    assert "Carried by five (5) votes to one (1), with two (2) abstentions." in lines
    assert "Twelve (12) members of the public were present." in lines


# --------------------------------------------------------------------------- no start time


_UNTIMED = {
    "us-city-council": "Mayor Whitfield called the meeting to order.",
    "ontario-council": "Mayor Whitfield assumed the chair and called the meeting to order.",
    "us-nonprofit-board": "A quorum being present, Dana Whitfield called the meeting to order.",
}


@pytest.mark.parametrize("style_id", sorted(DEMO_BODIES))
def test_a_meeting_without_a_start_time_reads_well(
    svc: Services, tmp_path: Path, style_id: str
) -> None:
    meeting = create_style_demo(svc, style_id)
    start = meeting.start_time
    assert start is not None
    meeting.start_time = None
    svc.update_meeting(meeting)
    document = _export(svc, meeting, tmp_path / "untimed.docx")
    texts = _lines(document) + [
        p.text for t in document.tables for c in t._cells for p in c.paragraphs if p.text.strip()
    ]
    dangling = re.compile(r"\b(at|am|on)\s*[.,]?$|\b(at|am)\s+[.,]|\s[.,]$")
    assert not [t for t in texts if dangling.search(t.strip())]
    hour = f"{(start.hour - 1) % 12 + 1}"  # the start as any style writes it
    forms = (f"{start:%H:%M}", f"{hour}:{start:%M}", f"{hour}.{start:%M}")
    assert not any(form in t for t in texts for form in forms)
    if style_id in _UNTIMED:
        assert _UNTIMED[style_id] in texts


# --------------------------------------------------------------------------- titles


def _headings(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    return [p for p in document.paragraphs if p.style.name == "Clerk Item Heading"]


def test_titles_in_the_case_typed_turn_the_heading_capitals_off(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "company-board")
    document = _export(svc, meeting, tmp_path / "board.docx")
    heading = next(p for p in _headings(document) if "dividend" in p.text)
    assert heading.style.font.all_caps  # the house style's heading is in capitals
    title = heading.runs[-1]
    assert title.text == "Final dividend for 2025"
    assert title.font.all_caps is False  # … turned off on the title


def test_titles_in_capitals_stay_in_capitals(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "irish-local-authority")
    document = _export(svc, meeting, tmp_path / "irish.docx")
    heading = next(p for p in _headings(document) if "ROADS" in p.text)
    assert heading.runs[-1].text == "ANNUAL ROADS PROGRAMME 2026"
    assert heading.runs[-1].font.all_caps is not False


# --------------------------------------------------------------------------- keywords


def _keyword_runs(paragraphs: list[docx.text.paragraph.Paragraph]) -> list[str]:
    return [r.text for p in paragraphs for r in p.runs if r.style.name == "Clerk Keyword"]


def _decisions(paragraphs: list[docx.text.paragraph.Paragraph]) -> list:
    return [p for p in paragraphs if p.style.name == "Clerk Decision"]


@pytest.mark.parametrize(
    ("lead_in", "keyword"),
    [
        ("IT WAS RESOLVED that", "IT WAS RESOLVED"),
        ("RESOLVED THAT", "RESOLVED THAT"),
        ("RESOLVED – That", "RESOLVED"),
        ("The Board RESOLVED:", "RESOLVED"),
    ],
)
def test_the_whole_keyword_of_a_lead_in_is_in_the_keyword_style(
    svc: Services, tmp_path: Path, lead_in: str, keyword: str
) -> None:
    meeting = create_style_demo(svc, "company-board")
    _change_style(svc, meeting, lead_in=lead_in)
    decisions = _decisions(_export(svc, meeting, tmp_path / "board.docx").paragraphs)
    assert len(decisions) == 4  # the minutes approved, then the three decisions
    assert _keyword_runs(decisions) == [keyword] * 4


def test_a_lead_in_without_a_keyword_stays_plain(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    _change_style(svc, meeting, lead_in="The Board resolved:")
    decisions = _decisions(_export(svc, meeting, tmp_path / "board.docx").paragraphs)
    assert decisions[1].text.startswith("The Board resolved: a final dividend")
    assert _keyword_runs(decisions) == []


def test_the_welsh_decision_word_is_a_keyword(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "welsh-community-council")
    _change_style(svc, meeting, lead_in="Penderfynwyd bod")
    document = _export(svc, meeting, tmp_path / "cy.docx")
    welsh = [p for t in document.tables for p in t.rows[0].cells[0].paragraphs]
    english = [p for t in document.tables for p in t.rows[0].cells[1].paragraphs]
    assert set(_keyword_runs(_decisions(welsh))) == {"Penderfynwyd"}
    assert set(_keyword_runs(_decisions(english))) == {"RESOLVED"}


# --------------------------------------------------------------------------- Ireland


def test_irish_votes_read_as_irish_minutes_do(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "irish-local-authority")
    lines = _lines(_export(svc, meeting, tmp_path / "irish.docx"))
    text = "\n".join(lines)
    assert "declared carried (" not in text and "unanimously" not in text
    # a counted vote: the figures, then the chair declares the result
    assert (
        "A vote was taken: For 5, Against 1, Abstained 2. "
        "The Cathaoirleach declared the motion carried." in lines
    )
    # a recorded vote: its table gives the totals, the line after it the declaration only
    assert "The Cathaoirleach declared the motion carried." in lines
    assert not any("For 7, Against 1" in x for x in lines)
    # a unanimous motion: proposed, seconded and AGREED, with no vote line after it
    estate = next(
        i
        for i, x in enumerate(lines)
        if x.endswith("\tTAKING IN CHARGE OF CLUAIN ARD, BALLINACURRA")
    )
    assert lines[estate + 1 : estate + 3] == [
        "Proposed by Councillor Nakamura, seconded by Councillor Adair and",
        "AGREED: the housing estate at Cluain Ard, Ballinacurra be taken in charge.",
    ]
    assert lines[estate + 3].startswith("Action:")


# --------------------------------------------------------------------------- Welsh column

ENGLISH_WORDS = (
    "and",
    "declared",
    "interest",
    "personal",
    "prejudicial",
    "Councillor",
    "Cllr",
    "resolved",
    "apologies",
    "carried",
    "unanimously",
    "Chair",
    "the Cadeirydd",
    "Signed",
    "Present",
    "vote",
    "votes",
    "minutes",
    "meeting",
    "Action",
)


def _column_texts(cell: docx.table._Cell) -> list[str]:
    """A column's words from Clerk (item titles are typed by the clerk, in both
    languages or one: they are left out)."""
    texts = [p.text for p in cell.paragraphs if p.style.name != "Clerk Item Heading"]
    for table in cell.tables:
        texts += _table_texts(table)
    return texts


def _table_texts(table: Table) -> list[str]:
    return [t for row in table.rows for c in row.cells for t in _column_texts(c)]


def test_the_welsh_column_has_no_english_from_clerk(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "welsh-community-council")
    svc.set_public_count(meeting, 3)
    document = _export(svc, meeting, tmp_path / "cy.docx")
    welsh = "\n".join(t for table in document.tables for t in _column_texts(table.cell(0, 0)))
    english = "\n".join(t for table in document.tables for t in _column_texts(table.cell(0, 1)))
    found = [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", welsh, re.IGNORECASE)]
    assert found == []
    # the English column keeps its English
    assert "Cllr Lind declared a personal interest" in english
    assert "Cllr Ó Briain and Cllr Oyelaran" in english
    # … and the Welsh says it in Welsh
    assert "Datganodd Cyng. Lind buddiant personol yn yr eitem hon" in welsh
    assert "Cyng. Ó Briain a Chyng. Oyelaran" in welsh  # "a" mutates Cyng.


def test_a_casting_vote_in_welsh_names_the_chair_in_welsh(svc: Services, tmp_path: Path) -> None:
    from clerk_app.domain.model import Motion, Outcome, Vote, VoteChoice, VoteKind

    meeting = create_style_demo(svc, "welsh-community-council")
    item = next(it for it in meeting.items if "Eisteddfod" in it.title)
    motion = next(b for b in item.blocks if isinstance(b, Motion))
    chair = next(p for p in svc.get_body(meeting.body_id).people if p.last_name == "Whitfield")
    vote = Vote(VoteKind.CASTING, 3, 3, 0, casting_person_id=chair.id)
    vote.casting_choice = VoteChoice.FOR
    svc.record_vote(meeting, item.id, motion.id, vote, Outcome.CARRIED)
    document = _export(svc, meeting, tmp_path / "cy.docx")
    cells = next(t for t in document.tables if "Eisteddfod" in t.cell(0, 0).text).rows[0].cells
    assert "ar bleidlais fwrw y Cadeirydd" in cells[0].text
    assert "the Cadeirydd" not in cells[0].text and "casting" not in cells[0].text
    assert "the Chair" in cells[1].text
