"""Files that used to crash the JSON import or slip past the services' rules: each is
refused with a sentence naming its place, and the library stays exactly as it was."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk_app.domain.model import BLOCK_TYPES
from clerk_app.services import Services
from clerk_app.services.interchange import InterchangeError
from clerk_app.storage import Store

from .exports import dump, export


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Services]:
    store = Store.open(tmp_path / "library.db", backups=False)
    yield Services(store)
    store.close()


def refused(svc: Services, tmp_path: Path, text: str) -> list[str]:
    """Import ``text``; it must be refused without changing the library."""
    before = dump(svc.store.path)
    path = tmp_path / "meeting.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(InterchangeError) as err:
        svc.import_json(path)
    assert dump(svc.store.path) == before
    assert "meeting.json cannot be imported" in err.value.message
    return err.value.problems


def _blocks(d: dict[str, Any], kind: str) -> list[tuple[int, int, dict[str, Any]]]:
    return [
        (i, j, b)
        for i, it in enumerate(d["meeting"]["items"])
        for j, b in enumerate(it["blocks"])
        if b["kind"] == kind
    ]


# ----------------------------------------------------------------- what used to crash


def test_deep_nesting_is_refused(library: Services, tmp_path: Path) -> None:
    text = '{"format": "clerk-meeting", "meeting": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (problem,) = refused(library, tmp_path, text)
    assert "nested far more deeply than a Clerk file can be" in problem
    shallow = export("small")
    shallow["meeting"]["venue"] = json.loads("[" * 60 + "]" * 60)
    (problem,) = refused(library, tmp_path, json.dumps(shallow))
    assert problem.startswith("meeting.venue")
    assert "nested more deeply here than a Clerk file can be" in problem


def test_a_lone_surrogate_is_refused_at_its_place(library: Services, tmp_path: Path) -> None:
    data = export()
    data["meeting"]["items"][1]["title"] = "Parking \ud800 strategy"
    (problem,) = refused(library, tmp_path, json.dumps(data))
    assert problem.startswith("meeting.items[1].title: The text holds a broken character")
    data = export()
    data["body"]["settings"]["phrases"] = {"\udc00": "x"}
    (problem,) = refused(library, tmp_path, json.dumps(data))
    assert problem.startswith("body.settings.phrases.\\udc00: The name holds a broken")


def test_numbers_sqlite_or_python_cannot_hold_are_refused(
    library: Services, tmp_path: Path
) -> None:
    data = export()
    data["meeting"]["public_count"] = 10**20
    assert refused(library, tmp_path, json.dumps(data)) == [
        "meeting.public_count: expected a whole number from 0 to 100,000, or null, "
        "not a number of 21 digits."
    ]
    text = json.dumps(export()).replace('"first_minute": ', '"first_minute": ' + "7" * 5000, 1)
    assert refused(library, tmp_path, text) == [
        "meeting.first_minute: expected a whole number from 0 to 9,999,999, "
        "not a number too long to read."
    ]


def test_twice_used_item_and_block_ids_are_refused(library: Services, tmp_path: Path) -> None:
    data = export()
    items = data["meeting"]["items"]
    items[3]["id"] = items[1]["id"]
    problems = refused(library, tmp_path, json.dumps(data))
    assert problems == [f"meeting.items[3].id: The id {items[1]['id']!r} is used twice "
                        "(also by meeting.items[1])."]  # fmt: skip
    data = export()
    (_i, _j, first), (k, m, second) = _blocks(data, "motion")[:2]
    second["id"] = first["id"]
    problems = refused(library, tmp_path, json.dumps(data))
    assert (
        f"meeting.items[{k}].blocks[{m}].id: The id {first['id']!r} is used twice " in (problems[0])
    )


def _import(svc: Services, tmp_path: Path, data: dict[str, Any], name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    svc.import_json(path)


def test_ids_of_another_meeting_or_body_are_refused(library: Services, tmp_path: Path) -> None:
    original = export()
    _import(library, tmp_path, original, "original.json")
    copied = export()
    copied["meeting"]["id"] = "a copy with a new id"
    problems = refused(library, tmp_path, json.dumps(copied))
    assert problems[0].startswith("meeting.attendance[0].id: The id ")
    assert any(
        p.startswith("meeting.items[1].id:")
        and "is already used by an item of another meeting in this library "
        "(Communities and Environment Committee, 12 March 2026)"
        in p
        for p in problems
    )
    assert any(".blocks[0].id:" in p and "a part of the minutes" in p for p in problems)
    other_body = export()
    other_body["body"]["id"] = other_body["meeting"]["body_id"] = "another body"
    other_body["meeting"]["id"] = "another meeting"
    problems = refused(library, tmp_path, json.dumps(other_body))
    assert problems[0].startswith("body.people[0].id: The id ")
    assert "already belongs to someone of another committee" in problems[0]
    moved = _renamed_except_meeting(export())  # the same meeting, in another body
    problems = refused(library, tmp_path, json.dumps(moved))
    assert problems == [
        f"meeting.id: The id {moved['meeting']['id']!r} is already used by a meeting of "
        "another committee in this library."
    ]


def _renamed_except_meeting(data: dict[str, Any]) -> dict[str, Any]:
    """Every id made new except the meeting's own."""
    meeting_id = data["meeting"]["id"]
    text = json.dumps(data)
    for key in ('"id": "', '_id": "', '_for": "'):
        text = text.replace(key, key + "x")
    out: dict[str, Any] = json.loads(text)
    out["meeting"]["id"] = meeting_id
    for block in (b for it in out["meeting"]["items"] for b in it["blocks"]):
        for choice in list(block.get("vote", {}).get("named", {})):
            block["vote"]["named"]["x" + choice] = block["vote"]["named"].pop(choice)
    return out


# ----------------------------------------------------------------- the services' rules


def _motion(d: dict[str, Any], n: int = 0) -> dict[str, Any]:
    return _blocks(d, "motion")[n][2]


def _other_item_motion(d: dict[str, Any]) -> None:
    (i, _j, first) = _blocks(d, "motion")[0]
    later = next(b for k, _m, b in _blocks(d, "motion") if k != i)
    later["amends_id"] = first["id"]


def _substitute(d: dict[str, Any]) -> None:
    a = d["meeting"]["attendance"][0]
    a.update(status="substitute", substitute_for=a["person_id"])


RULES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "a vote count over 10,000",
        lambda d: _motion(d)["vote"].update(kind="counts", for_count=12_000),
        ".vote.for_count: expected a whole number from 0 to 10,000, or null, not 12000.",
    ),
    (
        "a motion amending itself",
        lambda d: _motion(d).update(motion_kind="amendment", amends_id=_motion(d)["id"]),
        ".amends_id: A motion cannot amend itself.",
    ),
    (
        "a motion amending one in another item",
        _other_item_motion,
        ".amends_id: An amendment must amend a motion in the same item (no motion ",
    ),
    (
        "a member substituting for themselves",
        _substitute,
        "meeting.attendance[0].substitute_for: A member cannot substitute for themselves.",
    ),
    (
        "a casting vote with unequal counts",
        lambda d: _motion(d)["vote"].update(
            kind="casting", for_count=5, against_count=3, casting_choice="for"
        ),
        ".vote.for_count: A casting vote is only used when the votes are equal (5 for, 3 against).",
    ),
    (
        "an end before the start",
        lambda d: d["meeting"].update(start_time="18:30", end_time="17:15"),
        "meeting.end_time: The meeting cannot end before it started.",
    ),
    (
        "an empty item title",
        lambda d: d["meeting"]["items"][2].update(title="   "),
        "meeting.items[2].title: An item needs a title.",
    ),
    (
        "a numbering pattern that cannot number",
        lambda d: d["body"]["settings"]["numbering"].update(pattern="PLA{n/{yy}"),
        "body.settings.numbering.pattern: ",
    ),
    (
        "no lead-in",
        lambda d: d["body"]["settings"].update(lead_in=""),
        "body.settings.lead_in: Decisions need a lead-in, such as RESOLVED – That.",
    ),
    (
        "a mover not on the body",
        lambda d: _motion(d).update(mover_id="stranger"),
        ".mover_id: That person is not on this body's list (no one has the id 'stranger').",
    ),
    (
        "attendance of someone not on the body",
        lambda d: d["meeting"]["attendance"][1].update(person_id="stranger"),
        "meeting.attendance[1].person_id: That person is not on this body's list",
    ),
    (
        "a person without a name",
        lambda d: d["body"]["people"][2].update(first_name="", last_name=" "),
        "body.people[2].last_name: A person needs a name.",
    ),
]


@pytest.mark.parametrize("case, mutate, message", RULES, ids=[r[0] for r in RULES])
def test_the_services_rules_hold_for_imports(
    library: Services, tmp_path: Path, case: str, mutate: Any, message: str
) -> None:
    data = export()
    mutate(data)
    problems = refused(library, tmp_path, json.dumps(data))
    assert any(message in p for p in problems), problems


# ----------------------------------------------------------------- plain words


@pytest.mark.parametrize(
    "mutate, message",
    [
        (
            lambda d: _blocks(d, "attendance_change")[0][2].update(at="quarter past"),
            "].at: expected a time as HH:MM, or null, not 'quarter past'.",
        ),
        (
            lambda d: d["meeting"].update(public_count=-4),
            "meeting.public_count: expected a whole number from 0 to 100,000, or null, not -4.",
        ),
        (
            lambda d: d["meeting"].update(date=20260312),
            "meeting.date: expected a date as YYYY-MM-DD, not 20260312.",
        ),
        (
            lambda d: d["meeting"]["items"][0].update(part="two"),
            "meeting.items[0].part: expected one of 1, 2, not 'two'.",
        ),
        (
            lambda d: d["meeting"]["items"][0]["blocks"].append({"kind": "poem"}),
            ".kind: expected one of "
            + ", ".join(f'"{kind}"' for kind in BLOCK_TYPES)
            + ", not 'poem'.",
        ),
        (
            lambda d: _motion(d)["vote"].update(named=["a"]),
            ".vote.named: expected an object (named values in { }), not a list.",
        ),
        (lambda d: d["meeting"].pop("date"), "meeting.date: This is missing; it must be given."),
        (
            lambda d: d["body"]["people"][0].update(shoe_size=9),
            "body.people[0].shoe_size: Clerk does not know this field here; remove it.",
        ),
        (
            lambda d: d["meeting"]["items"][1].update(title=None),
            "meeting.items[1].title: expected text, not null.",
        ),
    ],
)
def test_schema_faults_say_what_was_expected(
    library: Services, tmp_path: Path, mutate: Any, message: str
) -> None:
    data = export()
    mutate(data)
    problems = refused(library, tmp_path, json.dumps(data))
    assert any(message in p for p in problems), problems
    assert not any("is not valid under" in p or "is not of type" in p for p in problems)


def test_the_import_command_prints_the_places_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from clerk_app import cli

    data = export("small")
    data["meeting"]["items"][0]["title"] = "\ud800"
    data["meeting"]["public_count"] = 10**20
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path / "library"), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("clerk-app: meeting.json cannot be imported:\n")
    assert "meeting.items[0].title: The text holds a broken character (\\ud800" in err
    assert "Traceback" not in err


def test_a_template_on_the_exporting_computer_gives_way_to_this_librarys(
    library: Services, tmp_path: Path
) -> None:
    data = export("small")
    data["body"]["settings"]["template_path"] = "/on/another/computer/house-style.docx"
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    meeting = library.import_json(path)
    assert library.get_body(meeting.body_id).settings.template_path == ""
