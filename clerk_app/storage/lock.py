"""A sidecar lock file so that two copies of Clerk never work on one database at once.

The lock is ``<database>.lock``, held with ``fcntl.flock`` (Linux, macOS) or
``msvcrt.locking`` (Windows) for as long as the store is open. The operating system drops
it when the process ends, even on a crash, so a stale lock file never blocks anyone. The
file also says which computer and process holds it, for the message the other copy shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from clerk_app.domain.dates import format_date
from clerk_app.storage.errors import InUseElsewhere, LockFileUnusable

_WINDOWS_LOCK_OFFSET = 1 << 20  # lock a byte past the text so others can still read it


def lock_path(database: Path) -> Path:
    """The lock file of ``database``, beside the real file: a database reached through a
    symbolic link (or another spelling of its path) has the same lock."""
    real = database.expanduser().absolute().resolve()
    return real.with_name(real.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # e.g. a file system without locks: do not stop the clerk
        return exc.errno not in (11, 35)
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def host_name() -> str:
    """This computer's name, as the other copy of Clerk will show it."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows; imported only here, it is slow to load

    return socket.gethostname()


def user_name() -> str:
    """The user's login name, as ``getpass.getuser()`` finds it (the environment first,
    then the password database), without loading getpass and the terminal modules it
    brings; "" when there is none (some service environments)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if user := os.environ.get(name):
            return user
    try:
        import pwd
    except ImportError:  # Windows: the environment is all getpass looks at
        return ""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except (KeyError, OSError):  # a user id with no entry (some containers)
        return ""


def holder_info() -> dict[str, Any]:
    user = user_name()
    return {
        "host": host_name(),
        "pid": os.getpid(),
        "user": user,
        "since": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def read_holder(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def in_use_message(info: dict[str, Any]) -> str:
    host = str(info.get("host") or "")
    pid = info.get("pid")
    user = str(info.get("user") or "")
    since = str(info.get("since") or "")
    where = "on this computer" if host == host_name() else f"on the computer called {host}"
    if not host:
        where = "on this or another computer"
    parts = [f"The database is already open in another copy of Clerk {where}"]
    if user:
        parts.append(f" (user {user}")
        parts.append(f", process {pid})" if pid else ")")
    elif pid:
        parts.append(f" (process {pid})")
    if since:
        with contextlib.suppress(ValueError):
            opened = datetime.fromisoformat(since)
            parts.append(
                f", opened at {opened:%H:%M} on {format_date(opened.date(), weekday=False)}"
            )
    return "".join(parts) + "."


class SidecarLock:
    """Holds ``<database>.lock`` exclusively until :meth:`release`."""

    def __init__(self, database: Path) -> None:
        self.path = lock_path(database)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`InUseElsewhere` saying who holds it
        (:class:`LockFileUnusable` if the lock file's name is taken by a folder)."""
        if self.path.is_dir():
            raise LockFileUnusable(
                f"Clerk cannot lock its database: {self.path.name} in {self.path.parent} is a "
                "folder, but Clerk needs a small file of that name there.",
                f"Move the folder {self.path.name} somewhere else or rename it (Clerk makes "
                "the file itself), then try again.",
                path=self.path,
            )
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        if not _try_lock(handle):
            handle.close()
            info = read_holder(self.path)
            raise InUseElsewhere(in_use_message(info), path=self.path)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(holder_info()))
            handle.flush()
        except OSError:
            pass  # the lock is what matters; the description is a courtesy
        self._handle = handle

    def acquire_and_release(self) -> None:
        """Raise :class:`InUseElsewhere` if another copy of Clerk holds the lock now."""
        self.acquire()
        self.release()

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.flush()
        _unlock(handle)
        handle.close()
