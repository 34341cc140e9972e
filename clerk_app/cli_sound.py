"""``clerk-app sound MEETING [-o FILE]``: save a meeting's Part 1 sound as one WAV file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.services import Services


def add_sound_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    snd = sub.add_parser(
        "sound",
        help="save a meeting's Part 1 sound as a WAV file (Part 2 business is cut out)",
    )
    snd.add_argument("meeting", help="meeting id (or its first characters, or 'latest')")
    snd.add_argument("-o", "--output", help="file to write (default: a name in this folder)")


def run_sound(args: argparse.Namespace, svc: Services) -> int:
    from clerk_app.cli import EXIT_OK, find_meeting
    from clerk_app.domain.recording import clock_text
    from clerk_app.services.files import safe_filename
    from clerk_app.services.recording import Recordings

    summary = find_meeting(svc, args.meeting)
    meeting = svc.get_meeting(summary.id)
    name = safe_filename(f"{summary.body_name} {summary.date.isoformat()} Part 1 sound")
    out = Path(args.output) if args.output else Path(f"{name}.wav")
    store = svc.raw_store
    seconds = Recordings(getattr(store, "raw", store)).export_part1(meeting, out)
    print(f"Wrote {out} ({clock_text(seconds)} of Part 1 sound; Part 2 business left out)")
    return EXIT_OK
