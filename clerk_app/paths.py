"""Where Clerk keeps its files: the user data folder and the bundled resources.

The data folder holds the database (``clerk.db``), ``backups/``, ``logs/`` and
``templates/`` (a council's own house-style .docx). It is chosen, in order, by the
``--data-dir`` option, the ``CLERK_DATA_DIR`` environment variable, the folder the clerk
moved the library to when its usual folder disappeared (remembered in the platform's
config folder, used while it holds a library), and the platform's user data folder
(``~/.local/share/Clerk`` on Linux, ``%LOCALAPPDATA%\\Clerk`` on Windows,
``~/Library/Application Support/Clerk`` on macOS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Clerk"
DATA_DIR_ENV = "CLERK_DATA_DIR"
DATABASE_NAME = "clerk.db"


def data_dir(override: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The user data folder (created if missing, unless ``create`` is False)."""
    if override:
        path = Path(override).expanduser()
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV]).expanduser()
    else:
        path = remembered_data_dir() or platform_data_dir()
    if create:
        make_folder(path)
    return path


def platform_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _pointer_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "data-folder.txt"


def remembered_data_dir() -> Path | None:
    """The folder the library was moved to, if it still holds a library."""
    try:
        text = _pointer_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    folder = Path(text) if text else None
    return folder if folder is not None and (folder / DATABASE_NAME).is_file() else None


def is_chosen_by_default(folder: Path) -> bool:
    """True when Clerk finds ``folder`` by itself at start-up (no ``--data-dir`` or
    ``CLERK_DATA_DIR`` needed), so moving the library can be remembered for it."""
    if os.environ.get(DATA_DIR_ENV):
        return False
    here = folder.resolve()
    return here in {
        platform_data_dir().resolve(),
        *([p.resolve()] if (p := remembered_data_dir()) is not None else []),
    }


def remember_data_dir(folder: Path) -> None:
    """From now on, start with the library in ``folder`` (it moved there)."""
    pointer = _pointer_file()
    pointer.parent.mkdir(parents=True, exist_ok=True)
    temp = pointer.with_name(pointer.name + ".tmp")
    temp.write_text(str(folder.resolve()), encoding="utf-8")
    temp.replace(pointer)


def make_folder(path: Path) -> None:
    """Create ``path`` (and its parents) if missing, or raise
    :class:`~clerk_app.storage.errors.DataFolderUnusable` saying why it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            return
        raise FileExistsError(17, "File exists", str(path))
    except OSError as exc:
        from clerk_app.storage.errors import DataFolderUnusable

        message, advice = folder_problem(path, exc)
        raise DataFolderUnusable(message, advice, path=path) from exc


def folder_problem(path: Path, exc: OSError) -> tuple[str, str]:
    """Why the folder ``path`` could not be made, and what to do, in a clerk's words."""
    import errno

    other = "use another data folder"
    blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        return (
            f"Clerk cannot use {path} as its data folder: {blocker} is a file, not a folder.",
            f"Move or rename the file {blocker.name}, or {other}.",
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"Clerk cannot create its data folder {path}: the folder it goes in is read-only.",
            f"Ask your IT team to let you write there, or {other}.",
        )
    if exc.errno == errno.ENOSPC:
        return (
            f"Clerk cannot create its data folder {path}: the disk is full.",
            f"Free some space on the disk, or {other}.",
        )
    if isinstance(exc, FileNotFoundError):
        return (
            f"Clerk cannot create its data folder {path}: that drive or folder is not there.",
            f"Connect the drive, or {other}.",
        )
    return (
        f"Clerk cannot create its data folder {path} ({exc.strerror or exc}).",
        f"Ask your IT team to check that folder, or {other}.",
    )


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / DATABASE_NAME


def backups_dir(override: str | os.PathLike[str] | None = None) -> Path:
    path = data_dir(override) / "backups"
    make_folder(path)
    return path


def logs_dir(override: str | os.PathLike[str] | None = None) -> Path:
    path = data_dir(override) / "logs"
    make_folder(path)
    return path


def resources_dir() -> Path:
    """The bundled resources: inside a PyInstaller bundle, an installed wheel, or the
    source tree's top-level ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    packaged = here / "resources"
    if packaged.is_dir():
        return packaged
    return here.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def ui_dir() -> Path:
    """The Qt Designer forms of the dialogs: inside a PyInstaller bundle, an installed
    wheel, or the source tree's top-level ``ui/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ui"
    here = Path(__file__).resolve().parent
    packaged = here / "ui"
    if packaged.is_dir():
        return packaged
    return here.parent / "ui"


def ui_file(name: str) -> Path:
    """The Designer form ``name`` (``"new_body"`` → ``ui/new_body.ui``)."""
    return ui_dir() / f"{name}.ui"
