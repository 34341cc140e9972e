"""The action log: the public version leaves out Part 2 actions; the confidential one
lists them marked "Part 2 – exempt". Offered by the services, the command line and the
window."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.cli import main
from clerk_app.export import ActionLogVersion, ActionRow, export_action_log
from clerk_app.services import ServiceError, Services
from clerk_app.storage import Store
from tests.exempt.helpers import SECRET, docx_text, exempt_meeting


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "data" / "clerk.db", backups=False))


def _rows(path: Path) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in docx.Document(str(path)).tables for row in t.rows]


def test_public_action_log_leaves_part_2_actions_out(svc: Services, tmp_path: Path) -> None:
    ex = exempt_meeting(svc)
    path = svc.export_action_log(ex.body.id, tmp_path / "public.docx")
    text = docx_text(path)
    assert SECRET not in text
    assert "Part 2" not in text
    rows = _rows(path)
    assert [r[1] for r in rows[1:]] == ["Retender the mowing lot"]


def test_confidential_action_log_marks_part_2_actions(svc: Services, tmp_path: Path) -> None:
    ex = exempt_meeting(svc)
    path = svc.export_action_log(ex.body.id, tmp_path / "conf.docx", "confidential")
    rows = _rows(path)
    assert [r[1] for r in rows[1:]] == ["Retender the mowing lot", f"Instruct agents {SECRET}"]
    assert "Part 2 – exempt" not in rows[1][0]
    assert rows[2][0].endswith("Part 2 – exempt")
    assert rows[2][2] == f"Agent {SECRET}"
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paragraphs[0] == "Estates Committee – confidential action log"
    assert paragraphs[1].startswith("Not for publication")


def test_an_unknown_version_is_refused_in_words(svc: Services, tmp_path: Path) -> None:
    ex = exempt_meeting(svc)
    with pytest.raises(ServiceError, match="no 'secret' action log"):
        svc.export_action_log(ex.body.id, tmp_path / "x.docx", "secret")


def test_export_level_default_is_public(tmp_path: Path) -> None:
    rows = [ActionRow("4", "Open", "Clerk"), ActionRow("5", f"Hidden {SECRET}", exempt=True)]
    public = export_action_log(rows, tmp_path / "a.docx", "Log")
    assert SECRET not in docx_text(public)
    conf = export_action_log(
        rows, tmp_path / "b.docx", "Log", version=ActionLogVersion.CONFIDENTIAL
    )
    assert SECRET in docx_text(conf)


def test_the_command_line_offers_both_versions(
    svc: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ex = exempt_meeting(svc)
    svc.store.close()
    data = str(tmp_path / "data")
    public, conf = tmp_path / "p.docx", tmp_path / "c.docx"
    assert main(["--data-dir", data, "actions", "Estates", "-o", str(public)]) == 0
    assert "public action log" in capsys.readouterr().out
    assert SECRET not in docx_text(public)
    args = ["--data-dir", data, "actions", ex.body.id, "-o", str(conf), "--version", "confidential"]
    assert main(args) == 0
    assert "confidential action log" in capsys.readouterr().out
    assert f"Instruct agents {SECRET}" in docx_text(conf)
