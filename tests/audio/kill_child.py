"""Child process of the kill test: records a live file source until it is killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from clerk_app.audio.devices import FileSource
from clerk_app.audio.recorder import Recorder


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    recorder = Recorder(FileSource(source), target)
    recorder.start()
    print("recording", flush=True)
    time.sleep(60)  # killed long before


if __name__ == "__main__":
    main()
