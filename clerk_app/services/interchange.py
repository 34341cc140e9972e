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
from typing import Any

from clerk_app import __version__
from clerk_app.domain.model import BLOCK_TYPES, Block, Body, Meeting, Motion, person_references
from clerk_app.domain.serial import RecordError, from_dict, to_dict
from clerk_app.services.errors import ServiceError

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
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if tp is time:
        return {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"}
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


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    body = _schema_for(Body, defs)
    meeting = _schema_for(Meeting, defs)
    # counts are never negative
    for key in ("for_count", "against_count", "abstain_count"):
        defs["Vote"]["properties"][key] = {
            "anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]
        }
    defs["Meeting"]["properties"]["public_count"] = {
        "anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]
    }
    defs["Item"]["properties"]["part"] = {"enum": [1, 2]}
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


def _where(error: Any) -> str:
    parts: list[str] = []
    for p in error.absolute_path:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "(top level)"


def parse_meeting_json(data: Any, source: str = "The file") -> tuple[Body, Meeting]:
    """Validate and read a parsed JSON document; raise InterchangeError listing each fault."""
    import jsonschema

    if not isinstance(data, dict):
        raise InterchangeError(source, ["the file must hold one JSON object"])
    if data.get("format") != FORMAT:
        raise InterchangeError(
            source,
            [
                f"this is not a Clerk meeting file (format is "
                f"{data.get('format')!r}, expected {FORMAT!r})"
            ],
        )
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise InterchangeError(
            source,
            [
                f"it was written by a newer Clerk (format version "
                f"{version}); update Clerk to import it"
            ],
        )
    validator = jsonschema.Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        problems = []
        for err in errors:
            message = err.message
            if err.validator == "oneOf" and isinstance(err.instance, dict):
                kind = err.instance.get("kind")
                cls = BLOCK_TYPES.get(kind) if isinstance(kind, str) else None
                if cls is None:
                    message = (
                        f"unknown block kind {kind!r} (expected one of "
                        + ", ".join(BLOCK_TYPES)
                        + ")"
                    )
                else:
                    sub = jsonschema.Draft202012Validator(
                        {"$defs": load_schema()["$defs"], "$ref": f"#/$defs/{cls.__name__}"}
                    )
                    inner = next(iter(sub.iter_errors(err.instance)), None)
                    if inner is not None:
                        path = _where(err) + "".join(
                            f"[{p}]" if isinstance(p, int) else f".{p}" for p in inner.absolute_path
                        )
                        problems.append(f"{path}: {inner.message}")
                        continue
            problems.append(f"{_where(err)}: {message}")
        raise InterchangeError(source, problems)
    try:
        body = from_dict(Body, data["body"], "body")
        meeting = from_dict(Meeting, data["meeting"], "meeting")
    except RecordError as exc:
        raise InterchangeError(source, [str(exc)]) from exc
    problems = consistency_problems(body, meeting)
    if problems:
        raise InterchangeError(source, problems)
    return body, meeting


def consistency_problems(body: Body, meeting: Meeting) -> list[str]:
    """References the schema cannot see: people and motions named by id."""
    problems: list[str] = []
    people = {p.id for p in body.people}
    if meeting.body_id != body.id:
        problems.append(
            f"meeting.body_id: {meeting.body_id!r} is not the id of the body in "
            f"the file ({body.id!r})"
        )
    for i, a in enumerate(meeting.attendance):
        if a.person_id not in people:
            problems.append(f"meeting.attendance[{i}].person_id: no person with id {a.person_id!r}")
        if a.substitute_for and a.substitute_for not in people:
            problems.append(
                f"meeting.attendance[{i}].substitute_for: no person with id {a.substitute_for!r}"
            )
    ids: set[str] = set()
    for i, item in enumerate(meeting.items):
        block_ids = {b.id for b in item.blocks}
        for j, block in enumerate(item.blocks):
            where = f"meeting.items[{i}].blocks[{j}]"
            if block.id in ids:
                problems.append(f"{where}.id: the id {block.id!r} is used twice")
            ids.add(block.id)
            for name, pid in person_references(block):
                if pid not in people:
                    problems.append(f"{where}.{name}: no person with id {pid!r}")
            if isinstance(block, Motion) and block.amends_id and block.amends_id not in block_ids:
                problems.append(f"{where}.amends_id: no motion {block.amends_id!r} in this item")
    return problems


def read_meeting_json(path: Path) -> tuple[Body, Meeting]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServiceError(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise InterchangeError(path.name, ["the file is not UTF-8 text"]) from None
    except OSError as exc:
        raise ServiceError(f"Clerk cannot read {path}: {exc.strerror}.") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            path.name, [f"line {exc.lineno}, column {exc.colno}: {exc.msg} (not valid JSON)"]
        ) from None
    return parse_meeting_json(data, path.name)
