"""The clerk's Review menu: every command listed with its key, and the commands run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from clerk_app.domain.model import Meeting
from clerk_app.gui.review_menu import REVIEW_MEETING_ACTIONS
from clerk_app.services import Services
from clerk_app.services.review import read_review_file


def test_review_menu_lists_every_review_command(window: Any) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Review" in titles
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert "Export review file for the chair…" in texts
    assert "Approve previous minutes…" in texts
    assert all(not a.shortcut().isEmpty() for a in menu.actions() if not a.isSeparator())
    assert all(window.registry[i].isEnabled() for i in REVIEW_MEETING_ACTIONS)
    window.show_start()
    assert not any(window.registry[i].isEnabled() for i in REVIEW_MEETING_ACTIONS)
    assert window.registry["review_import"].isEnabled()


def test_export_review_file_from_the_menu(
    window: Any, gui_meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    meeting = window.session.meeting
    meeting.date = date(2026, 1, 13)  # a draft is circulated after the meeting
    window.services.update_meeting(meeting)

    def fail(_parent: Any, exc: BaseException) -> None:
        raise AssertionError(f"error shown: {exc}")

    monkeypatch.setattr("clerk_app.gui.files.show_error", fail)
    target = tmp_path / "for the chair.clerkreview"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr("clerk_app.gui.files.finished", lambda *a, **k: None)
    window.registry["review_export"].trigger()
    review = read_review_file(target)
    assert review.meeting.id == gui_meeting.id


def test_audit_trail_opens_for_the_meeting(
    window: Any, gui_services: Services, gui_meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []

    def fake_exec(self: QDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    from datetime import date

    meeting = window.session.meeting
    meeting.date = date(2026, 1, 13)
    gui_services.update_meeting(meeting)
    gui_services.mark_circulated(meeting)
    window.registry["audit"].trigger()
    assert shown and type(shown[0]).__name__ == "AuditDialog"
