"""The README names every key the clerk needs: each menu entry's own shortcut appears in
it (the table, or the section that explains the feature)."""

from __future__ import annotations

from pathlib import Path

from clerk_app.gui.actions import SPECS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_shortcut_is_in_the_readme() -> None:
    missing = [
        f"{spec.text.replace('&', '')} ({key})"
        for spec in SPECS
        for key in spec.keys
        if isinstance(key, str) and key not in README
    ]
    assert missing == []


def test_the_readme_has_the_two_commands() -> None:
    assert "## Quick start" in README
    assert "pytest" in README
