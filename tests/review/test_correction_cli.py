"""``clerk-app correct``: a recorded correction to approved minutes, from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.model import ItemKind, Motion, Paragraph, Points
from clerk_app.services import Services
from clerk_app.storage import Store

from .conftest import Library, S


def _approve(svc: S, lib: Library) -> None:
    later = svc.create_meeting(lib.body.id, date(2026, 4, 14), agenda=["Village hall"])
    item = next(it for it in later.items if it.kind is ItemKind.PREVIOUS_MINUTES)
    svc.approve_previous_minutes(later, item.id, lib.meeting.id, "Cllr Hazel Okonkwo")


@pytest.fixture
def data(svc: S, lib: Library, store: Store, tmp_path: Path) -> Path:
    """The data folder of a library whose March minutes of Westbury are approved, with a
    list of points added before approval; the store is closed for the command to open."""
    item = lib.meeting.item(lib.item)
    assert item is not None
    svc.add_block(
        lib.meeting,
        lib.item,
        Points(intro="Members noted:", points=["the waiting list", "the water supply"]),
    )
    _approve(svc, lib)
    store.close()
    return tmp_path


def _saved(data: Path, meeting_id: str) -> tuple[Services, Store]:
    store = Store.open(data / "clerk.db", backups=False)
    return Services(store), store


def _run(data: Path, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def _minute(lib: Library) -> str:
    item = lib.meeting.item(lib.item)
    assert item is not None and item.minute_number
    return item.minute_number


def test_a_paragraph_is_corrected_with_its_reason_in_the_trail(
    data: Path, lib: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    new = "The Clerk reported that water charges had risen by a fifth."
    code = _run(
        data, "correct", lib.meeting.id[:8], "--item", _minute(lib), "--block", "1",
        "--text", new, "--reason", "Figure misheard; confirmed by the Clerk's notes",
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "Correction recorded" in out and "risen by a tenth" in out and new in out
    svc, store = _saved(data, lib.meeting.id)
    try:
        meeting = svc.get_meeting(lib.meeting.id)
        assert meeting.locked
        found = meeting.find_block(lib.paragraph)
        assert found is not None and isinstance(found[1], Paragraph)
        assert found[1].text == new
        entries = svc.audit(lib.meeting.id)
        recorded = [e for e in entries if e.what == "Correction recorded"]
        assert [e.after for e in recorded] == ["Figure misheard; confirmed by the Clerk's notes"]
        changed = [e for e in entries if "risen by a fifth" in e.after]
        assert changed and "risen by a tenth" in changed[0].before
        assert "Figure misheard" in changed[0].source
    finally:
        store.close()


def test_a_clause_a_point_and_a_title_are_corrected(data: Path, lib: Library) -> None:
    minute = _minute(lib)
    clause = "the allotment rent for 2026/27 be set at £44 per plot."
    position = str([it.id for it in lib.meeting.items].index(lib.item) + 1)
    ref = lib.meeting.id[:6]
    runs = [
        ["--item", minute, "--block", "2", "--clause", "1", "--text", clause],
        ["--item-position", position, "--block", "4", "--point", "2", "--text", "the mains water"],
        ["--item", minute, "--title", "Allotment rents 2026/27"],
    ]
    for args, reason in zip(runs, ["Amount as resolved", "Clarity", "Year omitted"], strict=True):
        assert _run(data, "correct", ref, *args, "--reason", reason) == 0
    svc, store = _saved(data, lib.meeting.id)
    try:
        meeting = svc.get_meeting(lib.meeting.id)
        item = meeting.item(lib.item)
        assert item is not None and str(meeting.items.index(item) + 1) == position
        assert item.title == "Allotment rents 2026/27"
        motion, points = item.blocks[1], item.blocks[3]
        assert isinstance(motion, Motion) and motion.clauses == [clause]
        assert isinstance(points, Points)
        assert points.points == ["the waiting list", "the mains water"]
        reasons = [e.after for e in svc.audit(meeting.id) if e.what == "Correction recorded"]
        assert reasons == ["Amount as resolved", "Clarity", "Year omitted"]
    finally:
        store.close()


def test_show_lists_the_parts_with_their_positions(
    data: Path, lib: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data, "correct", lib.meeting.id, "--show", "--item", _minute(lib)) == 0
    out = capsys.readouterr().out
    assert "(approved)" in out and "Allotment rents" in out
    assert "--block 1  paragraph: The Clerk reported that water charges had risen" in out
    assert "--clause 1: the allotment rent for 2026/27 be set at £42 per plot." in out
    assert "--block 3  action: Write to the tenants" in out
    assert "--point 2: the water supply" in out
    assert "Apologies" not in out  # only the item asked for


def _unchanged(data: Path, lib: Library) -> None:
    svc, store = _saved(data, lib.meeting.id)
    try:
        meeting = svc.get_meeting(lib.meeting.id)
        found = meeting.find_block(lib.paragraph)
        assert found is not None and isinstance(found[1], Paragraph)
        assert found[1].text == "The Clerk reported that water charges had risen by a tenth."
        item = meeting.item(lib.item)
        assert item is not None and item.title == "Allotment rents"
        assert not [e for e in svc.audit(meeting.id) if e.what == "Correction recorded"]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--block", "1", "--text", "New", "--reason", "  "], "reason for the correction"),
        (["--block", "9", "--text", "New", "--reason", "Why"], "no part 9 in minute"),
        (["--block", "0", "--text", "New", "--reason", "Why"], "no part 0"),
        (["--block", "2", "--clause", "3", "--text", "New", "--reason", "Why"], "no clause 3"),
        (["--block", "2", "--text", "New", "--reason", "Why"], "say which with --clause"),
        (["--block", "4", "--text", "New", "--reason", "Why"], "--point N"),
        (["--block", "1", "--point", "1", "--text", "New", "--reason", "Why"], "single wording"),
        (["--block", "1", "--text", "  ", "--reason", "Why"], "wording is empty"),
        (["--title", "", "--reason", "Why"], "title is empty"),
        (["--text", "New", "--reason", "Why"], "--block N"),
    ],
)
def test_refusals_leave_the_minutes_unchanged(
    data: Path,
    lib: Library,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    code = _run(data, "correct", lib.meeting.id, "--item", _minute(lib), *extra)
    assert code == 1
    assert message in capsys.readouterr().err
    _unchanged(data, lib)


def test_unknown_items_and_positions_are_refused(
    data: Path, lib: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["correct", lib.meeting.id, "--block", "1", "--text", "New", "--reason", "Why"]
    assert _run(data, *base, "--item", "99") == 1
    err = capsys.readouterr().err
    assert "no item '99'" in err and "--show" in err
    assert _run(data, *base, "--item-position", "12") == 1
    count = len(lib.meeting.items)
    assert f"no item at position 12; the agenda has {count} items" in capsys.readouterr().err
    _unchanged(data, lib)


def test_parts_without_wording_are_refused(
    svc: S, lib: Library, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    declarations = next(it for it in lib.meeting.items if it.kind is ItemKind.DECLARATIONS)
    hazel = next(p.id for p in lib.body.people if p.last_name == "Okonkwo")
    svc.record_declaration(lib.meeting, declarations.id, hazel, "other registrable interest")
    _approve(svc, lib)
    store.close()
    code = _run(
        tmp_path, "correct", lib.meeting.id, "--item", declarations.minute_number,
        "--block", "1", "--text", "New", "--reason", "Why",
    )  # fmt: skip
    assert code == 1
    assert "declaration of interest: it has no wording to replace" in capsys.readouterr().err


def test_unapproved_minutes_are_edited_directly(
    svc: S, lib: Library, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    code = _run(
        tmp_path, "correct", lib.meeting.id, "--item", _minute(lib), "--block", "1",
        "--text", "New", "--reason", "Why",
    )  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert "not approved yet" in err and "Edit them in the window" in err
    _unchanged(tmp_path, lib)


def test_the_command_needs_something_to_do(data: Path, lib: Library) -> None:
    with pytest.raises(SystemExit) as exc:
        _run(data, "correct", lib.meeting.id, "--reason", "Why")
    assert exc.value.code == 2
