"""One registry of the clerk's settings, with defaults, over QSettings.

User settings (the export folder, the last body used …) live in ``settings.ini`` in the
data folder, so the portable ``--data-dir`` mode carries them between machines. Window
geometry and splitter state are kept apart in ``window-state.ini``: resetting the
settings never loses the layout, and a broken layout can be thrown away on its own.

Usage::

    prefs = Prefs.open(data_dir)          # or Prefs.in_memory() in tests
    folder = prefs.get("export/last_folder")
    prefs.set("export/last_folder", "/home/clerk/Minutes")
    prefs.save_geometry("main", window.saveGeometry())
    window.restoreGeometry(prefs.geometry("main") or QByteArray())

Other modules add their own settings with :func:`register` at import time.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILE = "settings.ini"
WINDOW_STATE_FILE = "window-state.ini"


@dataclass(frozen=True)
class Setting:
    """A setting Clerk keeps: its key, default, what it is for and its type."""

    key: str
    default: Any
    description: str
    kind: type = str


REGISTRY: dict[str, Setting] = {}


def register(key: str, default: Any, description: str, kind: type | None = None) -> Setting:
    """Add a setting to the registry (idempotent for an identical definition)."""
    setting = Setting(key, default, description, kind or type(default))
    existing = REGISTRY.get(key)
    if existing is not None and existing != setting:
        raise ValueError(f"Setting {key!r} is already registered differently")
    REGISTRY[key] = setting
    return setting


register("export/last_folder", "", "The folder the last export was saved in")
register("start/last_body_id", "", "The body chosen for the last new meeting")
register("meeting/last_meeting_id", "", "The meeting open when Clerk was last closed")
register("editor/clock_now_on_empty_time", True, "Fill an empty time with the time now")
register("review/reviewer_name", "", "The name the chair answered the last review file with")


def _convert(value: Any, kind: type, default: Any) -> Any:
    """QSettings (INI) hands back strings; turn them into the registered type."""
    if value is None:
        return default
    if kind is bool:
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in {"1", "true", "yes", "on"}
    if kind is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if kind is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            return default
    if kind is list:
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value else []
    if kind is str:
        return str(value)
    return value


def _byte_array(value: object) -> QByteArray | None:
    """Saved window state as bytes; None when there is none or it is not bytes (a
    hand-edited or damaged file), so the window falls back to its default layout."""
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, (bytes, bytearray)):
        return QByteArray(value)
    return None


class Prefs:
    """The clerk's settings (registered keys only) and the window's remembered state."""

    def __init__(self, settings: QSettings, window_state: QSettings) -> None:
        self._settings = settings
        self._state = window_state

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str]) -> Prefs:
        folder = Path(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        fmt = QSettings.Format.IniFormat
        return cls(
            QSettings(str(folder / SETTINGS_FILE), fmt),
            QSettings(str(folder / WINDOW_STATE_FILE), fmt),
        )

    @classmethod
    def in_memory(cls) -> Prefs:
        """Settings in a throw-away folder (tests, previews)."""
        return cls.open(tempfile.mkdtemp(prefix="clerk-prefs-"))

    # ----------------------------------------------------------------- settings
    def _setting(self, key: str) -> Setting:
        try:
            return REGISTRY[key]
        except KeyError:
            raise KeyError(f"Unknown setting {key!r}: register it in clerk_app.gui.prefs") from None

    def get(self, key: str) -> Any:
        s = self._setting(key)
        return _convert(self._settings.value(key, None), s.kind, s.default)

    def set(self, key: str, value: Any) -> None:
        s = self._setting(key)
        if value is not None and not isinstance(value, s.kind):
            value = _convert(value, s.kind, s.default)
        stored = self._settings.value(key, None)
        if stored is not None and value is not None and _convert(stored, s.kind, None) == value:
            return  # already so: the file is not written again (reopening a meeting)
        self._settings.setValue(key, value)
        self._settings.sync()

    def reset(self, key: str | None = None) -> None:
        """Back to the default: one setting, or all of them (window state is kept)."""
        if key is None:
            self._settings.clear()
        else:
            self._setting(key)
            self._settings.remove(key)
        self._settings.sync()

    @property
    def path(self) -> Path:
        return Path(self._settings.fileName())

    # ------------------------------------------------------------- window state
    def save_geometry(self, name: str, data: QByteArray | bytes) -> None:
        self._state.setValue(f"geometry/{name}", QByteArray(data))
        self._state.sync()

    def geometry(self, name: str) -> QByteArray | None:
        return _byte_array(self._state.value(f"geometry/{name}", None))

    def save_state(self, name: str, data: QByteArray | bytes) -> None:
        """A splitter's or main window's saveState()."""
        self._state.setValue(f"state/{name}", QByteArray(data))
        self._state.sync()

    def state(self, name: str) -> QByteArray | None:
        return _byte_array(self._state.value(f"state/{name}", None))

    def forget_window_state(self) -> None:
        self._state.clear()
        self._state.sync()

    def sync(self) -> None:
        self._settings.sync()
        self._state.sync()
