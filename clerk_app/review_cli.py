"""``clerk-app`` commands for the review, drafts, decision sheet, action log and approval.

``add_review_commands(subparsers)`` adds them to the command line; ``run_review_command``
runs one (returning ``None`` for a command that is not one of these). Errors are raised
as :class:`~clerk_app.services.ServiceError` for the caller to report.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from clerk_app.services.errors import ServiceError

COMMANDS = frozenset({"review", "drafts", "decisions", "actions", "approve", "circulate", "audit"})
EXIT_OK = 0


def add_review_commands(sub: Any) -> None:
    """Add the commands to an ``argparse`` sub-parsers object."""
    review = sub.add_parser("review", help="the chair's review: review files and Word copies")
    rsub = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    exp = rsub.add_parser("export", help="write the chair's review file (.clerkreview)")
    exp.add_argument("meeting", help="meeting id (or its first characters, or 'latest')")
    exp.add_argument("-o", "--output", required=True, help="the review file to write")
    imp = rsub.add_parser("import", help="import the chair's answers from a review file")
    imp.add_argument("file")
    wexp = rsub.add_parser("word-export", help="write the chair's Word review copy")
    wexp.add_argument("meeting")
    wexp.add_argument("-o", "--output", required=True, help="the .docx to write")
    wimp = rsub.add_parser("word-import", help="read the chair's comments from a Word copy")
    wimp.add_argument("meeting")
    wimp.add_argument("file")
    lst = rsub.add_parser("list", help="list the responses on a meeting")
    lst.add_argument("meeting")
    acc = rsub.add_parser("accept", help="accept a suggested wording")
    acc.add_argument("response", help="response id (or its first characters)")
    rej = rsub.add_parser("reject", help="reject a suggested wording")
    rej.add_argument("response")
    rej.add_argument("--reason", required=True)

    drafts = sub.add_parser("drafts", help="officers' draft minutes, one .docx per item")
    drafts.add_argument("meeting")
    drafts.add_argument("-o", "--output", required=True, help="folder (or file with --item)")
    drafts.add_argument("--item", help="only this item (minute number or id)")
    dec = sub.add_parser("decisions", help="the provisional decision sheet")
    dec.add_argument("meeting")
    dec.add_argument("-o", "--output", required=True)
    act = sub.add_parser("actions", help="the action log of a committee or council")
    act.add_argument("body", help="body id (or its first characters) or part of its name")
    act.add_argument("-o", "--output", required=True)
    app = sub.add_parser("approve", help="approve the minutes of an earlier meeting")
    app.add_argument("meeting", help="the earlier meeting whose minutes are approved")
    app.add_argument("--at", required=True, help="the meeting that approves them")
    app.add_argument("--signed-by", required=True, help="who signed them")
    app.add_argument("--corrections", default="", help="corrections made on approval")
    app.add_argument("--item", help="the approving item (default: minutes of the previous)")
    circ = sub.add_parser("circulate", help="record that the draft minutes were circulated")
    circ.add_argument("meeting")
    circ.add_argument("--on", help="date circulated, YYYY-MM-DD (default today)")
    aud = sub.add_parser("audit", help="show a meeting's audit trail")
    aud.add_argument("meeting")


def _meeting_id(svc: Any, ref: str) -> str:
    summaries = svc.list_meetings()
    if not summaries:
        raise ServiceError("There are no meetings yet.")
    if ref == "latest":
        return str(summaries[0].id)
    matches = [s for s in summaries if s.id == ref] or [
        s for s in summaries if s.id.startswith(ref)
    ]
    if len(matches) != 1:
        raise ServiceError(
            f"No meeting has the id {ref!r}."
            if not matches
            else f"Several meetings start with {ref!r}; give more of the id.",
            advice="`clerk-app list` shows the meetings with their ids.",
        )
    return str(matches[0].id)


def _body_id(svc: Any, ref: str) -> str:
    bodies = svc.list_bodies()
    matches = [b for b in bodies if b.id == ref] or [
        b for b in bodies if b.id.startswith(ref) or ref.lower() in b.name.lower()
    ]
    if len(matches) != 1:
        raise ServiceError(
            f"No committee or council matches {ref!r}."
            if not matches
            else f"Several committees match {ref!r}; give more of the name.",
        )
    return str(matches[0].id)


def _item_id(meeting: Any, ref: str | None) -> str | None:
    if ref is None:
        return None
    for it in meeting.items:
        if ref in (it.id, it.minute_number, it.number):
            return str(it.id)
    raise ServiceError(f"There is no item {ref!r} in that meeting.")


def _response_id(svc: Any, ref: str) -> str:
    found = [r.id for s in svc.list_meetings() for r in svc.responses(s.id)]
    matches = [i for i in found if i == ref] or [i for i in found if i.startswith(ref)]
    if len(matches) != 1:
        raise ServiceError(f"No single review response has the id {ref!r}.")
    return matches[0]


def _review(args: argparse.Namespace, svc: Any) -> int:
    action = args.review_command
    if action == "export":
        path = svc.export_review_file(_meeting_id(svc, args.meeting), Path(args.output))
        print(f"Wrote {path}; send it to the chair.")
    elif action == "import":
        report = svc.import_review(Path(args.file))
        print(report.summary())
        for r in report.unplaced:
            print(f"  not placed: {r.comment or r.suggested_text}")
    elif action == "word-export":
        meeting = svc.get_meeting(_meeting_id(svc, args.meeting))
        print(f"Wrote {svc.export_review_docx(meeting, Path(args.output))}")
    elif action == "word-import":
        meeting = svc.get_meeting(_meeting_id(svc, args.meeting))
        wreport = svc.import_word_comments(meeting, Path(args.file))
        print(wreport.summary())
        for u in wreport.unplaced:
            print(f"  not placed: {u.author}: {u.text} (on “{u.anchor_text[:60]}”)")
    elif action == "list":
        for r in svc.responses(_meeting_id(svc, args.meeting)):
            wording = r.suggested_text or " / ".join(r.suggested_clauses)
            extra = f" → {wording}" if wording else ""
            print(
                f"{r.id[:8]}  {r.status.value:<8}  {r.decision.value:<7}  {r.target_kind.value:<6}"
                f"  {r.reviewer}: {r.comment}{extra}"
            )
    elif action == "accept":
        svc.accept_suggestion(_response_id(svc, args.response))
        print("Suggestion accepted and applied to the minutes.")
    elif action == "reject":
        svc.reject_suggestion(_response_id(svc, args.response), args.reason)
        print("Suggestion rejected; the minutes are unchanged.")
    return EXIT_OK


def run_review_command(args: argparse.Namespace, svc: Any) -> int | None:
    """Run one of these commands with ``svc`` (Services with the review mixins)."""
    command = getattr(args, "command", None)
    if command not in COMMANDS:
        return None
    if command == "review":
        return _review(args, svc)
    if command == "actions":
        print(f"Wrote {svc.export_action_log(_body_id(svc, args.body), Path(args.output))}")
        return EXIT_OK
    meeting = svc.get_meeting(_meeting_id(svc, args.meeting))
    if command == "drafts":
        item_id = _item_id(meeting, args.item)
        if item_id is not None:
            print(f"Wrote {svc.export_item_draft(meeting, item_id, Path(args.output))}")
        else:
            paths = svc.export_officer_drafts(meeting, Path(args.output))
            for p in paths:
                print(f"Wrote {p}")
            if not paths:
                print("No item has a report author, so there are no officers' drafts.")
    elif command == "decisions":
        print(f"Wrote {svc.export_decision_sheet(meeting, Path(args.output))}")
    elif command == "approve":
        at = svc.get_meeting(_meeting_id(svc, args.at))
        item_id = _item_id(at, args.item) or next(
            (it.id for it in at.items if it.kind.value == "previous_minutes"), None
        )
        if item_id is None:
            raise ServiceError(
                "The approving meeting has no item “Minutes of the previous meeting”.",
                advice="Name the item with --item.",
            )
        svc.approve_previous_minutes(at, item_id, meeting.id, args.signed_by, args.corrections)
        print(f"The minutes of {meeting.date.day} {meeting.date:%B %Y} are approved and locked.")
    elif command == "circulate":
        try:
            on = date.fromisoformat(args.on) if args.on else None
        except ValueError:
            raise ServiceError(f"{args.on!r} is not a date like 2026-03-12.") from None
        svc.mark_circulated(meeting, on)
        print(f"Circulated on {meeting.circulated_on}; changes from now on are audited.")
    elif command == "audit":
        entries = svc.audit(meeting.id)
        if not entries:
            print("No changes recorded.")
        for e in entries:
            source = f"  [{e.source}]" if e.source else ""
            print(f"{e.at}  {e.what}{source}")
            if e.before or e.after:
                print(f"    from: {e.before}\n    to:   {e.after}")
    return EXIT_OK
