"""An item debated and then deferred: what was said is printed, then the deferral."""

from __future__ import annotations

from pathlib import Path

import docx

from clerk_app.domain.document import Version
from clerk_app.domain.model import Body, ItemStatus, Meeting, Paragraph
from clerk_app.services import Services


def _item_text(svc: Services, meeting: Meeting, path: Path) -> list[str]:
    out = svc.export(svc.get_meeting(meeting.id), path, Version.FULL)
    text = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    start = next(i for i, t in enumerate(text) if t.upper().endswith("TAXI LICENSING POLICY"))
    return text[start + 1 : start + 4]


def test_a_debated_item_prints_its_debate_then_the_deferral(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    item = next(it for it in meeting.items if it.title == "Taxi licensing policy")
    svc.add_block(meeting, item.id, Paragraph(text="Members asked for the consultation replies."))
    item.status = ItemStatus.DEFERRED
    svc.update_item(meeting, item)
    text = _item_text(svc, meeting, tmp_path / "m.docx")
    assert text[:2] == [
        "Members asked for the consultation replies.",
        "Following the discussion, the item was deferred.",
    ]
    assert "This item was deferred." not in text


def test_an_item_deferred_without_debate_says_so_alone(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    item = next(it for it in meeting.items if it.title == "Taxi licensing policy")
    item.status = ItemStatus.DEFERRED
    svc.update_item(meeting, item)
    assert _item_text(svc, meeting, tmp_path / "m.docx")[0] == "This item was deferred."
