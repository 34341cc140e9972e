"""The vote on a motion or amendment moved earlier in the item, taken after debate: which
motion (by mover and first words), then the vote and outcome as a motion's own vote has
them; Ctrl+Enter records it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from clerk_app.domain.later_votes import vote_taken_for
from clerk_app.domain.model import Block, Item, Motion, MotionKind, Outcome, VoteKind
from clerk_app.domain.model import VoteTaken as VoteTakenBlock
from clerk_app.gui.meeting.forms.base import choice_box
from clerk_app.gui.meeting.forms.voting import VotingForm
from clerk_app.gui.meeting.session import MeetingSession


def new_vote_taken(item: Item | None) -> VoteTakenBlock:
    """A vote on the latest motion or amendment of the item still waiting for its vote
    (none chosen when every motion has one)."""
    blocks = item.blocks if item is not None else []
    waiting = [
        b
        for b in blocks
        if isinstance(b, Motion)
        and b.vote.kind is VoteKind.NONE
        and b.outcome is Outcome.PENDING
        and vote_taken_for(blocks, b.id) is None
    ]
    return VoteTakenBlock(motion_id=waiting[-1].id if waiting else "")


class LaterVoteForm(VotingForm):
    TITLE = "Vote on a motion moved earlier"

    def __init__(self, session: MeetingSession, item_id: str, block: Block) -> None:
        super().__init__(session, item_id, block)
        self.motion = choice_box()
        self.motion.currentIndexChanged.connect(self.chosen)
        self.add_row("Vote on the &motion:", self.motion, "Motion or amendment voted on")
        self.motion.setAccessibleDescription(
            "The motions and amendments moved earlier in this item, by mover and first words"
        )
        self.add_vote_editor(self.record)
        self.reload()

    # ------------------------------------------------------------------ vote
    def record(self) -> None:
        """Save the vote and outcome now (Ctrl+Enter, or the outcome chosen)."""
        self._vote_dirty = False
        self.chosen()

    def commit(self, merge_field: str) -> None:
        """Save, then show what the vote changed elsewhere in the item: the motion it
        decides (its wording and outcome), and the substantive motion a carried
        amendment became."""
        item = self.session.item(self.item_id)
        before = {b.id for b in item.blocks}
        was = getattr(self.block, "motion_id", "")
        super().commit(merge_field)
        now = getattr(self.block, "motion_id", "")
        for b in list(item.blocks):
            if b.id not in before:
                self.session.blockAdded.emit(self.item_id, b.id)
        for motion_id in {was, now} - {""}:
            if any(b.id == motion_id for b in item.blocks):
                self.session.blockChanged.emit(self.item_id, motion_id, self)

    # ------------------------------------------------------------------ load / apply
    def _label(self, motion: Motion, number: int) -> str:
        what = "Amendment" if motion.motion_kind is MotionKind.AMENDMENT else "Motion"
        person = self.session.body.person(motion.mover_id)
        mover = self.session.display_name(person) if person else motion.mover_text.strip()
        words = (motion.clauses[0] if motion.clauses else motion.preamble).split()
        first = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        who = f" ({mover})" if mover else ""
        return f"{what} {number}{who}: {first}".rstrip(": ")

    def _fill_motions(self, block: VoteTakenBlock) -> None:
        self.motion.blockSignals(True)
        self.motion.clear()
        if not block.motion_id:
            self.motion.addItem("(choose the motion voted on)", "")
        n = 0
        for b in self.session.item(self.item_id).blocks:
            if b.id == block.id:
                break
            if isinstance(b, Motion):
                n += 1
                self.motion.addItem(self._label(b, n), b.id)
        self.motion.setCurrentIndex(max(self.motion.findData(block.motion_id), 0))
        self.motion.blockSignals(False)

    def load(self, block: Block) -> None:
        assert isinstance(block, VoteTakenBlock)
        self._fill_motions(block)
        self.vote_editor.set_people(self._present_members(), self._chair_id())
        self.vote_editor.set_vote(
            block.vote, block.outcome, block.outcome_by_hand, block.outcome_detail
        )
        self._vote_dirty = False

    def apply_to(self, block: Block) -> None:
        assert isinstance(block, VoteTakenBlock)
        block.motion_id = self.motion.currentData() or ""
        editor = self.vote_editor
        block.vote = editor.vote()
        block.outcome_by_hand = editor.outcome_by_hand
        block.outcome = editor.outcome_value()
        block.outcome_detail = editor.detail_value()

    def first_field(self) -> QWidget:
        return self.motion if not self.motion.currentData() else self.vote_editor.kind
