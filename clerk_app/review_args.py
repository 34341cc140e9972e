"""The command line's arguments for the review, drafts, decision sheet, action log,
approval and corrections commands: argparse only, so that building the parser for any
command imports nothing else (:mod:`clerk_app.review_cli` runs them)."""

from __future__ import annotations

from typing import Any

COMMANDS = frozenset(
    {"review", "drafts", "decisions", "actions", "approve", "circulate", "audit", "correct"}
)


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
    act.add_argument(
        "--version",
        choices=("public", "confidential"),
        default="public",
        help="public (the default): Part 2 (exempt) actions left out; confidential: every "
        "action, the Part 2 ones marked “Part 2 – exempt”",
    )
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
    _add_correct_command(sub)


def _add_correct_command(sub: Any) -> None:
    cor = sub.add_parser(
        "correct",
        help="record a correction to approved minutes, with its reason",
        description="Approved minutes are locked; a change to them is recorded as a "
        "correction with its reason in the audit trail. --show lists the items and their "
        "parts with positions and current wording.",
        epilog="example: clerk-app correct 3f2a --show, then clerk-app correct 3f2a --item 4 "
        '--block 2 --point 1 --text "water charges had risen by a fifth" --reason "Figure '
        "misheard\" (3f2a: the first characters of the meeting's id, from clerk-app list)",
    )
    cor.add_argument("meeting", help="the approved meeting: its id, first characters or 'latest'")
    what = cor.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--show", action="store_true", help="list the items and their parts with their wording"
    )
    what.add_argument("--text", help="the corrected wording of the part chosen with --block")
    what.add_argument("--title", help="the corrected title of the item")
    cor.add_argument("--item", metavar="MINUTE", help="the item: minute number, item number or id")
    cor.add_argument(
        "--item-position", type=int, metavar="N", help="or the item's place on the agenda, 1 first"
    )
    cor.add_argument(
        "--block", type=int, metavar="N", help="the part of the item, 1 first (see --show)"
    )
    line = cor.add_mutually_exclusive_group()
    line.add_argument("--point", type=int, metavar="N", help="in a list of points: point N")
    line.add_argument("--clause", type=int, metavar="N", help="in a motion: clause N")
    line.add_argument(
        "--intro", action="store_true", help="the words before the points or the clauses"
    )
    cor.add_argument("--reason", default="", help="why the minutes are corrected (required)")
