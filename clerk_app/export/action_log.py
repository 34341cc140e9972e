"""The action log: every action from the minutes as one table, for officers to follow up."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from clerk_app.domain.dates import format_date as long_date
from clerk_app.domain.document import Document, Para, Run, Style, Table
from clerk_app.domain.model import ActionStatus
from clerk_app.export.docx_writer import export_docx

ACTION_LOG_HEADER = ["Minute ref", "Action", "Who", "By when", "Status"]

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


def format_date(value: dt.date | str | None) -> str:
    """UK long form, "4 February 2026"; text is passed through as typed."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return long_date(value, weekday=False)
    return value


def status_label(status: ActionStatus | str) -> str:
    return STATUS_LABELS.get(str(status), str(status))


def action_log_document(
    rows: list[ActionRow], title: str, header_text: str = "", footer_text: str = ""
) -> Document:
    """The action log as a Document: a title and one table."""
    table = Table(
        header=list(ACTION_LOG_HEADER),
        rows=[
            [r.minute_ref, r.action, r.who, format_date(r.by_when), status_label(r.status)]
            for r in rows
        ],
    )
    elements: list[Para | Table] = [Para(Style.TITLE, [Run(title)])]
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
) -> Path:
    """Write the action log table (Minute ref | Action | Who | By when | Status)."""
    return export_docx(action_log_document(rows, title, header_text=title), path, template)
