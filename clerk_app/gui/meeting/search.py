"""Find in the open meeting, in agenda order.

Only the open meeting is searched, and from the record the window holds: every word of
the query (without accents, in any case) must be in the item's title and purpose or in
one block's text. Nothing is asked of the database, so a find costs the same in a library
of ten years as in one of ten meetings, never waits for the disk and always sees what was
typed a moment ago. The library-wide search is File → Search (the store's index).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from clerk_app.domain.naming import fold
from clerk_app.gui.meeting.session import MeetingSession

Hit = tuple[str, str]  # item id, block id ("" for the item's heading)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f for f in dataclasses.fields(value) if not f.name.endswith("id")]
        return [s for f in fields for s in _strings(getattr(value, f.name))]
    return []


class MeetingFinder:
    def __init__(self, session: MeetingSession) -> None:
        self.session = session
        self._query = ""
        self._hits: list[Hit] = []
        self._pos = -1

    def hits(self, query: str) -> list[Hit]:
        """Where every word of ``query`` is found in the open meeting, in agenda order."""
        words = fold(query).split()
        if not words:
            return []
        found: list[Hit] = []
        for item in self.session.meeting.items:
            if all(w in fold(f"{item.title} {item.purpose}") for w in words):
                found.append((item.id, ""))
            for block in item.blocks:
                text = fold(" ".join(_strings(block)))
                if all(w in text for w in words):
                    found.append((item.id, block.id))
        return found

    def next(self, query: str) -> tuple[str, str, int, int] | None:
        """The next hit after the last one shown: (item id, block id, number, total)."""
        if not query.strip():
            return None
        if query != self._query:
            self._query = query
            self._hits = self.hits(query)
            self._pos = -1
        if not self._hits:
            return None
        self._pos = (self._pos + 1) % len(self._hits)
        item_id, block_id = self._hits[self._pos]
        return item_id, block_id, self._pos + 1, len(self._hits)
