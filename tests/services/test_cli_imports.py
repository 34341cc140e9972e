"""The command line at any library size: a command loads only what it uses, a command
that only reads takes no backup, one that writes takes one first if the library changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.storage import Store

PROBE = """
import sys
from clerk_app.cli import main
code = main(sys.argv[1:])
print("LOADED", " ".join(sorted(m for m in sys.modules if m.startswith(("clerk_app", "docx",
      "PySide6", "sqlite_utils")))))
sys.exit(code)
"""


def loaded(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli") / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    return str(folder)


@pytest.mark.parametrize("command", [["list"], ["search", "parking"]])
def test_reading_commands_load_neither_services_nor_export(data: str, command: list[str]) -> None:
    modules = loaded("--data-dir", data, *command)
    assert "clerk_app.storage.store" in modules
    assert not any(m.startswith("clerk_app.services.") and m != "clerk_app.services.errors"
                   for m in modules)  # fmt: skip
    assert not any(m.startswith(("docx", "PySide6", "sqlite_utils", "clerk_app.export"))
                   for m in modules)  # fmt: skip
    assert "clerk_app.review_cli" not in modules


def test_building_the_parser_loads_no_use_case() -> None:
    probe = (
        "import sys; from clerk_app.cli import build_parser; build_parser(); "
        "print(' '.join(m for m in sys.modules if m.startswith('clerk_app')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    names = set(out.stdout.split())
    assert "clerk_app.review_cli" not in names
    assert not any(n.startswith(("clerk_app.services", "clerk_app.storage")) for n in names)


def test_reading_takes_no_backup_writing_takes_one_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0  # a new library: nothing to keep
    backups = folder / "backups"
    assert main(["--data-dir", str(folder), "list"]) == 0
    assert main(["--data-dir", str(folder), "search", "parking"]) == 0
    assert not backups.exists() or not list(backups.iterdir())
    assert main(["--data-dir", str(folder), "demo"]) == 0  # writes: the first demo kept
    (kept,) = list(backups.iterdir())
    with Store.open(kept, backups=False) as copy:
        assert len(copy.list_meetings()) == 1
    capsys.readouterr()
