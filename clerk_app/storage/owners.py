"""Who already owns an id: the look-up an import makes before it saves anything, so a
file never takes over another meeting's rows or another body's people."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.storage import Store

# the tables whose rows belong to a meeting, and the one whose rows belong to a body
_PARENTS = {
    "attendance": "meeting_id",
    "items": "meeting_id",
    "blocks": "meeting_id",
    "people": "body_id",
}


@dataclass(frozen=True)
class Owner:
    """The meeting (or body) that holds an id, described for a message."""

    id: str
    label: str


def owners(store: Store, table: str, ids: list[str]) -> dict[str, Owner]:
    """Each of ``ids`` found in ``table``, with the meeting or body its row belongs to."""
    parent = _PARENTS[table]
    if not ids:
        return {}
    if parent == "body_id":
        sql = (
            "SELECT t.id AS id, t.body_id AS owner, b.name AS name, NULL AS date "
            "FROM people t JOIN bodies b ON b.id = t.body_id "
            "WHERE t.id IN (SELECT value FROM json_each(?))"
        )
    else:
        sql = (
            f"SELECT t.id AS id, t.meeting_id AS owner, b.name AS name, m.date AS date "
            f"FROM {table} t JOIN meetings m ON m.id = t.meeting_id "
            "JOIN bodies b ON b.id = m.body_id "
            "WHERE t.id IN (SELECT value FROM json_each(?))"
        )
    found: dict[str, Owner] = {}
    for row in store._query(sql, (json.dumps(ids),)):
        label = str(row["name"])
        if row["date"]:
            from clerk_app.domain.dates import format_date

            label += f", {format_date(date.fromisoformat(row['date']), False)}"
        found[str(row["id"])] = Owner(str(row["owner"]), label)
    return found
