"""Python's cycle collector paused while Clerk starts.

Starting the window makes some hundreds of thousands of objects (modules, classes,
functions, the widgets' Python side) and next to no garbage, yet the cycle collector
would walk over them about ninety times on the way: some ten milliseconds of every start.
:func:`pause` is called at the process's entry; :func:`resume` once the window is up (or
as soon as the command is known not to open one). Resuming moves everything made so far
into the oldest generation (``gc.freeze`` then ``gc.unfreeze``), so the frequent young
collections that run while the clerk types do not walk over the application's start-up
objects, and the rare full ones still free whatever of them becomes garbage (the first
meeting's screen when another is opened).

Reference counting is untouched: objects are still freed the moment they are no longer
used; only reference cycles wait, and only until the window is up.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> bool:
    """Pause the cycle collector (if it runs); whether this paused it."""
    global _paused
    if _paused or not gc.isenabled():
        return False
    gc.disable()
    _paused = True
    return True


def resume() -> bool:
    """Move what start-up made to the oldest generation and run the collector again, if
    :func:`pause` paused it; whether it did."""
    global _paused
    if not _paused:
        return False
    _paused = False
    gc.freeze()  # every object now in a generation, set aside …
    gc.unfreeze()  # … and back, all in the oldest
    gc.enable()
    return True


def paused() -> bool:
    return _paused
