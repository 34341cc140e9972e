"""The Windows and macOS installer scripts, which cannot run here, at least point at the
files the build makes and parse."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import PureWindowsPath

import pytest

from tests.installer.conftest import INSTALLER, ROOT

ISS = INSTALLER / "windows" / "clerk.iss"


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(), re.MULTILINE))


def test_inno_setup_script_uses_the_pyinstaller_folder_and_icon() -> None:
    text = ISS.read_text()
    defines = iss_defines()
    source = PureWindowsPath(defines["SourceDir"])
    assert (ISS.parent / source.as_posix()).resolve() == (ROOT / "dist" / "Clerk").resolve()
    assert defines["AppExe"] == "Clerk.exe"
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE)
    assert icon is not None
    icon_path = ISS.parent / PureWindowsPath(icon.group(1).strip()).as_posix()
    assert icon_path.resolve() == (ROOT / "resources" / "icons" / "clerk.ico").resolve()
    assert icon_path.is_file()
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, re.MULTILINE)


def test_spec_names_the_program_clerk() -> None:
    spec = (INSTALLER / "clerk.spec").read_text()
    assert 'name="Clerk"' in spec
    assert '"resources"' in spec


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is not installed")
@pytest.mark.parametrize("script", ["macos/build_dmg.sh", "../.ci/run"])
def test_shell_scripts_parse(script: str) -> None:
    path = INSTALLER / script
    result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert path.stat().st_mode & 0o111, f"{script} is not executable"


def test_workflow_builds_all_three_platforms() -> None:
    workflow = (ROOT / ".github" / "workflows" / "installers.yml").read_text()
    for job in ("linux:", "windows:", "macos:"):
        assert f"\n  {job}\n" in workflow
    assert "installer\\windows\\clerk.iss" in workflow
    assert "installer/macos/build_dmg.sh" in workflow
