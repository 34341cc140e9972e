"""The public heading and summary of a Part 2 item: set by the services, kept in the
database, carried by the JSON interchange (older files without them still import)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from clerk_app.domain.model import BodyKind, ItemKind
from clerk_app.services import Services
from clerk_app.services.interchange import read_meeting_json
from clerk_app.storage import Store


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _meeting(svc: Services):  # type: ignore[no-untyped-def]
    body = svc.create_body("Audit Committee", BodyKind.COMMITTEE, authority="Wexcombe Council")
    return svc.create_meeting(
        body.id,
        date(2026, 5, 12),
        agenda=["Internal audit plan", "Part 2: Fraud investigation update", "Exclusion notice"],
        standard_items=False,
    )


def test_a_pasted_part_2_item_is_headed_in_public_by_its_title(svc: Services) -> None:
    meeting = _meeting(svc)
    fraud = meeting.items[1]
    assert (fraud.public_heading, fraud.public_summary) == ("Fraud investigation update", "")
    assert meeting.items[0].public_heading == ""  # a Part 1 item has none


def test_the_public_parts_are_saved_and_read_back(svc: Services) -> None:
    meeting = _meeting(svc)
    fraud = copy.copy(meeting.items[1])
    fraud.public_heading = "Audit matter"
    fraud.public_summary = "The Committee noted progress.\nA further report will follow."
    svc.update_item(meeting, fraud)
    path = svc.store.path
    svc.store.close()
    with Store.open(path, backups=False) as store:
        saved = store.get_meeting(meeting.id).items[1]
    assert saved.public_heading == "Audit matter"
    assert saved.public_summary == "The Committee noted progress.\nA further report will follow."


def test_becoming_part_2_drops_a_guessed_kind_and_takes_the_title_as_heading(
    svc: Services,
) -> None:
    meeting = _meeting(svc)
    notice = meeting.items[2]
    assert notice.kind is ItemKind.EXCLUSION  # a Part 1 title's words still give its kind
    after = copy.copy(notice)
    after.part = 2
    svc.update_item(meeting, after)
    saved = svc.get_meeting(meeting.id).items[2]
    assert saved.kind is ItemKind.GENERAL
    assert saved.public_heading == "Exclusion notice"


def test_a_chosen_kind_is_kept_when_the_item_becomes_part_2(svc: Services) -> None:
    meeting = _meeting(svc)
    plan = copy.copy(meeting.items[0])
    plan.kind = ItemKind.URGENT
    svc.update_item(meeting, plan)
    after = copy.copy(svc.get_meeting(meeting.id).items[0])
    after.part = 2
    meeting = svc.get_meeting(meeting.id)
    svc.update_item(meeting, after)
    assert svc.get_meeting(meeting.id).items[0].kind is ItemKind.URGENT


def test_json_round_trip_and_an_older_file_without_the_fields(
    svc: Services, tmp_path: Path
) -> None:
    meeting = _meeting(svc)
    fraud = copy.copy(meeting.items[1])
    fraud.public_heading, fraud.public_summary = "Audit matter", "Progress was noted."
    svc.update_item(meeting, fraud)
    path = svc.export(meeting, tmp_path / "m.json", fmt="json")
    _body, again = read_meeting_json(path)
    assert (again.items[1].public_heading, again.items[1].public_summary) == (
        "Audit matter",
        "Progress was noted.",
    )
    data = json.loads(path.read_text("utf-8"))
    for item in data["meeting"]["items"]:
        del item["public_heading"], item["public_summary"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), "utf-8")
    _body, older = read_meeting_json(old)
    assert older.items[1].public_heading == "Fraud investigation update"
    assert older.items[0].public_heading == ""
    assert older.items[1].public_summary == ""
