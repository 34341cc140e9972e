"""The module cache: a package's modules written once, then served from one file as
Python would have loaded them; changed, deleted, damaged and foreign cases fall back to
Python's own import, and nothing here ever stops a start."""

from __future__ import annotations

import importlib
import inspect
import json
import marshal
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from importlib.machinery import SourceFileLoader
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app import modulecache
from clerk_app.modulecache import HEADER, CachedLoader, ModuleCache, file_name

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "mcfake"

RECORDS = textwrap.dedent(
    '''
    """Records of a fictional body."""
    from __future__ import annotations
    from dataclasses import dataclass
    from enum import StrEnum

    VALUE = "first"

    class Outcome(StrEnum):
        CARRIED = "carried"
        LOST = "lost"

    @dataclass
    class Motion:
        """A motion."""
        text: str
        outcome: Outcome = Outcome.CARRIED

    def worded(motion: Motion) -> str:
        return f"{motion.text} ({motion.outcome.value.upper()})"
    '''
)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(autouse=True)
def _writes_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    """As Python runs by default (the environment may say otherwise: see the -B test)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


@pytest.fixture
def package(tmp_path: Path) -> Iterator[Path]:
    """The folder of a small package (a subpackage, a module importing another) on the
    path; its modules forgotten afterwards."""
    folder = tmp_path / "src" / PACKAGE
    _write(folder / "__init__.py", 'NAME = "the package"\n')
    _write(folder / "records.py", RECORDS)
    _write(folder / "sub" / "__init__.py", "")
    _write(
        folder / "sub" / "deep.py",
        f"from {PACKAGE}.records import Motion, worded\n"
        "LINE = worded(Motion('That it be noted'))\n",
    )
    sys.path.insert(0, str(folder.parent))
    try:
        yield folder
    finally:
        sys.path.remove(str(folder.parent))
        _forget()


def _forget() -> None:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _start(folder: Path, cache_file: Path) -> tuple[ModuleCache, bool]:
    """A fresh process's start, in this one: the package forgotten, a cache made and put
    first on the import path, the deep module imported, the start marked. The cache and
    whether it read the file."""
    _forget()
    cache = ModuleCache(str(folder), cache_file, package=PACKAGE)
    loaded = cache.load()
    sys.meta_path.insert(0, cache)  # type: ignore[arg-type]
    try:
        importlib.import_module(f"{PACKAGE}.sub.deep")
    finally:
        sys.meta_path.remove(cache)  # type: ignore[arg-type]
    cache.mark_started()
    return cache, loaded


ALL = {PACKAGE, f"{PACKAGE}.records", f"{PACKAGE}.sub", f"{PACKAGE}.sub.deep"}


def test_modules_written_once_then_served_as_python_loads_them(
    package: Path, tmp_path: Path
) -> None:
    cache_file = tmp_path / "cache" / "modules.bin"
    first, loaded = _start(package, cache_file)
    assert not loaded and first.served == set()
    assert first.save() and cache_file.is_file()

    second, loaded = _start(package, cache_file)
    assert loaded and second.served == ALL
    records = sys.modules[f"{PACKAGE}.records"]
    deep = sys.modules[f"{PACKAGE}.sub.deep"]
    assert deep.LINE == "That it be noted (CARRIED)"
    assert isinstance(records.__loader__, CachedLoader)
    assert records.__file__ == str(package / "records.py")
    assert sys.modules[f"{PACKAGE}.sub"].__path__ == [str(package / "sub")]
    assert sys.modules[PACKAGE].NAME == "the package"
    assert records.__doc__ == "Records of a fictional body."
    assert "def worded" in inspect.getsource(records.worded)  # tracebacks show the source
    # the code served is the code Python's own loader makes from the source
    own = SourceFileLoader(f"{PACKAGE}.records", str(package / "records.py"))
    served = marshal.loads(second.entries[f"{PACKAGE}.records"][4])
    assert marshal.dumps(served) == marshal.dumps(own.get_code(f"{PACKAGE}.records"))
    assert not second.save()  # nothing new: the file is left as it is


def _cache_then_change(
    package: Path, cache_file: Path, value: str, later_ns: int
) -> os.stat_result:
    """The package's modules cached, then the records module's VALUE line changed and
    its time moved on by ``later_ns``; the module's file as it was before."""
    first, _ = _start(package, cache_file)
    assert first.save()
    records = package / "records.py"
    before = records.stat()
    _write(records, RECORDS.replace('VALUE = "first"', value))
    os.utime(records, ns=(before.st_atime_ns, before.st_mtime_ns + later_ns))
    return before


def test_a_changed_module_is_imported_from_its_source_then_cached_again(
    package: Path, tmp_path: Path
) -> None:
    cache_file = tmp_path / "modules.bin"
    # a later time by a nanosecond: the finest the file system shows
    before = _cache_then_change(package, cache_file, 'VALUE = "second"', later_ns=1)
    assert (package / "records.py").stat().st_size == before.st_size + 1
    changed, loaded = _start(package, cache_file)
    assert loaded and f"{PACKAGE}.records" not in changed.served
    assert sys.modules[f"{PACKAGE}.records"].VALUE == "second"
    assert changed.save()
    again, _ = _start(package, cache_file)
    assert again.served == ALL
    assert sys.modules[f"{PACKAGE}.records"].VALUE == "second"


def test_the_same_size_and_another_time_is_a_change(package: Path, tmp_path: Path) -> None:
    """Five nanoseconds later, same size: the cache takes it for a change and leaves the
    module to Python's own import (whose .pyc, stamped to the second, is its own affair)."""
    cache_file = tmp_path / "modules.bin"
    before = _cache_then_change(package, cache_file, 'VALUE = "other"', later_ns=5)
    assert (package / "records.py").stat().st_size == before.st_size
    changed, _ = _start(package, cache_file)
    assert f"{PACKAGE}.records" not in changed.served
    assert not isinstance(sys.modules[f"{PACKAGE}.records"].__loader__, CachedLoader)


def test_a_deleted_module_is_not_served(package: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "modules.bin"
    first, _ = _start(package, cache_file)
    assert first.save()
    (package / "sub" / "deep.py").unlink()
    with pytest.raises(ModuleNotFoundError):
        _start(package, cache_file)


def test_modules_of_an_earlier_start_are_kept_while_unchanged(
    package: Path, tmp_path: Path
) -> None:
    """Another meeting's start needs other modules: both sets stay in the file."""
    _write(package / "other.py", "OTHER = 1\n")
    cache_file = tmp_path / "modules.bin"
    first, _ = _start(package, cache_file)
    assert first.save()
    _forget()
    cache = ModuleCache(str(package), cache_file, package=PACKAGE)
    assert cache.load()
    sys.meta_path.insert(0, cache)  # type: ignore[arg-type]
    try:
        importlib.import_module(f"{PACKAGE}.other")
    finally:
        sys.meta_path.remove(cache)  # type: ignore[arg-type]
    cache.mark_started()
    assert cache.save()
    kept = ModuleCache(str(package), cache_file, package=PACKAGE)
    assert kept.load() and set(kept.entries) == ALL | {f"{PACKAGE}.other"}


def test_modules_loaded_before_the_cache_are_left_alone(package: Path, tmp_path: Path) -> None:
    _forget()
    importlib.import_module(PACKAGE)  # as clerk_app itself is, before the cache exists
    cache = ModuleCache(str(package), tmp_path / "modules.bin", package=PACKAGE)
    cache.mark_started()
    assert cache.started == []
    assert not cache.save()  # nothing of this start to keep


def _good_file(package: Path, tmp_path: Path) -> Path:
    cache_file = tmp_path / "good.bin"
    first, _ = _start(package, cache_file)
    assert first.save()
    return cache_file


@pytest.mark.parametrize(
    "damage",
    ["empty", "other python", "truncated", "flipped code byte", "index length", "not a dict"],
)
def test_a_damaged_or_foreign_file_is_passed_over(
    package: Path, tmp_path: Path, damage: str
) -> None:
    good = _good_file(package, tmp_path).read_bytes()
    head, _, rest = good[len(HEADER) :].partition(b"\n")
    stamp, _, length = head.partition(b" ")
    content = {
        "empty": b"",
        "other python": good.replace(sys.version.encode(), b"3.99.0 (another build)"),
        "truncated": good[: len(good) // 2],
        "flipped code byte": good[:-10] + bytes([good[-10] ^ 0xFF]) + good[-9:],
        "index length": HEADER + stamp + b" " + str(int(length) + 7).encode() + b"\n" + rest,
        "not a dict": HEADER + _line(marshal.dumps(["a", "list"])) + marshal.dumps(["a", "list"]),
    }[damage]
    path = tmp_path / "damaged.bin"
    path.write_bytes(content)
    cache, loaded = _start(package, path)
    assert not loaded and cache.entries == {} and cache.served == set()
    assert sys.modules[f"{PACKAGE}.sub.deep"].LINE == "That it be noted (CARRIED)"
    assert cache.save()  # a good file replaces the damaged one
    assert ModuleCache(str(package), path, package=PACKAGE).load()


def _line(index: bytes) -> bytes:
    length = b"%d" % len(index)
    return modulecache._checksum(length, index) + b" " + length + b"\n"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_files_never_raise(package: Path, tmp_path: Path, data: st.DataObject) -> None:
    good_path = tmp_path / "good.bin"
    if not good_path.exists():
        first, _ = _start(package, good_path)
        assert first.save()
    good = good_path.read_bytes()
    raw = bytearray(good)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    path = tmp_path / "mutated.bin"
    path.write_bytes(bytes(raw[:cut]))
    cache, loaded = _start(package, path)  # never raises, never crashes
    if bytes(raw[:cut]) != good:
        assert not loaded and cache.served == set()  # any damage is seen and passed over
    assert sys.modules[f"{PACKAGE}.sub.deep"].LINE == "That it be noted (CARRIED)"


def test_python_told_not_to_write_bytecode_writes_no_cache(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache_file = tmp_path / "modules.bin"
    cache, _ = _start(package, cache_file)
    assert not cache.save() and not cache_file.exists()


def test_a_file_of_another_optimisation_level_is_passed_over(package: Path, tmp_path: Path) -> None:
    """``python -O`` leaves out asserts: code compiled without it is not served to it."""
    cache_file = _good_file(package, tmp_path)
    data = cache_file.read_bytes()
    assert HEADER.endswith(b"optimize %d\n" % sys.flags.optimize)
    other = HEADER.replace(b"optimize %d" % sys.flags.optimize, b"optimize 2")
    cache_file.write_bytes(other + data[len(HEADER) :])
    cache, loaded = _start(package, cache_file)
    assert not loaded and cache.served == set()


def test_a_folder_that_cannot_be_written_is_no_error(package: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    cache, loaded = _start(package, blocker / "cache" / "modules.bin")
    assert not loaded
    assert not cache.save()


def test_each_installation_has_its_own_file() -> None:
    assert file_name("/opt/clerk/clerk_app") != file_name("/home/ann/clerk/clerk_app")
    assert file_name("/opt/clerk/clerk_app").startswith(f"modules.{sys.implementation.cache_tag}.")


def test_turned_off_by_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    modulecache.uninstall()
    monkeypatch.setenv("CLERK_NO_CODE_CACHE", "1")
    before = list(sys.meta_path)
    assert modulecache.install(tmp_path) is None
    assert sys.meta_path == before


PROBE = """
import json, sys
from clerk_app.launch import main
import clerk_app.cli

def ready(window):
    loaders = {
        name: type(getattr(module, "__loader__", None)).__name__
        for name, module in list(sys.modules.items())
        if name.startswith("clerk_app")
    }
    print("LOADERS", json.dumps(loaders))
    window.close()

window_main = clerk_app.cli._app_main
clerk_app.cli._app_main = lambda: (lambda *a, **k: window_main()(*a, **k, on_ready=ready))
sys.argv = ["clerk-app", "--data-dir", sys.argv[1]]
sys.exit(main())
"""


def test_the_window_writes_the_cache_at_its_first_start_and_reads_it_at_the_next(
    tmp_path: Path,
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["HOME"] = str(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.pop("CLERK_NO_CODE_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    data = tmp_path / "data"

    def start() -> dict[str, str]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(data)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        line = next(x for x in done.stdout.splitlines() if x.startswith("LOADERS"))
        loaders: dict[str, str] = json.loads(line.split(" ", 1)[1])
        return loaders

    first = start()
    assert "CachedLoader" not in first.values()
    written = list((tmp_path / "cache" / "Clerk").glob("modules.*.bin"))
    assert len(written) == 1
    stamp = written[0].stat().st_mtime_ns
    second = start()
    assert set(second) == set(first)
    # all but the modules loaded before the cache: the package, the entry point, the
    # collector's pause and the cache itself
    plain = {name for name, loader in second.items() if loader != "CachedLoader"}
    assert plain == {
        "clerk_app",
        "clerk_app.launch",
        "clerk_app.gcpause",
        "clerk_app.modulecache",
    }
    assert len(second) > 80
    assert written[0].stat().st_mtime_ns == stamp  # nothing new to write


def test_a_module_broken_before_the_cache_is_written_is_left_out(
    package: Path, tmp_path: Path
) -> None:
    """Edited into a syntax error while Clerk ran: the file is written without it, and
    nothing is raised at exit."""
    cache_file = tmp_path / "modules.bin"
    cache, _ = _start(package, cache_file)
    _write(package / "sub" / "deep.py", "def broken(:\n")
    assert cache.save()
    kept = ModuleCache(str(package), cache_file, package=PACKAGE)
    assert kept.load() and set(kept.entries) == ALL - {f"{PACKAGE}.sub.deep"}
