"""The Style choices page of a body's settings: every choice of the body's style, and
its resolution-number pattern, changed without editing a style file.

The page's frame is ``ui/style_choices.ui``; each of its four sections is a form of its
own (``ui/style_dates_votes.ui``, ``style_names.ui``, ``style_layout.ui``,
``style_languages.ui``), so each section may reuse Alt letters the others use. A combo
shows each choice with an example of its effect, worded by the minutes' own renderer
(:mod:`clerk_app.gui.dialogs.style_examples`), and the preview under the sections shows
a date and the sample motion as the current choices write them, in the chosen layout
(narrative sentences, a resolution log line, or the decision and the action table). The
clerk may name the body's copy and describe it.

Any change makes the style the body's own modified copy (:func:`own_copy`); the
dialog checks it with the shared rules and saves it with the body.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from clerk_app.domain.resolutions import resolution_number
from clerk_app.domain.style import (
    SECOND_SETTINGS,
    ActionForm,
    ApologiesPlace,
    AttendanceLayout,
    Bilingual,
    DateStyle,
    Layout,
    MinuteStyle,
    NamedVoteLayout,
    NameOrder,
    ResolutionScope,
    TimeStyle,
    VoteNotation,
)
from clerk_app.gui import theme, uiload
from clerk_app.gui.dialogs import style_examples as ex
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.services.styles import own_copy

# the style's yes/no choices and the check box of each
CHECKS = {
    "header_weekday": "weekday_check",
    "votes_in_words": "votes_words_check",
    "counts_in_words": "counts_words_check",
    "chair_first": "chair_first_check",
    "empty_vote_rows": "empty_rows_check",
    "chair_title_before": "chair_before_check",
    "remote_section": "remote_check",
    "item_titles_upper": "upper_check",
    "draft_banner": "banner_check",
    "watermark": "watermark_check",
    "initials_footer": "initials_check",
    "labels_second_first": "second_first_check",
    "label_keywords": "label_keywords_check",
}
# the style's choices among fixed values and the combo of each
COMBOS: dict[str, tuple[str, type]] = {
    "date_style": ("date_combo", DateStyle),
    "time_style": ("time_combo", TimeStyle),
    "vote_notation": ("notation_combo", VoteNotation),
    "named_vote_layout": ("named_layout_combo", NamedVoteLayout),
    "named_vote_order": ("named_order_combo", NameOrder),
    "attendance_naming": ("attendance_naming_combo", str),
    "mover_naming": ("mover_naming_combo", str),
    "vote_naming": ("vote_naming_combo", str),
    "log_naming": ("log_naming_combo", str),
    "layout": ("layout_combo", Layout),
    "attendance_layout": ("attendance_layout_combo", AttendanceLayout),
    "officer_order": ("officer_order_combo", NameOrder),
    "apologies_place": ("apologies_place_combo", ApologiesPlace),
    "action_form": ("action_form_combo", ActionForm),
    "resolution_scope": ("scope_combo", ResolutionScope),
    "bilingual": ("bilingual_combo", Bilingual),
    "locale": ("locale_combo", str),
    "second_locale": ("second_combo", str),
}
NAMINGS = ("attendance_naming", "mover_naming", "vote_naming", "log_naming")


def _fill(combo: QComboBox, choices: Sequence[tuple[str, object]]) -> None:
    for label, value in choices:
        combo.addItem(label, value)


def _choose(combo: QComboBox, value: str) -> None:
    """Select ``value``, adding it (as itself) when the list does not hold it."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(value or "Not chosen", value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class StyleChoicesPage(QWidget):
    """Shows a style's choices; ``changed`` whenever the clerk changes one."""

    changed = Signal()

    def __init__(self, style: MinuteStyle, pattern: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_into(self, "style_choices")
        # each section a form of its own, so the sections may share Alt letters
        section = uiload.child(self, QWidget, "dates_votes_section")
        uiload.load_into(section, "style_dates_votes")
        section = uiload.child(self, QWidget, "names_section")
        uiload.load_into(section, "style_names")
        section = uiload.child(self, QWidget, "layout_section")
        uiload.load_into(section, "style_layout")
        section = uiload.child(self, QWidget, "languages_section")
        uiload.load_into(section, "style_languages")
        self.preview = uiload.child(self, QLabel, "preview")
        self.message = uiload.child(self, FieldMessage, "message")
        self.checks = {k: uiload.child(self, QCheckBox, name) for k, name in CHECKS.items()}
        self.combos = {k: uiload.child(self, QComboBox, name) for k, (name, _) in COMBOS.items()}
        self.style_name = uiload.child(self, QLineEdit, "style_name_edit")
        self.description = uiload.child(self, QLineEdit, "description_edit")
        self.member_title = uiload.child(self, QLineEdit, "member_title_edit")
        self.member_short = uiload.child(self, QLineEdit, "member_short_edit")
        self.signatories = uiload.child(self, QLineEdit, "signatories_edit")
        self.pattern_edit = uiload.child(self, QLineEdit, "pattern_edit")
        self.second_table = uiload.child(self, QTableWidget, "second_table")
        self.messages = {
            "style.member_title": uiload.child(self, FieldMessage, "member_title_message"),
            "style.signatories": uiload.child(self, FieldMessage, "signatories_message"),
            "resolution_pattern": uiload.child(self, FieldMessage, "pattern_message"),
            "style.second_locale": uiload.child(self, FieldMessage, "bilingual_message"),
        }
        self._fill_fixed()
        self._loading = False
        self.load(style, pattern)
        for box in self.checks.values():
            box.toggled.connect(self._edited)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._edited)
        edits = (self.style_name, self.description, self.member_title, self.member_short)
        for edit in (*edits, self.signatories, self.pattern_edit):
            edit.textChanged.connect(self._edited)
        self.second_table.itemChanged.connect(self._edited)

    def _fill_fixed(self) -> None:
        c = self.combos
        _fill(c["time_style"], ex.time_choices())
        fixed: dict[str, Sequence[tuple[object, str]]] = {
            "named_vote_layout": ex.NAMED_LAYOUTS,
            "named_vote_order": ex.NAME_ORDERS,
            "officer_order": ex.OFFICER_ORDERS,
            "apologies_place": ex.APOLOGIES_PLACES,
            "action_form": ex.ACTION_FORMS,
            "layout": ex.LAYOUTS,
            "attendance_layout": ex.ATTENDANCE_LAYOUTS,
            "resolution_scope": ex.SCOPES,
            "bilingual": ex.BILINGUAL,
            "locale": ex.LANGUAGES,
            "second_locale": ex.SECOND_LANGUAGES,
        }
        for key, choices in fixed.items():
            _fill(c[key], [(label, value) for value, label in choices])
        table = self.second_table
        table.setColumnCount(2)
        table.setRowCount(len(ex.SECOND_TEXTS))
        table.setHorizontalHeaderLabels(["Text", "In the second language"])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, (_key, label) in enumerate(ex.SECOND_TEXTS):
            what = QTableWidgetItem(label)
            what.setFlags(what.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, what)
            table.setItem(row, 1, QTableWidgetItem(""))
        table.setCurrentCell(0, 1)

    # ----------------------------------------------------------------- the style
    def load(self, style: MinuteStyle, pattern: str | None = None) -> None:
        """Show ``style`` (a style just chosen or imported: the base of any changes)."""
        self._base = copy.deepcopy(style)
        self._loading = True
        try:
            s = self._base
            for key, box in self.checks.items():
                box.setChecked(bool(getattr(s, key)))
            self._relabel(s, "")
            for key, combo in self.combos.items():
                _choose(combo, str(getattr(s, key)))
            self.style_name.setText(s.name)
            self.description.setText(s.description)
            self.member_title.setText(s.member_title)
            self.member_short.setText(s.member_title_short)
            self.signatories.setText(", ".join(s.signatories))
            if pattern is not None:
                self.pattern_edit.setText(pattern)
            for row, (key, _label) in enumerate(ex.SECOND_TEXTS):
                item = self.second_table.item(row, 1)
                if item is not None:
                    item.setText(s.second_settings.get(key, ""))
        finally:
            self._loading = False
        self._enable()

    def _read(self) -> MinuteStyle:
        s = copy.deepcopy(self._base)
        for key, box in self.checks.items():
            setattr(s, key, box.isChecked())
        for key, (_name, kind) in COMBOS.items():
            value = self.combos[key].currentData()
            setattr(s, key, kind(value) if value is not None else getattr(s, key))
        # a name left empty keeps the style's own (the copy is then "… (modified)")
        s.name = " ".join(self.style_name.text().split()) or self._base.name
        s.description = " ".join(self.description.text().split())
        s.member_title = " ".join(self.member_title.text().split())
        s.member_title_short = " ".join(self.member_short.text().split())
        s.signatories = [t.strip() for t in self.signatories.text().split(",") if t.strip()]
        texts = dict(self._base.second_settings)
        for row, (key, _label) in enumerate(ex.SECOND_TEXTS):
            item = self.second_table.item(row, 1)
            value = item.text().strip() if item is not None else ""
            if value:
                texts[key] = value
            else:
                texts.pop(key, None)
        s.second_settings = {k: texts[k] for k in SECOND_SETTINGS if k in texts}
        return s

    def minute_style(self) -> MinuteStyle:
        """The style as the page shows it: the base itself, or the body's modified copy."""
        return own_copy(self._base, self._read())

    def resolution_pattern(self) -> str:
        return self.pattern_edit.text().strip()

    def _edited(self) -> None:
        if self._loading:
            return
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        bilingual = self.combos["bilingual"].currentData() != Bilingual.NONE
        self.combos["second_locale"].setEnabled(bilingual)
        self.second_table.setEnabled(bilingual)
        labels = self.combos["bilingual"].currentData() == Bilingual.LABELS
        for key in ("labels_second_first", "label_keywords"):
            self.checks[key].setEnabled(labels)

    # ------------------------------------------------------------ examples, problems
    def _relabel(self, style: MinuteStyle, settings: Any) -> None:
        """Word each combo's choices with examples from the current choices."""
        from clerk_app.domain.model import BodySettings

        body = copy.deepcopy(settings) if settings else BodySettings()
        body.style = style
        labels: dict[str, list[tuple[str, Any]]] = {
            "date_style": ex.date_choices(style),
            "vote_notation": ex.notation_choices(body),
        }
        naming = ex.naming_choices(body)
        labels.update(dict.fromkeys(NAMINGS, naming))
        for key, choices in labels.items():
            combo = self.combos[key]
            if combo.count() == 0:
                _fill(combo, choices)
                continue
            for label, value in choices:
                index = combo.findData(value)
                if index >= 0 and combo.itemText(index) != label:
                    combo.setItemText(index, label)

    def refresh(self, settings: Any, found: dict[str, str]) -> list[tuple[FieldMessage, str]]:
        """Update the examples and the preview from the dialog's ``settings`` (with this
        page's style), show each problem of ``found`` by its control, and return those
        shown."""
        self._loading = True
        try:
            self._relabel(settings.style, settings)
        finally:
            self._loading = False
        shown: list[tuple[FieldMessage, str]] = []
        for field, label in self.messages.items():
            problem = found.get(field, "")
            label.show_problem(problem)
            if problem:
                shown.append((label, problem))
        pattern = self.resolution_pattern()
        if pattern and "resolution_pattern" not in found:
            example = resolution_number(pattern, 1, date.today())
            self.messages["resolution_pattern"].show_text(
                f"The first resolution this year would be {example}", theme.Tone.MUTED
            )
        others = [m for f, m in found.items() if f.startswith("style.") and f not in self.messages]
        self.message.show_problem(others[0] if others else "")
        if others:
            shown.append((self.message, others[0]))
        self.preview.setText("\n".join(ex.preview_lines(settings)))
        s = self.minute_style()
        self.setAccessibleDescription(f"Style “{s.name}”, version {s.version}")
        return shown

    def show_section_of(self, label: QWidget) -> None:
        """Turn to the section holding ``label`` (a problem shown there)."""
        sections = uiload.child(self, QTabWidget, "sections")
        for i in range(sections.count()):
            page = sections.widget(i)
            if page is not None and page.isAncestorOf(label):
                sections.setCurrentIndex(i)
