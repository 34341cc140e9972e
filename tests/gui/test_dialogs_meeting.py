# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""New meeting dialog: typed date and time, agenda pasted with exempt items, open actions."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from clerk_app.domain.model import Body, MeetingType
from clerk_app.gui.dialogs import NewMeetingDialog
from clerk_app.services import Services
from tests.gui.fixtures_shell import body, db_path, reopen, services, shot, store

AGENDA = """5. Planning application 25/0412/FUL – Land at Mill Lane
Tree preservation order – Øvergaard Close
Part 2: Staffing restructure
[exempt 3] Purchase of land at Station Road
"""


def test_new_meeting_saves_header_standard_items_and_agenda(
    qtbot,
    services: Services,
    body: Body,
    db_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    dialog = NewMeetingDialog(services, None, body_id=body.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.body is not None and dialog.body.id == body.id
    dialog.date_edit.setText("")
    qtbot.keyClicks(dialog.date_edit, "4 Feb 2026")
    assert dialog.date_message.text() == "Wednesday 4 February 2026"
    qtbot.keyClicks(dialog.time_edit, "7pm")
    assert "7" in dialog.time_message.text()
    qtbot.keyClicks(dialog.venue_edit, "Council Chamber, Civic Centre")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(MeetingType.EXTRAORDINARY))
    dialog.agenda_edit.setPlainText(AGENDA)
    assert "4 items" in dialog.agenda_summary.text()
    assert "2 exempt" in dialog.agenda_summary.text()
    assert "Apologies" in dialog.standard_list.text()
    shot(dialog, "new-meeting")
    dialog.accept()
    assert dialog.meeting is not None

    with reopen(db_path) as again:
        saved = again.get_meeting(dialog.meeting.id)
    assert saved.body_id == body.id
    assert saved.date == date(2026, 2, 4)
    assert saved.start_time == time(19, 0)
    assert saved.venue == "Council Chamber, Civic Centre"
    assert saved.meeting_type is MeetingType.EXTRAORDINARY
    titles = [i.title for i in saved.items]
    standard = [t for t in body.settings.standard_items if t.strip()]
    assert titles == [
        *standard,
        "Planning application 25/0412/FUL – Land at Mill Lane",
        "Tree preservation order – Øvergaard Close",
        "Staffing restructure",
        "Purchase of land at Station Road",
    ]
    assert [i.part for i in saved.items[-4:]] == [1, 1, 2, 2]
    assert saved.items[-1].exempt_paragraph == "3"


def test_bad_date_and_time_are_explained_and_block_ok(
    qtbot,
    services: Services,
    body: Body,
) -> None:  # type: ignore[no-untyped-def]
    dialog = NewMeetingDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.agenda_edit.setPlainText("Budget monitoring")
    dialog.date_edit.setText("31/2/2026")
    assert not dialog.ok_button.isEnabled()
    assert "not a date" in dialog.date_message.text()
    dialog.date_edit.setText("4/2/2026")
    dialog.time_edit.setText("25.99")
    assert not dialog.ok_button.isEnabled()
    assert dialog.time_message.isVisible() and dialog.time_message.text()
    shot(dialog, "new-meeting-invalid")
    dialog.accept()
    assert dialog.meeting is None
    assert services.list_meetings() == []
    assert dialog.agenda_edit.toPlainText() == "Budget monitoring"  # nothing typed is lost
    dialog.time_edit.clear()
    assert dialog.ok_button.isEnabled()


def test_open_actions_of_earlier_meetings_are_listed(
    qtbot,
    services: Services,
    body: Body,
) -> None:  # type: ignore[no-untyped-def]
    earlier = services.create_meeting(body.id, date(2026, 1, 7), agenda=["Street trading"])
    item = earlier.items[-1]
    services.add_action(earlier, item.id, "Report back on pitch fees", owner="Licensing Manager")
    dialog = NewMeetingDialog(services, None, body_id=body.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("4/2/2026")
    dialog._load_actions()
    texts = [dialog.actions_list.item(i).text() for i in range(dialog.actions_list.count())]
    assert len(texts) == 1
    assert "Report back on pitch fees (Licensing Manager)" in texts[0]
    assert "7 January 2026" in texts[0]
    assert dialog.actions_list.isVisible()


def test_without_a_body_the_dialog_says_to_create_one(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = NewMeetingDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert "Create a body first" in dialog.body_message.text()


def test_the_body_of_the_latest_meeting_is_offered_first(
    qtbot, services: Services, body: Body
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.model import BodyKind

    other = services.create_body("Audit Committee", BodyKind.COMMITTEE)
    services.create_meeting(body.id, date(2026, 1, 7))
    services.create_meeting(other.id, date(2026, 1, 20))
    dialog = NewMeetingDialog(services, None)
    qtbot.addWidget(dialog)
    assert dialog.body is not None and dialog.body.id == other.id
