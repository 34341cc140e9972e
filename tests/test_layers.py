"""Layers stay clean: the record-and-export path never loads Qt, and SQL stays in storage."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clerk_app"


def test_demo_and_export_run_without_qt(tmp_path: Path) -> None:
    script = f"""
import sys
from clerk_app.storage import Store
from clerk_app.services import Services
from clerk_app.services.demo import create_demo
from clerk_app.domain.document import Version
store = Store.open({str(tmp_path / "c.db")!r}, backups=False)
svc = Services(store)
meeting = create_demo(svc)
for version in Version:
    if version is not Version.ITEM:
        svc.export(meeting, {str(tmp_path)!r} + "/" + version.value + ".docx", version)
svc.export(meeting, {str(tmp_path / "m.json")!r}, fmt="json")
import clerk_app.cli
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("LOADED", loaded)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "LOADED []" in done.stdout, done.stdout + done.stderr


def test_pyside_only_in_gui_and_app() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("gui/") or rel == "app.py":
            continue
        if re.search(r"^\s*(from|import)\s+PySide6", path.read_text("utf-8"), re.MULTILINE):
            offenders.append(rel)
    assert offenders == []


def test_sql_only_in_storage() -> None:
    sql = re.compile(
        r"\b(SELECT\s+\S+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
        r"CREATE\s+TABLE)\b",
        re.IGNORECASE,
    )
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if not path.relative_to(PACKAGE).as_posix().startswith("storage/")
        and sql.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_dates_in_words_come_from_the_domain_not_the_system_locale() -> None:
    """``%B``/``%A`` and ``calendar``'s names follow the computer's locale (Qt sets it from
    the system): on a French system "novembre" would reach the minutes, the action log and
    the audit trail, and "4 Feb" would not be understood. Month and day names come from
    ``domain.dates`` alone."""
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "dates.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"%[aAbB]|calendar\.(month|day)_(name|abbr)", line)
    ]
    assert offenders == []
