"""Freeze a database of the current schema version for the migration tests.

Run once when a schema version is released::

    python -m tests.storage.make_frozen

It writes ``tests/storage/frozen/v<N>.db`` (N = the current schema version) holding the
sample body and meeting, and ``v<N>.json`` with the same record as JSON. Frozen files are
never regenerated: every later version of Clerk must open them with their data intact.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from clerk_app.domain.serial import to_dict
from clerk_app.storage import Store
from clerk_app.storage.schema import SCHEMA_VERSION
from tests.storage.sample import sample_body, sample_meeting

FROZEN = Path(__file__).resolve().parent / "frozen"


# Rows written straight into tables that the store itself does not read (version 2 on).
EXTRA_ROWS: dict[int, dict[str, list[dict[str, object]]]] = {
    2: {
        "review_responses": [
            {
                "id": "r-1",
                "meeting_id": "m-nov",
                "target_id": "b-motion",
                "status": "pending",
                "source": "review_file",
                "import_id": "imp-1",
                "data": '{"decision": "query", "comment": "Is clause (b) right?"}',
            }
        ],
        "review_imports": [
            {
                "id": "imp-1",
                "meeting_id": "m-nov",
                "file_name": "planning-review.clerkreview",
                "reviewer": "Amelia Thornbury",
                "source": "review_file",
                "imported_at": "2026-11-25T09:30:00.000+00:00",
            }
        ],
    },
    6: {
        "recordings": [
            {
                "id": "rec-1",
                "meeting_id": "m-nov",
                "file": "recordings/m-nov-1.wav",
                "attached": 0,
                "segments": '[{"wall": "2026-11-24T18:30:05.000", "pos": 0.0, "end": null}]',
                "pauses": '[{"start": "2026-11-24T19:40:00.000", "reason": "part2", "end": null}]',
                "seconds": 5400.0,
                "state": "recording",
                "decided_at": "",
                "reason": "",
            }
        ]
    },
}


def _extra_rows(store: Store) -> dict[str, list[dict[str, object]]]:
    tables: dict[str, list[dict[str, object]]] = {}
    for version, extra in EXTRA_ROWS.items():
        if version <= SCHEMA_VERSION:
            for table, records in extra.items():
                with store.transaction():
                    store.db[table].insert_all(records)
                tables[table] = records
    return tables


def freeze(folder: Path = FROZEN) -> Path:
    target = folder / f"v{SCHEMA_VERSION}.db"
    if target.exists():
        raise SystemExit(f"{target} exists: frozen databases are never regenerated")
    body = sample_body()
    meeting = sample_meeting(body)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "clerk.db"
        with Store.open(work, backups=False) as store:
            store.save_body(body)
            store.save_meeting(meeting)
            store.add_audit(
                meeting.id, "resolution b-motion", "old wording", "new wording", "chair"
            )
            meeting = store.get_meeting(meeting.id)
            tables = _extra_rows(store)
        # one self-contained file: no WAL beside it
        conn = sqlite3.connect(work)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
        conn.close()
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(work.read_bytes())
    record = {"body": to_dict(body), "meeting": to_dict(meeting), "tables": tables}
    target.with_suffix(".json").write_text(
        json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return target


if __name__ == "__main__":
    print(freeze())
    sys.exit(0)
