"""Body → Settings: every setting of a body, checked as it is typed.

Each field shows its problem right under it and OK stays disabled until all are fixed,
so a bad numbering pattern, phrase or template never reaches the minutes. Examples
(a member's name, a minute number) update as the clerk types.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain import naming
from clerk_app.domain.dates import MONTHS
from clerk_app.domain.model import (
    Body,
    BodySettings,
    ExclusionRegime,
    NamingStyle,
    NumberingMode,
    NumberingScheme,
    Person,
    PersonKind,
)
from clerk_app.domain.numbering import minute_number
from clerk_app.gui import theme
from clerk_app.gui.dialogs.common import FieldMessage, add_row, form_layout, ok_cancel
from clerk_app.gui.dialogs.people import PeopleTable
from clerk_app.gui.dialogs.recording_page import RecordingPage
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


class SettingsDialog(QDialog):
    """Edit ``body``'s settings and people; OK saves with ``services.save_body``."""

    def __init__(self, services: Services, body: Body, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.body = body
        s = body.settings
        self.setWindowTitle(f"Settings – {body.name}")
        self.setAccessibleName(f"Settings for {body.name}")

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings pages")
        self.tabs.addTab(self._general_page(s), "&General")
        self.tabs.addTab(self._numbering_page(s.numbering), "Minute &numbers")
        self.tabs.addTab(self._lists_page(s), "&Interests and items")
        self.wording = WordingPage(dict(s.phrases))
        self.tabs.addTab(self.wording, "&Wording")
        self.style_page = StylePage(s.style)
        self.tabs.addTab(self.style_page, "&Jurisdiction style")
        self.tabs.addTab(self._template_page(s), "&House style")
        self.tabs.addTab(self._people_page(body), "&People")
        self.recording_page = RecordingPage(s.recordings_kept_days)
        self.tabs.addTab(self.recording_page, "&Keeping recordings")
        self.message = FieldMessage(name="Problem")
        buttons, self.ok_button = ok_cancel(self, "&Save")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

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
        self.style_page.changed.connect(self.validate)
        self.recording_page.changed.connect(self.validate)
        self.validate()
        self.resize(720, 600)

    # ------------------------------------------------------------------ pages
    def _general_page(self, s: BodySettings) -> QWidget:
        page = QWidget()
        form = form_layout()
        self.chair_edit = QComboBox()
        self.chair_edit.setEditable(True)
        self.chair_edit.addItems(CHAIR_TITLES)
        self.chair_edit.setCurrentText(s.chair_title)
        self.chair_message = FieldMessage(name="Chair title problem")
        add_row(form, "&Chair's title:", self.chair_edit, "", self.chair_message)
        self.vice_edit = QComboBox()
        self.vice_edit.setEditable(True)
        self.vice_edit.addItems([f"Vice-{t}" for t in CHAIR_TITLES[:3]] + ["Deputy Mayor"])
        self.vice_edit.setCurrentText(s.vice_chair_title)
        add_row(form, "&Vice-chair's title:", self.vice_edit)
        self.naming_combo = QComboBox()
        for style in NamingStyle:
            example = naming.display_name(SAMPLE, BodySettings(naming=style))
            self.naming_combo.addItem(example, style)
        self.naming_combo.setCurrentIndex(self.naming_combo.findData(s.naming))
        self.naming_example = FieldMessage(name="Naming example")
        add_row(
            form,
            "&Members are named:",
            self.naming_combo,
            "How members are named in the minutes",
            self.naming_example,
        )
        self.quorum_spin = QSpinBox()
        self.quorum_spin.setRange(1, 500)
        self.quorum_spin.setValue(max(1, s.quorum))
        self.quorum_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        add_row(form, "&Quorum:", self.quorum_spin, "Voting members needed for business")
        self.lead_in_edit = QComboBox()
        self.lead_in_edit.setEditable(True)
        self.lead_in_edit.addItems(LEAD_INS)
        self.lead_in_edit.setCurrentText(s.lead_in)
        self.lead_in_message = FieldMessage(name="Decision lead-in problem")
        add_row(form, "&Decisions start:", self.lead_in_edit, "", self.lead_in_message)
        self.clock_combo = QComboBox()
        self.clock_combo.addItem("12-hour clock (2.28 pm)", False)
        self.clock_combo.addItem("24-hour clock (14:28)", True)
        self.clock_combo.setCurrentIndex(1 if s.clock_24h else 0)
        add_row(form, "&Times:", self.clock_combo)
        self.regime_combo = QComboBox()
        for regime, label in REGIME_LABELS.items():
            self.regime_combo.addItem(label, regime)
        self.regime_combo.setCurrentIndex(self.regime_combo.findData(s.exclusion))
        add_row(form, "&Exempt business under:", self.regime_combo)
        page.setLayout(form)
        return page

    def _numbering_page(self, n: NumberingScheme) -> QWidget:
        page = QWidget()
        form = form_layout()
        self.mode_combo = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode_combo.addItem(label, mode)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(n.mode))
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        add_row(form, "Nu&mbering:", self.mode_combo)
        self.pattern_edit = QLineEdit(n.pattern)
        self.pattern_message = FieldMessage(name="Pattern problem or example")
        add_row(
            form,
            "Pa&ttern:",
            self.pattern_edit,
            "{n} the running number; {yy} or {yyyy} the year the numbering year starts in; "
            "{yy2} the year it ends in. E.g. {n}, PLA{n}/{yy}, {yy}/{n:03}",
            self.pattern_message,
        )
        self.month_combo = QComboBox()
        for i, month in enumerate(MONTHS, start=1):
            self.month_combo.addItem(month, i)
        self.month_combo.setCurrentIndex(max(0, min(11, n.year_start_month - 1)))
        add_row(form, "The &year starts in:", self.month_combo, "Municipal years start in May")
        self.first_spin = QSpinBox()
        self.first_spin.setRange(0, 99999)
        self.first_spin.setValue(max(0, n.first_number))
        self.first_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        add_row(form, "&First number:", self.first_spin, "Where a new run of numbers starts")
        self.sub_check = QCheckBox("Number the p&aragraphs inside each minute (53.1, 53.2 …)")
        self.sub_check.setChecked(n.sub_paragraphs)
        self.sub_check.setAccessibleName("Number the paragraphs inside each minute")
        form.addRow("", self.sub_check)
        page.setLayout(form)
        return page

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

    def _lists_page(self, s: BodySettings) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.interests_edit = QPlainTextEdit("\n".join(s.interest_types))
        self.interests_edit.setTabChangesFocus(True)
        self.interests_edit.setAccessibleName("Types of interest")
        label = QLabel("&Types of interest members declare (one per line):")
        label.setBuddy(self.interests_edit)
        self.interests_message = FieldMessage(name="Interest types problem")
        self.standard_edit = QPlainTextEdit("\n".join(s.standard_items))
        self.standard_edit.setTabChangesFocus(True)
        self.standard_edit.setAccessibleName("Standard opening items")
        label2 = QLabel("Standard &opening items of every meeting (one per line):")
        label2.setBuddy(self.standard_edit)
        for w in (label, self.interests_edit, self.interests_message, label2, self.standard_edit):
            layout.addWidget(w)
        return page

    def _template_page(self, s: BodySettings) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Clerk writes the minutes into a Word template, so your council's house style "
            "(fonts, spacing, logo, headers) is kept. Leave this empty to use Clerk's own."
        )
        intro.setWordWrap(True)
        self.template_edit = QLineEdit(s.template_path)
        self.template_edit.setPlaceholderText("Clerk's default house style")
        self.template_edit.setAccessibleName("House-style template file")
        label = QLabel("Template &file:")
        label.setBuddy(self.template_edit)
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Browse for a template")
        browse.clicked.connect(self._browse)
        clear = QPushButton("Use C&lerk's own")
        clear.setAccessibleName("Use Clerk's own template")
        clear.clicked.connect(self.template_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        self.template_message = FieldMessage(name="Template problem")
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.template_message)
        layout.addStretch(1)
        return page

    def _people_page(self, body: Body) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.members = PeopleTable(PersonKind.MEMBER)
        self.members.set_people(body.people)
        self.officers = PeopleTable(PersonKind.OFFICER)
        self.officers.set_people(body.people)
        m, o = QLabel("Members:"), QLabel("Officers:")
        layout.addWidget(m)
        layout.addWidget(self.members, 2)
        layout.addWidget(o)
        layout.addWidget(self.officers, 1)
        return page

    def _browse(self) -> None:
        start = self.template_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the house-style template", start, "Word documents (*.docx *.dotx)"
        )
        if path:
            self.template_edit.setText(path)

    # ------------------------------------------------------------- settings
    def settings(self) -> BodySettings:
        """The settings as the dialog shows them now."""
        s = copy.deepcopy(self.body.settings)
        s.chair_title = self.chair_edit.currentText().strip()
        s.vice_chair_title = self.vice_edit.currentText().strip()
        s.naming = NamingStyle(self.naming_combo.currentData())
        s.quorum = self.quorum_spin.value()
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
        s.style = self.style_page.minute_style()
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
            where = sorted({pages.get(m, "General") for m, _ in problems})
            self.message.show_problem("Please fix the problems on: " + ", ".join(where) + ".")
        else:
            self.message.show_problem("")
        return not problems

    def show_field_problem(self, field: str, message: str) -> None:
        """Show a problem the services found beside its field, on its page."""
        places: dict[str, tuple[int, FieldMessage]] = {
            "chair_title": (0, self.chair_message),
            "lead_in": (0, self.lead_in_message),
            "numbering.pattern": (1, self.pattern_message),
            "interest_types": (2, self.interests_message),
            "phrases": (3, self.wording.message),
            "template_path": (4, self.template_message),
            "recordings_kept_days": (
                self.tabs.indexOf(self.recording_page),
                self.recording_page.message,
            ),
            "first_name": (5, self.message),
            "last_name": (5, self.message),
        }
        page, label = places.get(field, (self.tabs.currentIndex(), self.message))
        self.tabs.setCurrentIndex(page)
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
