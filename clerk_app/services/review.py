"""The chair's review file (``.clerkreview``): one meeting out, the chair's answers back.

A review file is JSON::

    {"format": "clerk-review", "format_version": 1, "app_version": …, "exported_at": …,
     "meeting_id": …, "revision": 12, "body": {…}, "meeting": {…},
     "digest": "sha256:…",                       # over meeting_id, revision, body, meeting
     "reviewer": "…", "saved_at": "…", "responses": [ … ],
     "responses_digest": "sha256:…"}             # over digest, reviewer, saved_at, responses

``body`` carries only the people the meeting names and none of the clerk's local settings
paths; nothing else from the library goes in. The chair's copy of Clerk opens the file in
review mode (:class:`ReviewSession`): the minutes cannot be edited there, only answered.
On import the clerk's Clerk refuses a file of another meeting, of an older version of the
minutes, or one whose digests do not match; importing the same answers twice adds nothing.

The file itself is written and read in :mod:`clerk_app.services.review_file`, answered on
the chair's side in :mod:`clerk_app.services.review_session`; this module holds the
clerk's side: exporting the file, importing the answers and acting on suggestions.
"""

from __future__ import annotations

import dataclasses
from contextlib import _GeneratorContextManager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import Block, Body, Meeting, Motion, Note, Paragraph, Points
from clerk_app.domain.review import (
    ResponseSource,
    ResponseStatus,
    ReviewResponse,
    TargetKind,
    clause_lines,
    find_target,
)
from clerk_app.domain.serial import to_dict
from clerk_app.domain.translation import without_translation
from clerk_app.services.errors import ServiceError
from clerk_app.services.review_file import (
    EXTENSION,
    ReviewFile,
    _sha,
    meeting_digest,
    read_review_file,
    referenced_people,
    responses_digest,
    review_body,
    review_payload,
    write_review_file,
)
from clerk_app.services.review_read import ReviewFileError
from clerk_app.services.review_session import ReviewSession, open_review_file

if TYPE_CHECKING:
    from clerk_app.storage import Store

__all__ = [
    "EXTENSION",
    "ImportReport",
    "ReviewFile",
    "ReviewFileError",
    "ReviewMixin",
    "ReviewSession",
    "meeting_digest",
    "open_review_file",
    "read_review_file",
    "referenced_people",
    "resolve_status",
    "responses_digest",
    "review_body",
    "review_payload",
    "write_review_file",
]


def resolve_status(response: ReviewResponse) -> ReviewResponse:
    """Answers arrive pending whatever the file says: only the clerk decides."""
    response.status = ResponseStatus.PENDING
    return response


# --------------------------------------------------------------------------- clerk's side


@dataclass
class ImportReport:
    """What an import did: responses added, ones already imported, ones not placed."""

    meeting_id: str
    added: list[ReviewResponse] = field(default_factory=list)
    already_imported: int = 0
    unplaced: list[ReviewResponse] = field(default_factory=list)
    reviewer: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added)

    def summary(self) -> str:
        parts = [f"{len(self.added)} new response(s) from {self.reviewer or 'the reviewer'}"]
        if self.already_imported:
            parts.append(f"{self.already_imported} already imported")
        if self.unplaced:
            parts.append(f"{len(self.unplaced)} could not be placed")
        return "; ".join(parts) + "."


class ReviewMixin:
    """Export review files, import the chair's answers and act on suggestions."""

    store: Store

    if TYPE_CHECKING:

        def mark_circulated(self, meeting: Meeting, on: date | None = None) -> Meeting: ...
        def _body_of(self, meeting: Meeting) -> Body: ...
        def _guard(self, meeting: Meeting, what: str = ...) -> None: ...
        def get_meeting(self, meeting_id: str) -> Meeting: ...
        def add_block(
            self, meeting: Meeting, item_id: str, block: Block, index: int | None = None
        ) -> Block: ...
        def update_block(self, meeting: Meeting, item_id: str, block: Block) -> Block: ...
        def audit_source(
            self, source: str, *, force: bool = False
        ) -> _GeneratorContextManager[None]: ...
        def _audit(
            self, meeting: Meeting, what: str, before: str, after: str, source: str = ""
        ) -> bool: ...

    def export_review_file(
        self, meeting: Meeting | str, path: str | Path, *, circulate: bool = True
    ) -> Path:
        """Write the chair's review file for one meeting. Exporting it circulates the
        draft (from then on every change is audited) unless ``circulate`` is False."""
        meeting_id = meeting if isinstance(meeting, str) else meeting.id
        current = self.get_meeting(meeting_id)
        if current.locked:
            raise ServiceError(
                "These minutes are already approved; there is nothing left to review."
            )
        if circulate and current.circulated_on is None:
            self.mark_circulated(current)
            if not isinstance(meeting, str):
                meeting.circulated_on, meeting.revision = current.circulated_on, current.revision
        target = Path(path)
        if target.suffix.lower() != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        current = self.get_meeting(meeting_id)
        return write_review_file(review_payload(current, self._body_of(current)), target)

    def open_review_file(self, path: str | Path, reviewer: str = "") -> ReviewSession:
        return open_review_file(path, reviewer)

    def import_review(self, path: str | Path) -> ImportReport:
        """Attach the chair's answers in a review file to the meeting's resolutions and
        items. Refuses a file of another meeting, of older minutes, or an altered one."""
        from clerk_app.storage import reviews as repo
        from clerk_app.storage.errors import NotFound

        file = read_review_file(path)
        name = Path(path).name
        try:
            current = self.get_meeting(file.meeting_id)
        except NotFound:
            held = f"{file.body.name}, {format_date(file.meeting.date, weekday=False)}"
            raise ReviewFileError(
                f"{name} is the review of a meeting that is not in this library ({held}).",
                advice="Import it on the computer whose Clerk exported it.",
            ) from None
        if current.body_id != file.meeting.body_id:
            raise ReviewFileError(
                f"{name} is the review of a different committee's meeting.",
                advice="Check you chose the right file.",
            )
        report = ImportReport(meeting_id=current.id, reviewer=file.reviewer)
        known = repo.known_response_ids(self.store, [r.id for r in file.responses])
        fresh = [r for r in file.responses if r.id not in known]
        report.already_imported = len(file.responses) - len(fresh)
        if not fresh:
            return report
        if file.revision > current.revision:
            raise ReviewFileError(
                f"{name} is of a later version of these minutes (version {file.revision}) "
                f"than this library holds (version {current.revision}); the library may have "
                "been restored from a backup since it was exported.",
                advice="Import it into the library that exported it, or export a new review "
                "file from this one.",
            )
        if file.revision != current.revision:
            raise ReviewFileError(
                f"{name} is a review of an older version of these minutes (version "
                f"{file.revision}); they have changed since it was exported (now version "
                f"{current.revision}), so its comments may not match the wording.",
                advice="Export a new review file and send it to the chair, or read the "
                "chair's comments in Clerk's review mode and apply them by hand.",
            )
        if _sha(to_dict(current)) != _sha(file.data["meeting"]):
            raise ReviewFileError(
                f"The minutes in {name} differ from the same version in Clerk: the file has "
                "been altered.",
                advice="Ask the chair to send the review file again exactly as Clerk saved it.",
            )
        placed: list[ReviewResponse] = []
        for r in fresh:
            target = find_target(current, r.target_id)
            if target is None or target.kind is not r.target_kind:
                report.unplaced.append(r)
                continue
            r.item_id = target.item_id
            r.source = ResponseSource.REVIEW_FILE
            r.reviewer = r.reviewer or file.reviewer
            placed.append(resolve_status(r))
        report.added = repo.add_responses(
            self.store,
            current.id,
            placed,
            import_id=str(file.data.get("responses_digest", "")),
            file_name=name,
            reviewer=file.reviewer,
            source=ResponseSource.REVIEW_FILE.value,
        )
        return report

    def responses(self, meeting_id: str) -> list[ReviewResponse]:
        """Every response on a meeting, with its status, in the order received."""
        from clerk_app.storage import reviews as repo

        return repo.list_responses(self.store, meeting_id)

    def _pending_suggestion(self, response_id: str) -> tuple[str, ReviewResponse]:
        from clerk_app.storage import reviews as repo
        from clerk_app.storage.errors import NotFound

        try:
            meeting_id, response = repo.get_response(self.store, response_id)
        except NotFound:
            raise ServiceError("That review response is no longer in Clerk.") from None
        if not response.is_suggestion:
            raise ServiceError("Only a suggested wording can be accepted or rejected.")
        if response.status is not ResponseStatus.PENDING:
            raise ServiceError(f"That suggestion was already {response.status.value}.")
        return meeting_id, response

    def accept_suggestion(self, response_id: str, meeting: Meeting | None = None) -> Block:
        """Apply the suggested wording through the normal edits (audited, naming the
        review). ``meeting`` is the window's copy, changed in place when given."""
        from clerk_app.storage import reviews as repo

        meeting_id, response = self._pending_suggestion(response_id)
        if meeting is None or meeting.id != meeting_id:
            meeting = self.get_meeting(meeting_id)
        self._guard(meeting, "a suggestion")
        source = _source_text(response)
        with self.store.transaction(), self.audit_source(source, force=True):
            block = self._apply(meeting, response)
            response.status = ResponseStatus.ACCEPTED
            repo.save_response(self.store, response)
        return block

    def _apply(self, meeting: Meeting, response: ReviewResponse) -> Block:
        if response.target_kind is TargetKind.MOTION:
            found = meeting.find_block(response.target_id)
            if found is None or not isinstance(found[1], Motion):
                raise ServiceError("The resolution this suggestion is about has been removed.")
            clauses = response.suggested_clauses or clause_lines(response.suggested_text)
            # the old translation no longer says the same: the second language prints the
            # new wording as typed until the clerk translates it again
            old = found[1]
            new = dataclasses.replace(
                old, clauses=clauses, translation=without_translation(old, "clauses")
            )
            return self.update_block(meeting, found[0].id, new)
        item = meeting.item(response.target_id)
        if item is None:
            raise ServiceError("The item this suggestion is about has been removed.")
        text = response.suggested_text or "\n".join(response.suggested_clauses)
        if response.block_id is not None:
            block = next((b for b in item.blocks if b.id == response.block_id), None)
        else:
            paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
            if len(paragraphs) > 1:
                raise ServiceError(
                    "This item has several paragraphs and the suggestion does not say which "
                    "it replaces.",
                    advice="Copy the suggested wording into the right paragraph, then reject "
                    "the suggestion with the reason “applied by hand”.",
                )
            block = paragraphs[0] if paragraphs else None
            if block is None:
                return self.add_block(meeting, item.id, Paragraph(text=text))
        if isinstance(block, Paragraph | Note):
            kept = without_translation(block, "text")
            texts = dataclasses.replace(block, text=text, translation=kept)
            return self.update_block(meeting, item.id, texts)
        if isinstance(block, Points):
            kept = without_translation(block, "points")
            points = dataclasses.replace(block, points=clause_lines(text), translation=kept)
            return self.update_block(meeting, item.id, points)
        raise ServiceError("That part of the minutes cannot take suggested wording.")

    def reject_suggestion(self, response_id: str, reason: str) -> ReviewResponse:
        """Keep the clerk's wording; the reason is kept with the response (and audited)."""
        from clerk_app.storage import reviews as repo

        if not reason.strip():
            raise ServiceError("Give the reason for rejecting the suggestion.", field="reason")
        meeting_id, response = self._pending_suggestion(response_id)
        meeting = self.get_meeting(meeting_id)
        response.status = ResponseStatus.REJECTED
        response.reason = reason.strip()
        with self.store.transaction():
            repo.save_response(self.store, response)
            self._audit(
                meeting,
                "Suggested wording rejected",
                response.suggested_text or "\n".join(response.suggested_clauses),
                reason.strip(),
                _source_text(response),
            )
        return response


def _source_text(response: ReviewResponse) -> str:
    how = "Word comments" if response.source is ResponseSource.WORD else "review file"
    return f"review by {response.reviewer or 'the chair'} ({how}, response {response.id[:8]})"
