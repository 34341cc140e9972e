"""One form per kind of minute block, looked up by the block's KIND.

The forms of the commonest blocks are loaded with the package; those of motions (with
their vote editor, the largest of the forms) and of the rarer blocks (headings, tables,
public speakers, planning applications, votes taken later) when a block of that kind is
first shown or its name is first asked for.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from clerk_app.domain.model import (
    Block,
    Heading,
    PlanningApplication,
    PublicParticipation,
    Speaker,
)
from clerk_app.gui.meeting.forms.base import BlockForm
from clerk_app.gui.meeting.forms.points import PointsForm
from clerk_app.gui.meeting.forms.simple import (
    ActionForm,
    AttendanceChangeForm,
    DeclarationForm,
    NoteForm,
    ParagraphForm,
)
from clerk_app.gui.meeting.session import MeetingSession

if TYPE_CHECKING:
    from clerk_app.gui.meeting.forms.headings import HeadingForm
    from clerk_app.gui.meeting.forms.later_vote import LaterVoteForm
    from clerk_app.gui.meeting.forms.motion import MotionForm
    from clerk_app.gui.meeting.forms.planning import PlanningForm
    from clerk_app.gui.meeting.forms.speakers import PublicParticipationForm
    from clerk_app.gui.meeting.forms.table import TableForm

# the forms loaded when first wanted: their class name, the module that holds it and
# the kind of block
LATER: dict[str, tuple[str, str]] = {
    "MotionForm": ("motion", "motion"),
    "HeadingForm": ("headings", "heading"),
    "TableForm": ("table", "table"),
    "PublicParticipationForm": ("speakers", "public_participation"),
    "PlanningForm": ("planning", "planning_application"),
    "LaterVoteForm": ("later_vote", "vote"),
}

FORMS: dict[str, type[BlockForm] | str] = {
    "paragraph": ParagraphForm,
    "points": PointsForm,
    "attendance_change": AttendanceChangeForm,
    "declaration": DeclarationForm,
    "action": ActionForm,
    "note": NoteForm,
    **{kind: name for name, (_module, kind) in LATER.items()},
}


def form_class(kind: str) -> type[BlockForm]:
    """The form of blocks of ``kind`` (loading it if it is one of the rarer ones)."""
    found = FORMS[kind]
    if isinstance(found, str):
        found = FORMS[kind] = __getattr__(found)
    return found


def __getattr__(name: str) -> Any:
    if name not in LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{LATER[name][0]}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def _new_table() -> Block:
    from clerk_app.gui.meeting.forms.table import new_table

    return new_table()


# what the Insert menu's newer entries add (the screen makes the older kinds itself)
NEW_BLOCKS: dict[str, Callable[[], Block]] = {
    "heading": lambda: Heading(numbered=True),
    "table": _new_table,
    "public_participation": lambda: PublicParticipation(speakers=[Speaker()]),
    "planning": PlanningApplication,
}


def is_motion_form(form: object) -> bool:
    """Whether ``form`` is a motion's (without loading that form: until it is loaded
    there is none)."""
    module = sys.modules.get(f"{__name__}.motion")
    return module is not None and isinstance(form, module.MotionForm)


def form_for(session: MeetingSession, item_id: str, block: Block) -> BlockForm:
    form = form_class(block.KIND)(session, item_id, block)
    if is_motion_form(form):  # the body's own word: "That the Council:"
        from clerk_app.domain.presets import body_word
        from clerk_app.gui.meeting.forms.motion import MotionForm

        assert isinstance(form, MotionForm)

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
    "is_motion_form",
]
