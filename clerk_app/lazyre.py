"""Regular expressions compiled the first time they are used, not when their module is
imported.

Compiling a pattern costs from a few tens of microseconds to a millisecond; most of the
module-level patterns Clerk has (parsing typed times and dates, reading backups' names,
Welsh mutations …) are not used while the window opens, and compiling them all there
cost about three milliseconds of every start. ``compiled(source, flags)`` stands for
``re.compile(source, flags)`` at module level: the same pattern, the same methods.
"""

from __future__ import annotations

import re
import threading
from typing import Any, cast

_lock = threading.Lock()


class LazyPattern:
    """A compiled pattern made on first use; its methods and attributes are the
    pattern's."""

    __slots__ = ("_flags", "_pattern", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._pattern: re.Pattern[str] | None = None

    def _compiled(self) -> re.Pattern[str]:
        pattern = self._pattern
        if pattern is None:
            with _lock:
                pattern = self._pattern
                if pattern is None:
                    pattern = self._pattern = re.compile(self._source, self._flags)
        return pattern

    def match(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self._compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self._compiled().fullmatch(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        return self._compiled().search(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self._compiled().sub(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # finditer, split, groups, pattern …
        return getattr(self._compiled(), name)

    def __repr__(self) -> str:
        return f"compiled({self._source!r}, {self._flags!r})"


def compiled(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", LazyPattern(source, int(flags)))
