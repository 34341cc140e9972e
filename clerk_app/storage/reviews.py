"""The chair's review responses and the review files already imported.

Responses are kept beside the minutes (never in them) in ``review_responses``; each
imported file is remembered in ``review_imports`` so importing it again changes nothing
(both tables are schema version 2).
Also small look-ups the audit trail needs without loading a whole meeting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from clerk_app.domain.model import Block, MeetingStatus
from clerk_app.domain.serial import RecordError, from_dict, to_dict
from clerk_app.storage import rows
from clerk_app.storage.errors import CorruptDatabase, NotFound

if TYPE_CHECKING:
    from clerk_app.domain.review import ReviewResponse
    from clerk_app.storage import Store


@dataclass(frozen=True)
class MeetingState:
    """What the audit trail needs to know about a meeting before a change."""

    status: MeetingStatus
    circulated_on: date | None

    @property
    def audited(self) -> bool:
        return self.circulated_on is not None or self.status is MeetingStatus.APPROVED


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


# --------------------------------------------------------------------- responses


def _response_from_row(row: dict[str, Any]) -> ReviewResponse:
    from clerk_app.domain.review import ResponseStatus, ReviewResponse  # not at start-up

    try:
        data = json.loads(row["data"])
        response = from_dict(ReviewResponse, data, "review response")
    except (ValueError, RecordError) as exc:
        raise CorruptDatabase(f"A stored review response cannot be read ({exc}).") from exc
    response.status = ResponseStatus(row["status"])
    return response


def add_responses(
    store: Store,
    meeting_id: str,
    responses: list[ReviewResponse],
    *,
    import_id: str = "",
    file_name: str = "",
    reviewer: str = "",
    source: str = "",
) -> list[ReviewResponse]:
    """Save responses not seen before (by id); return those that were new."""
    added: list[ReviewResponse] = []
    with store.transaction():
        for r in responses:
            cur = store._execute(
                "INSERT INTO review_responses (id, meeting_id, target_id, status, source, "
                "import_id, data) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                (
                    r.id,
                    meeting_id,
                    r.target_id,
                    r.status.value,
                    r.source.value,
                    import_id,
                    rows.dumps(to_dict(r)),
                ),
            )
            if cur.rowcount:
                added.append(r)
        if import_id:
            store._execute(
                "INSERT INTO review_imports (id, meeting_id, file_name, reviewer, source, "
                "imported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                (import_id, meeting_id, file_name, reviewer, source, _now()),
            )
    return added


def known_response_ids(store: Store, ids: list[str]) -> set[str]:
    found = store._query(
        "SELECT id FROM review_responses WHERE id IN (SELECT value FROM json_each(?))",
        (rows.dumps(ids),),
    )
    return {r["id"] for r in found}


def get_response(store: Store, response_id: str) -> tuple[str, ReviewResponse]:
    """(meeting id, response); NotFound if there is no such response."""
    found = store._query(
        "SELECT meeting_id, status, data FROM review_responses WHERE id = ?", (response_id,)
    )
    if not found:
        raise NotFound("That review response could not be found in the database.")
    return found[0]["meeting_id"], _response_from_row(found[0])


def list_responses(store: Store, meeting_id: str) -> list[ReviewResponse]:
    """A meeting's responses in the order they were imported."""
    return [
        _response_from_row(r)
        for r in store._query(
            "SELECT status, data FROM review_responses WHERE meeting_id = ? ORDER BY seq",
            (meeting_id,),
        )
    ]


def save_response(store: Store, response: ReviewResponse) -> None:
    """Update a stored response (its status and the clerk's reason)."""
    with store.transaction():
        cur = store._execute(
            "UPDATE review_responses SET status = ?, data = ? WHERE id = ?",
            (response.status.value, rows.dumps(to_dict(response)), response.id),
        )
        if cur.rowcount == 0:
            raise NotFound("That review response could not be found in the database.")


# --------------------------------------------------------------------- audit look-ups


def meeting_state(store: Store, meeting_id: str) -> MeetingState | None:
    found = store._query("SELECT status, circulated_on FROM meetings WHERE id = ?", (meeting_id,))
    if not found:
        return None
    on = found[0]["circulated_on"]
    return MeetingState(MeetingStatus(found[0]["status"]), date.fromisoformat(on) if on else None)


def stored_block(store: Store, block_id: str) -> tuple[str, Block] | None:
    """(item id, block) as currently saved, or None."""
    found = store._query("SELECT item_id, kind, data FROM blocks WHERE id = ?", (block_id,))
    if not found:
        return None
    r = found[0]
    return r["item_id"], rows.block_from_row(block_id, r["kind"], r["data"])


def stored_item_fields(store: Store, item_id: str) -> dict[str, Any] | None:
    """An item's own fields as saved (not its blocks), or None."""
    found = store._query("SELECT * FROM items WHERE id = ?", (item_id,))
    if not found:
        return None
    return {k: found[0][k] for k in rows.ITEM_COLUMNS}


def stored_attendance(store: Store, attendance_id: str) -> dict[str, Any] | None:
    found = store._query("SELECT * FROM attendance WHERE id = ?", (attendance_id,))
    if not found:
        return None
    return {k: found[0][k] for k in rows.ATTENDANCE_COLUMNS}


def stored_header(store: Store, meeting_id: str) -> dict[str, Any] | None:
    found = store._query("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
    if not found:
        return None
    return {k: found[0][k] for k in rows.MEETING_COLUMNS}
