"""The ``clerk-app`` command: start the window, or work with meetings from a shell.

Exit codes: 0 success; 1 the request could not be done, or the data folder or the
database's lock file cannot be used (message on stderr); 2 the command line was wrong;
3 the database cannot be used.

``restore`` never opens the database, so it works when the database is damaged.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app import __version__
from clerk_app.domain.dates import format_date

if TYPE_CHECKING:
    import argparse

    from clerk_app.domain.model import Item, Meeting
    from clerk_app.services import Services
    from clerk_app.storage import MeetingSummary
    from clerk_app.storage.restore import BackupEntry

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DATABASE = 0, 1, 2, 3
VERSIONS = ("full", "public", "confidential", "decisions", "interim")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="clerk-app",
        description="Clerk: take the minutes of council and board meetings. With no command, "
        "the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"Clerk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the database, backups and logs in DIR (a portable folder, e.g. on a USB "
        "stick); overrides CLERK_DATA_DIR",
    )
    parser.add_argument(
        "--review",
        metavar="FILE",
        help="open a chair's review file (.clerkreview) in review mode; "
        "`clerk-app FILE.clerkreview` does the same",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create a fictional council and a complete demo meeting")
    demo.add_argument("--if-empty", action="store_true", help="only when there are no meetings yet")

    sub.add_parser("list", help="list meetings with their ids")

    exp = sub.add_parser("export", help="export a meeting's minutes")
    exp.add_argument("meeting", help="meeting id (or its first characters, or 'latest')")
    exp.add_argument(
        "--version",
        dest="doc_version",
        choices=[*VERSIONS, "item"],
        default="full",
        help="which version of the minutes (default: full)",
    )
    exp.add_argument("--item", help="with --version item: the minute number or item id")
    exp.add_argument("--format", choices=("docx", "json"), default="docx")
    exp.add_argument("-o", "--output", help="file to write (default: a name in this folder)")

    imp = sub.add_parser("import", help="import a meeting from Clerk's JSON form")
    imp.add_argument("file")
    imp.add_argument(
        "--replace", action="store_true", help="replace the meeting if it is already in Clerk"
    )

    sub.add_parser("backup", help="make a backup of the database now")
    res = sub.add_parser(
        "restore",
        help="list the backups, checking each, or put one back in place of the database",
    )
    res.add_argument(
        "backup",
        nargs="?",
        help="the backup's number in the list, or its file (default: list the backups)",
    )

    find = sub.add_parser("search", help="search the minutes of all meetings")
    find.add_argument("query")

    sty = sub.add_parser("style", help="export a body's style of minutes, or import one")
    sty_sub = sty.add_subparsers(dest="style_command", metavar="ACTION", required=True)
    sty_sub.add_parser("list", help="list the bodies and their styles, and Clerk's own styles")
    s_exp = sty_sub.add_parser("export", help="save a body's style as a JSON file")
    s_exp.add_argument("body", help="the body's name or id (or its first characters)")
    s_exp.add_argument("file", help="the style file to write (.json)")
    s_imp = sty_sub.add_parser("import", help="give a body the style in a JSON file")
    s_imp.add_argument("body", help="the body's name or id (or its first characters)")
    s_imp.add_argument("file", help="a style file, or the id of one of Clerk's own styles")

    from clerk_app.cli_sound import add_sound_command
    from clerk_app.review_args import add_review_commands

    add_sound_command(sub)
    add_review_commands(sub)
    return parser


# commands that only read the library: no backup is taken for them (nothing changes)
READING = frozenset(
    {"list", "search", "export", "sound", "drafts", "decisions", "actions", "audit"}
)
READING_REVIEW = frozenset({"export", "word-export", "list"})


def _writes(args: argparse.Namespace) -> bool:
    if args.command == "style":
        return getattr(args, "style_command", None) == "import"
    if args.command == "review":
        return getattr(args, "review_command", None) not in READING_REVIEW
    if args.command == "correct" and getattr(args, "show", False):
        return False
    return args.command not in READING


def _open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The store; before a command that writes, a backup if the library changed since its
    newest one (a command that only reads takes none, and so starts at once)."""
    from clerk_app.paths import database_path
    from clerk_app.storage import Store

    store = Store.open(database_path(args.data_dir))
    if _writes(args) and args.command != "backup":
        store.backup_if_changed("open")
    return store


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from clerk_app.services import Services

    store = _open_store(args)
    return store, Services(store)


def find_meeting(svc: Services, ref: str) -> MeetingSummary:
    """The meeting a command names: its id, the first characters of it, or "latest"."""
    from clerk_app.services import ServiceError

    summaries = svc.list_meetings()
    if not summaries:
        raise ServiceError("There are no meetings yet.", advice="Try `clerk-app demo`.")
    if ref == "latest":
        return summaries[0]
    matches = [s for s in summaries if s.id == ref] or [
        s for s in summaries if s.id.startswith(ref)
    ]
    if not matches:
        raise ServiceError(f"No meeting has the id {ref!r}.", advice="`clerk-app list` shows them.")
    if len(matches) > 1:
        raise ServiceError(f"{len(matches)} meetings start with {ref!r}; give more of the id.")
    return matches[0]


def find_item(meeting: Meeting, ref: str) -> Item | None:
    """The item of ``meeting`` a command names: its id, minute number or item number."""
    return next((it for it in meeting.items if ref in (it.id, it.minute_number, it.number)), None)


def _default_name(summary, version: str, fmt: str) -> str:  # type: ignore[no-untyped-def]
    from clerk_app.services.files import safe_filename

    suffix = "" if version == "full" else f" ({version})"
    return safe_filename(f"{summary.body_name} {summary.date.isoformat()} minutes{suffix}") + (
        f".{fmt}"
    )


def _run(args: argparse.Namespace) -> int:
    from clerk_app.domain.document import Version

    if args.command == "restore":
        return _restore(args)  # without opening the database: it may be damaged
    if args.command in ("list", "search"):
        return _read_only(args)
    store, svc = _open(args)
    try:
        from clerk_app.review_args import COMMANDS

        if args.command in COMMANDS:
            from clerk_app.review_cli import run_review_command

            code = run_review_command(args, svc)
            if code is not None:
                return code
        if args.command == "style":
            from clerk_app.cli_style import run_style

            return run_style(args, svc)
        if args.command == "sound":
            from clerk_app.cli_sound import run_sound

            return run_sound(args, svc)
        if args.command == "demo":
            if args.if_empty and svc.list_meetings():
                print("There are meetings already; no demo created.")
                return EXIT_OK
            from clerk_app.services.demo import create_demo

            meeting = create_demo(svc)
            held = format_date(meeting.date, weekday=False)
            print(f"Created the demo meeting {meeting.id} ({held}).")
        elif args.command == "export":
            summary = find_meeting(svc, args.meeting)
            meeting = svc.get_meeting(summary.id)
            item_id = None
            if args.doc_version == "item":
                if not args.item:
                    print("clerk-app: --version item needs --item MINUTE", file=sys.stderr)
                    return EXIT_USAGE
                item = find_item(meeting, args.item)
                if item is None:
                    print(f"clerk-app: no item {args.item!r} in that meeting", file=sys.stderr)
                    return EXIT_FAILED
                item_id = item.id
            output = (
                Path(args.output)
                if args.output
                else Path(_default_name(summary, args.doc_version, args.format))
            )
            path = svc.export(meeting, output, Version(args.doc_version), item_id, args.format)
            print(f"Wrote {path}")
        elif args.command == "import":
            meeting = svc.import_json(args.file, replace=args.replace)
            print(
                f"Imported the meeting {meeting.id} ({format_date(meeting.date, weekday=False)})."
            )
        elif args.command == "backup":
            print(f"Backup written to {store.backup_now('manual')}")
        return EXIT_OK
    finally:
        store.close()


def _read_only(args: argparse.Namespace) -> int:
    """``list`` and ``search``: the store alone, without the services."""
    store = _open_store(args)
    try:
        if args.command == "list":
            summaries = store.list_meetings()
            if not summaries:
                print("No meetings yet. `clerk-app demo` creates one to look at.")
                return EXIT_OK
            lines = (
                f"{s.id}  {s.date.isoformat()}  {s.status.value:<8}  {s.body_name}"
                f"  ({s.item_count} items)"
                for s in summaries
            )
            print("\n".join(lines))  # one write: 1,200 lines as fast as ten
            return EXIT_OK
        hits = store.search(args.query) if args.query.strip() else []
        for h in hits:
            print(f"{h.meeting_date}  {h.body_name}  {h.item_title}: {h.snippet}")
        if not hits:
            print("Nothing found.")
        return EXIT_OK
    finally:
        store.close()


NO_BACKUPS = (
    "There are no backups yet. Clerk makes one when it opens a library that has changed "
    "and every ten minutes while the window is open; `clerk-app backup` makes one now."
)


def _restore(args: argparse.Namespace) -> int:
    from clerk_app import paths
    from clerk_app.storage.restore import (
        backup_entries,
        check_backup,
        restore_backup,
        when_in_words,
    )

    database = paths.database_path(args.data_dir)
    folder = database.parent / "backups"
    entries = backup_entries(folder, database)
    if not args.backup:
        if not entries:
            print(NO_BACKUPS)
            return EXIT_OK
        print(f"Backups of {database}, newest first:")
        for number, entry in enumerate(entries, 1):
            checked = check_backup(entry)
            state = "good" if checked.usable else f"{checked.state.lower()}: cannot be restored"
            print(f"{number:>3}. {checked.when:<36} {checked.size_text:>8}  {state}")
            print(f"     {checked.path}")
        print("\nRestore one with: clerk-app restore NUMBER (or the backup's file)")
        return EXIT_OK
    chosen = _chosen_backup(args.backup, entries, folder)
    if chosen is None:
        print(
            f"clerk-app: there is no backup {args.backup!r}.\n"
            "  `clerk-app restore` lists the backups with their numbers.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    restore_backup(chosen, database)
    info = next((e for e in entries if e.path == chosen), None)
    taken = f" taken {when_in_words(info.taken_at)}" if info is not None else ""
    print(f"Restored the backup{taken} ({chosen.name}).")
    print(f"The database it replaced is kept as {database.name}.before-restore beside it.")
    return EXIT_OK


def _chosen_backup(ref: str, entries: list[BackupEntry], folder: Path) -> Path | None:
    """The backup a command names: its number in the list, its file, or its name."""
    if ref.isdigit():
        number = int(ref)
        return entries[number - 1].path if 1 <= number <= len(entries) else None
    path = Path(ref).expanduser()
    if path.is_file():
        return path
    in_folder = folder / ref
    return in_folder if in_folder.is_file() else None


def _review_file_first(raw: list[str]) -> list[str]:
    """``clerk-app [--data-dir DIR] FILE.clerkreview`` (as a file manager runs it) means
    ``--review FILE``; with a command before it (``review import FILE``) it is left alone."""
    if not raw or "--review" in raw or not raw[-1].lower().endswith(".clerkreview"):
        return raw
    options = raw[:-1]
    only_data_dir = (
        not options
        or (len(options) == 2 and options[0] == "--data-dir")
        or (len(options) == 1 and options[0].startswith("--data-dir="))
    )
    return [*options, "--review", raw[-1]] if only_data_dir else raw


def _window_only(raw: list[str]) -> tuple[bool, str | None]:
    """Whether ``raw`` only starts the window (nothing, or only the data folder), and the
    data folder: the window then starts without building the command line's parser."""
    if not raw:
        return True, None
    if len(raw) == 2 and raw[0] == "--data-dir" and raw[1] and not raw[1].startswith("-"):
        folder = raw[1]
    elif len(raw) == 1 and raw[0].startswith("--data-dir=") and len(raw[0]) > 11:
        folder = raw[0][11:]
    else:
        return False, None
    return not folder.lower().endswith(".clerkreview"), folder


def _app_main() -> Callable[..., int]:
    """The window's ``main``, imported with PySide6's support code served from the code
    cache when the process has one (see :func:`clerk_app.codecache.compiling_support_code`)."""
    from clerk_app import codecache

    with codecache.compiling_support_code():
        from clerk_app.app import main

    return main


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the process's own command: it starts faster from now on
        from clerk_app import codecache, gcpause

        codecache.install()
        gcpause.pause()  # until the window is up, or the command is known
    raw = list(argv) if argv is not None else sys.argv[1:]
    window_only, data_dir = _window_only(raw)
    if window_only:
        app_main = _app_main()
        return app_main(sys.argv[:1], data_dir=data_dir)
    parser = build_parser()
    args = parser.parse_args(_review_file_first(raw))
    if args.review:
        if args.command is not None:
            parser.error("--review opens the review window; it takes no command")
        app_main = _app_main()
        return app_main(sys.argv[:1], data_dir=args.data_dir, review_file=args.review)
    if args.command is None:
        app_main = _app_main()
        return app_main(sys.argv[:1], data_dir=args.data_dir)
    from clerk_app import gcpause

    gcpause.resume()  # a command, not the window
    from clerk_app.services import ServiceError
    from clerk_app.storage.errors import DataFolderUnusable, FolderProblem, StoreError

    try:
        return _run(args)
    except FolderProblem as exc:
        print(f"clerk-app: {exc.message}", file=sys.stderr)
        print(f"  {exc.advice}", file=sys.stderr)
        if isinstance(exc, DataFolderUnusable):
            print(
                "  Another data folder: clerk-app --data-dir FOLDER COMMAND "
                "(or set CLERK_DATA_DIR).",
                file=sys.stderr,
            )
        return EXIT_FAILED
    except StoreError as exc:
        print(f"clerk-app: {exc.message}", file=sys.stderr)
        if exc.advice:
            print(f"  {exc.advice}", file=sys.stderr)
        return EXIT_DATABASE
    except ServiceError as exc:
        print(f"clerk-app: {exc.message}", file=sys.stderr)
        if exc.advice:
            print(f"  {exc.advice}", file=sys.stderr)
        return EXIT_FAILED
    except _export_errors() as exc:
        print(f"clerk-app: {getattr(exc, 'message', '') or exc}", file=sys.stderr)
        if getattr(exc, "advice", ""):
            print(f"  {exc.advice}", file=sys.stderr)  # type: ignore[attr-defined]
        return EXIT_FAILED
    except BrokenPipeError:
        # the reader went away (``clerk-app correct … --show | head``): not an error; the
        # rest of the output goes nowhere instead of failing again at exit
        import os

        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _export_errors() -> tuple[type[Exception], ...]:
    try:
        from clerk_app.export import ExportError, TemplateError
    except ImportError:  # pragma: no cover
        return ()
    return (ExportError, TemplateError)


if __name__ == "__main__":
    sys.exit(main())
