"""Clerk's own modules read at start-up from one file of compiled code.

Python imports each module on its own: it looks for the file in the package's folder,
checks the source's time stamp, opens the module's ``.pyc`` in ``__pycache__``, checks
it and reads it. For the hundred modules the window needs before the clerk can type,
that is some four milliseconds of every start spent finding and opening files.

:func:`install` puts a finder first on ``sys.meta_path`` that serves ``clerk_app``'s
modules from one file in the user's cache folder, read once: the compiled code of each
module the window needed at its last start, with the size and modification time (in
nanoseconds) of the source file it was compiled from. A module is served only when its
source file has exactly that size and time; any other module, and any module whose
source has changed, is imported as Python always imports it. The code is the code
Python's own import would run: at the end of a run that started the window
(:func:`mark_started`), the modules it needed are written to the file, each compiled by
Python's own loader, when the file lacked any of them.

Each installation of Clerk has its own file (its name holds a checksum of the package's
folder), named for the interpreter that made it; a damaged or unreadable file, or a
cache folder that cannot be written, is passed over. Clerk built as one program
(PyInstaller) has no source files and its own archive of modules: nothing is served or
written there. Python told not to write bytecode (``-B``, ``PYTHONDONTWRITEBYTECODE``)
writes none here either; ``CLERK_NO_CODE_CACHE`` in the environment turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, SourceFileLoader
from pathlib import Path
from types import CodeType, ModuleType

APP_NAME = "Clerk"
PACKAGE = "clerk_app"
# the exact interpreter (bytecode and marshal's format may change with any release) and
# its optimisation level (``-O`` leaves out asserts, as its own .pyc files do)
HEADER = (
    f"Clerk module cache 1\n{sys.implementation.name} {sys.version}\n"
    f"optimize {sys.flags.optimize}\n"
).encode()
# a module's entry: its source file (relative to the package's folder, "/"-separated),
# that file's size and modification time, whether it is a package, its marshalled code
Entry = tuple[str, int, int, bool, bytes | memoryview]
# the file: HEADER, then "<checksum> <length of the index>\n", then the index (marshalled:
# each module's entry with the offset and length of its code in place of the code),
# then every module's marshalled code; the checksum covers index and code
IndexEntry = tuple[str, int, int, bool, int, int]


def cache_dir() -> Path:
    """The user's cache folder for Clerk, as platformdirs names it (without importing
    it: this runs before anything else at start-up)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base_path = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base_path / APP_NAME


def file_name(root: str) -> str:
    """The cache file's name for the package in folder ``root``."""
    return f"modules.{sys.implementation.cache_tag}.{zlib.crc32(root.encode()):08x}.bin"


class CachedLoader(SourceFileLoader):
    """Python's loader for a source file, given the module's code already compiled."""

    def __init__(self, fullname: str, path: str, code: bytes | memoryview) -> None:
        super().__init__(fullname, path)
        self._code: bytes | memoryview | None = code

    def get_code(self, fullname: str) -> CodeType:  # type: ignore[override]
        code, self._code = self._code, None  # served once: a reload reads the source
        if code is not None and fullname == self.name:
            try:
                loaded = marshal.loads(code)
            except Exception:  # the file's checksum was right: not expected
                loaded = None
            if isinstance(loaded, CodeType):
                return loaded
        result = super().get_code(fullname)
        assert result is not None  # a source file always gives code
        return result


class ModuleCache:
    """The cached modules of package ``package`` in folder ``root``, kept in file
    ``path``."""

    def __init__(self, root: str, path: Path, package: str = PACKAGE) -> None:
        self.root = root
        self.path = path
        self.package = package
        self.entries: dict[str, Entry] = {}
        self.served: set[str] = set()
        # the package's modules already loaded when the cache was made: never served
        self.earlier = set(self._loaded())
        self.started: list[str] | None = None

    def _loaded(self) -> list[str]:
        prefix = self.package + "."
        return sorted(n for n in list(sys.modules) if n == self.package or n.startswith(prefix))

    # ------------------------------------------------------------------ reading
    def load(self) -> bool:
        """Read the file; whether it held a usable cache (anything else is ignored). The
        checksum is checked before anything is read: marshal is not made to read damaged
        data, and a damaged file must never stop Clerk starting. Each module's code stays
        in the file's bytes until that module is imported."""
        data = read_headed(self.path, HEADER)
        if data is None:
            return False
        line, newline, _rest = data[len(HEADER) : len(HEADER) + 40].partition(b"\n")
        stamp, _space, length = line.partition(b" ")
        if not newline or not length.isdigit():
            return False
        payload = memoryview(data)[len(HEADER) + len(line) + 1 :]
        index_length = int(length)
        if stamp != _checksum(length, payload) or index_length > len(payload):
            return False
        try:
            index = marshal.loads(payload[:index_length])
        except Exception:  # damaged in a way the checksum missed: import as usual
            return False
        codes = payload[index_length:]
        if not isinstance(index, dict) or not all(
            isinstance(name, str) and _is_index_entry(entry, len(codes))
            for name, entry in index.items()
        ):
            return False
        self.entries = {
            name: (relative, size, mtime, is_package, codes[start : start + count])
            for name, (relative, size, mtime, is_package, start, count) in index.items()
        }
        return True

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        """The spec of a cached module whose source is unchanged; None for any other
        module, which Python's own finders then import."""
        entry = self.entries.get(fullname) if fullname.startswith(self.package) else None
        if entry is None:
            return None
        relative, size, mtime, is_package, code = entry
        origin = os.path.join(self.root, *relative.split("/"))
        try:
            found = os.stat(origin)
        except OSError:
            return None
        if found.st_size != size or found.st_mtime_ns != mtime:
            return None
        spec = ModuleSpec(
            fullname, CachedLoader(fullname, origin, code), origin=origin, is_package=is_package
        )
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        self.served.add(fullname)
        return spec

    def invalidate_caches(self) -> None:
        """Nothing to forget: every module's source is checked as it is imported."""

    # ------------------------------------------------------------------ writing
    def mark_started(self) -> None:
        """The window is up: the package's modules loaded by now are the ones the next
        start will want."""
        self.started = [name for name in self._loaded() if name not in self.earlier]

    def save(self) -> bool:
        """Write the file if this start needed a module it lacked, or one of its modules
        has changed since; whether it was written. The modules of earlier starts whose
        source is unchanged are kept (another meeting may need them)."""
        if self.started is None or sys.dont_write_bytecode:  # -B: no compiled files
            return False
        entries = {
            name: entry
            for name, entry in self.entries.items()
            if name in self.served or self._unchanged(entry)
        }
        changed = len(entries) != len(self.entries)
        for name in self.started:
            module = sys.modules.get(name)
            if name in self.served or module is None:
                continue
            made = self._entry(name, module)
            if made is not None:
                entries[name] = made
                changed = True
        if not changed:
            return False
        index: dict[str, IndexEntry] = {}
        codes: list[bytes | memoryview] = []
        start = 0
        for name, (relative, size, mtime, is_package, code) in entries.items():
            index[name] = (relative, size, mtime, is_package, start, len(code))
            codes.append(code)
            start += len(code)
        try:
            marshalled = marshal.dumps(index)
        except ValueError:
            return False
        payload = marshalled + b"".join(codes)
        length = b"%d" % len(marshalled)
        line = _checksum(length, payload) + b" " + length + b"\n"
        if not write_whole(self.path, HEADER + line + payload):
            return False
        self.entries = entries
        self.served.update(self.started)
        return True

    def _unchanged(self, entry: Entry) -> bool:
        relative, size, mtime, _is_package, _code = entry
        try:
            found = os.stat(os.path.join(self.root, *relative.split("/")))
        except OSError:
            return False
        return found.st_size == size and found.st_mtime_ns == mtime

    def _entry(self, name: str, module: ModuleType) -> Entry | None:
        """The entry for a loaded module: its source compiled by Python's own loader
        (from its ``.pyc`` when that is current); None for a module with no source file
        in the package's folder, or whose source changes while it is read."""
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return None
        if not isinstance(getattr(spec, "loader", None), SourceFileLoader):
            return None
        relative = os.path.relpath(origin, self.root)
        if relative.startswith(os.pardir) or os.path.isabs(relative):
            return None
        try:
            before = os.stat(origin)
            code = SourceFileLoader(name, origin).get_code(name)
            after = os.stat(origin)
        except Exception:  # unreadable, not Python, or changing: left to Python next time
            return None
        if code is None or (before.st_size, before.st_mtime_ns) != (
            after.st_size,
            after.st_mtime_ns,
        ):
            return None
        is_package = os.path.basename(origin) == "__init__.py"
        return (
            relative.replace(os.sep, "/"),
            before.st_size,
            before.st_mtime_ns,
            is_package,
            marshal.dumps(code),
        )


def read_headed(path: Path, header: bytes) -> bytes | None:
    """The bytes of file ``path`` if it starts with ``header``; None if it does not, or
    cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if data.startswith(header) else None


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file beside it, so that a reader
    finds the old file or the new one, never a part; whether it was written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()
    except OSError:
        return False
    return True


def _checksum(length: bytes, payload: bytes | memoryview) -> bytes:
    """The checksum of the index's length and the payload."""
    return b"%08x" % zlib.crc32(payload, zlib.crc32(length))


def _is_index_entry(entry: object, room: int) -> bool:
    return (
        isinstance(entry, tuple)
        and len(entry) == 6
        and isinstance(entry[0], str)
        and all(isinstance(n, int) and n >= 0 for n in entry[1:3] + entry[4:6])
        and isinstance(entry[3], bool)
        and entry[4] + entry[5] <= room
    )


_installed: ModuleCache | None = None


def install(folder: Path | None = None) -> ModuleCache | None:
    """Serve the package's modules from the cache in ``folder`` (the user's cache folder
    unless given) from now on, and write it when the process ends if the window started
    (see :func:`mark_started`). Does nothing when the environment sets
    ``CLERK_NO_CODE_CACHE`` or the package has no source files."""
    global _installed
    if _installed is not None:
        return _installed
    if os.environ.get("CLERK_NO_CODE_CACHE"):
        return None
    package = sys.modules.get(PACKAGE)
    source = getattr(package, "__file__", None)
    if not isinstance(source, str) or not source.endswith(".py"):
        return None
    root = os.path.dirname(os.path.abspath(source))
    try:
        where = folder if folder is not None else cache_dir()
    except (OSError, RuntimeError):  # no home folder
        return None
    cache = ModuleCache(root, where / file_name(root))
    cache.load()
    sys.meta_path.insert(0, cache)  # type: ignore[arg-type]
    atexit.register(cache.save)
    _installed = cache
    return cache


def mark_started() -> None:
    """The window is up (see :meth:`ModuleCache.mark_started`)."""
    if _installed is not None:
        _installed.mark_started()


def uninstall() -> None:
    """Back to Python's own import for the package's modules (tests)."""
    global _installed
    if _installed is None:
        return
    with contextlib.suppress(ValueError):
        sys.meta_path.remove(_installed)  # type: ignore[arg-type]
    atexit.unregister(_installed.save)
    _installed = None
