"""The time field and the name completer."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt

from clerk_app.domain.model import Person
from clerk_app.gui.widgets import PersonEdit, TimeEdit
from tests.gui.conftest import type_text

PEOPLE = [
    Person("Rosalind", "Hartley", "Mrs"),
    Person("Tobias", "Russell"),
    Person("Siân", "Øvergaard"),
    Person("Ruth", "Rusk"),
]


def namer(p: Person) -> str:
    return f"Councillor {p.last_name}"


def test_time_edit_reads_the_ways_clerks_write_times(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = TimeEdit()
    qtbot.addWidget(edit)
    seen: list[object] = []
    edit.timeChanged.connect(seen.append)
    for text, expected, shown in (
        ("2.28pm", time(14, 28), "2.28 pm"),
        ("14:28", time(14, 28), "2.28 pm"),
        ("1428", time(14, 28), "2.28 pm"),
        ("9.05am", time(9, 5), "9.05 am"),
    ):
        edit.setText(text)
        edit.commit()
        assert edit.time() == expected
        assert edit.text() == shown
        assert edit.error() == ""
    assert seen == [time(14, 28), time(9, 5)]  # only real changes are announced


def test_time_edit_keeps_bad_input_and_explains(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = TimeEdit()
    qtbot.addWidget(edit)
    edit.setTime(time(19, 0))
    edit.setText("25.99")
    edit.commit()
    assert edit.text() == "25.99"  # what was typed is not thrown away
    assert edit.time() == time(19, 0)  # the last good time is kept
    assert edit.error()
    assert edit.accessibleDescription() == edit.error()
    assert edit.property("invalid") is True


def test_time_edit_24_hour_clock(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = TimeEdit(clock_24h=True)
    qtbot.addWidget(edit)
    edit.setText("2.28pm")
    edit.commit()
    assert edit.text() == "14:28"


def _person_edit(qtbot, present: set[str], free_text: bool = False) -> PersonEdit:  # type: ignore[no-untyped-def]
    edit = PersonEdit(lambda: (PEOPLE, present), namer, free_text=free_text)
    qtbot.addWidget(edit)
    edit.show()
    return edit


def test_name_completer_offers_present_members_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    russell, rusk = PEOPLE[1], PEOPLE[3]
    edit = _person_edit(qtbot, present={rusk.id})
    found = edit.matches("Ru")
    assert found[0] is rusk  # present first
    assert russell in found
    edit = _person_edit(qtbot, present={russell.id})
    assert edit.matches("Cllr Ru")[0] is russell


def test_name_completer_resolves_non_ascii_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = _person_edit(qtbot, present={p.id for p in PEOPLE})
    chosen: list[object] = []
    edit.personChanged.connect(chosen.append)
    edit.setFocus()
    type_text(edit, "Øver")
    assert edit.text() == "Øver"
    edit.commit()  # leaving the field picks the best match
    assert edit.personId() == PEOPLE[2].id
    assert edit.text() == "Councillor Øvergaard"
    assert chosen == [PEOPLE[2].id]


def test_name_completer_popup_and_tab(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = _person_edit(qtbot, present={PEOPLE[1].id})
    edit.setFocus()
    type_text(edit, "Russ")
    popup = edit._completer.popup()
    assert popup.isVisible()
    assert popup.currentIndex().data() == "Councillor Russell"
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert edit.personId() == PEOPLE[1].id


def _between_fields(qtbot, present: set[str]):  # type: ignore[no-untyped-def]
    """A person field between two plain fields, in a shown window; the three."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before = QLineEdit(window)  # made in this order: the order Tab follows
    edit = PersonEdit(lambda: (PEOPLE, present), namer, window)
    after = QLineEdit(window)
    for widget in (before, edit, after):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    return window, before, edit, after


@pytest.mark.parametrize(("key", "goes_to"), [(Qt.Key.Key_Tab, 2), (Qt.Key.Key_Backtab, 0)])
def test_tab_in_the_name_field_takes_the_highlighted_name_and_moves_on(  # type: ignore[no-untyped-def]
    qtbot, key: Qt.Key, goes_to: int
) -> None:
    """Tab or Shift+Tab pressed in the field itself while the popup offers a name."""
    _window, *fields = _between_fields(qtbot, present={PEOPLE[1].id})
    edit = fields[1]
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    type_text(edit, "Russ")
    popup = edit._completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(edit, key)
    assert edit.personId() == PEOPLE[1].id
    assert edit.text() == "Councillor Russell"
    assert not popup.isVisible()
    qtbot.waitUntil(fields[goes_to].hasFocus)


def test_tab_with_no_popup_resolves_the_typed_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, _before, edit, after = _between_fields(qtbot, present=set())
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setText("hartley")  # as pasted: no popup
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.personId() == PEOPLE[0].id
    qtbot.waitUntil(after.hasFocus)


def test_the_name_field_hands_python_only_its_tab_keys(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The field made and shown hands no event to Python (the first one handed over
    makes PySide6 build every event class: start-up shows a card of such fields)."""
    from PySide6.QtWidgets import QCompleter, QLineEdit

    assert "event" not in vars(PersonEdit)
    assert PersonEdit.focusNextPrevChild is not QLineEdit.focusNextPrevChild
    edit = _person_edit(qtbot, present=set())
    qtbot.waitExposed(edit)
    assert edit._completer is None  # completer, popup and its filter: from the first key
    assert not edit.findChildren(QCompleter)
    type_text(edit, "Ru")
    assert edit._completer is not None and edit._completer.popup().isVisible()


def test_free_text_owner_keeps_unknown_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = _person_edit(qtbot, present=set(), free_text=True)
    type_text(edit, "the Head of Planning")
    edit.commit()
    assert edit.personId() is None
    assert edit.text() == "the Head of Planning"
    edit.setText("Councillor Russell")
    edit.commit()
    assert edit.personId() == PEOPLE[1].id
