"""Editing a body's members and officers: two keyboard-friendly tables.

Names can be typed row by row or pasted as a list, one per line ("Cllr Mrs Jane Smith
(Chair)", or tab-separated columns copied from a spreadsheet). A person removed from an
existing body is kept, marked as no longer current, so old minutes still name them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from clerk_app.domain.model import Person, PersonKind, Role
from clerk_app.domain.naming import HONORIFICS, PERSON_TITLES, split_titles
from clerk_app.gui import uiload

ROLE_LABELS: dict[Role, str] = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-chair",
    Role.MEMBER: "Member",
    Role.CO_OPTED: "Co-opted",
    Role.RESERVE: "Reserve",
}
_ROLE_WORDS: dict[str, Role] = {
    "chair": Role.CHAIR,
    "chairman": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "chairwoman": Role.CHAIR,
    "mayor": Role.CHAIR,
    "vice-chair": Role.VICE_CHAIR,
    "vice chair": Role.VICE_CHAIR,
    "vice-chairman": Role.VICE_CHAIR,
    "vice chairman": Role.VICE_CHAIR,
    "deputy mayor": Role.VICE_CHAIR,
    "member": Role.MEMBER,
    "co-opted": Role.CO_OPTED,
    "co-opted member": Role.CO_OPTED,
    "coopted": Role.CO_OPTED,
    "reserve": Role.RESERVE,
    "substitute": Role.RESERVE,
}
_COUNCILLOR = {"cllr", "cllr.", "councillor", "coun", "coun.", "cr", "cr."}
_ROLE_SUFFIX = re.compile(r"(?:\s*\((?P<p>[^)]*)\)|(?:\s+[–-]\s+|\s*,\s*)(?P<c>[^,()]+?))\s*$")


def role_from_text(text: str) -> Role | None:
    return _ROLE_WORDS.get(" ".join(text.lower().split()))


def parse_member_line(line: str) -> Person | None:
    """One pasted line → a member; None for a blank line."""
    text = line.replace("\u00a0", " ")
    if "\t" in line:
        cols = [c.strip() for c in line.split("\t")]
        cols += [""] * (4 - len(cols))
        first, last, hon, role_text = cols[:4]
        if not (first or last):
            return None
        title = ""
        if hon.casefold().rstrip(".") in PERSON_TITLES:  # "PCSO" typed as the honorific
            title, hon = hon, ""
        _, last_words, nominals = split_titles(last.split())
        return Person(
            first_name=first,
            last_name=" ".join(last_words),
            honorific=hon,
            role=role_from_text(role_text) or Role.MEMBER,
            title=title,
            post_nominals=nominals,
        )
    text = " ".join(text.split())
    text = re.sub(r"^\s*(?:\d+[.)]|[-*•])\s*", "", text)  # list numbering or bullets
    if not text:
        return None
    role = Role.MEMBER
    m = _ROLE_SUFFIX.search(text)
    if m:
        found = role_from_text(m.group("p") or m.group("c") or "")
        if found is not None:
            role = found
            text = text[: m.start()].strip()
    title, words, nominals = split_titles(text.split())
    while words and words[0].lower() in _COUNCILLOR:
        words.pop(0)
    honorific = ""
    if words and words[0].lower().rstrip(".") in HONORIFICS and len(words) > 1:
        honorific = words.pop(0).rstrip(".")
    if not words:
        return None
    last = words.pop()
    return Person(
        first_name=" ".join(words),
        last_name=last,
        honorific=honorific,
        role=role,
        title=title,
        post_nominals=nominals,
    )


def parse_officer_line(line: str) -> Person | None:
    """ "Jane Smith, Democratic Services Officer" (or tab-separated) → an officer."""
    parts = [p.strip() for p in re.split(r"\t|,|\s[–-]\s", line, maxsplit=1)]
    name = " ".join(parts[0].split()) if parts else ""
    if not name:
        return None
    post = parts[1] if len(parts) > 1 else ""
    title, words, nominals = split_titles(name.split())
    honorific = ""
    if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        honorific = words.pop(0).rstrip(".")
    last = words.pop()
    return Person(
        first_name=" ".join(words),
        last_name=last,
        honorific=honorific,
        kind=PersonKind.OFFICER,
        post=post,
        title=title,
        post_nominals=nominals,
    )


class RoleDelegate(QStyledItemDelegate):
    """A drop-down of roles in the Role column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(ROLE_LABELS.values()))
        combo.setAccessibleName("Role")
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ROLE_LABELS[Role.MEMBER]))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class _PasteFilter(QObject):
    """Ctrl+V on a table with a list of names in the clipboard adds one row per line."""

    def __init__(self, editor: PeopleTable) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip() or "\t" in text:
                self.editor.add_from_text(text)
                return True
        return False


class PasteListDialog(QDialog):
    """A box to paste a list into: Ctrl+Enter (or the default button) adds the list,
    Escape cancels; Enter alone starts a new line."""

    def __init__(self, hint: str, parent: QWidget | None = None, title: str = "Paste a list"):
        super().__init__(parent)
        uiload.load_into(self, "paste_list")
        if title != self.windowTitle():
            self.setWindowTitle(title)
            self.setAccessibleName(title)
        uiload.child(self, QLabel, "hint").setText(hint)
        self.edit = uiload.child(self, QPlainTextEdit, "edit")
        self.edit.setAccessibleDescription(hint)
        buttons = uiload.child(self, QDialogButtonBox, "buttons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setToolTip("Ctrl+Enter")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText()


class PeopleTable(QWidget):
    """A table of members or officers with Add, Remove and Paste a list buttons."""

    def __init__(self, kind: PersonKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._known: dict[str, Person] = {}
        members = kind is PersonKind.MEMBER
        uiload.load_into(self, "members_table" if members else "officers_table")
        self.table = uiload.child(self, QTableWidget, "table")
        self.add_button = uiload.child(self, QPushButton, "add_button")
        self.remove_button = uiload.child(self, QPushButton, "remove_button")
        self.paste_button = uiload.child(self, QPushButton, "paste_button")
        self.count_label = uiload.child(self, QLabel, "count_label")
        header = self.table.horizontalHeader()
        for c in range(self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        if members:
            self.table.setItemDelegateForColumn(3, RoleDelegate(self.table))
            header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(_PasteFilter(self))
        self.add_button.clicked.connect(self._add_row_and_edit)
        self.remove_button.clicked.connect(self.remove_selected)
        self.paste_button.clicked.connect(self._ask_for_list)
        self.table.model().rowsInserted.connect(self._count)
        self.table.model().rowsRemoved.connect(self._count)
        self._count()

    # ------------------------------------------------------------------ rows
    def add_person(self, person: Person) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        if self.kind is PersonKind.MEMBER:
            values = [
                person.first_name,
                person.last_name,
                person.honorific,
                ROLE_LABELS[person.role],
            ]
            cells = [QTableWidgetItem(v) for v in values]
            for c, cell in enumerate(cells):
                self.table.setItem(row, c, cell)
            first = cells[0]
            voting = QTableWidgetItem("")
            voting.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            voting.setCheckState(
                Qt.CheckState.Checked if person.voting else Qt.CheckState.Unchecked
            )
            voting.setToolTip("Has a vote (clear for non-voting co-opted members)")
            self.table.setItem(row, 4, voting)
        else:
            parts = (
                person.title,
                person.honorific,
                person.first_name,
                person.last_name,
                person.post_nominals,
            )
            name = " ".join(p for p in parts if p)
            first = QTableWidgetItem(name)
            self.table.setItem(row, 0, first)
            self.table.setItem(row, 1, QTableWidgetItem(person.post))
        first.setData(Qt.ItemDataRole.UserRole, person.id)
        return row

    def _add_row_and_edit(self) -> None:
        row = self.add_person(Person(kind=self.kind))
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def add_from_text(self, text: str) -> int:
        """Add one row per line of ``text``; returns how many were added."""
        parse = parse_member_line if self.kind is PersonKind.MEMBER else parse_officer_line
        added = 0
        for line in text.splitlines():
            person = parse(line)
            if person is not None:
                self.add_person(person)
                added += 1
        return added

    def _ask_for_list(self) -> None:
        hint = (
            "One name per line, e.g.\nCllr Mrs Jane Smith (Chair)\nDr Ravi Patel"
            if self.kind is PersonKind.MEMBER
            else "One per line: name, post, e.g.\nAlex Morgan, Democratic Services Officer"
        )
        dialog = PasteListDialog(hint, self)
        if dialog.exec():
            self.add_from_text(dialog.text())

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for r in rows:
            self.table.removeRow(r)

    def _count(self) -> None:
        n = self.table.rowCount()
        self.count_label.setText(
            f"{n} {'member' if self.kind is PersonKind.MEMBER else 'officer'}"
            f"{'' if n == 1 else 's'}"
        )

    # -------------------------------------------------------------- in and out
    def set_people(self, people: list[Person]) -> None:
        self.table.setRowCount(0)
        self._known = {p.id: p for p in people if p.kind is self.kind}
        for p in people:
            if p.kind is self.kind and p.active:
                self.add_person(p)

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return " ".join(item.text().split()) if item is not None else ""

    def people(self) -> list[Person]:
        """The people in the table (rows with no name are skipped); people of the body
        who were removed come back marked as no longer current."""
        result: list[Person] = []
        seen: set[str] = set()
        for row in range(self.table.rowCount()):
            first_item = self.table.item(row, 0)
            pid = first_item.data(Qt.ItemDataRole.UserRole) if first_item is not None else None
            base = self._known.get(pid) if pid else None
            if self.kind is PersonKind.MEMBER:
                first, last, hon = self._text(row, 0), self._text(row, 1), self._text(row, 2)
                if not (first or last):
                    continue
                role = role_from_text(self._text(row, 3)) or Role.MEMBER
                voting_item = self.table.item(row, 4)
                voting = voting_item is None or voting_item.checkState() == Qt.CheckState.Checked
                person = parse_member_line(f"{first}\t{last}\t{hon}") or Person()
                person.role, person.voting = role, voting
            else:
                officer = parse_officer_line(f"{self._text(row, 0)}\t{self._text(row, 1)}")
                if officer is None:
                    continue
                person = officer
            if base is not None:
                base.first_name, base.last_name, base.honorific = (
                    person.first_name,
                    person.last_name,
                    person.honorific,
                )
                base.role, base.voting, base.post = person.role, person.voting, person.post
                if self.kind is not PersonKind.MEMBER or person.title or person.post_nominals:
                    # officers' names show their title; members' rows keep what they had
                    base.title, base.post_nominals = person.title, person.post_nominals
                base.active = True
                person = base
            elif pid:
                person.id = pid
            person.kind = self.kind
            seen.add(person.id)
            result.append(person)
        for pid, p in self._known.items():
            if pid not in seen:
                p.active = False
                result.append(p)
        return result


class MembersTable(PeopleTable):
    """The members table, as a Designer form places it (by class name, with a parent)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PersonKind.MEMBER, parent)


class OfficersTable(PeopleTable):
    """The officers table, as a Designer form places it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PersonKind.OFFICER, parent)
