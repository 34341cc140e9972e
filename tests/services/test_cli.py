"""The command line: demo, list, export, import, backup and their errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from clerk_app import __version__
from clerk_app.cli import EXIT_DATABASE, EXIT_FAILED, main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_in_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "clerk_app", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"Clerk {__version__}"


def test_demo_list_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "demo")
    assert code == 0 and "Created the demo meeting" in out
    meeting_id = out.split("meeting ")[1].split()[0]
    code, out, _ = run(capsys, "--data-dir", data, "demo", "--if-empty")
    assert code == 0 and "no demo created" in out
    code, out, _ = run(capsys, "--data-dir", data, "list")
    assert meeting_id in out and "Communities and Environment Committee" in out
    target = tmp_path / "out.docx"
    code, out, _ = run(capsys, "--data-dir", data, "export", meeting_id[:8], "-o", str(target))
    assert code == 0, out
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Millbrook Town Centre Parking Strategy".upper() in text.upper()
    public = tmp_path / "public.docx"
    run(capsys, "--data-dir", data, "export", "latest", "--version", "public", "-o", str(public))
    public_text = "\n".join(p.text for p in docx.Document(str(public)).paragraphs)
    assert "Bridgewater Homes" in text and "Bridgewater Homes" not in public_text


def test_json_export_import_between_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    run(capsys, "--data-dir", a, "demo")
    js = tmp_path / "m.json"
    code, _, err = run(
        capsys, "--data-dir", a, "export", "latest", "--format", "json", "-o", str(js)
    )
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", b, "import", str(js))
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", b, "list")
    assert "Communities and Environment Committee" in out
    code, _, err = run(capsys, "--data-dir", b, "import", str(js))
    assert code == EXIT_FAILED and "already in Clerk" in err


def test_bad_input_gives_clear_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    code, _, err = run(capsys, "--data-dir", data, "export", "nope")
    assert code == EXIT_FAILED and "no meetings" in err.lower()
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", data, "import", str(bad))
    assert code == EXIT_FAILED and "not a Clerk meeting file" in err
    with pytest.raises(SystemExit) as exit_:
        main(["export"])
    assert exit_.value.code == 2


def test_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "clerk.db").write_bytes(b"This is a letter, not a database." * 100)
    code, _, err = run(capsys, "--data-dir", str(folder), "list")
    assert code == EXIT_DATABASE and err.strip()


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    code, out, _ = run(capsys, "--data-dir", data, "backup")
    assert code == 0 and "Backup written to" in out
    backup = out.split("Backup written to ")[1].strip()
    run(capsys, "--data-dir", data, "demo")
    code, out, _ = run(capsys, "--data-dir", data, "restore")
    assert backup in out
    code, out, _ = run(capsys, "--data-dir", data, "restore", backup)
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", data, "list")
    assert out.count("Communities and Environment Committee") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["minutes.clerkreview"],
        ["--review", "minutes.clerkreview"],
        ["--data-dir", "D", "minutes.clerkreview"],
    ],
)
def test_review_file_opens_review_mode(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []

    def fake_app_main(_argv: list[str], **kwargs: object) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr("clerk_app.app.main", fake_app_main)
    assert main(argv) == 0
    assert calls and calls[0]["review_file"] == "minutes.clerkreview"
    assert calls[0]["data_dir"] == ("D" if "D" in argv else None)


def test_review_import_of_a_review_file_stays_a_command() -> None:
    from clerk_app.cli import _review_file_first

    argv = ["review", "import", "minutes.clerkreview"]
    assert _review_file_first(argv) == argv


def test_output_cut_short_by_its_reader_is_not_an_error(tmp_path: Path) -> None:
    """``clerk-app … | head -1``: the reader stops early; no traceback, exit code 0."""
    data = str(tmp_path / "data")
    env_cmd = [sys.executable, "-m", "clerk_app", "--data-dir", data]
    subprocess.run([*env_cmd, "demo"], capture_output=True, check=True)
    script = (
        "import sys, clerk_app.cli as c\n"
        "sys.argv = ['clerk-app', *sys.argv[1:]]\n"
        "sys.stdout.reconfigure(line_buffering=True)\n"
        "sys.exit(c.main())\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", script, "--data-dir", data, "correct", "latest", "--show"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert reader.stdout is not None and reader.stderr is not None
    first = reader.stdout.readline()
    reader.stdout.close()  # as ``head -1`` does
    err = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0, err
    assert first.startswith(b"Minutes of")
    assert "Traceback" not in err and "BrokenPipe" not in err
