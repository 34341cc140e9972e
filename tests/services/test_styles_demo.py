"""Each of Clerk's own styles writes a demo meeting as a clerk of that place would:
exported, read back from the .docx and checked against the place's conventions."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.services import Services
from clerk_app.services.demo_styles import DEMO_BODIES, create_style_demo


def exported(svc: Services, style_id: str, tmp_path: Path) -> tuple[list[str], list, str]:
    meeting = create_style_demo(svc, style_id)
    out = tmp_path / f"{style_id}.docx"
    svc.export(meeting, out, Version.FULL)
    document = docx.Document(str(out))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    return lines, tables, footer


def test_us_city_council(svc: Services, tmp_path: Path) -> None:
    lines, tables, footer = exported(svc, "us-city-council", tmp_path)
    text = "\n".join(lines)
    assert "Tuesday, March 24, 2026, 7:00 p.m." in lines[2]
    assert "Mayor Whitfield called the meeting to order at 7:00 p.m." in lines
    assert "The City Clerk called the roll." in lines
    # full names in attendance, the Mayor's title before the name, not after it too
    assert "Mayor Dana Whitfield, Mayor Pro Tem Jonah Okoro, Councilor Colm Adair" in text
    assert "(Mayor)" not in text
    assert "Present by video conference:" in lines
    assert "Councilor Ruth Oyelaran" in lines
    # the roll call item says what the roll above does not, and repeats none of it
    roll = lines[
        lines.index("1\tCALL TO ORDER AND ROLL CALL") + 1 : lines.index("2\tPLEDGE OF ALLEGIANCE")
    ]
    assert roll == [
        "Councilor Greta Vance asked to be excused.",
        "C. Adair, T. Brandt: That the absence of Councilor Vance be excused. "
        "Motion carried unanimously.",
    ]
    attendance = lines[: lines.index("1\tCALL TO ORDER AND ROLL CALL")]
    assert not set(roll) & set(attendance)
    assert not any(line.startswith(("Mayor Dana Whitfield", "The City Clerk")) for line in roll)
    # the resolution log: one line a motion, its resolution number first
    log = [" ".join(x.split()) for x in lines if x.startswith("R2026-")]
    assert log == [
        # the consent agenda and the approval of the minutes, then the three decisions
        "R2026-001 C. Adair, E. Nakamura: That the consent agenda be approved as presented. "
        "Motion carried 8-0.",
        "R2026-002 M. Lind, C. Adair: That the minutes of the regular meeting held on "
        "February 24, 2026 be approved. Motion carried unanimously.",
        "R2026-003 J. Okoro, M. Lind: That the library stay open until 8 p.m. on Thursdays "
        "beginning May 1, 2026. Motion carried 5-1-2.",
        "R2026-004 T. Brandt, P. Ó Briain: That the footbridge repair contract be awarded to "
        "the lowest responsive bidder. Motion carried 7-1. Recorded vote: FOR Whitfield, Okoro, "
        "Lind, Ó Briain, Brandt, Oyelaran, Adair; AGAINST Nakamura.",
        "R2026-005 E. Nakamura, C. Adair: That forty street trees be planted on Canal Row "
        "this fall. Motion carried unanimously.",
    ]
    assert not tables
    assert "There being no further business, the meeting adjourned at 9:36 p.m." in lines
    assert lines[-3:] == [
        "Respectfully submitted,",
        "\t\t\n\tMayor",
        "\t\t\n\tCity Clerk",
    ]
    assert "initials" not in footer
    assert "five" not in text and "votes to" not in text


def test_ontario_council(svc: Services, tmp_path: Path) -> None:
    lines, tables, footer = exported(svc, "ontario-council", tmp_path)
    text = "\n".join(lines)
    assert lines[0] == "The Corporation of the Township of Pellham Ridge"
    assert "Tuesday, March 24, 2026, 7:00 p.m." in text
    assert "Mayor Whitfield assumed the chair and called the meeting to order at 7:00 p.m." in lines
    assert "Regrets:" in lines and "Councillor Greta Vance (illness)" in lines
    assert "Staff present:" in lines and "Present electronically:" in lines
    log = [" ".join(x.split()) for x in lines if x.startswith("CR2026-")]
    assert log == [
        "CR2026-001 M. Lind, C. Adair: That the minutes of the regular meeting of Council "
        "held on February 24, 2026 be adopted as circulated. Carried Unanimously.",
        "CR2026-002 J. Okoro, M. Lind: That the application for Zoning By-law Amendment "
        "Z-02/26 at 2270 Sideroad 15, to permit a farm winery and tasting room, be approved "
        "and the amending by-law be brought forward. Carried.",
        # the recorded vote: every member's name and vote, in roll order
        "CR2026-003 T. Brandt, P. Ó Briain: That Tender PW-2026-03 for gravel resurfacing be "
        "awarded to Dunmore Aggregates Ltd. in the amount of $412,300 plus HST. Carried. "
        "Recorded vote: FOR Mayor Whitfield, Deputy Mayor Okoro, Councillor Lind, Councillor "
        "Ó Briain, Councillor Brandt, Councillor Oyelaran, Councillor Adair; AGAINST "
        "Councillor Nakamura.",
        "CR2026-004 E. Nakamura, C. Adair: That a community grant of $2,500 be provided to "
        "the Pellham Ridge Agricultural Society toward the 2026 fall fair. Carried "
        "Unanimously.",
        # the confirming by-law, the last decision of the meeting
        "CR2026-005 M. Lind, T. Brandt: That By-law 2026-014, being a by-law to confirm the "
        "proceedings of Council at its meeting held on March 24, 2026, be read a first, "
        "second and third time and finally passed. Carried Unanimously.",
    ]
    assert "The meeting adjourned at 9:36 p.m." in lines
    assert lines[-2:] == [
        "\t\t\n\tMayor",
        "\t\t\n\tClerk",
    ]
    assert "initials" not in footer and not tables


def test_irish_local_authority(svc: Services, tmp_path: Path) -> None:
    lines, tables, _footer = exported(svc, "irish-local-authority", tmp_path)
    text = "\n".join(lines)
    assert "on Tuesday 24th March, 2026 at 11.00am" in lines[1]
    assert "Members present:" in lines and "Officials in attendance:" in lines
    assert "The Cathaoirleach, Councillor Whitfield, presided." in lines
    assert "Proposed by Councillor Okoro, seconded by Councillor Lind and" in lines
    assert (
        "A vote was taken: For 5, Against 1, Abstained 2. "
        "The Cathaoirleach declared the motion carried." in lines
    )
    assert "The meeting concluded at 1.36pm." in text
    # the named vote as a table, the Cathaoirleach first, Ó Briain sorted with the Os
    (table,) = tables
    assert table[0] == ["Vote", "Members", "Total"]
    assert table[1][1] == (
        "Councillor Whitfield, Councillor Adair, Councillor Brandt, Councillor Lind, "
        "Councillor Ó Briain, Councillor Okoro and Councillor Oyelaran"
    )
    assert "Signed\t\t Meetings Administrator" in lines


def test_australian_council(svc: Services, tmp_path: Path) -> None:
    lines, _tables, _footer = exported(svc, "anz-council", tmp_path)
    assert "on Tuesday 24 March 2026 at 9.00am" in lines[1]
    assert "Moved Cr Okoro, seconded Cr Lind:" in lines
    assert "CARRIED 5/1" in lines and "CARRIED UNANIMOUSLY" in lines
    assert any(x.startswith("For the motion: Cr Adair, Cr Brandt") for x in lines)


def test_us_nonprofit_board(svc: Services, tmp_path: Path) -> None:
    lines, _tables, footer = exported(svc, "us-nonprofit-board", tmp_path)
    assert (
        "A quorum being present, Dana Whitfield called the meeting to order at 6:00 p.m." in lines
    )
    assert "Motion (Jonah Okoro); second (Mara Lind):" in lines
    assert "Vote: 5 Yes; 1 No; 2 Abstain. Motion carried." in lines
    # regrets in the attendance only, not again under the apologies item
    assert lines[lines.index("Regrets:") + 1] == "Greta Vance (illness)"
    assert "Regrets were received from Greta Vance (illness)." not in lines
    # titles as typed, not capitals
    assert "Grant application to the Hartwell Family Foundation" in "\n".join(lines)
    assert "Staff present:" in lines and "Alma Reyes (Executive Director)" in lines
    assert "DRAFT" not in footer


def test_scottish_committee_minute(svc: Services, tmp_path: Path) -> None:
    lines, _tables, _footer = exported(svc, "scottish-council-committee", tmp_path)
    assert lines[2].startswith("Minute of a meeting of the Communities Committee")
    assert "Councillor Whitfield in the Chair." in lines
    assert "Apologies were intimated on behalf of Councillor Vance (illness)." in lines
    # the Committee's decision is a sentence of its own, not hung on "moved and"
    at = lines.index("Councillor Okoro moved, seconded by Councillor Lind.")
    assert lines[at + 1].startswith("The Committee RESOLVED:")
    assert not [t for t in lines if t.endswith(" moved and")]


@pytest.mark.parametrize("style_id", sorted(DEMO_BODIES))
def test_every_style_exports_its_demo(svc: Services, tmp_path: Path, style_id: str) -> None:
    lines, _tables, _footer = exported(svc, style_id, tmp_path)
    assert not any("{" in x or ".." in x.replace("...", "") for x in lines)


def _decided(svc: Services, style_id: str) -> set[str]:
    """What a style demo decided, but for approving the last minutes and the agenda."""
    meeting = create_style_demo(svc, style_id)
    clauses = {
        clause
        for item in meeting.items
        for block in item.blocks
        for clause in getattr(block, "clauses", [])
    }
    return {c for c in clauses if "minute" not in c and "agenda" not in c}


def test_each_body_takes_business_of_its_own_kind(svc: Services) -> None:
    decided = {style_id: _decided(svc, style_id) for style_id in DEMO_BODIES}
    council = re.compile(r"\b(library|footbridge|trees?|llyfrgell|bont|coed)\b", re.IGNORECASE)
    own = ("company-board", "us-nonprofit-board", "nhs-board", "school-governing-board")
    for style_id in (*own, "welsh-community-council"):
        assert len(decided[style_id]) >= 3
        assert not any(council.search(c) for c in decided[style_id]), style_id
    # two demos decide the same things only when they are one body in two languages
    for one in DEMO_BODIES:
        for other in DEMO_BODIES:
            if one < other and DEMO_BODIES[one][0] != DEMO_BODIES[other][0]:
                assert not decided[one] & decided[other], (one, other)


def test_a_company_director_with_an_interest_takes_no_part_in_the_vote(
    svc: Services, tmp_path: Path
) -> None:
    lines, tables, _footer = exported(svc, "company-board", tmp_path)
    at = lines.index("2\tQuorum and declarations of interest")
    assert lines[at + 1].startswith("Colm Adair declared a conflict of interest in item 7")
    assert "but not vote on that business" in lines[at + 1]
    votes = next(t for t in tables if t[0][0] == "Vote")
    assert votes[1][0] == "For" and "Colm Adair" not in votes[1][1]
    assert votes[1][2] == "6"
    assert "Carried by six votes to one." in lines
