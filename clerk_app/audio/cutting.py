"""Stretches of recordings joined into one WAV file (Clerk's own format: 16 kHz mono μ-law).

The sound is copied a few seconds at a time, so a three-hour meeting is never held in
memory, and written under a temporary name that is renamed when it is complete: a failed
export never leaves a half-written file where the clerk looks for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from clerk_app.audio import wavfile

CHUNK = 10.0  # seconds copied at a time

Piece = tuple[Path, float, float]  # a file, and the seconds from … to … of it


def _own(path: Path) -> bool:
    """A WAV file Clerk reads itself (mono, 16-bit or μ-law, at Clerk's rate)."""
    try:
        return path.suffix.lower() == ".wav" and wavfile.info(path)[0] == wavfile.RATE
    except (ValueError, OSError):
        return False


def _read(path: Path, start: float, end: float) -> Iterator[bytes]:
    """16-bit samples at Clerk's rate of ``path`` from ``start`` to ``end`` seconds."""
    if _own(path):
        at = start
        while at < end:
            seconds = min(CHUNK, end - at)
            _rate, data = wavfile.read_pcm(path, at, seconds)
            if not data:
                return
            yield data
            at += seconds
        return
    import miniaudio  # another recorder's file: MP3, FLAC, Ogg or a WAV of another kind

    wanted = int((end - start) * wavfile.RATE) * 2
    stream = miniaudio.stream_file(
        str(path),
        output_format=miniaudio.SampleFormat.SIGNED16,
        nchannels=1,
        sample_rate=wavfile.RATE,
        frames_to_read=int(wavfile.RATE * CHUNK),
        seek_frame=int(start * wavfile.RATE),
    )
    for frames in stream:
        data = bytes(frames)[:wanted]
        wanted -= len(data)
        yield data
        if wanted <= 0:
            return


def join(pieces: Sequence[Piece], out: Path) -> float:
    """Write the ``pieces`` one after the other into ``out``; the seconds written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(f".{out.name}.part")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()  # left by an export that was stopped
    writer = wavfile.UlawWriter(temp, wavfile.RATE)
    try:
        for path, start, end in pieces:
            for data in _read(path, start, end):
                writer.write(data)
        writer.close()
        os.replace(temp, out)
    except BaseException:
        writer.close()
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return writer.seconds
