# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""The settings dialog built from its Designer forms: Enter saves from any field, Tab
ends on the buttons, a page added in code takes its place, and a problem found when
saving turns to the page it is on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTabBar, QVBoxLayout, QWidget

from clerk_app.domain.model import Body
from clerk_app.gui.dialogs.settings import SettingsDialog
from clerk_app.services import Services
from tests.gui.fixtures_shell import body, db_path, reopen, services, store


def _open(qtbot, services: Services, body: Body) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(services, body)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    return dialog


def test_enter_in_a_field_saves(qtbot, services: Services, body: Body, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Save is the dialog's one default button (the style page's button took it before,
    hidden on its page, so Enter did nothing)."""
    dialog = _open(qtbot, services, body)
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults == [dialog.ok_button]
    dialog.quorum_spin.setFocus()
    dialog.quorum_spin.setValue(7)
    qtbot.keyClick(dialog.quorum_spin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    with reopen(db_path) as again:
        assert again.get_body(body.id).settings.quorum == 7


def _tab_chain(dialog: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    """The widgets Tab visits from ``start``, as the focus chain orders them."""
    out, w = [], start
    while len(out) < steps:
        w = w.nextInFocusChain()
        reachable = w.isVisible() and w.isEnabled() and w.focusProxy() is None
        takes_tab = bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if reachable and takes_tab and not isinstance(w.parentWidget(), QTabBar):
            out.append(w)  # (the tab bar's scroll arrows left out)
    return out


def test_tab_goes_through_the_page_then_the_buttons(qtbot, services: Services, body: Body) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, services, body)
    dialog.tabs.setCurrentWidget(dialog.template_page)
    chain = _tab_chain(dialog, dialog.tabs.tabBar(), 5)
    names = [w.objectName() for w in chain]
    assert names[:3] == ["template_edit", "browse_button", "clear_button"], names
    assert chain[3] is dialog.ok_button, names


def test_a_page_added_in_code_after_the_form(qtbot, services: Services, body: Body) -> None:  # type: ignore[no-untyped-def]
    """A page built in Python goes into the tabs like the form's own; its field comes
    before the buttons in the Tab order, and problems still go to the right page."""
    dialog = SettingsDialog(services, body)
    qtbot.addWidget(dialog)
    page = QWidget()
    field = QLineEdit()
    field.setAccessibleName("Recording folder")
    label = QLabel("Recording &folder:")
    label.setBuddy(field)
    column = QVBoxLayout(page)
    column.addWidget(label)
    column.addWidget(field)
    people = dialog.tabs.widget(dialog.tabs.count() - 1)
    dialog.tabs.insertTab(dialog.tabs.count() - 1, page, "&Recording")
    dialog.show()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())][-2:] == [
        "&Recording",
        "&People",
    ]
    dialog.tabs.setCurrentWidget(page)
    assert _tab_chain(dialog, dialog.tabs.tabBar(), 2) == [field, dialog.ok_button]
    dialog.show_field_problem("first_name", "Give every member a first name.")
    assert dialog.tabs.currentWidget() is people
    dialog.show_field_problem("numbering.pattern", "That pattern repeats.")
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Minute &numbers"


@pytest.mark.parametrize(
    ("field", "tab"),
    [
        ("chair_title", "&General"),
        ("numbering.pattern", "Minute &numbers"),
        ("interest_types", "&Interests and items"),
        ("phrases", "&Wording"),
        ("template_path", "&House style"),
        ("first_name", "&People"),
    ],
)
def test_a_problem_found_when_saving_turns_to_its_page(
    qtbot, services: Services, body: Body, field: str, tab: str
) -> None:  # type: ignore[no-untyped-def]
    """The house-style and people problems went one tab too early once the style page
    was put in among them (to the style page and the house-style page)."""
    dialog = _open(qtbot, services, body)
    dialog.show_field_problem(field, "Something to fix here.")
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == tab


def test_shown_again_the_buttons_keep_their_order(qtbot, services: Services, body: Body) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, services, body)
    dialog.hide()
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.template_page)
    chain = _tab_chain(dialog, dialog.tabs.tabBar(), 6)
    assert [b.text() for b in chain[3:5]] == ["&Save", "Cancel"]


def test_the_wording_is_kept_when_its_page_is_never_opened(
    qtbot, services: Services, body: Body, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The Wording page fills its table when first shown; saving before that keeps the
    body's own wording as it was."""
    body.settings.phrases = {"meeting.special": "a special meeting of the council"}
    services.save_body(body)
    dialog = _open(qtbot, services, body)
    assert dialog.wording.table.rowCount() == 0  # not built yet
    dialog.chair_edit.setCurrentText("Chairman")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    with reopen(db_path) as again:
        saved = again.get_body(body.id).settings
    assert saved.phrases == {"meeting.special": "a special meeting of the council"}
    assert saved.chair_title == "Chairman"
    dialog = _open(qtbot, services, body)
    dialog.tabs.setCurrentWidget(dialog.wording)
    rows = dialog.wording.table.rowCount()
    assert rows > 100
    found = dialog.wording.table.findItems(
        "a special meeting of the council", Qt.MatchFlag.MatchExactly
    )
    assert [item.column() for item in found] == [2]
