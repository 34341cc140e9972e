"""The review, drafts, decisions, actions, approve, circulate and audit commands."""

from __future__ import annotations

import argparse
from pathlib import Path

import docx
import pytest

from clerk_app.review_cli import add_review_commands, run_review_command
from clerk_app.services.errors import ServiceError
from clerk_app.services.review import open_review_file

from .conftest import Library, S


def run(svc: S, *argv: str) -> int | None:
    parser = argparse.ArgumentParser(prog="clerk-app")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("list")
    add_review_commands(sub)
    return run_review_command(parser.parse_args(list(argv)), svc)


def test_other_commands_are_left_alone(svc: S) -> None:
    assert run(svc, "list") is None


def test_review_round_trip(
    svc: S, lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chair.clerkreview"
    assert run(svc, "review", "export", lib.meeting.id[:8], "-o", str(out)) == 0
    session = open_review_file(out, reviewer="Hazel")
    session.respond(lib.motion, "suggest", "Rounder", suggested_text="the rent be £40.")
    session.save()
    assert run(svc, "review", "import", str(out)) == 0
    assert "1 new response" in capsys.readouterr().out
    run(svc, "review", "list", lib.meeting.id)
    listing = capsys.readouterr().out
    assert "pending" in listing and "£40" in listing
    response = svc.responses(lib.meeting.id)[0]
    assert run(svc, "review", "accept", response.id[:8]) == 0
    found = svc.get_meeting(lib.meeting.id).find_block(lib.motion)
    assert found is not None and getattr(found[1], "clauses", None) == ["the rent be £40."]
    run(svc, "audit", lib.meeting.id)
    assert "£40" in capsys.readouterr().out


def test_word_commands(
    svc: S, lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chair.docx"
    run(svc, "review", "word-export", "latest", "-o", str(out))
    word = docx.Document(str(out))
    para = next(p for p in word.paragraphs if "£42" in p.text or "Quarrybank" in p.text)
    word.add_comment(para.runs, "Check this figure.", "Chair", "C")
    word.save(str(out))
    latest = svc.list_meetings()[0].id
    run(svc, "review", "word-import", latest, str(out))
    assert "1 new comment" in capsys.readouterr().out
    assert [r.comment for r in svc.responses(latest)] == ["Check this figure."]


def test_documents_and_approval(
    svc: S, lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    run(svc, "drafts", lib.meeting.id, "-o", str(folder))
    assert len(list(folder.glob("*.docx"))) == 1
    run(svc, "decisions", lib.meeting.id, "-o", str(tmp_path / "d.docx"))
    run(svc, "actions", "westbury", "-o", str(tmp_path / "a.docx"))
    assert (tmp_path / "d.docx").is_file() and (tmp_path / "a.docx").is_file()
    run(svc, "circulate", lib.meeting.id, "--on", "2026-03-11")
    later = svc.create_meeting(lib.body.id, lib.meeting.date.replace(month=4))
    run(svc, "approve", lib.meeting.id, "--at", later.id, "--signed-by", "Hazel Okonkwo")
    assert "approved and locked" in capsys.readouterr().out
    assert svc.get_meeting(lib.meeting.id).locked
    with pytest.raises(ServiceError):
        run(svc, "circulate", "no-such-meeting")
