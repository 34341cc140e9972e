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


def _review_windows(qapp: QApplication) -> list[Any]:
    from clerk_app.gui.review.window import ReviewWindow

    return [w for w in qapp.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()]


def test_a_review_file_sent_while_the_library_is_open_gets_its_own_window(
    qapp: QApplication, review_path: Path, tmp_path: Path
) -> None:
    """How macOS's Finder hands over a double-clicked file: an event, not an argument."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    seen: dict[str, Any] = {}

    def ready(window: Any) -> None:
        before = len(_review_windows(qapp))
        other = QFileOpenEvent(str(tmp_path / "agenda.docx"))
        seen["other taken"] = QCoreApplication.sendEvent(qapp, other)
        seen["after other"] = len(_review_windows(qapp)) - before
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(review_path)))
        opened = _review_windows(qapp)
        seen["after review"] = len(opened) - before
        seen["titles"] = [w.windowTitle() for w in opened]
        seen["library still open"] = window.isVisible()
        window.close()
        qapp.quit()  # the review window would keep Clerk running: quit with it open

    code = app_mod.main(["clerk-app"], data_dir=str(tmp_path / "library"), on_ready=ready)
    assert code == 0
    assert seen["after other"] == 0 and not seen["other taken"]
    assert seen["after review"] == 1
    assert any("Planning Committee" in t for t in seen["titles"])
    assert seen["library still open"]
    assert not _review_windows(qapp)  # closed with Clerk


def test_on_macos_a_review_file_clerk_was_started_with_opens_review_mode(
    qapp: QApplication, review_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """Finder starts Clerk with no arguments and sends the file a moment later: Clerk
    waits for it before opening the library, so the chair's computer gets no database."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    monkeypatch.setattr(app_mod.sys, "platform", "darwin")
    chair_home = tmp_path / "chair" / "Clerk"
    seen: dict[str, Any] = {}

    def look_and_close() -> None:
        seen["windows"] = [w.windowTitle() for w in _review_windows(qapp)]
        qapp.quit()

    QCoreApplication.postEvent(qapp, QFileOpenEvent(str(review_path)))
    QTimer.singleShot(400, look_and_close)
    code = app_mod.main(["clerk-app"], data_dir=str(chair_home))
    assert code == 0
    assert len(seen["windows"]) == 1 and "Planning Committee" in seen["windows"][0]
    assert not chair_home.exists()


def test_waiting_for_a_launch_file_gives_up_quickly_when_none_comes(qapp: QApplication) -> None:
    from PySide6.QtCore import QElapsedTimer

    opener = app_mod.ReviewFileOpener(qapp)
    try:
        clock = QElapsedTimer()
        clock.start()
        assert opener.wait_for_launch_file(100) is None
        assert 90 <= clock.elapsed() < 1000
    finally:
        opener.stop()


def test_file_open_events_reach_clerk_without_an_application_wide_filter(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The application object itself takes Finder's file-open events; no filter watches
    every widget's events (that slowed start-up)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    assert isinstance(qapp, app_mod.ClerkApplication)
    opener = app_mod.ReviewFileOpener(qapp)
    try:
        assert opener.offer in qapp.file_handlers
        review = str(tmp_path / "from the clerk.clerkreview")
        assert QCoreApplication.sendEvent(qapp, QFileOpenEvent(review))
        assert not QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "a.docx")))
        assert opener.pending == [review]
    finally:
        opener.stop()
    assert opener.offer not in qapp.file_handlers
