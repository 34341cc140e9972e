"""The chair's review file: export, review mode, import and the files that are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.domain.model import Motion, Paragraph
from clerk_app.domain.review import ResponseStatus, ReviewDecision, TargetKind
from clerk_app.services.errors import ServiceError
from clerk_app.services.review import ReviewFileError, open_review_file

from .conftest import Library, S


def _export(svc: S, lib: Library, tmp_path: Path) -> Path:
    return svc.export_review_file(lib.meeting, tmp_path / "review.clerkreview")


def _answered(svc: S, lib: Library, tmp_path: Path) -> Path:
    path = _export(svc, lib, tmp_path)
    session = open_review_file(path, reviewer="Cllr Hazel Okonkwo")
    session.respond(lib.motion, "suggest", "Rounder figure", suggested_text="the rent be £40.")
    session.respond(lib.item, ReviewDecision.QUERY, "Was it a tenth or a fifth?")
    session.save()
    return path


def test_review_file_carries_only_this_meeting(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _export(svc, lib, tmp_path)
    raw = path.read_bytes().decode("utf-8")
    assert lib.meeting.id in raw and "£42 per plot" in raw and "Okonkwo" in raw
    for forbidden in [
        lib.other.id,
        lib.other_body.id,
        lib.other_body.name,
        "Quarrybank",
        "Zabriskie",
        "Fairweather",
        *(p.id for p in lib.other_body.people),
        *(it.id for it in lib.other.items),
    ]:
        assert forbidden not in raw
    data = json.loads(raw)
    people = {p["id"] for p in data["body"]["people"]}
    assert people <= {p.id for p in lib.body.people}
    assert data["revision"] == svc.get_meeting(lib.meeting.id).revision


def test_review_file_drops_people_the_meeting_does_not_name(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    from clerk_app.domain.model import Person

    body = svc.get_body(lib.body.id)
    body.people.append(Person("Ulrike", "Threlfall", active=False))
    svc.save_body(body)
    raw = _export(svc, lib, tmp_path).read_text(encoding="utf-8")
    assert "Threlfall" not in raw


def test_export_circulates_the_draft(svc: S, lib: Library, tmp_path: Path) -> None:
    assert lib.meeting.circulated_on is None
    _export(svc, lib, tmp_path)
    again = svc.get_meeting(lib.meeting.id)
    assert again.circulated_on is not None
    assert any("circulated" in e.what for e in svc.audit(lib.meeting.id))


def test_review_mode_answers_without_touching_the_minutes(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = _answered(svc, lib, tmp_path)
    session = open_review_file(path)
    assert session.reviewer == "Cllr Hazel Okonkwo"
    assert {r.target_id for r in session.responses} == {lib.motion, lib.item}
    found = session.meeting.find_block(lib.motion)
    assert found is not None and isinstance(found[1], Motion)
    assert found[1].clauses == ["the allotment rent for 2026/27 be set at £42 per plot."]
    suggestion = session.response_for(lib.motion)
    assert suggestion is not None and suggestion.suggested_clauses == ["the rent be £40."]
    # the meeting payload is byte-for-byte what the clerk exported
    assert json.loads(path.read_text())["digest"] == session.file.digest


def test_review_mode_refuses_nonsense_answers(svc: S, lib: Library, tmp_path: Path) -> None:
    session = open_review_file(_export(svc, lib, tmp_path))
    with pytest.raises(ServiceError, match="not in these minutes"):
        session.respond("nope", "approve")
    with pytest.raises(ServiceError, match="wording"):
        session.respond(lib.motion, "suggest")
    with pytest.raises(ServiceError, match="query"):
        session.respond(lib.item, "query")
    with pytest.raises(ServiceError, match="approve, query or suggest"):
        session.respond(lib.item, "veto")
    first = session.respond(lib.item, "approve")
    second = session.respond(lib.item, "query", "Say who reported it")
    assert [r.id for r in session.responses] == [second.id] and first.id != second.id


def test_import_attaches_each_response(svc: S, lib: Library, tmp_path: Path) -> None:
    report = svc.import_review(_answered(svc, lib, tmp_path))
    assert len(report.added) == 2 and not report.unplaced
    stored = svc.responses(lib.meeting.id)
    kinds = {r.target_id: r.target_kind for r in stored}
    assert kinds == {lib.motion: TargetKind.MOTION, lib.item: TargetKind.ITEM}
    assert all(r.status is ResponseStatus.PENDING for r in stored)
    assert all(r.item_id == lib.item for r in stored)
    assert {r.reviewer for r in stored} == {"Cllr Hazel Okonkwo"}


def test_importing_twice_changes_nothing(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _answered(svc, lib, tmp_path)
    svc.import_review(path)
    revision = svc.get_meeting(lib.meeting.id).revision
    again = svc.import_review(path)
    assert again.added == [] and again.already_imported == 2 and not again.changed
    assert len(svc.responses(lib.meeting.id)) == 2
    assert svc.get_meeting(lib.meeting.id).revision == revision
    # still nothing after the clerk has accepted one (the minutes changed meanwhile)
    suggestion = next(r for r in svc.responses(lib.meeting.id) if r.decision == "suggest")
    svc.accept_suggestion(suggestion.id)
    assert svc.import_review(path).added == []
    assert len(svc.responses(lib.meeting.id)) == 2


def test_refuses_a_review_of_a_meeting_not_in_the_library(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = _answered(svc, lib, tmp_path)
    svc.delete_meeting(lib.meeting.id)
    with pytest.raises(ReviewFileError, match="not in this library"):
        svc.import_review(path)


def test_refuses_an_older_version_of_the_minutes(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _answered(svc, lib, tmp_path)
    meeting = svc.get_meeting(lib.meeting.id)
    svc.add_block(meeting, lib.item, Paragraph(text="A late note from the Clerk."))
    with pytest.raises(ReviewFileError, match="older version") as caught:
        svc.import_review(path)
    assert "Export a new review file" in caught.value.advice
    assert svc.responses(lib.meeting.id) == []


def _rewrite(path: Path, change: str, to: str) -> None:
    raw = path.read_bytes()
    assert change.encode() in raw
    path.write_bytes(raw.replace(change.encode(), to.encode(), 1))


def test_refuses_tampered_minutes(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _answered(svc, lib, tmp_path)
    _rewrite(path, "£42 per plot", "£12 per plot")
    with pytest.raises(ReviewFileError, match="altered"):
        svc.import_review(path)
    with pytest.raises(ReviewFileError, match="altered"):
        open_review_file(path)


def test_refuses_tampered_responses(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _answered(svc, lib, tmp_path)
    _rewrite(path, "Was it a tenth", "Was it a third")
    with pytest.raises(ReviewFileError, match="altered"):
        svc.import_review(path)


def test_refuses_a_single_changed_byte(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _answered(svc, lib, tmp_path)
    raw = bytearray(path.read_bytes())
    at = raw.index(b"water charges")
    raw[at] = ord("W")
    path.write_bytes(bytes(raw))
    with pytest.raises(ReviewFileError, match="altered"):
        svc.import_review(path)


def test_refuses_minutes_altered_with_a_recomputed_digest(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    from clerk_app.services.review import meeting_digest, responses_digest

    path = _answered(svc, lib, tmp_path)
    data = json.loads(path.read_text())
    data["meeting"]["venue"] = "The Pavilion"
    data["digest"] = meeting_digest(data["meeting_id"], data["revision"], data["body"],
                                    data["meeting"])  # fmt: skip
    data["responses_digest"] = responses_digest(
        data["digest"], data["reviewer"], data["saved_at"], data["responses"]
    )
    path.write_text(json.dumps(data))
    with pytest.raises(ReviewFileError, match="altered"):
        svc.import_review(path)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01garbage\xff", b"[1, 2, 3]", b'{"format": "clerk-meeting"}', b"{not json"],
)
def test_refuses_files_that_are_not_review_files(
    svc: S, lib: Library, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "odd.clerkreview"
    path.write_bytes(content)
    with pytest.raises(ReviewFileError, match="not a Clerk review file"):
        svc.import_review(path)


def test_refuses_a_truncated_file(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _answered(svc, lib, tmp_path)
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(ReviewFileError, match="not a Clerk review file"):
        svc.import_review(path)


def test_save_is_atomic_and_keeps_the_file_on_failure(svc: S, lib: Library, tmp_path: Path) -> None:
    path = _export(svc, lib, tmp_path)
    session = open_review_file(path, reviewer="Hazel")
    session.respond(lib.item, "approve")
    before = path.read_bytes()
    with pytest.raises(ServiceError):
        session.save(tmp_path / "missing-folder" / "x.clerkreview")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".clerk-")] == []


def test_responses_are_kept_in_the_database(lib: Library, store: object, tmp_path: Path) -> None:
    from clerk_app.storage import Store

    assert isinstance(store, Store)
    svc = S(store)
    svc.import_review(_answered(svc, lib, tmp_path))
    store.close()
    with Store.open(store.path, backups=False) as reopened:
        kept = S(reopened).responses(lib.meeting.id)
    assert sorted(r.decision.value for r in kept) == ["query", "suggest"]


def test_review_mode_shows_the_minutes_as_they_will_read(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    from clerk_app.domain.document import Version

    session = svc.open_review_file(_export(svc, lib, tmp_path), reviewer="Hazel")
    assert session.document.version is Version.REVIEW
    assert "£42 per plot" in session.document.text
    labels = [t.label for t in session.targets]
    assert any(label.endswith("Allotment rents – resolution 1") for label in labels)
    assert not session.modified
    session.respond(lib.item, "approve")
    assert session.modified
    session.save()
    assert not session.modified


def test_an_item_suggestion_names_its_paragraph_when_there_are_several(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    meeting = svc.get_meeting(lib.meeting.id)
    extra = svc.add_block(meeting, lib.item, Paragraph(text="Plot 7 is vacant."))
    path = _export(svc, lib, tmp_path)
    session = open_review_file(path, reviewer="Hazel")
    session.respond(lib.item, "suggest", suggested_text="Plots 7 and 9 are vacant.",
                    block_id=extra.id)  # fmt: skip
    with pytest.raises(ServiceError, match="paragraph is not in this item"):
        session.respond(lib.item, "suggest", suggested_text="x", block_id=lib.motion + "x")
    session.save()
    response = svc.import_review(path).added[0]
    svc.accept_suggestion(response.id)
    after = svc.get_meeting(lib.meeting.id)
    found = after.find_block(extra.id)
    assert found is not None and isinstance(found[1], Paragraph)
    assert found[1].text == "Plots 7 and 9 are vacant."
    kept = after.find_block(lib.paragraph)
    assert kept is not None and isinstance(kept[1], Paragraph)
    assert kept[1].text == "The Clerk reported that water charges had risen by a tenth."


def test_refuses_a_file_newer_than_the_library(svc: S, lib: Library, tmp_path: Path) -> None:
    from clerk_app.services.review import meeting_digest, responses_digest

    path = _answered(svc, lib, tmp_path)
    data = json.loads(path.read_text())
    data["revision"] += 5
    data["meeting"]["revision"] = data["revision"]
    data["digest"] = meeting_digest(data["meeting_id"], data["revision"], data["body"],
                                    data["meeting"])  # fmt: skip
    data["responses_digest"] = responses_digest(
        data["digest"], data["reviewer"], data["saved_at"], data["responses"]
    )
    path.write_text(json.dumps(data))
    with pytest.raises(ReviewFileError, match="later version"):
        svc.import_review(path)


def test_translations_travel_in_the_review_file_and_a_new_wording_drops_the_old_one(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    """The file carries the second-language text with the minutes (its digest checks it);
    a suggested wording the clerk accepts replaces the clauses, so their old translation,
    which no longer says the same, goes; the preamble's stays."""
    meeting = svc.get_meeting(lib.meeting.id)
    found = meeting.find_block(lib.motion)
    assert found is not None and isinstance(found[1], Motion)
    motion = found[1]
    motion.translation = {"clauses": "y rhent fod yn £42 y llain", "preamble": "Bod y Cyngor:"}
    svc.update_block(meeting, found[0].id, motion)
    path = _answered(svc, lib, tmp_path)
    assert "y rhent fod yn £42 y llain" in path.read_bytes().decode("utf-8")
    report = svc.import_review(path)
    suggestion = next(r for r in report.added if r.decision == "suggest")
    svc.accept_suggestion(suggestion.id)
    again = svc.get_meeting(lib.meeting.id).find_block(lib.motion)
    assert again is not None and isinstance(again[1], Motion)
    assert again[1].clauses == ["the rent be £40."]
    assert again[1].translation == {"preamble": "Bod y Cyngor:"}
