"""``clerk-app`` commands for the review, drafts, decision sheet, action log, approval and
recorded corrections to approved minutes.

``add_review_commands(subparsers)`` adds them to the command line; ``run_review_command``
runs one (returning ``None`` for a command that is not one of these). Errors are raised
as :class:`~clerk_app.services.ServiceError` for the caller to report.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from clerk_app.domain.corrections import replace_wording, wordings
from clerk_app.domain.dates import format_date
from clerk_app.domain.model import (
    Action,
    Block,
    Item,
    Meeting,
    Motion,
    Note,
    Paragraph,
    Points,
)
from clerk_app.review_args import COMMANDS, add_review_commands
from clerk_app.services.errors import ServiceError

__all__ = ["COMMANDS", "add_review_commands", "run_review_command"]
EXIT_OK = 0


def _meeting_id(svc: Any, ref: str) -> str:
    from clerk_app.cli import find_meeting

    return str(find_meeting(svc, ref).id)


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
    from clerk_app.cli import find_item

    item = find_item(meeting, ref)
    if item is None:
        raise ServiceError(f"There is no item {ref!r} in that meeting.")
    return str(item.id)


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
        path = svc.export_action_log(_body_id(svc, args.body), Path(args.output), args.version)
        print(f"Wrote {path} ({args.version} action log)")
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
        print(f"The minutes of {format_date(meeting.date, weekday=False)} are approved and locked.")
    elif command == "circulate":
        try:
            on = date.fromisoformat(args.on) if args.on else None
        except ValueError:
            raise ServiceError(f"{args.on!r} is not a date like 2026-03-12.") from None
        svc.mark_circulated(meeting, on)
        print(f"Circulated on {meeting.circulated_on}; changes from now on are audited.")
    elif command == "correct":
        return _correct(args, svc, meeting)
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


# --------------------------------------------------------------------------- corrections

KIND_NAMES = {
    "paragraph": "paragraph",
    "points": "list of points",
    "motion": "motion",
    "action": "action",
    "note": "note",
    "attendance_change": "arrival or departure",
    "declaration": "declaration of interest",
}


def _minute_label(item: Item) -> str:
    if item.minute_number:
        return f"minute {item.minute_number}"
    return f"item {item.number}" if item.number else f"item “{item.title}”"


def _show(meeting: Meeting, item: Item | None) -> None:
    state = "approved" if meeting.locked else "not approved yet"
    print(f"Minutes of {format_date(meeting.date, weekday=False)} ({state})")
    for position, it in enumerate(meeting.items, 1):
        if item is not None and it.id != item.id:
            continue
        minute = f"minute {it.minute_number}" if it.minute_number else "no minute number"
        print(f"\nItem {position} ({minute}): {it.title}")
        for n, block in enumerate(it.blocks, 1):
            kind = KIND_NAMES.get(block.KIND, block.KIND)
            if isinstance(block, Note) and block.note_kind.value != "text":
                kind += f" ({block.note_kind.value})"
            elif isinstance(block, Motion) and block.motion_kind.value != "substantive":
                kind = block.motion_kind.value
            head = f"  --block {n}  {kind}"
            found = wordings(block)
            if not found:
                print(f"{head} (no wording to correct)")
            elif found[0].field == "text":
                print(f"{head}: {found[0].text}")
            else:
                print(head)
                for w in found:
                    option = "--intro" if w.index < 0 else f"--{w.field[:-1]} {w.index + 1}"
                    print(f"      {option}: {w.text}")
        if not it.blocks:
            print("  (no minutes under this item)")


def _choose_item(meeting: Meeting, args: argparse.Namespace, advice: str) -> Item | None:
    if args.item is not None and args.item_position is not None:
        raise ServiceError("Choose the item by --item or by --item-position, not both.")
    if args.item_position is not None:
        count = len(meeting.items)
        if not 1 <= args.item_position <= count:
            raise ServiceError(
                f"There is no item at position {args.item_position}; "
                f"the agenda has {count} item{'s' if count != 1 else ''}.",
                advice=advice,
            )
        return meeting.items[args.item_position - 1]
    if args.item is None:
        return None
    from clerk_app.cli import find_item

    found = find_item(meeting, args.item)
    if found is None:
        raise ServiceError(f"There is no item {args.item!r} in those minutes.", advice=advice)
    return found


def _index(position: int, count: int, what: str, where: str, advice: str) -> int:
    if not 1 <= position <= count:
        has = f"it has {count} {what}{'s' if count != 1 else ''}" if count else f"it has no {what}s"
        raise ServiceError(f"There is no {what} {position} in {where}: {has}.", advice=advice)
    return position - 1


def _corrected_block(
    block: Block, args: argparse.Namespace, text: str, where: str, advice: str
) -> tuple[Block, str]:
    """A corrected copy of ``block`` and the wording it replaces."""
    new = copy.deepcopy(block)
    kind = KIND_NAMES.get(block.KIND, block.KIND)
    if isinstance(block, Paragraph | Note | Action) and isinstance(new, Paragraph | Note | Action):
        if args.point is not None or args.clause is not None or args.intro:
            raise ServiceError(
                f"{where.capitalize()} is a {kind} with a single wording; "
                "leave out --point, --clause and --intro."
            )
        old = replace_wording(new, "text", -1, text)
    elif isinstance(block, Points | Motion) and isinstance(new, Points | Motion):
        # a list of points or a motion: opening words, then numbered points or clauses
        points = isinstance(block, Points)
        word, other = ("point", "clause") if points else ("clause", "point")
        lines, opening = ("points", "intro") if points else ("clauses", "preamble")
        chosen, wrong = (args.point, args.clause) if points else (args.clause, args.point)
        count = len(getattr(block, lines))
        what = f"a list of {count} points" if points else f"a motion of {count} clause"
        what += "" if points or count == 1 else "s"
        if wrong is not None:
            raise ServiceError(
                f"{where.capitalize()} is {what}, not {other}s; use --{word} N.", advice=advice
            )
        if args.intro:
            old = replace_wording(new, opening, -1, text)
        elif chosen is None:
            raise ServiceError(
                f"{where.capitalize()} is {what}; say which with --{word} N, "
                "or --intro for the words before them.",
                advice=advice,
            )
        else:
            i = _index(chosen, count, word, where, advice)
            old = replace_wording(new, lines, i, text)
    else:
        raise ServiceError(
            f"{where.capitalize()} is an {kind}: it has no wording to replace.",
            advice="Paragraphs, points, motions, actions, notes and item titles can be corrected.",
        )
    return new, old


def _correct(args: argparse.Namespace, svc: Any, meeting: Meeting) -> int:
    advice = f"`clerk-app correct {args.meeting} --show` lists the items and their parts."
    item = _choose_item(meeting, args, advice)
    if args.show:
        _show(meeting, item)
        return EXIT_OK
    held = format_date(meeting.date, weekday=False)
    if not meeting.locked:
        raise ServiceError(
            f"The minutes of {held} are not approved yet, so there is no correction to record.",
            advice="Edit them in the window as usual; corrections are for approved minutes.",
        )
    if not args.reason.strip():
        raise ServiceError(
            "Give the reason for the correction with --reason.",
            advice="The reason is kept in the audit trail with the change.",
        )
    if item is None:
        raise ServiceError(
            "Say which item to correct with --item MINUTE or --item-position N.", advice=advice
        )
    where = _minute_label(item)
    text = (args.text if args.text is not None else args.title).strip()
    change: Block | Item
    if args.title is not None:
        if args.block is not None or args.point is not None or args.clause is not None:
            raise ServiceError("--title corrects the item's title; leave out --block.")
        if not text:
            raise ServiceError("The corrected title is empty.")
        old, change = item.title, dataclasses.replace(item, title=text)
        part = f"the title of {where}"
    else:
        if args.block is None:
            raise ServiceError("Say which part of the item with --block N.", advice=advice)
        i = _index(args.block, len(item.blocks), "part", where, advice)
        part = f"part {args.block} of {where}"
        if not text and not args.intro:
            raise ServiceError("The corrected wording is empty.", advice="Give it with --text.")
        change, old = _corrected_block(item.blocks[i], args, text, part, advice)
        if args.point is not None:
            part += f", point {args.point}"
        elif args.clause is not None:
            part += f", clause {args.clause}"
        elif args.intro:
            part += ", opening words"
    if old == text:
        raise ServiceError(f"That is already the wording of {part}; there is nothing to correct.")
    svc.record_correction(meeting, args.reason, change)
    print(f"Correction recorded in the minutes of {held}: {part}.")
    print(f"  was:    {old}\n  now:    {text}\n  reason: {args.reason.strip()}")
    return EXIT_OK
