"""The suite fails when the code is not lint-clean (ruff check) or when mypy finds a type
error anywhere in the package, the PySide6 layer included. Both look at the files git tracks,
so half-written files in a working tree do not count; a clean clone (as in CI) checks
everything."""

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


PACKAGE = "clerk_app"


def test_mypy_is_clean_on_the_whole_package() -> None:
    files = tracked_python_files(PACKAGE)
    if files is None:
        files = [PACKAGE] if (ROOT / PACKAGE).is_dir() else []
    assert files, f"the {PACKAGE} package was not found"
    result = run_tool("mypy", "--no-incremental", *files)
    assert result.returncode == 0, result.stdout + result.stderr
