"""Officers' drafts, the provisional decision sheet and the action log, from the window.

Each asks where to save (starting in the folder used last), writes the Word file(s) and
says where they are, offering to open the document or show it in its folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Meeting
from clerk_app.gui.errors import show_error
from clerk_app.gui.files import (
    DOCX_FILTER,
    ask_folder,
    finished,
    inform,
    meeting_file_name,
    problems,
    save_with_dialog,
)

if TYPE_CHECKING:
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services import Services


def officer_drafts_with_dialog(
    parent: QWidget | None, services: Services, meeting: Meeting, prefs: Prefs | None = None
) -> list[Path] | None:
    """One draft .docx per item with a report author, into a chosen folder."""
    if not any(item.report_author.strip() for item in meeting.items):
        inform(
            parent,
            "No officers' drafts to make",
            "No item of this meeting names a report author.",
            "Add the report author to an item (in the item's details) to send its officer "
            "the draft minute, or export one item's draft on its own.",
        )
        return None
    folder = ask_folder(parent, "Choose the folder for the officers' drafts", prefs)
    if folder is None:
        return None
    try:
        written = services.export_officer_drafts(meeting, folder)
    except problems() as exc:
        show_error(parent, exc)
        return None
    if written:
        note = f"{len(written)} draft minute(s) for accuracy check written in this folder."
        finished(parent, written[0], can_open=False, note=note)
    return written


def item_draft_with_dialog(
    parent: QWidget | None,
    services: Services,
    meeting: Meeting,
    item_id: str,
    prefs: Prefs | None = None,
) -> Path | None:
    """The draft minute of one item, for its officer's accuracy check."""
    from clerk_app.services.officers import draft_file_stem

    item = meeting.item(item_id)
    if item is None:
        return None
    name = draft_file_stem(item) + ".docx"
    return save_with_dialog(
        parent,
        "Save the draft minute of this item",
        lambda: name,
        DOCX_FILTER,
        prefs,
        lambda path: services.export_item_draft(meeting, item_id, path),
    )


def decision_sheet_with_dialog(
    parent: QWidget | None, services: Services, meeting: Meeting, prefs: Prefs | None = None
) -> Path | None:
    """The provisional decision sheet (resolutions only, subject to approval)."""
    return save_with_dialog(
        parent,
        "Save the decision sheet",
        lambda: meeting_file_name(services, meeting, "decision sheet", ".docx"),
        DOCX_FILTER,
        prefs,
        lambda path: services.export_decision_sheet(meeting, path),
    )


def action_log_with_dialog(
    parent: QWidget | None,
    services: Services,
    meeting: Meeting,
    prefs: Prefs | None = None,
    version: str = "public",
) -> Path | None:
    """The action log of the meeting's committee or council (every meeting's actions):
    the public version leaves out Part 2 (exempt) actions, the confidential one marks them."""
    from clerk_app.services.files import safe_filename

    confidential = version == "confidential"
    name = "confidential action log" if confidential else "action log"
    return save_with_dialog(
        parent,
        "Save the confidential action log" if confidential else "Save the public action log",
        lambda: safe_filename(f"{services.get_body(meeting.body_id).name} {name}") + ".docx",
        DOCX_FILTER,
        prefs,
        lambda path: services.export_action_log(meeting.body_id, path, version),
    )
