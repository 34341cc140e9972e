"""One plain test per public output: a fixed marker in every text of a Part 2 item, and
no XML part of the output holds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.domain.document import Version
from clerk_app.services import Services
from clerk_app.storage import Store
from tests.exempt.helpers import SECRET, Exempt, docx_text, exempt_meeting
from tests.exempt.leak import leaks

MARKERS = [SECRET.casefold()]


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


@pytest.fixture
def ex(svc: Services) -> Exempt:
    return exempt_meeting(svc)


def test_the_marker_is_in_the_full_minutes(svc: Services, ex: Exempt, tmp_path: Path) -> None:
    full = svc.export(ex.meeting, tmp_path / "full.docx", Version.FULL)
    assert leaks(full, MARKERS)


def test_public_minutes(svc: Services, ex: Exempt, tmp_path: Path) -> None:
    path = svc.export(ex.meeting, tmp_path / "public.docx", Version.PUBLIC)
    assert leaks(path, MARKERS) == []
    text = docx_text(path)
    assert "DISPOSAL OF LAND" in text and "A sale was agreed." in text
    assert "It was moved by" in text and "the motion was carried" in text


def test_decision_sheet(svc: Services, ex: Exempt, tmp_path: Path) -> None:
    path = svc.export_decision_sheet(ex.meeting, tmp_path / "decisions.docx")
    assert leaks(path, MARKERS) == []
    assert "DISPOSAL OF LAND" in docx_text(path)


def test_public_action_log(svc: Services, ex: Exempt, tmp_path: Path) -> None:
    path = svc.export_action_log(ex.body.id, tmp_path / "actions.docx")
    assert leaks(path, MARKERS) == []
    assert "Retender the mowing lot" in docx_text(path)


def test_officers_draft_of_the_part_1_item(svc: Services, ex: Exempt, tmp_path: Path) -> None:
    path = svc.export_item_draft(ex.meeting, ex.public_item, tmp_path / "draft.docx")
    assert leaks(path, MARKERS) == []
    assert "PARKS MAINTENANCE CONTRACT" in docx_text(path).upper()


def test_officers_drafts_folder_names_nothing_exempt(
    svc: Services, ex: Exempt, tmp_path: Path
) -> None:
    written = svc.export_officer_drafts(ex.meeting, tmp_path / "drafts")
    assert sorted(p.name for p in written) == [
        "1 Parks maintenance contract.docx",
        "2 Disposal of land.docx",
    ]
    assert all(SECRET.casefold() not in p.name.casefold() for p in written)
    part_1 = next(p for p in written if "Parks" in p.name)
    assert leaks(part_1, MARKERS) == []


def test_the_public_preview_of_the_heading(svc: Services, ex: Exempt) -> None:
    item = ex.meeting.item(ex.exempt_item)
    assert item is not None
    lines = svc.public_item_lines(ex.meeting, item)
    assert lines[0] == "2 DISPOSAL OF LAND"
    assert SECRET not in "\n".join(lines)
