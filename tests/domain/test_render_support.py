"""A fictional committee for the rendering tests (no tests in this module)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from clerk_app.domain.document import Para, Style
from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Block,
    Body,
    BodyKind,
    Item,
    Meeting,
    NamingStyle,
    Person,
    PersonKind,
    Role,
)
from clerk_app.domain.render import RenderContext, render_block


@dataclass
class Cast:
    chair: Person = field(
        default_factory=lambda: Person("Adaeze", "Okafor", "Mrs", role=Role.CHAIR, id="chair")
    )
    vice: Person = field(
        default_factory=lambda: Person("Gareth", "Pryce", "Mr", role=Role.VICE_CHAIR, id="vice")
    )
    hill: Person = field(default_factory=lambda: Person("Maureen", "Hill", "Mrs", id="hill"))
    moss: Person = field(default_factory=lambda: Person("Ian", "Moss", "Dr", id="moss"))
    lowe: Person = field(default_factory=lambda: Person("Priya", "Lowe", "Ms", id="lowe"))
    quinn: Person = field(
        default_factory=lambda: Person("Oliver", "Quinn", "Mr", role=Role.RESERVE, id="quinn")
    )
    reyes: Person = field(
        default_factory=lambda: Person(
            "Tom", "Reyes", kind=PersonKind.OFFICER, post="Head of Legal Services", id="reyes"
        )
    )
    abbott: Person = field(
        default_factory=lambda: Person(
            "Kim", "Abbott", "Mrs", kind=PersonKind.OTHER, post="Ward Councillor", id="abbott"
        )
    )

    def all(self) -> list[Person]:
        return [
            self.chair,
            self.vice,
            self.hill,
            self.moss,
            self.lowe,
            self.quinn,
            self.reyes,
            self.abbott,
        ]


def make_body(
    naming: NamingStyle = NamingStyle.COUNCILLOR_SURNAME, kind: BodyKind = BodyKind.COMMITTEE
) -> tuple[Body, Cast]:
    cast = Cast()
    body = Body(
        name="Environment and Housing Committee",
        kind=kind,
        authority="Harrowfield Borough Council",
        people=cast.all(),
        id="body",
    )
    body.settings.naming = naming
    return body, cast


def make_meeting(body: Body, *items: Item) -> Meeting:
    meeting = Meeting(
        body_id=body.id,
        date=date(2025, 2, 4),
        venue="the Council Chamber, Harrowfield Town Hall",
        start_time=time(19, 0),
        id="meeting",
    )
    meeting.attendance = [Attendance(p.id, AttendanceStatus.PRESENT) for p in body.members]
    meeting.items = list(items)
    return meeting


def item_with(*blocks: Block, minute: str = "53", **kw: object) -> Item:
    return Item(title="Street lighting review", number="5", minute_number=minute,
                blocks=list(blocks), **kw)  # type: ignore[arg-type]  # fmt: skip


def rendered(block: Block, body: Body, item: Item | None = None) -> list:
    """Render one block inside its item (the item is made if not given)."""
    item = item or item_with(block)
    if block not in item.blocks:
        item.blocks.append(block)
    meeting = make_meeting(body, item)
    return render_block(block, RenderContext.for_item(meeting, body, item))


def texts(elements: list) -> list[str]:
    return [e.text for e in elements if isinstance(e, Para)]


def styles(elements: list) -> list[Style]:
    return [e.style for e in elements if isinstance(e, Para)]
