"""The clerk's side of the chair's review: export the review file or the Word review copy,
import the chair's answers or Word comments, and see plainly what the import did.

Each function takes the window (parent), the services, the meeting and the settings, and
returns what it produced, or None when the clerk cancelled or Clerk refused (after saying
why, in words a clerk understands).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Meeting
from clerk_app.gui.errors import show_error
from clerk_app.gui.files import (
    DOCX_FILTER,
    REVIEW_FILTER,
    ask_open,
    inform,
    meeting_file_name,
    problems,
    save_with_dialog,
)
from clerk_app.gui.markup import escape
from clerk_app.gui.review.window import show_refusal
from clerk_app.services.errors import ServiceError
from clerk_app.services.review import EXTENSION, ImportReport

if TYPE_CHECKING:
    from clerk_app.gui.prefs import Prefs
    from clerk_app.services import Services
    from clerk_app.services.word_review import WordImportReport


def _label(services: Services, meeting_id: str, target_id: str) -> str:
    from clerk_app.domain.review import find_target

    try:
        meeting = services.get_meeting(meeting_id)
    except Exception:  # the label is only a courtesy in the report
        return ""
    target = find_target(meeting, target_id)
    return target.label if target else ""


def export_review_with_dialog(
    parent: QWidget | None, services: Services, meeting: Meeting, prefs: Prefs | None = None
) -> Path | None:
    """Save the chair's review file (.clerkreview) for the meeting."""
    note = "Send this file to the chair. They open it in Clerk, answer, save and send it back."
    if meeting.circulated_on is None:  # this export circulates the draft
        note += (
            " The draft is now recorded as circulated: from now on every change to these "
            "minutes is kept in the audit trail."
        )
    saved = save_with_dialog(
        parent,
        "Save the review file for the chair",
        lambda: meeting_file_name(services, meeting, "for review", EXTENSION),
        REVIEW_FILTER,
        prefs,
        lambda path: services.export_review_file(meeting, path),
        can_open=False,
        note=note,
    )
    if saved is not None:
        from clerk_app.gui.recording_sound import offer_with_review

        offer_with_review(parent, services, meeting, saved)  # only if the clerk ticks it
    return saved


def export_word_review_with_dialog(
    parent: QWidget | None, services: Services, meeting: Meeting, prefs: Prefs | None = None
) -> Path | None:
    """Save the chair's review copy in Word, ready for the chair's comments."""
    return save_with_dialog(
        parent,
        "Save the chair's Word review copy",
        lambda: meeting_file_name(services, meeting, "review copy", ".docx"),
        DOCX_FILTER,
        prefs,
        lambda path: services.export_review_docx(meeting, path),
        note="The chair adds Word comments and sends it back; import them with Import Word "
        "comments.",
    )


def review_report_text(services: Services, report: ImportReport) -> tuple[str, str]:
    """(headline, details as HTML) for an import of a review file."""
    if not report.added and report.already_imported and not report.unplaced:
        headline = "These answers were imported before; nothing has changed."
    else:
        headline = report.summary()
    lines: list[str] = []
    for r in report.added:
        label = _label(services, report.meeting_id, r.target_id) or "(removed)"
        what = {"approve": "approved", "query": "query", "suggest": "suggested wording"}[
            r.decision.value
        ]
        extra = f": {r.comment}" if r.comment else ""
        lines.append(f"{escape(label)} – {what}{escape(extra)}")
    for r in report.unplaced:
        lines.append(
            "<i>Not placed</i> (its resolution or item is no longer in the minutes): "
            + escape(r.comment or r.suggested_text or r.decision.value)
        )
    details = "<br>".join(lines)
    if any(r.is_suggestion for r in report.added):
        details += "<br><br>Accept or reject each suggestion in Review responses."
    return headline, details


def import_review_with_dialog(
    parent: QWidget | None, services: Services, prefs: Prefs | None = None
) -> ImportReport | None:
    """Choose a returned review file and import the chair's answers."""
    path = ask_open(parent, "Import the chair's review file", REVIEW_FILTER, prefs)
    if path is None:
        return None
    try:
        report = services.import_review(path)
    except ServiceError as exc:
        show_refusal(parent, exc)
        return None
    except problems() as exc:
        show_error(parent, exc)
        return None
    headline, details = review_report_text(services, report)
    inform(parent, "Review imported", headline, details)
    return report


def word_report_text(services: Services, report: WordImportReport) -> tuple[str, str]:
    if not report.added and report.already_imported and not report.unplaced:
        headline = "These comments were imported before; nothing has changed."
    else:
        headline = report.summary()
    lines = []
    for r in report.added:
        label = _label(services, report.meeting_id, r.target_id)
        who = f" ({r.reviewer})" if r.reviewer else ""
        lines.append(f"{escape(label)}{escape(who)}: {escape(r.comment)}")
    if report.unplaced:
        lines.append("<br><b>Could not be placed</b> (not inside a resolution or item):")
        for c in report.unplaced:
            anchor = f" – on “{c.anchor_text}”" if c.anchor_text else ""
            lines.append(escape(f"{c.author or 'Unknown'}{anchor}: {c.text}"))
    return headline, "<br>".join(lines)


def import_word_comments_with_dialog(
    parent: QWidget | None, services: Services, meeting: Meeting, prefs: Prefs | None = None
) -> WordImportReport | None:
    """Choose the chair's returned Word copy and attach its comments to the minutes."""
    path = ask_open(parent, "Import the chair's Word comments", DOCX_FILTER, prefs)
    if path is None:
        return None
    try:
        report = services.import_word_comments(meeting, path)
    except problems() as exc:
        show_error(parent, exc)
        return None
    headline, details = word_report_text(services, report)
    inform(parent, "Word comments imported", headline, details)
    return report
