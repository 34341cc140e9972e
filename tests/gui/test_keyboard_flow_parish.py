"""A parish council meeting of our own invention minuted with the keyboard alone through
the real window (keys go to the focused widget only), exported with Ctrl+E from inside a
one-line field, and every fact read back from the Word file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from clerk_app.domain.model import (
    AttendanceStatus,
    BodyKind,
    InterestConduct,
    Outcome,
    Person,
    PersonKind,
    Role,
)
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.meeting.forms import PointsForm
from clerk_app.gui.prefs import Prefs
from clerk_app.services import Services
from tests.gui.conftest import reopened
from tests.gui.test_keyboard_flow import ALT, CTRL, SHIFT, Keyboard

AGENDA = (
    "1. Apologies for absence\n"
    "2. Declarations of interest\n"
    "3. Minutes of the last meeting\n"
    "4. Matters arising\n"
    "5. Planning applications\n"
    "6. Footpath by the Old Forge"
)


def later(fn: Callable[[], None], tries: int = 100, kind: type = QDialog) -> None:
    """Run ``fn`` once a modal dialog of ``kind`` is open with the cursor in it."""

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        ready = isinstance(modal, kind) and focus is not None and modal.isAncestorOf(focus)
        if ready or tries <= 0:
            fn()
        else:
            later(fn, tries - 1, kind)

    QTimer.singleShot(10, attempt)


def back(qtbot: Any, window: Any) -> None:
    """Offscreen there is no window manager to give the window back its activation (and
    the cursor its place) when a dialog closes; a desktop does this itself."""
    if QApplication.activeWindow() is not window:
        focus = window.focusWidget()
        with qtbot.waitActive(window):
            window.activateWindow()
        if focus is not None:
            focus.setFocus()


def test_a_parish_council_meeting_by_keyboard(
    qtbot, gui_services: Services, gui_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    body = gui_services.create_body("Wrenfold Parish Council", BodyKind.PARISH, preset=True)
    body.settings.standard_items = [
        "Apologies for absence",
        "Declarations of interest",
        "Matters arising",
    ]
    for first, last, role in (
        ("Hester", "Quayle", Role.CHAIR),
        ("Arjun", "Bellamy", Role.MEMBER),
        ("Morwenna", "Tregear", Role.MEMBER),
        ("Callum", "Oduya", Role.MEMBER),
    ):
        body.people.append(Person(first, last, "Cllr", role=role))
    body.people.append(Person("Nell", "Ashdown", kind=PersonKind.OFFICER, post="Parish Clerk"))
    body.settings.quorum = 3
    body = gui_services.save_body(body)
    monkeypatch.setattr("clerk_app.gui.meeting.meeting_header.clock_now", lambda: time(13, 29))

    window = MainWindow(gui_services, Prefs.in_memory())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    kb = Keyboard(qtbot, window)
    unexpected: list[str] = []

    def watchdog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and "Renumber" not in box.windowTitle():
            unexpected.append(box.text())
            box.reject()

    dog = QTimer(window)
    dog.timeout.connect(watchdog)
    dog.start(1500)

    # --- New meeting (Ctrl+N): the full agenda pasted, standard items left ticked
    def new_meeting() -> None:
        dialog: Any = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        kb.tab_to(lambda w: w is dialog.date_edit)
        kb.press(Qt.Key.Key_A, CTRL)
        kb.type("12/1/2027")
        kb.press(Qt.Key.Key_Tab)
        kb.type("7pm")
        kb.press(Qt.Key.Key_Tab)
        kb.type("Wrenfold Village Hall")
        kb.tab_to(lambda w: w is dialog.agenda_edit)
        kb.type(AGENDA)
        kb.tab_to(lambda w: isinstance(w, QPushButton) and "Create" in w.text())
        kb.press(Qt.Key.Key_Space)

    later(new_meeting)
    kb.press(Qt.Key.Key_N, CTRL)
    session = window.session
    assert session is not None
    back(qtbot, window)
    titles = [i.title for i in session.meeting.items]
    assert titles == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        "Planning applications",
        "Footpath by the Old Forge",
    ]
    people = {p.last_name: p for p in body.people}
    name = session.display_name

    # --- apologies with a reason (Ctrl+3, type the name, Ctrl+F8, the reason, Enter)
    kb.press(Qt.Key.Key_3, CTRL)
    kb.type(name(people["Oduya"]))
    assert window.screen_widget.attendance.selected_person_id() == people["Oduya"].id

    def reason() -> None:
        kb.type("working away")
        kb.press(Qt.Key.Key_Return)

    later(reason)
    kb.press(Qt.Key.Key_F8, CTRL)
    back(qtbot, window)
    record = session.meeting.attendance_of(people["Oduya"].id)
    assert record is not None and record.status is AttendanceStatus.APOLOGIES
    assert record.reason == "working away"
    # the clerk is in attendance as an officer (a fresh search of the list)
    kb.press(Qt.Key.Key_3, CTRL)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    kb.type(name(people["Ashdown"]))
    assert window.screen_widget.attendance.selected_person_id() == people["Ashdown"].id
    kb.press(Qt.Key.Key_F6, CTRL | SHIFT)

    # --- four members of the public (Ctrl+F5)
    kb.press(Qt.Key.Key_F5, CTRL)
    kb.type("4")
    kb.press(Qt.Key.Key_Tab)

    # --- the planning item: Ctrl+2, then the next item until it is reached
    kb.press(Qt.Key.Key_2, CTRL)
    for _ in range(6):
        if session.current_item.title == "Planning applications":
            break
        kb.press(Qt.Key.Key_PageDown, CTRL)
    assert session.current_item.title == "Planning applications", (
        kb.focus,
        QApplication.activeWindow(),
        QApplication.activeModalWidget(),
    )
    planning_id = session.current_item_id

    # a paragraph on four lines
    kb.press(Qt.Key.Key_P, CTRL | SHIFT)
    kb.type("26/0112/FUL\nThe Old Forge, Main Street\nSingle-storey rear extension\nNo objection")
    # two discussion-points blocks; Alt+D goes to the second one's introduction
    kb.press(Qt.Key.Key_L, CTRL | SHIFT)
    kb.type("Parking on Main Street\nHours of building work")
    kb.press(Qt.Key.Key_L, CTRL | SHIFT)
    second_points = session.current_block_id
    kb.type("Bats in the old barn")
    kb.press(Qt.Key.Key_D, ALT)
    assert isinstance(kb.focus.parentWidget(), PointsForm)
    kb.type("Councillors also noted:")

    # a declaration with its time: the member stayed but did not vote
    kb.press(Qt.Key.Key_D, CTRL | SHIFT)
    declaration_id = session.current_block_id
    kb.tab_to(lambda w: w.accessibleName() == "Time")
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("7.40pm")
    kb.tab_to(lambda w: w.accessibleName() == "Member")
    kb.type("Tregea")
    kb.press(Qt.Key.Key_Tab)
    kb.tab_to(lambda w: w.accessibleName() == "Reason")
    kb.type("because her cottage adjoins the Old Forge")
    kb.tab_to(lambda w: w.accessibleName() == "What they did")
    kb.press(Qt.Key.Key_Down, times=2)  # stayed but did not vote

    # a motion carried with one against, the others not counted
    kb.press(Qt.Key.Key_M, CTRL | SHIFT)
    motion_id = session.current_block_id
    kb.type("Bellam")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Quayl")
    kb.press(Qt.Key.Key_Tab)
    kb.tab_to(lambda w: w.accessibleName() == "Clauses")
    kb.type("the Council raise no objection to the extension.")
    kb.tab_to(lambda w: w.accessibleName() == "Vote")
    kb.press(Qt.Key.Key_Down, times=2)  # Counts
    kb.tab_to(lambda w: w.accessibleName() == "Votes against")
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("1")
    kb.tab_to(lambda w: w.accessibleName().startswith("The rest of those present voted for"))
    kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_Return, CTRL)  # record the vote

    # --- the numbering changes mid-meeting: Ctrl+, → Minute numbers → pattern; renumber
    def settings() -> None:
        dialog: Any = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        try:
            kb.press(Qt.Key.Key_N, ALT)  # the Minute numbers tab
            kb.tab_to(lambda w: w is dialog.pattern_edit)
            kb.press(Qt.Key.Key_A, CTRL)
            kb.type("WPC{n}/{yy}")
            kb.tab_to(lambda w: w is dialog.ok_button)
            later(renumber, kind=QMessageBox)
            kb.press(Qt.Key.Key_Space)  # Save
        finally:
            if dialog.isVisible():
                unexpected.append(f"settings stayed open; the cursor in {kb.focus!r}")
                dialog.reject()

    def renumber() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Renumber" in box.windowTitle()
        kb.press(Qt.Key.Key_Return)  # Yes

    later(settings)
    kb.press(Qt.Key.Key_Comma, CTRL)
    back(qtbot, window)
    numbers = [i.minute_number for i in session.meeting.items]
    assert all(n.startswith("WPC") for n in numbers), (
        numbers,
        session.body.settings.numbering,
        unexpected,
        session.undo_stack.undoText(),
    )

    # --- the meeting closes: Shift+F5 puts a wrong clock there, the clerk types 9.30pm
    kb.press(Qt.Key.Key_F5, SHIFT)
    assert kb.focus is window.screen_widget.header.end
    kb.type("9.30pm")

    # --- export with Ctrl+E from inside that one-line field
    target = tmp_path / "Wrenfold minutes.docx"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), "Word document (*.docx)"),
    )
    monkeypatch.setattr("clerk_app.gui.files.finished", lambda *a, **k: None)
    kb.press(Qt.Key.Key_E, CTRL)
    assert target.is_file()

    # --- what was saved
    store = reopened(gui_db)
    try:
        saved = store.get_meeting(session.meeting.id)
    finally:
        store.close()
    assert saved.public_count == 4
    assert saved.end_time == time(21, 30) and saved.start_time == time(19, 0)
    item = saved.item(planning_id)
    assert [b.KIND for b in item.blocks] == [
        "paragraph",
        "points",
        "points",
        "declaration",
        "motion",
    ]
    declaration, motion = item.blocks[3], item.blocks[4]
    assert declaration.id == declaration_id and motion.id == motion_id
    assert declaration.at == time(19, 40)
    assert declaration.conduct is InterestConduct.NO_VOTE
    assert motion.vote.against_count == 1 and motion.vote.for_count is None
    assert motion.outcome is Outcome.CARRIED
    assert item.blocks[2].id == second_points
    assert item.blocks[2].intro == "Councillors also noted:"
    assert item.blocks[1].intro == ""

    # --- every fact in the Word file
    document = docx.Document(str(target))
    paras = document.paragraphs
    text = "\n".join(p.text for p in paras)
    tables = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    everything = text + "\n" + tables
    folded = everything.casefold()
    assert "working away" in everything and "Oduya" in everything
    assert "four members of the public were present" in folded
    assert "9.30 pm" in everything and "1.29 pm" not in everything
    assert "Officers in attendance:\nNell Ashdown" in text
    headings = [p.text for p in paras if p.text.startswith("WPC") and "\t" in p.text]
    assert headings == [  # each standard item once, numbered the new way
        "WPC1/26\tAPOLOGIES FOR ABSENCE",
        "WPC2/26\tDECLARATIONS OF INTEREST",
        "WPC3/26\tMINUTES OF THE LAST MEETING",
        "WPC4/26\tMATTERS ARISING",
        "WPC5/26\tPLANNING APPLICATIONS",
        "WPC6/26\tFOOTPATH BY THE OLD FORGE",
    ], headings
    forge = [p for p in paras if "26/0112/FUL" in p.text]
    assert len(forge) == 1 and len(forge[0]._p.xpath(".//w:br")) == 3
    assert "The Old Forge, Main Street" in forge[0].text
    for words in (
        "Parking on Main Street",
        "Hours of building work",
        "Councillors also noted:",
        "Bats in the old barn",
    ):
        assert words in everything, words
    assert "WPC" in everything
    assert "Cllr M Tregear declared" in everything and "did not vote" in everything
    assert "adjoins the Old Forge" in everything
    assert "carried with one against" in folded
    assert not unexpected, unexpected
    QCoreApplication.processEvents()
    window.close()
