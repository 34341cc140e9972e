"""File → New body: a committee, council or board with its preset settings and people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from clerk_app.domain.model import Body, BodyKind, Person
from clerk_app.gui import uiload
from clerk_app.gui.dialogs.common import FieldMessage
from clerk_app.gui.dialogs.people import PeopleTable
from clerk_app.gui.errors import show_error

if TYPE_CHECKING:
    from clerk_app.services import Services


def preset_labels() -> dict[BodyKind, str]:
    try:
        from clerk_app.domain.presets import PRESET_LABELS
    except ImportError:  # pragma: no cover - presets are part of the domain
        return {k: k.value.replace("_", " ").capitalize() for k in BodyKind}
    return dict(PRESET_LABELS)


def preset_summary(kind: BodyKind) -> str:
    """One line saying what the preset sets up, so the clerk knows what they get."""
    from clerk_app.domain import naming
    from clerk_app.domain.numbering import minute_number
    from clerk_app.domain.presets import preset_settings

    s = preset_settings(kind)
    example = naming.display_name(Person("Jane", "Smith", "Mrs", post="Councillor"), s)
    from datetime import date

    number = minute_number(s.numbering, s.numbering.first_number, date.today())
    return (
        f"Starts with: the chair titled “{s.chair_title}”; members named like “{example}”; "
        f"minutes numbered like {number}; quorum {s.quorum}; "
        f"decisions start “{s.lead_in}”. You can change all of these later in Settings."
    )


class NewBodyDialog(QDialog):
    """Create a body: ``exec()``, then ``.body`` is the saved :class:`Body`."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.body: Body | None = None
        self._draft: Body | None = None
        self._typed = False  # a name has been typed (then cleared: say it is needed)
        uiload.load_into(self, "new_body")
        self.name_edit = uiload.child(self, QLineEdit, "name_edit")
        self.name_message = uiload.child(self, FieldMessage, "name_message")
        self.authority_edit = uiload.child(self, QLineEdit, "authority_edit")
        self.preset_combo = uiload.child(self, QComboBox, "preset_combo")
        self.preset_summary = uiload.child(self, QLabel, "preset_summary")
        self.members = uiload.child(self, PeopleTable, "members")
        self.officers = uiload.child(self, PeopleTable, "officers")
        self.tabs = uiload.child(self, QTabWidget, "tabs")
        self.message = uiload.child(self, FieldMessage, "message")
        buttons = uiload.child(self, QDialogButtonBox, "buttons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        for kind, label in preset_labels().items():
            self.preset_combo.addItem(label, kind)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.name_edit.textChanged.connect(lambda _t: self._validate())
        self._preset_changed()
        self._validate()

    # ---------------------------------------------------------------- helpers
    @property
    def kind(self) -> BodyKind:
        return BodyKind(self.preset_combo.currentData())

    def set_kind(self, kind: BodyKind) -> None:
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(kind))

    def _preset_changed(self) -> None:
        self.preset_summary.setText(preset_summary(self.kind))

    def _validate(self, *, saving: bool = False) -> bool:
        """OK is on once there is a name; the problem shows once the clerk has typed a
        name and cleared it, or tried to save without one."""
        ok = bool(self.name_edit.text().strip())
        if self.name_edit.text():
            self._typed = True
        show = not ok and (saving or self._typed)
        self.name_message.show_problem("Give the body a name." if show else "")
        self.ok_button.setEnabled(ok)
        return ok

    def people(self) -> list[Person]:
        return self.members.people() + self.officers.people()

    # ----------------------------------------------------------------- saving
    def accept(self) -> None:
        if not self._validate(saving=True):
            self.name_edit.setFocus()
            return
        from clerk_app.services import ServiceError
        from clerk_app.storage.errors import StoreError

        try:
            body = self._draft
            if body is None:
                body = self.services.create_body(
                    self.name_edit.text().strip(),
                    self.kind,
                    authority=self.authority_edit.text().strip(),
                    preset=True,
                )
                self._draft = body  # created: a second OK saves it again, never twice
            else:
                from clerk_app.domain.presets import preset_settings

                if body.kind is not self.kind:
                    body.settings = preset_settings(self.kind)
                body.name = self.name_edit.text().strip()
                body.kind = self.kind
                body.authority = self.authority_edit.text().strip()
            body.people = self.people()
            self.body = self.services.save_body(body)
        except ServiceError as exc:
            self.message.show_problem(exc.message)
            if exc.field == "name":
                self.name_edit.setFocus()
            return
        except StoreError as exc:
            show_error(self, exc)
            return
        super().accept()
