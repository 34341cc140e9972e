"""The suite fails when the code is not lint-clean (ruff check) or when mypy finds a type
error in the Qt-free layers. Both look at the files git tracks, so half-written files in a
working tree do not count; a clean clone (as in CI) checks everything."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tracked_python_files(*folders: str) -> list[str] | None:
    """Python files git tracks under folders (all when none), or None outside a checkout."""
    if not shutil.which("git") or not (ROOT / ".git").exists():
        return None
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *(folders or (".",))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [name for name in listed.split("\0") if name.endswith(".py") and (ROOT / name).exists()]


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_check_is_clean() -> None:
    files = tracked_python_files()
    result = run_tool(
        "ruff", "check", "--no-cache", "--force-exclude", *(files if files is not None else ["."])
    )
    assert result.returncode == 0, result.stdout + result.stderr


TYPED_LAYERS = ("clerk_app/domain", "clerk_app/storage", "clerk_app/export", "clerk_app/services")


def test_mypy_is_clean_on_the_qt_free_layers() -> None:
    files = tracked_python_files(*TYPED_LAYERS)
    if files is None:
        files = [layer for layer in TYPED_LAYERS if (ROOT / layer).is_dir()]
    assert files, "none of the Qt-free layers was found"
    result = run_tool("mypy", "--no-incremental", *files)
    assert result.returncode == 0, result.stdout + result.stderr
