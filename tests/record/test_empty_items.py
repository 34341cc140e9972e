"""An item with nothing minuted under it is pointed out once the meeting has ended, and
the date of the next meeting is written under its own item, as real minutes do."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import docx

from clerk_app.domain.document import Version
from clerk_app.domain.model import Body, ItemStatus, Meeting, Paragraph
from clerk_app.domain.style import Layout
from clerk_app.services import Services


def _nothing_minuted(svc: Services, meeting: Meeting) -> list[str]:
    return [i.message for i in svc.check(meeting) if i.message.startswith("Nothing is minuted")]


def test_an_empty_item_is_pointed_out_only_after_the_meeting(
    svc: Services, meeting: Meeting
) -> None:
    policy = next(it for it in meeting.items if it.title == "Taxi licensing policy")
    review = next(it for it in meeting.items if it.title.startswith("Review of"))
    svc.start_meeting(meeting, time(10, 0))
    assert _nothing_minuted(svc, meeting) == []  # not yet reached, while the meeting runs
    svc.end_meeting(meeting, time(11, 0))
    warned = _nothing_minuted(svc, meeting)
    assert any(f"item {policy.number} (Taxi licensing policy)" in m for m in warned)
    assert not any("Apologies" in m or "Declarations" in m for m in warned)  # they write
    svc.add_block(meeting, policy.id, Paragraph(text="The policy was noted."))
    svc.set_item_status(meeting, review.id, ItemStatus.DEFERRED)
    left = _nothing_minuted(svc, meeting)
    assert len(left) == len(warned) - 2
    assert not any("Taxi" in m or "Review of" in m for m in left)


def test_the_next_meeting_is_written_under_its_item(
    svc: Services, meeting: Meeting, tmp_path: Path
) -> None:
    svc.add_item(meeting, "Date of next meeting")
    meeting.next_date = date(2026, 7, 14)
    meeting.next_time = time(10, 0)
    svc.update_meeting(meeting)
    svc.end_meeting(meeting, time(11, 0))
    assert not any("Date of next meeting" in m for m in _nothing_minuted(svc, meeting))
    path = svc.export(meeting, tmp_path / "m.docx", Version.FULL)
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    sentence = "The next meeting will be held on Tuesday 14 July 2026 at 10.00 am."
    heading = next(n for n, t in enumerate(text) if "DATE OF NEXT MEETING" in t.upper())
    assert text[heading + 1] == sentence
    assert text.count(sentence) == 1  # not again after the last item


def test_without_its_item_the_next_meeting_closes_the_minutes(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    meeting.next_date = date(2026, 7, 14)
    svc.update_meeting(meeting)
    svc.end_meeting(meeting, time(11, 0))
    text = [p.text for p in docx.Document(str(svc.export(meeting, tmp_path / "a.docx"))).paragraphs]
    ended = text.index("The meeting ended at 11.00 am.")
    assert text[ended + 1].startswith("The next meeting will be held on Tuesday 14 July 2026")
    # the compact layout leaves out items with nothing decided: the date stays at the end
    svc.add_item(meeting, "Date of next meeting")
    body.settings.style = replace(body.settings.style, layout=Layout.RESOLUTION_LOG)
    svc.save_body(body)
    log = [p.text for p in docx.Document(str(svc.export(meeting, tmp_path / "b.docx"))).paragraphs]
    assert sum("14 July 2026" in t for t in log) == 1


def test_a_sentence_the_clerk_also_typed_is_written_once(
    svc: Services, meeting: Meeting, body: Body, tmp_path: Path
) -> None:
    from clerk_app.domain.model import AttendanceStatus

    people = {p.last_name: p.id for p in body.people}
    svc.set_attendance(meeting, people["Patel"], AttendanceStatus.APOLOGIES)
    svc.set_attendance(
        meeting, people["Quarry"], AttendanceStatus.SUBSTITUTE, substitute_for=people["Patel"]
    )
    apologies = next(it for it in meeting.items if it.kind.value == "apologies")
    written = svc.auto_wording(meeting, apologies.id)
    substitute = next(t for t in written if "substitute" in t)
    svc.add_block(meeting, apologies.id, Paragraph(text=substitute.rstrip(".")))
    text = [p.text for p in docx.Document(str(svc.export(meeting, tmp_path / "m.docx"))).paragraphs]
    same = [t for t in text if t.rstrip(".") == substitute.rstrip(".")]
    # once in the attendance (under "Substitutes:") and once under the item, as typed
    assert same == [substitute, substitute.rstrip(".")]
    assert text[text.index(substitute) - 1] == "Substitutes:"
