"""The self-contained program and the .deb, built for real and run headless (slow: a few
minutes). Run with: python3 installer/dev.py test -m slow tests/installer"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import clerk_app
from tests.installer.conftest import INSTALLER, ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="built here on Linux only"),
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")
    command = [sys.executable, str(INSTALLER / "build.py"), "--dist", str(out), "--work", str(work)]
    if not shutil.which("dpkg-deb"):
        command.append("--skip-deb")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return out


def clerk(dist: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("CLERK_DATA_DIR", None)
    return subprocess.run(
        [str(dist / "Clerk" / "Clerk"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def test_program_reports_its_version(dist: Path) -> None:
    result = clerk(dist, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Clerk {clerk_app.__version__}"


def test_resources_are_bundled(dist: Path) -> None:
    resources = dist / "Clerk" / "_internal" / "resources"
    assert (resources / "house-style.docx").is_file()
    assert any((resources / "phrases").iterdir())
    assert (resources / "icons" / "clerk.svg").is_file()


def test_dialog_forms_and_their_loader_are_bundled(dist: Path) -> None:
    internal = dist / "Clerk" / "_internal"
    forms = sorted(p.name for p in (ROOT / "ui").glob("*.ui"))
    assert forms
    assert sorted(p.name for p in (internal / "ui").glob("*.ui")) == forms
    assert list((internal / "PySide6").glob("QtUiTools*")), "QUiLoader reads the forms"


def test_demo_meeting_exports_to_word(dist: Path, tmp_path: Path) -> None:
    import docx

    data = tmp_path / "data"
    made = clerk(dist, "--data-dir", str(data), "demo")
    assert made.returncode == 0, made.stderr
    listed = clerk(dist, "--data-dir", str(data), "list")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split() for line in listed.stdout.splitlines() if line.strip()]
    assert len(rows) == 1, listed.stdout
    meeting_id = rows[0][0]
    out = tmp_path / "out.docx"
    exported = clerk(
        dist, "--data-dir", str(data), "export", meeting_id, "--version", "full", "-o", str(out)
    )
    assert exported.returncode == 0, exported.stdout + exported.stderr
    document = docx.Document(str(out))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    for table in document.tables:
        text += "\n" + "\n".join(cell.text for row in table.rows for cell in row.cells)
    assert len(text.split()) > 50, text
    body_name = " ".join(rows[0][3:]).split("(")[0].strip()
    assert body_name.split()[0] in text


def test_window_starts_and_keeps_running(dist: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    program = subprocess.Popen(
        [str(dist / "Clerk" / "Clerk"), "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        time.sleep(8)
        still_running = program.poll() is None
    finally:
        program.terminate()
        try:
            output, _ = program.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            program.kill()
            output, _ = program.communicate()
    assert still_running, output


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="dpkg-deb is not installed")
def test_deb_installs_program_desktop_entry_and_icons(dist: Path, tmp_path: Path) -> None:
    (deb,) = dist.glob("clerk_*.deb")
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    for path in (
        "./usr/bin/clerk-app",
        "./opt/clerk/Clerk",
        "./usr/share/applications/clerk.desktop",
        "./usr/share/icons/hicolor/256x256/apps/clerk.png",
        "./usr/share/icons/hicolor/scalable/apps/clerk.svg",
    ):
        assert f" {path}\n" in listing.stdout, path
    version = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True
    )
    assert version.stdout.strip() == clerk_app.__version__
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    unpacked = subprocess.run(
        [str(root / "opt" / "clerk" / "Clerk"), "--version"], capture_output=True, text=True
    )
    assert unpacked.stdout.strip() == f"Clerk {clerk_app.__version__}"
