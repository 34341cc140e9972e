"""The dialogs' Qt Designer forms in ui/: each is found the way the app finds it (source
tree, installed wheel, PyInstaller bundle), loads, names every control for a screen
reader, and gives no two controls the same Alt key."""

from __future__ import annotations

import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from clerk_app import paths
from clerk_app.gui import uiload

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted(p.stem for p in (ROOT / "ui").glob("*.ui"))
WATCH_ONLY = {"export_progress"}  # a window the clerk only watches
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QAbstractItemView,
    QTabWidget,
)


def test_there_are_forms() -> None:
    assert len(FORMS) >= 9, FORMS


def test_every_form_the_code_loads_exists() -> None:
    named = set()
    for module in (ROOT / "clerk_app").rglob("*.py"):
        for call in re.findall(r"load_into\(([^)]*)\)", module.read_text("utf-8")):
            named |= set(re.findall(r'"(\w+)"', call))
    assert named, "no dialog loads a form"
    assert sorted(named - set(FORMS)) == []
    assert sorted(set(FORMS) - named) == [], "a form no dialog loads"


@pytest.mark.parametrize("name", FORMS)
def test_found_through_the_apps_lookup(name: str) -> None:
    assert paths.ui_file(name).resolve() == (ROOT / "ui" / f"{name}.ui").resolve()


def test_lookup_inside_a_bundle_and_a_wheel(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # the PyInstaller bundle: beside the resources in the bundle's folder
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.ui_file("about") == tmp_path / "ui" / "about.ui"
    assert paths.resources_dir() == tmp_path / "resources"
    monkeypatch.delattr(sys, "_MEIPASS")
    # an installed wheel: in the package, where the wheel's force-include puts it
    packaged = tmp_path / "clerk_app"
    (packaged / "ui").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(packaged / "paths.py"))
    assert paths.ui_file("about") == packaged / "ui" / "about.ui"


def test_the_wheel_and_the_bundle_ship_the_forms() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["ui"] == "clerk_app/ui"  # where paths.ui_dir() looks in an installed wheel
    spec = (ROOT / "installer" / "clerk.spec").read_text("utf-8")
    assert '(str(ROOT / "ui"), "ui")' in spec
    assert '"PySide6.QtUiTools",' not in spec  # the loader must stay in the bundle


def _mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    i = cleaned.find("&")
    return cleaned[i + 1].lower() if 0 <= i < len(cleaned) - 1 else None


def _top_class(name: str) -> str:
    root = ET.parse(ROOT / "ui" / f"{name}.ui").getroot()
    top = root.find("widget")
    assert top is not None
    return top.get("class", "")


def _load(qtbot, name: str) -> QWidget:  # type: ignore[no-untyped-def]
    base: QWidget = QDialog() if _top_class(name) == "QDialog" else QWidget()
    qtbot.addWidget(base)
    assert uiload.load_into(base, name) is base
    return base


def _own_controls(root: QWidget) -> list[QWidget]:
    """Controls a clerk tabs to, leaving out the parts Qt builds inside one."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or w.objectName().startswith("qt_"):
            continue
        parent, inner = w.parentWidget(), False
        while parent is not None and parent is not root:
            if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabWidget)):
                inner = isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView))
                inner = inner or type(w).__name__ in {"QTabBar", "QToolButton"}
                if inner:
                    break
            parent = parent.parentWidget()
        if not inner and type(w).__name__ not in {"QTabBar", "QToolButton"}:
            out.append(w)
    return out


@pytest.mark.parametrize("name", FORMS)
def test_form_loads_with_every_control_named(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    form = _load(qtbot, name)
    if isinstance(form, QDialog):
        assert form.windowTitle()
        assert form.accessibleName(), "the dialog itself has a name"
    controls = _own_controls(form)
    if name in WATCH_ONLY:  # nothing to press: what is shown is named instead
        shown = form.findChildren(QProgressBar)
        assert shown and all(w.accessibleName() for w in shown)
    else:
        assert controls
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in controls if not w.accessibleName()]
    assert unnamed == []


@pytest.mark.parametrize("name", FORMS)
def test_form_mnemonics_are_unique_and_labels_have_buddies(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    form = _load(qtbot, name)
    texts = [b.text() for b in form.findChildren(QAbstractButton)]
    labels = [lab for lab in form.findChildren(QLabel) if _mnemonic(lab.text())]
    assert all(lab.buddy() is not None for lab in labels), [lab.text() for lab in labels]
    texts += [lab.text() for lab in labels]
    for tabs in form.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert sorted({m for m in letters if letters.count(m) > 1}) == [], texts


@pytest.mark.parametrize("name", FORMS)
def test_form_tab_order_and_default_button(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    root = ET.parse(ROOT / "ui" / f"{name}.ui").getroot()
    names = {w.get("name") for w in root.iter("widget")}
    stops = [t.text for t in root.iter("tabstop")]
    assert set(stops) <= names, "a tab stop names no widget of the form"
    form = _load(qtbot, name)
    boxes = form.findChildren(QDialogButtonBox)
    if isinstance(form, QDialog) and boxes:
        defaults = [b for b in form.findChildren(QPushButton) if b.isDefault()]
        assert len(defaults) <= 1
        if boxes[0].property("okText") or boxes[0].property("defaultButton"):
            assert len(defaults) == 1


def test_a_missing_form_says_so(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(paths, "ui_dir", lambda: tmp_path)
    base = QDialog()
    qtbot.addWidget(base)
    with pytest.raises(uiload.FormError, match="missing"):
        uiload.load_into(base, "new_body")


def test_the_store_problem_box_still_explains_without_its_form(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The window that explains a damaged database must not itself fail on a broken
    installation: without ``ui/store_problem.ui`` it is built in code, with the same
    words and choices."""
    from clerk_app.gui.dialogs.store_problem import Choice, StoreProblemDialog
    from clerk_app.storage import errors as se

    monkeypatch.setattr(paths, "ui_dir", lambda: tmp_path)
    dialog = StoreProblemDialog(se.DiskFull(), tmp_path / "clerk.db", [])
    qtbot.addWidget(dialog)
    assert "disk is full" in dialog.windowTitle().lower()
    assert "then choose Try again" in dialog.informativeText()
    assert [b.text() for b in dialog.buttons_by_choice.values()] == ["&Try again", "&Quit Clerk"]
    dialog.buttons_by_choice[Choice.RETRY].click()
    assert dialog.choice() is Choice.RETRY


def test_the_store_problem_box_escape_quits_and_details_open(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from clerk_app.gui.dialogs.store_problem import Choice, StoreProblemDialog
    from clerk_app.storage import errors as se

    dialog = StoreProblemDialog(se.DatabaseLocked(), tmp_path / "clerk.db", [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.defaultButton() is dialog.buttons_by_choice[Choice.RETRY]
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert str(tmp_path / "clerk.db") in dialog.details.toPlainText()
    assert dialog.details_button.accessibleName() == "Hide details"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice() is Choice.QUIT and not dialog.isVisible()


def test_the_export_progress_window_names_the_file_and_cannot_be_escaped(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from clerk_app.gui.dialogs.export import PROGRESS_DELAY_MS, ExportProgress

    progress = ExportProgress("Minutes 2026-03-04.docx")
    qtbot.addWidget(progress)
    assert "Writing Minutes 2026-03-04.docx…" in progress.accessibleDescription()
    progress.show_later()
    assert not progress.isVisible()  # a quick export shows nothing
    qtbot.waitUntil(progress.isVisible, timeout=PROGRESS_DELAY_MS * 10)
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert progress.isVisible()  # a half-written file is not abandoned
    progress.finish()
    assert not progress.isVisible()
