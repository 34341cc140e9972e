"""Demo meetings in each of Clerk's own styles: the same invented business written as
a US city council, an Ontario township, an Irish county council … would minute it.

Every body, place and person here is invented.
"""

from __future__ import annotations

from datetime import date, time

from clerk_app.domain.model import (
    Action,
    AttendanceStatus,
    BodyKind,
    ChangeKind,
    Declaration,
    InterestConduct,
    Meeting,
    Outcome,
    Person,
    PersonKind,
    Points,
    Role,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.services.demo_business import BOARDS
from clerk_app.services.demo_common import Business, carried, clock
from clerk_app.services.demo_councils import COUNCILS
from clerk_app.services.demo_standard import arrange_items, minute_standard_items, worded
from clerk_app.services.demo_welsh import INTEREST, LLANHELYG, type_in_welsh
from clerk_app.services.service import Services

# (style id, body name, authority, venue)
DEMO_BODIES: dict[str, tuple[str, str, str]] = {
    "us-city-council": ("City Council", "City of Marlow Springs", "Council Chambers, City Hall"),
    "us-nonprofit-board": ("Riverside Literacy Project", "", "the Eastgate Library annex"),
    "ontario-council": (
        "Council",
        "The Corporation of the Township of Pellham Ridge",
        "Council Chambers",
    ),
    "irish-local-authority": (
        "Carrowmore County Council",
        "",
        "the Council Chamber, Áras an Chontae",
    ),
    "scottish-council-committee": (
        "Communities Committee",
        "Glenlorne Council",
        "the Council Chamber",
    ),
    "community-council": ("Inverbrae Community Council", "", "Inverbrae Village Hall"),
    "anz-council": ("Kestrel Bay Shire Council", "", "the Council Chambers"),
    "company-board": ("Tarnwick Water Services Limited", "", "the registered office"),
    "welsh-community-council": ("Cyngor Cymuned Llanhelyg", "", "Neuadd Bentref Llanhelyg"),
    # the same styles with their labels in a second language
    "anz-council-te-reo": ("Awatea District Council", "", "the Council Chambers"),
    "irish-local-authority-gaeilge": (
        "Carrowmore County Council",
        "",
        "the Council Chamber, Áras an Chontae",
    ),
    "community-council-gaidhlig": ("Inverbrae Community Council", "", "Inverbrae Village Hall"),
    "school-governing-board": ("Full Governing Board", "Thornbury Lane Primary School", "the hall"),
    "nhs-board": (
        "Board of Directors",
        "Harwick Community NHS Trust",
        "the Boardroom, Harwick Community Hospital",
    ),
}

AGENDA = ["Library opening hours", "Footbridge repairs", "Street tree planting"]
# a bilingual council's own business (typed in its first language: see demo_welsh), and
# the body's name in its second language
OWN_BUSINESS = {"welsh-community-council": LLANHELYG}
SECOND_NAMES = {"welsh-community-council": "Llanhelyg Community Council"}
# a body whose labels alone are in two languages, printed with its name in the second
LABEL_NAMES = {"anz-council-te-reo": "Te Kaunihera ā-Rohe o Awatea"}
# a board's directors and secretary by post (surname -> post), for its attendance table
BOARD_POSTS = {
    "company-board": {
        "Whitfield": "Independent Non-executive Director",
        "Okoro": "Non-executive Director",
        "Lind": "Finance Director",
        "Reyes": "Company Secretary",
    },
    # an NHS trust's board: non-executive directors and the executive directors by post
    "nhs-board": {
        "Whitfield": "Chair",
        "Okoro": "Non-Executive Director",
        "Lind": "Director of Finance",
        "Brandt": "Chief Executive",
        "Ó Briain": "Medical Director",
        "Oyelaran": "Director of Nursing",
        "Adair": "Non-Executive Director",
        "Nakamura": "Non-Executive Director",
        "Vance": "Non-Executive Director",
        "Reyes": "Trust Secretary",
    },
}

# how long after the start the meeting ends, and a member leaves after the last vote
END, LEFT = 156, 125

# the members who vote on the second decision: all present, Nakamura against
VOTERS = ("Whitfield", "Okoro", "Lind", "Ó Briain", "Brandt", "Nakamura", "Adair", "Oyelaran")


def business_of(style_id: str) -> Business:
    """The business the demo of ``style_id`` takes: its own kind of body's, or (a city
    council) a library, a footbridge and street trees."""
    own = BOARDS.get(style_id) or COUNCILS.get(style_id) or OWN_BUSINESS.get(style_id)
    if own:
        return own
    hours, bridge, trees = AGENDA
    return Business(
        agenda=(hours, bridge, trees),
        first=(hours, worded(style_id, "the library open until 8 pm on Thursdays from 1 May 2026")),
        second=(
            bridge,
            worded(style_id, "the footbridge repairs be awarded to the lowest compliant tender"),
        ),
        discussion=worded(style_id, "Members discussed the tenders received."),
        points=(
            worded(style_id, "the lowest tender came in under the budget"),
            worded(style_id, "works would take six weeks"),
        ),
        third=(trees, worded(style_id, "forty street trees be planted on Canal Row this autumn")),
        action="Order the trees from the nursery",
    )


# the officer's post where she is not the body's clerk
OFFICER_POSTS = {"us-nonprofit-board": "Executive Director"}

# members in roll order: (first name, surname, role); the accents are deliberate
MEMBERS = [
    ("Dana", "Whitfield", Role.CHAIR),
    ("Jonah", "Okoro", Role.VICE_CHAIR),
    ("Mara", "Lind", Role.MEMBER),
    ("Pádraig", "Ó Briain", Role.MEMBER),
    ("Tomas", "Brandt", Role.MEMBER),
    ("Elise", "Nakamura", Role.MEMBER),
    ("Ruth", "Oyelaran", Role.MEMBER),
    ("Colm", "Adair", Role.MEMBER),
    ("Greta", "Vance", Role.MEMBER),
]


def create_style_demo(svc: Services, style_id: str) -> Meeting:
    """A body in the style ``style_id`` and a finished meeting of it."""
    name, authority, venue = DEMO_BODIES[style_id]
    from clerk_app.domain.presets import shipped_style

    kind = BodyKind(shipped_style(style_id)["kind"])
    body = svc.create_body(name, kind, authority, style=style_id)
    for first, last, role in MEMBERS:
        body.people.append(Person(first, last, role=role))
    post = OFFICER_POSTS.get(style_id, "Clerk")
    body.people.append(Person("Alma", "Reyes", kind=PersonKind.OFFICER, post=post))
    second_name = SECOND_NAMES.get(style_id) or LABEL_NAMES.get(style_id)
    if second_name:
        body.settings.style.second_settings["name"] = second_name
    body = svc.save_body(body)
    ids = {p.last_name: p.id for p in body.people}
    meeting = svc.create_meeting(
        body.id,
        date(2026, 3, 24),
        venue=venue,
        start_time=clock(style_id),
        agenda=list(business_of(style_id).agenda),
    )
    for last in ("Whitfield", "Okoro", "Lind", "Ó Briain", "Brandt", "Nakamura", "Adair"):
        svc.set_attendance(meeting, ids[last], AttendanceStatus.PRESENT)
    svc.set_attendance(meeting, ids["Oyelaran"], AttendanceStatus.REMOTE)
    # a US city council's minutes excuse an absent member without giving the reason
    reason = "" if style_id == "us-city-council" else "illness"
    svc.set_attendance(meeting, ids["Vance"], AttendanceStatus.APOLOGIES, reason=reason)
    svc.set_attendance(meeting, ids["Reyes"], AttendanceStatus.OFFICER)
    svc.start_meeting(meeting, clock(style_id))
    business = business_of(style_id)
    items = {it.title: it.id for it in meeting.items}
    arrange_items(svc, meeting, style_id)
    if style_id not in SECOND_NAMES:  # (a bilingual body's are in demo_welsh)
        minute_standard_items(svc, meeting, ids, style_id)
    if business.extra:
        business.extra(svc, meeting, ids, items)

    title, clause = business.first
    carried(
        svc,
        meeting,
        items[title],
        [clause],
        mover=ids["Okoro"],
        seconder=ids["Lind"],
        vote=Vote(VoteKind.COUNTS, 5, 1, 2),
    )

    title, clause = business.second
    second_id = items[title]
    svc.add_block(
        meeting,
        second_id,
        Points(intro=business.discussion, points=list(business.points)),
    )
    second = svc.move_motion(
        meeting, second_id, mover_id=ids["Brandt"], seconder_id=ids["Ó Briain"], clauses=[clause]
    )
    named = {
        ids[last]: VoteChoice.AGAINST if last == "Nakamura" else VoteChoice.FOR
        for last in VOTERS
        if last != business.conflicted
    }
    svc.record_vote(
        meeting, second_id, second.id, Vote(VoteKind.NAMED, named=named), Outcome.CARRIED
    )

    title, clause = business.third
    last_id = items[title]
    carried(
        svc,
        meeting,
        last_id,
        [clause],
        mover=ids["Nakamura"],
        seconder=ids["Adair"],
        vote=VoteKind.UNANIMOUS,
    )
    svc.add_block(
        meeting,
        last_id,
        Action(text=business.action, owner="Alma Reyes", due=date(2026, 4, 30)),
    )
    if style_id not in SECOND_NAMES:
        minute_standard_items(svc, meeting, ids, style_id, closing=True)
    if style_id in SECOND_NAMES:
        _declaration_departure_and_part_2(svc, meeting, ids, last_id, clock(style_id, LEFT))
    if style_id in BOARD_POSTS:
        _board_posts_and_departure(
            svc, meeting, ids, BOARD_POSTS[style_id], last_id, clock(style_id, LEFT)
        )
    svc.end_meeting(meeting, clock(style_id, END))
    if style_id in SECOND_NAMES:
        type_in_welsh(svc, svc.get_meeting(meeting.id))
    return svc.get_meeting(meeting.id)


def _declaration_departure_and_part_2(
    svc: Services, meeting: Meeting, ids: dict[str, str], last_id: str, left: time
) -> None:
    """A declaration under the bus shelter item, a member who left after the last public
    item, and a Part 2 staffing item, for the interim notes a Welsh council publishes."""
    shelter = next(it for it in meeting.items if it.title == LLANHELYG.second[0])
    svc.add_block(
        meeting,
        shelter.id,
        Declaration(
            person_id=ids["Lind"],
            interest_type="personal interest",
            reason=INTEREST,
            conduct=InterestConduct.TOOK_PART,
        ),
        index=0,
    )
    svc.record_attendance_change(meeting, last_id, ids["Adair"], ChangeKind.LEFT, left)
    staffing = svc.add_item(
        meeting,
        "Clerk’s hours and pay review",
        part=2,
        public_heading="Materion staffio / Staffing matter",
    )
    carried(
        svc,
        meeting,
        staffing.id,
        ["the Clerk’s hours rise to twenty a week on scale point 24"],
        mover=ids["Whitfield"],
        seconder=ids["Okoro"],
        vote=VoteKind.UNANIMOUS,
    )


def _board_posts_and_departure(
    svc: Services,
    meeting: Meeting,
    ids: dict[str, str],
    posts: dict[str, str],
    item_id: str,
    at: time,
) -> None:
    """Directors' posts, and a director who left before the end (after the last vote),
    for a board's attendance table."""
    body = svc.get_body(meeting.body_id)
    for person in body.people:
        person.post = posts.get(person.last_name, person.post)
    svc.save_body(body)
    svc.record_attendance_change(meeting, item_id, ids["Oyelaran"], ChangeKind.LEFT, at)
