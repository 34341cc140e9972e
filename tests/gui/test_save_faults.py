"""Nothing typed is lost when saving fails: steady typing reaches the disk within a bound,
a failed save is kept and retried, a locked database never freezes typing, a data folder
that disappears is noticed, and quitting with unsaved typing asks first."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from clerk_app.gui.meeting.forms.simple import ParagraphForm
from clerk_app.storage import Store
from clerk_app.storage.errors import DiskFull, ReadOnlyDatabase, StoreError

from .conftest import type_text


def stored_text(db: Path, block_id: str) -> str | None:
    """The paragraph's text as the database file holds it (read with a plain connection,
    as another program would, without taking Clerk's lock)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT data FROM blocks WHERE id = ?", (block_id,)).fetchone()
    finally:
        conn.close()
    return None if row is None else str(json.loads(row[0]).get("text", ""))


def break_writes(monkeypatch: Any, fault: type[StoreError]) -> dict[str, bool]:
    """Every write transaction fails with ``fault`` while the returned flag is on (the
    disk full, the file read-only …), as SQLite would fail it before writing anything."""
    failing = {"on": True}
    real = Store._check_in_place

    def check(self: Store) -> None:
        if failing["on"]:
            raise fault(path=self.path)
        real(self)

    monkeypatch.setattr(Store, "_check_in_place", check)
    return failing


def new_paragraph(window: Any) -> ParagraphForm:
    screen = window.screen_widget
    window.registry["insert_paragraph"].trigger()
    form = screen.item_pane.card_list()[-1].form
    assert isinstance(form, ParagraphForm)
    form.edit.setFocus()
    return form


def key(widget: Any, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        )


def type_steadily(qtbot: Any, widget: Any, text: str, every_ms: int) -> list[float]:
    """Type through the event loop, one key every ``every_ms``; the time of each key."""
    times: list[float] = []
    chars = iter(text)
    timer = QTimer()
    timer.setInterval(every_ms)

    def tick() -> None:
        ch = next(chars, None)
        if ch is None:
            timer.stop()
            return
        key(widget, ch)
        times.append(time.monotonic())

    timer.timeout.connect(tick)
    timer.start()
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=len(text) * every_ms + 5000)
    return times


def test_steady_typing_reaches_the_database_without_a_pause(
    qtbot: Any, window: Any, gui_db: Path
) -> None:
    form = new_paragraph(window)
    text = "The clerk types on and on without a pause"
    # one key every 120 ms never leaves the 300 ms pause a save used to wait for
    type_steadily(qtbot, form.edit, text, 120)
    saved = stored_text(gui_db, form.block_id) or ""
    assert text.startswith(saved)
    # everything but the last few keys (well under a second of typing) is on disk already
    assert len(saved) >= len(text) - 4, saved
    # and it is one undo step, as a run of typing always was
    stack = window.session.undo_stack
    edits = [stack.text(i) for i in range(stack.count()) if stack.text(i).startswith("Edit")]
    assert len(edits) == 1


def test_a_locked_database_neither_freezes_typing_nor_loses_it(
    qtbot: Any, window: Any, gui_db: Path
) -> None:
    form = new_paragraph(window)
    other = sqlite3.connect(gui_db, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        type_text(form.edit, "Typed while locked")
        form.flush()
        took = time.monotonic() - started
        assert took < 1.0, f"the window waited {took:.2f} s for the lock"
        assert window.saved_label.text() == "Not saved"
        assert "busy" in window.saved_label.accessibleDescription()
        assert window.unsaved_bar.isVisibleTo(window)
        assert not window.unsaved_bar.folder_button.isVisibleTo(window)
        # the clerk types on: kept, not frozen, still "Not saved"
        started = time.monotonic()
        type_text(form.edit, " and more")
        form.flush()
        assert time.monotonic() - started < 1.0
        assert window.saved_label.text() == "Not saved"
        assert stored_text(gui_db, form.block_id) in (None, "")
    finally:
        other.execute("ROLLBACK")
        other.close()
    # the lock is gone: Clerk saves by itself, within a few seconds
    qtbot.waitUntil(lambda: window.session.unsaved is None, timeout=5000)
    assert stored_text(gui_db, form.block_id) == "Typed while locked and more"
    assert window.saved_label.text().startswith("Saved")
    assert not window.unsaved_bar.isVisibleTo(window)


@pytest.mark.parametrize("fault", [DiskFull, ReadOnlyDatabase])
def test_a_failed_save_is_kept_and_saved_when_the_fault_clears(
    qtbot: Any, window: Any, gui_db: Path, monkeypatch: Any, fault: type[StoreError]
) -> None:
    form = new_paragraph(window)
    type_text(form.edit, "Before.")
    form.flush()
    failing = break_writes(monkeypatch, fault)
    type_text(form.edit, " After.")
    form.flush()
    assert window.saved_label.text() == "Not saved"
    # the form sees no change any more (the record in memory has the text), and yet the
    # text is not forgotten: the status stays "Not saved" until it is on disk
    form.flush()
    window.session.flush()
    assert window.saved_label.text() == "Not saved"
    assert stored_text(gui_db, form.block_id) == "Before."
    window.retry_save()
    assert window.saved_label.text() == "Not saved"  # still failing
    failing["on"] = False
    qtbot.waitUntil(lambda: window.session.unsaved is None, timeout=5000)
    assert stored_text(gui_db, form.block_id) == "Before. After."
    assert window.saved_label.text().startswith("Saved")


def test_the_next_keystroke_retries_at_once(
    qtbot: Any, window: Any, gui_db: Path, monkeypatch: Any
) -> None:
    form = new_paragraph(window)
    failing = break_writes(monkeypatch, DiskFull)
    window.session._retry.setInterval(60_000)  # only the keystroke can save it now
    type_text(form.edit, "One")
    form.flush()
    assert window.session.unsaved is not None
    failing["on"] = False
    window.session._last_retry = 0.0
    type_text(form.edit, " two")
    form.flush()
    assert window.session.unsaved is None
    assert stored_text(gui_db, form.block_id) == "One two"


def test_a_vanished_data_folder_is_noticed_and_saved_when_it_comes_back(
    qtbot: Any, window: Any, gui_db: Path
) -> None:
    form = new_paragraph(window)
    type_text(form.edit, "Saved before.")
    form.flush()
    folder = gui_db.parent
    away = folder.with_name("stick-pulled-out")
    folder.rename(away)  # the USB stick is pulled out (or the folder moved)
    type_text(form.edit, " Typed while it was gone.")
    form.flush()
    assert window.saved_label.text() == "Not saved"
    assert "disappeared" in window.saved_label.accessibleDescription()
    assert window.unsaved_bar.folder_button.isVisibleTo(window)
    away.rename(folder)  # and put back
    qtbot.waitUntil(lambda: window.session.unsaved is None, timeout=5000)
    assert stored_text(gui_db, form.block_id) == "Saved before. Typed while it was gone."


def test_a_deleted_data_folder_can_be_replaced_by_another(
    qtbot: Any, window: Any, gui_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    form = new_paragraph(window)
    type_text(form.edit, "First words.")
    form.flush()
    meeting_id = window.session.meeting.id
    shutil.rmtree(gui_db.parent)  # the folder is deleted while Clerk runs
    type_text(form.edit, " Second words.")
    form.flush()
    assert window.saved_label.text() == "Not saved"
    qtbot.wait(100)
    assert window.session.unsaved is not None  # retried, and still gone
    elsewhere = tmp_path / "new-home"
    elsewhere.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(elsewhere))
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    window.unsaved_bar.folder_button.click()
    assert window.session.unsaved is None
    moved = elsewhere / "clerk.db"
    assert stored_text(moved, form.block_id) == "First words. Second words."
    type_text(form.edit, " Third.")  # and Clerk goes on saving there
    form.flush()
    assert stored_text(moved, form.block_id) == "First words. Second words. Third."
    check = Store.open(moved, force=True, backups=False)
    try:
        assert check.get_meeting(meeting_id).items  # the whole meeting, readable
    finally:
        check.close()


def test_quitting_with_unsaved_typing_offers_a_file(
    qtbot: Any, window: Any, gui_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from clerk_app.gui import save_status

    form = new_paragraph(window)
    other = sqlite3.connect(gui_db, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_text(form.edit, "Never lost")
        answers = iter(["stay", "write"])
        monkeypatch.setattr(save_status, "choose", lambda _box, buttons: buttons[next(answers)])
        target = tmp_path / "rescued.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
        monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
        assert not window.close()  # "Stay in Clerk"
        assert window.isVisible()
        assert form.edit.toPlainText() == "Never lost"
        assert window.close()  # "Write to a file", then quit
    finally:
        other.execute("ROLLBACK")
        other.close()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "Never lost" in json.dumps(data, ensure_ascii=False)
    # the file is one Clerk reads back
    from clerk_app.services.interchange import read_meeting_json

    _body, meeting = read_meeting_json(target)
    texts = [getattr(b, "text", "") for item in meeting.items for b in item.blocks]
    assert "Never lost" in texts


def test_quitting_with_everything_saved_asks_nothing(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    from clerk_app.gui import save_status

    asked: list[Any] = []
    monkeypatch.setattr(save_status, "choose", lambda box, buttons: asked.append(box))
    form = new_paragraph(window)
    type_text(form.edit, "All saved")
    assert window.close()
    assert asked == []


def test_the_status_never_says_saved_while_something_is_unsaved(
    qtbot: Any, window: Any, gui_db: Path, monkeypatch: Any
) -> None:
    form = new_paragraph(window)
    failing = break_writes(monkeypatch, DiskFull)
    type_text(form.edit, "Lost?")
    form.flush()
    assert window.saved_label.text() == "Not saved"
    # a change that does not touch blocks (the meeting header) succeeds meanwhile …
    window.session.update_meeting()
    QApplication.processEvents()
    # … but the paragraph is still not on disk, so the status must not say Saved
    assert window.saved_label.text() == "Not saved"
    failing["on"] = False
    assert window.session.retry_save()
    assert stored_text(gui_db, form.block_id) == "Lost?"


def test_a_disk_that_cannot_even_be_read_keeps_the_typing(
    qtbot: Any, window: Any, gui_db: Path, monkeypatch: Any
) -> None:
    """A USB stick pulled out: reading fails as well as writing. The typing stays in the
    record in memory, is reported unsaved, and is saved when the disk answers again."""
    from clerk_app.storage import reviews
    from clerk_app.storage.errors import DiskError

    form = new_paragraph(window)
    type_text(form.edit, "Read and write fail.")
    form.flush()
    failing = break_writes(monkeypatch, DiskError)
    real_state = reviews.meeting_state

    def meeting_state(store: Any, meeting_id: str) -> Any:
        if failing["on"]:
            raise DiskError(path=gui_db)
        return real_state(store, meeting_id)

    monkeypatch.setattr(reviews, "meeting_state", meeting_state)
    type_text(form.edit, " Still here.")
    form.flush()
    assert window.saved_label.text() == "Not saved"
    live = window.session.block(window.session.current_item_id, form.block_id)
    assert live.text == "Read and write fail. Still here."  # kept in the record in memory
    failing["on"] = False
    qtbot.waitUntil(lambda: window.session.unsaved is None, timeout=5000)
    assert stored_text(gui_db, form.block_id) == "Read and write fail. Still here."


@pytest.fixture
def small_disk(tmp_path: Path) -> Any:
    """A real 4 MB file system (tmpfs), where the machine allows mounting one."""
    import subprocess

    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


def test_a_really_full_disk_keeps_the_typing_until_space_is_freed(
    qtbot: Any, small_disk: Path, gui_meeting: Any, gui_store: Store
) -> None:
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services import Services

    db = small_disk / "clerk.db"
    gui_store.copy_to(db)  # the test's library, on the small disk
    store = Store.open(db, backups=False)
    win = MainWindow(Services(store), Prefs.in_memory())
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.open_meeting(gui_meeting.id) is not None
        form = new_paragraph(win)
        type_text(form.edit, "Before the disk filled.")
        form.flush()
        filler = small_disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk to the last byte
        try:
            for size in (65536, 512, 1):
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * size)
        finally:
            os.close(fd)
        words = " A long paragraph typed when the disk was full." * 200
        form.edit.insertPlainText(words)
        form.flush()
        assert win.saved_label.text() == "Not saved"
        assert "full" in win.saved_label.accessibleDescription()
        assert form.edit.toPlainText().endswith(words)
        filler.unlink()  # space freed
        qtbot.waitUntil(lambda: win.session.unsaved is None, timeout=6000)
        assert stored_text(db, form.block_id) == "Before the disk filled." + words
    finally:
        win.close()
        store.close()
