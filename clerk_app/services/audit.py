"""The audit trail: every change to minutes once circulated, and the lock on approved ones.

:class:`AuditMixin` wraps the store the services write through in an
:class:`AuditingStore`. Before each write it looks at the meeting as saved: an approved
meeting is refused (unless a recorded correction is under way), and a meeting whose draft
has been circulated gets an audit entry saying what changed, from what, to what, and from
which review. No use-case has to remember to audit: every path through the store is covered.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import Attendance, Block, Item, Meeting
from clerk_app.services.errors import MeetingLocked, ServiceError
from clerk_app.storage import reviews as repo
from clerk_app.storage import rows
from clerk_app.storage.errors import StoreError

if TYPE_CHECKING:
    from clerk_app.storage import AuditEntry, Store


class AuditState:
    """What the services are doing now: the review a change comes from, and whether an
    approved meeting may be written (a recorded correction)."""

    def __init__(self) -> None:
        self.source = ""
        self.force = False  # audit even before circulation (accepted suggestions)
        self.correcting: set[str] = set()  # meeting ids under a recorded correction


def _fields_text(values: dict[str, Any], names: list[str]) -> str:
    return "\n".join(f"{n.replace('_', ' ')}: {values.get(n) or ''}" for n in names)


def _names(columns: list[str]) -> str:
    return ", ".join(c.replace("_", " ") for c in columns)


def describe_block(block: Block) -> str:
    """The block in a line of the audit log (the review's wording of it, loaded when the
    first change to approved minutes is logged)."""
    from clerk_app.domain.review import describe_block as described

    return described(block)


def _minute(store: Store, item_id: str) -> str:
    fields = repo.stored_item_fields(store, item_id)
    if not fields:
        return "An item"
    number = fields.get("minute_number") or fields.get("number") or ""
    return f"Minute {number}".strip() if number else f"Item “{fields.get('title', '')}”"


class AuditingStore:
    """The store, with approved meetings locked and circulated ones audited."""

    def __init__(self, raw: Store, state: AuditState) -> None:
        self._raw = raw
        self._state = state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)

    @property
    def raw(self) -> Store:
        return self._raw

    # ----------------------------------------------------------------- the gate

    def _check(self, meeting_id: str) -> bool:
        """Refuse a write to approved minutes; True when the write must be audited.

        If the stored state cannot be read (the disk has gone), the services' own check
        of the meeting in memory has already refused approved minutes: the write goes on,
        so that it fails as a write and is kept to be saved again."""
        try:
            state = repo.meeting_state(self._raw, meeting_id)
        except StoreError:
            return False
        if state is None:
            return False
        if state.status.value == "approved" and meeting_id not in self._state.correcting:
            raise MeetingLocked()
        return state.audited or self._state.force

    def _add(self, meeting_id: str, what: str, before: str, after: str) -> None:
        self._raw.add_audit(meeting_id, what, before, after, self._state.source)

    # ----------------------------------------------------------------- meetings

    def save_meeting(self, meeting: Meeting) -> None:
        audited = self._check(meeting.id)
        before = self._raw.revision(meeting.id) if audited else 0
        with self._raw.transaction():
            self._raw.save_meeting(meeting)
            if audited:
                self._add(
                    meeting.id,
                    "The whole meeting was saved again (import or restore)",
                    f"revision {before}",
                    f"revision {meeting.revision}",
                )

    def save_meeting_header(self, meeting: Meeting) -> None:
        audited = self._check(meeting.id)
        before = repo.stored_header(self._raw, meeting.id) if audited else None
        with self._raw.transaction():
            self._raw.save_meeting_header(meeting)
            if before is not None:
                after = repo.stored_header(self._raw, meeting.id) or {}
                changed = [k for k in rows.MEETING_COLUMNS if before.get(k) != after.get(k)]
                if changed:
                    self._add(
                        meeting.id,
                        "Meeting details changed: "
                        + ", ".join(c.replace("_", " ") for c in changed),
                        _fields_text(before, changed),
                        _fields_text(after, changed),
                    )

    def delete_meeting(self, meeting_id: str) -> None:
        self._check(meeting_id)
        self._raw.delete_meeting(meeting_id)

    # ----------------------------------------------------------------- attendance

    def _person(self, meeting_id: str, person_id: str) -> str:
        header = repo.stored_header(self._raw, meeting_id) or {}
        try:
            body = self._raw.get_body(header.get("body_id", ""))
        except Exception:  # the name is only a courtesy in the trail
            return person_id
        p = body.person(person_id)
        return f"{p.first_name} {p.last_name}".strip() if p else person_id

    def save_attendance(self, meeting_id: str, attendance: Attendance) -> None:
        audited = self._check(meeting_id)
        before = repo.stored_attendance(self._raw, attendance.id) if audited else None
        with self._raw.transaction():
            self._raw.save_attendance(meeting_id, attendance)
            if audited:
                after = repo.stored_attendance(self._raw, attendance.id) or {}
                if before != after:
                    names = list(rows.ATTENDANCE_COLUMNS)[1:]
                    self._add(
                        meeting_id,
                        f"Attendance of {self._person(meeting_id, attendance.person_id)} changed",
                        _fields_text(before, names) if before else "(not listed)",
                        _fields_text(after, names),
                    )

    def delete_attendance(self, meeting_id: str, attendance_id: str) -> None:
        audited = self._check(meeting_id)
        before = repo.stored_attendance(self._raw, attendance_id) if audited else None
        with self._raw.transaction():
            self._raw.delete_attendance(meeting_id, attendance_id)
            if before is not None:
                name = self._person(meeting_id, str(before.get("person_id", "")))
                self._add(
                    meeting_id, f"{name} removed from the attendance", str(before["status"]), ""
                )

    # ----------------------------------------------------------------- items

    def save_item(self, meeting_id: str, item: Item, index: int | None = None) -> None:
        audited = self._check(meeting_id)
        before = repo.stored_item_fields(self._raw, item.id) if audited else None
        with self._raw.transaction():
            self._raw.save_item(meeting_id, item, index)
            if not audited:
                return
            after = repo.stored_item_fields(self._raw, item.id) or {}
            if before is None:
                self._add(meeting_id, f"{_minute(self._raw, item.id)} added", "", item.title)
                return
            changed = [k for k in rows.ITEM_COLUMNS if before.get(k) != after.get(k)]
            if changed:
                self._add(
                    meeting_id,
                    f"{_minute(self._raw, item.id)}: "
                    + ", ".join(c.replace("_", " ") for c in changed)
                    + " changed",
                    _fields_text(before, changed),
                    _fields_text(after, changed),
                )

    def delete_item(self, meeting_id: str, item_id: str) -> None:
        audited = self._check(meeting_id)
        before = repo.stored_item_fields(self._raw, item_id) if audited else None
        what = _minute(self._raw, item_id) if audited else ""
        with self._raw.transaction():
            self._raw.delete_item(meeting_id, item_id)
            if before is not None:
                self._add(meeting_id, f"{what} removed", str(before.get("title", "")), "")

    def set_item_order(self, meeting_id: str, item_ids: list[str]) -> None:
        audited = self._check(meeting_id)
        with self._raw.transaction():
            self._raw.set_item_order(meeting_id, item_ids)
            if audited:
                self._add(meeting_id, "The order of the items changed", "", "")

    # ----------------------------------------------------------------- blocks

    def save_block(
        self, meeting_id: str, item_id: str, block: Block, index: int | None = None
    ) -> None:
        if not self._check(meeting_id):  # the typing path: straight to the store
            self._raw.save_block(meeting_id, item_id, block, index)
            return
        before = repo.stored_block(self._raw, block.id)
        with self._raw.transaction():
            self._raw.save_block(meeting_id, item_id, block, index)
            where = _minute(self._raw, item_id)
            if before is None:
                self._add(meeting_id, f"{where}: {block.KIND} added", "", describe_block(block))
            elif before[1] != block:
                self._add(
                    meeting_id,
                    f"{where}: {block.KIND} changed",
                    describe_block(before[1]),
                    describe_block(block),
                )
            elif before[0] != item_id or index is not None:
                self._add(meeting_id, f"{where}: {block.KIND} moved", "", describe_block(block))

    def delete_block(self, meeting_id: str, block_id: str) -> None:
        audited = self._check(meeting_id)
        before = repo.stored_block(self._raw, block_id) if audited else None
        with self._raw.transaction():
            where = _minute(self._raw, before[0]) if before else ""
            self._raw.delete_block(meeting_id, block_id)
            if before is not None:
                self._add(
                    meeting_id, f"{where}: {before[1].KIND} removed", describe_block(before[1]), ""
                )

    def set_block_order(self, meeting_id: str, item_id: str, block_ids: list[str]) -> None:
        audited = self._check(meeting_id)
        with self._raw.transaction():
            self._raw.set_block_order(meeting_id, item_id, block_ids)
            if audited:
                self._add(meeting_id, f"{_minute(self._raw, item_id)}: order changed", "", "")


class AuditMixin:
    """Adds the audit trail and the approval lock to :class:`Services`.

    Services' ``__init__`` assigns ``self.store``; this property wraps that store, so every
    write made by any use-case passes through :class:`AuditingStore`.
    """

    _audit_state: AuditState
    _audited_store: AuditingStore

    @property
    def store(self) -> Store:
        return cast("Store", self._audited_store)

    @store.setter
    def store(self, raw: Store) -> None:
        if isinstance(raw, AuditingStore):
            raw = raw.raw
        self._audit_state = AuditState()
        self._audited_store = AuditingStore(raw, self._audit_state)

    @property
    def raw_store(self) -> Store:
        return self._audited_store.raw

    @contextlib.contextmanager
    def audit_source(self, source: str, *, force: bool = False) -> Iterator[None]:
        """Changes made inside are recorded as coming from ``source`` (e.g. a review)."""
        state = self._audit_state
        saved = (state.source, state.force)
        state.source, state.force = source, force or state.force
        try:
            yield
        finally:
            state.source, state.force = saved

    @contextlib.contextmanager
    def _correcting(self, meeting_id: str) -> Iterator[None]:
        self._audit_state.correcting.add(meeting_id)
        try:
            yield
        finally:
            self._audit_state.correcting.discard(meeting_id)

    def _audit(
        self, meeting: Meeting, what: str, before: str, after: str, source: str = ""
    ) -> bool:
        """Record an event in the trail if the meeting is audited (circulated or approved,
        or inside ``audit_source(force=True)``). True when recorded."""
        state = repo.meeting_state(self.raw_store, meeting.id)
        if state is None or not (state.audited or self._audit_state.force):
            return False
        self.raw_store.add_audit(
            meeting.id, what, before, after, source or self._audit_state.source
        )
        return True

    def audit(self, meeting_id: str) -> list[AuditEntry]:
        """The meeting's audit trail, oldest first."""
        return self.raw_store.audit(meeting_id)

    def mark_circulated(self, meeting: Meeting, on: date | None = None) -> Meeting:
        """Record that the draft was circulated; from then on every change is audited.
        The first date is kept when it is circulated again."""
        if meeting.locked:
            raise MeetingLocked("the circulation date")
        if meeting.circulated_on is not None:
            return meeting
        day = on or date.today()
        if day < meeting.date:
            raise ServiceError(
                "The draft cannot be circulated before the meeting took place.",
                field="circulated_on",
            )
        meeting.circulated_on = day
        self.store.save_meeting_header(meeting)
        self._audit(meeting, "Draft minutes circulated", "", format_date(day, weekday=False))
        return meeting
