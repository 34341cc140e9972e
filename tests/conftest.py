"""Shared fixtures: every user folder points at a temporary directory."""

from __future__ import annotations

import os

# before pytest-qt creates its session-wide QApplication: no display is needed
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from clerk_app.gui.crash import keep_none_alive

# PySide6 6.12.0 on Python 3.11 lowers None's reference count on every void Qt call; a
# long GUI run would abort. The app protects itself the same way at start-up.
keep_none_alive()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    data = home / "clerk-data"
    monkeypatch.setenv("CLERK_DATA_DIR", str(data))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return data


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """The tests' application object is Clerk's own as macOS has it, the one that also
    takes Finder's file-open events, so that the tests can send it those."""
    from clerk_app.app import FinderApplication

    return FinderApplication
