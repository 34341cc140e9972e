"""Where Clerk keeps its files: the user data folder and the bundled resources.

The data folder holds the database (``clerk.db``), ``backups/``, ``logs/`` and
``templates/`` (a council's own house-style .docx). It is chosen, in order, by the
``--data-dir`` option, the ``CLERK_DATA_DIR`` environment variable, and the platform's
user data folder (``~/.local/share/Clerk`` on Linux, ``%LOCALAPPDATA%\\Clerk`` on
Windows, ``~/Library/Application Support/Clerk`` on macOS).
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
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / DATABASE_NAME


def backups_dir(override: str | os.PathLike[str] | None = None) -> Path:
    path = data_dir(override) / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir(override: str | os.PathLike[str] | None = None) -> Path:
    path = data_dir(override) / "logs"
    path.mkdir(parents=True, exist_ok=True)
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
