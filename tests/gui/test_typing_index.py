"""The meeting window indexes what the clerk typed for search when the clerk moves to
another block or item and when the meeting closes, never in a save made while typing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.services import Services


def waiting(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM blocks_fts_pending").fetchone()[0])
    finally:
        conn.close()


def indexed(db: Path, word: str) -> int:
    conn = sqlite3.connect(db)
    try:
        sql = "SELECT COUNT(*) FROM blocks_fts WHERE blocks_fts MATCH ?"
        return int(conn.execute(sql, (word,)).fetchone()[0])
    finally:
        conn.close()


def typed_session(gui_services: Services, gui_meeting: Meeting) -> tuple[MeetingSession, str]:
    session = MeetingSession(gui_services, gui_meeting)
    item_id = gui_meeting.items[0].id
    first = session.add_block(item_id, Paragraph(text=""))
    session.add_block(item_id, Paragraph(text="Another paragraph"))
    session.set_current_block(first.id)
    session.update_block(item_id, Paragraph(text="The viaduct was discussed", id=first.id))
    return session, item_id


def test_moving_to_another_block_indexes_what_was_typed(
    qtbot, gui_services: Services, gui_meeting: Meeting, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    session, _item_id = typed_session(gui_services, gui_meeting)
    assert (waiting(gui_db), indexed(gui_db, "viaduct")) == (1, 0)  # the save left it
    session.set_current_block(gui_meeting.items[0].blocks[1].id)
    assert (waiting(gui_db), indexed(gui_db, "viaduct")) == (0, 1)


def test_moving_to_another_item_indexes_what_was_typed(
    qtbot, gui_services: Services, gui_meeting: Meeting, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    session, _item_id = typed_session(gui_services, gui_meeting)
    session.set_current_item(gui_meeting.items[1].id)
    assert (waiting(gui_db), indexed(gui_db, "viaduct")) == (0, 1)


def test_closing_the_meeting_leaves_nothing_waiting(
    qtbot, gui_services: Services, gui_meeting: Meeting, gui_db: Path
) -> None:  # type: ignore[no-untyped-def]
    session, _item_id = typed_session(gui_services, gui_meeting)
    session.dispose()
    assert (waiting(gui_db), indexed(gui_db, "viaduct")) == (0, 1)
