"""Saving a meeting's Part 1 sound: the Part 2 stretches are cut out. The tests' sound has
a distinct tone in each Part 2 stretch, and the saved file must not hold it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clerk_app.audio import wavfile
from clerk_app.domain.model import ItemStatus, Paragraph
from clerk_app.domain.recording import (
    Pause,
    PauseReason,
    Recording,
    RecordingState,
    Segment,
    now_stamp,
    part2_stretches,
)
from clerk_app.services.errors import ServiceError
from clerk_app.services.recording import Recordings
from clerk_app.storage import recordings as repo
from tests.audio.sounds import tone_level, tones, write_wav

if TYPE_CHECKING:
    from clerk_app.domain.model import Meeting
    from clerk_app.services import Services
    from clerk_app.storage import Store

pytest_plugins = ["tests.services.conftest"]

PUBLIC, SECRET = 300.0, 1000.0  # Hz: the Part 1 talk and the Part 2 talk


def _at(seconds: float) -> datetime:
    return datetime(2026, 6, 9, 10, 0) + timedelta(seconds=seconds)


def _three_items(svc: Services, meeting: Meeting, marks: tuple[float, float, float]) -> Meeting:
    """Item 1 public, item 2 Part 2, item 3 public again; one block begun at each mark."""
    svc.add_item(meeting, "Hackney carriage fares")
    meeting = svc.get_meeting(meeting.id)
    items = [meeting.items[i] for i in _ours(meeting)]
    items[1].part = 2
    svc.update_item(meeting, items[1])
    for item, mark in zip(items, marks, strict=True):
        svc.add_block(meeting, item.id, Paragraph(text="Heard.", heard_at=now_stamp(_at(mark))))
    return svc.get_meeting(meeting.id)


def _ours(meeting: Meeting) -> list[int]:
    titles = ("Taxi licensing policy", "Review of a driver's licence", "Hackney")
    return [i for i, item in enumerate(meeting.items) if item.title.startswith(titles)]


def _levels(path: Path) -> tuple[float, list[float], list[float]]:
    rate, pcm = wavfile.read_pcm(path)
    assert rate == wavfile.RATE
    return len(pcm) / 2 / rate, tone_level(pcm, rate, PUBLIC), tone_level(pcm, rate, SECRET)


def test_an_attached_recording_loses_its_part_2_stretch(
    tmp_path: Path, svc: Services, store: Store, meeting: Meeting
) -> None:
    sound = write_wav(
        tmp_path / "dictaphone.wav",
        12.0,
        tones([(0, 4, PUBLIC), (4, 8, SECRET), (8, 12, PUBLIC)]),
    )
    meeting = _three_items(svc, meeting, (0.5, 4.0, 8.0))
    recs = Recordings(store, tmp_path / "recordings")
    recs.attach(meeting, sound)  # lined up with the start, 10:00
    out = tmp_path / "part1.wav"
    seconds = recs.export_part1(meeting, out)
    length, public, secret = _levels(out)
    assert seconds == pytest.approx(8.0, abs=0.01) and length == pytest.approx(8.0, abs=0.01)
    assert max(secret) < 0.02  # not a trace of the Part 2 tone
    assert min(public) > 0.4  # all of the public talk is there
    assert wavfile._layout(out)[1] == wavfile.ULAW  # Clerk's own format


def test_clerks_own_recording_loses_part_2_heard_before_the_pause(
    tmp_path: Path, svc: Services, store: Store, meeting: Meeting
) -> None:
    """The clerk moved to the Part 2 item two seconds late, so the recording paused late:
    those two seconds are cut by the Part 2 item's bookmark."""
    folder = tmp_path / "recordings"
    pcm_file = write_wav(
        tmp_path / "heard.wav", 10.0, tones([(0, 4, PUBLIC), (4, 6, SECRET), (6, 10, PUBLIC)])
    )
    writer = wavfile.UlawWriter(folder / "own.wav")
    writer.write(wavfile.read_pcm(pcm_file)[1])
    writer.close()
    meeting = _three_items(svc, meeting, (1.0, 4.0, 20.0))
    rec = Recording(
        meeting_id=meeting.id,
        file="own.wav",
        segments=[Segment(_at(0), 0.0, _at(6)), Segment(_at(20), 6.0, _at(24))],
        pauses=[Pause(_at(6), PauseReason.PART_2, _at(20))],
        seconds=10.0,
        state=RecordingState.KEPT,
        id="own",
    )
    repo.save(store, rec)
    recs = Recordings(store, folder)
    out = tmp_path / "exports" / "part1.wav"
    recs.export_part1(meeting, out)
    length, public, secret = _levels(out)
    assert length == pytest.approx(8.0, abs=0.01)
    assert max(secret) < 0.02
    assert min(public) > 0.4
    assert not list(out.parent.glob(".*.part"))  # no temporary file left


def test_a_part_2_item_without_bookmarks_is_cut_between_its_neighbours(
    svc: Services, meeting: Meeting
) -> None:
    meeting = _three_items(svc, meeting, (1.0, 4.0, 8.0))
    meeting.items[_ours(meeting)[1]].blocks.clear()
    assert part2_stretches(meeting) == [(_at(1.0), _at(8.0))]
    meeting.items[_ours(meeting)[2]].blocks.clear()  # the meeting has not reached it yet
    assert part2_stretches(meeting) == []
    meeting.items[_ours(meeting)[1]].status = ItemStatus.TAKEN  # but it was taken
    assert part2_stretches(meeting) == [(_at(1.0), None)]


def test_nothing_to_save_says_so(tmp_path: Path, store: Store, meeting: Meeting) -> None:
    with pytest.raises(ServiceError, match="no Part 1 sound"):
        Recordings(store, tmp_path / "recordings").export_part1(meeting, tmp_path / "x.wav")
    assert not (tmp_path / "x.wav").exists()


def test_the_command_line_saves_the_part_1_sound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date, time

    from clerk_app.cli import main
    from clerk_app.domain.model import BodyKind
    from clerk_app.paths import database_path
    from clerk_app.services import Services
    from clerk_app.storage import Store

    data = tmp_path / "data"
    store = Store.open(database_path(data), backups=False)
    svc = Services(store)
    body = svc.create_body("Licensing Committee", BodyKind.COMMITTEE)
    meeting = svc.create_meeting(
        body.id,
        date(2026, 6, 9),
        start_time=time(10, 0),
        agenda=["Taxi licensing policy", "Part 2: Review of a driver's licence"],
    )
    meeting = _three_items(svc, meeting, (0.5, 4.0, 8.0))
    sound = write_wav(
        tmp_path / "webcast.wav", 12.0, tones([(0, 4, PUBLIC), (4, 8, SECRET), (8, 12, PUBLIC)])
    )
    Recordings(store).attach(meeting, sound)
    store.close()
    out = tmp_path / "sound.wav"
    assert main(["--data-dir", str(data), "sound", meeting.id[:8], "-o", str(out)]) == 0
    assert "0:00:08 of Part 1 sound" in capsys.readouterr().out
    length, _public, secret = _levels(out)
    assert length == pytest.approx(8.0, abs=0.01) and max(secret) < 0.02
    assert main(["--data-dir", str(data), "sound", "nosuch", "-o", str(out)]) == 1
    assert "No meeting has the id" in capsys.readouterr().err
