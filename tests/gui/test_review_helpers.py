"""Fixtures for the review-mode and clerk's review tests: our fictional Harrowfield
planning committee's minutes with two resolutions, its review file, and the chair's
answers given by keyboard in the review window. (No tests here.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_app.domain.model import Body, Meeting, Outcome, Paragraph, Vote, VoteKind
from clerk_app.domain.review import TargetKind
from clerk_app.services import Services

SHOTS = Path("/tmp/shots-review")
MEETING_DATE = date(2026, 10, 13)  # before "today" so its draft can be circulated
CTRL = Qt.KeyboardModifier.ControlModifier

MILL_LANE_CLAUSES = [
    "planning permission be granted subject to the conditions set out in the report;",
    "the Head of Planning be authorised to settle the wording of the conditions.",
]
TREE_CLAUSE = "the tree preservation order be confirmed without modification."
NEW_TREE_CLAUSES = [
    "the order be confirmed with T3 – the oak at Øvergaard Close – added;",
    "the owners be told of the order within 28 days at a cost of £0.",
]


@dataclass
class Minutes:
    services: Services
    body: Body
    meeting: Meeting

    def item_id(self, words: str) -> str:
        return next(it.id for it in self.meeting.items if words in it.title)

    def motion_id(self, words: str) -> str:
        item = self.meeting.item(self.item_id(words))
        assert item is not None
        return next(b.id for b in item.blocks if b.KIND == "motion")


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


@pytest.fixture
def minutes(gui_services: Services, gui_body: Body) -> Minutes:
    svc = gui_services
    meeting = svc.create_meeting(
        gui_body.id,
        MEETING_DATE,
        venue="Council Chamber, Harrowfield Town Hall",
        start_time=time(18, 30),
        agenda=[
            "Land at Mill Lane – erection of 24 dwellings",
            "Tree preservation order – Øvergaard Close",
        ],
    )
    members = [p.id for p in gui_body.people if p.kind.value == "member"]
    mill = next(it for it in meeting.items if "Mill Lane" in it.title)
    tree = next(it for it in meeting.items if "Tree preservation" in it.title)
    mill.report_author = "Head of Planning"
    svc.update_item(meeting, mill)
    svc.add_block(
        meeting,
        mill.id,
        Paragraph(text="The Head of Planning presented the application for 24 dwellings."),
    )
    m1 = svc.move_motion(
        meeting, mill.id, mover_id=members[0], seconder_id=members[1], clauses=MILL_LANE_CLAUSES
    )
    svc.record_vote(
        meeting,
        mill.id,
        m1.id,
        Vote(kind=VoteKind.COUNTS, for_count=5, against_count=1),
        Outcome.CARRIED,
    )
    svc.add_block(meeting, tree.id, Paragraph(text="Members discussed the oak at the entrance."))
    m2 = svc.move_motion(
        meeting, tree.id, mover_id=members[2], seconder_id=members[3], clauses=[TREE_CLAUSE]
    )
    svc.record_vote(meeting, tree.id, m2.id, Vote(kind=VoteKind.UNANIMOUS), Outcome.CARRIED)
    svc.add_action(meeting, tree.id, "Serve the confirmed order", owner="Head of Planning")
    svc.end_meeting(meeting, time(20, 5))
    return Minutes(svc, gui_body, svc.get_meeting(meeting.id))


@pytest.fixture
def review_path(minutes: Minutes, tmp_path: Path) -> Path:
    return minutes.services.export_review_file(minutes.meeting, tmp_path / "chair.clerkreview")


class Boxes:
    """Message boxes shown (their texts) instead of waiting for a person."""

    def __init__(self, answer: Any = QMessageBox.StandardButton.Ok) -> None:
        self.seen: list[dict[str, str]] = []
        self.answer = answer

    def text(self) -> str:
        return "\n".join(" ".join(b.values()) for b in self.seen)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    caught = Boxes()

    def fake_exec(box: QMessageBox) -> int:
        caught.seen.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "informative": box.informativeText(),
            }
        )
        return int(caught.answer.value) if hasattr(caught.answer, "value") else caught.answer

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return caught


def go_to(window: Any, target_id: str) -> None:
    """Move through the list of resolutions and items with the arrow keys."""
    window.targets.setFocus()
    QTest.keyClick(window.targets, Qt.Key.Key_Home)
    for _ in range(60):
        current = window.current_target()
        if current is not None and current.id == target_id:
            return
        QTest.keyClick(window.targets, Qt.Key.Key_Down)
    raise AssertionError("target not reached by keyboard")


def ctrl(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key, CTRL)


@pytest.fixture
def answer_by_keyboard(
    qtbot: Any, minutes: Minutes
) -> Iterator[Callable[[Path], tuple[Any, dict[str, str]]]]:
    """Open a review file in the window and answer as the chair would, by keyboard only:
    approve the Mill Lane resolution, query the Mill Lane item, suggest wording for the
    tree preservation resolution. Returns the window and the ids answered."""
    from clerk_app.gui.prefs import Prefs
    from clerk_app.gui.review.window import ReviewWindow
    from clerk_app.services.review import open_review_file
    from tests.gui.conftest import type_text

    opened: list[Any] = []

    def run(path: Path) -> tuple[Any, dict[str, str]]:
        window = ReviewWindow(open_review_file(path), Prefs.in_memory())
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        opened.append(window)
        ids = {
            "approve": minutes.motion_id("Mill Lane"),
            "query": minutes.item_id("Mill Lane"),
            "suggest": minutes.motion_id("Tree preservation"),
        }
        type_text(window.reviewer, "Cllr Hartley")
        window.reviewer.textEdited.emit(window.reviewer.text())

        go_to(window, ids["approve"])
        ctrl(window.targets, Qt.Key.Key_1)

        QTest.keyClick(window.targets, Qt.Key.Key_Up)  # back to the item itself
        assert window.current_target().id == ids["query"]
        ctrl(window.targets, Qt.Key.Key_2)
        assert QApplication.focusWidget() is window.panel.comment
        type_text(window.panel.comment, "Were the 24 dwellings’ parking spaces counted?")
        ctrl(window.panel.comment, Qt.Key.Key_Return)

        go_to(window, ids["suggest"])
        assert window.current_target().kind is TargetKind.MOTION
        ctrl(window.targets, Qt.Key.Key_3)
        editor = window.panel.text
        assert QApplication.focusWidget() is editor
        assert editor.toPlainText() == TREE_CLAUSE  # pre-filled with the current wording
        ctrl(editor, Qt.Key.Key_A)
        type_text(editor, NEW_TREE_CLAUSES[0])
        QTest.keyClick(editor, Qt.Key.Key_Return)
        type_text(editor, NEW_TREE_CLAUSES[1])
        ctrl(editor, Qt.Key.Key_Return)
        return window, ids

    yield run
    for window in opened:
        window._discarded = True  # closing in teardown asks nothing
        window.close()
