"""A second copy of Clerk on the same database is refused, in this process and another."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clerk_app.storage import Store
from clerk_app.storage.errors import InUseElsewhere
from clerk_app.storage.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def child(*args: str) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.child", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream:
                stream.close()


def first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line:
        assert proc.stderr is not None
        pytest.fail(f"child process failed: {proc.stderr.read()}")
    return line


def test_second_open_in_same_process_is_refused(db_path: Path) -> None:
    store = Store.open(db_path)
    with pytest.raises(InUseElsewhere) as info:
        Store.open(db_path)
    assert "already open in another copy of Clerk" in info.value.message
    assert f"process {os.getpid()}" in info.value.message
    assert "Close the other copy" in info.value.advice
    store.close()
    again = Store.open(db_path)  # closing released the lock
    again.close()


def test_force_opens_anyway(db_path: Path) -> None:
    with Store.open(db_path) as store, Store.open(db_path, force=True) as forced:
        assert forced.list_bodies() == store.list_bodies() == []


def test_other_process_holding_the_database(db_path: Path) -> None:
    Store.open(db_path).close()
    with child("hold", str(db_path)) as proc:
        assert first_line(proc) == "open"
        with pytest.raises(InUseElsewhere) as info:
            Store.open(db_path)
        assert f"process {proc.pid}" in info.value.message
        assert "on this computer" in info.value.message
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert first_line(proc) == "closed"
    Store.open(db_path).close()


def test_lock_goes_when_the_other_process_is_killed(db_path: Path) -> None:
    Store.open(db_path).close()
    with child("hold", str(db_path)) as proc:
        assert first_line(proc) == "open"
        with pytest.raises(InUseElsewhere):
            Store.open(db_path)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert lock_path(db_path).exists()  # a stale file left behind does not block anyone
    Store.open(db_path).close()


def test_message_names_another_computer(db_path: Path) -> None:
    from clerk_app.storage.lock import in_use_message

    text = in_use_message(
        {"host": "CLERK-LAPTOP-7", "pid": 4242, "user": "jbloggs", "since": "2026-11-22T09:05:00"}
    )
    assert text == (
        "The database is already open in another copy of Clerk on the computer called "
        "CLERK-LAPTOP-7 (user jbloggs, process 4242), opened at 09:05 on 22 November 2026."
    )
    assert in_use_message({}).startswith("The database is already open in another copy")


def test_the_lock_names_this_computer() -> None:
    import socket

    from clerk_app.storage.lock import holder_info

    assert holder_info()["host"] == socket.gethostname()


def test_the_user_name_is_the_one_getpass_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from clerk_app.storage.lock import user_name

    assert user_name() == getpass.getuser()
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("USERNAME", "clerk-jones")
    assert user_name() == getpass.getuser() == "clerk-jones"
    monkeypatch.setenv("LOGNAME", "first-found")
    assert user_name() == getpass.getuser() == "first-found"


@pytest.mark.skipif(sys.platform == "win32", reason="no password database")
def test_with_no_name_in_the_environment_the_password_database_names_the_user(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import getpass
    import pwd

    from clerk_app.storage.lock import user_name

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    assert user_name() == getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name


@pytest.mark.skipif(sys.platform == "win32", reason="no password database")
def test_a_user_id_with_no_entry_gives_no_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    from clerk_app.storage.lock import user_name

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)

    def no_entry(uid: int) -> None:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert user_name() == ""
