"""PySide6's check on every import answers from the module's names, never its source."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import clerk_app.gui  # noqa: F401 - importing the package puts the cheap check in place
from clerk_app.gui.import_hook import cheap_feature_check, uses_pyside


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hook_uses_qt.py").write_text(
        "from PySide6.QtCore import QObject\n\nclass Thing(QObject):\n    pass\n",
        encoding="utf-8",
    )
    (tmp_path / "hook_no_qt.py").write_text(
        "# PySide6 is named in this comment only\nimport json\n\nVALUE = json.dumps([1])\n",
        encoding="utf-8",
    )
    (tmp_path / "hook_qt_module.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("hook_uses_qt", "hook_no_qt", "hook_qt_module"):
        sys.modules.pop(name, None)


def test_the_check_is_in_place() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is uses_pyside
    assert cheap_feature_check()  # a second call changes nothing and says so


def test_modules_are_told_apart_without_reading_their_files(modules: Path) -> None:
    feature = sys.modules["shibokensupport.feature"]
    linecache.clearcache()
    for name in ("hook_uses_qt", "hook_no_qt", "hook_qt_module"):
        __import__(name)  # as an import statement does: through PySide6's hook
    assert feature.pyside_feature_dict["hook_uses_qt"] == 0
    assert feature.pyside_feature_dict["hook_qt_module"] == 0
    # the word in a comment made PySide6's own check say yes; the names say no
    assert feature.pyside_feature_dict["hook_no_qt"] == -1
    read = {Path(f).name for f in linecache.cache}
    assert not read & {"hook_uses_qt.py", "hook_no_qt.py", "hook_qt_module.py"}


def test_odd_modules_are_answered() -> None:
    class Awkward:
        def __getattr__(self, name: str) -> object:
            raise RuntimeError("no attributes here")

    module = type(sys)("awkward")
    module.thing = Awkward()
    module.number = 3
    assert uses_pyside(module) is False
