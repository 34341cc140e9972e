"""Text cleaning and safe writing: bad characters and bad folders never lose work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.domain.document import Document, Para, Run, Style, Table
from clerk_app.export import ExportError, atomic, clean_text, export_docx

from .helpers import reopen
from .samples import p, realistic_document

ANY_CHAR = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),  # surrogates
    st.sampled_from("\x00\x07\x0b\x0c\r\t\n\x85\u2028\ufffe\uffff"),
)


def test_clean_text_removes_what_xml_cannot_hold() -> None:
    assert clean_text("a\x00b\x01c\x1fd") == "abcd"
    assert clean_text("tab\tand\nnewline") == "tab\tand\nnewline"
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert clean_text("x\ud800y\udfffz") == "xyz"
    assert clean_text("\ufffe\uffffok") == "ok"
    assert clean_text("£ – “quoted” ’") == "£ – “quoted” ’"
    assert clean_text("") == ""


def test_control_characters_do_not_stop_the_export(tmp_path: Path) -> None:
    doc = Document(
        [
            Para(Style.BODY, [Run("Budget\x00 \x07approved\x1b.")], label="4\x02.1"),
            Table(header=["Who\x0b"], rows=[["Cllr\x01 Yeo"]], caption="Vote\x08"),
        ],
        header_text="Harrowfield\x0c",
        footer_text="\x03Minutes",
        title="Title\x00",
    )
    word = reopen(export_docx(doc, tmp_path / "c.docx"))
    assert word.paragraphs[0].text == "4.1\tBudget approved."
    assert word.tables[0].rows[1].cells[0].text == "Cllr Yeo"
    assert word.core_properties.title == "Title"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=ANY_CHAR, max_size=60), label=st.text(alphabet=ANY_CHAR, max_size=6))
def test_arbitrary_text_never_raises(tmp_path: Path, text: str, label: str) -> None:
    doc = Document(
        [
            Para(Style.BODY, [Run(text)], label=label),
            Para(Style.CLAUSE_LETTER, [Run(text)], restart=True),
            Table(header=[text], rows=[[text]]),
        ],
        header_text=text,
        footer_text=text,
        watermark=text,
        title=text,
    )
    out = export_docx(doc, tmp_path / "any.docx")
    word = reopen(out)
    label_part = clean_text(label) + "\t" if clean_text(label) else ""
    assert word.paragraphs[0].text == label_part + clean_text(text)
    assert word.tables[0].rows[0].cells[0].text == clean_text(text)


@given(st.text(alphabet=ANY_CHAR))
def test_clean_text_output_is_xml_safe(text: str) -> None:
    from lxml import etree

    cleaned = clean_text(text)
    element = etree.Element("t")
    element.text = cleaned  # lxml raises ValueError on anything XML 1.0 cannot hold
    assert all(ch not in cleaned for ch in "\x00\x01\r\ufffe")


def _temp_files(folder: Path) -> list[Path]:
    return [f for f in folder.iterdir() if f.name.startswith(atomic.TEMP_PREFIX)]


def test_export_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    export_docx(realistic_document(), target)
    assert reopen(target).paragraphs[0].text == "Harrowfield Borough Council"
    assert _temp_files(tmp_path) == []


def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.docx"
    export_docx(Document([p(Style.BODY, "Approved version")]), target)
    before = target.read_bytes()

    import docx.document

    def half_then_fail(self: object, path: str) -> None:
        Path(path).write_bytes(b"PK\x03\x04 half a file")
        raise RuntimeError("disk went away")

    monkeypatch.setattr(docx.document.Document, "save", half_then_fail)
    with pytest.raises(RuntimeError):
        export_docx(Document([p(Style.BODY, "New version")]), target)
    assert target.read_bytes() == before
    assert _temp_files(tmp_path) == []


def test_os_error_mid_write_becomes_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import docx.document

    def disk_full(self: object, path: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", disk_full)
    with pytest.raises(ExportError, match="disk is full"):
        export_docx(Document(), tmp_path / "m.docx")
    assert _temp_files(tmp_path) == []


def test_file_open_in_word_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the approved minutes")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_docx(realistic_document(), target)
    message = str(caught.value)
    assert str(target) in message and "open in another program" in message
    assert target.read_bytes() == b"the approved minutes"
    assert _temp_files(tmp_path) == []


def test_parent_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    with pytest.raises(
        ExportError, match=r"Could not write .* is not a folder\. Choose another folder"
    ):
        export_docx(Document(), not_a_folder / "minutes.docx")


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"does not exist\. Choose another folder"):
        export_docx(Document(), tmp_path / "gone" / "minutes.docx")


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(
        ExportError, match=r"because the folder is read-only\. Choose another folder"
    ):
        export_docx(Document(), tmp_path / "minutes.docx")


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "minutes.docx").mkdir()
    with pytest.raises(ExportError, match="a folder has that name"):
        export_docx(Document(), tmp_path / "minutes.docx")
    assert _temp_files(tmp_path) == []


def test_written_file_is_readable_by_others(tmp_path: Path) -> None:
    out = export_docx(Document(), tmp_path / "m.docx")
    assert out.stat().st_mode & 0o044 == 0o044
