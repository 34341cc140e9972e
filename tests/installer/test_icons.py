"""The application icon: PNG sizes, and the ICO and ICNS containers made from the SVG."""

from __future__ import annotations

import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

from tests.installer.conftest import ROOT, load_script

ICONS = ROOT / "resources" / "icons"


@pytest.fixture()
def make_icons() -> ModuleType:
    return load_script("make_icons.py")


def image(data: bytes) -> QImage:
    picture = QImage()
    assert picture.loadFromData(data, "PNG")
    return picture


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_committed_png_has_its_size(size: int) -> None:
    picture = QImage(str(ICONS / f"clerk-{size}.png"))
    assert (picture.width(), picture.height()) == (size, size)


def test_rendering_draws_the_tile_inside_a_transparent_corner(make_icons: ModuleType) -> None:
    picture = image(make_icons.render_png(ICONS / "clerk.svg", 64))
    assert picture.pixelColor(0, 0).alpha() == 0  # rounded corner
    assert picture.pixelColor(32, 4).alpha() == 255  # the blue tile
    assert picture.pixelColor(32, 4).blue() > picture.pixelColor(32, 4).red()


def test_ico_directory_points_at_each_png(make_icons: ModuleType) -> None:
    data = (ICONS / "clerk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        picture = image(data[offset : offset + length])
        expected = width or 256
        assert (picture.width(), picture.height()) == (expected, height or 256)
        sizes.append(expected)
    assert sizes == list(make_icons.ICO_SIZES)


def test_icns_elements_are_pngs_of_the_right_size(make_icons: ModuleType) -> None:
    data = (ICONS / "clerk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    found = {}
    offset = 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        length = struct.unpack_from(">I", data, offset + 4)[0]
        found[kind] = image(data[offset + 8 : offset + length]).width()
        offset += length
    assert found == {kind: size for kind, size in make_icons.ICNS_TYPES}


def test_make_icons_writes_every_file(make_icons: ModuleType, tmp_path: Path) -> None:
    written = make_icons.make_icons(tmp_path, ICONS / "clerk.svg")
    names = sorted(path.name for path in written)
    assert "clerk.ico" in names and "clerk.icns" in names
    assert all((tmp_path / name).stat().st_size > 0 for name in names)
    assert QImage(str(tmp_path / "clerk-512.png")).width() == 512
