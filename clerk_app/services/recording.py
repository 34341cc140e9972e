"""Recording a meeting and finding each moment of the minutes in its sound.

:class:`Recordings` keeps a meeting's recordings in the database (``storage.recordings``)
and their sound in the data folder's ``recordings/`` folder, beside the database. It
records through a :class:`~clerk_app.audio.recorder.Recorder` (imported only when a
recording starts), pauses by itself for Part 2 (the window asks it to) and after approval
deletes the sound, or keeps it with the clerk's reason, writing either in the meeting's
audit trail.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.domain.model import Block, Item, Meeting
from clerk_app.domain.recording import (
    PREROLL,
    Pause,
    PauseReason,
    Recording,
    RecordingState,
    block_moment,
    clock_text,
    needs_part2_pause,
    new_recording_id,
    part1_ranges,
    part2_stretches,
)
from clerk_app.services.errors import ServiceError
from clerk_app.storage import recordings as repo

if TYPE_CHECKING:
    from clerk_app.audio.devices import SoundSource
    from clerk_app.audio.recorder import Recorder
    from clerk_app.storage import Store

FOLDER = "recordings"
Clock = Callable[[], datetime]


class Recordings:
    """The recordings of the meetings in one library (``store``)."""

    def __init__(self, store: Store, folder: Path | None = None, clock: Clock = datetime.now):
        self.store = store
        self.folder = folder or Path(store.path).parent / FOLDER
        self.clock = clock
        self.recorder: Recorder | None = None
        self.current: Recording | None = None  # the recording being made now

    # ------------------------------------------------------------------ looking up
    def of(self, meeting_id: str) -> list[Recording]:
        """The meeting's recordings whose sound is still there."""
        return [
            r
            for r in repo.for_meeting(self.store, meeting_id)
            if r.state is not RecordingState.DELETED
        ]

    def path_of(self, rec: Recording) -> Path:
        return Path(rec.file) if rec.attached else self.folder / rec.file

    def locate(self, meeting: Meeting, block: Block) -> tuple[Recording, float] | None:
        """The recording holding ``block``'s moment and where to start playing it (a few
        seconds before); None when no recording has it."""
        moment = block_moment(block, meeting.date)
        return None if moment is None else self.locate_moment(meeting.id, moment)

    def locate_moment(self, meeting_id: str, moment: datetime) -> tuple[Recording, float] | None:
        recs = self.of(meeting_id)
        if self.current is not None and self.recorder is not None:
            live = self._live_copy()
            recs = [live if r.id == live.id else r for r in recs]
        for rec in recs:
            pos = rec.position_of(moment)
            if pos is not None:
                return rec, max(0.0, pos - PREROLL)
        return None

    def where(self, meeting: Meeting, moment: datetime | None) -> str:
        """0:14:32 for where the sound of ``moment`` is, or ""."""
        found = None if moment is None else self.locate_moment(meeting.id, moment)
        return clock_text(found[0].position_of(moment) or 0.0) if found and moment else ""

    # ------------------------------------------------------------------ recording
    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.running

    @property
    def paused(self) -> bool:
        return self.recorder is not None and self.recorder.paused

    def start(self, meeting: Meeting, source: SoundSource, current: Item | None) -> Recording:
        """Start recording ``meeting`` from ``source`` into a new file; ``current`` is the
        item being taken (recording is refused in Part 2)."""
        from clerk_app.audio.recorder import Recorder

        if self.recording:
            raise ServiceError("A recording is already being made.")
        if meeting.locked:
            raise ServiceError(
                "These minutes are approved: there is nothing more to record.",
                advice="Open the meeting you are minuting now.",
            )
        if needs_part2_pause(current):
            raise ServiceError(
                "This item is Part 2 (exempt): Clerk does not record it.",
                advice="Start recording when the meeting is back in public.",
            )
        rec_id = new_recording_id()
        rec = Recording(
            meeting_id=meeting.id,
            file=f"{meeting.date:%Y-%m-%d}-{meeting.id[:8]}-{rec_id[:8]}.wav",
            id=rec_id,
        )
        recorder = Recorder(source, self.folder / rec.file, self.clock)
        recorder.start()
        rec.segments = recorder.segments
        repo.save(self.store, rec)
        self.recorder, self.current = recorder, rec
        return rec

    def _live_copy(self) -> Recording:
        assert self.current is not None and self.recorder is not None
        rec = self.current
        rec.segments = self.recorder.segments
        rec.seconds = self.recorder.seconds
        return rec

    def save_progress(self) -> None:
        """Keep the database up to date with the recording (the window calls this every
        few seconds): where it started, for how long it has run."""
        if self.current is not None and self.recorder is not None:
            repo.save(self.store, self._live_copy())

    def pause(self, reason: PauseReason = PauseReason.CLERK) -> bool:
        """Pause the recording; False if it was not recording."""
        if self.recorder is None or self.current is None or self.recorder.paused:
            return False
        self.recorder.pause()
        self.current.pauses.append(Pause(start=self.clock(), reason=reason))
        self.save_progress()
        return True

    def resume(self, current: Item | None) -> None:
        if self.recorder is None or self.current is None or not self.recorder.paused:
            return
        if needs_part2_pause(current):
            raise ServiceError(
                "The meeting is in Part 2 (exempt business): Clerk does not record it.",
                advice="Resume recording when the public is back.",
            )
        self.recorder.resume()
        for pause in self.current.pauses:
            if pause.end is None:
                pause.end = self.clock()
        self.save_progress()

    def stop(self) -> None:
        if self.recorder is None or self.current is None:
            return
        self.recorder.stop()
        rec = self._live_copy()
        rec.close_open(self.clock())
        rec.state = RecordingState.KEPT
        repo.save(self.store, rec)
        self.recorder = self.current = None

    def recover(self, meeting_id: str) -> list[Recording]:
        """Recordings Clerk was making when it stopped (a crash, a flat battery): their
        files made whole, their last stretch ended where the sound ends."""
        out = []
        for rec in repo.for_meeting(self.store, meeting_id):
            if rec.state is not RecordingState.RECORDING:
                continue
            if self.current is not None and rec.id == self.current.id:
                continue
            from clerk_app.audio import wavfile  # only now: nothing of it at start-up

            path = self.path_of(rec)
            with contextlib.suppress(OSError, ValueError):
                rec.seconds = wavfile.repair(path)
            rec.close_open()
            rec.state = RecordingState.KEPT
            repo.save(self.store, rec)
            out.append(rec)
        return out

    # ------------------------------------------------------------------ attached files
    def attach(self, meeting: Meeting, path: Path) -> Recording:
        """Attach a recording made elsewhere; it is lined up with :meth:`line_up`."""
        if not path.is_file():
            raise ServiceError(f"There is no file {path}.", advice="Choose the recording again.")
        seconds = _length(path)
        rec = Recording(
            meeting_id=meeting.id,
            file=str(path.resolve()),
            attached=True,
            seconds=seconds,
            state=RecordingState.KEPT,
            id=new_recording_id(),
        )
        start = meeting.start_time or datetime.min.time()
        rec.line_up(datetime.combine(meeting.date, start), 0.0)
        repo.save(self.store, rec)
        return rec

    def line_up(self, rec: Recording, moment: datetime, pos: float) -> Recording:
        """``moment`` of the meeting is heard ``pos`` seconds into ``rec``."""
        if pos < 0 or (rec.seconds and pos > rec.seconds):
            raise ServiceError(
                f"The recording is only {clock_text(rec.seconds)} long.",
                advice="Give a position inside the recording, such as 0:12:30.",
            )
        rec.line_up(moment, pos)
        repo.save(self.store, rec)
        return rec

    # ------------------------------------------------------------------ Part 1 sound
    def part1_pieces(self, meeting: Meeting) -> list[tuple[Path, float, float]]:
        """The stretches of the meeting's recordings that are Part 1 sound, in the order
        they were heard: every Part 2 stretch (found from the blocks' bookmarks and the
        Part 2 pauses) is left out."""
        recs = [r for r in self.of(meeting.id) if r.segments]
        if self.current is not None and self.current.meeting_id == meeting.id:
            raise ServiceError(
                "The meeting is being recorded.",
                advice="Stop recording (Ctrl+Alt+R), then save its sound.",
            )
        stretches = part2_stretches(meeting, recs)
        pieces = []
        for rec in recs:
            path = self.path_of(rec)
            if not path.is_file():
                continue
            if not rec.seconds:
                rec.seconds = _length(path)
            for start, end in part1_ranges(rec, stretches):
                pieces.append((rec.moment_at(start) or datetime.min, path, start, end))
        return [(path, start, end) for _m, path, start, end in sorted(pieces, key=_first)]

    def export_part1(self, meeting: Meeting, out: Path) -> float:
        """Save the meeting's Part 1 sound as one WAV file (Clerk's own format); the
        seconds saved. Part 2 business is never in it."""
        from clerk_app.audio.cutting import join

        pieces = self.part1_pieces(meeting)
        if not pieces:
            raise ServiceError(
                "This meeting has no Part 1 sound to save.",
                advice="Record the meeting (Ctrl+Alt+R) or attach its recording first.",
            )
        try:
            return join(pieces, out)
        except OSError as exc:
            raise ServiceError(
                f"The sound could not be saved as {out} ({exc.strerror or exc}).",
                advice="Choose another folder, or free some space, and save it again.",
            ) from exc

    # ------------------------------------------------------------------ after approval
    def awaiting_decision(self, meeting: Meeting) -> list[Recording]:
        """Approved minutes' recordings the clerk has not yet decided about."""
        if not meeting.locked:
            return []
        return [r for r in self.of(meeting.id) if not r.decided_at]

    def keep_until(self, meeting: Meeting, kept_days: int) -> date | None:
        if meeting.approval is None:
            return None
        return meeting.approval.approved_on + timedelta(days=kept_days)

    def kept_too_long(self, meeting: Meeting, kept_days: int, today: date) -> list[Recording]:
        """Recordings of approved minutes kept past the body's period (``kept_days`` after
        approval) that the clerk has not decided about since it ran out."""
        until = self.keep_until(meeting, kept_days)
        if until is None or today < until:
            return []
        return [
            r
            for r in self.of(meeting.id)
            if r.decided_at and date.fromisoformat(r.decided_at[:10]) < until
        ]

    def delete(
        self,
        meeting: Meeting,
        audit: Callable[[str, str, str], None],
        why: str = "deleted after the minutes were approved",
    ) -> int:
        """Delete every recording of ``meeting`` (the files; the rows stay, marked
        deleted) and write it in the audit trail; how many files were deleted."""
        if self.current is not None and self.current.meeting_id == meeting.id:
            self.stop()
        count = 0
        names = []
        for rec in self.of(meeting.id):
            if not rec.attached:
                path = self.path_of(rec)
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    count += 1
            names.append(Path(rec.file).name)
            rec.state = RecordingState.DELETED
            rec.decided_at = self.clock().isoformat(timespec="seconds")
            repo.save(self.store, rec)
        if names:
            attached = [r for r in names if not r.endswith(".wav")]
            audit(
                "Recording deleted",
                ", ".join(names),
                why + (" (attached files were left where they are kept)" if attached else ""),
            )
        return count

    def keep(self, meeting: Meeting, reason: str, audit: Callable[[str, str, str], None]) -> None:
        if not reason.strip():
            raise ServiceError("Say why the recording is kept.", field="reason")
        recs = self.of(meeting.id)
        for rec in recs:
            rec.decided_at = self.clock().isoformat(timespec="seconds")
            rec.reason = reason.strip()
            repo.save(self.store, rec)
        if recs:
            audit("Recording kept", ", ".join(Path(r.file).name for r in recs), reason.strip())


def _first(piece: tuple[datetime, Path, float, float]) -> tuple[datetime, float]:
    return piece[0], piece[2]


def _length(path: Path) -> float:
    from clerk_app.audio import wavfile

    try:
        return wavfile.info(path)[1]
    except (ValueError, OSError):
        pass
    try:
        import miniaudio

        return float(miniaudio.get_file_info(str(path)).duration)
    except Exception as exc:  # miniaudio raises its own error for an unknown format
        raise ServiceError(
            f"Clerk cannot play {path.name}.",
            advice="Attach a WAV, MP3, FLAC or Ogg Vorbis recording.",
        ) from exc
