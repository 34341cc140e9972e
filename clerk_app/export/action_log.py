"""The action log: every action from the minutes as one table, for officers to follow up.

It comes in two versions. PUBLIC leaves out every action of a Part 2 (exempt) item: not
its words, its owner or even that it exists. CONFIDENTIAL lists them all, each Part 2
action marked "Part 2 – exempt", under a "not for publication" line.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from clerk_app.domain.dates import format_date as long_date
from clerk_app.domain.document import Document, Para, Run, Style, Table
from clerk_app.domain.model import ActionStatus
from clerk_app.export.docx_writer import export_docx

ACTION_LOG_HEADER = ["Minute ref", "Action", "Who", "By when", "Status"]
EXEMPT_MARK = "Part 2 – exempt"
CONFIDENTIAL_NOTE = (
    "Not for publication – confidential action log: actions marked “Part 2 – exempt” come "
    "from business taken in private."
)


class ActionLogVersion(StrEnum):
    PUBLIC = "public"  # Part 2 actions left out
    CONFIDENTIAL = "confidential"  # every action, Part 2 ones marked


ACTION_LOG_LABELS: dict[ActionLogVersion, str] = {
    ActionLogVersion.PUBLIC: "public (Part 2 actions left out)",
    ActionLogVersion.CONFIDENTIAL: "confidential (Part 2 actions marked)",
}

STATUS_LABELS: dict[str, str] = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.CANCELLED: "Cancelled",
    ActionStatus.CARRIED_FORWARD: "Carried forward",
}


@dataclass(frozen=True)
class ActionRow:
    """One line of the action log."""

    minute_ref: str
    action: str
    who: str = ""
    by_when: dt.date | str | None = None
    status: ActionStatus | str = ActionStatus.OPEN
    exempt: bool = False  # the action of a Part 2 (exempt) item


def format_date(value: dt.date | str | None) -> str:
    """UK long form, "4 February 2026"; text is passed through as typed."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return long_date(value, weekday=False)
    return value


def status_label(status: ActionStatus | str) -> str:
    return STATUS_LABELS.get(str(status), str(status))


def _ref(row: ActionRow) -> str:
    return f"{row.minute_ref}\n{EXEMPT_MARK}" if row.exempt else row.minute_ref


def action_log_document(
    rows: list[ActionRow],
    title: str,
    header_text: str = "",
    footer_text: str = "",
    version: ActionLogVersion | str = ActionLogVersion.PUBLIC,
) -> Document:
    """The action log as a Document: a title and one table, in the version chosen."""
    version = ActionLogVersion(version)
    if version is ActionLogVersion.PUBLIC:
        rows = [r for r in rows if not r.exempt]
    table = Table(
        header=list(ACTION_LOG_HEADER),
        rows=[
            [_ref(r), r.action, r.who, format_date(r.by_when), status_label(r.status)] for r in rows
        ],
    )
    elements: list[Para | Table] = [Para(Style.TITLE, [Run(title)])]
    if version is ActionLogVersion.CONFIDENTIAL:
        elements.append(Para(Style.STATUS, [Run(CONFIDENTIAL_NOTE)]))
    if rows:
        elements.append(table)
    else:
        elements.append(Para(Style.BODY, [Run("There are no actions to record.")]))
    return Document(
        elements=elements,
        header_text=header_text,
        footer_text=footer_text,
        title=title,
        signature=False,
    )


def export_action_log(
    rows: list[ActionRow],
    path: str | os.PathLike[str],
    title: str,
    template: str | os.PathLike[str] | None = None,
    version: ActionLogVersion | str = ActionLogVersion.PUBLIC,
) -> Path:
    """Write the action log table (Minute ref | Action | Who | By when | Status); the
    PUBLIC version (the default) leaves out the actions of Part 2 items."""
    document = action_log_document(rows, title, header_text=title, version=version)
    return export_docx(document, path, template)
