"""installer/dev.py: the set-up, run and test commands a newcomer types."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest


def test_venv_paths_follow_the_platform(dev: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    base = Path("env")
    monkeypatch.setattr(dev, "WINDOWS", True)
    assert dev.venv_python(base) == base / "Scripts" / "python.exe"
    assert dev.venv_script(base, "clerk-app") == base / "Scripts" / "clerk-app.exe"
    monkeypatch.setattr(dev, "WINDOWS", False)
    assert dev.venv_python(base) == base / "bin" / "python"
    assert dev.venv_script(base, "clerk-app") == base / "bin" / "clerk-app"


def test_setup_key_changes_with_the_lock_file(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / "requirements-lock.txt"
    lock.write_text("python-docx==1.2.0\n")
    monkeypatch.setattr(dev, "LOCK_FILE", lock)
    first = dev.setup_key()
    assert dev.setup_key() == first
    lock.write_text("python-docx==1.1.2\n")
    assert dev.setup_key() != first


def test_lock_file_pins_every_runtime_dependency(dev: ModuleType) -> None:
    import tomllib

    pins = {
        line.split("==")[0].lower().replace("_", "-")
        for line in dev.LOCK_FILE.read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    project = tomllib.loads(dev.PYPROJECT.read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for requirement in wanted:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].split("[")[0]
        assert name.strip().lower().replace("_", "-") in pins, requirement


def fake_env(dev: ModuleType, root: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Point dev.py at a venv folder under root and record the commands it would run."""
    monkeypatch.setenv("CLERK_VENV", str(root / "venv"))
    commands: list[list[str]] = []

    def fake_create(path: Path) -> None:
        python = dev.venv_python(path)
        python.parent.mkdir(parents=True, exist_ok=True)
        python.write_text("")
        commands.append(["create", str(path)])

    def fake_run(command: list[object], env: dict[str, str] | None = None) -> int:
        commands.append([str(part) for part in command])
        return 0

    monkeypatch.setattr(dev, "create_venv", fake_create)
    monkeypatch.setattr(dev, "run", fake_run)
    return commands


def test_setup_installs_pinned_set_once_then_reuses_it(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = fake_env(dev, tmp_path, monkeypatch)
    python = dev.ensure_env()
    assert commands[0] == ["create", str(tmp_path / "venv")]
    install = commands[1]
    assert install[:4] == [str(python), "-m", "pip", "install"]
    assert install[install.index("-c") + 1] == str(dev.LOCK_FILE)
    assert install[-2:] == ["-e", ".[test,build]"]
    stamp = json.loads((tmp_path / "venv" / dev.STAMP_NAME).read_text())
    assert stamp["key"] == dev.setup_key()

    commands.clear()
    assert dev.ensure_env() == python
    assert commands == []


def test_stale_environment_is_rebuilt(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = fake_env(dev, tmp_path, monkeypatch)
    dev.ensure_env()
    stamp = tmp_path / "venv" / dev.STAMP_NAME
    stamp.write_text(json.dumps({"key": "made with an older lock file"}))
    commands.clear()
    dev.ensure_env()
    assert commands[0][0] == "create"
    assert json.loads(stamp.read_text())["key"] == dev.setup_key()


def test_failed_install_stops_with_a_message_and_no_stamp(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_env(dev, tmp_path, monkeypatch)
    monkeypatch.setattr(dev, "run", lambda command, env=None: 1)
    with pytest.raises(SystemExit, match="exit code 1"):
        dev.ensure_env()
    assert not (tmp_path / "venv" / dev.STAMP_NAME).exists()


def test_test_command_passes_arguments_to_pytest_headless(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_env(dev, tmp_path, monkeypatch)
    dev.ensure_env()
    seen: dict[str, object] = {}

    def fake_run(command: list[object], env: dict[str, str] | None = None) -> int:
        seen["command"] = [str(part) for part in command]
        seen["env"] = env
        return 5

    monkeypatch.setattr(dev, "run", fake_run)
    monkeypatch.setattr(dev.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert dev.main(["test", "-m", "slow", "tests/installer"]) == 5
    command = seen["command"]
    assert isinstance(command, list)
    assert command[1:] == ["-m", "pytest", "-m", "slow", "tests/installer"]
    env = seen["env"]
    assert isinstance(env, dict)
    assert env["QT_QPA_PLATFORM"] == "offscreen"


def test_app_adds_demo_on_the_same_data_folder_then_starts(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = fake_env(dev, tmp_path, monkeypatch)
    python = dev.ensure_env()
    clerk = dev.venv_script(python.parent.parent, "clerk-app")
    clerk.write_text("")
    commands.clear()
    assert dev.main(["app", "--data-dir", "/tmp/minutes"]) == 0
    assert commands == [
        [str(clerk), "--data-dir", "/tmp/minutes", "demo", "--if-empty"],
        [str(clerk), "--data-dir", "/tmp/minutes"],
    ]
    commands.clear()
    assert dev.main(["app", "--no-demo"]) == 0
    assert commands == [[str(clerk)]]


def test_unknown_command_is_refused(dev: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert dev.main(["tset"]) == 2
    assert "unknown command 'tset'" in capsys.readouterr().err


def test_stale_environment_is_not_rebuilt_from_inside(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_env(dev, tmp_path, monkeypatch)
    dev.ensure_env()
    (tmp_path / "venv" / dev.STAMP_NAME).write_text(json.dumps({"key": "old"}))
    monkeypatch.setattr(dev.sys, "prefix", str(tmp_path / "venv"))
    with pytest.raises(SystemExit, match="system Python"):
        dev.ensure_env()
