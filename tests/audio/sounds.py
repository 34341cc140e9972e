"""Generated sound for the recording tests: no microphone is needed."""

from __future__ import annotations

import array
import math
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 16000


def write_wav(path: Path, seconds: float, sample: Callable[[float], float]) -> Path:
    """A 16-bit mono WAV of ``sample(t)`` (−1…1) for ``seconds``."""
    out = array.array("h", (int(32767 * sample(i / RATE)) for i in range(int(seconds * RATE))))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(out.tobytes())
    return path


def clicks(times: list[float], quiet: float = 0.01) -> Callable[[float], float]:
    """A quiet hum with a loud 20 ms burst at each of ``times``."""

    def sample(t: float) -> float:
        if any(0 <= t - c < 0.02 for c in times):
            return 0.8 * math.sin(2 * math.pi * 1000 * t)
        return quiet * math.sin(2 * math.pi * 200 * t)

    return sample


def loud_between(start: float, end: float) -> Callable[[float], float]:
    """Talk at 0.1 outside [start, end), at 0.6 inside (the Part 2 business)."""

    def sample(t: float) -> float:
        level = 0.6 if start <= t < end else 0.1
        return level * math.sin(2 * math.pi * 300 * t)

    return sample


def samples(pcm: bytes) -> array.array[int]:
    out = array.array("h")
    out.frombytes(pcm)
    return out


def first_loud(pcm: bytes, rate: int, after: float, threshold: int = 12000) -> float | None:
    """Seconds of the first sample louder than ``threshold`` from ``after`` seconds."""
    data = samples(pcm)
    for i in range(int(after * rate), len(data)):
        if abs(data[i]) > threshold:
            return i / rate
    return None


def tones(stretches: list[tuple[float, float, float]]) -> Callable[[float], float]:
    """A tone of ``freq`` Hz from ``start`` to ``end`` s for each (start, end, freq)."""

    def sample(t: float) -> float:
        for start, end, freq in stretches:
            if start <= t < end:
                return 0.5 * math.sin(2 * math.pi * freq * t)
        return 0.0

    return sample


def tone_level(pcm: bytes, rate: int, freq: float, window: float = 0.1) -> list[float]:
    """How strongly ``freq`` sounds in each ``window`` of the samples (Goertzel: about 0.5
    for a tone of amplitude 0.5, near 0 when it is absent)."""
    data = samples(pcm)
    size = int(window * rate)
    coeff = 2 * math.cos(2 * math.pi * freq / rate)
    out = []
    for first in range(0, len(data) - size + 1, size):
        s1 = s2 = 0.0
        for x in data[first : first + size]:
            s1, s2 = x / 32768 + coeff * s1 - s2, s1
        power = s1 * s1 + s2 * s2 - coeff * s1 * s2
        out.append(2 * math.sqrt(max(0.0, power)) / size)
    return out
