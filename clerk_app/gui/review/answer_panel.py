"""The chair's answer on one resolution or item: approve, query, or suggest wording.

Nothing here is modal: choosing Query or Suggest opens an editor in the panel itself,
with the current wording already in it for a suggestion; Record (Ctrl+Return) gives the
answer to the review session and Cancel (Escape) closes the editor. A half-written answer
is kept for its target when the chair moves to another one, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Motion, Note, Paragraph, Points
from clerk_app.domain.review import ReviewDecision, ReviewTarget, TargetKind
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.gui.meeting.preview import to_plain
from clerk_app.gui.review.minutes_html import DECISION_WORDS, suggested_wording
from clerk_app.services.errors import ServiceError
from clerk_app.services.review import ReviewSession

WORDING_KINDS = (Paragraph, Points, Note)


@dataclass
class Draft:
    """An answer being written: kept per target until recorded or cancelled."""

    mode: ReviewDecision
    text: str
    comment: str
    block_id: str | None


def block_wording(block: object) -> str:
    """A block's wording as the chair edits it (points and clauses one per line)."""
    if isinstance(block, Motion):
        return "\n".join(block.clauses)
    if isinstance(block, Points):
        return "\n".join(block.points)
    if isinstance(block, Paragraph | Note):
        return block.text
    return ""


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class AnswerPanel(QWidget):
    """Shows the target's wording and the chair's answer; writes answers to the session."""

    answered = Signal(str)  # target id
    composingChanged = Signal(bool)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target: ReviewTarget | None = None
        self.drafts: dict[str, Draft] = {}
        self.mode: ReviewDecision | None = None
        self.setAccessibleName("Your answer")

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Resolution or item")
        self.wording_label = QLabel("Current wording:")
        self.wording = QPlainTextEdit()
        self.wording.setReadOnly(True)
        self.wording.setAccessibleName("Current wording")
        self.wording.setMaximumHeight(120)
        self.wording_label.setBuddy(self.wording)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setAccessibleName("Your answer so far")
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editor = QWidget()
        ed = QVBoxLayout(self.editor)
        ed.setContentsMargins(0, 0, 0, 0)
        self.block_label = QLabel("&Paragraph:")
        self.block_choice = QComboBox()
        self.block_choice.setAccessibleName("Paragraph the suggestion replaces")
        self.block_label.setBuddy(self.block_choice)
        self.block_choice.currentIndexChanged.connect(self._block_chosen)
        self.text_label = QLabel("Suggested &wording (one clause per line):")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Suggested wording")
        self.text.setTabChangesFocus(True)
        self.text_label.setBuddy(self.text)
        self.comment_label = QLabel("Co&mment:")
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        self.comment_label.setBuddy(self.comment)
        self.problem = FieldMessage(self, "Problem with your answer")
        buttons = QHBoxLayout()
        self.record_button = QPushButton("&Record answer")
        self.record_button.setAccessibleName("Record answer")
        self.record_button.setToolTip("Record this answer (Ctrl+Return)")
        self.record_button.clicked.connect(self.record)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel this answer")
        self.cancel_button.setToolTip("Close the editor without recording (Escape)")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.cancel_button)
        for w in (self.block_label, self.block_choice, self.text_label, self.text):
            ed.addWidget(w)
        for w in (self.comment_label, self.comment, self.problem):
            ed.addWidget(w)
        ed.addLayout(buttons)
        self.editor.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.wording_label)
        layout.addWidget(self.wording)
        layout.addWidget(self.answer)
        layout.addWidget(self.editor, 1)
        layout.addStretch(0)

    # ------------------------------------------------------------------ showing
    def show_target(self, target: ReviewTarget | None) -> None:
        if self.target is not None and self.mode is not None:
            self.drafts[self.target.id] = self._current_draft()
        self._close_editor()
        self.target = target
        if target is None:
            self.heading.setText("")
            self.wording.setPlainText("")
            self.answer.setText("")
            return
        kind = "Resolution" if target.kind is TargetKind.MOTION else "Item"
        self.heading.setText(f"<b>{kind}: {_esc(target.label)}</b>")
        self.wording.setPlainText(self._target_wording(target))
        self.refresh_answer()
        draft = self.drafts.pop(target.id, None)
        if draft is not None:
            self._open_editor(draft.mode, draft)

    def refresh_answer(self) -> None:
        if self.target is None:
            return
        mine = [r for r in self.session.responses if r.target_id == self.target.id]
        if not mine:
            self.answer.setText("<i>Not yet reviewed.</i> Approve (Ctrl+1), query (Ctrl+2) or "
                                "suggest wording (Ctrl+3).")  # fmt: skip
            self.answer.setAccessibleDescription("Not yet reviewed")
            return
        parts = []
        for r in mine:
            line = f"<b>{DECISION_WORDS[r.decision]}</b>"
            if r.comment:
                line += f": {_esc(r.comment)}"
            if r.decision is ReviewDecision.SUGGEST:
                line += "<br><i>" + _esc(suggested_wording(r)).replace("\n", "<br>") + "</i>"
            parts.append(line)
        self.answer.setText("<br>".join(parts))
        self.answer.setAccessibleDescription(" ".join(DECISION_WORDS[r.decision] for r in mine))

    def _target_wording(self, target: ReviewTarget) -> str:
        if target.kind is TargetKind.MOTION:
            found = self.session.meeting.find_block(target.id)
            if found is not None and isinstance(found[1], Motion):
                motion = found[1]
                lines = [motion.preamble] if motion.preamble else []
                lines += [f"{i}. {c}" for i, c in enumerate(motion.clauses, 1)]
                return "\n".join(lines)
        elements = [
            el
            for el in self.session.document.elements
            if el.item_id == target.id and not self._is_motion(el.block_id)
        ]
        return to_plain(elements)

    def _is_motion(self, block_id: str | None) -> bool:
        return any(t.id == block_id for t in self.session.targets if t.kind is TargetKind.MOTION)

    def _wording_blocks(self) -> list[tuple[str, str]]:
        """(block id, wording) of the item's paragraphs a suggestion can replace."""
        if self.target is None or self.target.kind is TargetKind.MOTION:
            return []
        item = self.session.meeting.item(self.target.id)
        if item is None:
            return []
        return [(b.id, block_wording(b)) for b in item.blocks if isinstance(b, WORDING_KINDS)]

    # ------------------------------------------------------------------ answering
    @property
    def composing(self) -> bool:
        return self.mode is not None

    def approve(self) -> bool:
        if self.target is None:
            return False
        # a comment already typed goes with the approval rather than being thrown away
        comment = self.comment.toPlainText() if self.mode is not None else ""
        self._close_editor()
        return self._respond(ReviewDecision.APPROVE, comment=comment)

    def start_query(self) -> None:
        if self.target is not None:
            self._open_editor(ReviewDecision.QUERY)

    def start_suggestion(self) -> None:
        if self.target is not None:
            self._open_editor(ReviewDecision.SUGGEST)

    def withdraw(self) -> None:
        if self.target is None:
            return
        for r in [r for r in self.session.responses if r.target_id == self.target.id]:
            self.session.withdraw(r.target_id, r.block_id)
        self._close_editor()
        self.refresh_answer()
        self.answered.emit(self.target.id)

    def record(self) -> bool:
        if self.target is None or self.mode is None:
            return False
        block_id = self.block_choice.currentData() if self.block_choice.count() else None
        ok = self._respond(
            self.mode,
            comment=self.comment.toPlainText(),
            text=self.text.toPlainText(),
            block_id=block_id,
        )
        if ok:
            self._close_editor()
        return ok

    def cancel(self) -> None:
        self._close_editor()

    def _respond(
        self,
        decision: ReviewDecision,
        comment: str = "",
        text: str = "",
        block_id: str | None = None,
    ) -> bool:
        assert self.target is not None
        suggestion_kind = self.target.kind is TargetKind.MOTION
        try:
            self.session.respond(
                self.target.id,
                decision,
                comment=comment,
                suggested_text=text,
                suggested_clauses=text.splitlines() if suggestion_kind else None,
                block_id=block_id,
            )
        except ServiceError as exc:
            self.problem.show_problem(exc.message if hasattr(exc, "message") else str(exc))
            (self.comment if getattr(exc, "field", "") == "comment" else self.text).setFocus()
            return False
        # a new answer replaces the others on its target; only suggestions for different
        # paragraphs of one item stand side by side
        paragraph_suggestion = decision is ReviewDecision.SUGGEST and block_id is not None
        for r in [r for r in self.session.responses if r.target_id == self.target.id]:
            if r.block_id == block_id:
                continue
            if paragraph_suggestion and r.is_suggestion and r.block_id is not None:
                continue
            self.session.withdraw(r.target_id, r.block_id)
        self.problem.show_problem(None)
        self.refresh_answer()
        self.answered.emit(self.target.id)
        return True

    # ------------------------------------------------------------------ the editor
    def _open_editor(self, mode: ReviewDecision, draft: Draft | None = None) -> None:
        self.mode = mode
        suggest = mode is ReviewDecision.SUGGEST
        blocks = self._wording_blocks() if suggest else []
        self.block_choice.blockSignals(True)
        self.block_choice.clear()
        for n, (block_id, wording) in enumerate(blocks, 1):
            self.block_choice.addItem(f"{n}: {_short(wording)}", block_id)
        self.block_choice.blockSignals(False)
        for w in (self.block_label, self.block_choice):
            w.setVisible(len(blocks) > 1)
        self.text_label.setVisible(suggest)
        self.text.setVisible(suggest)
        motion = self.target is not None and self.target.kind is TargetKind.MOTION
        self.text_label.setText(
            "Suggested &wording (one clause per line):" if motion else "Suggested &wording:"
        )
        self.comment_label.setText("Your &query:" if mode is ReviewDecision.QUERY else "Co&mment:")
        self.comment.setAccessibleName(
            "Your query" if mode is ReviewDecision.QUERY else "Comment on your suggestion"
        )
        self.comment.setMaximumHeight(90 if suggest else 16777215)
        self.problem.show_problem(None)
        if draft is not None:
            if draft.block_id is not None:
                index = self.block_choice.findData(draft.block_id)
                if index >= 0:
                    self.block_choice.setCurrentIndex(index)
            self.text.setPlainText(draft.text)
            self.comment.setPlainText(draft.comment)
        else:
            self.comment.setPlainText("")
            self.text.setPlainText(self._prefill(blocks))
        self.editor.setVisible(True)
        (self.text if suggest else self.comment).setFocus()
        if suggest:
            self.text.moveCursor(self.text.textCursor().MoveOperation.End)
        self.composingChanged.emit(True)

    def _prefill(self, blocks: list[tuple[str, str]]) -> str:
        if self.target is None:
            return ""
        if self.target.kind is TargetKind.MOTION:
            found = self.session.meeting.find_block(self.target.id)
            return block_wording(found[1]) if found else ""
        return blocks[0][1] if blocks else ""

    def _block_chosen(self, index: int) -> None:
        blocks = self._wording_blocks()
        if 0 <= index < len(blocks):
            self.text.setPlainText(blocks[index][1])

    def _current_draft(self) -> Draft:
        assert self.mode is not None
        block_id = self.block_choice.currentData() if self.block_choice.count() else None
        return Draft(self.mode, self.text.toPlainText(), self.comment.toPlainText(), block_id)

    def _close_editor(self) -> None:
        was = self.mode is not None
        self.mode = None
        self.editor.setVisible(False)
        self.problem.show_problem(None)
        if was:
            self.composingChanged.emit(False)

    def unrecorded(self) -> int:
        """Answers begun but not recorded (this target's and others kept as drafts)."""
        return len(self.drafts) + (1 if self.mode is not None else 0)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
