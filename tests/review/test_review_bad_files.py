"""Damaged review files get a message, from the services and the command line: never a
traceback, and nothing is added to the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clerk_app.services.review import ReviewFileError, open_review_file

from .bad_files import BAD, write_bad
from .conftest import Library, S


@pytest.mark.parametrize("name, make, words", BAD, ids=[b[0] for b in BAD])
def test_the_chair_and_the_clerk_are_told_what_is_wrong(
    svc: S, lib: Library, tmp_path: Path, name: str, make: Any, words: str
) -> None:
    good = svc.export_review_file(lib.meeting, tmp_path / "review.clerkreview")
    bad = write_bad(good, make, tmp_path / "from the chair.clerkreview")
    with pytest.raises(ReviewFileError) as opened:
        open_review_file(bad)
    assert words in opened.value.message
    assert "from the chair.clerkreview is not a Clerk review file" in opened.value.message
    with pytest.raises(ReviewFileError) as imported:
        svc.import_review(bad)
    assert imported.value.message == opened.value.message
    assert svc.responses(lib.meeting.id) == []


@pytest.mark.parametrize("name, make, words", BAD[:4], ids=[b[0] for b in BAD[:4]])
def test_the_review_command_prints_the_message_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: Any, words: str
) -> None:
    from clerk_app import cli

    data = tmp_path / "library"
    assert cli.main(["--data-dir", str(data), "demo"]) == 0
    meeting = cli.main(["--data-dir", str(data), "review", "export", "latest", "-o",
                        str(tmp_path / "review.clerkreview")])  # fmt: skip
    assert meeting == 0
    bad = write_bad(tmp_path / "review.clerkreview", make, tmp_path / "back.clerkreview")
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data), "review", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("clerk-app: back.clerkreview is not a Clerk review file")
    assert words in err and "Traceback" not in err
