# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""Export with a file dialog: the .docx is written in the background and reported."""

from __future__ import annotations

import time as systime
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from clerk_app.domain.document import Version
from clerk_app.domain.model import Body, Meeting, Paragraph
from clerk_app.gui import files as files_mod
from clerk_app.gui.dialogs import export as export_mod
from clerk_app.gui.dialogs import export_with_dialog
from clerk_app.gui.prefs import Prefs
from clerk_app.services import Services
from tests.gui.fixtures_shell import body, db_path, meeting_date, services, store


@pytest.fixture
def meeting(services: Services, body: Body, meeting_date) -> Meeting:  # type: ignore[no-untyped-def]
    m = services.create_meeting(
        body.id,
        meeting_date,
        venue="Council Chamber",
        agenda=["Land at Mill Lane – 25/0412/FUL", "Part 2: Purchase of land at Station Road"],
    )
    services.add_block(
        m, m.items[-2].id, Paragraph(text="The Committee viewed the site plans for Siân’s field.")
    )
    services.add_block(m, m.items[-1].id, Paragraph(text="The price was £1.2m."))
    return m


class Calls:
    def __init__(self) -> None:
        self.dialog_paths: list[str] = []
        self.done: list[Path] = []
        self.errors: list[BaseException] = []


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Calls:
    c = Calls()
    out = tmp_path / "exports"
    out.mkdir()

    def fake_save(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        c.dialog_paths.append(suggested)
        return str(out / Path(suggested).name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(files_mod, "finished", lambda parent, path, **_k: c.done.append(path))
    for module in (export_mod, files_mod):
        monkeypatch.setattr(module, "show_error", lambda parent, exc: c.errors.append(exc))
    return c


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_export_writes_the_docx_and_remembers_the_folder(
    qtbot, services: Services, meeting: Meeting, calls: Calls, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    prefs = Prefs.open(tmp_path / "prefs")
    written = export_with_dialog(None, services, meeting, Version.FULL, prefs=prefs)
    assert written is not None and written.is_file()
    assert written.name == "Planning Committee 2026-02-04 minutes.docx"
    assert calls.done == [written]
    text = _text(written)
    assert "land at mill lane" in text.lower()
    assert "Siân’s field" in text
    assert text.lower().index("land at mill lane") < text.lower().index("purchase of land")
    assert prefs.get("export/last_folder") == str(written.parent)

    public = export_with_dialog(None, services, meeting, Version.PUBLIC, prefs=prefs)
    assert public is not None
    assert public.name == "Planning Committee 2026-02-04 minutes (public).docx"
    # the second dialog opened in the folder chosen the first time
    assert Path(calls.dialog_paths[1]).parent == written.parent
    assert "£1.2m" not in _text(public)  # exempt business stays out of the public minutes
    assert calls.errors == []


def test_single_item_export_is_named_after_its_minute(
    qtbot, services: Services, meeting: Meeting, calls: Calls
) -> None:  # type: ignore[no-untyped-def]
    item = meeting.items[-2]
    written = export_with_dialog(None, services, meeting, Version.ITEM, item_id=item.id)
    assert written is not None
    assert f"draft minute {item.minute_number.replace('/', '-')}" in written.name
    assert "Siân’s field" in _text(written)


def test_cancelling_the_file_dialog_writes_nothing(
    qtbot, services: Services, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert export_with_dialog(None, services, meeting) is None


def test_missing_template_is_reported_clearly(
    qtbot, services: Services, meeting: Meeting, body: Body, calls: Calls, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    body.settings.template_path = str(tmp_path / "gone.docx")
    services.store.save_body(body)  # as if the file was deleted after it was chosen
    assert export_with_dialog(None, services, meeting) is None
    assert len(calls.errors) == 1
    assert "gone.docx" in str(calls.errors[0])
    assert calls.done == []


def test_export_runs_in_the_background(
    qtbot, services: Services, meeting: Meeting, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import clerk_app.export as export_pkg

    real = export_pkg.export_docx

    def slow(document, path, template=None):  # type: ignore[no-untyped-def]
        systime.sleep(0.5)
        return real(document, path, template=template)

    monkeypatch.setattr(export_pkg, "export_docx", slow)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    written = export_with_dialog(None, services, meeting)
    timer.stop()
    assert written is not None and written.is_file()
    assert len(ticks) >= 5  # the window kept handling events while the file was written


def test_write_failure_is_reported(
    qtbot, services: Services, meeting: Meeting, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.export import ExportError

    def fail(document, path, template=None):  # type: ignore[no-untyped-def]
        raise ExportError("minutes.docx is open in Word")

    monkeypatch.setattr("clerk_app.export.export_docx", fail)
    assert export_with_dialog(None, services, meeting) is None
    assert isinstance(calls.errors[0], ExportError)
    assert calls.done == []


def test_done_message_offers_open_and_show_in_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.fixtures_shell import shot

    path = tmp_path / "Planning Committee 2026-02-04 minutes.docx"
    box, open_button, folder_button = files_mod.done_box(None, path)
    qtbot.addWidget(box)
    box.show()
    assert path.name in box.text()
    assert str(tmp_path) in box.informativeText()
    assert box.defaultButton() is open_button
    assert folder_button.text().replace("&", "") == "Show in folder"
    shot(box, "export-done")
