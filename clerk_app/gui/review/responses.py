"""Review responses: every answer from the chair against its resolution or item, with the
suggested wording beside the current wording, and Accept / Reject for each suggestion.

Accepting applies the wording through the services (so it is audited, naming the review);
rejecting asks for the reason, which is kept with the response. The list is read again
after each decision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.dates import format_date
from clerk_app.domain.model import Meeting, Motion
from clerk_app.domain.review import (
    ResponseSource,
    ResponseStatus,
    ReviewDecision,
    ReviewResponse,
    TargetKind,
    describe_block,
    find_target,
)
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.gui.errors import show_error
from clerk_app.gui.review.minutes_html import suggested_wording
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError

COLUMNS = ("Resolution or item", "Reviewer", "Answer", "Status", "Comment")
ANSWER_WORDS = {
    ReviewDecision.APPROVE: "Approved",
    ReviewDecision.QUERY: "Query",
    ReviewDecision.SUGGEST: "Suggested wording",
}
STATUS_WORDS = {
    ResponseStatus.PENDING: "Waiting for you",
    ResponseStatus.ACCEPTED: "Accepted",
    ResponseStatus.REJECTED: "Rejected",
}
ID_ROLE = Qt.ItemDataRole.UserRole


def ask_reason(parent: QWidget) -> str | None:
    """The clerk's reason for rejecting a suggestion (None when cancelled)."""
    text, ok = QInputDialog.getMultiLineText(
        parent,
        "Reject the suggestion",
        "Why is the suggested wording not used? (kept with the response and in the audit trail)",
    )
    return text if ok else None


def current_wording(meeting: Meeting, response: ReviewResponse) -> str:
    """The minutes' wording that a response is about, as it stands now."""
    if response.target_kind is TargetKind.MOTION:
        found = meeting.find_block(response.target_id)
        if found is None or not isinstance(found[1], Motion):
            return "(This resolution is no longer in the minutes.)"
        motion = found[1]
        lines = [motion.preamble] if motion.preamble else []
        return "\n".join(lines + [f"{i}. {c}" for i, c in enumerate(motion.clauses, 1)])
    item = meeting.item(response.target_id)
    if item is None:
        return "(This item is no longer in the minutes.)"
    blocks = item.blocks
    if response.block_id is not None:
        blocks = [b for b in blocks if b.id == response.block_id]
    return "\n\n".join(t for t in (describe_block(b) for b in blocks) if t) or "(No wording.)"


class ResponsesDialog(QDialog):
    def __init__(self, services: Services, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.meeting = services, meeting
        self.responses: list[ReviewResponse] = []
        held = format_date(meeting.date, weekday=False)
        self.setWindowTitle(f"Review responses – minutes of {held}")
        self.setAccessibleName("Review responses")

        self.list = QTreeWidget()
        self.list.setColumnCount(len(COLUMNS))
        self.list.setHeaderLabels(list(COLUMNS))
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName("Responses")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        list_label = QLabel("&Responses from the chair and other reviewers:")
        list_label.setBuddy(self.list)

        self.current = QPlainTextEdit()
        self.current.setReadOnly(True)
        self.current.setAccessibleName("Current wording")
        self.suggested = QPlainTextEdit()
        self.suggested.setReadOnly(True)
        self.suggested.setAccessibleName("Suggested wording")
        current_label = QLabel("C&urrent wording:")
        current_label.setBuddy(self.current)
        suggested_label = QLabel("&Suggested wording:")
        suggested_label.setBuddy(self.suggested)
        self.comment = QLabel()
        self.comment.setWordWrap(True)
        self.comment.setAccessibleName("Comment")
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = FieldMessage(self, "Result")

        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(current_label, 0, 0)
        grid.addWidget(suggested_label, 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.suggested, 1, 1)
        grid.addWidget(self.comment, 2, 0, 1, 2)
        grid.addWidget(self.message, 3, 0, 1, 2)

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(list_label)
        top_layout.addWidget(self.list)
        splitter.addWidget(top)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox()
        self.accept_button = QPushButton("&Accept suggestion")
        self.accept_button.setAccessibleName("Accept suggestion")
        self.accept_button.setToolTip("Use the suggested wording in the minutes (Ctrl+Return)")
        self.reject_button = QPushButton("Re&ject suggestion…")
        self.reject_button.setAccessibleName("Reject suggestion")
        self.reject_button.setToolTip("Keep the current wording, giving a reason (Ctrl+Delete)")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(lambda: self.reject_current())
        for keys, slot in (("Ctrl+Return", self.accept_current), ("Ctrl+Del", self.reject_current)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.resize(980, 620)
        self.refresh()
        self.list.setFocus()

    # ------------------------------------------------------------------ data
    def refresh(self, keep: str | None = None) -> None:
        keep = keep or self.current_id()
        self.responses = self.services.responses(self.meeting.id)
        self.list.clear()
        select: QTreeWidgetItem | None = None
        for r in self.responses:
            target = find_target(self.meeting, r.target_id)
            label = target.label if target else "(no longer in the minutes)"
            if r.block_id and target is not None and target.kind is TargetKind.ITEM:
                label += " – one paragraph"
            via = " (Word)" if r.source is ResponseSource.WORD else ""
            status = STATUS_WORDS[r.status] if r.is_suggestion else ""
            comment = " ".join(r.comment.split())
            row = QTreeWidgetItem(
                [label, (r.reviewer or "Unnamed") + via, ANSWER_WORDS[r.decision], status, comment]
            )
            row.setData(0, ID_ROLE, r.id)
            row.setToolTip(4, r.comment)
            self.list.addTopLevelItem(row)
            if r.id == keep:
                select = row
        for col in range(len(COLUMNS) - 1):
            self.list.resizeColumnToContents(col)
        if select is None and self.list.topLevelItemCount():
            select = self.list.topLevelItem(0)
        if select is not None:
            self.list.setCurrentItem(select)
        self._show_current()

    def current_id(self) -> str | None:
        row = self.list.currentItem() if hasattr(self, "list") else None
        return row.data(0, ID_ROLE) if row is not None else None

    def current_response(self) -> ReviewResponse | None:
        rid = self.current_id()
        return next((r for r in self.responses if r.id == rid), None)

    def select(self, response_id: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(i)
            if row is not None and row.data(0, ID_ROLE) == response_id:
                self.list.setCurrentItem(row)
                return

    def _show_current(self) -> None:
        r = self.current_response()
        pending = r is not None and r.is_suggestion and r.status is ResponseStatus.PENDING
        self.accept_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        if r is None:
            self.current.setPlainText("")
            self.suggested.setPlainText("")
            self.comment.setText("No responses have been imported for this meeting yet.")
            return
        self.current.setPlainText(current_wording(self.meeting, r))
        self.suggested.setPlainText(
            suggested_wording(r) if r.is_suggestion else "(No wording suggested.)"
        )
        parts = []
        if r.comment:
            parts.append(f"<b>Comment:</b> {_esc(r.comment)}")
        if r.status is ResponseStatus.REJECTED and r.reason:
            parts.append(f"<b>Rejected because:</b> {_esc(r.reason)}")
        if r.status is ResponseStatus.ACCEPTED:
            parts.append("<b>Accepted:</b> the minutes now use this wording.")
        self.comment.setText("<br>".join(parts))

    # ------------------------------------------------------------------ decisions
    def accept_current(self) -> bool:
        r = self.current_response()
        if r is None or not r.is_suggestion or r.status is not ResponseStatus.PENDING:
            return False
        try:
            self.services.accept_suggestion(r.id, meeting=self.meeting)
        except (ServiceError, OSError) as exc:
            show_error(self, exc)
            return False
        self.refresh(keep=r.id)
        self.message.show_text("Suggestion accepted: the minutes now use this wording.")
        return True

    def reject_current(self, reason: str | None = None) -> bool:
        r = self.current_response()
        if r is None or not r.is_suggestion or r.status is not ResponseStatus.PENDING:
            return False
        if reason is None:
            reason = ask_reason(self)
            if reason is None:
                return False
        try:
            self.services.reject_suggestion(r.id, reason)
        except ServiceError as exc:
            if getattr(exc, "field", "") == "reason":
                self.message.show_problem(str(getattr(exc, "message", exc)))
            else:
                show_error(self, exc)
            return False
        self.refresh(keep=r.id)
        self.message.show_text("Suggestion rejected; the current wording stays.")
        return True


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
