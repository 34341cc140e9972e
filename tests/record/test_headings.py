"""Headings: lettered sub-items and report sub-headings inside an item, and section
headings between items that take no number."""

from __future__ import annotations

from pathlib import Path

import docx

from clerk_app.domain.document import Style, Version
from clerk_app.domain.model import Body, Heading, ItemKind, Meeting, Paragraph
from clerk_app.domain.render import render_minutes
from clerk_app.services import Services


def test_lettered_sub_items_and_an_unnumbered_sub_heading(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    item = meeting.items[0]
    for block in (
        Heading(text="Clerk's report"),
        Paragraph(text="The clerk reported on the bus shelter repairs."),
        Heading(text="Grass cutting contract", numbered=True),
        Paragraph(text="Three quotations had been received."),
        Heading(text="Bench by the pond", numbered=True),
    ):
        svc.add_block(meeting, item.id, block)
    again = svc.get_meeting(meeting.id)
    doc = render_minutes(again, body, Version.FULL)
    heads = [
        (p.label, p.text) for p in doc.elements if getattr(p, "style", None) is Style.SUB_HEADING
    ]
    assert heads == [
        ("", "Clerk's report"),
        ("(a)", "Grass cutting contract"),
        ("(b)", "Bench by the pond"),
    ]
    path = svc.export(again, tmp_path / "m.docx", Version.FULL)
    paras = docx.Document(str(path)).paragraphs
    found = [p for p in paras if "Grass cutting contract" in p.text]
    assert found and found[0].style.name == Style.SUB_HEADING.value
    assert "(a)" in found[0].text


def test_a_section_heading_takes_no_number_and_prints_as_a_heading(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    first = meeting.items[0]
    assert first.number == "1"
    section = svc.add_item(meeting, "# Reports of committees", index=0)
    assert section.kind is ItemKind.SECTION_HEADING and section.title == "Reports of committees"
    again = svc.get_meeting(meeting.id)
    numbered = len(again.items) - 1
    assert [it.number for it in again.items] == ["", *(str(n) for n in range(1, numbered + 1))]
    assert svc.list_meetings(body.id)[0].item_count == numbered
    doc = render_minutes(again, body, Version.FULL)
    (para,) = [p for p in doc.elements if getattr(p, "style", None) is Style.SECTION_HEADING]
    assert (para.label, para.text) == ("", "Reports of committees")
    path = svc.export(again, tmp_path / "m.docx", Version.FULL)
    names = [
        p.style.name
        for p in docx.Document(str(path)).paragraphs
        if p.text.strip() == "Reports of committees"
    ]
    assert names == [Style.SECTION_HEADING.value]


def test_an_agenda_line_with_a_hash_is_a_section_heading(svc: Services, body: Body) -> None:
    from datetime import date

    agenda = ["Bus shelter", "# Consent agenda", "Grit bins"]
    m = svc.create_meeting(body.id, date(2026, 9, 1), agenda=agenda)
    kinds = {it.title: (it.kind, it.number) for it in m.items}
    assert kinds["Consent agenda"] == (ItemKind.SECTION_HEADING, "")
    assert int(kinds["Grit bins"][1]) == int(kinds["Bus shelter"][1]) + 1
