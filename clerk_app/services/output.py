"""Checks, rendering, export and search: reading the record, never changing it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.document import Document, Element, Para, Version
from clerk_app.domain.model import Block, Body, Item, Meeting
from clerk_app.services.bodies import template_file
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from clerk_app.domain.checks import Issue
    from clerk_app.storage import SearchHit, Store


class OutputMixin:
    store: Store

    if TYPE_CHECKING:

        def _body_of(self, meeting: Meeting) -> Body: ...

    def check(self, meeting: Meeting) -> list[Issue]:
        from clerk_app.domain.checks import check_meeting

        return check_meeting(meeting, self._body_of(meeting))

    def check_block(self, meeting: Meeting, item_id: str, block: Block) -> list[Issue]:
        from clerk_app.domain.checks import check_block

        return check_block(meeting, self._body_of(meeting), item_id, block)

    def render_block(self, meeting: Meeting, item_id: str, block: Block) -> list[Element]:
        from clerk_app.domain import render

        body = self._body_of(meeting)
        item = meeting.item(item_id)
        if item is None:
            raise ServiceError("That item is no longer on the agenda.")
        ctx = render.RenderContext.for_item(meeting, body, item)
        return render.render_block(block, ctx)

    def render(
        self, meeting: Meeting, version: Version = Version.FULL, item_id: str | None = None
    ) -> Document:
        from clerk_app.domain.render import render_minutes

        if version is Version.ITEM and item_id is None:
            raise ServiceError("Choose the item to export.")
        return render_minutes(meeting, self._body_of(meeting), version, item_id)

    def auto_wording(self, meeting: Meeting, item_id: str) -> list[str]:
        """What the minutes write under the item by themselves (apologies, a nil
        return, the next meeting), while nothing is minuted under it."""
        from clerk_app.domain.render_items import auto_wording

        item = meeting.item(item_id)
        if item is None:
            raise ServiceError("That item is no longer in the meeting.")
        return auto_wording(meeting, self._body_of(meeting), item)

    def public_item_lines(self, meeting: Meeting, item: Item) -> list[str]:
        """What the public minutes print for a Part 2 ``item`` (a copy with what the
        clerk is typing), line by line, the heading with its minute number."""
        from clerk_app.domain.render import RenderContext
        from clerk_app.domain.render_public import public_item

        ctx = RenderContext.for_item(meeting, self._body_of(meeting), item)
        return [
            f"{el.label} {el.text}".strip() if isinstance(el, Para) else ""
            for el in public_item(item, ctx)
        ]

    def template_for(self, body: Body) -> Path | None:
        """The body's own house-style template, or None for Clerk's default."""
        if body.settings.template_path:
            path = template_file(body.settings.template_path)
            if not path.is_file():
                raise ServiceError(
                    f"The house-style template {path} cannot be found.",
                    advice="Choose the template again in the body's settings, or clear it "
                    "to use Clerk's default style.",
                )
            return path
        return None

    def export(
        self,
        meeting: Meeting | str,
        path: str | os.PathLike[str],
        version: Version = Version.FULL,
        item_id: str | None = None,
        fmt: str = "docx",
    ) -> Path:
        if isinstance(meeting, str):
            meeting = self.store.get_meeting(meeting)
        target = Path(path)
        body = self._body_of(meeting)
        if fmt == "json":
            from clerk_app.services.interchange import write_meeting_json

            return write_meeting_json(meeting, body, target)
        if fmt != "docx":
            raise ServiceError(f"Clerk exports .docx or .json, not {fmt!r}.")
        from clerk_app.domain.bilingual import render_bilingual
        from clerk_app.export import export_docx

        if version is Version.ITEM and item_id is None:
            raise ServiceError("Choose the item to export.")
        # the preview shows the first language; the Word file has both where the style says
        document = render_bilingual(meeting, body, version, item_id)
        return export_docx(document, target, template=self.template_for(body))

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        if not query.strip():
            return []
        return self.store.search(query, limit)
