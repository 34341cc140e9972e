"""A recorder killed mid-recording (SIGKILL: no chance to tidy up) leaves a playable file
missing at most a couple of seconds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk_app.audio import wavfile
from tests.audio.sounds import loud_between, write_wav

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this system")
def test_a_killed_recording_plays_up_to_a_second_or_two_before_the_kill(tmp_path: Path) -> None:
    source = write_wav(tmp_path / "in.wav", 30.0, loud_between(0, 0))
    target = tmp_path / "recordings" / "meeting.wav"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.audio.kill_child", str(source), str(target)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"recording"
        started = time.monotonic()
        time.sleep(3.0)
        child.send_signal(signal.SIGKILL)
        recorded = time.monotonic() - started
    finally:
        child.wait(10)
    # as left, before Clerk mends anything: the header says how much it holds
    rate, seconds = wavfile.info(target)
    assert rate == 16000
    assert recorded - 2.0 <= seconds <= recorded + 0.2
    _rate, pcm = wavfile.read_pcm(target)
    assert len(pcm) == round(seconds * rate) * 2  # every sample it claims is there
    # mended at the next start: all that reached the disk
    assert recorded - 0.5 <= wavfile.repair(target) <= recorded + 0.2
    try:
        import miniaudio
    except ImportError:
        return
    info = miniaudio.get_file_info(str(target))  # a real player's decoder reads it too
    assert info.duration == pytest.approx(wavfile.info(target)[1], abs=0.01)
