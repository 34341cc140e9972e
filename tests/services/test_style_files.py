"""Styles are checked when saved, shared as JSON files, and refused with the phrase and
field named when they cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.model import Body
from clerk_app.services import ServiceError, Services
from clerk_app.services.styles import export_style, import_style, read_style


def test_a_style_phrase_with_an_unknown_field_is_refused_on_save(svc: Services, body: Body) -> None:
    body.settings.style.phrases = {"vote.carried": "Motion carried {tally}."}
    with pytest.raises(ServiceError) as err:
        svc.save_body(body)
    assert "vote.carried" in str(err.value) and "{tally}" in str(err.value)
    assert svc.get_body(body.id).settings.style.phrases == {}


def test_an_unknown_naming_choice_is_refused(svc: Services, body: Body) -> None:
    body.settings.style.mover_naming = "nicknames"
    with pytest.raises(ServiceError, match="nicknames"):
        svc.save_body(body)


def test_an_opening_line_may_name_the_chair_and_the_time(svc: Services, body: Body) -> None:
    body.settings.style.phrases = {"opening.called_to_order": "{chair} opened at {time}."}
    svc.save_body(body)
    assert svc.get_body(body.id).settings.style.phrases["opening.called_to_order"]


def test_a_style_file_round_trip_changes_another_body(
    svc: Services, body: Body, tmp_path: Path
) -> None:
    ontario = svc.create_body("Council", style="ontario-council")
    path = export_style(ontario, tmp_path / "ontario.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "clerk-style" and data["style"]["date_style"] == "month_day_year"
    import_style(svc, body, path)
    again = svc.get_body(body.id)
    assert again.settings.style.name == "Ontario municipal council"
    assert again.settings.style.phrases["attendance.apologies"] == "Regrets:"
    assert again.settings.chair_title == "Chair"  # the body's own settings stay


def test_a_bad_style_file_is_refused_and_nothing_changes(
    svc: Services, body: Body, tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    style = {"name": "Ours", "phrases": {"closing.ended": "Adjourned at {nonsense}."}}
    path.write_text(json.dumps({"format": "clerk-style", "format_version": 1, "style": style}))
    with pytest.raises(ServiceError) as err:
        import_style(svc, body, path)
    assert "closing.ended" in str(err.value) and "{nonsense}" in str(err.value)
    assert svc.get_body(body.id).settings.style.name == "English principal council"
    path.write_text('{"format": "clerk-style", "format_version": 1, "style": {"date_style": "x"}}')
    with pytest.raises(ServiceError, match="date_style"):
        read_style(path)
    path.write_text("not json")
    with pytest.raises(ServiceError, match="not valid JSON"):
        read_style(path)


def test_the_json_import_refuses_a_body_whose_style_is_bad(svc: Services, tmp_path: Path) -> None:
    from clerk_app.services.demo_styles import create_style_demo

    meeting = create_style_demo(svc, "us-city-council")
    out = tmp_path / "m.json"
    svc.export(meeting, out, fmt="json")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["body"]["settings"]["style"]["phrases"]["vote.carried"] = "Carried {nonsense}."
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ServiceError) as err:
        svc.import_json(out, replace=True)
    assert "vote.carried" in str(err.value) and "{nonsense}" in str(err.value)


def test_cli_style_export_and_import(svc: Services, body: Body, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(tmp_path / "lib")
    assert main(["--data-dir", data_dir, "demo"]) == 0
    assert main(["--data-dir", data_dir, "style", "import", "Communities", "us-city-council"]) == 0
    target = tmp_path / "shared.json"
    assert main(["--data-dir", data_dir, "style", "export", "Communities", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["style"]["name"] == "US city council"
    target.write_text('{"format": "something else"}')
    assert main(["--data-dir", data_dir, "style", "import", "Communities", str(target)]) != 0
    assert "not a Clerk style file" in capsys.readouterr().err
