"""Mutations of a JSON document for the import fuzz tests, drawn by hypothesis: delete a
key, change a value's type, swap two values, duplicate a list entry or an id, huge and
negative numbers, odd strings (control characters, lone surrogates) and deep nesting."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

HUGE_DIGITS = "\u0000digits\u0000"  # replaced in the text by a 5,000-digit number
DEEP = "\u0000deep\u0000"  # replaced in the text by lists nested 100,000 deep

ODD_VALUES: list[Any] = [
    None, True, 0, -1, -(10**20), 10**20, 2**63, 3.5, float("1e308"), "", " ", "x" * 2000,
    "\x00\x07\x1b[31m", "line\nbreak\ttab", "\ud800", "a\udfffb", "\u202eevil", "{n", "{n/{yy}",
    "12:99", "25:00", "2026-02-30", "10:00", "2026-03-12", "substitute", "amendment", "casting",
    "motion", "paragraph", [], [1, 2], ["a"], {}, {"kind": "poem"}, {"x": 1}, HUGE_DIGITS, DEEP,
    json.loads("[" * 50 + "]" * 50),
]  # fmt: skip

Path = tuple[Any, ...]


def paths(data: Any, prefix: Path = ()) -> list[Path]:
    """Every place in ``data`` (the top level excluded)."""
    out: list[Path] = []
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return out
    for key, value in items:
        out.append((*prefix, key))
        out.extend(paths(value, (*prefix, key)))
    return out


def get(data: Any, path: Path) -> Any:
    for p in path:
        data = data[p]
    return data


def put(data: Any, path: Path, value: Any) -> None:
    get(data, path[:-1])[path[-1]] = value


def ids(data: Any) -> list[Path]:
    return [p for p in paths(data) if p[-1] == "id" or str(p[-1]).endswith("_id")]


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> str:
    """``base`` changed one to three times, as the JSON text a file would hold."""
    data = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        places = paths(data)
        if not places:
            break
        op = draw(st.sampled_from(["delete", "odd", "swap", "duplicate", "copy id", "number"]))
        where = draw(st.sampled_from(places))
        parent = get(data, where[:-1])
        if op == "delete":
            del parent[where[-1]]
        elif op == "odd":
            put(data, where, copy.deepcopy(draw(st.sampled_from(ODD_VALUES))))
        elif op == "swap":
            other = draw(st.sampled_from(places))
            if other[: len(where)] != where and where[: len(other)] != other:
                a, b = get(data, where), get(data, other)
                put(data, where, b)
                put(data, other, a)
        elif op == "duplicate":
            lists = [p for p in places if isinstance(get(data, p), list) and get(data, p)]
            if lists:
                chosen = get(data, draw(st.sampled_from(lists)))
                chosen.insert(draw(st.integers(0, len(chosen))), json.loads(json.dumps(chosen[0])))
        elif op == "copy id":
            found = ids(data)
            if len(found) > 1:
                source, target = draw(st.sampled_from(found)), draw(st.sampled_from(found))
                put(data, target, get(data, source))
        else:
            number = draw(st.sampled_from([-1, -5000, 10_001, 100_001, 10**20, 2**63, HUGE_DIGITS]))
            numeric = [p for p in places if type(get(data, p)) is int] or [where]
            put(data, draw(st.sampled_from(numeric)), number)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    text = text.replace(json.dumps(HUGE_DIGITS), "9" * 5000)
    return text.replace(json.dumps(DEEP), "[" * 100_000 + "]" * 100_000)
