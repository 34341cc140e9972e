"""Set up, run and test Clerk from a source checkout, with nothing but Python 3.11+.

    python3 installer/dev.py app     # set up .venv if needed, add a demo meeting, start Clerk
    python3 installer/dev.py test    # set up .venv if needed, run the whole test suite
    python3 installer/dev.py lint    # ruff check, ruff format --check and mypy
    python3 installer/dev.py build   # build dist/Clerk/ and the .deb with installer/build.py
    python3 installer/dev.py setup   # only set up .venv
    python3 installer/dev.py lock    # re-pin installer/requirements-lock.txt in a clean venv

On Windows use ``py installer\\dev.py test``. Arguments after the sub-command are passed
on: ``dev.py test -k export -x`` runs pytest with ``-k export -x``; ``dev.py app
--data-dir DIR`` starts Clerk on another data folder.

The virtual environment lives in ``.venv`` at the top of the checkout (or wherever
``CLERK_VENV`` points). It is rebuilt from scratch whenever the pinned set in
``installer/requirements-lock.txt``, the dependency lists in ``pyproject.toml`` or the
Python interpreter change, so every machine tests against the same packages. This file
uses the standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILE = ROOT / "installer" / "requirements-lock.txt"
PYPROJECT = ROOT / "pyproject.toml"
STAMP_NAME = ".clerk-setup.json"
EXTRAS = "test,build"
MIN_PYTHON = (3, 11)
WINDOWS = os.name == "nt"


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_dir() -> Path:
    override = os.environ.get("CLERK_VENV")
    return Path(override).expanduser().resolve() if override else ROOT / ".venv"


def venv_bin(venv_path: Path) -> Path:
    return venv_path / ("Scripts" if WINDOWS else "bin")


def venv_python(venv_path: Path) -> Path:
    return venv_bin(venv_path) / ("python.exe" if WINDOWS else "python")


def venv_script(venv_path: Path, name: str) -> Path:
    return venv_bin(venv_path) / (f"{name}.exe" if WINDOWS else name)


def setup_key() -> str:
    """A fingerprint of everything that decides what goes into the environment."""
    import tomllib  # Python 3.11+; imported here so older Pythons get a clear message

    digest = hashlib.sha256()
    digest.update(LOCK_FILE.read_bytes() if LOCK_FILE.exists() else b"no lock file")
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8")).get("project", {})
    wanted = {
        "dependencies": project.get("dependencies", []),
        "optional": project.get("optional-dependencies", {}),
        "scripts": project.get("scripts", {}),
        "extras": EXTRAS,
    }
    digest.update(json.dumps(wanted, sort_keys=True).encode())
    digest.update(f"{sys.implementation.name} {sys.version} {sys.platform}".encode())
    return digest.hexdigest()


def run(command: Sequence[str | Path], env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(part) for part in command], cwd=ROOT, env=env)


def check(command: Sequence[str | Path]) -> None:
    code = run(command)
    if code != 0:
        shown = " ".join(str(part) for part in command)
        raise SystemExit(f"[dev] This step failed (exit code {code}): {shown}")


def create_venv(path: Path) -> None:
    try:
        venv.EnvBuilder(clear=True, with_pip=True, upgrade_deps=False).create(path)
    except (subprocess.CalledProcessError, OSError) as error:
        hint = ""
        if sys.platform.startswith("linux"):
            hint = (
                "\nOn Debian or Ubuntu, install the venv module first:"
                " sudo apt-get install python3-venv"
            )
        raise SystemExit(
            f"[dev] Could not create a virtual environment in {path}: {error}{hint}"
        ) from error


def ensure_env(force: bool = False) -> Path:
    """Create or refresh the virtual environment; return its Python."""
    path = venv_dir()
    python = venv_python(path)
    stamp = path / STAMP_NAME
    key = setup_key()
    if not force and python.exists() and stamp.exists():
        try:
            recorded = json.loads(stamp.read_text(encoding="utf-8")).get("key")
        except (OSError, ValueError):
            recorded = None
        if recorded == key:
            return python
        say(f"{path.name} is out of date with the pinned packages; rebuilding it.")
    else:
        say(f"Creating the virtual environment in {path} ...")
    if Path(sys.prefix).resolve() == path.resolve():
        raise SystemExit(
            f"[dev] {path} needs rebuilding, which cannot be done from its own Python:"
            " run dev.py with the system Python (python3, or py on Windows)."
        )
    if stamp.exists():
        stamp.unlink()
    create_venv(path)
    install = [python, "-m", "pip", "install", "--disable-pip-version-check"]
    if os.environ.get("CI"):
        install.append("--progress-bar=off")
    if LOCK_FILE.exists():
        install += ["-c", LOCK_FILE]
    else:
        say(f"No {LOCK_FILE.name}: installing the newest allowed versions.")
    say("Installing Clerk and its pinned dependencies (the first time takes a few minutes) ...")
    check([*install, "-e", f".[{EXTRAS}]"])
    stamp.write_text(json.dumps({"key": key}), encoding="utf-8")
    say("The environment is ready.")
    return python


def test_env() -> dict[str, str]:
    env = dict(os.environ)
    headless = sys.platform.startswith("linux") and not (
        env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
    )
    if headless:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def cmd_setup(extra: list[str]) -> int:
    ensure_env(force="--force" in extra)
    return 0


def cmd_test(extra: list[str]) -> int:
    python = ensure_env()
    say("Running the tests: pytest " + " ".join(extra))
    code = run([python, "-m", "pytest", *extra], env=test_env())
    if code == 5:
        say("pytest collected no tests: that counts as a failure.")
    return code


def split_data_dir(extra: list[str]) -> list[str]:
    """The ``--data-dir`` option among the app's arguments, to pass on to ``demo`` too."""
    for index, arg in enumerate(extra):
        if arg == "--data-dir" and index + 1 < len(extra):
            return extra[index : index + 2]
        if arg.startswith("--data-dir="):
            return [arg]
    return []


def cmd_app(extra: list[str]) -> int:
    python = ensure_env()
    clerk = venv_script(python.parent.parent, "clerk-app")
    if not clerk.exists():
        raise SystemExit(f"[dev] The clerk-app command is missing from {clerk.parent}.")
    no_demo = "--no-demo" in extra
    extra = [arg for arg in extra if arg != "--no-demo"]
    if not no_demo:
        code = run([clerk, *split_data_dir(extra), "demo", "--if-empty"])
        if code != 0:
            say("Could not add the demo meeting; starting Clerk without it.")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        say("No display found: Clerk's window needs a desktop session.")
    say("Starting Clerk ...")
    return run([clerk, *extra])


def cmd_lint(extra: list[str]) -> int:
    python = ensure_env()
    failures = 0
    for step in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]):
        say("Running " + " ".join(step))
        if run([python, "-m", *step]) != 0:
            failures += 1
    if failures:
        say(f"{failures} lint step(s) failed.")
    return 1 if failures else 0


def cmd_build(extra: list[str]) -> int:
    python = ensure_env()
    return run([python, ROOT / "installer" / "build.py", *extra])


def cmd_lock(extra: list[str]) -> int:
    """Pin the newest allowed runtime, test and build packages, as pip freeze does."""
    with tempfile.TemporaryDirectory(prefix="clerk-lock-") as scratch:
        path = Path(scratch) / "venv"
        create_venv(path)
        python = venv_python(path)
        say("Installing the newest allowed versions into a clean environment ...")
        check([python, "-m", "pip", "install", "--disable-pip-version-check", f".[{EXTRAS}]"])
        frozen = subprocess.run(
            [str(python), "-m", "pip", "freeze", "--exclude", "clerk-app"],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    pins = sorted(
        (line.strip() for line in frozen.splitlines() if "==" in line),
        key=lambda pin: pin.split("==")[0].lower().replace("_", "-"),
    )
    header = [
        "# Pinned versions of Clerk's runtime, test and build dependencies.",
        "# Used as a constraints file: pip install -c installer/requirements-lock.txt -e .[test]",
        "# Regenerate with: python3 installer/dev.py lock",
        f"# Resolved with Python {sys.version_info.major}.{sys.version_info.minor}"
        f" on {sys.platform}; packages only other platforms need are left unpinned.",
    ]
    LOCK_FILE.write_text("\n".join([*header, *pins]) + "\n", encoding="utf-8")
    say(f"Wrote {len(pins)} pins to {LOCK_FILE.relative_to(ROOT)}.")
    return 0


USAGE = """usage: dev.py COMMAND [ARGUMENTS ...]

Set up, run and test Clerk from a source checkout.

commands:
  app [--no-demo] [ARGS]  add a demo meeting if there is none, then start Clerk with ARGS
  test [ARGS]             run the test suite; ARGS go to pytest
  lint [ARGS]             run ruff check, ruff format --check and mypy
  build [ARGS]            build the self-contained program and the .deb (installer/build.py)
  setup [--force]         only create or refresh the virtual environment
  lock                    re-pin installer/requirements-lock.txt in a clean environment
"""

COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "app": cmd_app,
    "test": cmd_test,
    "lint": cmd_lint,
    "build": cmd_build,
    "setup": cmd_setup,
    "lock": cmd_lock,
}


def main(argv: Sequence[str] | None = None) -> int:
    if sys.version_info < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        print(f"Clerk needs Python {wanted} or newer; this is {sys.version.split()[0]}.")
        return 2
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if rest and rest[0] == "--":
        rest = rest[1:]
    if command not in COMMANDS:
        print(f"dev.py: unknown command {command!r}.\n\n{USAGE}", file=sys.stderr)
        return 2
    return COMMANDS[command](rest)


if __name__ == "__main__":
    sys.exit(main())
