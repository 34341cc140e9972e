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


SUPPORT_RUN = textwrap.dedent(
    """
    import builtins, inspect, json, sys
    from pathlib import Path

    compiled = []
    real = builtins.compile

    def counting(source, filename, mode, *args, **kwargs):
        compiled.append(filename if isinstance(filename, str) else repr(filename))
        return real(source, filename, mode, *args, **kwargs)

    builtins.compile = counting
    from clerk_app import codecache

    codecache.install(Path(sys.argv[1]))
    with codecache.compiling_support_code():
        from PySide6 import QtWidgets
    restored = builtins.compile is counting
    generator = sys.modules["shibokensupport.signature.lib.pyi_generator"]
    enums = sys.modules["shibokensupport.signature.lib.enum_sig"]
    deferred = "Formatter" not in vars(generator) and "ExactEnumerator" not in vars(enums)
    from PySide6.support.signature import get_signature
    signature = str(get_signature(QtWidgets.QLabel.setIndent))
    app = QtWidgets.QApplication([])
    try:
        QtWidgets.QLabel().setIndent("wide")
        error = ""
    except TypeError as exc:
        error = str(exc)
    loaded = inspect.isclass(generator.Formatter) and callable(generator.generate_pyi)
    loaded = loaded and inspect.isclass(enums.ExactEnumerator)
    try:
        generator.no_such_name
        missing = "found"
    except AttributeError as exc:
        missing = str(exc)
    print(json.dumps({
        "support": [f for f in compiled if f.startswith(codecache.SUPPORT_FILES)],
        "restored": restored, "deferred": deferred, "loaded": loaded,
        "signature": signature, "error": error, "missing": missing,
        "published": sys.modules["PySide6.support.signature.lib.pyi_generator"] is generator,
    }))
    """
)


def _support_run(folder: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.pop("CLERK_NO_CODE_CACHE", None)
    out = subprocess.run(
        [sys.executable, "-c", SUPPORT_RUN, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    import json

    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_pyside_support_code_is_compiled_once_then_read_from_the_cache(tmp_path: Path) -> None:
    first = _support_run(tmp_path)
    assert "shibokensupport/signature/parser.py" in first["support"]  # type: ignore[operator]
    assert "signature_bootstrap.py" in first["support"]  # type: ignore[operator]
    loaded = CodeCache(tmp_path / codecache.SUPPORT_FILE_NAME)
    assert loaded.load()
    kept = {k.split("\0")[2] for k in loaded.codes if k.startswith(codecache.SUPPORT_KEY)}
    assert "shibokensupport/signature/loader.py" in kept and len(kept) >= 10
    assert all(k.startswith(codecache.SUPPORT_KEY) for k in loaded.codes)
    generated = CodeCache(tmp_path / FILE_NAME)  # the command line's file: none of it
    assert not generated.load() or not any(
        k.startswith(codecache.SUPPORT_KEY) for k in generated.codes
    )
    second = _support_run(tmp_path)
    assert second["support"] == []  # nothing of PySide6's compiled again
    for run in (first, second):
        # compile() is given back; PySide6's signatures and argument errors still work
        assert run["restored"] is True
        assert run["signature"] == "(self, arg__1: int, /) -> None"
        assert "Supported signatures:" in run["error"]  # type: ignore[operator]
        assert "setIndent(arg__1: int, /)" in run["error"]  # type: ignore[operator]
        # the .pyi writer is not run until something asks it for a name, then it is
        assert run["deferred"] is True and run["loaded"] is True and run["published"] is True
        assert "no attribute 'no_such_name'" in run["missing"]  # type: ignore[operator]


def test_support_compile_passes_other_code_on_as_compile_would(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / FILE_NAME)
    hooked = codecache.support_compile(cache)
    later = "def f(x: not_defined_anywhere) -> None: pass\n"
    for future, inherit, deferred in [
        ("from __future__ import annotations\n", True, True),
        ("from __future__ import annotations\n", False, False),
        ("", True, False),
    ]:
        caller = f"{future}code = compile(SOURCE, 'x.py', 'exec', dont_inherit={not inherit})\n"
        names: dict[str, object] = {"compile": hooked, "SOURCE": later}
        exec(compile(caller, "caller.py", "exec", dont_inherit=True), names)
        code = names["code"]
        assert isinstance(code, types.CodeType)
        if deferred:  # the caller's annotations future was taken, as compile takes it
            exec(code, {})
        else:
            with pytest.raises(NameError):
                exec(code, {})
    assert hooked("1 + 2", "<sum>", "eval") and eval(hooked("1 + 2", "<sum>", "eval")) == 3
    assert not cache.codes  # nothing of that is PySide6's: nothing kept
    support = hooked(b"X = 1\n", "shibokensupport/x.py", "exec")
    assert isinstance(support, types.CodeType) and len(cache.codes) == 1
    assert hooked(b"X = 1\n", "shibokensupport/x.py", "exec") is support


def test_support_code_from_a_pyside_no_longer_installed_is_dropped(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / FILE_NAME)
    hooked = codecache.support_compile(cache)
    hooked(b"OLD = 1\n", "shibokensupport/a.py", "exec")
    hooked("def f(): pass\n", "<string>", "exec")
    cache.compiled("def generated(self): return 1\n")
    assert cache.save()
    again = CodeCache(tmp_path / FILE_NAME)
    assert again.load() and len(again.codes) == 2
    # a later PySide6 with other sources: its run keeps its own support code, not the old
    codecache.support_compile(again)(b"NEW = 2\n", "shibokensupport/a.py", "exec")
    assert again.save()
    last = CodeCache(tmp_path / FILE_NAME)
    assert last.load()
    texts = sorted(k.rsplit("\0", 1)[-1] for k in last.codes)
    assert texts == ["NEW = 2\n", "def generated(self): return 1\n"]


def test_a_deferred_module_runs_once_on_first_use_even_when_it_loads_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    first, second = "shibokensupport/first_test.py", "shibokensupport/second_test.py"
    monkeypatch.setattr(codecache, "DEFERRED", frozenset({first, second}))
    hooked = codecache.support_compile(CodeCache(tmp_path / "support.bin"))
    runs: list[str] = []
    modules: dict[str, types.ModuleType] = {}
    for name, source in (
        (second, "RUNS.append('second')\nVALUE = 2\n"),
        # the first, when run, asks the second (still deferred) for a name
        (first, "RUNS.append('first')\nimport time\ntime.sleep(0.05)\nVALUE = OTHER.VALUE + 1\n"),
    ):
        module = types.ModuleType(name)
        module.__dict__.update(RUNS=runs, OTHER=modules.get(second))
        exec(hooked(source.encode(), name, "exec"), module.__dict__)
        module.__file__ = name
        modules[name] = module
    assert runs == []  # nothing run yet: each module holds only its stub
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(modules[first].VALUE)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert seen == [3] * 6 and runs == ["first", "second"]
    with pytest.raises(AttributeError, match="no attribute 'MISSING'"):
        modules[first].MISSING  # noqa: B018
