"""The chair's side of a review: a review file open in review mode
(:class:`ReviewSession`), where the minutes are read and answered, never edited, and the
answers are saved back into the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clerk_app.domain.document import Document, Version
from clerk_app.domain.model import Body, Meeting
from clerk_app.domain.review import (
    ResponseSource,
    ReviewDecision,
    ReviewResponse,
    ReviewTarget,
    TargetKind,
    clause_lines,
    find_target,
    now_text,
    review_targets,
)
from clerk_app.domain.serial import to_dict
from clerk_app.services.errors import ServiceError
from clerk_app.services.review_file import (
    ReviewFile,
    read_review_file,
    responses_digest,
    write_review_file,
)


@dataclass
class ReviewSession:
    """A review file open in review mode: the minutes to read, the chair's answers to give.

    The meeting and body are for reading only; nothing here changes the clerk's text.
    """

    file: ReviewFile
    reviewer: str = ""
    modified: bool = False  # answers given or withdrawn since the last save
    _document: Document | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def meeting(self) -> Meeting:
        return self.file.meeting

    @property
    def body(self) -> Body:
        return self.file.body

    @property
    def responses(self) -> list[ReviewResponse]:
        return self.file.responses

    @property
    def document(self) -> Document:
        """The minutes as they will read (the review version)."""
        if self._document is None:
            from clerk_app.domain.render import render_minutes

            self._document = render_minutes(self.meeting, self.body, Version.REVIEW, None)
        return self._document

    @property
    def targets(self) -> list[ReviewTarget]:
        return review_targets(self.meeting)

    def response_for(self, target_id: str, block_id: str | None = None) -> ReviewResponse | None:
        return next(
            (r for r in self.responses if r.target_id == target_id and r.block_id == block_id),
            None,
        )

    def respond(
        self,
        target_id: str,
        decision: ReviewDecision | str,
        comment: str = "",
        suggested_text: str = "",
        suggested_clauses: list[str] | None = None,
        *,
        block_id: str | None = None,
    ) -> ReviewResponse:
        """Approve, query or suggest wording for a resolution or item (replacing any earlier
        answer on it). Not saved until :meth:`save`."""
        target = find_target(self.meeting, target_id)
        if target is None:
            raise ServiceError("That resolution or item is not in these minutes.")
        try:
            decision = ReviewDecision(decision)
        except ValueError:
            raise ServiceError("Choose approve, query or suggest.", field="decision") from None
        clauses = [c.strip() for c in (suggested_clauses or []) if c.strip()]
        if decision is ReviewDecision.SUGGEST and target.kind is TargetKind.MOTION and not clauses:
            clauses = clause_lines(suggested_text)
        if decision is ReviewDecision.SUGGEST and not (clauses or suggested_text.strip()):
            raise ServiceError("Type the wording you suggest.", field="suggested_text")
        if decision is ReviewDecision.QUERY and not comment.strip():
            raise ServiceError("Type your query.", field="comment")
        if block_id is not None:
            item = self.meeting.item(target.item_id)
            if item is None or not any(b.id == block_id for b in item.blocks):
                raise ServiceError("That paragraph is not in this item.")
        response = ReviewResponse(
            target_kind=target.kind,
            target_id=target.id,
            item_id=target.item_id,
            block_id=block_id,
            decision=decision,
            comment=comment.strip(),
            suggested_text=suggested_text.strip() if decision is ReviewDecision.SUGGEST else "",
            suggested_clauses=clauses if decision is ReviewDecision.SUGGEST else [],
            reviewer=self.reviewer.strip(),
            source=ResponseSource.REVIEW_FILE,
        )
        self.withdraw(target_id, block_id)
        self.responses.append(response)
        self.modified = True
        return response

    def withdraw(self, target_id: str, block_id: str | None = None) -> None:
        """Remove the answer on a target (not saved until :meth:`save`)."""
        kept = [
            r for r in self.responses if not (r.target_id == target_id and r.block_id == block_id)
        ]
        self.modified = self.modified or len(kept) != len(self.responses)
        self.file.responses = kept

    def save(self, path: str | Path | None = None) -> Path:
        """Write the answers back into the file (atomically), sealed by a second digest."""
        data = dict(self.file.data)
        for r in self.responses:
            r.reviewer = r.reviewer or self.reviewer.strip()
        data["reviewer"] = self.reviewer.strip()
        data["saved_at"] = now_text()
        data["responses"] = [to_dict(r) for r in self.responses]
        data["responses_digest"] = responses_digest(
            data["digest"], data["reviewer"], data["saved_at"], data["responses"]
        )
        target = Path(path) if path is not None else self.file.path
        write_review_file(data, target)
        self.file.data = data
        self.file.path = target
        self.modified = False
        return target


def open_review_file(path: str | Path, reviewer: str = "") -> ReviewSession:
    """Open a review file in review mode (the chair's side)."""
    file = read_review_file(path)
    return ReviewSession(file, reviewer=reviewer or file.reviewer)
