"""The window's backups: asked for soon after opening (not while opening), written off the
window's thread, and a failure said in the status bar."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from clerk_app import app as app_mod
from clerk_app.storage import backup as bk
from tests.storage.test_errors import make_db


def _run_until(
    qapp: QApplication,
    data: Path,
    done: callable,
    timeout_ms: int = 20000,  # type: ignore[valid-type]
) -> QMainWindow:
    seen: dict[str, QMainWindow] = {}

    def ready(window: QMainWindow) -> None:
        seen["window"] = window
        waited = [0]

        def poll() -> None:
            waited[0] += 50
            if done(window) or waited[0] > timeout_ms:
                window.close()
            else:
                QTimer.singleShot(50, window, poll)

        poll()

    assert app_mod.main(["clerk-app"], data_dir=str(data), on_ready=ready) == 0
    return seen["window"]


def test_first_backup_soon_after_opening_off_the_window_thread(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    make_db(data / "clerk.db", blocks=50)
    monkeypatch.setattr(app_mod, "FIRST_BACKUP_MS", 200)
    threads: list[str] = []
    real = bk.write_backup

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(bk, "write_backup", spy)
    backups = data / "backups"
    had_backup_at_ready: list[bool] = []

    def done(window: QMainWindow) -> bool:
        if not had_backup_at_ready:
            had_backup_at_ready.append(backups.exists() and any(backups.glob("*.db")))
        return backups.exists() and any(backups.glob("*-open.db"))

    _run_until(qapp, data, done)
    assert had_backup_at_ready == [False]  # not during opening
    assert len(list(backups.glob("*-open.db"))) == 1
    assert threads and all(t != threading.main_thread().name for t in threads)


def test_a_failed_backup_is_said_in_the_status_bar(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    make_db(data / "clerk.db", blocks=5)
    (data / "backups").write_text("a file where the backups folder should be")
    monkeypatch.setattr(app_mod, "FIRST_BACKUP_MS", 100)
    monkeypatch.setattr(app_mod, "BACKUP_NEWS_MS", 50)
    messages: list[str] = []

    def done(window: QMainWindow) -> bool:
        messages.append(window.statusBar().currentMessage())
        return "automatic backup failed" in messages[-1]

    _run_until(qapp, data, done)
    assert any("The automatic backup failed" in m for m in messages)
