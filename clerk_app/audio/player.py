"""The small player: play a recording from a moment, pause, skip 5 s, play faster.

It pulls sound as the sink needs it, a little at a time, so a three-hour recording is
never read into memory. Clerk's own WAV files are read directly; other files (a
dictaphone's MP3, a webcast's Ogg or FLAC) are decoded by miniaudio. Faster playback
takes every second sample or so (speech is higher but clear up to 2×).
"""

from __future__ import annotations

import array
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clerk_app.audio import wavfile
from clerk_app.audio.devices import SoundSink

SKIP = 5.0
SPEEDS = (1.0, 1.25, 1.5, 1.75, 2.0)


class _Reader:
    """Samples of a file from a position, at the sink's rate."""

    def __init__(self, path: Path, rate: int, start: float) -> None:
        self.path, self.rate = path, rate
        self.pos = max(0.0, start)  # seconds, of the next sample
        self._stream: Iterator[Any] | None = None
        self._buffer = b""
        self._own = path.suffix.lower() == ".wav" and _readable_wav(path)
        if self._own:
            self.length = wavfile.info(path)[1]
        else:
            import miniaudio

            self.length = miniaudio.get_file_info(str(path)).duration
            self._stream = miniaudio.stream_file(
                str(path),
                output_format=miniaudio.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=rate,
                frames_to_read=rate // 10,
                seek_frame=int(self.pos * rate),
            )

    def read(self, frames: int) -> bytes:
        if self._own:
            file_rate, data = wavfile.read_pcm(self.path, self.pos, frames / self.rate)
            if file_rate != self.rate:
                data = _resample(data, file_rate / self.rate, frames)
        else:
            while len(self._buffer) < frames * 2 and self._stream is not None:
                try:
                    self._buffer += bytes(next(self._stream))
                except StopIteration:
                    self._stream = None
            data, self._buffer = self._buffer[: frames * 2], self._buffer[frames * 2 :]
        self.pos += len(data) / 2 / self.rate
        return data


def _readable_wav(path: Path) -> bool:
    try:
        wavfile.info(path)
    except (ValueError, OSError):
        return False
    return True


def _resample(pcm: bytes, step: float, frames: int) -> bytes:
    """``frames`` samples taken every ``step`` samples of ``pcm`` (nearest sample)."""
    src = array.array("h")
    src.frombytes(pcm)
    if not src:
        return b""
    last = len(src) - 1
    out = array.array("h", (src[min(last, int(i * step))] for i in range(frames)))
    return out.tobytes()


class Player:
    """Plays one file into ``sink``; every method may be called from the window's thread
    while the sink pulls from its own."""

    def __init__(self, sink: SoundSink) -> None:
        self.sink = sink
        self.path: Path | None = None
        self.speed = 1.0
        self.playing = False
        self._reader: _Reader | None = None
        self._lock = threading.Lock()
        self._started = False

    @property
    def position(self) -> float:
        reader = self._reader
        return reader.pos if reader is not None else 0.0

    @property
    def length(self) -> float:
        reader = self._reader
        return reader.length if reader is not None else 0.0

    def play(self, path: Path, at: float) -> None:
        """Play ``path`` from ``at`` seconds."""
        with self._lock:
            self.path = path
            self._reader = _Reader(path, self.sink.rate, at)
            self.playing = True
        if not self._started:
            self.sink.start(self._pull)
            self._started = True

    def toggle(self) -> None:
        with self._lock:
            self.playing = not self.playing and self._reader is not None

    def seek(self, delta: float) -> None:
        with self._lock:
            if self._reader is not None and self.path is not None:
                at = min(max(0.0, self._reader.pos + delta), self._reader.length)
                self._reader = _Reader(self.path, self.sink.rate, at)

    def set_speed(self, speed: float) -> None:
        with self._lock:
            self.speed = min(2.0, max(1.0, speed))

    def faster(self, step: int = 1) -> float:
        index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.speed))
        self.set_speed(SPEEDS[max(0, min(len(SPEEDS) - 1, index + step))])
        return self.speed

    def stop(self) -> None:
        with self._lock:
            self.playing = False
            self._reader = None
        if self._started:
            self.sink.stop()
            self._started = False

    def _pull(self, frames: int) -> bytes:
        with self._lock:
            reader = self._reader
            if not self.playing or reader is None:
                return b"\x00\x00" * frames
            if self.speed == 1.0:
                data = reader.read(frames)
            else:
                data = _resample(reader.read(int(frames * self.speed) + 1), self.speed, frames)
            if len(data) < frames * 2:
                self.playing = False  # the end of the recording
                data += b"\x00\x00" * (frames - len(data) // 2)
            return data
