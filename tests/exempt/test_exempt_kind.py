"""A Part 2 item's kind is never guessed from the words of its title, and its body never
reaches the public minutes whatever its kind."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import BodyKind, ItemKind, Paragraph, Person, Role
from clerk_app.services import Services
from clerk_app.storage import Store

PUPIL = "Pupil named Jory Penhallow"


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _school_meeting(svc: Services):  # type: ignore[no-untyped-def]
    body = svc.create_body("Governing Board", BodyKind.SCHOOL, authority="Fernlea Primary School")
    body.people.append(Person("Nadia", "Ortiz", role=Role.CHAIR))
    body.people.append(Person("Owen", "Price"))
    body = svc.save_body(body)
    meeting = svc.create_meeting(
        body.id,
        date(2026, 3, 4),
        venue="School library",
        start_time=time(18, 0),
        agenda=["Headteacher's report", "[exempt 1] Pupil exclusion review"],
    )
    return body, meeting


def test_pasted_exempt_exclusion_review_is_not_an_exclusion_item(svc: Services) -> None:
    _body, meeting = _school_meeting(svc)
    item = meeting.items[-1]
    assert item.part == 2 and item.title == "Pupil exclusion review"
    assert item.kind is ItemKind.GENERAL
    assert svc.get_meeting(meeting.id).items[-1].kind is ItemKind.GENERAL


@pytest.mark.parametrize("title", ["Exclusion appeal", "Urgent staffing matter", "Apologies"])
def test_added_part_2_item_kind_is_not_guessed(svc: Services, title: str) -> None:
    _body, meeting = _school_meeting(svc)
    item = svc.add_item(meeting, title, part=2, exempt_paragraph="1")
    assert item.kind is ItemKind.GENERAL


def test_public_minutes_never_print_the_exempt_body(svc: Services, tmp_path: Path) -> None:
    _body, meeting = _school_meeting(svc)
    item = meeting.items[-1]
    svc.add_block(meeting, item.id, Paragraph(text=f"The board reviewed the case. {PUPIL}."))
    path = svc.export(meeting, tmp_path / "public.docx", Version.PUBLIC)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert PUPIL not in text
    full = svc.export(meeting, tmp_path / "full.docx", Version.FULL)
    assert PUPIL in "\n".join(p.text for p in docx.Document(str(full)).paragraphs)


def test_an_exclusion_kind_item_in_part_2_still_keeps_its_body_out(
    svc: Services, tmp_path: Path
) -> None:
    """Whatever its kind, a Part 2 item prints only its public parts in public."""
    _body, meeting = _school_meeting(svc)
    item = meeting.items[-1]
    item.kind = ItemKind.EXCLUSION
    svc.update_item(meeting, item)
    svc.add_block(meeting, item.id, Paragraph(text=PUPIL))
    document = svc.render(meeting, Version.PUBLIC)
    assert PUPIL not in document.text
