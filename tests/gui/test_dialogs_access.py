# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""Every control in every dialog has an accessible name, and every dialog has a default
button and keyboard mnemonics, so a screen reader and the keyboard alone can use it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from clerk_app.domain.model import Body
from clerk_app.gui import theme
from clerk_app.gui.dialogs import (
    AboutDialog,
    NewBodyDialog,
    NewMeetingDialog,
    SettingsDialog,
    ShortcutsDialog,
)
from clerk_app.gui.start_page import StartPage
from clerk_app.services import Services
from tests.gui.fixtures_shell import body, db_path, services, shot, store

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QAbstractItemView,
)


def _own_controls(root: QWidget) -> list[QWidget]:
    """The controls a clerk tabs to, leaving out the parts Qt builds inside a control
    (a combo box's line edit and list, a spin box's editor, a table's cell editors)."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or w.objectName().startswith("qt_"):
            continue
        parent = w.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner and type(w).__name__ not in {"QTabBar", "QToolButton"}:
            out.append(w)
    return out


def _dialogs(services: Services, body: Body) -> dict[str, Callable[[], QWidget]]:
    return {
        "new body": lambda: NewBodyDialog(services),
        "new meeting": lambda: NewMeetingDialog(services, None, body.id),
        "settings": lambda: SettingsDialog(services, body),
        "about": lambda: AboutDialog(),
        "shortcuts": lambda: ShortcutsDialog([]),
        "start page": lambda: StartPage(services),
    }


@pytest.mark.parametrize(
    "name", ["new body", "new meeting", "settings", "about", "shortcuts", "start page"]
)
def test_every_control_has_an_accessible_name(
    qtbot, services: Services, body: Body, name: str
) -> None:  # type: ignore[no-untyped-def]
    widget = _dialogs(services, body)[name]()
    qtbot.addWidget(widget)
    widget.show()
    controls = _own_controls(widget)
    assert controls
    unnamed = [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for w in controls
        if not w.accessibleName().strip()
    ]
    assert unnamed == []


@pytest.mark.parametrize("name", ["new body", "new meeting", "settings"])
def test_forms_have_a_default_button_and_mnemonics(
    qtbot, services: Services, body: Body, name: str
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialogs(services, body)[name]()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QDialog)
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert len(defaults) == 1
    buddies = [lab for lab in dialog.findChildren(QLabel) if lab.buddy() is not None]
    assert buddies
    assert all("&" in lab.text() for lab in buddies), [lab.text() for lab in buddies]


def test_semantic_colours_follow_a_dark_palette(
    qtbot, qapp: QApplication, services: Services, body: Body
) -> None:  # type: ignore[no-untyped-def]
    light = QPalette(qapp.palette())
    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#2b2c30"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
    ):
        dark.setColor(role, colour)
    assert not theme.is_dark(light)
    assert theme.is_dark(dark)
    for tone in (theme.Tone.ERROR, theme.Tone.OK, theme.Tone.WARNING, theme.Tone.MUTED):
        on_light, on_dark = theme.color(tone, light), theme.color(tone, dark)
        # readable: clearly lighter than a dark background, darker than a light one
        assert on_dark.lightness() > dark.color(QPalette.ColorRole.Window).lightness() + 60
        assert on_light.lightness() < light.color(QPalette.ColorRole.Window).lightness() - 60
    qapp.setPalette(dark)
    try:
        dialog = SettingsDialog(services, body)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.tabs.setCurrentIndex(1)
        dialog.pattern_edit.setText("{number}")
        assert theme.color(theme.Tone.ERROR).name() in dialog.pattern_message.styleSheet()
        shot(dialog, "settings-dark-bad-pattern")
    finally:
        qapp.setPalette(light)


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[i + 1].lower() if 0 <= i < len(cleaned) - 1 else None


def _visible_mnemonics(dialog: QWidget) -> list[str]:
    from PySide6.QtWidgets import QTabBar

    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    texts += [lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisible() and lab.buddy()]
    for bar in dialog.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    return [m for m in map(_mnemonic, texts) if m]


@pytest.mark.parametrize("name", ["new body", "new meeting", "settings"])
def test_no_two_visible_controls_share_a_mnemonic(
    qtbot, services: Services, body: Body, name: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTabWidget

    dialog = _dialogs(services, body)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChildren(QTabWidget)
    pages = [(t, i) for t in tabs for i in range(t.count())] or [(None, 0)]
    for tab, index in pages:
        if tab is not None:
            tab.setCurrentIndex(index)
        letters = _visible_mnemonics(dialog)
        dupes = sorted({m for m in letters if letters.count(m) > 1})
        where = tab.tabText(index) if tab is not None else name
        assert dupes == [], f"{name} / {where}: {dupes}"


def test_start_page_mnemonics_do_not_clash_with_the_menu_bar(
    qtbot, services: Services, body: Body
) -> None:  # type: ignore[no-untyped-def]
    """The start page sits under the window's menu bar, whose titles take their own Alt keys."""
    from clerk_app.gui.actions import MENUS

    menu_letters = {_mnemonic(title) for _key, title in MENUS} - {None}
    assert menu_letters
    page = StartPage(services)
    qtbot.addWidget(page)
    page.show()
    letters = _visible_mnemonics(page)
    assert not set(letters) & menu_letters, letters
    assert len(letters) == len(set(letters))
