# ruff: noqa: F401, F811  (pytest fixtures imported from fixtures_shell)
"""Body settings dialog: every field saved; bad pattern, wording and template refused."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.model import (
    Body,
    ExclusionRegime,
    NameArticle,
    NamingStyle,
    NumberingMode,
    PersonKind,
)
from clerk_app.gui.dialogs import SettingsDialog
from clerk_app.services import Services
from tests.gui.fixtures_shell import body, db_path, reopen, services, shot, store


def _open(qtbot, services: Services, body: Body) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(services, body)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_dialog_saves_every_field(
    qtbot,
    services: Services,
    body: Body,
    db_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, services, body)
    assert dialog.ok_button.isEnabled()
    shot(dialog, "settings-general")
    dialog.chair_edit.setCurrentText("Chairman")
    dialog.vice_edit.setCurrentText("Vice-Chairman")
    dialog.naming_combo.setCurrentIndex(dialog.naming_combo.findData(NamingStyle.CLLR_INITIAL))
    assert dialog.naming_example.text() == "For example: Cllr Mrs S Øvergaard"
    dialog.quorum_spin.setValue(5)
    dialog.quorate_check.setChecked(True)
    dialog.article_combo.setCurrentIndex(dialog.article_combo.findData(NameArticle.NEVER))
    dialog.lead_in_edit.setCurrentText("RESOLVED: That")
    dialog.clock_combo.setCurrentIndex(1)
    dialog.regime_combo.setCurrentIndex(dialog.regime_combo.findData(ExclusionRegime.ACT_1960))
    dialog.tabs.setCurrentIndex(1)
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(NumberingMode.CONTINUOUS))
    dialog.pattern_edit.setText("PC{n:03}")
    dialog.first_spin.setValue(41)
    dialog.sub_check.setChecked(True)
    dialog.month_combo.setCurrentIndex(3)  # April
    assert "PC041" in dialog.pattern_message.text()
    assert "PC041.1" in dialog.pattern_message.text()
    shot(dialog, "settings-numbering")
    dialog.interests_edit.setPlainText("prejudicial interest\n\npersonal interest\n")
    dialog.standard_edit.setPlainText("Apologies for absence\nPublic participation")
    dialog.tabs.setCurrentIndex(3)
    dialog.wording.set_override("meeting.special", "a special meeting (called by the Mayor)")
    shot(dialog, "settings-wording")
    dialog.tabs.setCurrentIndex(5)
    dialog.officers.add_from_text("Priya Shah, Solicitor")
    shot(dialog, "settings-people")
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    with reopen(db_path) as again:
        saved = again.get_body(body.id)
    s = saved.settings
    assert (s.chair_title, s.vice_chair_title) == ("Chairman", "Vice-Chairman")
    assert s.naming is NamingStyle.CLLR_INITIAL
    assert s.quorum == 5
    assert s.quorum_statement is True and s.name_article is NameArticle.NEVER
    assert s.lead_in == "RESOLVED: That"
    assert s.clock_24h is True
    assert s.exclusion is ExclusionRegime.ACT_1960
    n = s.numbering
    assert (n.mode, n.pattern, n.first_number, n.sub_paragraphs, n.year_start_month) == (
        NumberingMode.CONTINUOUS,
        "PC{n:03}",
        41,
        True,
        4,
    )
    assert s.interest_types == ["prejudicial interest", "personal interest"]
    assert s.standard_items == ["Apologies for absence", "Public participation"]
    assert s.phrases == {"meeting.special": "a special meeting (called by the Mayor)"}
    officers = [p for p in saved.people if p.kind is PersonKind.OFFICER]
    assert [p.last_name for p in officers] == ["Morgan", "Shah"]


def test_bad_numbering_pattern_is_shown_and_blocks_saving(
    qtbot,
    services: Services,
    body: Body,
    db_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, services, body)
    dialog.tabs.setCurrentIndex(1)
    dialog.pattern_edit.setText("PLA{number}/{yy}")
    assert not dialog.ok_button.isEnabled()
    assert dialog.pattern_message.isVisible()
    assert "{number}" in dialog.pattern_message.text() or "number" in dialog.pattern_message.text()
    assert "Minute numbers" in dialog.message.text()
    shot(dialog, "settings-bad-pattern")
    dialog.accept()
    with reopen(db_path) as again:
        assert again.get_body(body.id).settings.numbering.pattern == body.settings.numbering.pattern
    dialog.pattern_edit.setText("PLA{n}/{yy}")
    assert dialog.ok_button.isEnabled()


def test_bad_phrase_override_is_shown_and_blocks_saving(
    qtbot,
    services: Services,
    body: Body,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, services, body)
    dialog.tabs.setCurrentIndex(3)
    dialog.wording.set_override("header.bare", "Minutes of {meeting} of {committee}")
    assert not dialog.ok_button.isEnabled()
    assert "header.bare" in dialog.wording.message.text()
    assert "{committee}" in dialog.wording.message.text()
    assert dialog.wording.message.isVisible()
    shot(dialog, "settings-bad-wording")
    dialog.wording.filter_edit.setText("header.bare")
    visible = [
        r for r in range(dialog.wording.table.rowCount()) if not dialog.wording.table.isRowHidden(r)
    ]
    assert len(visible) == 1
    dialog.wording.set_override("header.bare", "Minutes of {meeting} of the {body}")
    assert dialog.ok_button.isEnabled()


def test_bad_template_is_shown_and_blocks_saving(
    qtbot,
    services: Services,
    body: Body,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    import docx

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    not_word = tmp_path / "notes.docx"
    not_word.write_text("not a Word file", encoding="utf-8")
    dialog = _open(qtbot, services, body)
    dialog.tabs.setCurrentIndex(4)
    dialog.template_edit.setText(str(tmp_path / "missing.docx"))
    assert not dialog.ok_button.isEnabled()
    assert "There is no file" in dialog.template_message.text()
    dialog.template_edit.setText(str(not_word))
    assert not dialog.ok_button.isEnabled()
    assert dialog.template_message.text()
    dialog.template_edit.setText(str(plain))
    assert not dialog.ok_button.isEnabled()
    assert "lacks" in dialog.template_message.text()
    assert "Clerk Title" in dialog.template_message.text()
    shot(dialog, "settings-bad-template")
    from clerk_app.export import default_template

    dialog.template_edit.setText(str(default_template()))
    assert dialog.ok_button.isEnabled(), dialog.template_message.text()
    dialog.accept()
    assert services.get_body(body.id).settings.template_path == str(default_template())


def test_empty_chair_title_and_interests_are_refused(
    qtbot,
    services: Services,
    body: Body,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, services, body)
    dialog.chair_edit.setCurrentText("  ")
    assert not dialog.ok_button.isEnabled()
    assert "chair" in dialog.chair_message.text().lower()
    dialog.chair_edit.setCurrentText("Chair")
    dialog.interests_edit.setPlainText("\n \n")
    assert not dialog.ok_button.isEnabled()
    assert "interest" in dialog.interests_message.text()


def test_a_problem_found_when_saving_is_shown_beside_its_field(
    qtbot, services: Services, body: Body, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.services import ServiceError

    def refuse(b):  # type: ignore[no-untyped-def]
        raise ServiceError(
            "That numbering would repeat last year's numbers.", field="numbering.pattern"
        )

    monkeypatch.setattr(services, "save_body", refuse)
    dialog = _open(qtbot, services, body)
    chair_before = body.settings.chair_title
    dialog.chair_edit.setCurrentText("Mayor")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == 1
    assert "repeat" in dialog.pattern_message.text()
    assert body.settings.chair_title == chair_before  # the body is untouched …
    assert dialog.chair_edit.currentText() == "Mayor"  # … and the typing kept


def test_a_template_in_the_home_folder_can_be_named_with_a_tilde(
    qtbot, services: Services, body: Body, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from clerk_app.export import default_template

    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Templates").mkdir()
    ours = tmp_path / "Templates" / "Harrowfield style.docx"
    shutil.copyfile(default_template(), ours)
    dialog = _open(qtbot, services, body)
    dialog.template_edit.setText("~/Templates/Harrowfield style.docx")
    assert dialog.template_message.text() == ""
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    saved = services.get_body(body.id).settings.template_path
    assert saved == str(ours)
    assert services.template_for(services.get_body(body.id)) == ours


def test_the_dialog_is_wide_enough_for_every_tab_within_the_screen(qtbot, services, body) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(services, body)
    qtbot.addWidget(dialog)
    wanted = dialog.tabs.tabBar().sizeHint().width() + 48
    screen = dialog.screen().availableGeometry().width()
    assert wanted > 720  # nine pages do not fit the old fixed width
    assert dialog.width() == min(wanted, screen - 40)
