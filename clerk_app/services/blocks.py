"""Minute blocks: the generic edits and the use-cases that save typing."""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager, nullcontext
from datetime import date, time
from typing import TYPE_CHECKING

from clerk_app.domain.later_votes import settled_outcome, vote_taken_for
from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    ChangeKind,
    ClauseStyle,
    Declaration,
    InterestConduct,
    Item,
    LeadIn,
    Meeting,
    Motion,
    MotionKind,
    Note,
    NoteKind,
    Outcome,
    Vote,
    VoteKind,
    VoteTaken,
)
from clerk_app.services.errors import ServiceError
from clerk_app.services.meetings import now_time
from clerk_app.services.rules import block_problems, later_vote_problems, refuse, vote_problems

if TYPE_CHECKING:
    from clerk_app.domain.model import Body
    from clerk_app.storage import Store


def validate_vote(vote: Vote) -> None:
    """Impossible votes are refused (plausibility against attendance is a check, not an error)."""
    refuse(vote_problems(vote))


def _clean_lines(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


class BlocksMixin:
    store: Store

    if TYPE_CHECKING:

        def _guard(self, meeting: Meeting, what: str = ...) -> None: ...
        def _item(self, meeting: Meeting, item_id: str) -> Item: ...
        def _body_of(self, meeting: Meeting) -> Body: ...

    # generic ---------------------------------------------------------------------------

    def _validate_block(self, meeting: Meeting, item: Item, block: Block) -> None:
        refuse(block_problems(block, item, self._body_of(meeting)))

    def add_block(
        self, meeting: Meeting, item_id: str, block: Block, index: int | None = None
    ) -> Block:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        if any(b.id == block.id for b in item.blocks):
            raise ServiceError("That block is already in this item.")
        if isinstance(block, VoteTaken):
            settled_outcome(block)
        self._validate_block(meeting, item, block)
        position = len(item.blocks) if index is None else max(0, min(index, len(item.blocks)))
        after = [*item.blocks[:position], block, *item.blocks[position:]]
        self._check_votes(after, block)
        if isinstance(block, Motion):
            self._number_resolution(meeting, block)
        with self._votes_together(block):
            item.blocks.insert(position, block)
            self.store.save_block(meeting.id, item.id, block, position)
            if isinstance(block, VoteTaken):
                self._decide_voted_motion(meeting, item, block)
        return block

    def _votes_together(self, *blocks: Block) -> AbstractContextManager[object]:
        """One transaction for a vote block and the motion it decides (other blocks are
        saved alone, as before)."""
        if any(isinstance(b, VoteTaken) for b in blocks):
            return self.store.transaction()
        return nullcontext()

    def _check_votes(self, blocks: list[Block], changed: VoteTaken | Block | None = None) -> None:
        """Refuse an item's blocks whose votes taken after debate break the rules; the
        motion a vote block decides is given its outcome here, so that is not refused."""
        mirrored: list[Block] = []
        for b in blocks:
            vote = vote_taken_for(blocks, b.id) if isinstance(b, Motion) else None
            if isinstance(b, Motion) and vote is not None and vote is changed:
                b = dataclasses.replace(b, outcome=vote.outcome, outcome_detail=vote.outcome_detail)
            mirrored.append(b)
        refuse(problem for _index, problem in later_vote_problems(mirrored))

    def _decide_voted_motion(self, meeting: Meeting, item: Item, vote: VoteTaken) -> list[Block]:
        """The motion a vote block decides takes its outcome (and resolution number); a
        carried amendment becomes the substantive motion, straight after the vote."""
        motion = next((b for b in item.blocks if b.id == vote.motion_id), None)
        if not isinstance(motion, Motion):
            return []
        motion.outcome, motion.outcome_by_hand = vote.outcome, vote.outcome_by_hand
        motion.outcome_detail = vote.outcome_detail
        self._number_resolution(meeting, motion)
        self.store.save_block(meeting.id, item.id, motion)
        changed: list[Block] = [motion]
        if motion.motion_kind is MotionKind.AMENDMENT and vote.outcome is Outcome.CARRIED:
            made = self._substantive_from(meeting, item, motion, item.blocks.index(vote) + 1)
            changed.extend([made] if made else [])
        return changed

    def _undecide(self, meeting: Meeting, item: Item, motion_id: str) -> None:
        """The vote on a motion was taken away: the motion is undecided again."""
        motion = next((b for b in item.blocks if b.id == motion_id), None)
        if isinstance(motion, Motion) and motion.vote.kind is VoteKind.NONE:
            motion.outcome, motion.outcome_by_hand, motion.outcome_detail = (
                Outcome.PENDING,
                False,
                "",
            )
            self._number_resolution(meeting, motion)
            self.store.save_block(meeting.id, item.id, motion)

    def _substantive_from(
        self, meeting: Meeting, item: Item, motion: Motion, position: int
    ) -> Motion | None:
        """The substantive motion a carried amendment becomes, made once at ``position``
        (None when it exists already)."""
        if any(isinstance(b, Motion) and b.derived_from_id == motion.id for b in item.blocks):
            return None
        original = next((b for b in item.blocks if b.id == motion.amends_id), None)
        was = original if isinstance(original, Motion) else None
        substantive = Motion(
            motion_kind=MotionKind.SUBSTANTIVE,
            derived_from_id=motion.id,
            mover_id=motion.mover_id,
            seconder_id=motion.seconder_id,
            preamble=motion.preamble or (was.preamble if was else ""),
            clauses=list(motion.clauses),
            clause_style=motion.clause_style,
            lead_in=was.lead_in if was else LeadIn.RESOLVED,
            recommend_to=was.recommend_to if was else "",
        )
        item.blocks.insert(position, substantive)
        self.store.save_block(meeting.id, item.id, substantive, position)
        return substantive

    def _given_resolution_numbers(self, meeting: Meeting, pattern: str) -> list[str]:
        """Every resolution number the body has given that could bear on the next one:
        this meeting's, and its other meetings' (those of the same year when the
        pattern restarts each year)."""
        from clerk_app.domain.resolutions import year_bound

        def numbers(m: Meeting) -> list[str]:
            return [
                b.resolution_number
                for it in m.items
                for b in it.blocks
                if isinstance(b, Motion) and b.resolution_number
            ]

        found = numbers(meeting)
        yearly = year_bound(pattern)
        for summary in self.store.list_meetings(meeting.body_id):
            if summary.id == meeting.id or (yearly and summary.date.year != meeting.date.year):
                continue
            found.extend(numbers(self.store.get_meeting(summary.id)))
        return found

    def _number_resolution(self, meeting: Meeting, motion: Motion) -> None:
        """Give ``motion`` the body's next resolution number when it takes one and has
        none; take it back while the minutes are a draft if the motion no longer takes
        one (lost after all). A number once given is otherwise never changed."""
        from clerk_app.domain.resolutions import next_resolution, takes_resolution_number

        settings = self._body_of(meeting).settings
        pattern = settings.resolution_pattern
        if not takes_resolution_number(motion, settings.style.resolution_scope):
            motion.resolution_number = ""
        elif pattern.strip() and not motion.resolution_number:
            given = self._given_resolution_numbers(meeting, pattern)
            motion.resolution_number = next_resolution(
                pattern, settings.resolution_first, meeting.date, given
            )

    def update_block(self, meeting: Meeting, item_id: str, block: Block) -> Block:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        for i, existing in enumerate(item.blocks):
            if existing.id == block.id:
                if isinstance(block, VoteTaken):
                    settled_outcome(block)
                self._validate_block(meeting, item, block)
                self._check_votes([*item.blocks[:i], block, *item.blocks[i + 1 :]], block)
                if isinstance(block, Motion) and isinstance(existing, Motion):
                    # a form holding the motion from before its number was given keeps it
                    block.resolution_number = block.resolution_number or existing.resolution_number
                    self._number_resolution(meeting, block)
                with self._votes_together(block, existing):
                    item.blocks[i] = block
                    self.store.save_block(meeting.id, item.id, block)
                    if isinstance(block, VoteTaken):
                        if (
                            isinstance(existing, VoteTaken)
                            and existing.motion_id != block.motion_id
                        ):
                            self._undecide(meeting, item, existing.motion_id)
                        self._decide_voted_motion(meeting, item, block)
                return block
        raise ServiceError("That part of the minutes no longer exists.")

    def delete_block(self, meeting: Meeting, item_id: str, block_id: str) -> tuple[Block, int]:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        for i, existing in enumerate(item.blocks):
            if existing.id == block_id:
                if isinstance(existing, Motion) and vote_taken_for(item.blocks, existing.id):
                    raise ServiceError(
                        "This motion's vote is recorded further down the item: delete that "
                        "vote first, then the motion."
                    )
                with self._votes_together(existing):
                    del item.blocks[i]
                    self.store.delete_block(meeting.id, block_id)
                    if isinstance(existing, VoteTaken):
                        self._undecide(meeting, item, existing.motion_id)
                return existing, i
        raise ServiceError("That part of the minutes no longer exists.")

    def move_block(self, meeting: Meeting, item_id: str, block_id: str, index: int) -> None:
        self._guard(meeting)
        item = self._item(meeting, item_id)
        block = next((b for b in item.blocks if b.id == block_id), None)
        if block is None:
            raise ServiceError("That part of the minutes no longer exists.")
        order = [b for b in item.blocks if b is not block]
        order.insert(max(0, min(index, len(order))), block)
        self._check_votes(order)
        item.blocks[:] = order
        self.store.set_block_order(meeting.id, item.id, [b.id for b in item.blocks])

    # use-cases -------------------------------------------------------------------------

    def record_attendance_change(
        self,
        meeting: Meeting,
        item_id: str,
        person_id: str,
        change: ChangeKind,
        at: time | None = None,
        index: int | None = None,
    ) -> AttendanceChange:
        block = AttendanceChange(person_id=person_id, change=change, at=at or now_time())
        self.add_block(meeting, item_id, block, index)
        return block

    def record_declaration(
        self,
        meeting: Meeting,
        item_id: str,
        person_id: str,
        interest_type: str,
        reason: str = "",
        conduct: InterestConduct = InterestConduct.NOT_STATED,
        scope: str = "",
        at: time | None = None,
        index: int | None = None,
    ) -> Declaration:
        block = Declaration(
            person_id=person_id,
            interest_type=interest_type.strip(),
            reason=reason.strip(),
            conduct=conduct,
            scope=scope.strip(),
            at=at or now_time(),
        )
        self.add_block(meeting, item_id, block, index)
        return block

    def record_nil_declarations(
        self, meeting: Meeting, item_id: str, index: int | None = None
    ) -> Declaration:
        """The clerk's own nil return: "No declarations of interest were made."."""
        block = Declaration(nil=True, at=now_time())
        self.add_block(meeting, item_id, block, index)
        return block

    def move_motion(
        self,
        meeting: Meeting,
        item_id: str,
        *,
        mover_id: str | None,
        seconder_id: str | None,
        clauses: list[str],
        preamble: str = "",
        kind: MotionKind = MotionKind.SUBSTANTIVE,
        amends_id: str | None = None,
        lead_in: LeadIn = LeadIn.RESOLVED,
        clause_style: ClauseStyle = ClauseStyle.NUMBERS,
        index: int | None = None,
    ) -> Motion:
        if kind is MotionKind.AMENDMENT and not amends_id:
            raise ServiceError("Choose the motion this amendment amends.", field="amends_id")
        if mover_id and mover_id == seconder_id:
            raise ServiceError("The mover cannot also second the motion.", field="seconder")
        motion = Motion(
            motion_kind=kind,
            amends_id=amends_id,
            mover_id=mover_id,
            seconder_id=seconder_id,
            preamble=preamble.strip(),
            clauses=_clean_lines(clauses),
            clause_style=clause_style,
            lead_in=lead_in,
        )
        if index is None and kind is MotionKind.AMENDMENT:
            item = self._item(meeting, item_id)
            index = len(item.blocks)
        self.add_block(meeting, item_id, motion, index)
        return motion

    def record_vote(
        self,
        meeting: Meeting,
        item_id: str,
        motion_id: str,
        vote: Vote,
        outcome: Outcome | None = None,
        *,
        by_hand: bool | None = None,
        detail: str | None = None,
    ) -> list[Block]:
        """Record the vote and outcome; a carried amendment becomes the substantive motion,
        which appears as a new motion straight after the amendment.

        The outcome follows the vote (``outcome`` None, or ``by_hand`` False) until the
        clerk sets it by hand; ``by_hand`` None takes an outcome the vote does not give as
        the clerk's choice. ``detail`` says to whom a motion was referred or to when it
        was deferred (None keeps what the motion has)."""
        self._guard(meeting)
        validate_vote(vote)
        item = self._item(meeting, item_id)
        motion = next((b for b in item.blocks if b.id == motion_id), None)
        if not isinstance(motion, Motion):
            raise ServiceError("That motion is no longer in this item.")
        follows = vote.result()
        if by_hand is None:
            by_hand = outcome is not None and outcome not in (Outcome.PENDING, follows)
        if not by_hand or outcome is None:
            outcome, by_hand = follows, False
        detail = motion.outcome_detail if detail is None else detail.strip()
        changed_motion = dataclasses.replace(
            motion, vote=vote, outcome=outcome, outcome_by_hand=by_hand, outcome_detail=detail
        )
        self._validate_block(meeting, item, changed_motion)
        if vote_taken_for(item.blocks, motion.id) is not None:
            if vote.kind is VoteKind.NONE and outcome is Outcome.PENDING and not detail:
                return []  # nothing to record: the vote is the separate block's
            raise ServiceError(
                "This motion's vote is recorded in a separate vote further down the item: "
                "change it there.",
                field="vote",
            )
        motion.vote, motion.outcome = vote, outcome
        motion.outcome_by_hand, motion.outcome_detail = by_hand, detail
        changed: list[Block] = [motion]
        with self.store.transaction():
            self._number_resolution(meeting, motion)
            self.store.save_block(meeting.id, item.id, motion)
            if motion.motion_kind is MotionKind.AMENDMENT and outcome is Outcome.CARRIED:
                made = self._substantive_from(meeting, item, motion, item.blocks.index(motion) + 1)
                changed.extend([made] if made else [])
        return changed

    def record_vote_later(
        self,
        meeting: Meeting,
        item_id: str,
        motion_id: str,
        vote: Vote,
        outcome: Outcome | None = None,
        *,
        detail: str = "",
        index: int | None = None,
    ) -> VoteTaken:
        """The vote on a motion or amendment moved earlier in the item, taken now (after
        debate), as its own block; the outcome follows the vote unless ``outcome`` says
        otherwise."""
        by_hand = outcome is not None and outcome not in (Outcome.PENDING, vote.result())
        block = VoteTaken(
            motion_id=motion_id,
            vote=vote,
            outcome=outcome if by_hand and outcome is not None else Outcome.PENDING,
            outcome_by_hand=by_hand,
            outcome_detail=detail.strip(),
        )
        self.add_block(meeting, item_id, block, index)
        return block

    def add_action(
        self,
        meeting: Meeting,
        item_id: str,
        text: str,
        owner: str = "",
        owner_id: str | None = None,
        due: date | None = None,
        index: int | None = None,
    ) -> Action:
        if not text.strip():
            raise ServiceError("Say what the action is.", field="text")
        block = Action(text=text.strip(), owner=owner.strip(), owner_id=owner_id, due=due)
        self.add_block(meeting, item_id, block, index)
        return block

    def adjourn(
        self, meeting: Meeting, item_id: str, at: time | None = None, reason: str = ""
    ) -> Note:
        block = Note(note_kind=NoteKind.ADJOURNED, at=at or now_time(), text=reason.strip())
        self.add_block(meeting, item_id, block)
        return block

    def resume(self, meeting: Meeting, item_id: str, at: time | None = None) -> Note:
        block = Note(note_kind=NoteKind.RESUMED, at=at or now_time())
        self.add_block(meeting, item_id, block)
        return block
