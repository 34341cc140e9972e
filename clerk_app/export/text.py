"""Text cleaning: keep only what an XML 1.0 Word document can hold."""

from __future__ import annotations

import re

# Control characters other than tab and newline, lone surrogates and the two
# non-characters U+FFFE / U+FFFF cannot appear in XML 1.0; python-docx raises on them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """Return ``text`` with line endings made ``\\n`` and characters XML cannot hold
    removed. Vertical tabs, form feeds and Unicode line separators become newlines
    (Word line breaks); everything else unrepresentable is dropped."""
    if not text:
        return ""
    text = _LINE_ENDS.sub("\n", text)
    return _NOT_XML.sub("", text)
