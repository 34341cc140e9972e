"""An item with nothing minuted under it shows what the minutes will write there by
themselves (the apologies received), kept up to date as attendance changes; any other
empty item shows how to start."""

from __future__ import annotations

from typing import Any

from clerk_app.domain.model import AttendanceStatus
from clerk_app.gui.meeting.item_pane import EMPTY_HINT
from tests.gui.conftest import settle


def test_the_apologies_item_shows_the_sentence_the_minutes_will_write(
    qtbot: Any, window: Any, gui_body: Any
) -> None:
    screen = window.screen_widget
    session = screen.session
    apologies = next(it for it in session.meeting.items if it.kind.value == "apologies")
    session.set_current_item(apologies.id)
    settle()
    hint = screen.item_pane.hint
    assert hint.isVisible()
    assert "The minutes will say: “There were no apologies for absence.”" in hint.text()
    member = gui_body.people[1]
    session.set_attendance(member.id, AttendanceStatus.APOLOGIES, reason="illness")
    settle()
    assert "The minutes will say:" in hint.text()
    assert f"{member.last_name} (illness)" in hint.text()
    # another item with nothing under it: how to start
    other = next(it for it in session.meeting.items if it.kind.value == "general")
    session.set_current_item(other.id)
    settle()
    assert hint.text() == EMPTY_HINT
