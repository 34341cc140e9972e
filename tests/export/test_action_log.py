"""The action log export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clerk_app.domain.document import Style
from clerk_app.domain.model import ActionStatus
from clerk_app.export import ActionRow, export_action_log

from .helpers import reopen


def test_action_log_table(tmp_path: Path) -> None:
    rows = [
        ActionRow(
            "42",
            "Publish the new youth centre opening hours",
            "Head of Community Services",
            dt.date(2026, 4, 1),
            ActionStatus.IN_PROGRESS,
        ),
        ActionRow(
            "43/2",
            "Write to the bus operator about the Millbrook route",
            "Clerk",
            "Before the next meeting",
            ActionStatus.OPEN,
        ),
        ActionRow("38", "Order the new noticeboard", "Cllr Yeo", None, "done"),
    ]
    out = export_action_log(rows, tmp_path / "actions.docx", "Action log – Community Services")
    word = reopen(out)
    assert word.paragraphs[0].text == "Action log – Community Services"
    assert word.paragraphs[0].style.name == Style.TITLE.value
    table = word.tables[0]
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0] == ["Minute ref", "Action", "Who", "By when", "Status"]
    assert cells[1] == [
        "42",
        "Publish the new youth centre opening hours",
        "Head of Community Services",
        "1 April 2026",
        "In progress",
    ]
    assert cells[2][3:] == ["Before the next meeting", "Open"]
    assert cells[3][3:] == ["", "Done"]
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    # the action column gets the most room
    widths = [col.width for col in table.columns]
    assert widths[1] == max(widths)
    # an action log has no signature block
    assert all(p.style.name != Style.SIGNATURE.value for p in word.paragraphs)


def test_empty_action_log_says_so(tmp_path: Path) -> None:
    word = reopen(export_action_log([], tmp_path / "none.docx", "Action log"))
    assert word.tables == []
    assert word.paragraphs[1].text == "There are no actions to record."
