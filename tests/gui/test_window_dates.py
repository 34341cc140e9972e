"""The window shows a meeting's date as the body's style writes it: the meeting's
heading and the start page's list follow a change made in Body settings."""

from __future__ import annotations

from typing import Any

import pytest

from clerk_app.gui.dialogs.settings import SettingsDialog
from clerk_app.gui.meeting.screen import MeetingScreen


def test_heading_and_start_page_show_the_bodys_date_form(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.stack.currentWidget()
    assert isinstance(screen, MeetingScreen)
    assert "Tuesday 24 November 2026" in screen.heading.text()

    def choose_month_first(dialog: SettingsDialog) -> int:
        combo = dialog.style_choices.combos["date_style"]
        combo.setCurrentIndex(combo.findData("month_day_year"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_month_first)
    window.edit_settings()
    assert "Tuesday, November 24, 2026" in screen.heading.text()
    window.show_start()
    model = window.start_page.model
    assert model.data(model.index(0, 0)) == "November 24, 2026"


def test_a_new_meetings_date_is_confirmed_in_the_bodys_form(
    qtbot: Any, gui_services: Any, gui_body: Any
) -> None:
    from clerk_app.domain.style import DateStyle
    from clerk_app.gui.dialogs.new_meeting import NewMeetingDialog

    gui_body.settings.style.date_style = DateStyle.MONTH_DAY_YEAR
    gui_services.save_body(gui_body)
    dialog = NewMeetingDialog(gui_services, None, body_id=gui_body.id)
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("24/03/2026")
    assert dialog.date_message.text() == "Tuesday, March 24, 2026"
