"""The cache of dataclasses' generated methods: the same classes with and without it,
written once, read back, and a damaged or foreign file passed over."""

from __future__ import annotations

import binascii
import dataclasses
import marshal
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app import codecache
from clerk_app.codecache import FILE_NAME, HEADER, CodeCache

ROOT = Path(__file__).resolve().parents[1]


def _framed(payload: bytes) -> bytes:
    """A cache file around ``payload``, with its right checksum."""
    return HEADER + b"%08x\n" % binascii.crc32(payload) + payload


SOURCE = textwrap.dedent(
    """
    from __future__ import annotations
    from dataclasses import dataclass, field

    @dataclass
    class Motion:
        \"\"\"A motion.\"\"\"
        text: str = ""
        mover: str | None = None
        votes: list[int] = field(default_factory=list)

    @dataclass(frozen=True)
    class Key:
        meeting: str
        item: int = 0
    """
)


def _module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(SOURCE, name, "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


@pytest.fixture
def installed(tmp_path: Path):  # type: ignore[no-untyped-def]
    codecache.uninstall()
    cache = codecache.install(tmp_path)
    assert cache is not None
    yield cache
    codecache.uninstall()


def _behaves(module: types.ModuleType) -> None:
    motion = module.Motion("That the report be noted", "Cllr Amos", [5, 1])
    assert repr(motion) == (
        "Motion(text='That the report be noted', mover='Cllr Amos', votes=[5, 1])"
    )
    assert motion == module.Motion("That the report be noted", "Cllr Amos", [5, 1])
    assert motion != module.Motion("That the report be noted", "Cllr Amos", [5, 2])
    assert module.Motion().votes == [] and module.Motion().votes is not module.Motion().votes
    key = module.Key("m1", 3)
    assert hash(key) == hash(module.Key("m1", 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        key.item = 4  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(module.Motion)] == ["text", "mover", "votes"]


def test_classes_made_through_the_cache_behave_as_dataclasses_own(installed: CodeCache) -> None:
    _behaves(_module("cached_first"))
    assert installed.added > 0
    assert installed.save()
    assert (installed.path.parent / FILE_NAME).read_bytes().startswith(HEADER)

    again = CodeCache(installed.path)
    assert again.load()
    assert set(again.codes) == set(installed.codes)
    codecache.uninstall()
    # a second process: everything comes from the file, nothing is compiled
    cache = codecache.install(installed.path.parent)
    assert cache is not None and cache.load()
    _behaves(_module("cached_second"))
    assert cache.added == 0
    assert not cache.save()  # nothing new: the file is not rewritten


def test_without_the_cache_the_same_classes(tmp_path: Path) -> None:
    codecache.uninstall()
    assert "exec" not in vars(dataclasses)
    _behaves(_module("uncached"))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a cache at all",
        HEADER,
        HEADER + b"\x00\x01garbage",
        HEADER + b"00000000\n" + marshal.dumps({}),  # a checksum that does not match
        _framed(b"\xff\x00 damaged marshal data"),
        _framed(marshal.dumps({})).replace(b"Clerk code cache 2", b"Clerk code cache 1"),
        _framed(marshal.dumps({"def f(): pass": "not code"})),
        _framed(marshal.dumps(["a", "list"])),
    ],
)
def test_a_damaged_or_foreign_file_is_passed_over(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    codecache.uninstall()
    cache = codecache.install(tmp_path)
    try:
        assert cache is not None and cache.codes == {}
        _behaves(_module("after_damage"))
        assert cache.save()  # a good file replaces the damaged one
        assert CodeCache(tmp_path / FILE_NAME).load()
    finally:
        codecache.uninstall()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_files_never_raise(tmp_path: Path, data: st.DataObject) -> None:
    good = CodeCache(tmp_path / "good.bin")
    good.compiled("def __create_fn__():\n def f(self): return 1\n return f")
    good.save()
    raw = bytearray((tmp_path / "good.bin").read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    path = tmp_path / "mutated.bin"
    path.write_bytes(bytes(raw[:cut]))
    cache = CodeCache(path)
    loaded = cache.load()  # never raises, never crashes
    if bytes(raw[:cut]) != (tmp_path / "good.bin").read_bytes():
        assert not loaded and cache.codes == {}  # any damage is seen and passed over


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    cache = CodeCache(blocker / "cache" / FILE_NAME)
    assert not cache.load()
    cache.compiled("x = 1")
    assert not cache.save()


def test_turned_off_by_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codecache.uninstall()
    monkeypatch.setenv("CLERK_NO_CODE_CACHE", "1")
    assert codecache.install(tmp_path) is None
    assert "exec" not in vars(dataclasses)


@pytest.mark.parametrize("xdg", [None, "relative/path", "absolute"])
def test_the_cache_folder_is_the_one_platformdirs_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    import platformdirs

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c") if xdg == "absolute" else xdg)
    assert codecache.cache_dir() == Path(platformdirs.user_cache_dir("Clerk", appauthor=False))


def test_the_command_writes_the_cache_once_and_then_reads_it(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.pop("CLERK_NO_CODE_CACHE", None)
    data = tmp_path / "data"
    command = [sys.executable, "-m", "clerk_app.cli", "--data-dir", str(data), "list"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    written = tmp_path / "cache" / "Clerk" / FILE_NAME
    assert written.is_file()
    loaded = CodeCache(written)
    assert loaded.load() and len(loaded.codes) > 20  # the records' methods
    stamp = written.stat().st_mtime_ns
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert written.stat().st_mtime_ns == stamp  # nothing new to write
