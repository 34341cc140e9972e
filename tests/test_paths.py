"""Where the data folder is found, including a library the clerk moved elsewhere when
its usual folder disappeared."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app import paths


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No --data-dir and no CLERK_DATA_DIR: Clerk finds its folder by itself."""
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    return tmp_path


def test_the_platform_folder_without_a_remembered_move(no_env: Path) -> None:
    assert paths.data_dir(create=False) == paths.platform_data_dir()
    assert paths.is_chosen_by_default(paths.platform_data_dir())


def test_a_moved_library_is_found_next_time(no_env: Path) -> None:
    moved = no_env / "new-home"
    moved.mkdir()
    (moved / paths.DATABASE_NAME).write_bytes(b"")
    paths.remember_data_dir(moved)
    assert paths.data_dir(create=False) == moved.resolve()
    assert paths.is_chosen_by_default(moved)
    # --data-dir and CLERK_DATA_DIR still win
    assert paths.data_dir(no_env / "stick", create=False) == no_env / "stick"


def test_a_remembered_folder_without_a_library_is_ignored(no_env: Path) -> None:
    moved = no_env / "gone-again"
    moved.mkdir()
    paths.remember_data_dir(moved)  # and the library was never written there
    assert paths.data_dir(create=False) == paths.platform_data_dir()


def test_a_folder_given_by_the_environment_is_not_remembered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "portable"))
    assert not paths.is_chosen_by_default(tmp_path / "portable")
