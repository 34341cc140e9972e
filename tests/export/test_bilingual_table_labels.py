"""Labels minutes ("Present / An làthair:") pair the labels of their tables too: a
recorded vote's, the attendance table's and the action table's headings and a recorded
vote's rows, each stacked in its cell, the second wording on a line of its own; the
sederunt's heading and the minute-taker's label paired on one line. Each demo is
exported and its Word tables and paragraphs read back."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.table import _Cell

from clerk_app.domain.document import Version
from clerk_app.domain.model import Meeting
from clerk_app.domain.style import Bilingual
from clerk_app.services import Services
from clerk_app.services.demo_styles import create_style_demo
from clerk_app.storage import Store

W_BR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br"


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _labels(svc: Services, meeting: Meeting, second: str, **style: object) -> None:
    """The meeting's body set to print its labels in ``second`` as well."""
    body = copy.deepcopy(svc.get_body(meeting.body_id))
    body.settings.style.bilingual = Bilingual.LABELS
    body.settings.style.second_locale = second
    for key, value in style.items():
        setattr(body.settings.style, key, value)
    svc.save_body(body)


def _export(
    svc: Services, meeting: Meeting, tmp_path: Path, version: Version = Version.FULL
) -> docx.document.Document:
    out = svc.export(meeting, tmp_path / f"minutes-{version.value}.docx", version)
    return docx.Document(str(out))


def _texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _headers(document: docx.document.Document) -> list[list[str]]:
    return [[c.text for c in t.rows[0].cells] for t in document.tables]


def _stacked(cell: _Cell) -> bool:
    """The cell holds one paragraph whose two lines are parted by a line break."""
    return len(cell.paragraphs) == 1 and len(cell.paragraphs[0]._p.findall(f".//{W_BR}")) == 1


def test_a_recorded_vote_table_in_gaelic_labels(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "community-council-gaidhlig")
    document = _export(svc, meeting, tmp_path)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Vote\nBhòt",
        "Members\nBuill",
        "Count\nÀireamh",
    ]
    assert [r.cells[0].text for r in table.rows[1:]] == [
        "For\nAir a shon",
        "Against\nNa aghaidh",
        "Abstained\nSheachain",
    ]
    assert all(_stacked(c) for c in table.rows[0].cells)
    assert [r.cells[2].text for r in table.rows[1:]] == ["7", "1", "0"]  # counts untouched
    assert "Recorded vote / Bhòt clàraichte" in _texts(document)
    # the sentence after the table stays in English
    assert "Carried by seven votes to one." in _texts(document)


def test_the_second_language_first_in_a_vote_table(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "irish-local-authority-gaeilge")
    _labels(svc, meeting, "ga", labels_second_first=True)
    table = _export(svc, meeting, tmp_path).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Vóta\nVote",
        "Comhaltaí\nMembers",
        "Líon\nTotal",  # the style's own first wording ("Total") kept
    ]
    assert table.rows[1].cells[0].text == "Ar son\nFor"


def test_a_label_worded_alike_is_printed_once_in_a_cell(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "community-council-gaidhlig")
    # the style's own second wordings: one the same as the first, one without words
    _labels(
        svc,
        meeting,
        "gd",
        second_phrases={"vote.col.names": "members", "vote.row.against": " "},
    )
    table = _export(svc, meeting, tmp_path).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Vote\nBhòt", "Members", "Count\nÀireamh"]
    assert table.rows[2].cells[0].text == "Against\nNa aghaidh"  # a blank falls back to gd.json
    assert not _stacked(table.rows[0].cells[1])


def test_the_attendance_and_action_tables_of_a_board(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    _labels(svc, meeting, "mi")
    document = _export(svc, meeting, tmp_path)
    headers = _headers(document)
    attendance = [
        "Name\nIngoa",
        "Role\nTūranga",
        "Initials\nTīmatanga ingoa",
        "Part meeting\nWāhanga o te hui",
    ]
    assert (
        headers
        == [
            attendance,  # the directors, one of whom left early
            attendance[:3],  # those in attendance, none for part of it
            ["Vote\nPōti", "Members\nNgā mema", "Count\nTapeke"],
            ["Minute\nMeneti", "Action\nMahi", "Who\nMā wai", "By when\nĀ hea"],
        ]
    )
    for table in document.tables:
        assert all(_stacked(c) for c in table.rows[0].cells)
    # the cells below the attendance headings stay as typed
    names = [r.cells[0].text for t in document.tables[:2] for r in t.rows[1:]]
    assert "Dana Whitfield" in names and not any("\n" in n for n in names)
    assert document.tables[3].rows[1].cells[1].text == (
        "Circulate the updated risk register to the Audit Committee"
    )


def test_the_sederunt_and_the_minute_taker_in_gaelic(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "scottish-council-committee")
    body = svc.get_body(meeting.body_id)
    clerk = next(p for p in body.people if p.last_name == "Reyes")
    meeting = svc.get_meeting(meeting.id)
    meeting.minute_taker_id = clerk.id
    svc.update_meeting(meeting)
    _labels(svc, meeting, "gd")
    texts = _texts(_export(svc, meeting, tmp_path))
    assert "Sederunt / Clàr-làthaireachd" in texts
    assert "Minutes taken by / Geàrr-chunntas le:" in texts
    assert "Present / An làthair:" in texts


def test_the_minute_taker_in_welsh_labels(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "community-council")
    body = svc.get_body(meeting.body_id)
    clerk = next(p for p in body.people if p.last_name == "Reyes")
    meeting = svc.get_meeting(meeting.id)
    meeting.minute_taker_id = clerk.id
    svc.update_meeting(meeting)
    _labels(svc, meeting, "cy")
    document = _export(svc, meeting, tmp_path)
    assert "Minutes taken by / Cofnodion gan:" in _texts(document)
    assert _headers(document) == [["Vote\nPleidlais", "Members\nAelodau", "Count\nNifer"]]


def test_one_language_keeps_its_plain_tables(svc: Services, tmp_path: Path) -> None:
    meeting = create_style_demo(svc, "company-board")
    board = _headers(_export(svc, meeting, tmp_path))
    assert ["Name", "Role", "Initials", "Part meeting"] in board
    assert ["Minute", "Action", "Who", "By when"] in board
    meeting = create_style_demo(svc, "community-council")
    document = _export(svc, meeting, tmp_path)
    assert _headers(document) == [["Vote", "Members", "Count"]]
    assert "Recorded vote" in _texts(document)


def test_an_inline_recorded_vote_pairs_its_groups_on_one_line(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_style_demo(svc, "anz-council-te-reo")
    texts = _texts(_export(svc, meeting, tmp_path))
    line = next(t for t in texts if t.startswith("For the motion"))
    assert line.startswith("For the motion / Tautoko: Cr Adair")
    assert "; Against the motion / Whakahē: Cr Nakamura." in line
    assert "\n" not in line


def test_a_part_meeting_mark_stays_in_the_first_language(svc: Services, tmp_path: Path) -> None:
    """A departure's mark fills the part-meeting cell, in the first language only."""
    meeting = create_style_demo(svc, "company-board")
    _labels(svc, meeting, "gd")
    document = _export(svc, meeting, tmp_path)
    marks = [
        r.cells[3].text
        for t in document.tables
        if len(t.columns) == 4 and t.rows[0].cells[3].text == "Part meeting\nPàirt den choinneimh"
        for r in t.rows[1:]
    ]
    assert any(m.startswith("Left") for m in marks), marks
    assert not any("\n" in m for m in marks)


def test_a_stacked_heading_wraps_at_its_words_not_a_kept_column(
    svc: Services, tmp_path: Path
) -> None:
    """The initials column is kept on one line for the initials, not for its heading's
    second wording ("Tīmatanga ingoa"); the room goes to the part-meeting column, whose
    longest word ("Wāhanga") then fits whole."""
    from clerk_app.export.tables import CHAR, PADDING

    meeting = create_style_demo(svc, "company-board")
    _labels(svc, meeting, "mi")
    table = _export(svc, meeting, tmp_path).tables[0]
    assert table.rows[0].cells[2].text == "Initials\nTīmatanga ingoa"
    widths = [c.width for c in table.rows[0].cells]
    twip = 635  # Word keeps a cell's width in twips

    def fits(text: str) -> int:
        return int(len(text) * CHAR + PADDING) - twip

    assert widths[2] < fits("Tīmatanga ingoa")
    assert widths[2] >= fits("Tīmatanga")
    assert widths[3] >= fits("Wāhanga")
    assert widths[0] >= fits("Pádraig Ó Briain")  # the names kept whole


def test_column_widths_keep_names_whole_but_let_a_heading_wrap() -> None:
    from docx.shared import Cm

    from clerk_app.export.tables import CHAR, PADDING, column_widths

    grid = [["Name\nIngoa", "Initials\nTīmatanga ingoa"], ["Dana Whitfield", "DW"]]
    usable = int(Cm(7))
    with_header = column_widths(grid, 2, usable, frozenset({0, 1}), header=True)
    assert with_header[0] >= len("Dana Whitfield") * CHAR + PADDING
    without = column_widths(grid, 2, usable, frozenset({0, 1}))
    assert without[1] > with_header[1]  # a first row that is not a heading is kept whole
