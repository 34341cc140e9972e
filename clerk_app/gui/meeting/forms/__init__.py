"""One form per kind of minute block, looked up by the block's KIND."""

from __future__ import annotations

from collections.abc import Callable

from clerk_app.domain.model import (
    Block,
    Heading,
    PlanningApplication,
    PublicParticipation,
    Speaker,
)
from clerk_app.gui.meeting.forms.base import BlockForm
from clerk_app.gui.meeting.forms.headings import HeadingForm
from clerk_app.gui.meeting.forms.later_vote import LaterVoteForm
from clerk_app.gui.meeting.forms.motion import MotionForm
from clerk_app.gui.meeting.forms.planning import PlanningForm
from clerk_app.gui.meeting.forms.points import PointsForm
from clerk_app.gui.meeting.forms.simple import (
    ActionForm,
    AttendanceChangeForm,
    DeclarationForm,
    NoteForm,
    ParagraphForm,
)
from clerk_app.gui.meeting.forms.speakers import PublicParticipationForm
from clerk_app.gui.meeting.forms.table import TableForm, new_table
from clerk_app.gui.meeting.session import MeetingSession

FORMS: dict[str, type[BlockForm]] = {
    "paragraph": ParagraphForm,
    "points": PointsForm,
    "attendance_change": AttendanceChangeForm,
    "declaration": DeclarationForm,
    "motion": MotionForm,
    "action": ActionForm,
    "note": NoteForm,
    "heading": HeadingForm,
    "table": TableForm,
    "public_participation": PublicParticipationForm,
    "planning_application": PlanningForm,
    "vote": LaterVoteForm,
}

# what the Insert menu's newer entries add (the screen makes the older kinds itself)
NEW_BLOCKS: dict[str, Callable[[], Block]] = {
    "heading": lambda: Heading(numbered=True),
    "table": new_table,
    "public_participation": lambda: PublicParticipation(speakers=[Speaker()]),
    "planning": PlanningApplication,
}


def form_for(session: MeetingSession, item_id: str, block: Block) -> BlockForm:
    form = FORMS[block.KIND](session, item_id, block)
    if isinstance(form, MotionForm):  # the body's own word: "That the Council:"
        from clerk_app.domain.presets import body_word

        form.preamble.setPlaceholderText(f"That the {body_word(session.body.kind)}:")
    if session.second_language:
        form.add_translations(session.second_language)
        if form.translations is not None:
            form.translations.set_shown(session.translations_shown)
    return form


__all__ = [
    "FORMS",
    "NEW_BLOCKS",
    "ActionForm",
    "AttendanceChangeForm",
    "BlockForm",
    "DeclarationForm",
    "HeadingForm",
    "LaterVoteForm",
    "MotionForm",
    "NoteForm",
    "ParagraphForm",
    "PlanningForm",
    "PointsForm",
    "PublicParticipationForm",
    "TableForm",
    "form_for",
]
