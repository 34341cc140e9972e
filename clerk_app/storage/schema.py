"""The database schema and its migrations.

``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id`` marks the
file as a Clerk database. ``MIGRATIONS[n]`` takes a database from version ``n`` to
``n + 1``; version 1 is the initial schema. Migrations are only ever appended: a
released migration never changes, and ``tests/storage/frozen/`` holds a database of every
released version that the current code must open with its data intact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# "CLRK" as a big-endian 32-bit integer: identifies the file as a Clerk database.
APPLICATION_ID = 0x434C524B

Migration = Callable[["sqlite_utils.Database"], None]


def _run(db: sqlite_utils.Database, script: str) -> None:
    """Run ``;``-separated statements inside the caller's transaction.

    (``executescript`` would commit first, so a failed migration could be left half done.)
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_initial(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
        CREATE TABLE bodies (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            authority TEXT NOT NULL DEFAULT '',
            settings TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE people (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            honorific TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            role TEXT NOT NULL,
            post TEXT NOT NULL DEFAULT '',
            initials TEXT NOT NULL DEFAULT '',
            voting INTEGER NOT NULL DEFAULT 1,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX people_body_position ON people(body_id, position);
        CREATE TABLE meetings (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            body_id TEXT NOT NULL REFERENCES bodies(id),
            date TEXT NOT NULL,
            meeting_type TEXT NOT NULL,
            venue TEXT NOT NULL DEFAULT '',
            start_time TEXT,
            end_time TEXT,
            status TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            public_count INTEGER,
            approval TEXT,
            circulated_on TEXT,
            first_minute INTEGER NOT NULL DEFAULT 1,
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX meetings_body_date ON meetings(body_id, date);
        CREATE INDEX meetings_date ON meetings(date);
        CREATE TABLE attendance (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            substitute_for TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX attendance_meeting_position ON attendance(meeting_id, position);
        CREATE TABLE items (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            number TEXT NOT NULL DEFAULT '',
            minute_number TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            purpose TEXT NOT NULL DEFAULT '',
            report_author TEXT NOT NULL DEFAULT '',
            report_ref TEXT NOT NULL DEFAULT '',
            part INTEGER NOT NULL DEFAULT 1,
            exempt_paragraph TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL
        );
        CREATE INDEX items_meeting_position ON items(meeting_id, position);
        CREATE TABLE blocks (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX blocks_item_position ON blocks(item_id, position);
        CREATE INDEX blocks_meeting_position ON blocks(meeting_id, position);
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            what TEXT NOT NULL,
            before TEXT NOT NULL DEFAULT '',
            after TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_meeting_at ON audit(meeting_id, seq);
        CREATE TABLE clerk_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            changes INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO clerk_state (id, changes) VALUES (1, 0);
        CREATE VIRTUAL TABLE items_fts USING fts5(
            title, purpose, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE blocks_fts USING fts5(
            text, tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
    )


def _v2_reviews(db: sqlite_utils.Database) -> None:
    """The chair's review responses, kept beside the minutes, and the review files imported.

    ``IF NOT EXISTS``: earlier builds created these tables on first use.
    """
    _run(
        db,
        """
        CREATE TABLE IF NOT EXISTS review_responses (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            target_id TEXT NOT NULL,
            status TEXT NOT NULL,
            source TEXT NOT NULL,
            import_id TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS review_responses_meeting
            ON review_responses(meeting_id, seq);
        CREATE TABLE IF NOT EXISTS review_imports (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )
        """,
    )


def _v3_public_parts(db: sqlite_utils.Database) -> None:
    """What the public may read about a Part 2 item, kept apart from its exempt text: a
    public heading (an existing Part 2 item's is its title, as the public minutes printed
    it until now) and a public summary."""
    _run(
        db,
        """
        ALTER TABLE items ADD COLUMN public_heading TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN public_summary TEXT NOT NULL DEFAULT '';
        UPDATE items SET public_heading = title WHERE part = 2
        """,
    )


def _v4_real_meetings(db: sqlite_utils.Database) -> None:
    """What real meetings hold: a declaration says what the member did (one choice in
    place of the two flags "left the room" and "held a dispensation"). Blocks are JSON,
    so the new kinds of block need no tables."""
    _run(
        db,
        """
        UPDATE blocks SET data = json_remove(
            json_set(
                data,
                '$.conduct',
                CASE
                    WHEN json_extract(data, '$.left_room') THEN 'left_room'
                    WHEN json_extract(data, '$.dispensation') THEN 'dispensation'
                    ELSE 'not_stated'
                END
            ),
            '$.left_room',
            '$.dispensation'
        )
        WHERE kind = 'declaration' AND json_valid(data)
        """,
    )


def _v5_result(vote: dict[str, object]) -> str:
    """What a version 4 vote gave as its outcome (a copy kept with this migration)."""
    kind = vote.get("kind")
    if kind in ("unanimous", "without_vote"):
        return "carried"
    if kind == "casting":
        return "carried" if vote.get("casting_choice") == "for" else "lost"
    if kind in ("counts", "named"):
        f, a = vote.get("for_count"), vote.get("against_count")
        named = vote.get("named")
        if isinstance(named, dict) and named and f is None and a is None:
            choices = list(named.values())
            f, a = choices.count("for"), choices.count("against")
        f = f if isinstance(f, int) else 0
        a = a if isinstance(a, int) else 0
        if f != a:
            return "carried" if f > a else "lost"
    return "pending"


def _v5_structures(db: sqlite_utils.Database) -> None:
    """The structures of real meetings: a motion's outcome follows its vote unless the
    clerk chose it, so each stored motion says whether its outcome was the clerk's own
    choice (one the vote does not give). The new kinds of block (tables, public
    participation, planning applications) are JSON in ``blocks`` and need no tables."""
    import json

    rows = db.execute(
        "SELECT id, data FROM blocks WHERE kind = 'motion' AND json_valid(data)"
    ).fetchall()
    for block_id, text in rows:
        data = json.loads(text)
        if not isinstance(data, dict) or "outcome_by_hand" in data:
            continue
        found = data.get("vote")
        vote: dict[str, object] = found if isinstance(found, dict) else {}
        outcome = data.get("outcome", "pending")
        data["outcome_by_hand"] = outcome not in ("pending", _v5_result(vote))
        db.execute(
            "UPDATE blocks SET data = ? WHERE id = ?",
            [json.dumps(data, ensure_ascii=True, separators=(",", ":")), block_id],
        )


def _v6_recordings(db: sqlite_utils.Database) -> None:
    """Recordings of meetings: the sound file (beside the database, or attached from
    elsewhere), the stretches of the meeting it holds and its pauses (JSON), and whether
    it was kept or deleted after approval. A new table only: no other table changes."""
    _run(
        db,
        """
        CREATE TABLE recordings (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            file TEXT NOT NULL,
            attached INTEGER NOT NULL DEFAULT 0,
            segments TEXT NOT NULL DEFAULT '[]',
            pauses TEXT NOT NULL DEFAULT '[]',
            seconds REAL NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'recording',
            decided_at TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX recordings_meeting ON recordings(meeting_id)
        """,
    )


def _v7_meeting_facts(db: sqlite_utils.Database) -> None:
    """Meeting-level facts real minutes state: where it was held (in person, online or
    hybrid, and on what platform), who presided when not the chair, the minute-taker,
    whether it was held (or was inquorate), the next meeting and text after the
    signature; and people's own titles ("PCSO") and post-nominals ("MSP")."""
    _run(
        db,
        """
        ALTER TABLE meetings ADD COLUMN mode TEXT NOT NULL DEFAULT 'in_person';
        ALTER TABLE meetings ADD COLUMN platform TEXT NOT NULL DEFAULT '';
        ALTER TABLE meetings ADD COLUMN presiding_id TEXT;
        ALTER TABLE meetings ADD COLUMN minute_taker_id TEXT;
        ALTER TABLE meetings ADD COLUMN held TEXT NOT NULL DEFAULT 'held';
        ALTER TABLE meetings ADD COLUMN next_date TEXT;
        ALTER TABLE meetings ADD COLUMN next_time TEXT;
        ALTER TABLE meetings ADD COLUMN next_venue TEXT NOT NULL DEFAULT '';
        ALTER TABLE meetings ADD COLUMN after_signature TEXT NOT NULL DEFAULT '';
        ALTER TABLE people ADD COLUMN title TEXT NOT NULL DEFAULT '';
        ALTER TABLE people ADD COLUMN post_nominals TEXT NOT NULL DEFAULT ''
        """,
    )


def _v8_translations(db: sqlite_utils.Database) -> None:
    """The second-language text of what the clerk typed, for bilingual minutes: an
    item's translations (of its title, purpose and public parts) as JSON in a column of
    its own. A block's translations live in its JSON with the rest of its words, where a
    block without them reads as having none, so the blocks table does not change."""
    _run(db, "ALTER TABLE items ADD COLUMN translation TEXT NOT NULL DEFAULT '{}'")


def _v9_item_kinds_index(db: sqlite_utils.Database) -> None:
    """An index of items by meeting and kind, so the list of meetings counts each one's
    items from the index alone (4 ms for 1,200 meetings, against 11 ms reading every
    item's row)."""
    _run(db, "CREATE INDEX items_meeting_kind ON items(meeting_id, kind)")


def _v10_meeting_translations(db: sqlite_utils.Database) -> None:
    """The second-language text of what the clerk typed about the meeting itself: its
    venue, platform, next venue and text after the signature (``meetings.translation``)
    and an attendance's reason and note (``attendance.translation``), JSON like an
    item's."""
    _run(
        db,
        """
        ALTER TABLE meetings ADD COLUMN translation TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE attendance ADD COLUMN translation TEXT NOT NULL DEFAULT '{}'
        """,
    )


def _v11_blocks_fts_pending(db: sqlite_utils.Database) -> None:
    """Blocks whose typed text is still to be (re)indexed for search, with that text: a
    save while the clerk types writes here instead of into ``blocks_fts``, whose merges
    (some saves in every few dozen would write hundreds of pages) then run when the clerk
    moves on, searches, or closes the meeting. A block deleted takes its row with it."""
    _run(db, "CREATE TABLE blocks_fts_pending (seq INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    db.execute(
        "CREATE TRIGGER blocks_fts_pending_gone AFTER DELETE ON blocks BEGIN "
        "DELETE FROM blocks_fts_pending WHERE seq = old.seq; END"
    )


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_reviews,
    _v3_public_parts,
    _v4_real_meetings,
    _v5_structures,
    _v6_recordings,
    _v7_meeting_facts,
    _v8_translations,
    _v9_item_kinds_index,
    _v10_meeting_translations,
    _v11_blocks_fts_pending,
]

SCHEMA_VERSION = len(MIGRATIONS)

# Tables every Clerk database has from version 1 on.
REQUIRED_TABLES = frozenset(
    {"bodies", "people", "meetings", "attendance", "items", "blocks", "audit", "clerk_state"}
)
