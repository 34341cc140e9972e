"""Patterns compiled on first use behave as ``re.compile``'s, and are compiled once."""

from __future__ import annotations

import re
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.lazyre import LazyPattern, compiled

SOURCES = [
    (r"^(\d{1,2})(?:\s*[.:h]\s*(\d{1,2}))?$", 0),
    (r"\b[A-Z]{2,}(?:\s+[A-Z]{2,})*\b", 0),
    (r"^that\b[\s,:–-]*", re.IGNORECASE),
    (r"\*\*(.+?)\*\*|~~(.+?)~~", re.DOTALL),
]


@pytest.mark.parametrize(("source", "flags"), SOURCES)
@given(text=st.text(alphabet="aAbB1 2:.*~hTHAT,\n–", max_size=30))
def test_the_same_answers_as_the_compiled_pattern(source: str, flags: int, text: str) -> None:
    lazy, real = compiled(source, flags), re.compile(source, flags)

    def groups(m: re.Match[str] | None) -> tuple[object, ...] | None:
        return None if m is None else (m.span(), m.groups())

    assert groups(lazy.match(text)) == groups(real.match(text))
    assert groups(lazy.search(text)) == groups(real.search(text))
    assert groups(lazy.fullmatch(text)) == groups(real.fullmatch(text))
    assert lazy.sub("#", text) == real.sub("#", text)
    assert lazy.sub(lambda m: m.group(0).lower(), text, count=1) == real.sub(
        lambda m: m.group(0).lower(), text, count=1
    )
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.split(text) == real.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (real.pattern, real.flags, real.groups)


def test_compiled_once_on_first_use_even_from_many_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real_compile = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        calls.append(source)
        return real_compile(source, flags)

    monkeypatch.setattr(re, "compile", counting)
    lazy = compiled(r"(\d+)-(\d+)")
    assert isinstance(lazy, LazyPattern) and calls == []  # nothing at definition
    found: list[object] = []
    threads = [threading.Thread(target=lambda: found.append(lazy.match("12-34"))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [r"(\d+)-(\d+)"] and len(found) == 8 and all(found)


def test_a_bad_pattern_is_refused_when_used() -> None:
    lazy = compiled("(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_every_deferred_pattern_in_clerk_compiles() -> None:
    """A mistake in a deferred pattern would only show when it is first used: each
    module-level one is compiled here."""
    import importlib
    import pkgutil

    import clerk_app

    found = 0
    for info in pkgutil.walk_packages(clerk_app.__path__, "clerk_app."):
        if ".gui" in info.name or info.name.endswith("__main__"):
            continue  # Qt-free modules only: the lazy patterns live in the domain
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                assert value.groups >= 0  # compiles
                found += 1
    assert found >= 19


def test_positions_given_by_name_as_re_takes_them() -> None:
    lazy, real = compiled(r"\d+"), re.compile(r"\d+")
    for method in ("match", "search", "fullmatch"):
        mine = getattr(lazy, method)("ab12cd", pos=2, endpos=4)
        theirs = getattr(real, method)("ab12cd", pos=2, endpos=4)
        assert mine is not None and theirs is not None and mine.span() == theirs.span()
