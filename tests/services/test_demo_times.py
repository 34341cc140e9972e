"""Each style's demo meeting meets at a time its kind of body meets, and every time in
it (a departure, a declaration, an adjournment, the end, the next meeting) follows from
that start and stays inside the meeting."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import AttendanceChange, Declaration, Note
from clerk_app.services import Services
from clerk_app.services.demo_styles import DEMO_BODIES, create_style_demo

# boards meet in office hours or after the school day, not at a council's 7 pm
DAYTIME = {"company-board", "nhs-board", "scottish-council-committee", "anz-council"}
EARLY_EVENING = {"school-governing-board", "us-nonprofit-board"}


@pytest.mark.parametrize("style_id", sorted(DEMO_BODIES))
def test_every_time_in_a_demo_lies_inside_its_meeting(svc: Services, style_id: str) -> None:
    meeting = create_style_demo(svc, style_id)
    saved = svc.get_meeting(meeting.id)
    start, end = saved.start_time, saved.end_time
    assert start is not None and end is not None and start < end
    if style_id in DAYTIME:
        assert start < time(12, 0)
    elif style_id in EARLY_EVENING:
        assert time(17, 0) <= start < time(19, 0)
    else:
        assert time(9, 0) <= start <= time(19, 30)
    timed = [
        block.at
        for item in saved.items
        for block in item.blocks
        if isinstance(block, AttendanceChange | Declaration | Note) and block.at is not None
    ]
    assert all(start <= at <= end for at in timed), (start, end, timed)
    if saved.next_time is not None:
        assert abs(saved.next_time.hour - start.hour) <= 1


def _lines(svc: Services, style_id: str, tmp_path: Path) -> list[str]:
    meeting = create_style_demo(svc, style_id)
    out = tmp_path / f"{style_id}.docx"
    svc.export(meeting, out, Version.FULL)
    document = docx.Document(str(out))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return lines


def test_an_nhs_trust_board_meets_in_the_morning(svc: Services, tmp_path: Path) -> None:
    lines = _lines(svc, "nhs-board", tmp_path)
    assert "Tuesday 24 March 2026, 09:30 – 12:06" in lines[2]
    assert "11:35\tRuth Oyelaran left the meeting." in lines
    assert "The meeting ended at 12:06." in lines
    assert not any(("19:" in x or "20:" in x or "21:" in x) for x in lines)


def test_a_company_board_meets_at_ten(svc: Services, tmp_path: Path) -> None:
    lines = _lines(svc, "company-board", tmp_path)
    assert lines[1].endswith("on Tuesday 24 March 2026 at 10.00 am")
    assert "12.05 pm\tRuth Oyelaran left the meeting." in lines
    assert any(x.endswith("Left 12.05 pm, item 8") for x in lines)
    assert "The meeting ended at 12.36 pm." in lines


def test_governors_meet_after_school(svc: Services, tmp_path: Path) -> None:
    lines = _lines(svc, "school-governing-board", tmp_path)
    assert any(x.endswith("on Tuesday 24 March 2026 at 6.00 pm") for x in lines[:3])
    assert "The meeting ended at 8.36 pm." in lines
