# ruff: noqa: F401, F811  (pytest fixtures imported from test_review_helpers)
"""Double-clicking a damaged review file: a message in the chair's words, then Clerk ends
cleanly (exit code 1) with no window left and no library created."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from clerk_app import app as app_mod
from tests.gui.test_review_helpers import Boxes, Minutes, boxes, minutes, review_path
from tests.review.bad_files import BAD, write_bad


@pytest.mark.parametrize("name, make, words", BAD, ids=[b[0] for b in BAD])
def test_a_damaged_review_file_is_explained_and_clerk_ends(
    qapp: QApplication,
    review_path: Path,
    tmp_path: Path,
    boxes: Boxes,
    name: str,
    make: Any,
    words: str,
) -> None:
    from clerk_app.gui.review.window import ReviewWindow

    bad = write_bad(review_path, make, tmp_path / "from the chair.clerkreview")
    chair_home = tmp_path / "chair" / "Clerk"
    code = app_mod.main(["clerk-app"], data_dir=str(chair_home), review_file=str(bad))
    assert code == 1
    assert len(boxes.seen) == 1
    assert boxes.seen[0]["title"] == "This review file cannot be used"
    assert "from the chair.clerkreview is not a Clerk review file" in boxes.text()
    assert words in boxes.text()
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()]
    assert not chair_home.exists()


def test_a_file_the_window_cannot_show_is_explained_too(
    qapp: QApplication, review_path: Path, tmp_path: Path, boxes: Boxes, monkeypatch: Any
) -> None:
    """Whatever else goes wrong in showing a file from outside is said, and logged."""
    from clerk_app.gui.review import window as window_mod

    def broken(*_args: Any, **_kw: Any) -> None:
        raise KeyError("unforeseen")

    monkeypatch.setattr(window_mod.ReviewWindow, "__init__", broken)
    code = app_mod.main(
        ["clerk-app"], data_dir=str(tmp_path / "none"), review_file=str(review_path)
    )
    assert code == 1
    assert "Clerk could not show chair.clerkreview" in boxes.text()
