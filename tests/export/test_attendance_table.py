"""A board's attendance as a table (name, role, initials, part meeting), and every
attendance list in surname order with accents folded: exported and read back."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    AttendanceStatus,
    BodyKind,
    ChangeKind,
    Meeting,
    Person,
    PersonKind,
    Role,
)
from clerk_app.domain.style import AttendanceLayout, NameOrder
from clerk_app.export.tables import CHAR, PADDING
from clerk_app.services import Services
from clerk_app.storage import Store

# a board of our own, named so that surname order and code-point order differ
BOARD = [
    Person("Amara", "Fenwick-Lowe", "Dr", role=Role.CHAIR, post="Independent Director"),
    Person("Sian", "Smith", initials="SJS"),
    Person("Cian", "Ó Briain"),
    Person("Jo", "Okoro", post="Finance Director"),
    Person("Pat", "Nolan", post_nominals="OBE"),
    Person("Rhys", "Adeyemi", role=Role.VICE_CHAIR),
]
STAFF = [
    Person("Zoe", "Sandford", kind=PersonKind.OFFICER, post="Company Secretary"),
    Person("Orla", "Ó Dálaigh", kind=PersonKind.OFFICER, post="Head of Finance"),
    Person("Ned", "Nolan", kind=PersonKind.OFFICER, post="Head of Legal"),
]


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _board(svc: Services, style: str = "company-board") -> tuple[Meeting, dict[str, str]]:
    body = svc.create_body("Board", BodyKind.COMPANY_BOARD, "Harlow Vale Housing Ltd", style=style)
    body.people = [
        Person(p.first_name, p.last_name, p.honorific, p.kind, p.role, p.post, p.initials,
               post_nominals=p.post_nominals)
        for p in BOARD + STAFF
    ]  # fmt: skip
    body = svc.save_body(body)
    ids = {p.last_name: p.id for p in reversed(body.people)}  # the member, not Ned Nolan
    meeting = svc.create_meeting(
        body.id,
        date(2026, 5, 12),
        start_time=time(10, 0),
        agenda=["Finance report", "Repairs contract", "Tenant survey", "Risk register"],
        standard_items=False,
    )
    for p in body.people:
        status = (
            AttendanceStatus.PRESENT if p.kind is PersonKind.MEMBER else AttendanceStatus.OFFICER
        )
        svc.set_attendance(meeting, p.id, status)
    svc.set_attendance(meeting, ids["Adeyemi"], AttendanceStatus.APOLOGIES, reason="work")
    items = meeting.items
    # Ó Briain came late, at the second item; Okoro left during the last one
    svc.record_attendance_change(meeting, items[1].id, ids["Ó Briain"], ChangeKind.ARRIVED,
                                 time(10, 15))  # fmt: skip
    svc.record_attendance_change(meeting, items[3].id, ids["Okoro"], ChangeKind.LEFT,
                                 time(11, 40))  # fmt: skip
    return svc.get_meeting(meeting.id), ids


def _body_order(document: WordDocument) -> list[WordParagraph | WordTable]:
    """The paragraphs and tables of the document in their order."""
    out: list[WordParagraph | WordTable] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(WordParagraph(child, document))
        elif child.tag.endswith("}tbl"):
            out.append(WordTable(child, document))
    return out


def _cells(table: WordTable) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _export(svc: Services, meeting: Meeting, path: Path, version: Version = Version.FULL) -> list:
    svc.export(meeting, path, version)
    return _body_order(docx.Document(str(path)))


def test_a_board_prints_those_present_as_a_table(svc: Services, tmp_path: Path) -> None:
    meeting, _ids = _board(svc)
    body = svc.get_body(meeting.body_id)
    assert body.settings.style.attendance_layout is AttendanceLayout.TABLE
    parts = _export(svc, meeting, tmp_path / "board.docx")
    tables = [p for p in parts if isinstance(p, WordTable)]
    members, staff = tables[0], tables[1]
    assert members.style.name == "Clerk Schedule Table"
    assert _cells(members) == [
        ["Name", "Role", "Initials", "Part meeting"],
        ["Dr Amara Fenwick-Lowe", "Independent Director, Chair", "AFL", ""],
        ["Pat Nolan OBE", "Director", "PN", ""],
        ["Cian Ó Briain", "Director", "CÓB", "Arrived 10.15 am, item 2"],
        ["Jo Okoro", "Finance Director", "JO", "Left 11.40 am, item 4"],
        ["Sian Smith", "Director", "SJS", ""],
    ]
    # those in attendance in a table of their own, with no empty part-meeting column, in
    # the order the board lists them (by seniority), as the company board style says
    assert _cells(staff) == [
        ["Name", "Role", "Initials"],
        ["Zoe Sandford", "Company Secretary", "ZS"],
        ["Orla Ó Dálaigh", "Head of Finance", "OÓD"],
        ["Ned Nolan", "Head of Legal", "NN"],
    ]
    for cell in members.rows[1].cells:
        assert cell.paragraphs[0].style.name == "Clerk Table"
    # names and initials kept on one line; the roles wrap instead
    assert members.columns[0].width >= len("Dr Amara Fenwick-Lowe") * CHAR + PADDING
    assert members.columns[2].width >= len("Initials") * CHAR + PADDING
    # headings before each table, the apologies as a line after them
    texts = [p.text if isinstance(p, WordParagraph) else "<table>" for p in parts]
    start = texts.index("Present:")
    assert texts[start : start + 6] == [
        "Present:",
        "<table>",
        "In attendance:",
        "<table>",
        "Apologies for absence:",
        "Rhys Adeyemi (work)",
    ]
    assert parts[start].style.name == "Clerk Attendance Heading"
    assert parts[start + 5].style.name == "Clerk Attendance"


@pytest.mark.parametrize("version", [Version.PUBLIC, Version.CONFIDENTIAL])
def test_the_public_and_confidential_minutes_have_the_table_too(
    svc: Services, tmp_path: Path, version: Version
) -> None:
    meeting, ids = _board(svc)
    staffing = svc.add_item(meeting, "Chief executive's pay", part=2, public_heading="Staffing")
    svc.move_motion(meeting, staffing.id, mover_id=ids["Okoro"], seconder_id=ids["Smith"],
                    clauses=["the pay award be approved"])  # fmt: skip
    parts = _export(svc, svc.get_meeting(meeting.id), tmp_path / "v.docx", version)
    tables = [_cells(p) for p in parts if isinstance(p, WordTable)]
    assert tables[0][0] == ["Name", "Role", "Initials", "Part meeting"]
    assert ["Cian Ó Briain", "Director", "CÓB", "Arrived 10.15 am, item 2"] in tables[0]


def test_the_part_meeting_mark_takes_the_style_s_time(svc: Services, tmp_path: Path) -> None:
    meeting, _ids = _board(svc, style="us-nonprofit-board")
    body = svc.get_body(meeting.body_id)
    body.settings.style.attendance_layout = AttendanceLayout.TABLE
    svc.save_body(body)
    parts = _export(svc, meeting, tmp_path / "us.docx")
    (members, *_rest) = [_cells(p) for p in parts if isinstance(p, WordTable)]
    assert ["Cian Ó Briain", "Director", "CÓB", "Arrived 10:15 a.m., item 2"] in members


def test_left_and_came_back_and_leaving_the_room_for_an_item(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _board(svc)
    items = meeting.items
    svc.record_attendance_change(meeting, items[2].id, ids["Smith"], ChangeKind.LEFT, time(11, 0))
    svc.record_attendance_change(meeting, items[3].id, ids["Smith"], ChangeKind.RETURNED,
                                 time(11, 20))  # fmt: skip
    svc.record_attendance_change(meeting, items[0].id, ids["Nolan"], ChangeKind.LEFT_ROOM,
                                 time(10, 5))  # fmt: skip
    svc.record_attendance_change(meeting, items[0].id, ids["Nolan"], ChangeKind.RETURNED,
                                 time(10, 9))  # fmt: skip
    parts = _export(svc, svc.get_meeting(meeting.id), tmp_path / "b.docx")
    members = _cells(next(p for p in parts if isinstance(p, WordTable)))
    assert [
        "Sian Smith",
        "Director",
        "SJS",
        "Left 11.00 am, item 3; returned 11.20 am, item 4",
    ] in members
    assert ["Pat Nolan OBE", "Director", "PN", ""] in members


# --------------------------------------------------------------------------- surname order


def _lines(parts: list) -> list[str]:
    return [" ".join(p.text.split()) for p in parts if isinstance(p, WordParagraph)]


def _in_order(text: str, *names: str) -> bool:
    at = [text.index(n) for n in names]
    return at == sorted(at)


LAYOUTS = [AttendanceLayout.STANDARD, AttendanceLayout.SEDERUNT, AttendanceLayout.TABLE]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_attendance_list_folds_accents(
    svc: Services, tmp_path: Path, layout: AttendanceLayout
) -> None:
    """ "Ó Briain" between "Nolan" and "Okoro" in every list, never after "S"."""
    meeting, _ids = _board(svc)
    body = svc.get_body(meeting.body_id)
    body.settings.style.attendance_layout = layout
    body.settings.style.officer_order = NameOrder.ALPHABETICAL
    for first, last in (("Una", "Ó Riada"), ("Max", "Stone"), ("Lia", "Nash")):
        body.people.append(Person(first, last, kind=PersonKind.OTHER, post="Auditor"))
    for first, last in (("Ava", "Nairn"), ("Eoin", "Ó Ceallaigh"), ("Tess", "Shaw")):
        body.people.append(Person(first, last))
    body = svc.save_body(body)
    for p in body.people[-6:-3]:
        svc.set_attendance(meeting, p.id, AttendanceStatus.OTHER)
    for p in body.people[-3:]:
        svc.set_attendance(meeting, p.id, AttendanceStatus.APOLOGIES)
    parts = _export(svc, svc.get_meeting(meeting.id), tmp_path / "o.docx")
    lines: list[str] = []
    for part in parts:  # in document order, a table's names as lines
        if isinstance(part, WordParagraph):
            lines.append(" ".join(part.text.split()))
        else:
            lines.extend(row[0] for row in _cells(part))
    text = "\n".join(lines)
    present = text[: text.index("Also present:")]
    assert _in_order(present, "Pat Nolan", "Cian Ó Briain", "Jo Okoro", "Sian Smith")
    also = text[text.index("Also present:") : text.index("In attendance:")]
    assert _in_order(also, "Lia Nash", "Una Ó Riada", "Max Stone")
    staff = text[text.index("In attendance:") : text.index("Apologies for absence:")]
    assert _in_order(staff, "Ned Nolan", "Orla Ó Dálaigh", "Zoe Sandford")
    apologies = text[text.index("Apologies for absence:") :]
    assert _in_order(apologies, "Ava Nairn", "Eoin Ó Ceallaigh", "Tess Shaw")


def test_the_absent_list_folds_accents(svc: Services, tmp_path: Path) -> None:
    meeting, ids = _board(svc)
    for last in ("Smith", "Ó Briain", "Nolan"):
        svc.set_attendance(meeting, ids[last], AttendanceStatus.ABSENT)
    parts = _export(svc, svc.get_meeting(meeting.id), tmp_path / "a.docx")
    lines = [" ".join(p.text.split()) for p in parts if isinstance(p, WordParagraph)]
    absent = lines[lines.index("Absent:") + 1]
    assert absent == "Pat Nolan OBE, Cian Ó Briain and Sian Smith"
