"""Damaged review files made from a real one: what the chair or the clerk may be sent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerk_app.services.review import meeting_digest, responses_digest


def reseal(data: dict[str, Any]) -> dict[str, Any]:
    """Recompute both checks, as someone altering a file on purpose would."""
    data["digest"] = meeting_digest(
        data["meeting_id"], data["revision"], data["body"], data["meeting"]
    )
    data["responses_digest"] = responses_digest(
        data["digest"], data.get("reviewer", ""), data.get("saved_at", ""), data["responses"]
    )
    return data


def _edited(change: Callable[[dict[str, Any]], None], seal: bool = True) -> Callable[[str], str]:
    def make(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(reseal(data) if seal else data)

    return make


def _venue(data: dict[str, Any]) -> None:
    data["meeting"]["venue"] = "Council \ud800 Chamber"


# (name, what to do to the file's text, words the refusal must contain)
BAD: list[tuple[str, Callable[[str], str], str]] = [
    (  # (no check can be computed over it: it is refused before the check is read)
        "a lone surrogate",
        _edited(_venue, seal=False),
        "meeting.venue: The text holds a broken character",
    ),
    (
        "a lone surrogate, unsealed",
        _edited(lambda d: d.update(reviewer="Cllr \udc41"), seal=False),
        "reviewer: The text holds a broken character",
    ),
    (
        "deep nesting",
        lambda _t: '{"format": "clerk-review", "responses": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "nested far more deeply than a Clerk file can be",
    ),
    ("a truncated file", lambda t: t[: len(t) // 2], "this is not valid JSON"),
    (
        "responses that are not a list",
        _edited(lambda d: d.update(responses="none")),
        "responses: expected a list, not 'none'.",
    ),
    (
        "a revision as text",
        _edited(lambda d: d.update(revision="12")),
        "revision: expected a whole number from 0 to",
    ),
    (
        "a revision of 5,000 digits",
        lambda t: t.replace('"revision": ', '"revision": ' + "9" * 5000 + ', "x": ', 1),
        "revision: expected a whole number from 0 to 9,007,199,254,740,991, not a number too "
        "long to read.",
    ),
    (
        "a huge number",
        _edited(lambda d: d["meeting"]["items"][0].update(part=10**20)),
        "meeting.items[0].part: expected one of 1, 2, not a number of 21 digits.",
    ),
    ("JSON that is not an object", lambda _t: "[1, 2, 3]", "not a Clerk review file"),
    (
        "a response that is not an object",
        _edited(lambda d: d.update(responses=[7])),
        "responses[0]: expected an object",
    ),
]


def write_bad(good: Path, make: Callable[[str], str], target: Path) -> Path:
    text = make(good.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    return target
