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


def from_dict(cls: type[T], data: Any, path: str = "") -> T:
    """Rebuild a record value of type ``cls`` from :func:`to_dict` output."""
    return typing.cast(T, _convert(cls, data, path))


def block_from_dict(data: Any, path: str = "") -> Block:
    if not isinstance(data, dict):
        raise RecordError(path, "a block must be an object")
    kind = data.get("kind")
    cls = BLOCK_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise RecordError(f"{path}.kind", f"unknown block kind {kind!r}")
    body = {k: v for k, v in data.items() if k != "kind"}
    return typing.cast(Block, _dataclass(cls, body, path))


def _dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise RecordError(path, f"expected an object for {cls.__name__}")
    if cls is Declaration:
        data = _older_declaration(data)
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(cls)}
    for key in data:
        if key not in names:
            raise RecordError(f"{path}.{key}", f"unknown field for {cls.__name__}")
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{path}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise RecordError(f"{path}.{f.name}", "is required")
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
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise RecordError(path, "must not be null")
        non_none = [a for a in args if a is not type(None)]
        if len(non_none) == 1:
            return _convert(non_none[0], value, path)
        raise RecordError(path, "ambiguous type")  # not used by the record
    if tp is Any:
        return value
    if origin is list:
        if not isinstance(value, list):
            raise RecordError(path, "expected a list")
        (arg,) = typing.get_args(tp)
        return [_convert(arg, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise RecordError(path, "expected an object")
        _k, varg = typing.get_args(tp)
        return {str(k): _convert(varg, v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(tp, type):
        if tp is Block or (issubclass(tp, Block) and tp is Block):
            return block_from_dict(value, path)
        if dataclasses.is_dataclass(tp):
            return _dataclass(tp, value, path)
        if issubclass(tp, Enum):
            try:
                return tp(value)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in tp)  # type: ignore[attr-defined]
                raise RecordError(path, f"{value!r} is not one of {allowed}") from None
        if tp is bool:
            if not isinstance(value, bool):
                raise RecordError(path, "expected true or false")
            return value
        if tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise RecordError(path, "expected a whole number")
            return value
        if tp is str:
            if not isinstance(value, str):
                raise RecordError(path, "expected text")
            return value
        if tp is date:
            try:
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                raise RecordError(path, f"{value!r} is not a date (YYYY-MM-DD)") from None
        if tp is time:
            try:
                return time.fromisoformat(value)
            except (TypeError, ValueError):
                raise RecordError(path, f"{value!r} is not a time (HH:MM)") from None
    raise RecordError(path, f"cannot read a value of type {tp!r}")
