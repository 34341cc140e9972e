"""PySide6's check on every import, made cheap.

Once PySide6 is loaded, every module imported afterwards passes through its ``__feature__``
hook (the machinery behind ``from __feature__ import snake_case``), which decides whether
the module uses PySide6 by reading the module's whole source file from disk
(``inspect.getsource``) and looking for the word. At start-up that is over a hundred
source files read and kept in memory for nothing: Clerk never selects a feature, so the
answer only decides a default that is the same either way.

:func:`cheap_feature_check` answers the same question from what the module holds once it
has run (a PySide6 module, class or function among its names), with no file read. It
leaves PySide6 as it is when its hook is not the one this was written for.
"""

from __future__ import annotations

import sys
from types import ModuleType

_PREFIXES = ("PySide6", "shiboken6")


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module has a PySide6 module, class or function among its names."""
    try:
        values = list(vars(module).values())
    except TypeError:
        return False
    for value in values:
        name: object
        if isinstance(value, ModuleType):
            name = value.__name__
        else:
            try:
                name = getattr(value, "__module__", None)
            except Exception:  # an object whose attributes cannot be read
                continue
        if isinstance(name, str) and name.startswith(_PREFIXES):
            return True
    return False


def cheap_feature_check() -> bool:
    """Replace PySide6's source-reading check with :func:`uses_pyside`; whether it did."""
    feature = sys.modules.get("shibokensupport.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(current):
        return False
    if current is uses_pyside:
        return True
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
