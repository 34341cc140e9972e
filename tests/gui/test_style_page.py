"""The Style page of the settings: a shipped style chosen, a shared file imported or
refused with its reason, the body's style exported; saved with the settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from clerk_app.domain.model import BodyKind
from clerk_app.gui.dialogs.settings import SettingsDialog
from clerk_app.services import Services
from clerk_app.storage import Store


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "c.db", backups=False))


def test_choose_import_and_export_a_style(
    qtbot, svc: Services, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    body = svc.create_body("Licensing Committee", BodyKind.COMMITTEE)
    dialog = SettingsDialog(svc, body)
    qtbot.addWidget(dialog)
    page = dialog.style_page
    assert page.accessibleName() or page.current.accessibleName() == "Current style"
    page.shipped.setCurrentIndex(page.shipped.findData("ontario-council"))
    page._use_shipped()
    assert "Ontario municipal council" in page.current.text()
    target = tmp_path / "ours.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page._export()
    assert json.loads(target.read_text(encoding="utf-8"))["style"]["locale"] == "en-CA"
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {"format": "clerk-style", "format_version": 1,
             "style": {"phrases": {"vote.carried": "Carried {nonsense}."}}}
        ),
        encoding="utf-8",
    )  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    page._import()
    assert "vote.carried" in page.message.text() and "{nonsense}" in page.message.text()
    assert "Ontario" in page.minute_style().name  # the refused file changed nothing
    dialog.accept()
    assert svc.get_body(body.id).settings.style.name == "Ontario municipal council"


def test_the_school_and_nhs_board_styles_are_offered(qtbot, svc: Services) -> None:  # type: ignore[no-untyped-def]
    body = svc.create_body("Full Governing Board", BodyKind.SCHOOL)
    dialog = SettingsDialog(svc, body)
    qtbot.addWidget(dialog)
    page = dialog.style_page
    assert "School governing board" in page.current.text()  # a new school body's own
    for style_id, name in (
        ("nhs-board", "NHS trust board"),
        ("school-governing-board", "School governing board"),
    ):
        index = page.shipped.findData(style_id)
        assert index >= 0
        page.shipped.setCurrentIndex(index)
        page._use_shipped()
        assert name in page.current.text()
