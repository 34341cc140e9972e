"""The Style choices page of Body settings: each choice of the body's style changed by
its control and saved with the body (the database reopened), the change in an export,
a bad resolution-number pattern refused by its control, every control named and given
an Alt key of its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTableWidget

from clerk_app.domain.model import Body
from clerk_app.domain.resolutions import validate_resolution_pattern
from clerk_app.gui.dialogs.settings import SettingsDialog
from clerk_app.gui.dialogs.style_choices import CHECKS, COMBOS
from clerk_app.services import Services
from tests.gui.conftest import reopened


def _dialog(qtbot: Any, services: Services, body: Body) -> SettingsDialog:
    dialog = SettingsDialog(services, body)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.style_choices)
    return dialog


def _saved(db: Path, body_id: str) -> Body:
    store = reopened(db)
    try:
        return store.get_body(body_id)
    finally:
        store.close()


def _other_index(combo: QComboBox) -> int:
    return (combo.currentIndex() + 1) % combo.count()


@pytest.mark.parametrize("key", sorted(CHECKS))
def test_each_check_box_changes_the_saved_style(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path, key: str
) -> None:
    before = gui_body.settings.style
    dialog = _dialog(qtbot, gui_services, gui_body)
    box = dialog.style_choices.checks[key]
    box.setChecked(not box.isChecked())
    dialog.accept()
    saved = _saved(gui_db, gui_body.id).settings.style
    assert getattr(saved, key) is not getattr(before, key)
    assert saved.name == f"{before.name} (modified)"
    assert saved.version == before.version + 1


@pytest.mark.parametrize("key", sorted(set(COMBOS) - {"second_locale"}))
def test_each_combo_changes_the_saved_style(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path, key: str
) -> None:
    before = gui_body.settings.style
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    combo = page.combos[key]
    combo.setCurrentIndex(_other_index(combo))
    chosen = combo.currentData()
    if key == "bilingual":  # bilingual minutes need a second language other than English
        page.combos["second_locale"].setCurrentIndex(page.combos["second_locale"].findData("cy"))
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    dialog.accept()
    saved = _saved(gui_db, gui_body.id).settings.style
    assert str(getattr(saved, key)) == str(chosen) != str(getattr(before, key))
    assert saved.name.endswith("(modified)")


def test_titles_signatories_and_second_language_texts_are_saved(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path
) -> None:
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    page.member_title.setText("Alderperson")
    page.member_short.setText("Ald.")
    page.signatories.setText("Mayor,  City Clerk , ")
    page.combos["locale"].setCurrentIndex(page.combos["locale"].findData("cy"))
    page.combos["bilingual"].setCurrentIndex(page.combos["bilingual"].findData("columns"))
    page.combos["second_locale"].setCurrentIndex(page.combos["second_locale"].findData("en-GB"))
    table = page.second_table
    assert table.isEnabled()
    item = table.item(2, 1)
    assert item is not None
    item.setText("Chair")
    dialog.accept()
    style = _saved(gui_db, gui_body.id).settings.style
    assert (style.member_title, style.member_title_short) == ("Alderperson", "Ald.")
    assert style.signatories == ["Mayor", "City Clerk"]
    assert (style.locale, style.bilingual, style.second_locale) == ("cy", "columns", "en-GB")
    assert style.second_settings == {"chair_title": "Chair"}


def test_the_preview_and_examples_follow_the_choices(
    qtbot: Any, gui_services: Services, gui_body: Body
) -> None:
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    labels = [page.combos["date_style"].itemText(i) for i in range(4)]
    assert "Day first: Tuesday 24 March 2026" in labels
    assert "Month first: Tuesday, March 24, 2026" in labels
    times = [page.combos["time_style"].itemText(i) for i in range(6)]
    assert {"9.36 pm", "9:36 p.m.", "21:36"} <= set(times)
    notations = [page.combos["vote_notation"].itemText(i) for i in range(2)]
    assert any("carried by five votes to one" in n.lower() for n in notations)
    assert any("5-1" in n for n in notations)
    assert "Carried by five votes to one." in page.preview.text()
    page.combos["date_style"].setCurrentIndex(page.combos["date_style"].findData("month_day_year"))
    page.combos["vote_notation"].setCurrentIndex(page.combos["vote_notation"].findData("tally"))
    assert page.preview.text().startswith("Tuesday, March 24, 2026")
    assert "5-1" in page.preview.text()
    # the Style page shows (and would export) the modified copy
    assert "(modified)" in dialog.style_page.current.text()
    assert dialog.style_page.minute_style().date_style == "month_day_year"


def test_a_shipped_style_chosen_shows_its_own_choices_unmodified(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path
) -> None:
    dialog = _dialog(qtbot, gui_services, gui_body)
    style_page = dialog.style_page
    style_page.shipped.setCurrentIndex(style_page.shipped.findData("us-city-council"))
    style_page._use_shipped()
    page = dialog.style_choices
    assert page.combos["date_style"].currentData() == "month_day_year"
    assert page.signatories.text() == "Mayor, City Clerk"
    assert page.minute_style().name == "US city council"
    dialog.accept()
    assert _saved(gui_db, gui_body.id).settings.style.name == "US city council"


def test_an_export_after_a_change_writes_the_american_date(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path, tmp_path: Path
) -> None:
    meeting = gui_services.create_meeting(gui_body.id, date(2026, 3, 24), venue="Town Hall")
    dialog = _dialog(qtbot, gui_services, gui_body)
    combo = dialog.style_choices.combos["date_style"]
    combo.setCurrentIndex(combo.findData("month_day_year"))
    dialog.accept()
    store = reopened(gui_db)
    try:
        out = Services(store).export(meeting.id, tmp_path / "minutes.docx")
    finally:
        store.close()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "March 24, 2026" in text
    assert "24 March 2026" not in text


def test_a_bad_resolution_pattern_is_refused_by_its_control(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path
) -> None:
    gui_body.settings.resolution_pattern = "R{yyyy}-{n:03}"
    gui_services.save_body(gui_body)
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    assert page.pattern_edit.text() == "R{yyyy}-{n:03}"
    assert "R" + str(date.today().year) + "-001" in page.messages["resolution_pattern"].text()
    page.pattern_edit.setText("R{year}-{n}")
    expected = validate_resolution_pattern("R{year}-{n}")
    assert expected
    message = page.messages["resolution_pattern"]
    assert message.text() == expected
    assert not dialog.ok_button.isEnabled()
    assert "Style choices" in dialog.message.text()
    dialog.accept()  # refused: nothing is saved
    assert _saved(gui_db, gui_body.id).settings.resolution_pattern == "R{yyyy}-{n:03}"
    page.pattern_edit.setText("CR{yyyy}/{n}")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    saved = _saved(gui_db, gui_body.id).settings
    assert saved.resolution_pattern == "CR{yyyy}/{n}"
    assert not saved.style.name.endswith("(modified)")  # a body setting, not the style's


def test_an_empty_member_title_and_a_second_language_like_the_first_are_refused(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path
) -> None:
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    page.member_title.setText("  ")
    assert "member title cannot be empty" in page.messages["style.member_title"].text()
    assert not dialog.ok_button.isEnabled()
    page.member_title.setText("Director")
    page.combos["bilingual"].setCurrentIndex(page.combos["bilingual"].findData("whole"))
    page.combos["second_locale"].setCurrentIndex(page.combos["second_locale"].findData("en-GB"))
    assert "second language" in page.messages["style.second_locale"].text()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    saved = _saved(gui_db, gui_body.id).settings.style
    assert (saved.member_title, saved.bilingual) == ("Councillor", "none")


def _mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    i = cleaned.find("&")
    return cleaned[i + 1].lower() if 0 <= i < len(cleaned) - 1 else None


def test_every_control_is_named_and_has_an_alt_key_of_its_own(
    qtbot: Any, gui_services: Services, gui_body: Body
) -> None:
    from PySide6.QtWidgets import QTabBar, QTabWidget

    from clerk_app.gui import uiload

    dialog = _dialog(qtbot, gui_services, gui_body)
    dialog.show()
    page = dialog.style_choices
    sections = uiload.child(page, QTabWidget, "sections")
    assert sections.count() == 4
    for index in range(sections.count()):
        sections.setCurrentIndex(index)
        section = sections.widget(index)
        assert section is not None
        controls = [
            w
            for cls in (QComboBox, QLineEdit, QAbstractButton, QTableWidget)
            for w in section.findChildren(cls)
            if not isinstance(w.parentWidget(), QComboBox)
            and w.parentWidget() is not None
            and not isinstance(w.parentWidget().parentWidget(), QTableWidget)
            and type(w).__name__ not in {"QTableCornerButton"}
        ]
        controls = [w for w in controls if w.objectName() and not w.objectName().startswith("qt_")]
        assert controls
        assert [w.objectName() for w in controls if not w.accessibleName().strip()] == []
        buddies = {lab.buddy() for lab in section.findChildren(QLabel) if lab.buddy()}
        for w in controls:  # each control reached by an Alt key: its own or its label's
            own = isinstance(w, QAbstractButton) and _mnemonic(w.text())
            assert own or w in buddies, w.objectName()
        texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        texts += [lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisible()]
        for bar in dialog.findChildren(QTabBar):
            if bar.isVisible():
                texts += [bar.tabText(i) for i in range(bar.count())]
        letters = [m for m in map(_mnemonic, texts) if m]
        assert sorted({m for m in letters if letters.count(m) > 1}) == [], texts
    # Tab runs down the section in the order the controls are laid out
    sections.setCurrentIndex(0)
    page.combos["date_style"].setFocus()
    order = []
    widget = page.combos["date_style"]
    for _ in range(4):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order == ["date_combo", "weekday_check", "time_combo", "votes_words_check"]


def test_the_clerk_names_and_describes_the_body_s_copy(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path
) -> None:
    before = gui_body.settings.style
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    assert page.style_name.text() == before.name
    page.style_name.setText("  Wexcombe   house style ")
    page.description.setText("Our minutes: day-first dates, officers by seniority.")
    page.combos["officer_order"].setCurrentIndex(page.combos["officer_order"].findData("roll"))
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    dialog.accept()
    saved = _saved(gui_db, gui_body.id).settings.style
    assert saved.name == "Wexcombe house style"
    assert saved.description == "Our minutes: day-first dates, officers by seniority."
    assert saved.officer_order == "roll"
    assert saved.version == before.version + 1
    # the name alone changed is a change too; an emptied name keeps the style's own
    dialog = _dialog(qtbot, gui_services, _saved(gui_db, gui_body.id))
    dialog.style_choices.style_name.setText("")
    dialog.accept()
    assert _saved(gui_db, gui_body.id).settings.style.name == "Wexcombe house style"


def test_the_preview_is_in_the_chosen_layout(
    qtbot: Any, gui_services: Services, gui_body: Body
) -> None:
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    page.pattern_edit.setText("R{yyyy}-{n:03}")
    layout = page.combos["layout"]
    layout.setCurrentIndex(layout.findData("resolution_log"))
    lines = page.preview.text().splitlines()
    assert len(lines) == 2, lines
    assert lines[1].startswith("R2026-014 J. Okoro, M. Lind: That the report be noted.")
    assert lines[1].endswith("Carried by five votes to one.")
    layout.setCurrentIndex(layout.findData("action_minutes"))
    text = page.preview.text()
    assert "It was moved" not in text and "the report be noted" in text
    assert "Minute | Action | Who | By when" in text
    assert "24 | Write to the contractor" in text
    layout.setCurrentIndex(layout.findData("standard"))
    assert "Carried by five votes to one." in page.preview.text()
    assert "R2026-014 J. Okoro" not in page.preview.text()


def test_apologies_placed_by_the_control_are_printed_once(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path, tmp_path: Path
) -> None:
    from clerk_app.domain.model import AttendanceStatus

    meeting = gui_services.create_meeting(gui_body.id, date(2026, 3, 24), venue="Town Hall")
    member = next(p for p in gui_body.people if p.kind.value == "member")
    gui_services.set_attendance(meeting, member.id, AttendanceStatus.APOLOGIES, reason="illness")
    assert any(it.kind.value == "apologies" for it in gui_services.get_meeting(meeting.id).items)
    dialog = _dialog(qtbot, gui_services, gui_body)
    combo = dialog.style_choices.combos["apologies_place"]
    combo.setCurrentIndex(combo.findData("attendance"))
    dialog.accept()
    store = reopened(gui_db)
    try:
        out = Services(store).export(meeting.id, tmp_path / "minutes.docx")
    finally:
        store.close()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.count(member.last_name) == 1, text
    assert "(illness)" in text


def test_labels_in_gaelic_or_te_reo_are_offered_and_saved(
    qtbot: Any, gui_services: Services, gui_body: Body, gui_db: Path
) -> None:
    dialog = _dialog(qtbot, gui_services, gui_body)
    page = dialog.style_choices
    second = page.combos["second_locale"]
    names = {second.itemData(i): second.itemText(i) for i in range(second.count())}
    assert "Gàidhlig" in names["gd"] and "Te reo Māori" in names["mi"]
    assert "Gaeilge" in names["ga"]
    first = page.combos["locale"]
    assert first.findData("mi") < 0  # the minutes themselves are not written in it
    second_first = page.checks["labels_second_first"]
    assert not second_first.isEnabled()  # only for labels in both languages
    page.combos["bilingual"].setCurrentIndex(page.combos["bilingual"].findData("labels"))
    second.setCurrentIndex(second.findData("mi"))
    assert second_first.isEnabled() and page.checks["label_keywords"].isEnabled()
    second_first.setChecked(True)
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    dialog.accept()
    style = _saved(gui_db, gui_body.id).settings.style
    assert (style.bilingual, style.second_locale, style.labels_second_first) == (
        "labels",
        "mi",
        True,
    )
