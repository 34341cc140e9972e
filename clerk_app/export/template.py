"""Opening and checking a house-style template (.docx or .dotx)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from clerk_app import paths
from clerk_app.domain.document import CharStyle, Style
from clerk_app.export.errors import TemplateError

DEFAULT_TEMPLATE_NAME = "house-style.docx"
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def default_template() -> Path:
    return paths.resource(DEFAULT_TEMPLATE_NAME)


def _as_document_bytes(path: Path) -> io.BytesIO:
    """A Word template (.dotx) differs from a document only in its main content type."""
    source = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            zout.writestr(info, data)
    out.seek(0)
    return out


def open_template(path: str | Path | None = None) -> WordDocument:
    """Open the template as a python-docx document, or raise :class:`TemplateError`."""
    template = Path(path) if path is not None else default_template()
    if not template.exists():
        raise TemplateError(f"The house-style template {template} could not be found.")
    if template.is_dir():
        raise TemplateError(
            f"The house-style template {template} is a folder, not a Word document."
        )
    try:
        try:
            return docx.Document(str(template))
        except ValueError as exc:
            if "template.main" not in str(exc):
                raise
            return docx.Document(_as_document_bytes(template))
    except PermissionError as exc:
        raise TemplateError(
            f"The house-style template {template} could not be opened because access was "
            "refused. Check the file's permissions or choose another template."
        ) from exc
    except (
        zipfile.BadZipFile,
        PackageNotFoundError,
        KeyError,
        ValueError,
        OSError,
        etree.XMLSyntaxError,
    ) as exc:
        raise TemplateError(
            f"The house-style template {template} is not a Word document (.docx) or is "
            "damaged. Choose a .docx or .dotx file saved from Word."
        ) from exc


def required_styles() -> list[tuple[str, WD_STYLE_TYPE]]:
    """Every style name the exporter writes, with its kind."""
    wanted = [(s.value, WD_STYLE_TYPE.PARAGRAPH) for s in Style]
    wanted += [(c.value, WD_STYLE_TYPE.CHARACTER) for c in CharStyle]
    return wanted


def missing_styles(document: WordDocument) -> list[str]:
    """Names of required styles the document lacks (or has as the wrong kind)."""
    present: dict[str, str] = {}
    for style_el in document.styles.element.findall(qn("w:style")):
        name_el = style_el.find(qn("w:name"))
        if name_el is not None:
            present[name_el.get(qn("w:val"))] = style_el.get(qn("w:type"), "paragraph")
    kinds = {WD_STYLE_TYPE.PARAGRAPH: "paragraph", WD_STYLE_TYPE.CHARACTER: "character"}
    return [name for name, kind in required_styles() if present.get(name) != kinds[kind]]


def check_template(path: str | Path | None = None) -> list[str]:
    """The style names the template at ``path`` is missing; empty when it is usable.

    Raises :class:`TemplateError` when the file is missing or not a Word document."""
    return missing_styles(open_template(path))


def require_styles(document: WordDocument, template: Path) -> None:
    missing = missing_styles(document)
    if missing:
        raise TemplateError(
            f"The house-style template {template} is missing {len(missing)} "
            f"style{'s' if len(missing) != 1 else ''} Clerk needs: {', '.join(missing)}. "
            "Add them in Word (Styles pane) or start from Clerk's own house-style.docx."
        )
