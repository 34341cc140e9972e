"""Python's cycle collector paused while Clerk starts.

Starting the window makes some hundreds of thousands of objects (modules, classes,
functions, the widgets' Python side) and next to no garbage, yet the cycle collector
would walk over them about ninety times on the way: some ten milliseconds of every start.
:func:`pause` is called at the process's entry; :func:`resume` once the window is up (or
as soon as the command is known not to open one). Resuming also sets aside everything
made so far (``gc.freeze``), so the collections that run while the clerk types do not
walk over the application's own start-up objects again and again.

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
    """Set aside what start-up made and run the collector again, if :func:`pause` paused
    it; whether it did."""
    global _paused
    if not _paused:
        return False
    _paused = False
    gc.freeze()
    gc.enable()
    return True


def paused() -> bool:
    return _paused
