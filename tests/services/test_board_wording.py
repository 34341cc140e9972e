"""How board and school minutes word the lines a council's would word otherwise: the
initials strip, a decision whose lead-in is a sentence of its own, and action lines,
read back from the exported .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import Body, Meeting
from clerk_app.services import Services


def _export(svc: Services, meeting: Meeting, tmp_path: Path) -> docx.document.Document:
    out = tmp_path / "minutes.docx"
    svc.export(svc.get_meeting(meeting.id), out, Version.FULL)
    return docx.Document(str(out))


@pytest.mark.parametrize(
    ("title", "strip"),
    [
        ("Chair of Governors", "Chair’s initials"),
        ("Chairman of the Council", "Chairman’s initials"),
        ("Lord Mayor", "Lord Mayor’s initials"),
        ("Chair", "Chair’s initials"),
        ("Convenor of Trustees", "Convenor of Trustees’ initials"),
    ],
)
def test_the_initials_strip_writes_the_title_as_a_possessive(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path, title: str, strip: str
) -> None:
    body.settings.chair_title = title
    svc.save_body(body)
    footer = " ".join(p.text for p in _export(svc, meeting, tmp_path).sections[0].footer.paragraphs)
    assert strip in footer
    assert "s’s " not in footer and "Governors’ initials" not in footer
