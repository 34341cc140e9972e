"""Convert record dataclasses to plain JSON-able dicts and back.

Used by the store (blocks and settings are kept as JSON), the JSON interchange form and
review files. Enums become their values, dates ``YYYY-MM-DD``, times ``HH:MM[:SS]``;
blocks carry their ``kind`` tag. ``from_dict`` is strict about types it can check and
raises :class:`RecordError` with the path of the offending value.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from clerk_app.domain.model import (
    BLOCK_TYPES,
    Block,
    Declaration,
    InterestConduct,
    Item,
    Motion,
    Outcome,
)

T = TypeVar("T")


class RecordError(ValueError):
    """A value that cannot become part of the record; ``path`` says where it is."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or '(top)'}: {message}")
        self.path = path
        self.message = message


def to_dict(obj: Any) -> Any:
    """A JSON-able structure for any record value."""
    if isinstance(obj, Block):
        out = {"kind": obj.KIND}
        out.update({f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)})
        return out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, time):
        return obj.isoformat(timespec="minutes" if obj.second == 0 else "seconds")
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


Reader = Callable[[Any, str], Any]


def from_dict(cls: type[T], data: Any, path: str = "") -> T:
    """Rebuild a record value of type ``cls`` from :func:`to_dict` output."""
    return typing.cast(T, _reader(typing.cast(Any, cls))(data, path))


def block_from_dict(data: Any, path: str = "") -> Block:
    if not isinstance(data, dict):
        raise RecordError(path, "a block must be an object")
    kind = data.get("kind")
    cls = BLOCK_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise RecordError(f"{path}.kind", f"unknown block kind {kind!r}")
    body = {k: v for k, v in data.items() if k != "kind"}
    return typing.cast(Block, _dataclass(cls, body, path))


@cache
def _fields(cls: type) -> tuple[frozenset[str], tuple[tuple[str, Reader, bool], ...]]:
    """A dataclass's field names, and for each field its name, the reader of its type
    and whether it must be given: worked out once per class, not once per value."""
    hints = _hints(cls)
    plan = tuple(
        (
            f.name,
            _reader(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )
    return frozenset(name for name, _r, _q in plan), plan


def _dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise RecordError(path, f"expected an object for {cls.__name__}")
    if cls is Declaration:
        data = _older_declaration(data)
    names, plan = _fields(cls)
    if not names.issuperset(data):
        key = next(k for k in data if k not in names)
        raise RecordError(f"{path}.{key}", f"unknown field for {cls.__name__}")
    kwargs: dict[str, Any] = {}
    for name, read, required in plan:
        if name in data:
            kwargs[name] = read(data[name], f"{path}.{name}")
        elif required:
            raise RecordError(f"{path}.{name}", "is required")
    if cls is Item and "public_heading" not in data and kwargs.get("part") == 2:
        # written before items had a public heading: the public minutes printed the title
        kwargs["public_heading"] = kwargs.get("title", "")
    made = cls(**kwargs)
    if cls is Motion and "outcome_by_hand" not in data:
        # written before the outcome followed the vote (schema version 4 and older files):
        # an outcome the vote does not give was the clerk's own choice
        made.outcome_by_hand = made.outcome not in (Outcome.PENDING, made.vote.result())
    return made


def _older_declaration(data: dict[str, Any]) -> dict[str, Any]:
    """A declaration written before it said what the member did (two flags, schema
    version 3 and older files): left the room, or spoke under a dispensation."""
    if "left_room" not in data and "dispensation" not in data:
        return data
    data = dict(data)
    left, dispensation = data.pop("left_room", False), data.pop("dispensation", False)
    if "conduct" not in data:
        if left is True:
            data["conduct"] = InterestConduct.LEFT_ROOM.value
        elif dispensation is True:
            data["conduct"] = InterestConduct.DISPENSATION.value
    return data


def _convert(tp: Any, value: Any, path: str) -> Any:
    return _reader(tp)(value, path)


@cache
def _reader(tp: Any) -> Reader:
    """The function that reads a value of type ``tp`` (checking it), made once per type."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        nullable = type(None) in args
        non_none = [a for a in args if a is not type(None)]
        inner = _reader(non_none[0]) if len(non_none) == 1 else None

        def optional(value: Any, path: str) -> Any:
            if value is None:
                if nullable:
                    return None
                raise RecordError(path, "must not be null")
            if inner is None:
                raise RecordError(path, "ambiguous type")  # not used by the record
            return inner(value, path)

        return optional
    if tp is Any:
        return lambda value, _path: value
    if origin is list:
        (arg,) = typing.get_args(tp)
        item = _reader(arg)

        def a_list(value: Any, path: str) -> Any:
            if not isinstance(value, list):
                raise RecordError(path, "expected a list")
            return [item(v, f"{path}[{i}]") for i, v in enumerate(value)]

        return a_list
    if origin is dict:
        _k, varg = typing.get_args(tp)
        entry = _reader(varg)

        def a_dict(value: Any, path: str) -> Any:
            if not isinstance(value, dict):
                raise RecordError(path, "expected an object")
            return {str(k): entry(v, f"{path}.{k}") for k, v in value.items()}

        return a_dict
    if isinstance(tp, type):
        return _type_reader(tp)
    return _cannot(tp)


def _type_reader(tp: type) -> Reader:
    if tp is Block:
        return block_from_dict
    if dataclasses.is_dataclass(tp):
        return lambda value, path: _dataclass(tp, value, path)
    if issubclass(tp, Enum):
        enum_type: Any = tp
        members = enum_type._value2member_map_  # by value: what enum_type(value) finds

        def an_enum(value: Any, path: str) -> Any:
            try:
                return members[value]
            except (KeyError, TypeError):  # not a value, or not one of them
                pass
            try:
                return enum_type(value)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in enum_type)
                raise RecordError(path, f"{value!r} is not one of {allowed}") from None

        return an_enum
    if tp is bool:

        def a_bool(value: Any, path: str) -> Any:
            if not isinstance(value, bool):
                raise RecordError(path, "expected true or false")
            return value

        return a_bool
    if tp is int:

        def an_int(value: Any, path: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, int):
                raise RecordError(path, "expected a whole number")
            return value

        return an_int
    if tp is str:

        def a_str(value: Any, path: str) -> Any:
            if not isinstance(value, str):
                raise RecordError(path, "expected text")
            return value

        return a_str
    if tp in (date, time):
        parse, what = (
            (date.fromisoformat, "a date (YYYY-MM-DD)")
            if tp is date
            else (time.fromisoformat, "a time (HH:MM)")
        )

        def a_moment(value: Any, path: str) -> Any:
            try:
                return parse(value)
            except (TypeError, ValueError):
                raise RecordError(path, f"{value!r} is not {what}") from None

        return a_moment
    return _cannot(tp)


def _cannot(tp: Any) -> Reader:
    def cannot(_value: Any, path: str) -> Any:
        raise RecordError(path, f"cannot read a value of type {tp!r}")

    return cannot
