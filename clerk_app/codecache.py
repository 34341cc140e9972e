"""Code Python compiles at every start, compiled once and kept between runs.

Every ``@dataclass`` writes the source of its ``__init__``, ``__repr__`` and ``__eq__`` and
compiles it when its module is imported: about a third of a millisecond a class, some
fifteen milliseconds of every start for Clerk's records. Python keeps the compiled form
of modules in ``__pycache__``; this does the same for those generated methods: the code
compiled for each generated source is kept, by its exact text, in one file in the user's
cache folder, and read back at the next start. Same source, same compiler, same code:
what runs is what dataclasses would have compiled itself.

The file names the Python it was made by; a file from another Python, a damaged or
unreadable file, or a cache folder that cannot be written is passed over (the methods
are compiled as usual). :func:`install` is called once, by the ``clerk-app`` entry point.

PySide6 does the same with the Python half of its support module (``shibokensupport``:
type signatures, argument errors, its import hook): it keeps the source inside its
library and compiles it each time it is imported, about fifteen milliseconds.
:func:`compiling_support_code` serves those sources compiled, from a cache file of their
own, while the window first imports PySide6; its ``.pyi`` writer and the enum lister it
uses, developer's tools no running program needs, are only run if something asks them
for a name (:data:`DEFERRED`).
"""

from __future__ import annotations
import __future__

import atexit
import binascii
import builtins
import contextlib
import dataclasses
import marshal
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any

from clerk_app.modulecache import cache_dir, read_headed, write_whole

FILE_NAME = f"dataclass-code.{sys.implementation.cache_tag}.bin"
# PySide6's support code, in a file of its own: the command line never reads it
SUPPORT_FILE_NAME = f"pyside-support.{sys.implementation.cache_tag}.bin"
# the exact interpreter: bytecode and marshal's format may change with any release
HEADER = f"Clerk code cache 2\n{sys.implementation.name} {sys.version}\n".encode()
MAX_ENTRIES = 4000  # beyond this, only what this run used is kept

# the file names PySide6's support code is compiled under
SUPPORT_FILES = ("signature_bootstrap.py", "shibokensupport/")
# support modules nothing uses while Clerk runs: compiled and run on first use
DEFERRED = frozenset(
    {
        "shibokensupport/signature/lib/pyi_generator.py",  # writes .pyi files
        "shibokensupport/signature/lib/enum_sig.py",  # lists enums for that writer
    }
)
SUPPORT_KEY = "\0support\0"  # starts the keys of support code: no generated source does
# the __future__ features compile() takes from its caller unless told not to
FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag


class CodeCache:
    """Compiled code by source text, read from and written to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, CodeType] = {}
        self.used: set[str] = set()
        self.added = 0
        self.served_support = False

    def load(self) -> bool:
        """Read the file; whether it held a usable cache (anything else is ignored). The
        payload's checksum is checked before it is read: marshal is not made to read
        damaged data, and a damaged file must never stop Clerk starting."""
        data = read_headed(self.path, HEADER)
        if data is None:
            return False
        stamp, newline, payload = data[len(HEADER) :].partition(b"\n")
        if not newline or stamp != _checksum(payload):
            return False
        try:
            codes = marshal.loads(payload)
        except Exception:  # damaged in a way the checksum missed: compile as usual
            return False
        if not isinstance(codes, dict) or not all(
            isinstance(k, str) and isinstance(v, CodeType) for k, v in codes.items()
        ):
            return False
        self.codes = codes
        return True

    def compiled(self, source: str) -> CodeType:
        """The code for ``source``, compiled now if it is not in the cache."""
        code = self.codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec")
            self.codes[source] = code
            self.added += 1
        self.used.add(source)
        return code

    def support_code(
        self, source: object, filename: object, mode: str, flags: int, optimize: int
    ) -> CodeType | None:
        """The code for one of PySide6's support sources, as ``compile(source, filename,
        mode, flags, True, optimize)`` makes it (compiled now if it is not in the cache);
        ``None`` for anything else, which the caller compiles itself."""
        if mode != "exec" or optimize != -1 or not isinstance(filename, str):
            return None
        if not filename.startswith(SUPPORT_FILES) or not isinstance(source, str | bytes):
            return None
        try:
            text = source if isinstance(source, str) else source.decode("utf-8")
        except UnicodeDecodeError:
            return None
        key = f"{SUPPORT_KEY}{filename}\0{flags}\0{text}"
        code = self.codes.get(key)
        if code is None:
            code = _compile(source, filename, "exec", flags, True)
            self.codes[key] = code
            self.added += 1
        self.used.add(key)
        self.served_support = True
        return code

    def exec(
        self,
        source: Any,
        globals: dict[str, Any] | None = None,
        locals: Any = None,
        /,
    ) -> None:
        """``exec`` as dataclasses calls it, with source text served from the cache."""
        if globals is None:  # exec's own default: the caller's names
            frame = sys._getframe(1)
            globals = frame.f_globals
            if locals is None:
                locals = frame.f_locals
        if isinstance(source, str):
            source = self.compiled(source)
        builtins.exec(source, globals, locals)

    def save(self) -> bool:
        """Write the cache if this run compiled anything new; whether it was written."""
        if not self.added:
            return False
        codes = self.codes
        if len(codes) > MAX_ENTRIES:
            codes = {k: v for k, v in codes.items() if k in self.used}
        elif self.served_support:  # a run that imported PySide6 used all of its code
            codes = {
                k: v for k, v in codes.items() if k in self.used or not k.startswith(SUPPORT_KEY)
            }
        try:
            payload = marshal.dumps(codes)
        except ValueError:
            return False
        if not write_whole(self.path, HEADER + _checksum(payload) + b"\n" + payload):
            return False
        self.added = 0
        return True


def _checksum(payload: bytes) -> bytes:
    return b"%08x" % binascii.crc32(payload)


_installed: CodeCache | None = None
_support: CodeCache | None = None  # PySide6's support code, once the window imports it


def install(folder: Path | None = None) -> CodeCache | None:
    """Serve dataclasses' generated methods from the cache in ``folder`` (the user's cache
    folder unless given) from now on, and write what is new when the process ends. Does
    nothing when the environment sets ``CLERK_NO_CODE_CACHE``, or when this Python's
    dataclasses does not compile its methods through ``exec``."""
    global _installed
    if _installed is not None:
        return _installed
    generates = hasattr(dataclasses, "_create_fn") or hasattr(dataclasses, "_FuncBuilder")
    if os.environ.get("CLERK_NO_CODE_CACHE") or not generates:
        return None
    try:
        where = folder if folder is not None else cache_dir()
    except (OSError, RuntimeError):  # no home folder
        return None
    cache = CodeCache(where / FILE_NAME)
    cache.load()
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    atexit.register(cache.save)
    _installed = cache
    return cache


_compile = builtins.compile
_deferred: dict[str, tuple[str | bytes, int]] = {}
_deferred_lock = threading.RLock()  # a deferred module may load another

# what a deferred module holds until something asks it for a name (PEP 562)
STUB = """
def __getattr__(name):
    from clerk_app.codecache import load_deferred
    return load_deferred(globals(), name, {filename!r})
"""


@contextlib.contextmanager
def compiling_support_code() -> Iterator[None]:
    """While PySide6 is first imported (in this block), serve the support code it compiles
    from the cache (its own file, beside the dataclasses'); nothing when no cache is
    installed or PySide6 is already imported. Every other ``compile`` call in the block
    is passed on exactly as made."""
    global _support
    if _installed is None or "shiboken6" in sys.modules or builtins.compile is not _compile:
        yield
        return
    if _support is None:
        _support = CodeCache(_installed.path.with_name(SUPPORT_FILE_NAME))
        _support.load()
        atexit.register(_support.save)
    compile_ = support_compile(_support)
    builtins.compile = compile_
    try:
        yield
    finally:
        if builtins.compile is compile_:
            builtins.compile = _compile


def support_compile(cache: CodeCache) -> Callable[..., Any]:
    """``compile``, serving PySide6's support code from ``cache`` and passing every other
    call on exactly as it was made (the caller's ``__future__`` features included)."""

    def compile_(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **options: Any,
    ) -> Any:
        if not dont_inherit:  # the caller's __future__ features, as compile takes them
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        if not options:
            code = cache.support_code(source, filename, mode, flags, optimize)
            if code is not None:
                return _deferring(cache, code, source, filename, flags)
        return _compile(source, filename, mode, flags, True, optimize, **options)

    return compile_


def _deferring(
    cache: CodeCache, code: CodeType, source: str | bytes, filename: str, flags: int
) -> CodeType:
    """``code``, or for a module in :data:`DEFERRED` the stub that runs it on first use."""
    if filename not in DEFERRED:
        return code
    stub = cache.support_code(STUB.format(filename=filename), filename, "exec", 0, -1)
    if stub is None:
        return code
    with _deferred_lock:
        _deferred[filename] = (source, flags)
    return stub


def load_deferred(namespace: dict[str, Any], name: str, filename: str) -> Any:
    """Run the deferred module ``filename`` in ``namespace`` (its module's) the first
    time one of its names is asked for; the name."""
    with _deferred_lock:
        pending = _deferred.pop(filename, None)
        if pending is not None:
            source, flags = pending
            cache = _support
            code = cache.support_code(source, filename, "exec", flags, -1) if cache else None
            if code is None:
                code = _compile(source, filename, "exec", flags, True)
            # the stub's __getattr__ stays while the module runs: another thread asking
            # it for a name meanwhile waits here for the whole module, not a part of it
            stub = namespace.get("__getattr__")
            exec(code, namespace)
            if namespace.get("__getattr__") is stub:
                del namespace["__getattr__"]
    try:
        return namespace[name]
    except KeyError:
        module = namespace.get("__name__")
        raise AttributeError(f"module {module!r} has no attribute {name!r}") from None


def uninstall() -> None:
    """Back to dataclasses' own ``exec`` (tests)."""
    global _installed, _support
    if _support is not None:
        atexit.unregister(_support.save)
        _support = None
    if _installed is None:
        return
    with contextlib.suppress(AttributeError):
        del dataclasses.exec  # type: ignore[attr-defined]
    atexit.unregister(_installed.save)
    _installed = None
