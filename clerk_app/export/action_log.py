"""The action log: every action from the minutes as one table, for officers to follow up.

It comes in two versions. PUBLIC leaves out every action of a Part 2 (exempt) item: not
its words, its owner or even that it exists. CONFIDENTIAL lists them all, each Part 2
action marked "Part 2 – exempt", under a "not for publication" line. Its headings, the
statuses and those lines are the body's own wording (its phrases: ``action_log.*``,
``actions.col.*``, ``action_status.*``), British English unless given.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from clerk_app.domain.bilingual import cell_label
from clerk_app.domain.dates import format_date as long_date
from clerk_app.domain.document import Document, Para, Run, Style, Table
from clerk_app.domain.model import ActionStatus
from clerk_app.domain.phrases import Phrases
from clerk_app.export.docx_writer import export_docx

# the table's headings, as phrase keys
HEADER_KEYS = (
    "action_log.col.minute",
    "actions.col.action",
    "actions.col.owner",
    "actions.col.due",
    "actions.col.status",
)


class ActionLogVersion(StrEnum):
    PUBLIC = "public"  # Part 2 actions left out
    CONFIDENTIAL = "confidential"  # every action, Part 2 ones marked


ACTION_LOG_LABELS: dict[ActionLogVersion, str] = {
    ActionLogVersion.PUBLIC: "public (Part 2 actions left out)",
    ActionLogVersion.CONFIDENTIAL: "confidential (Part 2 actions marked)",
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


def format_date(
    value: dt.date | str | None, date_text: Callable[[dt.date], str] | None = None
) -> str:
    """A date as ``date_text`` writes it (UK long form, "4 February 2026", unless given);
    text is passed through as typed."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return date_text(value) if date_text else long_date(value, weekday=False)
    return value


def status_label(status: ActionStatus | str, phrases: Phrases | None = None) -> str:
    """A status in the body's words ("In progress"); one Clerk does not know, as given."""
    ph = phrases or _english()
    key = f"action_status.{status}"
    return ph.format(key) if key in ph else str(status)


def _english() -> Phrases:
    return Phrases.load({}, strict=False)


def action_log_document(
    rows: list[ActionRow],
    title: str,
    header_text: str = "",
    footer_text: str = "",
    version: ActionLogVersion | str = ActionLogVersion.PUBLIC,
    phrases: Phrases | None = None,
    date_text: Callable[[dt.date], str] | None = None,
) -> Document:
    """The action log as a Document: a title and one table, in the version chosen, in
    ``phrases``' wording (British English unless given) with dates as ``date_text``
    writes them."""
    version = ActionLogVersion(version)
    ph = phrases or _english()
    if version is ActionLogVersion.PUBLIC:
        rows = [r for r in rows if not r.exempt]
    exempt = ph.format("action_log.exempt")

    def ref(row: ActionRow) -> str:
        return f"{row.minute_ref}\n{exempt}" if row.exempt else row.minute_ref

    table = Table(
        header=[cell_label(ph, key) for key in HEADER_KEYS],
        rows=[
            [
                ref(r),
                r.action,
                r.who,
                format_date(r.by_when, date_text),
                status_label(r.status, ph),
            ]
            for r in rows
        ],
    )
    elements: list[Para | Table] = [Para(Style.TITLE, [Run(title)])]
    if version is ActionLogVersion.CONFIDENTIAL:
        elements.append(
            Para(Style.STATUS, [Run(ph.format("action_log.confidential", exempt=exempt))])
        )
    if rows:
        elements.append(table)
    else:
        elements.append(Para(Style.BODY, [Run(ph.format("action_log.none"))]))
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
    phrases: Phrases | None = None,
    date_text: Callable[[dt.date], str] | None = None,
) -> Path:
    """Write the action log table (Minute ref | Action | Who | By when | Status); the
    PUBLIC version (the default) leaves out the actions of Part 2 items."""
    document = action_log_document(
        rows, title, header_text=title, version=version, phrases=phrases, date_text=date_text
    )
    return export_docx(document, path, template)
