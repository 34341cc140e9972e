"""The one object the window and the command line hold: ``Services(store)``.

The use-cases a start-up needs (bodies, meetings, blocks, the audited store) are loaded
with it. Those the clerk reaches only through a menu (review files, Word comments,
officers' drafts, approval) are loaded the first time one of their
methods is looked up, so opening a meeting does not pay for importing them.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.domain.model import Meeting
from clerk_app.services.audit import AuditMixin
from clerk_app.services.blocks import BlocksMixin
from clerk_app.services.bodies import BodiesMixin
from clerk_app.services.meetings import MeetingsMixin
from clerk_app.services.output import OutputMixin

if TYPE_CHECKING:
    from clerk_app.services.approval import ApprovalMixin
    from clerk_app.services.officers import OfficersMixin
    from clerk_app.services.review import ReviewMixin
    from clerk_app.services.word_review import WordReviewMixin
    from clerk_app.storage import Store

# (module, class) of each use-case loaded on first use, in the order they are searched
LAZY_MIXINS = (
    ("clerk_app.services.review", "ReviewMixin"),
    ("clerk_app.services.word_review", "WordReviewMixin"),
    ("clerk_app.services.officers", "OfficersMixin"),
    ("clerk_app.services.approval", "ApprovalMixin"),
)


def lazy_mixins() -> list[type]:
    """The classes of ``LAZY_MIXINS``, importing their modules."""
    return [getattr(importlib.import_module(m), c) for m, c in LAZY_MIXINS]


if TYPE_CHECKING:

    class _OnFirstUse(ReviewMixin, WordReviewMixin, OfficersMixin, ApprovalMixin):
        pass

else:

    class _OnFirstUse:
        """Finds a name not defined by the eager use-cases in ``LAZY_MIXINS`` (loading
        them), and keeps it on this class so the next look-up is an ordinary one."""

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__"):
                raise AttributeError(name)
            for module, cls in LAZY_MIXINS:
                mixin = getattr(importlib.import_module(module), cls)
                if name in mixin.__dict__:
                    value = mixin.__dict__[name]
                    setattr(_OnFirstUse, name, value)
                    return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


class Services(BodiesMixin, MeetingsMixin, BlocksMixin, OutputMixin, AuditMixin, _OnFirstUse):
    """Use-cases over one open store. Each mutating call is saved when it returns.

    The store is wrapped by :class:`AuditMixin`: writes to approved minutes are refused
    (except as a recorded correction) and writes to circulated minutes are audited.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def import_json(self, path: str | Path, *, replace: bool = False) -> Meeting:
        """Import a meeting (with its body and people) from the JSON interchange form.

        The body is merged: its settings are taken from the file and people in the file
        are added or updated, never removed. An existing meeting with the same id is only
        replaced when ``replace`` is set, and never when its minutes are approved.
        """
        from clerk_app.services.interchange import import_meeting

        return import_meeting(self, Path(path), replace=replace)
