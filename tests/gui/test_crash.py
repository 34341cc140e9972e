"""The crash handler writes a log, shows a dialog and routes Qt's warnings to the log."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication, QLabel

from clerk_app.gui import crash
from clerk_app.gui.crash import install_crash_handler
from clerk_app.gui.dialogs.crash_dialog import CrashDialog


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[CrashDialog]]:
    dialogs: list[CrashDialog] = []

    def fake_exec(self: CrashDialog) -> int:
        dialogs.append(self)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    hook, thread_hook = sys.excepthook, threading.excepthook
    yield dialogs
    sys.excepthook, threading.excepthook = hook, thread_hook


def _raise_and_hook() -> None:
    try:
        raise RuntimeError("the agenda went missing")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_uncaught_error_writes_a_log_and_shows_the_details(
    qapp: QApplication, tmp_path: Path, shown: list[CrashDialog]
) -> None:
    handler = install_crash_handler(tmp_path / "logs")
    try:
        assert sys.excepthook is handler
        _raise_and_hook()
    finally:
        handler.uninstall()
    logs = sorted((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "RuntimeError: the agenda went missing" in text
    assert "Traceback" in text and "_raise_and_hook" in text
    assert len(shown) == 1
    dialog = shown[0]
    assert "already saved" in dialog.findChildren(QLabel)[1].text()
    assert dialog.log_path == logs[0]
    assert "the agenda went missing" in dialog.details.toPlainText()
    assert dialog.details.isHidden()
    dialog.details_button.click()
    assert not dialog.details.isHidden()
    dialog.copy_details()
    assert "the agenda went missing" in QApplication.clipboard().text()
    shot = Path("/tmp/shots-b")
    shot.mkdir(exist_ok=True)
    dialog.grab().save(str(shot / "crash-dialog.png"))


def test_error_in_a_worker_thread_is_logged(
    qapp: QApplication, tmp_path: Path, shown: list[CrashDialog]
) -> None:
    handler = install_crash_handler(tmp_path / "logs")
    try:
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
        qapp.processEvents()
    finally:
        handler.uninstall()
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "ZeroDivisionError" in logs[0].read_text(encoding="utf-8")
    assert len(shown) == 1  # shown on the GUI thread


def test_qt_warnings_go_to_the_log(qapp: QApplication, tmp_path: Path) -> None:
    handler = install_crash_handler(tmp_path / "logs", show=False)
    try:
        qWarning("a Qt warning about a stylesheet")
    finally:
        handler.uninstall()
    for h in crash.logging.getLogger("clerk").handlers:
        h.flush()
    text = (tmp_path / "logs" / "clerk.log").read_text(encoding="utf-8")
    assert "a Qt warning about a stylesheet" in text
    assert "WARNING clerk.qt" in text


def test_none_survives_many_qt_calls(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call."""
    from PySide6.QtWidgets import QLabel

    crash.keep_none_alive()
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    # without the protection Python would already have aborted; with it None lives on
    assert sys.getrefcount(None) > 1_000_000 or before - sys.getrefcount(None) < 20_000


def test_error_in_a_qt_slot_reaches_the_handler(
    qapp: QApplication, tmp_path: Path, shown: list[CrashDialog]
) -> None:
    from PySide6.QtCore import QTimer

    handler = install_crash_handler(tmp_path / "logs")
    try:

        def slot() -> None:
            raise ValueError("a slot failed while the clerk typed")

        QTimer.singleShot(0, slot)
        for _ in range(5):
            qapp.processEvents()
    finally:
        handler.uninstall()
    assert len(shown) == 1
    assert "a slot failed" in shown[0].details.toPlainText()
    assert list((tmp_path / "logs").glob("crash-*.log"))


def test_a_grown_log_is_moved_aside_when_clerk_starts(tmp_path: Path) -> None:
    from clerk_app.gui.crash import LOG_KEEP, rotate_log, setup_logging

    logs = tmp_path / "logs"
    logs.mkdir()
    log_file = logs / "clerk.log"
    for n in range(1, LOG_KEEP + 1):
        (logs / f"clerk.log.{n}").write_text(f"log {n}", encoding="utf-8")
    log_file.write_text("today " * 10, encoding="utf-8")
    rotate_log(log_file, limit=1000)  # small: left where it is
    assert log_file.read_text(encoding="utf-8").startswith("today")

    log_file.write_text("x" * 2_000_000, encoding="utf-8")
    setup_logging(logs)
    assert (logs / "clerk.log.1").stat().st_size == 2_000_000
    assert (logs / "clerk.log.2").read_text(encoding="utf-8") == "log 1"
    assert (logs / f"clerk.log.{LOG_KEEP}").read_text(encoding="utf-8") == f"log {LOG_KEEP - 1}"
    assert not (logs / f"clerk.log.{LOG_KEEP + 1}").exists()  # the oldest is dropped
    assert log_file.stat().st_size < 1000  # started afresh
