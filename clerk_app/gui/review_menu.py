"""The Review menu of the clerk's window: review files, Word review copies, approval,
the audit trail and officers' documents. Kept apart from main_window to keep it small."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clerk_app.gui.main_window import MainWindow

# Review actions that need an open meeting (import and opening a review file do not)
REVIEW_MEETING_ACTIONS = frozenset(
    {
        "review_export",
        "review_responses",
        "review_word_export",
        "review_word_import",
        "approve_minutes",
        "audit",
        "officer_drafts",
        "action_log",
        "action_log_confidential",
    }
)
# of those, the ones that change the meeting (disabled when it is approved)
REVIEW_CHANGING_ACTIONS = frozenset({"review_responses", "review_word_import", "approve_minutes"})
# the opposite: only for approved (locked) minutes
REVIEW_LOCKED_ACTIONS = frozenset({"record_correction"})


def connect_review_actions(window: MainWindow) -> None:
    from clerk_app.gui import review

    def meeting() -> Any:
        return window.session.meeting if window.session is not None else None

    def run(fn: Any, *, reload: bool = False) -> None:
        m = meeting()
        if m is None:
            return
        if window.session is not None:
            window.session.flush()
        fn(m)
        if reload:
            window.open_meeting(m.id, quiet=True)

    def on(action_id: str, slot: Any) -> None:
        window.registry[action_id].triggered.connect(lambda _checked=False: slot())

    svc, prefs = window.services, window.prefs
    on(
        "review_export",
        lambda: run(lambda m: review.export_review_with_dialog(window, svc, m, prefs)),
    )
    on("review_import", lambda: _import_review(window))
    on(
        "review_responses",
        lambda: run(lambda m: review.ResponsesDialog(svc, m, window).exec(), reload=True),
    )
    on(
        "review_word_export",
        lambda: run(lambda m: review.export_word_review_with_dialog(window, svc, m, prefs)),
    )
    on(
        "review_word_import",
        lambda: run(lambda m: review.import_word_comments_with_dialog(window, svc, m, prefs)),
    )
    on("review_open", lambda: _open_as_chair(window))
    on(
        "approve_minutes",
        lambda: run(lambda m: review.ApproveMinutesDialog(svc, m, window).exec(), reload=True),
    )
    on(
        "record_correction",
        lambda: run(
            lambda m: m.locked and review.RecordCorrectionDialog(svc, m, window).exec(),
            reload=True,
        ),
    )
    on("audit", lambda: run(lambda m: review.AuditDialog(svc, m, window).exec()))
    on(
        "officer_drafts",
        lambda: run(lambda m: review.officer_drafts_with_dialog(window, svc, m, prefs)),
    )
    on("action_log", lambda: run(lambda m: review.action_log_with_dialog(window, svc, m, prefs)))
    on(
        "action_log_confidential",
        lambda: run(lambda m: review.action_log_with_dialog(window, svc, m, prefs, "confidential")),
    )


def _import_review(window: MainWindow) -> None:
    from clerk_app.gui import review

    if window.session is not None:
        window.session.flush()
    report = review.import_review_with_dialog(window, window.services, window.prefs)
    if report is not None and window.session is not None:
        window.open_meeting(window.session.meeting.id, quiet=True)


def _open_as_chair(window: MainWindow) -> None:
    from clerk_app.gui import review
    from clerk_app.gui.files import REVIEW_FILTER, ask_open

    path = ask_open(window, "Open a review file", REVIEW_FILTER, window.prefs)
    if path is not None:
        opened = review.open_review_window(path, window.prefs, None)
        if opened is not None:
            window._review_windows.append(opened)
