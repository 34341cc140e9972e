"""The chair's review copy in Word, and reading the chair's Word comments back.

The review copy is the review version of the minutes written by the Word exporter, with
a bookmark around every item (``CI…``) and every resolution (``CR…``) and one naming the
meeting (``CM…``); the meeting is also named in the file's identifier property. Bookmark
names are short hashes of the ids (Word allows 40 characters). A comment the chair adds
anywhere inside a bookmarked range is attached to that resolution, or else to that item.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.domain.document import Document, Para, Table, Version
from clerk_app.domain.model import Body, Meeting
from clerk_app.domain.review import (
    ResponseSource,
    ReviewDecision,
    ReviewResponse,
    TargetKind,
    review_targets,
)
from clerk_app.services.errors import ServiceError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from clerk_app.storage import Store

IDENTIFIER_PREFIX = "clerk-review:"


def _sha256(text: str) -> str:
    import hashlib  # here: slow to load, and not needed to open the window

    return hashlib.sha256(text.encode()).hexdigest()


def bookmark_name(prefix: str, ident: str) -> str:
    return prefix + _sha256(ident)[:30]


@dataclass
class UnplacedComment:
    author: str
    text: str
    anchor_text: str


@dataclass
class WordImportReport:
    meeting_id: str
    added: list[ReviewResponse] = field(default_factory=list)
    already_imported: int = 0
    unplaced: list[UnplacedComment] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.added)} new comment(s) attached"]
        if self.already_imported:
            parts.append(f"{self.already_imported} already imported")
        if self.unplaced:
            parts.append(f"{len(self.unplaced)} could not be placed")
        return "; ".join(parts) + "."


# --------------------------------------------------------------------------- export


def _spans(document: Document, body_children: list[Any]) -> dict[str, tuple[Any, Any]]:
    """Pair each rendered element with the Word body element written for it, and return
    bookmark name → (first, last) Word element for every item and resolution."""
    from docx.oxml.ns import qn

    P, TBL = qn("w:p"), qn("w:tbl")
    blocks = [c for c in body_children if c.tag in (P, TBL)]
    written: list[tuple[Para | Table, Any]] = []
    i = 0
    for el in document.elements:
        if isinstance(el, Table):
            if not (el.header or el.rows):
                continue
            if el.caption:
                i += 1
            if i < len(blocks) and blocks[i].tag == TBL:
                written.append((el, blocks[i]))
            i += 1
        else:
            if i < len(blocks) and blocks[i].tag == P:
                written.append((el, blocks[i]))
            i += 1
    spans: dict[str, tuple[Any, Any]] = {}
    for el, word_el in written:
        if isinstance(el, Para) and _word_text(word_el) != _expected_text(el):
            continue  # out of step with what the exporter wrote: leave it unmarked
        keys = []
        if el.item_id:
            keys.append(bookmark_name("CI", el.item_id))
        if el.block_id:
            keys.append(bookmark_name("CR", el.block_id))
        for key in keys:
            first = spans.get(key, (word_el, word_el))[0]
            spans[key] = (first, word_el)
    return spans


def _word_text(p: Any) -> str:
    from docx.oxml.ns import qn

    parts: list[str] = []
    for run in p.iter(qn("w:r")):
        for child in run:
            if child.tag == qn("w:t"):
                parts.append(child.text or "")
            elif child.tag == qn("w:tab"):
                parts.append("\t")
    return "".join(parts).strip()


def _expected_text(para: Para) -> str:
    from clerk_app.export import clean_text

    label = clean_text(para.label) + "\t" if para.label else ""
    return (label + "".join(clean_text(r.text) for r in para.runs)).strip()


def _bookmark(first: Any, last: Any, name: str, mark_id: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{mark_id}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{mark_id}"/>')
    if first.tag == qn("w:p"):
        ppr = first.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            first.insert(0, start)
    else:
        first.addprevious(start)
    if last.tag == qn("w:p"):
        last.append(end)
    else:
        last.addnext(end)


def mark_review_copy(word: WordDocument, document: Document, meeting: Meeting) -> int:
    """Add the bookmarks and identifier; the number of ranges marked."""
    body = word.element.body
    spans = _spans(document, list(body))
    wanted = {bookmark_name("CI", t.id) for t in review_targets(meeting)} | {
        bookmark_name("CR", t.id) for t in review_targets(meeting)
    }
    mark_id = 9000
    children = [c for c in body if c.tag.endswith("}p") or c.tag.endswith("}tbl")]
    if children:
        _bookmark(children[0], children[0], bookmark_name("CM", meeting.id), mark_id)
    marked = 0
    for name, (first, last) in spans.items():
        if name in wanted:
            mark_id += 1
            _bookmark(first, last, name, mark_id)
            marked += 1
    word.core_properties.identifier = f"{IDENTIFIER_PREFIX}{meeting.id}:{meeting.revision}"
    return marked


# --------------------------------------------------------------------------- import


def _open_docx(path: Path) -> WordDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if not path.is_file():
        raise ServiceError(f"There is no file {path}.")
    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, XMLSyntaxError, KeyError, ValueError):
        raise ServiceError(
            f"{path.name} is not a Word document Clerk can read.",
            advice="Save it from Word as a .docx file and try again.",
        ) from None


def _comment_places(word: WordDocument) -> dict[int, tuple[set[str], str]]:
    """Comment id → (bookmark names over the paragraph it is anchored in, anchor text)."""
    from docx.oxml.ns import qn
    from lxml import etree

    P, BS, BE = qn("w:p"), qn("w:bookmarkStart"), qn("w:bookmarkEnd")
    CRS, CREF, T = qn("w:commentRangeStart"), qn("w:commentReference"), qn("w:t")
    ID, NAME = qn("w:id"), qn("w:name")
    open_marks: dict[str, str] = {}
    found: dict[int, tuple[set[str], str]] = {}
    names: set[str] = set()
    anchors: list[int] = []
    for event, el in etree.iterwalk(word.element.body, events=("start", "end")):
        if el.tag == P and event == "start":
            names, anchors = set(open_marks.values()), []
        elif el.tag == P:
            text = "".join(t.text or "" for t in el.iter(T))
            for cid in anchors:
                found.setdefault(cid, (names, text))
        elif event != "start":
            continue
        elif el.tag == BS:
            open_marks[el.get(ID, "")] = el.get(NAME, "")
            names.add(el.get(NAME, ""))
        elif el.tag == BE:
            open_marks.pop(el.get(ID, ""), None)
        elif el.tag in (CRS, CREF):
            try:
                anchors.append(int(el.get(ID, "")))
            except ValueError:
                continue
    return found


def _meeting_marker(word: WordDocument) -> tuple[str | None, set[str]]:
    from docx.oxml.ns import qn

    ident = word.core_properties.identifier or ""
    meeting_id = None
    if ident.startswith(IDENTIFIER_PREFIX):
        meeting_id = ident[len(IDENTIFIER_PREFIX) :].split(":")[0]
    marks = {
        el.get(qn("w:name"), "")
        for el in word.element.body.iter(qn("w:bookmarkStart"))
        if el.get(qn("w:name"), "").startswith("CM")
    }
    return meeting_id, marks


class WordReviewMixin:
    store: Store

    if TYPE_CHECKING:

        def _body_of(self, meeting: Meeting) -> Body: ...
        def render(
            self, meeting: Meeting, version: Version = ..., item_id: str | None = None
        ) -> Document: ...
        def template_for(self, body: Body) -> Path | None: ...

    def export_review_docx(self, meeting: Meeting, path: str | os.PathLike[str]) -> Path:
        """The chair's review copy: the review version of the minutes, each item and
        resolution bookmarked so the chair's Word comments can be placed back."""
        import docx

        from clerk_app.export import export_docx
        from clerk_app.export.atomic import write_atomic

        target = Path(path)
        document = self.render(meeting, Version.REVIEW)
        export_docx(document, target, template=self.template_for(self._body_of(meeting)))
        word = docx.Document(str(target))
        mark_review_copy(word, document, meeting)
        return write_atomic(target, lambda temp: word.save(str(temp)))

    def import_word_comments(
        self, meeting: Meeting, docx_path: str | os.PathLike[str]
    ) -> WordImportReport:
        """Attach each Word comment in the chair's returned copy to its resolution or item
        (as a query); comments that cannot be placed are listed in the report."""
        from clerk_app.storage import reviews as repo

        path = Path(docx_path)
        word = _open_docx(path)
        meeting_id, marks = _meeting_marker(word)
        mine = bookmark_name("CM", meeting.id)
        if meeting_id is None and not marks:
            raise ServiceError(
                f"{path.name} is not a chair's review copy exported by Clerk.",
                advice="Export a review copy (Review → Word review copy) and send that.",
            )
        if (meeting_id is not None and meeting_id != meeting.id) or (marks and mine not in marks):
            raise ServiceError(
                f"{path.name} is the review copy of a different meeting.",
                advice="Choose the meeting the copy was made for, or the right file.",
            )
        targets = {}
        for t in review_targets(meeting):
            prefix = "CR" if t.kind is TargetKind.MOTION else "CI"
            targets[bookmark_name(prefix, t.id)] = t
        places = _comment_places(word)
        report = WordImportReport(meeting_id=meeting.id)
        responses: list[ReviewResponse] = []
        for comment in word.comments:
            text = comment.text.strip()
            if not text:
                continue
            names, anchor = places.get(comment.comment_id, (set(), ""))
            hits = [targets[n] for n in names if n in targets]
            hits.sort(key=lambda t: t.kind is not TargetKind.MOTION)
            if not hits:
                report.unplaced.append(UnplacedComment(comment.author, text, anchor))
                continue
            target = hits[0]
            stamp = comment.timestamp.isoformat() if comment.timestamp else ""
            key = f"{meeting.id}|{comment.comment_id}|{comment.author}|{stamp}|{text}"
            response = ReviewResponse(
                target_kind=target.kind,
                target_id=target.id,
                item_id=target.item_id,
                decision=ReviewDecision.QUERY,
                comment=text,
                reviewer=comment.author or "",
                source=ResponseSource.WORD,
                id=_sha256(key)[:32],
            )
            if stamp:
                response.at = stamp
            responses.append(response)
        known = repo.known_response_ids(self.store, [r.id for r in responses])
        report.already_imported = len(known)
        fresh = [r for r in responses if r.id not in known]
        if fresh:
            report.added = repo.add_responses(
                self.store,
                meeting.id,
                fresh,
                import_id="word:" + _sha256("|".join(r.id for r in responses)),
                file_name=path.name,
                reviewer=", ".join(sorted({r.reviewer for r in fresh if r.reviewer})),
                source=ResponseSource.WORD.value,
            )
        return report
