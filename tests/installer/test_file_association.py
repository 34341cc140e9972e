"""Double-clicking a chair's review file (*.clerkreview) opens Clerk in review mode: the
desktop entry and MIME type on Linux, the registry entries of the Windows setup program and
the document type in the macOS app's Info.plist."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import os
import plistlib
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.installer.conftest import INSTALLER, load_script

MIME_TYPE = "application/x-clerk-review"
DESKTOP = INSTALLER / "linux" / "clerk.desktop"
MIME_XML = INSTALLER / "linux" / "clerk.xml"
ISS = INSTALLER / "windows" / "clerk.iss"
SPEC = INSTALLER / "clerk.spec"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


@pytest.fixture()
def build() -> ModuleType:
    return load_script("build.py")


@pytest.fixture()
def review_file(tmp_path: Path) -> Path:
    """A review file exactly as Clerk writes it for the chair."""
    from clerk_app.services import Services
    from clerk_app.services.demo import create_demo
    from clerk_app.storage import Store

    store = Store.open(tmp_path / "clerk.db", backups=False)
    try:
        svc = Services(store)
        meeting = create_demo(svc)
        return svc.export_review_file(meeting, tmp_path / "Planning minutes.clerkreview")
    finally:
        store.close()


def desktop_entry() -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    return entry["Desktop Entry"]


def mime_type_element() -> ET.Element:
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{{{NS['m']}}}mime-info"
    (element,) = root.findall("m:mime-type", NS)
    return element


# Linux ------------------------------------------------------------------------------------


def test_desktop_entry_opens_review_files_in_review_mode() -> None:
    from clerk_app.cli import _review_file_first, build_parser

    section = desktop_entry()
    assert MIME_TYPE in section["MimeType"].split(";")
    assert section["MimeType"].endswith(";")
    command = shlex.split(section["Exec"])
    assert command == ["clerk-app", "%f"]
    # What a file manager runs when the chair double-clicks the file.
    path = "/home/chair/Downloads/Planning minutes.clerkreview"
    args = [path if word == "%f" else word for word in command[1:]]
    parsed = build_parser().parse_args(_review_file_first(args))
    assert parsed.review == path
    assert parsed.command is None
    # Started from the menu, with no file, %f expands to nothing: the library window opens.
    assert build_parser().parse_args(_review_file_first([])).review is None


def test_mime_type_names_review_files(review_file: Path) -> None:
    element = mime_type_element()
    assert element.get("type") == MIME_TYPE
    comment = element.find("m:comment", NS)
    assert comment is not None and comment.text == "Clerk review file"
    globs = [glob.get("pattern", "") for glob in element.findall("m:glob", NS)]
    assert globs == ["*.clerkreview"]
    assert fnmatch.fnmatch(review_file.name, globs[0])
    icon = element.find("m:icon", NS)
    assert icon is not None and icon.get("name") == MIME_TYPE.replace("/", "-")


def test_mime_magic_matches_the_start_of_a_real_review_file(review_file: Path) -> None:
    element = mime_type_element()
    matches = element.findall("m:magic/m:match", NS)
    assert matches
    head = review_file.read_bytes()[:256]
    for match in matches:
        assert match.get("type") == "string"
        value = match.get("value", "").encode("utf-8")
        start, _, end = match.get("offset", "0").partition(":")
        found = head.find(value, int(start))
        assert found != -1 and found <= int(end or start), (value, head[:64])
    # A JSON file of another kind does not match.
    other = b'{\n "format": "clerk-meeting",\n "format_version": 1\n}\n'
    assert all(other.find(m.get("value", "").encode()) == -1 for m in matches)


def test_deb_installs_the_mime_type_and_its_icon(build: ModuleType, tmp_path: Path) -> None:
    bundle = tmp_path / "dist" / "Clerk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "Clerk").write_text("#!/bin/sh\n")
    (bundle / "Clerk").chmod(0o755)
    stage = tmp_path / "stage"
    build.stage_deb(bundle, stage, "1.2.3", "amd64")
    installed = stage / "usr/share/mime/packages/clerk.xml"
    assert installed.read_bytes() == MIME_XML.read_bytes()
    assert installed.stat().st_mode & 0o777 == 0o644
    icon = MIME_TYPE.replace("/", "-")
    for size in build.HICOLOR_SIZES:
        png = stage / f"usr/share/icons/hicolor/{size}x{size}/mimetypes/{icon}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (stage / f"usr/share/icons/hicolor/scalable/mimetypes/{icon}.svg").is_file()
    staged_entry = (stage / "usr/share/applications/clerk.desktop").read_text()
    assert f"MimeType={MIME_TYPE};" in staged_entry.splitlines()


@pytest.mark.parametrize("script", ["postinst", "postrm"])
def test_maintainer_scripts_refresh_the_mime_database(
    build: ModuleType, tmp_path: Path, script: str
) -> None:
    bundle = tmp_path / "Clerk"
    bundle.mkdir()
    stage = tmp_path / "stage"
    build.stage_deb(bundle, stage, "1.2.3", "amd64")
    path = stage / "DEBIAN" / script
    assert path.stat().st_mode & 0o111
    # Run it with stand-in tools that record how they were called.
    tools = tmp_path / "bin"
    tools.mkdir()
    log = tmp_path / "calls.log"
    for tool in ("update-mime-database", "update-desktop-database", "gtk-update-icon-cache"):
        (tools / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n')
        (tools / tool).chmod(0o755)
    result = subprocess.run(["/bin/sh", str(path), "configure"], env={"PATH": str(tools)})
    assert result.returncode == 0
    calls = log.read_text().splitlines()
    assert "update-mime-database /usr/share/mime" in calls
    assert "update-desktop-database -q /usr/share/applications" in calls
    # Without the tools (a minimal system) the script still succeeds.
    empty = tmp_path / "empty"
    empty.mkdir()
    result = subprocess.run(["/bin/sh", str(path), "configure"], env={"PATH": str(empty)})
    assert result.returncode == 0


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-validate")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("xmllint"), reason="xmllint is not installed")
def test_mime_xml_is_well_formed() -> None:
    result = subprocess.run(["xmllint", "--noout", str(MIME_XML)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("update-mime-database", "xdg-mime", "gio")),
    reason="needs update-mime-database, xdg-mime and gio (shared-mime-info, xdg-utils, glib)",
)
def test_desktop_recognises_review_files(review_file: Path, tmp_path: Path) -> None:
    data = tmp_path / "share"
    (data / "mime" / "packages").mkdir(parents=True)
    (data / "applications").mkdir()
    shutil.copyfile(MIME_XML, data / "mime" / "packages" / "clerk.xml")
    shutil.copyfile(DESKTOP, data / "applications" / "clerk.desktop")
    subprocess.run(["update-mime-database", str(data / "mime")], check=True, capture_output=True)
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "clerk-app").write_text("#!/bin/sh\n")  # the entry's TryExec
    (tools / "clerk-app").chmod(0o755)
    env = {
        "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(data),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CURRENT_DESKTOP": "GNOME",  # xdg-mime asks GLib, which reads shared-mime-info
    }

    def query(*args: str) -> str:
        done = subprocess.run(
            ["xdg-mime", "query", *args], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert query("filetype", str(review_file)) == MIME_TYPE
    # Renamed without its extension, the file is still known by its first bytes.
    bare = tmp_path / "from the chair"
    shutil.copyfile(review_file, bare)
    assert query("filetype", str(bare)) == MIME_TYPE
    # Another JSON file is not taken for one.
    other = tmp_path / "other.json"
    other.write_text('{\n "format": "clerk-meeting"\n}\n')
    assert query("filetype", str(other)) != MIME_TYPE
    if shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", str(data / "applications")], check=True, env=env)
        assert query("default", MIME_TYPE) == "clerk.desktop"


# Windows ----------------------------------------------------------------------------------


def iss_section(name: str) -> list[str]:
    text = ISS.read_text(encoding="utf-8")
    found = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.MULTILINE | re.DOTALL)
    assert found, f"no [{name}] section"
    return [ln for ln in found.group(1).splitlines() if ln.strip() and not ln.startswith(";")]


def iss_entry(line: str) -> dict[str, str]:
    """One Inno Setup entry ('Name: "value"; Flags: a b') with defines filled in and
    doubled quotes undone."""
    defines = dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(), re.MULTILINE))
    entry: dict[str, str] = {}
    for key, quoted, bare in re.findall(r'(\w+):\s*(?:"((?:[^"]|"")*)"|([^;]*))', line):
        value = quoted.replace('""', '"') if quoted or not bare else bare.strip()
        entry[key] = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)
    return entry


def registry() -> list[dict[str, str]]:
    return [iss_entry(line) for line in iss_section("Registry")]


def registry_value(subkey: str, name: str = "") -> dict[str, str]:
    found = [e for e in registry() if e["Subkey"] == subkey and e["ValueName"] == name]
    assert len(found) == 1, f"{subkey} {name!r}: {found}"
    return found[0]


def test_setup_program_associates_review_files_with_clerk() -> None:
    assert "ChangesAssociations=yes" in iss_section("Setup")
    assert registry_value(r"Software\Classes\.clerkreview")["ValueData"] == "Clerk.Review"
    progid = r"Software\Classes\Clerk.Review"
    assert registry_value(progid)["ValueData"] == "Clerk review file"
    assert registry_value(progid + r"\DefaultIcon")["ValueData"] == r"{app}\Clerk.exe,0"
    command = registry_value(progid + r"\shell\open\command")["ValueData"]
    assert command == r'"{app}\Clerk.exe" "%1"'
    # The program it names is the windowed one the spec builds (not the console twin).
    spec = SPEC.read_text()
    assert re.search(r'name="Clerk",\s*icon=ICON,\s*console=not \(WINDOWS or MACOS\)', spec)
    for entry in registry():
        # HKA: the user's classes when installed per user, the machine's for all users.
        assert entry["Root"] == "HKA"
        assert entry["ValueType"] == "string"


def test_uninstall_removes_every_association_entry() -> None:
    entries = registry()
    deleted_keys = [e["Subkey"] for e in entries if "uninsdeletekey" in e.get("Flags", "")]
    assert r"Software\Classes\Clerk.Review" in deleted_keys
    for entry in entries:
        flags = entry.get("Flags", "").split()
        covered = any(
            entry["Subkey"] == key or entry["Subkey"].startswith(key + "\\") for key in deleted_keys
        )
        assert covered or "uninsdeletevalue" in flags, entry


# macOS ------------------------------------------------------------------------------------


def spec_plist() -> tuple[dict[str, Any], ast.Call]:
    """The review-file part of the app's Info.plist as the spec builds it, and the BUNDLE
    call. Only the spec's plain assignments are evaluated, not PyInstaller's build steps."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"BUNDLE_ID", "REVIEW_UTI", "REVIEW_TYPES"}
    namespace: dict[str, Any] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and {t.id for t in node.targets if isinstance(t, ast.Name)} & wanted
        ):
            code = compile(ast.Module(body=[node], type_ignores=[]), str(SPEC), "exec")
            exec(code, {}, namespace)
    bundle = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BUNDLE"
    )
    return namespace, bundle


def test_app_bundle_declares_the_review_document_type() -> None:
    namespace, bundle = spec_plist()
    keywords = {k.arg: k.value for k in bundle.keywords}
    assert ast.unparse(keywords["bundle_identifier"]) == "BUNDLE_ID"
    info = keywords["info_plist"]
    assert isinstance(info, ast.Dict)
    spread = [v for k, v in zip(info.keys, info.values, strict=True) if k is None]
    assert [ast.unparse(v) for v in spread] == ["REVIEW_TYPES"]
    types = namespace["REVIEW_TYPES"]
    # It must survive being written as a property list.
    types = plistlib.loads(plistlib.dumps(types))
    uti = namespace["REVIEW_UTI"]
    prefix = namespace["BUNDLE_ID"].rsplit(".", 1)[0]
    assert uti.startswith(prefix + ".")
    (document,) = types["CFBundleDocumentTypes"]
    assert document["CFBundleTypeRole"] == "Viewer"
    assert document["LSHandlerRank"] == "Owner"
    assert document["LSItemContentTypes"] == [uti]
    assert document["CFBundleTypeExtensions"] == ["clerkreview"]
    assert document["CFBundleTypeIconFile"] == "clerk.icns"
    (exported,) = types["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] == uti
    assert "public.data" in exported["UTTypeConformsTo"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["clerkreview"]
    assert tags["public.mime-type"] == [MIME_TYPE]
