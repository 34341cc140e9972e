"""Recordings of meetings (the ``recordings`` table): one row for each sound file.

The stretches and pauses are JSON; the sound itself is a file in the data folder's
``recordings/`` folder (or, for an attached file, where the clerk keeps it).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from clerk_app.storage.errors import CorruptDatabase

if TYPE_CHECKING:
    from clerk_app.domain.recording import Recording
    from clerk_app.storage import Store

_COLUMNS = "id, meeting_id, file, attached, segments, pauses, seconds, state, decided_at, reason"


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a moment")
    return datetime.fromisoformat(value)


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="milliseconds")


def _from_row(row: dict[str, Any]) -> Recording:
    from clerk_app.domain.recording import Pause, PauseReason, Recording, RecordingState, Segment

    try:
        segments = [
            Segment(
                wall=_moment(s["wall"]) or datetime.min,
                pos=float(s["pos"]),
                end=_moment(s.get("end")),
            )
            for s in json.loads(row["segments"])
        ]
        pauses = [
            Pause(
                start=_moment(p["start"]) or datetime.min,
                reason=PauseReason(p.get("reason", "clerk")),
                end=_moment(p.get("end")),
            )
            for p in json.loads(row["pauses"])
        ]
        state = RecordingState(row["state"])
    except (ValueError, TypeError, KeyError) as exc:
        raise CorruptDatabase(f"A stored recording cannot be read ({exc}).") from exc
    return Recording(
        id=row["id"],
        meeting_id=row["meeting_id"],
        file=row["file"],
        attached=bool(row["attached"]),
        segments=segments,
        pauses=pauses,
        seconds=float(row["seconds"]),
        state=state,
        decided_at=row["decided_at"],
        reason=row["reason"],
    )


def _segments_json(rec: Recording) -> str:
    return json.dumps(
        [{"wall": _text(s.wall), "pos": round(s.pos, 3), "end": _text(s.end)} for s in rec.segments]
    )


def _pauses_json(rec: Recording) -> str:
    return json.dumps(
        [
            {"start": _text(p.start), "reason": p.reason.value, "end": _text(p.end)}
            for p in rec.pauses
        ]
    )


def save(store: Store, rec: Recording) -> None:
    with store.transaction():
        store._execute(
            f"INSERT INTO recordings ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET file = excluded.file, segments = excluded.segments, "
            "pauses = excluded.pauses, seconds = excluded.seconds, state = excluded.state, "
            "decided_at = excluded.decided_at, reason = excluded.reason",
            (
                rec.id,
                rec.meeting_id,
                rec.file,
                int(rec.attached),
                _segments_json(rec),
                _pauses_json(rec),
                rec.seconds,
                rec.state.value,
                rec.decided_at,
                rec.reason,
            ),
        )


def for_meeting(store: Store, meeting_id: str) -> list[Recording]:
    return [
        _from_row(r)
        for r in store._query(
            f"SELECT {_COLUMNS} FROM recordings WHERE meeting_id = ? ORDER BY seq", (meeting_id,)
        )
    ]


def any_for_meeting(store: Store, meeting_id: str) -> bool:
    """Whether the meeting has a recording on record (in any state)."""
    found = store._query("SELECT 1 FROM recordings WHERE meeting_id = ? LIMIT 1", (meeting_id,))
    return bool(found)


def delete_rows(store: Store, meeting_id: str) -> None:
    with store.transaction():
        store._execute("DELETE FROM recordings WHERE meeting_id = ?", (meeting_id,))
