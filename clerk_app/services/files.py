"""File names suggested for exports."""

from __future__ import annotations

import re

_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_filename(name: str, limit: int = 120) -> str:
    """A file name that every platform accepts: no reserved characters, no trailing dots."""
    cleaned = _BAD.sub("-", name)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")
    return cleaned[:limit].rstrip(" .") or "minutes"
