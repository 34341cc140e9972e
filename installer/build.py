"""Build a self-contained Clerk with PyInstaller and, on Linux, a Debian package.

    python installer/build.py [--skip-deb] [--deb-only] [--dist DIR] [--work DIR]
                              [--print-version]
    python3 installer/dev.py build [...]     # the same, inside the project's .venv

Makes dist/Clerk/ (the one-folder program: run dist/Clerk/Clerk, or Clerk.exe on
Windows; on macOS also dist/Clerk.app) from installer/clerk.spec, then, on Linux with
dpkg-deb, dist/clerk_VERSION_ARCH.deb, which installs the program in /opt/clerk with a
/usr/bin/clerk-app command, a desktop entry, icons and the application/x-clerk-review file
type, so that a chair's review file (*.clerkreview) opens in Clerk. The Windows installer
and the macOS disk image are made from dist/Clerk by installer/windows/clerk.iss and
installer/macos/build_dmg.sh (see installer/README.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"
SPEC = INSTALLER / "clerk.spec"
WORK = ROOT / "build"  # PyInstaller's work files and the .deb staging folder

PACKAGE = "clerk"
INSTALL_DIR = "opt/clerk"
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256)
# The chair's review file: its MIME type (installer/linux/clerk.xml) and that type's icon,
# which is Clerk's own icon under the name the freedesktop icon rules give the type.
REVIEW_MIME_TYPE = "application/x-clerk-review"
REVIEW_ICON = REVIEW_MIME_TYPE.replace("/", "-")
# Libraries Qt's desktop (xcb) platform plugin loads from the system.
DEB_DEPENDS = (
    "libegl1, libgl1, libfontconfig1, libfreetype6, libglib2.0-0, "
    "libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb-cursor0, "
    "libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, "
    "libxcb-shape0, libxcb-xfixes0, libxcb-xkb1, "
    # miniaudio (recording and playing the meeting) opens the sound system through ALSA,
    # or PulseAudio / PipeWire's Pulse server where one runs
    "libasound2t64 | libasound2"
)
DEB_MAINTAINER = os.environ.get("CLERK_DEB_MAINTAINER", "Clerk maintainers <clerk@localhost>")


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def read_version() -> str:
    text = (ROOT / "clerk_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not found:
        raise SystemExit("[build] No __version__ in clerk_app/__init__.py.")
    return found.group(1)


def program_name() -> str:
    return "Clerk.exe" if sys.platform == "win32" else "Clerk"


def build_bundle(dist: Path, work: Path = WORK) -> Path:
    """Run PyInstaller on installer/clerk.spec; return the one-folder program's folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "[build] PyInstaller is not installed for this Python. Use\n"
            "    python3 installer/dev.py build\n"
            "or install it first:\n"
            "    pip install -c installer/requirements-lock.txt -e .[build]"
        ) from None
    say(f"Building Clerk {read_version()} with PyInstaller (a minute or two) ...")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        str(SPEC),
    ]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if subprocess.call(command, cwd=ROOT, env=env) != 0:
        raise SystemExit("[build] PyInstaller failed; see the messages above.")
    folder = dist / "Clerk"
    if not (folder / program_name()).is_file():
        raise SystemExit(f"[build] PyInstaller made no {folder / program_name()}.")
    say(f"Built {folder}")
    return folder


def deb_architecture() -> str:
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def libc_dependency() -> str:
    """The C library the program was built against is the oldest it runs on."""
    try:
        found = re.search(r"(\d+\.\d+)", os.confstr("CS_GNU_LIBC_VERSION") or "")
    except (AttributeError, ValueError, OSError):
        found = None
    return f"libc6 (>= {found.group(1)})" if found else "libc6"


def folder_size_kib(folder: Path) -> int:
    total = sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if not path.is_symlink() and path.is_file() and "DEBIAN" not in path.parts
    )
    return max(1, total // 1024)


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    path.chmod(mode)


def stage_deb(bundle: Path, stage: Path, version: str, arch: str) -> None:
    """Lay out the package's files under stage, as they will be installed."""
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / INSTALL_DIR, symlinks=True)
    write(
        stage / "usr/bin/clerk-app",
        f"#!/bin/sh\n# Start Clerk (installed in /{INSTALL_DIR}).\n"
        f'exec /{INSTALL_DIR}/Clerk "$@"\n',
        0o755,
    )
    desktop = stage / "usr/share/applications/clerk.desktop"
    desktop.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(INSTALLER / "linux" / "clerk.desktop", desktop)
    mime = stage / "usr/share/mime/packages/clerk.xml"
    mime.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(INSTALLER / "linux" / "clerk.xml", mime)
    hicolor = stage / "usr/share/icons/hicolor"
    for folder, name in (("apps", "clerk"), ("mimetypes", REVIEW_ICON)):
        for size in HICOLOR_SIZES:
            target = hicolor / f"{size}x{size}" / folder / f"{name}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ICONS / f"clerk-{size}.png", target)
        (hicolor / "scalable" / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ICONS / "clerk.svg", hicolor / "scalable" / folder / f"{name}.svg")
    write(
        stage / f"usr/share/doc/{PACKAGE}/copyright",
        "Clerk: take the minutes of council and board meetings.\n"
        "License: GPL-3.0-or-later\n"
        "On Debian systems the full licence text is in /usr/share/common-licenses/GPL-3.\n"
        "The bundled Qt libraries are used under the GNU LGPL version 3; the other bundled\n"
        "Python packages keep their own licences, listed in their dist-info folders under\n"
        f"/{INSTALL_DIR}/_internal.\n",
    )
    for path in stage.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
    control = stage / "DEBIAN"
    write(
        control / "control",
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {DEB_MAINTAINER}\n"
        f"Installed-Size: {folder_size_kib(stage)}\n"
        f"Depends: {libc_dependency()}, {DEB_DEPENDS}\n"
        "Section: editors\n"
        "Priority: optional\n"
        "Description: take the minutes of council and board meetings\n"
        " Clerk lets a committee clerk type the minutes of a council, committee or\n"
        " board meeting live, offline, and export them as council-style Word minutes.\n",
    )
    refresh = (
        "#!/bin/sh\nset -e\n"
        "if command -v update-mime-database >/dev/null 2>&1; then\n"
        "    update-mime-database /usr/share/mime || true\nfi\n"
        "if command -v update-desktop-database >/dev/null 2>&1; then\n"
        "    update-desktop-database -q /usr/share/applications || true\nfi\n"
        "if command -v gtk-update-icon-cache >/dev/null 2>&1; then\n"
        "    gtk-update-icon-cache -q -f -t /usr/share/icons/hicolor || true\nfi\n"
    )
    write(control / "postinst", refresh, 0o755)
    write(control / "postrm", refresh, 0o755)


def build_deb(bundle: Path, dist: Path, work: Path = WORK) -> Path:
    if not shutil.which("dpkg-deb"):
        raise SystemExit("[build] dpkg-deb not found: install dpkg, or use --skip-deb.")
    version = read_version()
    arch = deb_architecture()
    stage = work / "deb" / f"{PACKAGE}_{version}_{arch}"
    stage_deb(bundle, stage, version, arch)
    output = dist / f"{PACKAGE}_{version}_{arch}.deb"
    say(f"Packing {output.name} ...")
    command = ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(stage), str(output)]
    if subprocess.call(command) != 0:
        raise SystemExit("[build] dpkg-deb failed; see the messages above.")
    say(f"Built {output}")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the self-contained Clerk program.")
    parser.add_argument("--skip-deb", action="store_true", help="do not make the .deb")
    parser.add_argument(
        "--deb-only", action="store_true", help="package an existing dist/Clerk as a .deb"
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=WORK, help="folder for work files")
    parser.add_argument(
        "--print-version", action="store_true", help="print Clerk's version and stop"
    )
    args = parser.parse_args(argv)
    if args.print_version:
        print(read_version())
        return 0
    dist = args.dist.resolve()
    if args.deb_only:
        bundle = dist / "Clerk"
        if not (bundle / program_name()).is_file():
            raise SystemExit(f"[build] {bundle} has no program to package: build it first.")
    else:
        bundle = build_bundle(dist, args.work.resolve())
    if args.skip_deb:
        return 0
    if sys.platform.startswith("linux"):
        build_deb(bundle, dist, args.work.resolve())
    else:
        say("The .deb is made on Linux only; skipping it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
