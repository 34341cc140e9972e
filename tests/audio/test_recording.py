"""Recording a meeting: bookmarks, the Part 2 pause, a killed recorder, deletion after
approval. The sound comes from generated files heard as a live signal (FileSource)."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clerk_app.audio import wavfile
from clerk_app.audio.devices import FileSource
from clerk_app.domain.model import Approval, MeetingStatus, Paragraph
from clerk_app.domain.recording import (
    PREROLL,
    PauseReason,
    RecordingState,
    block_moment,
    now_stamp,
)
from clerk_app.services.errors import ServiceError
from clerk_app.services.recording import Recordings
from clerk_app.storage import recordings as repo
from tests.audio.sounds import clicks, first_loud, loud_between, samples, write_wav

if TYPE_CHECKING:
    from clerk_app.domain.model import Meeting
    from clerk_app.services import Services
    from clerk_app.storage import Store

pytest_plugins = ["tests.services.conftest"]


def _until(source: FileSource, t: float) -> None:
    """Sleep until the live source has reached ``t`` seconds."""
    time.sleep(max(0.0, t - (time.monotonic() - source._born)))


def test_bookmarks_land_where_their_moment_is_in_the_sound(
    tmp_path: Path, store: Store, meeting: Meeting
) -> None:
    source = FileSource(write_wav(tmp_path / "in.wav", 4.0, clicks([1.0, 2.0, 3.0])))
    recs = Recordings(store, tmp_path / "recordings")
    _until(source, 0.3)
    rec = recs.start(meeting, source, meeting.items[0])
    blocks = []
    for t in (1.0, 2.0, 3.0):
        _until(source, t)
        blocks.append(Paragraph(text=f"at {t}", heard_at=now_stamp()))
    _until(source, 3.4)
    recs.stop()
    rate, pcm = wavfile.read_pcm(recs.path_of(rec))
    stored = repo.for_meeting(store, meeting.id)[0]
    assert stored.state is RecordingState.KEPT
    for block in blocks:
        found = recs.locate(meeting, block)
        assert found is not None
        assert found[0].id == rec.id
        bookmark = found[0].position_of(block_moment(block, meeting.date) or datetime.min)
        assert bookmark is not None
        assert found[1] == pytest.approx(max(0.0, bookmark - PREROLL))  # plays from before
        click = first_loud(pcm, rate, bookmark - 0.5)
        assert click is not None
        assert abs(click - bookmark) < 0.1, (block, click, bookmark)


def test_a_part_2_pause_leaves_no_part_2_sound_in_the_file(
    tmp_path: Path, store: Store, meeting: Meeting
) -> None:
    source = FileSource(write_wav(tmp_path / "in.wav", 3.0, loud_between(1.0, 2.0)))
    recs = Recordings(store, tmp_path / "recordings")
    _until(source, 0.2)
    rec = recs.start(meeting, source, meeting.items[0])
    _until(source, 0.95)
    assert recs.pause(PauseReason.PART_2)
    _until(source, 1.5)
    in_part2 = Paragraph(heard_at=now_stamp())
    with pytest.raises(ServiceError, match="Part 2"):
        part2 = meeting.items[1]
        part2.part = 2
        recs.resume(part2)
    _until(source, 2.05)
    recs.resume(meeting.items[0])
    _until(source, 2.8)
    recs.stop()
    rate, pcm = wavfile.read_pcm(recs.path_of(rec))
    assert max(abs(s) for s in samples(pcm)) < 0.3 * 32768  # none of the loud Part 2 talk
    assert 1.3 < len(pcm) / 2 / rate < 1.7  # 0.75 s before, 0.75 s after
    assert recs.locate(meeting, in_part2) is None  # nothing to play for a Part 2 block
    stored = repo.for_meeting(store, meeting.id)[0]
    assert [p.reason for p in stored.pauses] == [PauseReason.PART_2]
    assert stored.pauses[0].end is not None


def test_recording_refuses_to_start_in_part_2(
    tmp_path: Path, store: Store, meeting: Meeting
) -> None:
    source = FileSource(write_wav(tmp_path / "in.wav", 1.0, loud_between(0, 1)))
    recs = Recordings(store, tmp_path / "recordings")
    item = meeting.items[1]
    item.part = 2
    with pytest.raises(ServiceError, match="Part 2"):
        recs.start(meeting, source, item)
    assert not (tmp_path / "recordings").exists() or not any((tmp_path / "recordings").iterdir())


def test_deleting_after_approval_removes_the_files_and_says_so_in_the_audit_trail(
    tmp_path: Path, svc: Services, store: Store, meeting: Meeting
) -> None:
    source = FileSource(write_wav(tmp_path / "in.wav", 2.0, loud_between(0, 0)))
    recs = Recordings(store, tmp_path / "recordings")
    for _ in range(2):
        rec = recs.start(meeting, source, meeting.items[0])
        time.sleep(0.3)
        recs.stop()
    files = [recs.path_of(r) for r in recs.of(meeting.id)]
    assert len(files) == 2 and all(f.exists() for f in files)
    assert recs.awaiting_decision(meeting) == []  # not approved yet: nothing to decide
    meeting.status = MeetingStatus.APPROVED
    meeting.approval = Approval(approved_on=date(2026, 7, 1), signed_by="Mrs Winter")
    store.save_meeting_header(meeting)
    assert len(recs.awaiting_decision(meeting)) == 2

    def audit(what: str, before: str, after: str) -> None:
        store.add_audit(meeting.id, what, before, after)

    assert recs.delete(meeting, audit) == 2
    assert not any(f.exists() for f in files)
    assert recs.of(meeting.id) == []
    assert [r.state for r in repo.for_meeting(store, meeting.id)] == [RecordingState.DELETED] * 2
    entries = svc.audit(meeting.id)
    assert entries[-1].what == "Recording deleted"
    assert rec.file in entries[-1].before


def test_keeping_after_approval_needs_a_reason_and_is_audited(
    tmp_path: Path, svc: Services, store: Store, meeting: Meeting
) -> None:
    recs = Recordings(store, tmp_path / "recordings")
    sound = write_wav(tmp_path / "dictaphone.wav", 2.0, loud_between(0, 0))
    recs.attach(meeting, sound)
    meeting.status = MeetingStatus.APPROVED
    meeting.approval = Approval(approved_on=date(2026, 7, 1), signed_by="Mrs Winter")
    store.save_meeting_header(meeting)

    def audit(what: str, before: str, after: str) -> None:
        store.add_audit(meeting.id, what, before, after)

    with pytest.raises(ServiceError, match="why"):
        recs.keep(meeting, "  ", audit)
    recs.keep(meeting, "A complaint about minute 12 is open", audit)
    assert recs.awaiting_decision(meeting) == []
    assert sound.exists()
    assert svc.audit(meeting.id)[-1].after == "A complaint about minute 12 is open"


def test_an_attached_file_is_lined_up_by_one_known_moment(
    tmp_path: Path, store: Store, meeting: Meeting
) -> None:
    recs = Recordings(store, tmp_path / "recordings")
    sound = write_wav(tmp_path / "webcast.wav", 600.0 / 100, clicks([4.0]))
    rec = recs.attach(meeting, sound)
    assert rec.seconds == pytest.approx(6.0)
    moved = Paragraph(heard_at="2026-06-09T10:14:30.000")
    recs.line_up(rec, datetime(2026, 6, 9, 10, 14, 30), 4.0)  # heard 4 s into the file
    found = recs.locate(meeting, moved)
    assert found is not None and found[1] == pytest.approx(max(0.0, 4.0 - PREROLL))
    with pytest.raises(ServiceError, match="long"):
        recs.line_up(rec, datetime(2026, 6, 9, 10, 14, 30), 60.0)
    reopened = repo.for_meeting(store, meeting.id)[0]
    assert reopened.position_of(datetime(2026, 6, 9, 10, 14, 31)) == pytest.approx(5.0)


def test_exports_and_the_review_file_hold_no_sound(
    tmp_path: Path, svc: Services, store: Store, meeting: Meeting
) -> None:
    import zipfile

    from clerk_app.domain.document import Version

    source = FileSource(write_wav(tmp_path / "in.wav", 2.0, loud_between(0, 0)))
    recs = Recordings(store, tmp_path / "recordings")
    recs.start(meeting, source, meeting.items[0])
    svc.add_block(meeting, meeting.items[0].id, Paragraph(text="Heard.", heard_at=now_stamp()))
    time.sleep(0.3)
    recs.stop()
    outputs = [
        svc.export(meeting, tmp_path / f"{v.value}.docx", v)
        for v in (Version.PUBLIC, Version.FULL, Version.DECISIONS)
    ]
    outputs.append(svc.export(meeting, tmp_path / "m.json", fmt="json"))
    outputs.append(svc.export_review_file(meeting, tmp_path / "review.clerkreview"))
    for out in outputs:
        data = out.read_bytes()
        assert b"WAVE" not in data and b"OggS" not in data, out.name
        if zipfile.is_zipfile(out):
            with zipfile.ZipFile(out) as z:
                for name in z.namelist():
                    assert not name.lower().endswith((".wav", ".mp3", ".ogg", ".flac"))
                    assert b"WAVE" not in z.read(name)
