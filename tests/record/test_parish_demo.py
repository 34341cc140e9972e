"""The parish demo meeting uses the new structures and exports as a clerk would print it."""

from __future__ import annotations

from pathlib import Path

import docx

from clerk_app.domain.document import Style, Version
from clerk_app.services import Services
from clerk_app.services.demo_parish import create_parish_demo


def test_the_parish_demo_exports(svc: Services, tmp_path: Path) -> None:
    meeting = create_parish_demo(svc)
    path = svc.export(meeting, tmp_path / "parish.docx", Version.FULL)
    paragraphs = docx.Document(str(path)).paragraphs
    text = "\n".join(p.text for p in paragraphs)
    # the clerk's own nil return, once (declarations under a later item make it "this item")
    assert text.count("No declarations of interest were made") == 1
    greaves = "Cllr Greaves declared an interest in application 26/00318/HOU at 8.05 pm as his "
    assert greaves in text
    assert "and left the room during its consideration." in text
    assert "did not vote" in text
    styles = {p.style.name for p in paragraphs}
    assert {Style.SECTION_HEADING.value, Style.SUB_HEADING.value} <= styles
    assert [m for m in meeting.items if not m.number] == [
        it for it in meeting.items if it.kind.value == "section_heading"
    ]


def test_the_parish_demo_has_payments_speakers_and_two_responses(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_parish_demo(svc)
    path = svc.export(meeting, tmp_path / "parish.docx", Version.FULL)
    word = docx.Document(str(path))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Mrs Tanner, a local resident, addressed the meeting, saying that" in text
    assert "RESOLVED: that the Council raise NO OBJECTION to the application." in text
    assert "RESOLVED: that the Council OBJECT to the application for the following reasons:" in text
    assert "The field floods each winter and no drainage scheme has been submitted." in text
    titles = [it.title.casefold() for it in meeting.items]
    assert titles.count("public participation") == 1
    (table,) = word.tables
    assert [c.text for c in table.rows[-1].cells] == ["", "Total", "£1,607.15", ""]
    assert "totalling £1,607.15" in text  # the resolution agrees with the schedule
