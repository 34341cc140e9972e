"""The chair's Word review copy and the comments read back from it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.review import ResponseSource, ReviewDecision, TargetKind
from clerk_app.services.errors import ServiceError

from .conftest import Library, S


def _paragraph(word: docx.document.Document, words: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in word.paragraphs if words in p.text)


def _commented(svc: S, lib: Library, tmp_path: Path) -> Path:
    """Export the review copy, then comment on it as the chair would in Word."""
    path = svc.export_review_docx(lib.meeting, tmp_path / "review.docx")
    word = docx.Document(str(path))
    word.add_comment(
        _paragraph(word, "£42 per plot").runs, "Should this be £40?", "Hazel Okonkwo", "HO"
    )
    word.add_comment(
        _paragraph(word, "water charges").runs, "Please give the source.", "Hazel Okonkwo", "HO"
    )
    word.add_comment(word.paragraphs[0].runs, "Nice layout.", "Hazel Okonkwo", "HO")
    word.save(str(path))
    return path


def test_review_copy_marks_each_item_and_resolution(svc: S, lib: Library, tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    from clerk_app.services.word_review import bookmark_name

    path = svc.export_review_docx(lib.meeting, tmp_path / "review.docx")
    word = docx.Document(str(path))
    names = {el.get(qn("w:name")) for el in word.element.body.iter(qn("w:bookmarkStart"))}
    for item in lib.meeting.items:
        if item.blocks or item.title:
            assert bookmark_name("CI", item.id) in names
    assert bookmark_name("CR", lib.motion) in names
    assert bookmark_name("CM", lib.meeting.id) in names
    assert word.core_properties.identifier.startswith(f"clerk-review:{lib.meeting.id}:")
    text = "\n".join(p.text for p in word.paragraphs)
    assert "£42 per plot" in text and "Quarrybank" not in text


def test_comments_are_attached_to_their_resolution_or_item(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    report = svc.import_word_comments(lib.meeting, _commented(svc, lib, tmp_path))
    by_text = {r.comment: r for r in report.added}
    on_motion = by_text["Should this be £40?"]
    assert on_motion.target_kind is TargetKind.MOTION and on_motion.target_id == lib.motion
    on_item = by_text["Please give the source."]
    assert on_item.target_kind is TargetKind.ITEM and on_item.target_id == lib.item
    for r in report.added:
        assert r.decision is ReviewDecision.QUERY and r.source is ResponseSource.WORD
        assert r.reviewer == "Hazel Okonkwo"
    assert [u.text for u in report.unplaced] == ["Nice layout."]
    assert "Westbury" in report.unplaced[0].anchor_text
    stored = svc.responses(lib.meeting.id)
    assert {r.comment for r in stored} == {"Should this be £40?", "Please give the source."}


def test_importing_the_same_comments_twice_adds_nothing(
    svc: S, lib: Library, tmp_path: Path
) -> None:
    path = _commented(svc, lib, tmp_path)
    svc.import_word_comments(lib.meeting, path)
    again = svc.import_word_comments(lib.meeting, path)
    assert again.added == [] and again.already_imported == 2
    assert len(svc.responses(lib.meeting.id)) == 2


def test_a_copy_of_another_meeting_is_refused(svc: S, lib: Library, tmp_path: Path) -> None:
    path = svc.export_review_docx(lib.other, tmp_path / "other.docx")
    with pytest.raises(ServiceError, match="different meeting"):
        svc.import_word_comments(lib.meeting, path)
    assert svc.responses(lib.meeting.id) == []


def test_a_plain_word_file_is_refused(svc: S, lib: Library, tmp_path: Path) -> None:
    plain = docx.Document()
    plain.add_paragraph("Minutes typed by hand")
    plain.save(str(tmp_path / "plain.docx"))
    with pytest.raises(ServiceError, match="not a chair's review copy"):
        svc.import_word_comments(lib.meeting, tmp_path / "plain.docx")
    (tmp_path / "junk.docx").write_bytes(b"not a zip")
    with pytest.raises(ServiceError, match="not a Word document"):
        svc.import_word_comments(lib.meeting, tmp_path / "junk.docx")
