"""The clerk-facing texts for store, service and export errors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from clerk_app.export.errors import ExportError, TemplateError
from clerk_app.gui.errors import BUG_TITLE, describe, error_box, is_known
from clerk_app.services.errors import MeetingLocked, ServiceError
from clerk_app.storage import errors as se

STORE_CASES = [
    (se.InUseElsewhere, "already open", "another copy"),
    (se.DatabaseLocked, "busy", "busy"),
    (se.ReadOnlyDatabase, "cannot save", "read-only"),
    (se.DiskFull, "disk is full", "disk is full"),
    (se.CorruptDatabase, "damaged", "damaged"),
    (se.NotAClerkDatabase, "not a clerk database", "not a clerk database"),
    (se.DatabaseTooNew, "newer clerk", "newer version"),
]


@pytest.mark.parametrize(("cls", "title_words", "message_words"), STORE_CASES)
def test_each_store_error_has_its_own_title_message_and_advice(
    cls: type[se.StoreError], title_words: str, message_words: str
) -> None:
    title, message, advice = describe(cls())
    assert title_words in title.lower()
    assert message_words in message.lower()
    assert advice == cls.default_advice.strip()
    assert message.endswith(".")
    assert is_known(cls())


def test_store_error_titles_are_all_different() -> None:
    titles = {describe(cls())[0] for cls, _t, _m in STORE_CASES}
    assert len(titles) == len(STORE_CASES)


def test_store_error_keeps_a_specific_message() -> None:
    exc = se.ReadOnlyDatabase("Clerk cannot open the database file", path=None)
    _title, message, advice = describe(exc)
    assert message == "Clerk cannot open the database file."
    assert "write-protected" in advice


def test_service_errors() -> None:
    title, message, advice = describe(MeetingLocked("the attendance"))
    assert title == "These minutes are approved"
    assert "the attendance cannot be changed" in message
    assert "correction" in advice.lower()
    title, message, advice = describe(ServiceError("Give the body a name", field="name"))
    assert title == "That cannot be done"
    assert message == "Give the body a name."
    assert advice  # a default piece of advice is always given


def test_export_errors() -> None:
    title, message, advice = describe(TemplateError("The template lacks the style Clerk Body"))
    assert title == "The house-style template cannot be used"
    assert "Clerk Body" in message
    assert "template" in advice
    title, message, advice = describe(ExportError("minutes.docx could not be written"))
    assert title == "The document could not be written"
    assert advice and "Word" not in advice  # nothing says the cause was Word


def _export_failure(exc: OSError, tmp_path) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    from clerk_app.export.atomic import write_atomic

    def fail(_temp):  # type: ignore[no-untyped-def]
        raise exc

    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "minutes.docx", fail)
    return describe(info.value)


def test_export_advice_fits_the_situation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import errno

    _t, message, advice = _export_failure(OSError(errno.ENOSPC, "No space left"), tmp_path)
    assert "disk is full" in message
    assert "Word" not in advice and "free some space" in advice.lower()
    _t, message, advice = _export_failure(PermissionError(13, "Permission denied"), tmp_path)
    assert "read-only" in message and "allowed to save" in advice and "Word" not in advice


def test_export_onto_a_file_open_in_word_says_so(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from clerk_app.export.atomic import write_atomic

    def refuse(_src, _dst):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "The file is in use")  # what Windows says when Word has it

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "minutes.docx", lambda temp: temp.write_bytes(b"x"))
    _t, message, advice = describe(info.value)
    assert "open in another program (such as Word)" in message
    assert "Close it in that program and export again" in advice


def test_permission_error_is_the_clerks_situation() -> None:
    exc = PermissionError(13, "Permission denied", "/mnt/share/minutes.docx")
    _title, message, advice = describe(exc)
    assert "/mnt/share/minutes.docx" in message
    assert "folder" in advice
    assert is_known(exc)


def test_a_bug_is_reported_as_unexpected() -> None:
    exc = KeyError("item")
    title, _message, advice = describe(exc)
    assert title == BUG_TITLE
    assert "saved" in advice
    assert not is_known(exc)


def test_error_box_shows_the_texts(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = error_box(None, se.DiskFull())
    qtbot.addWidget(box)
    assert box.windowTitle() == "The disk is full"
    assert "Free some space" in box.informativeText()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Ok)
