"""What the two forms that hold a vote share: a motion's own vote, and a vote taken later
on a motion moved earlier. Both build the same :class:`VoteEditor`, offer it the voting
members present at the block, and save a vote chosen but not yet recorded when the clerk
leaves the item or closes Clerk."""

from __future__ import annotations

from collections.abc import Callable

from clerk_app.domain.model import Person, Role
from clerk_app.gui.meeting.forms.base import BlockForm
from clerk_app.gui.meeting.forms.vote import VoteEditor


class VotingForm(BlockForm):
    """A block form with a :class:`VoteEditor` under its own fields."""

    vote_editor: VoteEditor
    _vote_dirty = False

    def add_vote_editor(self, record: Callable[[], None]) -> None:
        """Add the vote editor as the form's last row; ``record`` saves the vote."""
        self._record_vote_now = record
        self.vote_editor = VoteEditor()
        self.vote_editor.setAccessibleName("Vote and outcome")
        self.form.addRow(self.vote_editor)
        self.field_widgets["outcome_detail"] = self.vote_editor.detail
        self.vote_editor.changed.connect(self._vote_changed)
        self.vote_editor.recordRequested.connect(record)
        self.vote_editor.outcomeChosen.connect(record)
        self._vote_dirty = False
        self.set_flusher(self.session_flush)

    def _present_members(self) -> list[tuple[Person, str]]:
        voting = self.session.voting_present(self.item_id, self.block_id)
        people = [p for p in self.session.body.members if p.id in voting]
        return [(p, self.session.display_name(p)) for p in people]

    def _chair_id(self) -> str | None:
        chair = next((p for p in self.session.body.members if p.role is Role.CHAIR), None)
        return chair.id if chair else None

    def _vote_changed(self) -> None:
        if not self.loading:
            self._vote_dirty = True

    def session_flush(self) -> None:
        """Leaving the item or closing: nothing chosen in the vote may be lost."""
        self.flush()
        if self._vote_dirty:
            self._record_vote_now()

    def focus_vote(self) -> None:
        self.vote_editor.kind.setFocus()
