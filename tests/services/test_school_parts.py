"""A school's minutes name their parts as its clerk writes them: "PART A MINUTES" over
the business anyone may read, "PART B – CONFIDENTIAL BUSINESS" over the rest, read back
from the exported .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Style, Version
from clerk_app.services import Services
from clerk_app.services.demo import create_demo
from clerk_app.services.demo_boards import create_school_demo
from clerk_app.services.demo_styles import create_style_demo
from tests.services.test_demo_complete import _paragraphs


@pytest.mark.parametrize("version", [Version.FULL, Version.PUBLIC])
def test_school_minutes_are_headed_part_a_then_part_b(
    svc: Services, tmp_path: Path, version: Version
) -> None:
    meeting = create_school_demo(svc)
    out = tmp_path / f"school-{version.value}.docx"
    svc.export(meeting, out, version)
    paras = [(s, t) for s, t in _paragraphs(docx.Document(str(out))) if t.strip()]
    parts = [(i, t) for i, (s, t) in enumerate(paras) if s == Style.PART_HEADING.value]
    assert [t for _i, t in parts] == ["PART A MINUTES", "PART B – CONFIDENTIAL BUSINESS"]
    items = [i for i, (s, _t) in enumerate(paras) if s == Style.ITEM_HEADING.value]
    # Part A stands over the first item, after the attendance; Part B over the last
    assert parts[0][0] == items[0] - 1
    assert paras[items[0]][1] == "1\tWelcome, apologies and quorum"
    assert parts[1][0] == items[-1] - 1


def test_only_the_confidential_minutes_go_without_the_part_a_heading(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_school_demo(svc)
    out = tmp_path / "school-confidential.docx"
    svc.export(meeting, out, Version.CONFIDENTIAL)
    text = [t for _s, t in _paragraphs(docx.Document(str(out)))]
    assert "PART A MINUTES" not in text
    # a council committee's minutes have no Part A: only their Part 2 is named
    create = tmp_path / "committee.docx"
    svc.export(create_demo(svc), create, Version.FULL)
    parts = [t for s, t in _paragraphs(docx.Document(str(create))) if s == Style.PART_HEADING.value]
    assert parts == ["PART 2 – EXEMPT BUSINESS"]


def test_a_school_meeting_without_part_b_is_still_headed_part_a(
    svc: Services, tmp_path: Path
) -> None:
    out = tmp_path / "school-style.docx"
    svc.export(create_style_demo(svc, "school-governing-board"), out, Version.FULL)
    paras = [(s, t) for s, t in _paragraphs(docx.Document(str(out))) if t.strip()]
    parts = [t for s, t in paras if s == Style.PART_HEADING.value]
    assert parts == ["PART A MINUTES"]
    first = next(i for i, (s, _t) in enumerate(paras) if s == Style.ITEM_HEADING.value)
    assert paras[first - 1] == (Style.PART_HEADING.value, "PART A MINUTES")
