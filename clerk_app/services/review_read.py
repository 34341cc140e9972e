"""Reading a review file from outside: its JSON, parsed safely and checked against the
review file's own schema, before anything is computed over it (see
:mod:`clerk_app.services.review` for the format)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk_app.domain.review import ReviewResponse
from clerk_app.services.errors import ServiceError
from clerk_app.services.untrusted import UntrustedJsonError, load_json, schema_problems

FORMAT = "clerk-review"
FORMAT_VERSION = 1
_NOT_REVIEW = "{name} is not a Clerk review file, or it is damaged."
_NOT_REVIEW_ADVICE = "Ask for the review file to be sent again, as an attachment, unchanged."


class ReviewFileError(ServiceError):
    """A review file that cannot be opened or imported, with what to do about it."""


def not_review(name: str, found: str = "") -> ReviewFileError:
    """The refusal of a file that is not a review file; ``found`` says what is wrong."""
    detail = f" Clerk found: {found}" if found else ""
    return ReviewFileError(_NOT_REVIEW.format(name=name) + detail, advice=_NOT_REVIEW_ADVICE)


def review_schema() -> dict[str, Any]:
    """The JSON Schema of a review file's own fields (its body and meeting are checked as
    a meeting file is, by :func:`parse_meeting_json`)."""
    from clerk_app.services.interchange import _schema_for
    from clerk_app.services.rules import MAX_REVISION

    defs: dict[str, Any] = {}
    response = _schema_for(ReviewResponse, defs)
    text = {"type": "string"}
    return {
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"type": "integer"},
            "app_version": text,
            "exported_at": text,
            "meeting_id": text,
            "revision": {"type": "integer", "minimum": 0, "maximum": MAX_REVISION},
            "body": {"type": "object"},
            "meeting": {"type": "object"},
            "digest": text,
            "reviewer": text,
            "saved_at": text,
            "responses": {"type": "array", "items": response},
            "responses_digest": text,
        },
        "required": ["meeting_id", "revision", "body", "meeting", "digest", "responses"],
        "$defs": defs,
    }


def load_review_json(path: Path) -> dict[str, Any]:
    """The file's JSON, checked against :func:`review_schema`."""
    import jsonschema

    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReviewFileError(f"There is no file {path}.") from None
    except OSError as exc:
        raise ReviewFileError(f"Clerk cannot read {path}: {exc.strerror}.") from exc
    try:
        data = load_json(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise not_review(name, "The file is not UTF-8 text.") from None
    except UntrustedJsonError as exc:
        raise not_review(name, str(exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise not_review(name)
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ReviewFileError(
            f"{name} was written by a newer version of Clerk.", advice="Update Clerk to open it."
        )
    schema = review_schema()
    problems = schema_problems(jsonschema.Draft202012Validator(schema), data, schema)
    if problems:
        raise not_review(name, problems[0])
    return data
