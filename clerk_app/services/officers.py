"""Officers' drafts, the provisional decision sheet and the action log."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.dates import body_date
from clerk_app.domain.document import Document, Para, Run, Style, Version
from clerk_app.domain.model import Action, Body, Item, Meeting
from clerk_app.domain.naming import display_name
from clerk_app.services.errors import ServiceError
from clerk_app.services.files import safe_filename

if TYPE_CHECKING:
    from clerk_app.export import ActionLogVersion, ActionRow
    from clerk_app.storage import Store

ACCURACY_NOTE = "DRAFT minute for accuracy check – not for publication or circulation."
DECISIONS_NOTE = (
    "Provisional decision sheet: these decisions are subject to the approval of the minutes "
    "of the meeting as a correct record."
)


def draft_file_stem(item: Item) -> str:
    """The name of an item's draft file: "<minute> <title>"; a Part 2 item is named by
    its public heading, so a folder listing shows nothing of the exempt text."""
    words = item.title
    if item.exempt:
        words = item.public_heading.strip() or "Part 2 item"
    return safe_filename(f"{item.minute_number or item.number} {words}")


def _has(document: Document, words: str) -> bool:
    return words.lower() in document.text.lower()


def _insert_status(document: Document, text: str) -> None:
    """Add a status line after the title lines (before the first other paragraph)."""
    position = 0
    for position, el in enumerate(document.elements):  # noqa: B007
        if not (isinstance(el, Para) and el.style in (Style.TITLE, Style.SUBTITLE)):
            break
    else:
        position = len(document.elements)
    document.elements.insert(position, Para(Style.STATUS, [Run(text, bold=True)]))


class OfficersMixin:
    store: Store

    if TYPE_CHECKING:

        def _body_of(self, meeting: Meeting) -> Body: ...
        def render(
            self, meeting: Meeting, version: Version = ..., item_id: str | None = None
        ) -> Document: ...
        def template_for(self, body: Body) -> Path | None: ...

    def _write(self, meeting: Meeting, document: Document, path: str | os.PathLike[str]) -> Path:
        from clerk_app.export import export_docx

        return export_docx(document, Path(path), template=self.template_for(self._body_of(meeting)))

    def item_draft_document(self, meeting: Meeting, item_id: str) -> Document:
        """One item's draft minute, marked DRAFT and for accuracy check."""
        if meeting.item(item_id) is None:
            raise ServiceError("That item is no longer on the agenda.")
        document = self.render(meeting, Version.ITEM, item_id)
        if not meeting.locked:
            document.watermark = document.watermark or "DRAFT"
            if not _has(document, "accuracy check"):
                _insert_status(document, ACCURACY_NOTE)
        return document

    def export_item_draft(
        self, meeting: Meeting, item_id: str, path: str | os.PathLike[str]
    ) -> Path:
        return self._write(meeting, self.item_draft_document(meeting, item_id), path)

    def export_officer_drafts(self, meeting: Meeting, folder: str | os.PathLike[str]) -> list[Path]:
        """One draft per item that has a report author, named "<minute> <title>.docx"."""
        target = Path(folder)
        if not target.is_dir():
            if target.exists() or not target.parent.is_dir():
                raise ServiceError(
                    f"The folder {target} does not exist.", advice="Choose a folder."
                )
            try:
                target.mkdir()
            except OSError as exc:
                raise ServiceError(
                    f"Clerk cannot create the folder {target}: {exc.strerror}.",
                    advice="Choose a folder you can write to.",
                ) from exc
        written: list[Path] = []
        used: set[str] = set()
        for item in meeting.items:
            if not item.report_author.strip():
                continue
            stem = draft_file_stem(item)
            name, n = stem, 2
            while name.lower() in used:
                name, n = f"{stem} ({n})", n + 1
            used.add(name.lower())
            written.append(self.export_item_draft(meeting, item.id, target / f"{name}.docx"))
        return written

    def decision_sheet_document(self, meeting: Meeting) -> Document:
        document = self.render(meeting, Version.DECISIONS)
        if not _has(document, "subject to the approval"):
            _insert_status(document, DECISIONS_NOTE)
        return document

    def export_decision_sheet(self, meeting: Meeting, path: str | os.PathLike[str]) -> Path:
        """Resolutions only, per item, headed as subject to the approval of the minutes."""
        return self._write(meeting, self.decision_sheet_document(meeting), path)

    def action_rows(self, body: Body) -> list[ActionRow]:
        """Every action of the body's meetings, oldest meeting first; a Part 2 item's
        actions are marked ``exempt`` (the public action log leaves them out)."""
        from clerk_app.export import ActionRow

        style = body.settings.style
        held = {
            s.id: body_date(s.date, style, weekday=False) for s in self.store.list_meetings(body.id)
        }
        out: list[ActionRow] = []
        for meeting_id, item, block in self.store.actions_before(body.id, newest_first=False):
            if not isinstance(block, Action):
                continue
            person = body.person(block.owner_id)
            ref, when = item.minute_number or item.number, held[meeting_id]
            out.append(
                ActionRow(
                    minute_ref=f"{ref} ({when})" if ref else when,
                    action=block.text,
                    who=block.owner or (display_name(person, body.settings) if person else ""),
                    by_when=block.due,
                    status=block.status,
                    exempt=item.exempt,
                )
            )
        return out

    def export_action_log(
        self,
        body_id: str,
        path: str | os.PathLike[str],
        version: ActionLogVersion | str = "public",
    ) -> Path:
        """The action log of a body (minute reference, action, who, by when, status).
        The public version (the default) leaves out the actions of Part 2 items; the
        confidential one lists them marked "Part 2 – exempt"."""
        from clerk_app.export import ActionLogVersion, export_action_log

        try:
            chosen = ActionLogVersion(version)
        except ValueError:
            raise ServiceError(
                f"There is no {version!r} action log.",
                advice="Choose the public or the confidential action log.",
            ) from None
        from clerk_app.domain.bilingual import body_phrases

        body = self.store.get_body(body_id)
        rows = self.action_rows(body)
        phrases = body_phrases(body)
        key = "action_log.title"
        if chosen is ActionLogVersion.CONFIDENTIAL:
            key = "action_log.title_confidential"
        title = phrases.format(key, body=body.name)
        style = body.settings.style
        return export_action_log(
            rows,
            Path(path),
            title,
            template=self.template_for(body),
            version=chosen,
            phrases=phrases,
            date_text=lambda d: body_date(d, style, weekday=False),
        )
