"""Recording: sound from a source written to a file as it arrives, never held in memory.

The source's thread only queues what it hears; a writing thread appends it to the file
and, about once a second, brings the file's header up to date and forces it to the disk,
so a crash or a flat battery loses at most a second or two. Pausing closes the
microphone; the file holds no sound of the time it was paused.
"""

from __future__ import annotations

import array
import copy
import queue
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from clerk_app.audio.devices import SoundSource
from clerk_app.audio.wavfile import UlawWriter
from clerk_app.domain.recording import Segment

SYNC_EVERY = 1.0  # seconds between forcing the file to the disk

Clock = Callable[[], datetime]


class Recorder:
    """Records ``source`` into ``path`` (appending if the file exists)."""

    def __init__(self, source: SoundSource, path: Path, clock: Clock = datetime.now) -> None:
        self.source = source
        self.path = path
        self._clock = clock
        self._queue: queue.Queue[tuple[datetime, bytes] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._segments: list[Segment] = []
        self._anchor_pending = False
        self._writer: UlawWriter | None = None
        self._thread: threading.Thread | None = None
        self.level = 0.0  # loudness of the latest sound, 0–1 (for the level meter)
        self.error: BaseException | None = None  # a failure of the writing thread
        self.paused = False

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def seconds(self) -> float:
        writer = self._writer
        return writer.seconds if writer is not None else 0.0

    @property
    def segments(self) -> list[Segment]:
        with self._lock:
            return copy.deepcopy(self._segments)

    # ------------------------------------------------------------------ control
    def start(self) -> None:
        self._writer = UlawWriter(self.path, self.source.rate)
        self._thread = threading.Thread(target=self._write_loop, name="clerk-recorder", daemon=True)
        self._thread.start()
        self._open_segment()
        self.source.start(self._heard)

    def pause(self) -> None:
        if self.paused or not self.running:
            return
        self.paused = True
        self.source.stop()
        self._queue.join()  # all that was heard before the pause is in the file
        with self._lock:
            if self._segments and self._segments[-1].end is None:
                seg = self._segments[-1]
                seg.end = seg.wall + timedelta(seconds=max(0.0, self.seconds - seg.pos))
        self.level = 0.0

    def resume(self) -> None:
        if not self.paused or not self.running:
            return
        self.paused = False
        self._open_segment()
        self.source.start(self._heard)

    def stop(self) -> None:
        if not self.running:
            return
        self.pause()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join()
        self._thread = None
        if self._writer is not None:
            self._writer.close()

    # ------------------------------------------------------------------ threads
    def _open_segment(self) -> None:
        with self._lock:
            self._segments.append(Segment(wall=self._clock(), pos=self.seconds))
            self._anchor_pending = True

    def _heard(self, data: bytes) -> None:
        """From the source's thread: queue the sound with the moment it arrived."""
        if data:
            self._queue.put((self._clock(), data))

    def _write_loop(self) -> None:
        writer = self._writer
        assert writer is not None
        last_sync = time.monotonic()
        while True:
            try:
                got = self._queue.get(timeout=0.25)
            except queue.Empty:
                got = (self._clock(), b"")  # nothing heard: still sync on time
                queued = False
            else:
                queued = True
            if got is None:
                self._queue.task_done()
                return
            heard, data = got
            try:
                if data:
                    with self._lock:
                        if self._anchor_pending and self._segments:
                            # the first sound after a start: when it began to be heard
                            seg = self._segments[-1]
                            seg.wall = heard - timedelta(seconds=len(data) / 2 / writer.rate)
                            seg.pos = writer.seconds
                            self._anchor_pending = False
                    writer.write(data)
                    self.level = _peak(data)
                if time.monotonic() - last_sync >= SYNC_EVERY:
                    writer.sync()
                    last_sync = time.monotonic()
            except OSError as exc:  # disk full, folder gone: say so, keep listening
                self.error = exc
            finally:
                if queued:
                    self._queue.task_done()


def _peak(data: bytes) -> float:
    samples = array.array("h")
    samples.frombytes(data[: len(data) // 2 * 2])
    if not samples:
        return 0.0
    return min(1.0, max(max(samples), -min(samples)) / 32768)
