"""Meeting-level facts and people's titles: saved, checked, exported to Word and JSON."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import (
    Body,
    HeldStatus,
    Meeting,
    MeetingMode,
    Paragraph,
    Person,
    PersonKind,
)
from clerk_app.services import ServiceError, Services
from clerk_app.storage import Store

from .conftest import pid


def _facts(svc: Services, body: Body, meeting: Meeting) -> Meeting:
    meeting.mode, meeting.platform = MeetingMode.ONLINE, "Microsoft Teams"
    meeting.presiding_id = pid(body, "Ashdown")
    meeting.minute_taker_id = pid(body, "Sand")
    meeting.held = HeldStatus.HELD
    meeting.next_date, meeting.next_time = date(2026, 7, 14), time(10, 0)
    meeting.next_venue = "Committee Room 2"
    meeting.after_signature = "Published by Kettleby Licensing Services"
    return svc.update_meeting(meeting)


def test_facts_and_titles_survive_reopening(
    svc: Services, body: Body, meeting: Meeting, store: Store
) -> None:
    body.people.append(Person("Dean", "Carter", kind=PersonKind.OTHER, title="PCSO"))
    body.people[0].post_nominals = "OBE"
    svc.save_body(body)
    _facts(svc, body, meeting)
    path = store.path
    store.close()
    with Store.open(path, backups=False) as fresh:
        again = fresh.get_meeting(meeting.id)
        people = fresh.get_body(body.id).people
    assert again.mode is MeetingMode.ONLINE and again.platform == "Microsoft Teams"
    assert again.presiding_id == pid(body, "Ashdown")
    assert again.minute_taker_id == pid(body, "Sand")
    assert (again.next_date, again.next_time, again.next_venue) == (
        date(2026, 7, 14),
        time(10, 0),
        "Committee Room 2",
    )
    assert again.after_signature == "Published by Kettleby Licensing Services"
    assert people[0].post_nominals == "OBE"
    assert people[-1].title == "PCSO"


def test_facts_are_checked_in_the_window_and_in_a_file(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    meeting.presiding_id = "nobody"
    with pytest.raises(ServiceError, match="not on this body"):
        svc.update_meeting(meeting)
    meeting.presiding_id = None
    meeting.next_venue = "Committee Room 2"
    with pytest.raises(ServiceError, match="date of the next meeting"):
        svc.update_meeting(meeting)
    meeting.next_date = date(2026, 1, 1)
    with pytest.raises(ServiceError, match="after this one"):
        svc.update_meeting(meeting)
    # a file cannot bring in what the window refuses
    meeting.next_date, meeting.next_venue = None, ""
    svc.update_meeting(meeting)
    out = svc.export(meeting, tmp_path / "m.json", fmt="json")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["meeting"]["minute_taker_id"] = "nobody"
    out.write_text(json.dumps(data), encoding="utf-8")
    with (
        Store.open(tmp_path / "other.db", backups=False) as other,
        pytest.raises(ServiceError, match="minute_taker_id"),
    ):
        Services(other).import_json(out)


def test_word_export_prints_the_facts_and_bold(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    _facts(svc, body, meeting)
    svc.add_block(meeting, meeting.items[3].id, Paragraph(text="Fees rise **from April**."))
    for version in (Version.FULL, Version.PUBLIC):
        path = svc.export(meeting, tmp_path / f"{version.value}.docx", version)
        word = docx.Document(str(path))
        text = [p.text for p in word.paragraphs]
        assert any("held via Microsoft Teams on" in t for t in text)
        assert "Councillor Ashdown (Vice-Chair) in the Chair" in text
        assert "Minutes taken by:" in text
        assert any(t.startswith("The next meeting will be held on") for t in text)
        assert text[-1] == "Published by Kettleby Licensing Services"
        if version is Version.FULL:
            para = next(p for p in word.paragraphs if "Fees rise" in p.text)
            assert para.text.endswith("Fees rise from April.")
            assert [r.text for r in para.runs if r.bold] == ["from April"]
    sheet = svc.export(meeting, tmp_path / "d.docx", Version.DECISIONS)
    text = [p.text for p in docx.Document(str(sheet)).paragraphs]
    assert not any("Minutes taken by" in t or "next meeting" in t for t in text)
