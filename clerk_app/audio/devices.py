"""Where sound comes from and goes to: the microphone and the speakers, or a file.

A :class:`SoundSource` delivers 16-bit mono little-endian samples to a callback from its
own thread until it is stopped; a :class:`SoundSink` pulls samples from a callback. The
microphone and speakers are opened with miniaudio, imported only inside these classes'
``start``; tests feed the recorder from a file with :class:`FileSource` (a live signal:
what it delivers depends on the time, as a microphone's does) and play into a
:class:`MemorySink`.
"""

from __future__ import annotations

import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from clerk_app.audio.wavfile import RATE

Frames = Callable[[bytes], None]
Pull = Callable[[int], bytes]


class SoundSource(Protocol):
    rate: int

    def start(self, deliver: Frames) -> None: ...

    def stop(self) -> None: ...


class SoundSink(Protocol):
    rate: int

    def start(self, pull: Pull) -> None: ...

    def stop(self) -> None: ...


class NoSoundDevice(RuntimeError):
    """The computer has no microphone or speakers Clerk can open."""


def input_devices() -> list[tuple[str, Any]]:
    """(name, device id) of each microphone or other input."""
    import miniaudio

    try:
        return [(d["name"], d["id"]) for d in miniaudio.Devices().get_captures()]
    except miniaudio.MiniaudioError as exc:  # no sound system at all
        raise NoSoundDevice(str(exc)) from exc


class _Device:
    """A miniaudio device at 16 kHz mono, fed or drained by a generator."""

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self._device: Any = None

    def _open(self, make: Callable[[Any], Any], gen: Any) -> None:
        """``make(miniaudio)`` makes the device; ``gen`` is primed and started on it."""
        import miniaudio

        try:
            device = make(miniaudio)
            next(gen)
            device.start(gen)
        except miniaudio.MiniaudioError as exc:
            raise NoSoundDevice(str(exc)) from exc
        self._device = device

    def stop(self) -> None:
        if self._device is not None:
            self._device.close()
            self._device = None


class Microphone(_Device):
    """The computer's microphone (or the input ``device_id``), 16 kHz mono."""

    def __init__(self, device_id: Any = None, rate: int = RATE) -> None:
        super().__init__(rate)
        self.device_id = device_id

    def start(self, deliver: Frames) -> None:
        def capture() -> Any:
            while True:
                data = yield
                deliver(bytes(data))

        self._open(
            lambda ma: ma.CaptureDevice(
                input_format=ma.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=self.rate,
                buffersize_msec=100,
                device_id=self.device_id,
                app_name="Clerk",
            ),
            capture(),
        )


class Speakers(_Device):
    """The computer's speakers or headphones, 16 kHz mono."""

    def start(self, pull: Pull) -> None:
        def play() -> Any:
            wanted = yield b""
            while True:
                wanted = yield pull(wanted)

        self._open(
            lambda ma: ma.PlaybackDevice(
                output_format=ma.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=self.rate,
                buffersize_msec=100,
                app_name="Clerk",
            ),
            play(),
        )


class FileSource:
    """A 16-bit mono WAV file heard as a live signal from the moment it is made: started
    ``t`` seconds later, it delivers from ``t`` seconds into the file, in real time."""

    CHUNK = 0.02

    def __init__(self, path: Path) -> None:
        with wave.open(str(path), "rb") as w:
            if w.getnchannels() != 1 or w.getsampwidth() != 2:
                raise ValueError("FileSource wants 16-bit mono sound")
            self.rate = w.getframerate()
            self._data = w.readframes(w.getnframes())
        self._born = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, deliver: Frames) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(deliver,), daemon=True)
        self._thread.start()

    def _run(self, deliver: Frames) -> None:
        sent = int((time.monotonic() - self._born) * self.rate)
        while not self._stop.wait(self.CHUNK):
            upto = int((time.monotonic() - self._born) * self.rate)
            if sent >= len(self._data) // 2:
                return
            deliver(self._data[sent * 2 : upto * 2])
            sent = upto

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None


class MemorySink:
    """Keeps what would have been played; ``pump(seconds)`` pulls like a sound card."""

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self.played = bytearray()
        self._pull: Pull | None = None

    def start(self, pull: Pull) -> None:
        self._pull = pull

    def stop(self) -> None:
        self._pull = None

    def pump(self, seconds: float) -> bytes:
        if self._pull is None:
            return b""
        data = self._pull(int(seconds * self.rate))
        self.played.extend(data)
        return data
