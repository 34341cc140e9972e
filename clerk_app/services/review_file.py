"""Writing and reading the chair's review file (``.clerkreview``): the digests that seal
it, the body it carries (only the people the meeting names), and :class:`ReviewFile`, a
file as read and checked (see :mod:`clerk_app.services.review` for the format)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_app import __version__
from clerk_app.domain.model import Body, Meeting, person_references
from clerk_app.domain.review import ReviewResponse
from clerk_app.domain.serial import RecordError, from_dict, to_dict
from clerk_app.services.interchange import InterchangeError, atomic_write_text, parse_meeting_json
from clerk_app.services.review_read import (
    FORMAT,
    FORMAT_VERSION,
    ReviewFileError,
    load_review_json,
    not_review,
)

EXTENSION = ".clerkreview"


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _sha(value: Any) -> str:
    import hashlib  # here: slow to load, and not needed to open the window

    return "sha256:" + hashlib.sha256(_canonical(value)).hexdigest()


def meeting_digest(meeting_id: str, revision: int, body: Any, meeting: Any) -> str:
    return _sha({"meeting_id": meeting_id, "revision": revision, "body": body, "meeting": meeting})


def responses_digest(digest: str, reviewer: str, saved_at: str, responses: Any) -> str:
    return _sha(
        {"digest": digest, "reviewer": reviewer, "saved_at": saved_at, "responses": responses}
    )


def referenced_people(meeting: Meeting) -> set[str]:
    """Ids of every person the meeting names: attendance, blocks and votes."""
    ids: set[str] = set()
    for a in meeting.attendance:
        ids.add(a.person_id)
        if a.substitute_for:
            ids.add(a.substitute_for)
    for item in meeting.items:
        for block in item.blocks:
            ids.update(pid for _where, pid in person_references(block))
    return ids


def review_body(body: Body, meeting: Meeting) -> Body:
    """The body as the review file carries it: only the people this meeting names, and no
    paths from the clerk's computer."""
    wanted = referenced_people(meeting)
    settings = from_dict(type(body.settings), to_dict(body.settings))
    settings.template_path = ""
    return Body(
        name=body.name,
        kind=body.kind,
        authority=body.authority,
        settings=settings,
        people=[p for p in body.people if p.id in wanted],
        id=body.id,
    )


def review_payload(meeting: Meeting, body: Body) -> dict[str, Any]:
    body_d = to_dict(review_body(body, meeting))
    meeting_d = to_dict(meeting)
    digest = meeting_digest(meeting.id, meeting.revision, body_d, meeting_d)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "meeting_id": meeting.id,
        "revision": meeting.revision,
        "body": body_d,
        "meeting": meeting_d,
        "digest": digest,
        "reviewer": "",
        "saved_at": "",
        "responses": [],
        "responses_digest": responses_digest(digest, "", "", []),
    }


def write_review_file(data: dict[str, Any], path: Path) -> Path:
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@dataclass
class ReviewFile:
    """A review file as read and checked."""

    path: Path
    data: dict[str, Any]
    body: Body
    meeting: Meeting
    responses: list[ReviewResponse]

    @property
    def meeting_id(self) -> str:
        return str(self.data["meeting_id"])

    @property
    def revision(self) -> int:
        return int(self.data["revision"])

    @property
    def digest(self) -> str:
        return str(self.data["digest"])

    @property
    def reviewer(self) -> str:
        return str(self.data.get("reviewer") or "")


def read_review_file(path: str | Path) -> ReviewFile:
    """Read and check a review file; raise :class:`ReviewFileError` saying what is wrong."""
    path = Path(path)
    name = path.name
    data = load_review_json(path)
    tampered = ReviewFileError(
        f"{name} has been altered since Clerk wrote it: its check does not match, so it "
        "cannot be trusted.",
        advice="Ask the chair to send the review file again exactly as Clerk saved it.",
    )
    if data["digest"] != meeting_digest(
        data["meeting_id"], data["revision"], data["body"], data["meeting"]
    ):
        raise tampered
    expected = responses_digest(
        data["digest"], data.get("reviewer", ""), data.get("saved_at", ""), data["responses"]
    )
    if data.get("responses_digest") != expected:
        raise tampered
    try:
        body, meeting = parse_meeting_json(
            {"format": "clerk-meeting", "format_version": 1, "body": data["body"],
             "meeting": data["meeting"]},
            name,
        )  # fmt: skip
        responses = [
            from_dict(ReviewResponse, r, f"responses[{i}]") for i, r in enumerate(data["responses"])
        ]
    except InterchangeError as exc:
        raise not_review(name, exc.problems[0]) from None
    except RecordError as exc:
        raise not_review(name, f"{exc.path}: {exc.message}.") from None
    if meeting.id != data["meeting_id"] or meeting.revision != data["revision"]:
        raise tampered
    return ReviewFile(path, data, body, meeting, responses)
