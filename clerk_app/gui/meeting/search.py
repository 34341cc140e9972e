"""Find in the open meeting: full-text search through the services, in agenda order.

The services' search covers every meeting; the hits for this meeting are put in the
order of the minutes. Text the index does not hold yet (typed in the last moments) is
found by a plain scan of the record, so a find never misses what is on the screen.
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
        meeting = self.session.meeting
        found: set[Hit] = set()
        try:
            for h in self.session.svc.search(query):
                if h.meeting_id == meeting.id:
                    found.add((h.item_id, h.block_id or ""))
        except Exception:
            pass  # the scan below still finds it
        words = fold(query).split()
        for item in meeting.items:
            if words and all(w in fold(f"{item.title} {item.purpose}") for w in words):
                found.add((item.id, ""))
            for block in item.blocks:
                text = fold(" ".join(_strings(block)))
                if words and all(w in text for w in words):
                    found.add((item.id, block.id))
        order: dict[Hit, int] = {}
        n = 0
        for item in meeting.items:
            order[(item.id, "")] = n
            n += 1
            for block in item.blocks:
                order[(item.id, block.id)] = n
                n += 1
        return sorted((h for h in found if h in order), key=order.__getitem__)

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
