"""Body → Settings: every setting of a body, checked as it is typed.

Each field shows its problem right under it and OK stays disabled until all are fixed,
so a bad numbering pattern, phrase or template never reaches the minutes. Examples
(a member's name, a minute number) update as the clerk types.

The dialog's frame is ``ui/settings.ui``; each of its pages has a form of its own
(``ui/settings_*.ui``, ``wording_page.ui``, ``style_page.ui``). A page built in code is
added to ``self.tabs`` like any other tab.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from clerk_app.domain import naming
from clerk_app.domain.dates import MONTHS
from clerk_app.domain.model import (
    Body,
    BodySettings,
    ExclusionRegime,
    NameArticle,
    NamingStyle,
    NumberingMode,
    NumberingScheme,
    Person,
    PersonKind,
)
from clerk_app.domain.numbering import minute_number
from clerk_app.gui import theme, uiload
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.gui.dialogs.people import PeopleTable
from clerk_app.gui.dialogs.recording_page import RecordingPage
from clerk_app.gui.dialogs.style_choices import StyleChoicesPage
from clerk_app.gui.dialogs.style_page import StylePage
from clerk_app.gui.dialogs.wording import WordingPage
from clerk_app.gui.errors import show_error
from clerk_app.services.bodies import template_file, validate_settings

if TYPE_CHECKING:
    from clerk_app.services import Services

MODE_LABELS = {
    NumberingMode.MUNICIPAL_YEAR: "Running number, restarting each year",
    NumberingMode.CONTINUOUS: "Running number, never restarting",
    NumberingMode.PER_MEETING: "1, 2, 3 … at every meeting",
}
REGIME_LABELS = {
    ExclusionRegime.LGA_1972: "Local Government Act 1972 (Schedule 12A) – principal councils",
    ExclusionRegime.ACT_1960: "Public Bodies (Admission to Meetings) Act 1960 – parish councils",
    ExclusionRegime.CONFIDENTIAL: "Confidential business – schools, charities and boards",
}
CHAIR_TITLES = ["Chair", "Chairman", "Chairperson", "Mayor", "Leader", "Presiding Member"]
LEAD_INS = ["RESOLVED – That", "RESOLVED: That", "RESOLVED that", "AGREED", "Decision"]
SAMPLE = Person("Jane", "Smith", "Mrs", post="Councillor")


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [" ".join(line.split()) for line in edit.toPlainText().splitlines() if line.strip()]


def _buttons_last(dialog: QDialog, box: QDialogButtonBox) -> None:
    """The pages' fields are made after the form's buttons (and a page may be added
    later still): put the buttons at the end of the Tab order, after the fields of
    whichever page is showing."""
    last: QWidget | None = dialog.previousInFocusChain()
    while last is not None and last is not dialog:
        if last.focusPolicy() & Qt.FocusPolicy.TabFocus and not box.isAncestorOf(last):
            break
        last = last.previousInFocusChain()
    if last is None:
        return
    for button in box.buttons():
        QWidget.setTabOrder(last, button)
        last = button


class SettingsDialog(QDialog):
    """Edit ``body``'s settings and people; OK saves with ``services.save_body``."""

    def __init__(self, services: Services, body: Body, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.body = body
        s = body.settings
        uiload.load_into(self, "settings")
        self.setWindowTitle(f"Settings – {body.name}")
        self.setAccessibleName(f"Settings for {body.name}")
        self.tabs = uiload.child(self, QTabWidget, "tabs")
        self.message = uiload.child(self, FieldMessage, "message")
        buttons = uiload.child(self, QDialogButtonBox, "buttons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Each page is a form of its own: the pages reuse Alt letters (Qt gives each to the
        # one on the page showing), which a single form may not.
        general = uiload.child(self, QWidget, "general_page")
        uiload.load_into(general, "settings_general")
        numbering = uiload.child(self, QWidget, "numbering_page")
        uiload.load_into(numbering, "settings_numbering")
        lists = uiload.child(self, QWidget, "lists_page")
        uiload.load_into(lists, "settings_lists")
        self.template_page = uiload.child(self, QWidget, "template_page")
        uiload.load_into(self.template_page, "settings_template")
        people = uiload.child(self, QWidget, "people_page")
        uiload.load_into(people, "settings_people")
        self._general_page(s)
        self._numbering_page(s.numbering)
        self._lists_page(s)
        self._template_page(s)
        self._people_page(body)
        # pages built in code go in among the form's pages (or at the end with addTab)
        self.wording = WordingPage(dict(s.phrases))
        self.tabs.insertTab(self.tabs.indexOf(self.template_page), self.wording, "&Wording")
        self.style_page = StylePage(s.style)
        self.tabs.insertTab(
            self.tabs.indexOf(self.template_page), self.style_page, "&Jurisdiction style"
        )
        self.style_choices = StyleChoicesPage(s.style, s.resolution_pattern)
        self.tabs.insertTab(
            self.tabs.indexOf(self.template_page), self.style_choices, "Style &choices"
        )
        self.recording_page = RecordingPage(s.recordings_kept_days)
        self.tabs.insertTab(self.tabs.indexOf(people), self.recording_page, "&Keeping recordings")
        self.tabs.setCurrentIndex(0)
        self._buttons = buttons

        for edit in (self.chair_edit, self.vice_edit, self.lead_in_edit):
            edit.currentTextChanged.connect(self.validate)
        self.naming_combo.currentIndexChanged.connect(self.validate)
        self.quorum_spin.valueChanged.connect(self.validate)
        self.pattern_edit.textChanged.connect(self.validate)
        for w in (self.mode_combo, self.month_combo):
            w.currentIndexChanged.connect(self.validate)
        self.first_spin.valueChanged.connect(self.validate)
        self.sub_check.toggled.connect(self.validate)
        self.interests_edit.textChanged.connect(self.validate)
        self.template_edit.textChanged.connect(self.validate)
        self.wording.changed.connect(self.validate)
        self.style_page.changed.connect(self._style_chosen)
        self.style_choices.changed.connect(self._choice_changed)
        self.recording_page.changed.connect(self.validate)
        self.validate()
        # wide enough for every page's tab, so none hides behind scroll arrows, within
        # the screen
        wanted = max(720, self.tabs.tabBar().sizeHint().width() + 48)
        screen = self.screen().availableGeometry().width() if self.screen() else wanted
        self.resize(min(wanted, screen - 40), 600)

    def showEvent(self, event: QShowEvent) -> None:
        _buttons_last(self, self._buttons)  # after any page added since the form loaded
        super().showEvent(event)

    # ------------------------------------------------------------------ pages
    def _general_page(self, s: BodySettings) -> None:
        self.chair_edit = uiload.child(self, QComboBox, "chair_edit")
        self.chair_edit.addItems(CHAIR_TITLES)
        self.chair_edit.setCurrentText(s.chair_title)
        self.chair_message = uiload.child(self, FieldMessage, "chair_message")
        self.vice_edit = uiload.child(self, QComboBox, "vice_edit")
        self.vice_edit.addItems([f"Vice-{t}" for t in CHAIR_TITLES[:3]] + ["Deputy Mayor"])
        self.vice_edit.setCurrentText(s.vice_chair_title)
        self.naming_combo = uiload.child(self, QComboBox, "naming_combo")
        for style in NamingStyle:
            example = naming.display_name(SAMPLE, BodySettings(naming=style))
            self.naming_combo.addItem(example, style)
        self.naming_combo.setCurrentIndex(self.naming_combo.findData(s.naming))
        self.naming_example = uiload.child(self, FieldMessage, "naming_example")
        self.quorum_spin = uiload.child(self, QSpinBox, "quorum_spin")
        self.quorum_spin.setValue(max(1, s.quorum))
        self.quorate_check = uiload.child(self, QCheckBox, "quorate_check")
        self.quorate_check.setChecked(s.quorum_statement)
        self.article_combo = uiload.child(self, QComboBox, "article_combo")
        for text, value in (
            ("As the name reads (the Township of …, the Planning Committee)", NameArticle.AUTO),
            ("Always (the Fenwick Parish Council)", NameArticle.ALWAYS),
            ("Never (Fenwick Parish Council)", NameArticle.NEVER),
        ):
            self.article_combo.addItem(text, value)
        self.article_combo.setCurrentIndex(self.article_combo.findData(s.name_article))
        self.lead_in_edit = uiload.child(self, QComboBox, "lead_in_edit")
        self.lead_in_edit.addItems(LEAD_INS)
        self.lead_in_edit.setCurrentText(s.lead_in)
        self.lead_in_message = uiload.child(self, FieldMessage, "lead_in_message")
        self.clock_combo = uiload.child(self, QComboBox, "clock_combo")
        self.clock_combo.addItem("12-hour clock (2.28 pm)", False)
        self.clock_combo.addItem("24-hour clock (14:28)", True)
        self.clock_combo.setCurrentIndex(1 if s.clock_24h else 0)
        self.regime_combo = uiload.child(self, QComboBox, "regime_combo")
        for regime, label in REGIME_LABELS.items():
            self.regime_combo.addItem(label, regime)
        self.regime_combo.setCurrentIndex(self.regime_combo.findData(s.exclusion))

    def _numbering_page(self, n: NumberingScheme) -> None:
        self.mode_combo = uiload.child(self, QComboBox, "mode_combo")
        for mode, label in MODE_LABELS.items():
            self.mode_combo.addItem(label, mode)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(n.mode))
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.pattern_edit = uiload.child(self, QLineEdit, "pattern_edit")
        self.pattern_edit.setText(n.pattern)
        self.pattern_message = uiload.child(self, FieldMessage, "pattern_message")
        self.month_combo = uiload.child(self, QComboBox, "month_combo")
        for i, month in enumerate(MONTHS, start=1):
            self.month_combo.addItem(month, i)
        self.month_combo.setCurrentIndex(max(0, min(11, n.year_start_month - 1)))
        self.first_spin = uiload.child(self, QSpinBox, "first_spin")
        self.first_spin.setValue(max(0, n.first_number))
        self.sub_check = uiload.child(self, QCheckBox, "sub_check")
        self.sub_check.setChecked(n.sub_paragraphs)

    def _mode_changed(self) -> None:
        """A pattern with the year in it means nothing for numbers that start again at
        every meeting (and one without the year repeats from year to year): the pattern
        shown follows the numbering chosen, and its example with it."""
        mode = NumberingMode(self.mode_combo.currentData())
        pattern = self.pattern_edit.text()
        has_year = any(f"{{{f}" in pattern for f in ("yy", "yyyy", "yy2"))
        if mode is NumberingMode.PER_MEETING and has_year:
            self.pattern_edit.setText("{n}")
        elif mode is NumberingMode.MUNICIPAL_YEAR and not has_year:
            self.pattern_edit.setText(pattern.strip() + "/{yy}" if pattern.strip() else "{n}/{yy}")
        self.validate()

    def _lists_page(self, s: BodySettings) -> None:
        self.interests_edit = uiload.child(self, QPlainTextEdit, "interests_edit")
        self.interests_edit.setPlainText("\n".join(s.interest_types))
        self.interests_message = uiload.child(self, FieldMessage, "interests_message")
        self.standard_edit = uiload.child(self, QPlainTextEdit, "standard_edit")
        self.standard_edit.setPlainText("\n".join(s.standard_items))

    def _template_page(self, s: BodySettings) -> None:
        self.template_edit = uiload.child(self, QLineEdit, "template_edit")
        self.template_edit.setText(s.template_path)
        self.template_message = uiload.child(self, FieldMessage, "template_message")
        uiload.child(self, QPushButton, "browse_button").clicked.connect(self._browse)

    def _people_page(self, body: Body) -> None:
        self.members = uiload.child(self, PeopleTable, "members")
        self.members.set_people(body.people)
        self.officers = uiload.child(self, PeopleTable, "officers")
        self.officers.set_people(body.people)

    def _browse(self) -> None:
        start = self.template_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the house-style template", start, "Word documents (*.docx *.dotx)"
        )
        if path:
            self.template_edit.setText(path)

    def _style_chosen(self) -> None:
        """Another style chosen or imported: its choices are shown, unchanged."""
        self.style_choices.load(self.style_page.minute_style())
        self.validate()

    def _choice_changed(self) -> None:
        """A choice changed: the Style page shows (and exports) the modified copy."""
        self.style_page.show_style(self.style_choices.minute_style())
        self.validate()

    # ------------------------------------------------------------- settings
    def settings(self) -> BodySettings:
        """The settings as the dialog shows them now."""
        s = copy.deepcopy(self.body.settings)
        s.chair_title = self.chair_edit.currentText().strip()
        s.vice_chair_title = self.vice_edit.currentText().strip()
        s.naming = NamingStyle(self.naming_combo.currentData())
        s.quorum = self.quorum_spin.value()
        s.quorum_statement = self.quorate_check.isChecked()
        s.name_article = NameArticle(self.article_combo.currentData())
        s.lead_in = self.lead_in_edit.currentText().strip()
        s.clock_24h = bool(self.clock_combo.currentData())
        s.exclusion = ExclusionRegime(self.regime_combo.currentData())
        s.numbering = NumberingScheme(
            mode=NumberingMode(self.mode_combo.currentData()),
            pattern=self.pattern_edit.text().strip(),
            year_start_month=int(self.month_combo.currentData()),
            sub_paragraphs=self.sub_check.isChecked(),
            first_number=self.first_spin.value(),
        )
        s.interest_types = _lines(self.interests_edit)
        s.standard_items = _lines(self.standard_edit)
        s.phrases = self.wording.overrides()
        s.style = self.style_choices.minute_style()
        s.resolution_pattern = self.style_choices.resolution_pattern()
        s.recordings_kept_days = self.recording_page.days()
        text = self.template_edit.text().strip()
        s.template_path = str(template_file(text)) if text else ""
        return s

    def validate(self) -> bool:
        s = self.settings()
        problems: list[tuple[FieldMessage, str]] = []

        def check(message: FieldMessage, problem: str | None) -> None:
            message.show_problem(problem or "")
            if problem:
                problems.append((message, problem))

        found = dict(reversed(validate_settings(s)))  # the first problem of each field
        check(self.chair_message, found.get("chair_title"))
        check(self.lead_in_message, found.get("lead_in"))
        person = next((p for p in self.body.members if p.active), SAMPLE)
        self.naming_example.show_text(
            f"For example: {naming.display_name(person, s)}", theme.Tone.MUTED
        )
        if "numbering.pattern" in found:
            check(self.pattern_message, found["numbering.pattern"])
        else:
            example = minute_number(s.numbering, s.numbering.first_number, date.today())
            sub = f", paragraphs {example}.1, {example}.2" if s.numbering.sub_paragraphs else ""
            self.pattern_message.show_text(
                f"A meeting today would start at minute {example}{sub}", theme.Tone.MUTED
            )
        check(self.interests_message, found.get("interest_types"))
        if not self.wording.validate():
            problems.append((self.wording.message, self.wording.message.text()))
        check(self.template_message, found.get("template_path"))
        choice_problems = self.style_choices.refresh(s, found)
        problems.extend(choice_problems)
        check(self.recording_page.message, found.get("recordings_kept_days"))
        self.recording_page.show_problem(found.get("recordings_kept_days"))
        self.ok_button.setEnabled(not problems)
        if problems:
            pages = {
                self.wording.message: "Wording",
                self.template_message: "House style",
                self.pattern_message: "Minute numbers",
                self.interests_message: "Interests and items",
                self.recording_page.message: "Keeping recordings",
            }
            pages.update((m, "Style choices") for m, _ in choice_problems)
            where = sorted({pages.get(m, "General") for m, _ in problems})
            self.message.show_problem("Please fix the problems on: " + ", ".join(where) + ".")
        else:
            self.message.show_problem("")
        return not problems

    def show_field_problem(self, field: str, message: str) -> None:
        """Show a problem the services found beside its field, on its page."""
        general = uiload.child(self, QWidget, "general_page")
        numbering = uiload.child(self, QWidget, "numbering_page")
        lists = uiload.child(self, QWidget, "lists_page")
        people = uiload.child(self, QWidget, "people_page")
        places: dict[str, tuple[QWidget, FieldMessage]] = {
            "chair_title": (general, self.chair_message),
            "lead_in": (general, self.lead_in_message),
            "numbering.pattern": (numbering, self.pattern_message),
            "interest_types": (lists, self.interests_message),
            "phrases": (self.wording, self.wording.message),
            "template_path": (self.template_page, self.template_message),
            "recordings_kept_days": (self.recording_page, self.recording_page.message),
            "first_name": (people, self.message),
            "last_name": (people, self.message),
        }
        for name, message_label in self.style_choices.messages.items():
            places[name] = (self.style_choices, message_label)
        if field.startswith("style.") and field not in places:
            places[field] = (self.style_choices, self.style_choices.message)
        page, label = places.get(field, (self.tabs.currentWidget(), self.message))
        self.style_choices.show_section_of(label)
        self.tabs.setCurrentWidget(page)
        label.show_problem(message)
        if label is not self.message:
            self.message.show_problem("Please fix the problem shown above.")

    def accept(self) -> None:
        if not self.validate():
            return
        from clerk_app.services import ServiceError
        from clerk_app.storage.errors import StoreError

        before_settings, before_people = self.body.settings, self.body.people
        self.body.settings = self.settings()
        others = [p for p in before_people if p.kind is PersonKind.OTHER]
        self.body.people = self.members.people() + self.officers.people() + others
        try:
            self.services.save_body(self.body)
        except ServiceError as exc:
            self.body.settings, self.body.people = before_settings, before_people
            self.show_field_problem(exc.field, exc.message)
            return
        except StoreError as exc:
            self.body.settings, self.body.people = before_settings, before_people
            show_error(self, exc)
            return
        super().accept()
