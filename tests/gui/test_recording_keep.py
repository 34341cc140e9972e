"""How long a body keeps recordings: set on the settings' Keeping recordings page,
checked by the same rule as every other setting, and saved with the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.domain.model import BodyKind
from clerk_app.gui.dialogs.settings import SettingsDialog
from clerk_app.services import ServiceError, Services
from clerk_app.services.rules import MAX_KEPT_DAYS
from clerk_app.storage import Store


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return Services(Store.open(tmp_path / "c.db", backups=False))


def test_the_days_recordings_are_kept_are_set_checked_and_saved(
    qtbot, svc: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    body = svc.create_body("Licensing Committee", BodyKind.COMMITTEE)
    dialog = SettingsDialog(svc, body)
    qtbot.addWidget(dialog)
    page = dialog.recording_page
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "&Keeping recordings"
    assert page.spin.accessibleName() == "Days a recording is kept after approval"
    page.spin.setValue(-1)
    assert not dialog.ok_button.isEnabled()
    assert "less than 0 days" in page.message.text()
    assert "Keeping recordings" in dialog.message.text()
    page.spin.setValue(42)
    assert dialog.ok_button.isEnabled()
    assert "42 days" in page.message.text()
    dialog.accept()
    svc.raw_store.close()
    store = Store.open(tmp_path / "c.db", backups=False)
    assert Services(store).get_body(body.id).settings.recordings_kept_days == 42
    store.close()


def test_saving_refuses_a_period_the_dialog_could_not_give(svc: Services) -> None:
    body = svc.create_body("Licensing Committee", BodyKind.COMMITTEE)
    body.settings.recordings_kept_days = MAX_KEPT_DAYS + 1
    with pytest.raises(ServiceError) as raised:
        svc.save_body(body)
    assert raised.value.field == "settings.recordings_kept_days" or (
        raised.value.field == "recordings_kept_days"
    )
    assert "ten years" in raised.value.message
