"""The signature block keeps the closing lines on its page and prints no empty lines; a
North American signatory signs on a line above the title."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.services import Services
from clerk_app.services.demo import create_demo
from clerk_app.services.demo_styles import create_style_demo
from clerk_app.storage import Store

W_BR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br"


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "clerk.db", backups=False))


def _tail(path: Path) -> list[docx.text.paragraph.Paragraph]:
    """The closing lines and the signature block: the paragraphs after the last one of
    neither style."""
    paragraphs = docx.Document(str(path)).paragraphs
    ends = ("Clerk Closing", "Clerk Signature")
    last = max(i for i, p in enumerate(paragraphs) if p.style.name not in ends)
    return paragraphs[last + 1 :]


def _kept_with_next(paragraph: docx.text.paragraph.Paragraph) -> bool:
    own = paragraph.paragraph_format.keep_with_next
    return bool(own if own is not None else paragraph.style.paragraph_format.keep_with_next)


@pytest.mark.parametrize("style", ["us-city-council", "ontario-council", "us-nonprofit-board"])
def test_north_american_signatures(svc: Services, tmp_path: Path, style: str) -> None:
    meeting = create_style_demo(svc, style)
    tail = _tail(svc.export(meeting, tmp_path / "minutes.docx", Version.FULL))
    closing = [p for p in tail if p.style.name == "Clerk Closing"]
    signatures = [p for p in tail if p.style.name == "Clerk Signature"]
    assert closing and all(_kept_with_next(p) for p in closing)  # never a page of signatures
    assert signatures and all(p.text.strip() for p in signatures)  # no empty lines
    for p in signatures:
        # a line to sign on (the dotted tab), then the title under it
        assert p.text.startswith("\t\t\n\t") and len(p._p.findall(f".//{W_BR}")) == 1


def test_an_english_committee_signs_and_dates(svc: Services, tmp_path: Path) -> None:
    meeting = create_demo(svc)
    tail = _tail(svc.export(meeting, tmp_path / "minutes.docx", Version.FULL))
    texts = [p.text for p in tail if p.style.name == "Clerk Signature"]
    assert texts[0].startswith("Signed\t\t") and texts[1].startswith("Date")
    closing = [p for p in tail if p.style.name == "Clerk Closing"]
    assert all(_kept_with_next(p) for p in closing)
