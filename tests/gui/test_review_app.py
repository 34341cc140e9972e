# ruff: noqa: F401, F811  (pytest fixtures imported from test_review_helpers)
"""``app.main(review_file=…)``: review mode on a computer with no Clerk library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from clerk_app import app as app_mod
from tests.gui.test_review_helpers import Boxes, Minutes, boxes, minutes, review_path, shot


def test_main_opens_the_review_window_without_a_data_folder(
    qapp: QApplication, review_path: Path, tmp_path: Path
) -> None:
    from clerk_app.gui.review.window import ReviewWindow

    chair_home = tmp_path / "chair" / "Clerk"  # nothing here: the chair never ran Clerk
    seen: dict[str, Any] = {}

    def look_and_close() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, ReviewWindow)]
        seen["windows"] = [w for w in windows if w.isVisible()]
        if seen["windows"]:
            seen["title"] = seen["windows"][0].windowTitle()
            seen["targets"] = seen["windows"][0].targets.topLevelItemCount()
            shot(seen["windows"][0], "review-app")
        qapp.quit()

    QTimer.singleShot(300, look_and_close)
    code = app_mod.main(["clerk-app"], data_dir=str(chair_home), review_file=str(review_path))
    assert code == 0
    assert len(seen["windows"]) == 1
    assert "Planning Committee" in seen["title"]
    assert seen["targets"] > 3
    assert not chair_home.exists()  # no library, settings or logs were created


def test_main_explains_a_refused_review_file(
    qapp: QApplication, tmp_path: Path, boxes: Boxes
) -> None:
    bad = tmp_path / "from the chair.clerkreview"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    code = app_mod.main(["clerk-app"], data_dir=str(tmp_path / "none"), review_file=str(bad))
    assert code == 1
    assert "not a Clerk review file" in boxes.text()
    assert not (tmp_path / "none").exists()
