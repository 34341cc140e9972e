"""Approved minutes are final: no DRAFT marking, and the signature block says who signed."""

from __future__ import annotations

from datetime import date

from clerk_app.domain.document import Para, Style, Version
from clerk_app.domain.model import Approval, MeetingStatus, Paragraph
from clerk_app.domain.render import render_minutes

from .test_render_support import item_with, make_body, make_meeting


def _signature_lines(meeting_approved: bool) -> tuple[list[str], str]:
    body, _cast = make_body()
    meeting = make_meeting(body, item_with(Paragraph(text="Lighting was discussed.")))
    if meeting_approved:
        meeting.status = MeetingStatus.APPROVED
        meeting.approval = Approval(approved_on=date(2025, 3, 11), signed_by="Adaeze Okafor")
    doc = render_minutes(meeting, body, Version.FULL)
    lines = [e.text for e in doc.elements if isinstance(e, Para) and e.style is Style.SIGNATURE]
    return lines, doc.watermark


def test_draft_has_blank_signature_and_watermark() -> None:
    lines, watermark = _signature_lines(False)
    assert watermark == "DRAFT"
    assert lines[0].startswith("Signed") and "Okafor" not in lines[0]
    assert lines[1].strip() == "Date"


def test_approved_minutes_show_who_signed_and_when() -> None:
    lines, watermark = _signature_lines(True)
    assert watermark == ""
    assert lines == ["Signed\tAdaeze Okafor (Chair)", "Date\tTuesday 11 March 2025"]


def test_declarations_of_lobbying_get_their_own_nil_return() -> None:
    from clerk_app.domain.model import Item, ItemKind

    body, _cast = make_body()
    meeting = make_meeting(
        body,
        Item("Declarations of interest", minute_number="1", kind=ItemKind.DECLARATIONS),
        Item("Declarations of lobbying", minute_number="2", kind=ItemKind.DECLARATIONS),
    )
    text = render_minutes(meeting, body, Version.FULL).text
    assert text.count("No declarations of interest were made.") == 1
    assert "No declarations of lobbying were made." in text
