"""A motion or amendment: mover, seconder, clauses one per line, and its vote."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from clerk_app.domain.later_votes import vote_taken_for
from clerk_app.domain.model import (
    Block,
    ClauseStyle,
    LeadIn,
    Motion,
    MotionKind,
    Moving,
    Outcome,
)
from clerk_app.gui.meeting.forms.base import choice_box, set_combo, set_text
from clerk_app.gui.meeting.forms.voting import VotingForm
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import RecordVoteCommand

KIND_CHOICES = [
    ("Substantive motion", MotionKind.SUBSTANTIVE),
    ("Amendment", MotionKind.AMENDMENT),
    ("Procedural motion", MotionKind.PROCEDURAL),
]
LEAD_CHOICES = [
    ("RESOLVED", LeadIn.RESOLVED),
    ("RECOMMENDED to …", LeadIn.RECOMMENDED),
    ("AGREED", LeadIn.AGREED),
    ("DECISION", LeadIn.DECISION),
    ("Noted", LeadIn.NOTED),
    ("Received", LeadIn.RECEIVED),
]
MOVING_CHOICES = [
    ("By the mover and seconder named", Moving.NAMED),
    ("Moved and seconded (no names)", Moving.UNNAMED),
    ("Moved by the Chair", Moving.CHAIR),
    ("Formally moved", Moving.FORMAL),
]
STYLE_CHOICES = [
    ("1. 2. 3.", ClauseStyle.NUMBERS),
    ("(a) (b) (c)", ClauseStyle.LETTERS),
    ("(i) (ii) (iii)", ClauseStyle.ROMAN),
    ("No numbers", ClauseStyle.NONE),
]


class MotionForm(VotingForm):
    TITLE = "Motion"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        # in the order a clerk fills them: who, what, then the rarely changed options
        # (a mover or seconder who is not a member is typed: "the Mayor", "our Secretary")
        # the resolution number, given when the motion is carried (read only)
        self.resolution = QLabel()
        self.resolution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_row("Resolution:", self.resolution, "Resolution number")
        self.mover = self.person_field(
            "Moved b&y:", members_only=True, free_text=True, name="mover"
        )
        self.mover.setPlaceholderText("A member, or an office-holder such as “the Mayor”")
        self.seconder = self.person_field(
            "&Seconded by:", members_only=True, free_text=True, name="seconder"
        )
        self.moving = self.combo("Ho&w moved:", MOVING_CHOICES)
        self.amends = choice_box()
        self.amends.currentIndexChanged.connect(self.chosen)
        self.add_row("&Amends:", self.amends, "The motion this amends")
        self.preamble = self.line("O&pening words:", "preamble", "That the Committee:")
        self.clauses = self.text("&Clauses:", "clauses", "One clause per line")
        self.clauses.setAccessibleDescription("Each line becomes one numbered clause")
        self.kind = self.combo("&Kind:", KIND_CHOICES, row=False)
        self.lead_in = self.combo("&Lead-in:", LEAD_CHOICES, row=False)
        self.clause_style = self.combo("Numbers:", STYLE_CHOICES, row=False)
        self.inline_row(
            "&Kind:",
            [
                ("", self.kind, "Kind"),
                ("&Lead-in:", self.lead_in, "Lead-in"),
                ("Numbers:", self.clause_style, "Clause numbers"),
            ],
        )
        self.recommend_to = self.line("Recommended &to:", "recommend_to", "Council")
        self.add_vote_editor(self.record_vote)
        self.reload()

    # ------------------------------------------------------------------ vote
    def record_vote(self) -> None:
        """Save the vote and outcome (a carried amendment makes the substantive motion)."""
        self.flush()
        editor = self.vote_editor
        vote = editor.vote()
        by_hand = editor.outcome_by_hand
        outcome = editor.outcome_value() if by_hand else None
        self._vote_dirty = False
        cmd = RecordVoteCommand(
            self.session,
            self.item_id,
            self.block_id,
            vote,
            outcome,
            by_hand=by_hand,
            detail=editor.detail_value(),
        )
        if not self.session.push(cmd):
            self._vote_dirty = True

    # ------------------------------------------------------------------ load / apply
    def _fill_amends(self, block: Motion) -> None:
        self.amends.blockSignals(True)
        self.amends.clear()
        self.amends.addItem("(none)", None)
        n = 0
        for b in self.session.item(self.item_id).blocks:
            if b.id == block.id:
                break
            if isinstance(b, Motion):
                n += 1
                first = b.clauses[0] if b.clauses else b.preamble
                label = "Amendment" if b.motion_kind is MotionKind.AMENDMENT else "Motion"
                self.amends.addItem(f"{label} {n}: {first[:50]}", b.id)
        idx = self.amends.findData(block.amends_id)
        self.amends.setCurrentIndex(max(idx, 0))
        self.amends.blockSignals(False)

    def load(self, block: Block) -> None:
        assert isinstance(block, Motion)
        set_combo(self.kind, block.motion_kind)
        self.resolution.setText(block.resolution_number)
        self.form.setRowVisible(self.resolution, bool(block.resolution_number))
        self._fill_amends(block)
        is_amendment = block.motion_kind is MotionKind.AMENDMENT
        self.amends.setEnabled(is_amendment)
        self.form.setRowVisible(self.amends, is_amendment)
        for edit, pid, text in (
            (self.mover, block.mover_id, block.mover_text),
            (self.seconder, block.seconder_id, block.seconder_text),
        ):
            if pid and edit.personId() != pid:
                edit.setPersonId(pid)
            elif not pid:
                set_text(edit, text)
        set_combo(self.moving, block.moving)
        self._show_names(block.moving)
        set_combo(self.lead_in, block.lead_in)
        set_text(self.recommend_to, block.recommend_to)
        self.form.setRowVisible(self.recommend_to, block.lead_in is LeadIn.RECOMMENDED)
        set_text(self.preamble, block.preamble)
        set_combo(self.clause_style, block.clause_style)
        shown = [c for c in self.clauses.toPlainText().split("\n") if c.strip()]
        if shown != block.clauses:
            set_text(self.clauses, "\n".join(block.clauses))
        self.vote_editor.set_people(self._present_members(), self._chair_id())
        self.vote_editor.set_vote(
            block.vote, block.outcome, block.outcome_by_hand, block.outcome_detail
        )
        self._vote_dirty = False
        # voted on later, in a vote block of its own: the vote is edited there
        later = vote_taken_for(self.session.item(self.item_id).blocks, block.id) is not None
        self.form.setRowVisible(self.vote_editor, not later)
        self.TITLE = "Amendment" if is_amendment else "Motion"

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, Motion)
        block.motion_kind = MotionKind(self.kind.currentData())
        block.amends_id = (
            self.amends.currentData() if block.motion_kind is MotionKind.AMENDMENT else None
        )
        block.moving = Moving(self.moving.currentData())
        named = block.moving in (Moving.NAMED, Moving.FORMAL)
        block.mover_id = self.mover.personId() if named else None
        block.mover_text = "" if block.mover_id or not named else self.mover.text().strip()
        seconded = block.moving in (Moving.NAMED, Moving.CHAIR, Moving.FORMAL)
        block.seconder_id = self.seconder.personId() if seconded else None
        block.seconder_text = (
            "" if block.seconder_id or not seconded else self.seconder.text().strip()
        )
        self._show_names(block.moving)
        block.lead_in = LeadIn(self.lead_in.currentData())
        block.recommend_to = self.recommend_to.text()
        block.preamble = self.preamble.text()
        block.clause_style = ClauseStyle(self.clause_style.currentData())
        block.clauses = [c.strip() for c in self.clauses.toPlainText().split("\n") if c.strip()]
        self.form.setRowVisible(self.amends, block.motion_kind is MotionKind.AMENDMENT)
        self.amends.setEnabled(block.motion_kind is MotionKind.AMENDMENT)
        self.form.setRowVisible(self.recommend_to, block.lead_in is LeadIn.RECOMMENDED)

    def _show_names(self, moving: Moving) -> None:
        self.form.setRowVisible(self.mover, moving in (Moving.NAMED, Moving.FORMAL))
        self.form.setRowVisible(self.seconder, moving is not Moving.UNNAMED)

    def first_field(self) -> QWidget:
        return self.mover

    @property
    def outcome(self) -> Outcome:
        block = self.block
        assert isinstance(block, Motion)
        return block.outcome
