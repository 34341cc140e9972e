"""Find in the meeting looks at the open meeting only, from the record the window holds:
the library is never searched, so a find costs the same at any library size."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerk_app.domain.model import Body, Meeting, Paragraph
from clerk_app.gui.meeting.search import MeetingFinder
from clerk_app.services import Services
from clerk_app.storage.store import Store


def test_find_searches_only_the_open_meeting_and_never_the_library(
    qtbot,  # type: ignore[no-untyped-def]
    window: Any,
    gui_services: Services,
    gui_body: Body,
    gui_meeting: Meeting,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = gui_services.create_meeting(gui_body.id, date(2025, 5, 6), agenda=["Hedgerows"])
    gui_services.add_block(other, other.items[0].id, Paragraph(text="The hedgerow survey."))
    screen = window.screen_widget
    session = screen.session
    item = session.meeting.items[1]
    here = gui_services.add_block(
        session.meeting, item.id, Paragraph(text="A hedgerow by Øvergaard Close.")
    )
    searched: list[str] = []
    monkeypatch.setattr(Store, "search", lambda self, *a, **k: searched.append(a[0]) or [])
    finder = MeetingFinder(session)
    hits = finder.hits("HEDGEROW ØVERGAARD")
    assert searched == []  # the library-wide index was not asked
    assert hits == [(item.id, here.id)]
    assert finder.hits("survey") == []  # only in the other meeting
    assert finder.hits("   ") == []
