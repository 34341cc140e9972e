"""A whole meeting minuted with the keyboard alone, exported, and the Word file read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget

from clerk_app.domain.model import Body, ChangeKind, ItemStatus, Motion, MotionKind, Outcome
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.meeting.forms import MotionForm, PointsForm
from clerk_app.gui.prefs import Prefs
from clerk_app.services import Services
from tests.gui.conftest import reopened, settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """Keys go to whichever widget has the focus, as they would for a clerk."""

    def __init__(self, qtbot: Any, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window

    @property
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        return widget or QApplication.activeModalWidget() or self.window

    def press(self, key: Qt.Key, mods: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus, key, mods)
            settle()

    def type(self, text: str) -> None:
        """Type text; a newline is the Enter key."""
        for n, line in enumerate(text.split("\n")):
            if n:
                self.press(Qt.Key.Key_Return)
            type_text(self.focus, line)
            settle()

    def tab_to(self, wanted: Callable[[QWidget], bool], limit: int = 80) -> None:
        for _ in range(limit):
            if wanted(self.focus):
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached the field; stuck on {self.focus!r}")


def drive_new_meeting_dialog(kb: Keyboard, done: list[bool]) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    # mnemonics (Alt+letter) are not delivered by the offscreen platform: Tab instead
    kb.tab_to(lambda w: w is dialog.date_edit)  # type: ignore[attr-defined]
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("24/11/2026")
    kb.press(Qt.Key.Key_Tab)
    kb.type("6.30pm")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Council Chamber, Harrowfield Town Hall")
    kb.tab_to(lambda w: w is dialog.agenda_edit)  # type: ignore[attr-defined]
    kb.type("Land at Mill Lane – 24 dwellings\nTree preservation order – Øvergaard Close")
    kb.tab_to(lambda w: isinstance(w, QPushButton) and "Create" in w.text())
    kb.press(Qt.Key.Key_Space)
    done.append(True)
    if dialog.isVisible():  # not accepted: say why instead of waiting for ever
        state = {
            "date": dialog.date_edit.text(),  # type: ignore[attr-defined]
            "time": dialog.time_edit.text(),  # type: ignore[attr-defined]
            "venue": dialog.venue_edit.text(),  # type: ignore[attr-defined]
            "agenda": dialog.agenda_edit.toPlainText(),  # type: ignore[attr-defined]
            "message": dialog.message.text(),  # type: ignore[attr-defined]
            "focus": repr(QApplication.focusWidget()),
        }
        done.append(False)
        done.append(state)  # type: ignore[arg-type]
        dialog.reject()


def test_a_whole_meeting_by_keyboard(
    qtbot,
    gui_services: Services,
    gui_body: Body,
    gui_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    kb = Keyboard(qtbot, window)
    unexpected: list[str] = []

    def watchdog() -> None:  # a message box would otherwise wait for ever
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            unexpected.append(box.text() + " " + box.informativeText())
            box.reject()

    dog = QTimer(window)
    dog.timeout.connect(watchdog)
    dog.start(1000)

    # --- create the meeting through the New meeting dialog (Ctrl+N)
    done: list[bool] = []
    QTimer.singleShot(0, lambda: drive_new_meeting_dialog(kb, done))
    kb.press(Qt.Key.Key_N, CTRL)
    assert done, "the New meeting dialog did not open"
    assert done[0] is True and len(done) == 1, done
    session = window.session
    assert session is not None, "the new meeting did not open"
    if QApplication.activeWindow() is not window:  # offscreen has no window manager to
        with qtbot.waitActive(window):  # give the focus back after the dialog
            window.activateWindow()
    meeting = session.meeting
    titles = [i.title for i in meeting.items]
    assert "Land at Mill Lane – 24 dwellings" in titles
    name = session.display_name
    people = {p.last_name: p for p in gui_body.people}

    # --- take the Mill Lane item (agenda: Ctrl+1, arrows; take: Ctrl+T)
    kb.press(Qt.Key.Key_1, CTRL)
    kb.press(Qt.Key.Key_Home)
    kb.press(Qt.Key.Key_Down, times=titles.index("Land at Mill Lane – 24 dwellings"))
    kb.press(Qt.Key.Key_T, CTRL)
    item = session.current_item
    assert item is not None and item.title.startswith("Land at Mill Lane")
    assert item.status is ItemStatus.TAKEN

    # --- Dr Pike leaves: attendance (Ctrl+3), find her by typing her name, F8
    kb.press(Qt.Key.Key_3, CTRL)
    kb.type(name(people["Pike"]))
    assert window.screen_widget is not None
    assert window.screen_widget.attendance.selected_person_id() == people["Pike"].id
    kb.press(Qt.Key.Key_F8)

    # --- three discussion points (Ctrl+Shift+L, Enter for the next)
    kb.press(Qt.Key.Key_L, CTRL | SHIFT)
    assert isinstance(kb.focus.parentWidget().parentWidget().parentWidget(), PointsForm)
    kb.type(
        "Siân Øvergaard asked about the £2,400 play-area contribution\n"
        "Traffic on Mill Lane – the 7.30–9 am peak\n"
        "Hedgerow to be kept along the northern boundary"
    )

    # --- the motion: mover and seconder by completion, two clauses
    kb.press(Qt.Key.Key_M, CTRL | SHIFT)
    kb.type("Russ")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Øver")
    kb.press(Qt.Key.Key_Tab)
    kb.tab_to(lambda w: w.accessibleName() == "Clauses")
    kb.type("That planning permission be granted.\nThat the conditions in the report apply.")
    motion_id = session.current_block_id

    # --- an amendment, moved and lost on a show of hands
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)
    kb.type("Hartl")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Asan")
    kb.press(Qt.Key.Key_Tab)
    kb.tab_to(lambda w: w.accessibleName() == "Clauses")
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("That the application be deferred for a site visit.")
    amendment_id = session.current_block_id
    kb.tab_to(lambda w: w.accessibleName() == "Vote")
    kb.press(Qt.Key.Key_Down, times=2)  # Counts
    kb.tab_to(lambda w: w.accessibleName() == "Votes for")
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("2")
    kb.press(Qt.Key.Key_Tab)
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("3")
    kb.tab_to(lambda w: w.accessibleName() == "Record vote")
    kb.press(Qt.Key.Key_Space)

    # --- back to the motion's vote (Ctrl+Shift+R): a named vote, one key per member
    kb.press(Qt.Key.Key_R, CTRL | SHIFT)
    assert session.current_block_id == motion_id
    kb.press(Qt.Key.Key_Down, times=3)  # Named (recorded) vote
    kb.tab_to(lambda w: w.accessibleName() == "Named vote")
    kb.type("ffafb")  # five members present: for, for, against, for, abstained
    kb.tab_to(lambda w: w.accessibleName() == "Record vote")
    kb.press(Qt.Key.Key_Space)

    # --- what was saved
    store = reopened(gui_db)
    try:
        saved = store.get_meeting(meeting.id).item(item.id)
    finally:
        store.close()
    assert saved is not None
    kinds = [b.KIND for b in saved.blocks]
    assert kinds == ["attendance_change", "points", "motion", "motion"]
    change, points, motion, amendment = saved.blocks
    assert change.person_id == people["Pike"].id and change.change is ChangeKind.LEFT  # type: ignore[attr-defined]
    assert len(points.points) == 3  # type: ignore[attr-defined]
    assert isinstance(motion, Motion) and isinstance(amendment, Motion)
    assert motion.id == motion_id and amendment.id == amendment_id
    assert motion.mover_id == people["Russell"].id
    assert motion.seconder_id == people["Øvergaard"].id
    assert motion.clauses == [
        "That planning permission be granted.",
        "That the conditions in the report apply.",
    ]
    assert amendment.motion_kind is MotionKind.AMENDMENT and amendment.amends_id == motion.id
    assert amendment.outcome is Outcome.LOST
    assert amendment.vote.for_count == 2 and amendment.vote.against_count == 3
    assert motion.outcome is Outcome.CARRIED
    assert len(motion.vote.named) == 5 and people["Pike"].id not in motion.vote.named
    card = window.screen_widget.item_pane.cards[motion_id]
    assert isinstance(card.form, MotionForm)
    assert not card.issues.messages()

    # --- export (Ctrl+E) to a file chosen in the (stubbed) file dialog
    target = tmp_path / "out" / "Planning minutes.docx"
    target.parent.mkdir()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), "Word document (*.docx)"),
    )
    monkeypatch.setattr("clerk_app.gui.files.finished", lambda *a, **k: None)
    kb.press(Qt.Key.Key_E, CTRL)
    assert target.is_file()

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    tables = docx.Document(str(target)).tables
    table_text = "\n".join(c.text for t in tables for row in t.rows for c in row.cells)
    expected_in_order = [
        "Land at Mill Lane – 24 dwellings",
        "left the meeting",
        "£2,400 play-area contribution",
        "the 7.30–9 am peak",
        "Hedgerow to be kept",
        "That planning permission be granted.",
        "That the conditions in the report apply.",
        "That the application be deferred for a site visit.",
    ]
    folded = text.casefold()  # headings are printed in capitals
    where = [folded.find(s.casefold()) for s in expected_in_order]
    assert all(w >= 0 for w in where), (dict(zip(expected_in_order, where, strict=True)), text)
    assert where == sorted(where), dict(zip(expected_in_order, where, strict=True))
    assert "Øvergaard" in text
    assert "Russell" in text
    everything = text + table_text
    for member in ("Hartley", "Russell", "Øvergaard", "Asante", "Moss"):
        assert member in everything
    assert not unexpected
    QCoreApplication.processEvents()
    window.close()
