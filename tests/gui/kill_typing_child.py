"""Run Clerk's real window and type into a new paragraph of a meeting, key by key through
the event loop, until killed. Each key typed is reported on stdout as "K <count> <time>".

    python kill_typing_child.py DATA_DIR MEETING_ID RHYTHM TEXT

RHYTHM is "steady" (one key every 120 ms) or "words" (35 ms a key inside a word, a
400 ms pause after each space).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from clerk_app import app


def main() -> int:
    data_dir, meeting_id, rhythm, text = sys.argv[1:5]

    def start(window: QMainWindow) -> None:
        window.open_meeting(meeting_id)  # type: ignore[attr-defined]
        window.registry["insert_paragraph"].trigger()  # type: ignore[attr-defined]
        form = window.screen_widget.item_pane.card_list()[-1].form  # type: ignore[attr-defined]
        form.edit.setFocus()
        print(f"B {form.block_id}", flush=True)
        typed = 0

        def next_key() -> None:
            nonlocal typed
            if typed >= len(text):
                return
            ch = text[typed]
            target = QApplication.focusWidget() or form.edit
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QCoreApplication.sendEvent(target, event)
            typed += 1
            print(f"K {typed} {time.monotonic():.4f}", flush=True)
            delay = 120 if rhythm == "steady" else 400 if ch == " " else 35
            QTimer.singleShot(delay, next_key)

        QTimer.singleShot(50, next_key)

    return app.main(["clerk-app"], data_dir=data_dir, on_ready=start)


if __name__ == "__main__":
    sys.exit(main())
