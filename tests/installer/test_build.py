"""installer/build.py's Debian package layout, checked on a stand-in program folder.

The real PyInstaller build is exercised by the slow test in test_bundle.py."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from tests.installer.conftest import ROOT, load_script


@pytest.fixture()
def build() -> ModuleType:
    return load_script("build.py")


def fake_bundle(folder: Path) -> Path:
    program = folder / "Clerk"
    (program / "_internal" / "resources").mkdir(parents=True)
    (program / "Clerk").write_text("#!/bin/sh\necho Clerk 0.0\n")
    (program / "Clerk").chmod(0o700)
    (program / "_internal" / "resources" / "phrases.json").write_text("{}")
    return program


def test_version_comes_from_the_package(
    build: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    import clerk_app

    assert build.read_version() == clerk_app.__version__
    assert build.main(["--print-version"]) == 0
    assert capsys.readouterr().out.strip() == clerk_app.__version__


def test_desktop_entry_starts_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "installer" / "linux" / "clerk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Clerk"
    assert section["Exec"].split()[0] == "clerk-app"
    assert section["Icon"] == "clerk"
    assert section["Categories"].endswith(";")


def test_stage_lays_out_the_package(build: ModuleType, tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path / "dist")
    stage = tmp_path / "stage"
    build.stage_deb(bundle, stage, "1.2.3", "amd64")
    assert (stage / "opt/clerk/Clerk").stat().st_mode & 0o777 == 0o755
    assert (stage / "opt/clerk/_internal/resources/phrases.json").stat().st_mode & 0o777 == 0o644
    wrapper = stage / "usr/bin/clerk-app"
    assert wrapper.stat().st_mode & 0o111
    assert 'exec /opt/clerk/Clerk "$@"' in wrapper.read_text()
    for size in build.HICOLOR_SIZES:
        assert (stage / f"usr/share/icons/hicolor/{size}x{size}/apps/clerk.png").is_file()
    assert (stage / "usr/share/icons/hicolor/scalable/apps/clerk.svg").is_file()
    control = (stage / "DEBIAN/control").read_text()
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line)
    assert fields["Package"] == "clerk"
    assert fields["Version"] == "1.2.3"
    assert fields["Architecture"] == "amd64"
    assert "libxcb-cursor0" in fields["Depends"]
    assert fields["Depends"].startswith("libc6")
    assert int(fields["Installed-Size"]) >= 1


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="dpkg-deb is not installed")
def test_deb_only_packages_an_existing_folder(build: ModuleType, tmp_path: Path) -> None:
    fake_bundle(tmp_path)
    assert build.main(["--deb-only", "--dist", str(tmp_path), "--work", str(tmp_path / "w")]) == 0
    assert (tmp_path / "w" / "deb").is_dir()
    (deb,) = tmp_path.glob("clerk_*.deb")
    assert deb.name == f"clerk_{build.read_version()}_{build.deb_architecture()}.deb"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True)
    assert "./usr/share/applications/clerk.desktop" in listing.stdout
    assert "./opt/clerk/Clerk" in listing.stdout


def test_deb_only_without_a_build_says_so(build: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="build it first"):
        build.main(["--deb-only", "--dist", str(tmp_path)])
