"""Review mode: the chair reads the minutes as they will read and answers each resolution
and item, by keyboard, then saves the review file to send back.

The minutes pane is read-only and never shows a suggestion as if it were the minutes:
answers appear in marked boxes under the wording they are about. Nothing the chair does
here can change the clerk's text; only the answers are saved, atomically, into the file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import format_date
from clerk_app.domain.review import ReviewDecision, ReviewTarget, TargetKind
from clerk_app.gui import theme
from clerk_app.gui.errors import error_box, show_error
from clerk_app.gui.prefs import Prefs
from clerk_app.gui.review.answer_panel import AnswerPanel
from clerk_app.gui.review.minutes_html import anchor, document_html
from clerk_app.services.errors import ServiceError
from clerk_app.services.review import ReviewSession, open_review_file

NOT_REVIEWED = "Not yet reviewed"
STATUS_WORDS = {
    ReviewDecision.APPROVE: "Approved",
    ReviewDecision.QUERY: "Queried",
    ReviewDecision.SUGGEST: "Suggested wording",
}
MARKS = {
    ReviewDecision.APPROVE: "✓",
    ReviewDecision.QUERY: "?",
    ReviewDecision.SUGGEST: "✎",
}
TARGET_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ShortcutEntry:
    text: str
    shortcut: QKeySequence
    menu: str


def _keys(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    found = QKeySequence.keyBindings(standard)
    return list(found) if found else [QKeySequence(fallback)]


class ReviewWindow(QMainWindow):
    """The chair's review of one review file."""

    def __init__(
        self, session: ReviewSession, prefs: Prefs | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = prefs
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        meeting, body = session.meeting, session.body
        held = format_date(meeting.date, weekday=False)
        self.setWindowTitle(f"Review of the minutes – {body.name}, {held}[*]")
        self.setAccessibleName("Review of the minutes")
        self.entries: list[ShortcutEntry] = []
        self._discarded = False  # the chair chose to close without saving

        self.minutes = QTextBrowser()
        self.minutes.setOpenLinks(False)
        self.minutes.setAccessibleName("The minutes as they will read")
        self.minutes.setAccessibleDescription(
            "Read only. Your answers are shown in boxes under the wording they are about."
        )
        self.minutes.document().setDocumentMargin(18)

        side = QWidget()
        column = QVBoxLayout(side)
        name_row = QHBoxLayout()
        name_label = QLabel("Your &name:")
        if not session.reviewer and prefs is not None:  # the name given last time
            session.reviewer = str(prefs.get("review/reviewer_name") or "").strip()
        self.reviewer = QLineEdit(session.reviewer)
        self.reviewer.setPlaceholderText("e.g. Councillor Okonkwo")
        self.reviewer.setAccessibleName("Your name")
        self.reviewer.setToolTip("Your name is saved with your answers")
        name_label.setBuddy(self.reviewer)
        self.reviewer.textEdited.connect(self._name_changed)
        name_row.addWidget(name_label)
        name_row.addWidget(self.reviewer, 1)
        column.addLayout(name_row)
        list_label = QLabel("Resolutions and &items:")
        self.targets = QTreeWidget()
        self.targets.setColumnCount(2)
        self.targets.setHeaderLabels(["Resolution or item", "Your answer"])
        self.targets.setAccessibleName("Resolutions and items")
        self.targets.setRootIsDecorated(False)
        self.targets.setUniformRowHeights(True)
        self.targets.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targets.header().setStretchLastSection(False)
        self.targets.header().setSectionResizeMode(0, self.targets.header().ResizeMode.Stretch)
        self.targets.header().setSectionResizeMode(
            1, self.targets.header().ResizeMode.ResizeToContents
        )
        list_label.setBuddy(self.targets)
        column.addWidget(list_label)
        column.addWidget(self.targets, 2)
        self.panel = AnswerPanel(session)
        column.addWidget(self.panel, 3)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.minutes)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.counts = QLabel()
        self.counts.setAccessibleName("Review progress")
        self.statusBar().addPermanentWidget(self.counts)

        self._build_targets()
        self._build_menus()
        self.targets.currentItemChanged.connect(self._target_changed)
        self.panel.answered.connect(self._answered)
        self.panel.composingChanged.connect(self._composing_changed)
        self._render()
        self._update_counts()
        self._composing_changed(False)
        self.resize(1180, 760)
        self.splitter.setSizes([680, 500])
        self._restore_layout()
        first = self.targets.topLevelItem(0)
        if first is not None:
            self.targets.setCurrentItem(first)
        self.targets.setFocus()

    # ------------------------------------------------------------------ building
    def _action(
        self, menu_name: str, menu: object, text: str, keys: list[QKeySequence], slot: object
    ) -> QAction:
        act = QAction(text, self)
        if keys:
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.entries.append(ShortcutEntry(text, keys[0], menu_name))
        act.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(act)  # type: ignore[attr-defined]
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu("&File")
        self.save_action = self._action(
            "File", f, "&Save answers", _keys(QKeySequence.StandardKey.Save, "Ctrl+S"), self.save
        )
        f.addSeparator()
        self._action(
            "File", f, "&Close", _keys(QKeySequence.StandardKey.Close, "Ctrl+W"), self.close
        )
        r = bar.addMenu("&Review")
        k = QKeySequence
        self.approve_action = self._action(
            "Review", r, "&Approve", [k("Ctrl+1")], self.approve_current
        )
        self.query_action = self._action(
            "Review", r, "&Query…", [k("Ctrl+2")], self.panel.start_query
        )
        self.suggest_action = self._action(
            "Review", r, "&Suggest wording…", [k("Ctrl+3")], self.panel.start_suggestion
        )
        self.withdraw_action = self._action(
            "Review", r, "&Withdraw answer", [k("Ctrl+0")], self.panel.withdraw
        )
        r.addSeparator()
        self.record_action = self._action(
            "Review", r, "&Record answer", [k("Ctrl+Return"), k("Ctrl+Enter")], self.panel.record
        )
        self.cancel_action = self._action(
            "Review", r, "&Cancel answer", [k("Escape")], self.panel.cancel
        )
        g = bar.addMenu("&Go")
        self._action("Go", g, "&Next", [k("Ctrl+PgDown")], lambda: self.go(1))
        self._action("Go", g, "&Previous", [k("Ctrl+PgUp")], lambda: self.go(-1))
        self._action("Go", g, "Next not yet &reviewed", [k("F8")], self.next_unreviewed)
        g.addSeparator()
        self._action("Go", g, "&Minutes", [k("Ctrl+Shift+M")], self.minutes.setFocus)
        self._action("Go", g, "&Resolutions and items", [k("Ctrl+L")], self.targets.setFocus)
        h = bar.addMenu("&Help")
        self._action("Help", h, "&Keyboard shortcuts", [k("F1")], self.show_shortcuts)

    def _build_targets(self) -> None:
        self.targets.clear()
        self._items: dict[str, QTreeWidgetItem] = {}
        for target in self.session.targets:
            label = target.label
            if target.kind is TargetKind.MOTION:
                label = "      " + label.split(" – ")[-1].capitalize()
            row = QTreeWidgetItem([label, ""])
            row.setData(0, TARGET_ROLE, target)
            row.setToolTip(0, target.label)
            self.targets.addTopLevelItem(row)
            self._items[target.id] = row
            self._show_status(target)

    # ------------------------------------------------------------------ state
    def status_of(self, target: ReviewTarget) -> ReviewDecision | None:
        decisions = {r.decision for r in self.session.responses if r.target_id == target.id}
        for d in (ReviewDecision.SUGGEST, ReviewDecision.QUERY, ReviewDecision.APPROVE):
            if d in decisions:
                return d
        return None

    def counts_by_status(self) -> dict[str, int]:
        out = {"approved": 0, "queried": 0, "suggested": 0, "not yet reviewed": 0}
        keys = {
            ReviewDecision.APPROVE: "approved",
            ReviewDecision.QUERY: "queried",
            ReviewDecision.SUGGEST: "suggested",
        }
        for target in self.session.targets:
            status = self.status_of(target)
            out[keys[status] if status else "not yet reviewed"] += 1
        return out

    def _show_status(self, target: ReviewTarget) -> None:
        row = self._items.get(target.id)
        if row is None:
            return
        status = self.status_of(target)
        words = STATUS_WORDS[status] if status else NOT_REVIEWED
        row.setText(1, f"{MARKS[status]} {words}" if status else words)
        row.setForeground(1, theme.color(theme.Tone.MUTED if status is None else theme.Tone.INFO))
        row.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{target.label}: {words}")

    def _update_counts(self) -> None:
        c = self.counts_by_status()
        text = (
            f"{c['approved']} approved · {c['queried']} queried · {c['suggested']} suggested · "
            f"{c['not yet reviewed']} not yet reviewed"
        )
        self.counts.setText(text)
        self.counts.setAccessibleDescription(text)
        self.setWindowModified(self.session.modified)

    def _render(self) -> None:
        colour = theme.background(theme.Tone.INFO, self.palette()).name()
        bar = self.minutes.verticalScrollBar()
        where = bar.value()
        self.minutes.setHtml(
            document_html(
                self.session.document, self.session.targets, self.session.responses, colour
            )
        )
        bar.setValue(where)

    # ------------------------------------------------------------------ slots
    def current_target(self) -> ReviewTarget | None:
        row = self.targets.currentItem()
        return row.data(0, TARGET_ROLE) if row is not None else None

    def select(self, target_id: str) -> None:
        row = self._items.get(target_id)
        if row is not None:
            self.targets.setCurrentItem(row)

    def _target_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        target = current.data(0, TARGET_ROLE) if current is not None else None
        self.panel.show_target(target)
        if target is not None:
            self.minutes.scrollToAnchor(anchor(target.id))

    def _answered(self, target_id: str) -> None:
        target = next((t for t in self.session.targets if t.id == target_id), None)
        if target is not None:
            self._show_status(target)
        self._render()
        self._update_counts()
        if target is not None:
            self.minutes.scrollToAnchor(anchor(target.id))
        if not self.panel.composing:
            self.targets.setFocus()

    def _composing_changed(self, composing: bool) -> None:
        self.record_action.setEnabled(composing)
        self.cancel_action.setEnabled(composing)
        if not composing and self.isVisible():
            self.targets.setFocus()

    def _name_changed(self, text: str) -> None:
        self.session.reviewer = text.strip()
        if self.session.responses:
            self.session.modified = True
            self._update_counts()

    def approve_current(self) -> None:
        self.panel.approve()

    def go(self, step: int) -> None:
        current = self.targets.currentItem()
        # with no current row, stepping starts from just before the first one
        position = self.targets.indexOfTopLevelItem(current) if current is not None else -1
        target = self.targets.topLevelItem(position + step) if position + step >= 0 else None
        if target is not None:
            self.targets.setCurrentItem(target)

    def next_unreviewed(self) -> None:
        targets = self.session.targets
        current = self.current_target()
        start = next((i for i, t in enumerate(targets) if current and t.id == current.id), -1)
        for target in targets[start + 1 :] + targets[: start + 1]:
            if self.status_of(target) is None:
                self.select(target.id)
                return
        self.statusBar().showMessage("Every resolution and item has an answer.", 5000)

    def show_shortcuts(self) -> None:
        from clerk_app.gui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.entries, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        self.session.reviewer = self.reviewer.text().strip()
        try:
            path = self.session.save()
        except (OSError, ServiceError) as exc:
            show_error(self, exc)
            return False
        if self.prefs is not None and self.session.reviewer:
            self.prefs.set("review/reviewer_name", self.session.reviewer)
        self._update_counts()
        self.statusBar().showMessage(f"Saved {datetime.now():%H:%M:%S} to {path.name}", 10000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._discarded and (self.session.modified or self.panel.unrecorded()):
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle("Save your answers?")
            box.setText("<b>Save your answers before closing?</b>")
            more = "Unsaved answers are lost if you close without saving."
            if self.panel.unrecorded():
                more += " An answer you began but did not record is not saved either."
            box.setInformativeText(more)
            box.setAccessibleName("Save your answers?")
            sb = QMessageBox.StandardButton
            box.setStandardButtons(sb.Save | sb.Discard | sb.Cancel)
            box.setDefaultButton(sb.Save)
            choice = box.exec()
            if choice == sb.Cancel or (choice == sb.Save and not self.save()):
                event.ignore()
                return
            self._discarded = choice == sb.Discard
        self._save_layout()
        event.accept()

    def _save_layout(self) -> None:
        if self.prefs is not None:
            self.prefs.save_geometry("review", self.saveGeometry())
            self.prefs.save_state("review/splitter", self.splitter.saveState())

    def _restore_layout(self) -> None:
        if self.prefs is None:
            return
        geometry = self.prefs.geometry("review")
        if geometry is not None:
            self.restoreGeometry(QByteArray(geometry))
        state = self.prefs.state("review/splitter")
        if state is not None:
            self.splitter.restoreState(QByteArray(state))


def refusal_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The message for a review file Clerk will not open or import (not shown)."""
    box = error_box(parent, exc)
    if isinstance(exc, ServiceError):
        box.setWindowTitle("This review file cannot be used")
        box.setText("<b>This review file cannot be used</b>")
        box.setAccessibleName("This review file cannot be used")
    return box


def show_refusal(parent: QWidget | None, exc: BaseException) -> None:
    refusal_box(parent, exc).exec()


def open_review_window(
    path: str | Path, prefs: Prefs | None = None, parent: QWidget | None = None
) -> ReviewWindow | None:
    """Open a review file in review mode and show it; None (after saying why) if refused.

    The file comes from outside Clerk: whatever is wrong with it is said in a message,
    never left to stop Clerk (anything unforeseen is logged with its details)."""
    try:
        session = open_review_file(path)
        window = ReviewWindow(session, prefs, parent)
    except ServiceError as exc:
        show_refusal(parent, exc)
        return None
    except Exception:
        logging.getLogger("clerk.review").exception("Cannot show the review file %s", path)
        show_refusal(
            parent,
            ServiceError(
                f"Clerk could not show {Path(path).name}: it is damaged, or not a review file "
                "this version of Clerk can read.",
                advice="Ask for the review file to be sent again, as an attachment, "
                "unchanged. The details are in Clerk's log.",
            ),
        )
        return None
    window.show()
    return window
