"""JSON from outside Clerk (an imported meeting, a chair's review file), read safely and
its faults said in plain words at their place.

:func:`load_json` parses text and refuses what would later fail somewhere deeper (nesting
beyond any Clerk file, a broken character that cannot be saved, a number too long to
read) with :class:`UntrustedJsonError`; :func:`schema_problems` turns JSON Schema errors
into sentences such as ``meeting.items[2].blocks[0].at: expected a time as HH:MM, not
'quarter past'.``
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

MAX_DEPTH = 40  # a Clerk meeting file is about 10 deep
MAX_DIGITS = 30  # a longer whole number is past every limit: it is read as "too long"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"


class UntrustedJsonError(ValueError):
    """JSON that cannot be taken in; the message names the place when there is one."""


def _whole_number(text: str) -> int | float:
    if len(text.lstrip("-")) > MAX_DIGITS:
        return -math.inf if text.startswith("-") else math.inf
    return int(text)


def load_json(text: str) -> Any:
    """Parse ``text``; raise UntrustedJsonError saying what is wrong and where."""
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise UntrustedJsonError(
            f"line {exc.lineno}, column {exc.colno}: {exc.msg} — this is not valid JSON "
            "(the file may be cut short or damaged)."
        ) from None
    except RecursionError:
        raise UntrustedJsonError(
            f"The file is nested far more deeply than a Clerk file can be (more than "
            f"{MAX_DEPTH} levels)."
        ) from None
    check_values(data)
    return data


def place_of(path: Any) -> str:
    """``meeting.items[2].title`` for the path ("meeting", "items", 2, "title")."""
    out = ""
    for p in path:
        name = "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in str(p))
        out += f"[{p}]" if isinstance(p, int) else (f".{name}" if out else name)
    return out or "(the top level)"


def _walk(data: Any) -> Iterator[tuple[tuple[Any, ...], Any, bool]]:
    """(path, value, is_key) for every value and key, without recursion."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value, False
        if len(path) > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            for key, inner in value.items():
                yield (*path, key), key, True
                stack.append(((*path, key), inner))
        elif isinstance(value, list):
            stack.extend(((*path, i), inner) for i, inner in enumerate(value))


def _broken(text: str) -> str | None:
    """The first lone surrogate in ``text`` (a character no file or database can hold)."""
    return next((f"\\u{ord(c):04x}" for c in text if "\ud800" <= c <= "\udfff"), None)


def check_values(data: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and text with a broken character."""
    for path, value, is_key in _walk(data):
        if len(path) > MAX_DEPTH:
            raise UntrustedJsonError(
                f"{place_of(path[:MAX_DEPTH])}: The file is nested more deeply here than a "
                f"Clerk file can be (more than {MAX_DEPTH} levels)."
            )
        if isinstance(value, str) and (bad := _broken(value)) is not None:
            what = "name" if is_key else "text"
            raise UntrustedJsonError(
                f"{place_of(path)}: The {what} holds a broken character ({bad}, half of a "
                "pair that is missing its other half), which Clerk cannot save."
            )


# --------------------------------------------------------------------------- schema words


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isinf(value):
        return "a number too long to read"
    if isinstance(value, int | float):
        text = str(value)
        return text if len(text) <= 20 else f"a number of {len(text)} digits"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return "a list"
    return "an object"


def _number(schema: dict[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"a whole number from {low:,} to {high:,}"
    if low is not None:
        return f"a whole number of {low:,} or more"
    if high is not None:
        return f"a whole number of {high:,} or less"
    return "a whole number"


def expected(schema: Any, root: dict[str, Any]) -> str:
    """What ``schema`` asks for, in words: "a time as HH:MM, or null"."""
    if not isinstance(schema, dict):
        return "a value"
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return expected(root.get("$defs", {}).get(name, {}), root)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [s for s in schema[key] if s != {"type": "null"}]
            words = " or ".join(dict.fromkeys(expected(s, root) for s in options))
            return words + (", or null" if len(options) < len(schema[key]) else "")
    if "const" in schema:
        return json.dumps(schema["const"], ensure_ascii=False)
    if "enum" in schema:
        return "one of " + ", ".join(json.dumps(v, ensure_ascii=False) for v in schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        pattern = schema.get("pattern")
        if pattern == DATE_PATTERN:
            return "a date as YYYY-MM-DD"
        if pattern == TIME_PATTERN:
            return "a time as HH:MM"
        return "text"
    if kind == "integer":
        return _number(schema)
    if kind == "boolean":
        return "true or false"
    if kind == "array":
        return "a list"
    if kind == "object":
        return "an object (named values in { })"
    if kind == "null":
        return "null"
    return "a value"


def _describe(error: Any, root: dict[str, Any], prefix: tuple[Any, ...]) -> list[str]:
    import jsonschema

    path = (*prefix, *error.absolute_path)
    place = place_of(path)
    instance, schema = error.instance, error.schema
    if error.validator == "required" and isinstance(instance, dict):
        return [
            f"{place_of((*path, name))}: This is missing; it must be given."
            for name in error.validator_value
            if name not in instance
        ]
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        known = schema.get("properties", {})
        return [
            f"{place_of((*path, name))}: Clerk does not know this field here; remove it."
            for name in instance
            if name not in known
        ]
    if error.validator in ("oneOf", "anyOf") and isinstance(instance, dict):
        # a block: judge it by the kind it says it is
        for option in schema[error.validator]:
            ref = option.get("$ref", "") if isinstance(option, dict) else ""
            sub = root.get("$defs", {}).get(str(ref).rsplit("/", 1)[-1], {})
            kind = sub.get("properties", {}).get("kind", {}).get("const")
            if kind is not None and instance.get("kind") == kind:
                validator = jsonschema.Draft202012Validator({**option, "$defs": root["$defs"]})
                return schema_problems(validator, instance, root, path)
        kinds = [
            root.get("$defs", {}).get(str(o.get("$ref", "")).rsplit("/", 1)[-1], {})
            for o in schema[error.validator]
            if isinstance(o, dict)
        ]
        names = [
            k["properties"]["kind"]["const"] for k in kinds if "kind" in k.get("properties", {})
        ]
        if names:
            return [
                f"{place_of((*path, 'kind'))}: expected one of "
                + ", ".join(json.dumps(n) for n in names)
                + f", not {_found(instance.get('kind'))}."
            ]
    return [f"{place}: expected {expected(schema, root)}, not {_found(instance)}."]


def schema_problems(
    validator: Any, data: Any, root: dict[str, Any], prefix: tuple[Any, ...] = ()
) -> list[str]:
    """Every schema error in ``data``, each as a sentence at its place, in file order."""
    problems: list[str] = []
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: [(isinstance(p, str), p) for p in e.absolute_path],
    )
    for error in errors:
        for problem in _describe(error, root, prefix):
            if problem not in problems:
                problems.append(problem)
    return problems
