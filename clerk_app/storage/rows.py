"""Conversion between record dataclasses and table rows.

Scalar fields become columns (enums as their values, dates and times as ISO text, booleans
as 0/1); settings, approval and block contents are JSON made by
:mod:`clerk_app.domain.serial`. A row that cannot be read back raises
:class:`CorruptDatabase` rather than a bare decoding error.
"""

from __future__ import annotations

import json
from typing import Any

from clerk_app.domain.model import (
    Approval,
    Attendance,
    Block,
    Body,
    BodySettings,
    Item,
    Meeting,
    Person,
)
from clerk_app.domain.serial import RecordError, block_from_dict, from_dict, to_dict
from clerk_app.storage.errors import CorruptDatabase

PERSON_COLUMNS = (
    "first_name",
    "last_name",
    "honorific",
    "kind",
    "role",
    "post",
    "initials",
    "voting",
    "active",
    "title",
    "post_nominals",
)
MEETING_COLUMNS = (
    "body_id",
    "date",
    "meeting_type",
    "venue",
    "start_time",
    "end_time",
    "status",
    "reference",
    "public_count",
    "approval",
    "circulated_on",
    "first_minute",
    "mode",
    "platform",
    "presiding_id",
    "minute_taker_id",
    "held",
    "next_date",
    "next_time",
    "next_venue",
    "after_signature",
    "translation",  # JSON
)
ATTENDANCE_COLUMNS = ("person_id", "status", "reason", "substitute_for", "note", "translation")
ITEM_COLUMNS = (
    "title",
    "number",
    "minute_number",
    "kind",
    "purpose",
    "report_author",
    "report_ref",
    "part",
    "exempt_paragraph",
    "public_heading",
    "public_summary",
    "status",
    "translation",  # JSON
)
_BOOL_PERSON = ("voting", "active")


def dumps(value: Any) -> str:
    # ensure_ascii keeps any text (even lone surrogates) storable as plain ASCII JSON
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def _loads(text: str | None, what: str) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise CorruptDatabase(f"Part of the database could not be read ({what}).") from exc


def _build(cls: type, data: dict[str, Any], what: str) -> Any:
    try:
        return from_dict(cls, data, what)
    except RecordError as exc:
        raise CorruptDatabase(f"Part of the database could not be read ({exc}).") from exc


def _columns(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: to_dict(getattr(obj, name)) for name in names}


# --------------------------------------------------------------------- bodies, people


def body_row(body: Body) -> dict[str, Any]:
    return {
        "id": body.id,
        "name": body.name,
        "kind": body.kind.value,
        "authority": body.authority,
        "settings": dumps(to_dict(body.settings)),
    }


def person_row(body_id: str, person: Person, position: int) -> dict[str, Any]:
    row = _columns(person, PERSON_COLUMNS)
    row.update(id=person.id, body_id=body_id, position=position)
    for name in _BOOL_PERSON:
        row[name] = int(bool(row[name]))
    return row


def person_from_row(row: dict[str, Any]) -> Person:
    data = {name: row[name] for name in PERSON_COLUMNS}
    for name in _BOOL_PERSON:
        data[name] = bool(data[name])
    data["id"] = row["id"]
    return _build(Person, data, "person")  # type: ignore[no-any-return]


def body_from_row(row: dict[str, Any], people: list[Person]) -> Body:
    settings = _build(BodySettings, _loads(row["settings"], "body settings"), "settings")
    data = {"id": row["id"], "name": row["name"], "kind": row["kind"]}
    data["authority"] = row["authority"]
    body: Body = _build(Body, data, "body")
    body.settings = settings
    body.people = people
    return body


# --------------------------------------------------------------------- meetings


def meeting_row(meeting: Meeting) -> dict[str, Any]:
    row = _columns(meeting, MEETING_COLUMNS)
    row["approval"] = None if meeting.approval is None else dumps(row["approval"])
    row["translation"] = dumps(meeting.translation)
    row["id"] = meeting.id
    return row


def meeting_from_row(row: dict[str, Any]) -> Meeting:
    data = {name: row[name] for name in MEETING_COLUMNS}
    approval = _loads(row["approval"], "approval")
    data["approval"] = None
    data["translation"] = _loads(row["translation"], "meeting translation") or {}
    data["id"] = row["id"]
    data["revision"] = row["revision"]
    meeting: Meeting = _build(Meeting, data, "meeting")
    if approval is not None:
        meeting.approval = _build(Approval, approval, "approval")
    return meeting


def attendance_row(meeting_id: str, attendance: Attendance, position: int) -> dict[str, Any]:
    row = _columns(attendance, ATTENDANCE_COLUMNS)
    row.update(id=attendance.id, meeting_id=meeting_id, position=position)
    row["translation"] = dumps(attendance.translation)
    return row


def attendance_from_row(row: dict[str, Any]) -> Attendance:
    data = {name: row[name] for name in ATTENDANCE_COLUMNS}
    data["translation"] = _loads(row["translation"], "attendance translation") or {}
    data["id"] = row["id"]
    return _build(Attendance, data, "attendance")  # type: ignore[no-any-return]


def item_row(meeting_id: str, item: Item) -> dict[str, Any]:
    row = _columns(item, ITEM_COLUMNS)
    row.update(id=item.id, meeting_id=meeting_id, translation=dumps(item.translation))
    return row


def item_from_row(row: dict[str, Any]) -> Item:
    data = {name: row[name] for name in ITEM_COLUMNS}
    data["translation"] = _loads(row["translation"], "item translation") or {}
    data["id"] = row["id"]
    return _build(Item, data, "item")  # type: ignore[no-any-return]


def block_data(block: Block) -> tuple[str, str]:
    """``(kind, json)`` for a block; the id lives in its own column."""
    data = to_dict(block)
    data.pop("id", None)
    kind = data.pop("kind")
    return kind, dumps(data)


def block_from_row(block_id: str, kind: str, data: str) -> Block:
    content = _loads(data, "minute block")
    if not isinstance(content, dict):
        raise CorruptDatabase("Part of the database could not be read (minute block).")
    content["kind"] = kind
    content["id"] = block_id
    try:
        return block_from_dict(content, "block")
    except RecordError as exc:
        raise CorruptDatabase(f"Part of the database could not be read ({exc}).") from exc


# --------------------------------------------------------------------- search text


def block_search_text(block: Block) -> str:
    """The words of a block that full-text search looks at."""
    parts: list[str] = []
    for name in ("text", "intro", "preamble", "reason", "interest_type", "owner", "rule"):
        value = getattr(block, name, None)
        if isinstance(value, str) and value:
            parts.append(value)
    for name in ("points", "clauses"):
        value = getattr(block, name, None)
        if isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str) and v)
    parts.extend(v for v in block.translation.values() if v)  # found in either language
    return clean_text("\n".join(parts))


def clean_text(text: str) -> str:
    """Text safe to index: lone surrogates and NULs cannot be tokenised."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
