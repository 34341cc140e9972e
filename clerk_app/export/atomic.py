"""Write a file all-or-nothing: to a temporary name beside it, then rename over it.

A failed export never leaves a broken file where the last good one was, and never
leaves its temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from clerk_app.export.errors import ExportError

TEMP_PREFIX = ".~clerk-"
TEMP_SUFFIX = ".tmp"


SAFE = "Your minutes are safe in Clerk."


def _folder_problem(target: Path, exc: OSError) -> ExportError:
    folder = target.parent
    if isinstance(exc, FileNotFoundError):
        reason = f"the folder {folder} does not exist"
        advice = f"Choose another folder. {SAFE}"
    elif isinstance(exc, NotADirectoryError):
        reason = f"{folder} is not a folder"
        advice = f"Choose another folder. {SAFE}"
    elif isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        reason = "the folder is read-only"
        advice = f"Choose another folder, one you are allowed to save in. {SAFE}"
    elif exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        reason = "the disk is full"
        advice = (
            "Choose another folder on a drive with free space, or free some space on this "
            f"disk and export again. {SAFE}"
        )
    else:
        reason = f"of a system error ({exc.strerror or exc})"
        advice = f"Choose another folder, or check that the drive is connected. {SAFE}"
    return ExportError(f"Could not write {target} because {reason}.", advice)


def _target_problem(target: Path, exc: OSError) -> ExportError:
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return ExportError(
            f"Could not write {target} because a folder has that name.",
            f"Choose another name. {SAFE}",
        )
    if isinstance(exc, PermissionError):
        return ExportError(
            f"Could not write {target} because the file is open in another program (such as "
            "Word) or is read-only.",
            f"Close it in that program and export again, or choose another name. {SAFE}",
        )
    return _folder_problem(target, exc)


def write_atomic(target: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)`` to produce the file, then move it onto ``target``.

    Any failure (in ``write`` or in the move) removes the temporary file, leaves an
    existing ``target`` untouched and raises :class:`ExportError` for file-system
    problems; other exceptions from ``write`` propagate unchanged."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise _target_problem(target, IsADirectoryError(errno.EISDIR, "Is a directory"))
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent or Path(".")
        )
    except OSError as exc:
        raise _folder_problem(target, exc) from exc
    os.close(fd)
    temp = Path(temp_name)
    try:
        try:
            write(temp)
        except OSError as exc:
            raise _folder_problem(target, exc) from exc
        with contextlib.suppress(OSError):
            # mkstemp makes the file private; give it the old file's or ordinary permissions.
            os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise _target_problem(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target
