"""The JSON interchange form of a meeting, with its body and people.

A file is one object::

    {"format": "clerk-meeting", "format_version": 1, "app_version": "0.1.0",
     "exported_at": "2026-11-22T10:15:00", "body": {...}, "meeting": {...}}

``body`` and ``meeting`` are the record as written by :func:`clerk_app.domain.serial.to_dict`.
The JSON Schema in ``resources/schema/clerk-meeting-v1.schema.json`` describes it and is
generated from the record's own type hints (:func:`build_schema`), so it cannot drift.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app import __version__
from clerk_app.domain.model import BLOCK_TYPES, Block, Body, Meeting
from clerk_app.domain.serial import RecordError, from_dict, to_dict
from clerk_app.services import rules
from clerk_app.services.errors import ServiceError
from clerk_app.services.rules import record_problems
from clerk_app.services.untrusted import (
    DATE_PATTERN,
    TIME_PATTERN,
    UntrustedJsonError,
    load_json,
    schema_problems,
)

if TYPE_CHECKING:
    from clerk_app.services import Services
    from clerk_app.storage import Store

FORMAT = "clerk-meeting"
FORMAT_VERSION = 1
SCHEMA_NAME = "clerk-meeting-v1.schema.json"


class InterchangeError(ServiceError):
    """A JSON file that cannot be imported; ``problems`` lists each fault with its place."""

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = "\n".join(f"  • {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"{source} cannot be imported:\n{shown}{more}",
            advice="Correct the file, or export it again from Clerk.",
        )
        self.problems = problems


# --------------------------------------------------------------------------- schema


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        options = [_schema_for(a, defs) for a in args if a is not type(None)]
        if type(None) in args:
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is list:
        (arg,) = typing.get_args(tp)
        return {"type": "array", "items": _schema_for(arg, defs)}
    if origin is dict:
        _k, varg = typing.get_args(tp)
        return {"type": "object", "additionalProperties": _schema_for(varg, defs)}
    if tp is Block:
        return {"oneOf": [_schema_for(cls, defs) for cls in BLOCK_TYPES.values()]}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is str:
        return {"type": "string"}
    if tp is date:
        return {"type": "string", "pattern": DATE_PATTERN}
    if tp is time:
        return {"type": "string", "pattern": TIME_PATTERN}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # reserve (recursion)
            hints = typing.get_type_hints(tp)
            props: dict[str, Any] = {}
            required: list[str] = []
            if issubclass(tp, Block):
                props["kind"] = {"const": tp.KIND}
                required.append("kind")
            for f in dataclasses.fields(tp):
                props[f.name] = _schema_for(hints[f.name], defs)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    required.append(f.name)
            defs[name] = {
                "type": "object",
                "properties": props,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")


def _count(low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high}


def _optional_count(low: int, high: int) -> dict[str, Any]:
    return {"anyOf": [_count(low, high), {"type": "null"}]}


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    body = _schema_for(Body, defs)
    meeting = _schema_for(Meeting, defs)
    # the number limits of the services' rules
    for key in ("for_count", "against_count", "abstain_count"):
        defs["Vote"]["properties"][key] = _optional_count(0, rules.MAX_VOTES)
    defs["Meeting"]["properties"]["public_count"] = _optional_count(0, rules.MAX_PUBLIC)
    defs["Meeting"]["properties"]["first_minute"] = _count(0, rules.MAX_FIRST_MINUTE)
    defs["Meeting"]["properties"]["revision"] = _count(0, rules.MAX_REVISION)
    defs["BodySettings"]["properties"]["quorum"] = _count(1, rules.MAX_QUORUM)
    numbering = defs["NumberingScheme"]["properties"]
    numbering["year_start_month"] = _count(1, 12)
    numbering["first_number"] = _count(0, rules.MAX_FIRST_NUMBER)
    defs["Item"]["properties"]["part"] = {"enum": [1, 2]}
    table = defs["DataTable"]["properties"]
    table["columns"]["maxItems"] = rules.MAX_TABLE_COLUMNS
    table["rows"]["maxItems"] = rules.MAX_TABLE_ROWS
    table["rows"]["items"]["maxItems"] = rules.MAX_TABLE_COLUMNS
    column = _count(0, rules.MAX_TABLE_COLUMNS - 1)
    table["money_columns"] = {"type": "array", "items": column, "uniqueItems": True}
    table["total_column"] = {"anyOf": [column, {"type": "null"}]}
    for kind in ("PublicParticipation", "PlanningApplication"):
        defs[kind]["properties"]["speakers"]["maxItems"] = rules.MAX_SPEAKERS
    defs["PlanningApplication"]["properties"]["conditions"]["maxItems"] = rules.MAX_CONDITIONS
    # older files: a declaration's two flags, read as what the member did
    for flag in ("left_room", "dispensation"):
        defs["Declaration"]["properties"][flag] = {
            "type": "boolean",
            "description": "Older files: read as the declaration's conduct.",
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://clerk-app.invalid/schema/clerk-meeting-v1.schema.json",
        "title": "Clerk meeting",
        "description": "One meeting with its body and people, as written by Clerk's "
        "JSON export (format version 1).",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "app_version": {"type": "string"},
            "exported_at": {"type": "string"},
            "body": body,
            "meeting": meeting,
        },
        "required": ["format", "format_version", "body", "meeting"],
        "additionalProperties": False,
        "$defs": defs,
    }


def load_schema() -> dict[str, Any]:
    from clerk_app.paths import resource

    path = resource("schema", SCHEMA_NAME)
    if path.is_file():
        return typing.cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))
    return build_schema()


# --------------------------------------------------------------------------- write / read


def meeting_to_json(meeting: Meeting, body: Body) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "body": to_dict(body),
        "meeting": to_dict(meeting),
    }


def atomic_write_text(target: Path, text: str) -> Path:
    """Write UTF-8 text all-or-nothing (the export's temporary-name-and-rename writer);
    a file-system problem becomes a ServiceError in the clerk's words."""
    from clerk_app.export.atomic import write_atomic
    from clerk_app.export.errors import ExportError

    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8", newline="\n")

    try:
        return write_atomic(target, write)
    except ExportError as exc:
        raise ServiceError(str(exc)) from exc


def write_meeting_json(meeting: Meeting, body: Body, target: Path) -> Path:
    text = json.dumps(meeting_to_json(meeting, body), ensure_ascii=False, indent=2)
    return atomic_write_text(target, text + "\n")


def parse_meeting_json(data: Any, source: str = "The file") -> tuple[Body, Meeting]:
    """Validate and read a parsed JSON document; raise InterchangeError listing each fault.

    The file's structure is checked against the schema, then the record against the same
    rules the window's edits obey (:func:`clerk_app.services.rules.record_problems`)."""
    import jsonschema

    if not isinstance(data, dict):
        raise InterchangeError(source, ["(the top level): The file must hold one JSON object."])
    if data.get("format") != FORMAT:
        raise InterchangeError(
            source,
            [
                f"format: This is not a Clerk meeting file (its format is "
                f"{data.get('format')!r}, expected {FORMAT!r})."
            ],
        )
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise InterchangeError(
            source,
            [
                f"format_version: It was written by a newer Clerk (format version "
                f"{version}); update Clerk to import it."
            ],
        )
    schema = load_schema()
    validator = jsonschema.Draft202012Validator(schema)
    problems = schema_problems(validator, data, schema)
    if problems:
        raise InterchangeError(source, problems)
    try:
        body = from_dict(Body, data["body"], "body")
        meeting = from_dict(Meeting, data["meeting"], "meeting")
    except RecordError as exc:
        raise InterchangeError(
            source, [f"{exc.path}: {exc.message[:1].upper()}{exc.message[1:]}."]
        ) from exc
    problems = record_problems(body, meeting)
    if problems:
        raise InterchangeError(source, problems)
    return body, meeting


def read_meeting_json(path: Path) -> tuple[Body, Meeting]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServiceError(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise InterchangeError(path.name, ["The file is not UTF-8 text."]) from None
    except OSError as exc:
        raise ServiceError(f"Clerk cannot read {path}: {exc.strerror}.") from exc
    try:
        data = load_json(text)
    except UntrustedJsonError as exc:
        raise InterchangeError(path.name, [str(exc)]) from None
    return parse_meeting_json(data, path.name)


# --------------------------------------------------------------------------- into a library

_ROWS = (("attendance", "attendance"), ("items", "an item"), ("blocks", "a part of the minutes"))


def _taken_ids(store: Store, body: Body, meeting: Meeting) -> list[str]:
    """Ids in the file that belong to another meeting or body in the library: an import
    must never take over (and so remove from their place) another meeting's rows."""
    from clerk_app.storage.owners import owners

    problems: list[str] = []
    found = owners(store, "people", [p.id for p in body.people])
    for i, person in enumerate(body.people):
        owner = found.get(person.id)
        if owner is not None and owner.id != body.id:
            problems.append(
                f"body.people[{i}].id: The id {person.id!r} already belongs to someone of "
                f"another committee in this library ({owner.label})."
            )
    places: dict[str, list[tuple[str, str]]] = {
        "attendance": [
            (f"meeting.attendance[{i}]", a.id) for i, a in enumerate(meeting.attendance)
        ],
        "items": [(f"meeting.items[{i}]", it.id) for i, it in enumerate(meeting.items)],
        "blocks": [
            (f"meeting.items[{i}].blocks[{j}]", b.id)
            for i, it in enumerate(meeting.items)
            for j, b in enumerate(it.blocks)
        ],
    }
    for table, what in _ROWS:
        found = owners(store, table, [row_id for _place, row_id in places[table]])
        for place, row_id in places[table]:
            owner = found.get(row_id)
            if owner is not None and owner.id != meeting.id:
                problems.append(
                    f"{place}.id: The id {row_id!r} is already used by {what} of another "
                    f"meeting in this library ({owner.label})."
                )
    return problems


def _local_template(body: Body, current: Body | None) -> None:
    """The house-style template is a file on one computer: a path in the file that does
    not name a usable template here gives way to this library's own (or Clerk's)."""
    from clerk_app.services.bodies import template_problem

    path = body.settings.template_path
    if path.strip() and template_problem(path):
        body.settings.template_path = current.settings.template_path if current else ""


def import_meeting(svc: Services, path: Path, *, replace: bool = False) -> Meeting:
    """Import a meeting with its body and people (see ``Services.import_json``). Nothing is
    saved unless all of it can be: a refused file leaves the library as it was."""
    from clerk_app.domain.dates import format_date
    from clerk_app.storage.errors import NotFound

    store = svc.store
    body, meeting = read_meeting_json(path)
    try:
        existing_meeting = store.get_meeting(meeting.id)
    except NotFound:
        existing_meeting = None
    if existing_meeting is not None:
        if existing_meeting.body_id != body.id:
            raise InterchangeError(
                path.name,
                [
                    f"meeting.id: The id {meeting.id!r} is already used by a meeting of "
                    "another committee in this library."
                ],
            )
        if existing_meeting.locked:
            raise ServiceError(
                "This meeting's minutes are approved here; an imported copy cannot replace them."
            )
        if not replace:
            raise ServiceError(
                f"The meeting of {format_date(meeting.date, False)} is already in Clerk.",
                advice="Import with --replace to overwrite it with the file's version.",
            )
    try:
        current = store.get_body(body.id)
    except NotFound:
        current = None
    problems = _taken_ids(store, body, meeting)
    if problems:
        raise InterchangeError(path.name, problems)
    _local_template(body, current)
    with store.transaction():
        if current is not None:
            known = {p.id for p in body.people}
            body.people = body.people + [p for p in current.people if p.id not in known]
        store.save_body(body)
        store.save_meeting(meeting)
    svc._forget_body(body.id)
    return store.get_meeting(meeting.id)
