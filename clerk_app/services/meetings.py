"""Meetings, attendance and agenda items."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from clerk_app.domain.model import (
    Action,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    Body,
    Item,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MeetingType,
    PersonKind,
    Role,
)
from clerk_app.domain.translation import translation_problems
from clerk_app.services.errors import MeetingLocked, ServiceError
from clerk_app.services.rules import (
    Problem,
    attendance_problems,
    facts_problems,
    header_problems,
    item_problems,
    public_count_problems,
    refuse,
)

if TYPE_CHECKING:
    from clerk_app.storage import MeetingSummary, Store


def item_kind_for(title: str, part: int = 1) -> ItemKind:
    """The kind of a standard item from its title (apologies, declarations, …); a Part 2
    item's kind is never guessed from its words (always GENERAL)."""
    from clerk_app.domain.presets import standard_item_kind

    return standard_item_kind(title, part)


def section_heading_title(title: str) -> tuple[bool, str]:
    """``# Consent agenda`` is a section heading between items: (True, "Consent agenda")."""
    text = title.strip()
    if text.startswith("#"):
        return True, text.lstrip("#").strip()
    return False, text


def parse_agenda_line(line: str) -> Item | None:
    """One agenda line → an item. ``Part 2: Title`` or ``[exempt 3] Title`` marks an exempt
    item (with its Schedule 12A paragraph); a leading ``5.`` or ``5)`` number is dropped."""
    import re

    text = line.strip()
    if not text:
        return None
    part, paragraph = 1, ""
    m = re.match(r"^\[\s*exempt\s*([\d,\s&and]*)\]\s*", text, re.IGNORECASE)
    if m:
        part, paragraph = 2, m.group(1).strip()
        text = text[m.end() :]
    m = re.match(r"^part\s*(2|ii|two)\s*[:\-–]\s*", text, re.IGNORECASE)
    if m:
        part = 2
        text = text[m.end() :]
    text = re.sub(r"^\d+[a-z]?\s*[.)]\s+", "", text).strip()
    heading, text = section_heading_title(text)
    if not text:
        return None
    if heading:
        return Item(title=text, kind=ItemKind.SECTION_HEADING)
    return Item(
        title=text,
        part=part,
        exempt_paragraph=paragraph,
        kind=item_kind_for(text, part),
        public_heading=text if part == 2 else "",
    )


def _default_public_heading(item: Item) -> None:
    """A Part 2 item without a public heading gets its title as one."""
    if item.exempt:
        from clerk_app.domain.presets import title_as_public_heading

        title_as_public_heading(item)


def _same_title(title: str) -> str:
    """A title as compared with another: case, punctuation and spacing set aside."""
    import re

    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def now_time() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)


class MeetingsMixin:
    store: Store

    # helpers shared by the mixins -----------------------------------------------------

    def _body_of(self, meeting: Meeting) -> Body:
        """The meeting's body, cached: previews and checks ask for it on every keystroke.
        Every service that changes a body refreshes the cache."""
        cache: dict[str, Body] = self.__dict__.setdefault("_body_cache", {})
        body = cache.get(meeting.body_id)
        if body is None:
            body = cache[meeting.body_id] = self.store.get_body(meeting.body_id)
        return body

    def _forget_body(self, body_id: str | None = None) -> None:
        cache: dict[str, Body] = self.__dict__.setdefault("_body_cache", {})
        if body_id is None:
            cache.clear()
        else:
            cache.pop(body_id, None)

    def _guard(self, meeting: Meeting, what: str = "these minutes") -> None:
        if meeting.locked:
            raise MeetingLocked(what)

    def _item(self, meeting: Meeting, item_id: str) -> Item:
        item = meeting.item(item_id)
        if item is None:
            raise ServiceError("That item is no longer on the agenda.")
        return item

    def _renumber(self, meeting: Meeting, new: Item | None = None) -> None:
        """Reassign item and minute numbers and save the items whose numbers changed (they
        keep their places), and ``new``, an item just added, in its place."""
        from clerk_app.domain.numbering import assign_minute_numbers

        before = {it.id: (it.number, it.minute_number) for it in meeting.items}
        body = self._body_of(meeting)
        assign_minute_numbers(meeting, body.settings.numbering)
        for index, it in enumerate(meeting.items):
            if it is new:
                self.store.save_item(meeting.id, it, index)
            elif before.get(it.id) != (it.number, it.minute_number):
                self.store.save_item(meeting.id, it)

    # meetings --------------------------------------------------------------------------

    def create_meeting(
        self,
        body_id: str,
        on: date,
        *,
        meeting_type: MeetingType = MeetingType.ORDINARY,
        venue: str = "",
        start_time: time | None = None,
        agenda: Iterable[str] = (),
        standard_items: bool = True,
        all_present: bool = True,
    ) -> Meeting:
        from clerk_app.domain.numbering import first_minute_for

        body = self.store.get_body(body_id)
        meeting = Meeting(
            body_id=body_id,
            date=on,
            meeting_type=meeting_type,
            venue=venue.strip(),
            start_time=start_time,
        )
        pasted = [i for i in map(parse_agenda_line, agenda) if i is not None]
        if standard_items:
            kinds = {i.kind for i in pasted if i.kind is not ItemKind.GENERAL}
            titles = {_same_title(i.title) for i in pasted}
            for title in body.settings.standard_items:
                kind = item_kind_for(title)
                if not title.strip() or kind in kinds or _same_title(title) in titles:
                    continue  # the pasted agenda has it already
                meeting.items.append(Item(title=title.strip(), kind=kind))
        meeting.items.extend(pasted)
        if all_present:
            for person in body.people:
                if (
                    person.kind is PersonKind.MEMBER
                    and person.active
                    and person.role is not Role.RESERVE
                ):
                    meeting.attendance.append(Attendance(person_id=person.id))
        previous = [
            (s.date, s.first_minute, s.item_count)
            for s in self.store.list_meetings(body_id)
            if s.date <= on
        ]
        meeting.first_minute = first_minute_for(body.settings.numbering, on, previous)
        from clerk_app.domain.numbering import assign_minute_numbers

        assign_minute_numbers(meeting, body.settings.numbering)
        self.store.save_meeting(meeting)
        return meeting

    def get_meeting(self, meeting_id: str) -> Meeting:
        return self.store.get_meeting(meeting_id)

    def has_recordings(self, meeting_id: str) -> bool:
        """Whether the meeting has a recording on record (the recordings' own service is
        needed only then)."""
        from clerk_app.storage import recordings

        return recordings.any_for_meeting(self.store, meeting_id)

    def list_meetings(self, body_id: str | None = None) -> list[MeetingSummary]:
        return self.store.list_meetings(body_id)

    def update_meeting(self, meeting: Meeting) -> Meeting:
        self._guard(meeting)
        refuse(header_problems(meeting) + facts_problems(meeting, self._body_of(meeting)))
        self.store.save_meeting_header(meeting)
        return meeting

    def start_meeting(self, meeting: Meeting, at: time | None = None) -> Meeting:
        self._guard(meeting)
        meeting.start_time = at or meeting.start_time or now_time()
        meeting.status = MeetingStatus.LIVE
        self.store.save_meeting_header(meeting)
        return meeting

    def end_meeting(self, meeting: Meeting, at: time | None = None) -> Meeting:
        self._guard(meeting)
        end = at or now_time()
        if meeting.start_time and end < meeting.start_time:
            raise ServiceError(
                "The meeting cannot end before it started "
                f"({meeting.start_time:%H:%M}); check the time.",
                field="end_time",
            )
        meeting.end_time = end
        meeting.status = MeetingStatus.DRAFT
        self.store.save_meeting_header(meeting)
        return meeting

    def renumber_meeting(self, meeting: Meeting) -> Meeting:
        """Number the meeting's items again with its body's numbering as it is now (after
        the numbering was changed in the body's settings)."""
        from clerk_app.domain.numbering import first_minute_for

        self._guard(meeting)
        self._forget_body(meeting.body_id)
        body = self._body_of(meeting)
        previous = [
            (s.date, s.first_minute, s.item_count)
            for s in self.store.list_meetings(meeting.body_id)
            if s.date <= meeting.date and s.id != meeting.id
        ]
        meeting.first_minute = first_minute_for(body.settings.numbering, meeting.date, previous)
        self.store.save_meeting_header(meeting)
        self._renumber(meeting)
        return meeting

    def delete_meeting(self, meeting_id: str) -> None:
        meeting = self.store.get_meeting(meeting_id)
        self._guard(meeting, "an approved meeting")
        self.store.delete_meeting(meeting_id)

    def open_actions(
        self, body_id: str, before: date, limit: int | None = None
    ) -> list[tuple[MeetingSummary, Item, Action]]:
        """Actions not done or cancelled from earlier meetings of the body, newest meeting
        first; only the first ``limit`` when it is given."""
        found = self.store.open_actions_before(body_id, before, limit)
        if not found:
            return []
        summaries = {s.id: s for s in self.store.list_meetings(body_id)}
        return [
            (summaries[meeting_id], item, block)
            for meeting_id, item, block in found
            if isinstance(block, Action)
            and block.status not in (ActionStatus.DONE, ActionStatus.CANCELLED)
        ]

    # attendance ------------------------------------------------------------------------

    def set_attendance(
        self,
        meeting: Meeting,
        person_id: str,
        status: AttendanceStatus,
        reason: str = "",
        substitute_for: str | None = None,
        note: str = "",
        translation: dict[str, str] | None = None,
    ) -> Attendance:
        """A person's attendance; ``translation`` (the reason and note in the second
        language) None keeps the one the record has."""
        self._guard(meeting)
        if status is not AttendanceStatus.SUBSTITUTE:
            substitute_for = None
        refuse(attendance_problems(person_id, status, substitute_for, self._body_of(meeting)))
        kept_translation = {k: v.strip() for k, v in (translation or {}).items() if v.strip()}
        trial = Attendance(person_id=person_id, translation=kept_translation)
        refuse([Problem(w, m) for w, m in translation_problems(trial)])
        record = meeting.attendance_of(person_id)
        if record is None:
            record = Attendance(person_id=person_id)
            meeting.attendance.append(record)
        record.status, record.reason = status, reason.strip()
        record.substitute_for, record.note = substitute_for, note.strip()
        if translation is not None:
            record.translation = kept_translation
        self.store.save_attendance(meeting.id, record)
        return record

    def remove_attendance(self, meeting: Meeting, person_id: str) -> Attendance | None:
        self._guard(meeting)
        record = meeting.attendance_of(person_id)
        if record is None:
            return None
        meeting.attendance.remove(record)
        self.store.delete_attendance(meeting.id, record.id)
        return record

    def set_public_count(self, meeting: Meeting, n: int | None) -> Meeting:
        refuse(public_count_problems(n))
        self._guard(meeting)
        meeting.public_count = n
        self.store.save_meeting_header(meeting)
        return meeting

    # items -----------------------------------------------------------------------------

    def add_item(
        self, meeting: Meeting, title: str, index: int | None = None, **fields: object
    ) -> Item:
        self._guard(meeting)
        heading, title = section_heading_title(title)
        item = Item(title=title, kind=ItemKind.SECTION_HEADING if heading else ItemKind.GENERAL)
        for key, value in fields.items():
            if not hasattr(item, key) or key in ("id", "blocks"):
                raise ServiceError(f"Items have no field {key!r}.")
            setattr(item, key, value)
        if "kind" not in fields and not heading:
            item.kind = item_kind_for(item.title, item.part)
        self._check_item(item)
        _default_public_heading(item)
        position = len(meeting.items) if index is None else max(0, min(index, len(meeting.items)))
        meeting.items.insert(position, item)
        with self.store.transaction():
            self._renumber(meeting, new=item)
        return item

    def _check_item(self, item: Item) -> None:
        refuse(item_problems(item))

    def update_item(self, meeting: Meeting, item: Item) -> Item:
        self._guard(meeting)
        self._check_item(item)
        index = next(i for i, it in enumerate(meeting.items) if it.id == item.id)
        before = meeting.items[index]
        if before is not item and before.part != 2 and item.exempt:
            from clerk_app.domain.presets import becoming_part_2

            if item.kind is before.kind:
                becoming_part_2(item, before.title)
            _default_public_heading(item)
        meeting.items[index] = item
        self.store.save_item(meeting.id, item)
        return item

    def delete_item(self, meeting: Meeting, item_id: str) -> tuple[Item, int]:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        index = meeting.items.index(item)
        meeting.items.remove(item)
        with self.store.transaction():
            self.store.delete_item(meeting.id, item_id)
            self._renumber(meeting)
        return item, index

    def restore_item(self, meeting: Meeting, item: Item, index: int) -> Item:
        """Put back a deleted item with all its blocks (undo of delete_item)."""
        self._guard(meeting)
        index = max(0, min(index, len(meeting.items)))
        meeting.items.insert(index, item)
        with self.store.transaction():
            self.store.save_item(meeting.id, item, index)
            for position, block in enumerate(item.blocks):
                self.store.save_block(meeting.id, item.id, block, position)
            self._renumber(meeting)
        return item

    def move_item(self, meeting: Meeting, item_id: str, index: int) -> None:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        meeting.items.remove(item)
        index = max(0, min(index, len(meeting.items)))
        meeting.items.insert(index, item)
        with self.store.transaction():
            self.store.set_item_order(meeting.id, [it.id for it in meeting.items])
            self._renumber(meeting)

    def set_item_status(self, meeting: Meeting, item_id: str, status: ItemStatus) -> Item:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        item.status = status
        self.store.save_item(meeting.id, item)
        return item
