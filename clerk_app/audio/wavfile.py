"""Recordings as WAV files written a little at a time, playable even if Clerk is killed.

Clerk records mono speech at 16 kHz as 8-bit G.711 μ-law (WAV format 7): 16,000 bytes a
second, about 58 MB an hour, half the size of plain 16-bit sound and decoded by every
player. The header's sizes are brought up to date every second, so a file whose writer
was killed plays up to that point at least; :func:`repair` puts the sizes right from the
file's length when the recording is next opened.
"""

from __future__ import annotations

import array
import os
import struct
import sys
from pathlib import Path
from typing import BinaryIO

RATE = 16000  # samples a second: plenty for speech
HEADER = 58  # RIFF + fmt (18 bytes) + fact + data headers
ULAW = 7
PCM = 1
BYTES_PER_HOUR = RATE * 3600  # one byte a sample


def _ulaw_encode(sample: int) -> int:
    """G.711 μ-law of a signed 16-bit sample."""
    bias, clip = 0x84, 32635
    sign = 0x80 if sample < 0 else 0
    if sample < 0:
        sample = -sample
    sample = min(sample, clip) + bias
    exponent = 7
    mask = 0x4000
    while exponent > 0 and not sample & mask:
        exponent -= 1
        mask >>= 1
    mantissa = (sample >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def _ulaw_decode(byte: int) -> int:
    byte = ~byte & 0xFF
    sign, exponent, mantissa = byte & 0x80, (byte >> 4) & 0x07, byte & 0x0F
    sample = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return -sample if sign else sample


# index: the sample as an unsigned 16-bit number
_ENCODE = bytes(_ulaw_encode(u - 65536 if u >= 32768 else u) for u in range(65536))
_DECODE = array.array("h", (_ulaw_decode(b) for b in range(256)))


def encode(pcm16: bytes) -> bytes:
    """μ-law bytes of little-endian signed 16-bit samples."""
    samples = array.array("H")
    samples.frombytes(pcm16[: len(pcm16) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return bytes(map(_ENCODE.__getitem__, samples))


def decode(ulaw: bytes) -> bytes:
    """Little-endian signed 16-bit samples of μ-law bytes."""
    out = array.array("h", map(_DECODE.__getitem__, ulaw))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def _header(data_size: int, rate: int = RATE) -> bytes:
    return (
        b"RIFF"
        + struct.pack("<I", HEADER - 8 + data_size)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHHH", 18, ULAW, 1, rate, rate, 1, 8, 0)
        + b"fact"
        + struct.pack("<II", 4, data_size)
        + b"data"
        + struct.pack("<I", data_size)
    )


class UlawWriter:
    """Appends sound to a μ-law WAV file, keeping the header right as it goes.

    ``sync()`` brings the header up to date and forces the file to the disk; the
    recorder calls it about once a second from its writing thread.
    """

    def __init__(self, path: Path, rate: int = RATE) -> None:
        self.path = path
        self.rate = rate
        path.parent.mkdir(parents=True, exist_ok=True)
        exists = path.exists() and path.stat().st_size >= HEADER
        if exists:
            repair(path)
        self._f: BinaryIO = open(path, "r+b" if exists else "w+b")  # noqa: SIM115
        if not exists:
            self._f.write(_header(0, rate))
        self._f.seek(0, os.SEEK_END)
        self.data_size = self._f.tell() - HEADER

    @property
    def seconds(self) -> float:
        return self.data_size / self.rate

    def write(self, pcm16: bytes) -> None:
        data = encode(pcm16)
        self._f.write(data)
        self.data_size += len(data)

    def sync(self) -> None:
        f = self._f
        f.seek(0)
        f.write(_header(self.data_size, self.rate))
        f.seek(0, os.SEEK_END)
        f.flush()
        os.fsync(f.fileno())

    def close(self) -> None:
        if not self._f.closed:
            self.sync()
            self._f.close()


def repair(path: Path) -> float:
    """Put a Clerk recording's header sizes right from its length; its length in seconds.

    A recording whose writer was killed has sound after the sizes in its header."""
    with open(path, "r+b") as f:
        head = f.read(HEADER)
        if len(head) < HEADER or head[:4] != b"RIFF" or head[50:54] != b"data":
            return info(path)[1]
        rate = struct.unpack("<I", head[24:28])[0]
        f.seek(0, os.SEEK_END)
        size = f.tell() - HEADER
        if struct.unpack("<I", head[54:58])[0] != size:
            f.seek(0)
            f.write(_header(size, rate))
            f.flush()
            os.fsync(f.fileno())
    return size / rate


def info(path: Path) -> tuple[int, float]:
    """(sample rate, seconds) of a Clerk WAV file, from its header."""
    rate, fmt, _offset, size = _layout(path)
    return rate, size / rate / (2 if fmt == PCM else 1)


def _layout(path: Path) -> tuple[int, int, int, int]:
    """(rate, format, offset of the sound, size of the sound) of a mono WAV file."""
    with open(path, "rb") as f:
        if f.read(4) != b"RIFF":
            raise ValueError(f"{path.name} is not a WAV file")
        f.read(4)
        if f.read(4) != b"WAVE":
            raise ValueError(f"{path.name} is not a WAV file")
        rate = fmt = 0
        while True:
            head = f.read(8)
            if len(head) < 8:
                raise ValueError(f"{path.name} has no sound in it")
            name, size = head[:4], struct.unpack("<I", head[4:])[0]
            if name == b"fmt ":
                body = f.read(size)
                fmt, channels, rate = struct.unpack("<HHI", body[:8])
                if channels != 1 or fmt not in (PCM, ULAW):
                    raise ValueError(f"{path.name} is not mono μ-law or 16-bit sound")
            elif name == b"data":
                offset = f.tell()
                end = f.seek(0, os.SEEK_END)
                return rate, fmt, offset, min(size, end - offset) if size else end - offset
            else:
                f.seek(size + (size & 1), os.SEEK_CUR)


def read_pcm(path: Path, start: float = 0.0, seconds: float | None = None) -> tuple[int, bytes]:
    """(rate, 16-bit samples) of ``seconds`` of a mono WAV file from ``start``."""
    rate, fmt, offset, size = _layout(path)
    width = 2 if fmt == PCM else 1
    first = max(0, int(start * rate)) * width
    count = size - first if seconds is None else int(seconds * rate) * width
    with open(path, "rb") as f:
        f.seek(offset + first)
        data = f.read(max(0, min(count, size - first)))
    return rate, data if fmt == PCM else decode(data)
