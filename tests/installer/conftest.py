"""Helpers for the installer tests: load the stand-alone scripts in installer/ as modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"clerk_installer_{name}", INSTALLER / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def dev() -> ModuleType:
    return load_script("dev.py")
