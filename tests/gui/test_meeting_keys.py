"""Keys from any field: field mnemonics act in the block the cursor is in, the window's
shortcuts work from every kind of field, and a field keeps its own standard keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QSpinBox, QWidget

from clerk_app.gui.meeting.forms import FORMS, ActionForm, AttendanceChangeForm, PointsForm
from tests.gui.conftest import settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def activate(qtbot: Any, window: Any) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()
    settle()


def key(qtbot: Any, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, k, mods)
    settle()


def form_of(widget: QWidget | None) -> Any:
    while widget is not None and not hasattr(widget, "block_id"):
        widget = widget.parentWidget()
    return widget


def test_alt_who_goes_to_the_block_the_cursor_is_in(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    session = window.session
    key(qtbot, Qt.Key.Key_K, CTRL | SHIFT)  # an action
    type_text(QApplication.focusWidget(), "the Clerk")
    action_id = session.current_block_id
    key(qtbot, Qt.Key.Key_T, CTRL | SHIFT)  # then an attendance change
    change_id = session.current_block_id
    assert change_id != action_id
    change = window.screen_widget.item_pane.cards[change_id].form
    change.at.setFocus()  # the clerk is in the time of the attendance change
    settle()
    key(qtbot, Qt.Key.Key_W, ALT)
    form = form_of(QApplication.focusWidget())
    assert isinstance(form, AttendanceChangeForm), form
    assert QApplication.focusWidget() is form.person
    cards = window.screen_widget.item_pane.cards
    assert isinstance(cards[action_id].form, ActionForm)
    assert cards[action_id].form.owner.text() == "the Clerk"


def test_alt_d_goes_to_the_introduction_of_the_second_points_block(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    session = window.session
    key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    first = session.current_block_id
    key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    second = session.current_block_id
    assert first != second
    key(qtbot, Qt.Key.Key_D, ALT)
    form = form_of(QApplication.focusWidget())
    assert isinstance(form, PointsForm) and form.block_id == second
    assert QApplication.focusWidget() is form.intro
    type_text(QApplication.focusWidget(), "Members raised:")
    key(qtbot, Qt.Key.Key_Tab)
    cards = window.screen_widget.item_pane.cards
    assert cards[first].form.intro.text() == ""


def _mnemonics(widget: QWidget) -> list[str]:
    out = []
    for child in widget.findChildren(QWidget):
        text = child.text() if hasattr(child, "text") and callable(child.text) else ""
        if isinstance(text, str) and "&" in text.replace("&&", ""):
            seq = QKeySequence.mnemonic(text)
            if not seq.isEmpty():
                out.append(seq.toString())
    return out


def test_field_mnemonics_are_unambiguous_within_each_form(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    """Every form the meeting screen makes, except the motion's (its fields belong with
    the vote editor), has one field per Alt+letter."""
    activate(qtbot, window)
    screen = window.screen_widget
    for kind in ("paragraph", "points", "attendance", "declaration", "action", "note"):
        screen.insert(kind)
        settle()
    for card in screen.item_pane.card_list():
        if type(card.form).__name__ == "MotionForm":
            continue
        keys = _mnemonics(card.form)
        assert len(keys) == len(set(keys)), (type(card.form).__name__, keys)
    assert set(FORMS) >= {"paragraph", "points", "action"}


def test_only_the_current_block_shows_its_mnemonics(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    screen = window.screen_widget
    screen.insert("action")
    settle()
    first = window.session.current_block_id
    screen.insert("action")
    settle()
    cards = screen.item_pane.cards
    old = [lab.text() for lab in cards[first].form.findChildren(QLabel) if lab.buddy()]
    assert old and not any("&" in t for t in old), old
    now = cards[window.session.current_block_id].form
    assert any("&" in lab.text() for lab in now.findChildren(QLabel) if lab.buddy())


class _EndOfLine(QObject):
    """A one-line field as the X11 keyboard scheme makes it: it takes Ctrl+E (end of line)
    for itself through the shortcut override."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_E
            and event.modifiers() == CTRL
        ):
            event.accept()
            return True
        return False


def _field_kinds(window: Any) -> dict[str, QWidget]:
    screen = window.screen_widget
    screen.insert("paragraph")
    screen.insert("points")
    screen.insert("attendance")
    screen.insert("motion")
    settle()
    cards = screen.item_pane.card_list()
    by_kind = {type(c.form).__name__: c.form for c in cards}
    motion = by_kind["MotionForm"]
    motion.vote_editor.kind.setCurrentIndex(2)  # counts for, against, abstaining
    settle()
    spin = next(w for w in motion.findChildren(QSpinBox) if w.isVisibleTo(motion))
    return {
        "one-line field": screen.item_pane.header.title,
        "text box": by_kind["ParagraphForm"].edit,
        "drop-down list": by_kind["PointsForm"].style_box,
        "number field": spin,
        "time field": by_kind["AttendanceChangeForm"].at,
        "agenda": screen.agenda.list,
    }


def test_every_shortcut_works_from_every_kind_of_field(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    fields = _field_kinds(window)
    fields["one-line field"].installEventFilter(_EndOfLine(window))
    fired: list[str] = []
    skip = {"cut", "copy", "paste", "undo", "redo"}  # the field's own (or undo's) keys
    skip.add("attendance_menu")  # the attendance list's own key (Shift+F10 there)
    entries = [e for e in window.registry.entries() if e.id not in skip]
    for e in entries:
        act = window.registry[e.id]
        act.triggered.disconnect()
        if act.isCheckable():
            act.toggled.disconnect()
        act.triggered.connect(lambda _c=False, i=e.id: fired.append(i))
    missed = []
    for name, field in fields.items():
        for e in entries:
            if not window.registry[e.id].isEnabled():
                continue
            field.setFocus()
            settle()
            assert QApplication.focusWidget() is field or field.isAncestorOf(
                QApplication.focusWidget()
            ), name
            fired.clear()
            qtbot.keySequence(QApplication.focusWidget(), e.shortcut)
            settle()
            if fired != [e.id]:
                missed.append((name, e.id, e.shortcut.toString(), list(fired)))
            popup = QApplication.activePopupWidget()
            if popup is not None:
                popup.close()
    assert not missed, missed


def test_alt_down_opens_a_drop_down_list_and_does_not_change_item(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    session = window.session
    window.screen_widget.insert("points")
    settle()
    item_id = session.current_item_id
    card = window.screen_widget.item_pane.cards[session.current_block_id]
    box = card.form.style_box
    assert isinstance(box, QComboBox)
    box.setFocus()
    settle()
    qtbot.keyClick(box, Qt.Key.Key_Down, ALT)
    settle()
    assert session.current_item_id == item_id
    assert box.view().isVisible()
    box.hidePopup()
    # elsewhere Alt+Down is still the next item
    card.form.intro.setFocus()
    qtbot.keyClick(card.form.intro, Qt.Key.Key_Down, ALT)
    settle()
    assert session.current_item_id != item_id


def _in_view(pane: Any, widget: QWidget) -> bool:
    viewport = pane.scroll_area.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= viewport.height()


def test_the_field_typed_in_stays_in_view_as_points_are_added(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    screen = window.screen_widget
    pane = screen.item_pane
    for _ in range(4):
        screen.insert("paragraph")
    key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    for n in range(25):
        type_text(QApplication.focusWidget(), f"Point {n}")
        key(qtbot, Qt.Key.Key_Return)
        qtbot.wait(5)
        settle()
        focus = QApplication.focusWidget()
        bar = pane.scroll_area.verticalScrollBar()
        where = focus.mapTo(pane.scroll_area.viewport(), focus.rect().topLeft()).y()
        assert focus is not None and _in_view(pane, focus), (
            n,
            where,
            pane.scroll_area.viewport().height(),
            bar.value(),
            bar.maximum(),
        )


def test_keys_for_the_next_previous_and_last_block(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    session = window.session
    screen = window.screen_widget
    screen.insert("paragraph")
    first = session.current_block_id
    screen.insert("points")
    second = session.current_block_id
    screen.insert("action")
    third = session.current_block_id
    settle()
    key(qtbot, Qt.Key.Key_PageUp, ALT)
    assert session.current_block_id == second
    key(qtbot, Qt.Key.Key_PageUp, ALT)
    assert session.current_block_id == first
    assert form_of(QApplication.focusWidget()).block_id == first
    key(qtbot, Qt.Key.Key_PageDown, ALT)
    assert session.current_block_id == second
    key(qtbot, Qt.Key.Key_End, ALT)  # the end of the item: a new block goes after the last
    assert session.current_block_id == third
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    assert [b.id for b in session.current_item.blocks][:3] == [first, second, third]
    assert session.current_item.blocks[-1].id == session.current_block_id


INSERTABLE = (
    "paragraph",
    "points",
    "attendance",
    "declaration",
    "motion",
    "amendment",
    "action",
    "note",
    "heading",
    "table",
    "public_participation",
    "planning",
)


def test_every_label_and_button_with_a_letter_is_found_in_every_form(qtbot, window: Any) -> None:  # type: ignore[no-untyped-def]
    """The mnemonics are looked for among the widgets a form is laid out from, not
    inside its fields: every label and button anywhere in a form that has an Alt+letter
    is among them, and a block the cursor is not in shows none."""
    from PySide6.QtWidgets import QAbstractButton

    from clerk_app.gui.keys import _labels_and_buttons, mnemonic_letter

    activate(qtbot, window)
    screen = window.screen_widget
    for kind in INSERTABLE:
        screen.insert(kind)
        settle()
    cards = screen.item_pane.card_list()
    kinds = {type(c.form).__name__ for c in cards}
    assert {"MotionForm", "TableForm", "PlanningForm", "PublicParticipationForm"} <= kinds
    current = window.session.current_block_id
    for card in cards:
        everything = [*card.form.findChildren(QLabel), *card.form.findChildren(QAbstractButton)]
        found = {id(w) for w in _labels_and_buttons(card.form)}
        for widget in everything:
            kept = widget.property("clerk_mnemonic_text")
            text = str(kept or widget.text())
            if mnemonic_letter(text):
                assert id(widget) in found, (type(card.form).__name__, text)
                if card.block_id != current:
                    assert not mnemonic_letter(widget.text()), (type(card.form).__name__, text)
