"""The default house-style template and template validation."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from clerk_app.domain.document import CharStyle, Document, Para, Run, Style
from clerk_app.export import TemplateError, check_template, default_template, export_docx
from clerk_app.export.template_builder import LISTS, build_template, main


def _styles_by_name(path: Path) -> dict[str, WD_STYLE_TYPE]:
    return {s.name: s.type for s in docx.Document(str(path)).styles}


def test_default_template_is_the_committed_resource() -> None:
    assert default_template().name == "house-style.docx"
    assert default_template().is_file()


@pytest.mark.parametrize("style", list(Style))
def test_every_paragraph_style_is_in_the_default_template(style: Style) -> None:
    assert _styles_by_name(default_template()).get(style.value) == WD_STYLE_TYPE.PARAGRAPH


@pytest.mark.parametrize("style", list(CharStyle))
def test_every_character_style_is_in_the_default_template(style: CharStyle) -> None:
    assert _styles_by_name(default_template()).get(style.value) == WD_STYLE_TYPE.CHARACTER


def test_builtin_styles_the_exporter_uses_are_present() -> None:
    names = _styles_by_name(default_template())
    assert names.get("Table Grid") == WD_STYLE_TYPE.TABLE
    assert names.get("Header") == WD_STYLE_TYPE.PARAGRAPH
    assert names.get("Footer") == WD_STYLE_TYPE.PARAGRAPH


def test_default_template_is_a4_arial_11() -> None:
    word = docx.Document(str(default_template()))
    section = word.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    normal = word.styles["Normal"]
    assert normal.font.name == "Arial"
    assert normal.font.size.pt == 11
    assert word.paragraphs == [] or all(not p.text for p in word.paragraphs)


def test_list_styles_carry_real_word_numbering() -> None:
    word = docx.Document(str(default_template()))
    numbering = word.part.numbering_part.element
    formats = {}
    for style, fmt in LISTS.items():
        num_pr = word.styles[style.value].element.pPr.numPr
        assert num_pr is not None, style
        num = numbering.num_having_numId(num_pr.numId.val)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(
            a
            for a in numbering.findall(qn("w:abstractNum"))
            if a.get(qn("w:abstractNumId")) == abstract_id
        )
        lvl = abstract.find(qn("w:lvl"))
        formats[style] = (
            lvl.find(qn("w:numFmt")).get(qn("w:val")),
            lvl.find(qn("w:lvlText")).get(qn("w:val")),
        )
        assert formats[style] == (fmt.num_fmt, fmt.text)
    assert formats[Style.CLAUSE_NUMBER] == ("decimal", "%1.")
    assert formats[Style.CLAUSE_LETTER] == ("lowerLetter", "(%1)")
    assert formats[Style.CLAUSE_ROMAN] == ("lowerRoman", "(%1)")
    assert formats[Style.POINT_BULLET][0] == "bullet"
    assert formats[Style.POINT_LETTER][0] == "lowerLetter"
    assert formats[Style.POINT_NUMBER][0] == "decimal"


def test_character_styles_look() -> None:
    word = docx.Document(str(default_template()))
    assert word.styles[CharStyle.KEYWORD.value].font.bold
    assert word.styles[CharStyle.KEYWORD.value].font.all_caps
    assert word.styles[CharStyle.INSERTED.value].font.bold
    assert word.styles[CharStyle.DELETED.value].font.strike


def test_builder_command_writes_a_complete_template(tmp_path: Path) -> None:
    out = tmp_path / "built.docx"
    assert main([str(out)]) == 0
    assert check_template(out) == []
    assert main([]) == 2


def test_check_template_accepts_default() -> None:
    assert check_template() == []
    assert check_template(default_template()) == []


def _template_without(tmp_path: Path, names: list[str]) -> Path:
    path = build_template(tmp_path / "council.docx")
    word = docx.Document(str(path))
    for name in names:
        el = word.styles[name].element
        el.getparent().remove(el)
    word.save(str(path))
    return path


def test_missing_styles_are_named(tmp_path: Path) -> None:
    gone = [Style.DECISION.value, CharStyle.DELETED.value]
    path = _template_without(tmp_path, gone)
    assert check_template(path) == gone
    out = tmp_path / "minutes.docx"
    with pytest.raises(TemplateError) as caught:
        export_docx(Document([Para(Style.BODY, [Run("Text")])]), out, template=path)
    message = str(caught.value)
    assert "Clerk Decision" in message and "Clerk Deleted" in message
    assert str(path) in message
    assert not out.exists()


def test_style_of_the_wrong_kind_counts_as_missing(tmp_path: Path) -> None:
    path = _template_without(tmp_path, [CharStyle.EXEMPT.value])
    word = docx.Document(str(path))
    word.styles.add_style(CharStyle.EXEMPT.value, WD_STYLE_TYPE.PARAGRAPH)
    word.save(str(path))
    assert check_template(path) == [CharStyle.EXEMPT.value]


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_a_non_word_template_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match="is not a Word document"):
        check_template(path)
    with pytest.raises(TemplateError, match="is not a Word document"):
        export_docx(Document(), tmp_path / "out.docx", template=path)


def test_a_zip_that_is_not_word_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hello")
    with pytest.raises(TemplateError, match="is not a Word document"):
        check_template(path)


def test_a_missing_template_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="could not be found"):
        check_template(tmp_path / "nowhere.docx")


def test_a_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    import zipfile

    src = default_template()
    dotx = tmp_path / "council.dotx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, data)
    assert check_template(dotx) == []
    out = export_docx(
        Document([Para(Style.BODY, [Run("From a template")])]), tmp_path / "m.docx", dotx
    )
    assert next(p.text for p in docx.Document(str(out)).paragraphs) == "From a template"


def test_committed_template_matches_the_builder(tmp_path: Path) -> None:
    """The committed resource is what the builder makes: styles and lists alike."""
    fresh = docx.Document(str(build_template(tmp_path / "fresh.docx")))
    committed = docx.Document(str(default_template()))
    names = [s.value for s in Style] + [c.value for c in CharStyle] + ["Header", "Footer"]
    for name in names:
        assert committed.styles[name].element.xml == fresh.styles[name].element.xml, name
    assert committed.part.numbering_part.element.xml == fresh.part.numbering_part.element.xml
