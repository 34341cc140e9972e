"""A benchmark library: ten years of a council's minutes (12 committees × 10 meetings a year).

``library(n)`` is a Clerk data folder holding ``n`` meetings of realistic size — about
seventeen items each, with paragraphs, discussion points, motions with votes, actions,
attendance and its changes — made through the store and cached on disk between runs
(``CLERK_BENCH_CACHE`` or ``~/.cache/clerk-bench``), so only the first run pays for it.
Every meeting has the same shape; the words vary with a seeded generator, so every run
sees the same library.
"""

from __future__ import annotations

import os
import random
import shutil
from datetime import date, time
from pathlib import Path

from clerk_app.domain.model import (
    Action,
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Body,
    BodyKind,
    ChangeKind,
    Item,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Motion,
    Outcome,
    Paragraph,
    Person,
    Points,
    Role,
    Vote,
    VoteKind,
)
from clerk_app.storage import Store

SIZES = (10, 100, 1200)
COMMITTEES = (
    "Planning",
    "Licensing",
    "Cabinet",
    "Audit and Governance",
    "Overview and Scrutiny",
    "Housing",
    "Environment",
    "Finance",
    "Health and Wellbeing",
    "Standards",
    "Transport",
    "Community Safety",
)
LIBRARY_VERSION = 2  # bump when the generated content changes


def _words(text: str) -> list[str]:
    return text.split()


# Words of a fictional borough's business (the commonest: "the", "committee", "report").
COMMON = _words("the of and to that a in for on was were with as by be report committee")
TOPICS = _words(
    "budget parking hedgerow drainage allotment playground library housing tenancy grant "
    "licence premises noise footpath bridge cycleway depot recycling flood bus tree school "
    "surgery pavilion market lighting toilets cemetery harbour quarry orchard reservoir "
    "consultation scrutiny procurement contract audit risk reserves capital revenue"
)
VERBS = _words(
    "considered noted asked questioned welcomed supported raised explained confirmed "
    "agreed reviewed discussed queried proposed clarified summarised outlined"
)
PEOPLE = _words("officer members chair residents applicant council ward director manager")
FIRST = _words("Ada Bryn Cora Dev Esme Farid Gwen Hal Isla Jon Kemi Lior Mair Nico Ola Pip")
LAST = _words("Ashdown Birtle Cobb Darrow Ember Fairlie Gorse Hollin Ince Jessop Kell Lomax")


def _sentence(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        pick = rng.random()
        if pick < 0.45:
            out.append(rng.choice(COMMON))
        elif pick < 0.7:
            out.append(rng.choice(TOPICS))
        elif pick < 0.85:
            out.append(rng.choice(VERBS))
        else:
            out.append(rng.choice(PEOPLE))
    return " ".join(out).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(rng.randint(2, 5)))


def make_body(name: str, rng: random.Random) -> Body:
    people = [
        Person(
            rng.choice(FIRST),
            f"{rng.choice(LAST)}{n}",
            honorific="Councillor",
            role=Role.CHAIR if n == 0 else (Role.VICE_CHAIR if n == 1 else Role.MEMBER),
        )
        for n in range(12)
    ]
    return Body(
        name=f"{name} Committee",
        kind=BodyKind.COMMITTEE,
        authority="Harrowfield Borough Council",
        people=people,
    )


def make_meeting(body: Body, when: date, rng: random.Random, items: int = 17) -> Meeting:
    members = [p.id for p in body.people]
    meeting = Meeting(
        body_id=body.id,
        date=when,
        venue="Council Chamber",
        start_time=time(18, 30),
        end_time=time(21, 5),
        status=MeetingStatus.DRAFT,
        attendance=[
            Attendance(
                pid,
                AttendanceStatus.APOLOGIES if n == 11 else AttendanceStatus.PRESENT,
                reason="Illness" if n == 11 else "",
            )
            for n, pid in enumerate(members)
        ],
    )
    for i in range(items):
        blocks: list = []
        for _ in range(rng.randint(3, 5)):
            blocks.append(Paragraph(text=_paragraph(rng)))
        blocks.append(
            Points(
                intro="During discussion the following points were raised:",
                points=[_sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 6))],
            )
        )
        blocks.append(Paragraph(text=_paragraph(rng)))
        blocks.append(
            Motion(
                mover_id=members[rng.randint(0, 5)],
                seconder_id=members[rng.randint(6, 10)],
                clauses=[_sentence(rng, rng.randint(10, 20)) for _ in range(rng.randint(1, 3))],
                vote=Vote(kind=VoteKind.COUNTS, for_count=7, against_count=3, abstain_count=1),
                outcome=Outcome.CARRIED,
            )
        )
        blocks.append(
            Action(
                text=_sentence(rng, 10),
                owner_id=members[rng.randint(0, 10)],
                due=date(when.year, when.month, min(28, when.day + 7)),
            )
        )
        if i == 7:
            blocks.append(
                AttendanceChange(person_id=members[4], change=ChangeKind.LEFT, at=time(20, 10))
            )
        blocks.append(Paragraph(text=_paragraph(rng)))
        meeting.items.append(
            Item(
                title=f"{rng.choice(TOPICS).capitalize()} {rng.choice(TOPICS)} report",
                number=str(i + 1),
                minute_number=f"{when.year % 100}/{i + 1:03d}",
                purpose=_sentence(rng, 14),
                status=ItemStatus.TAKEN,
                blocks=blocks,
            )
        )
    return meeting


def build(db: Path, meetings: int, seed: int = 7) -> None:
    """Write ``meetings`` meetings (newest ten years, 12 committees × 10 a year) into a new
    database at ``db``, through the store."""
    rng = random.Random(seed)
    store = Store.open(db, backups=False)
    try:
        bodies = [make_body(name, rng) for name in COMMITTEES]
        with store.transaction():
            for body in bodies:
                store.save_body(body)
        made = 0
        year = 2025
        while made < meetings:
            for month in (1, 2, 3, 4, 5, 6, 7, 9, 10, 11):
                with store.transaction():  # a committee's year at a time
                    for n, body in enumerate(bodies):
                        if made >= meetings:
                            break
                        when = date(year, month, 1 + n * 2)
                        store.save_meeting(make_meeting(body, when, rng))
                        made += 1
                if made >= meetings:
                    break
            year -= 1
    finally:
        store.close()


def cache_dir() -> Path:
    found = os.environ.get("CLERK_BENCH_CACHE")
    return Path(found) if found else Path.home() / ".cache" / "clerk-bench"


def library(meetings: int) -> Path:
    """The cached ``clerk.db`` with ``meetings`` meetings (built on first use)."""
    folder = cache_dir() / f"v{LIBRARY_VERSION}-{meetings}"
    db = folder / "clerk.db"
    if not db.exists():
        partial = cache_dir() / f"v{LIBRARY_VERSION}-{meetings}.building"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        build(partial / "clerk.db", meetings)
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    return db


def data_folder(meetings: int, target: Path) -> Path:
    """A fresh copy of the library's data folder in ``target`` (benchmarks that write)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(library(meetings), target / "clerk.db")
    return target


if __name__ == "__main__":
    import sys
    import time as clock

    for size in [int(a) for a in sys.argv[1:]] or list(SIZES):
        t0 = clock.perf_counter()
        path = library(size)
        print(size, path, f"{path.stat().st_size / 2**20:.0f} MiB", clock.perf_counter() - t0)
