"""A name field that completes from the body's people, members present first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from clerk_app.domain import naming
from clerk_app.domain.model import Person

if TYPE_CHECKING:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QAbstractItemView, QCompleter

# (people to offer, ids of those present now, display name of a person)
PeopleSource = Callable[[], tuple[list[Person], set[str]]]
Namer = Callable[[Person], str]

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class PersonEdit(QLineEdit):
    """Type part of a name ("Cllr Ru", "Øver"); the popup offers matches, present first.

    Leaving the field with text that is not exactly a name picks the best match, unless
    ``free_text`` is set (an action's owner may be "the Clerk"): then unknown text stays as
    typed with no person. The completer and its popup are made when the clerk first types
    in the field: a screen of motions holds many name fields, most never typed in.
    """

    personChanged = Signal(object)  # person id or None

    def __init__(
        self,
        source: PeopleSource,
        namer: Namer,
        parent: QWidget | None = None,
        *,
        free_text: bool = False,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._namer = namer
        self._free_text = free_text
        self._person_id: str | None = None
        self._model: QStandardItemModel | None = None
        self._completer: QCompleter | None = None
        self.textEdited.connect(self._refresh)
        self.editingFinished.connect(self.commit)
        self.setPlaceholderText("Start typing a name")
        self.setClearButtonEnabled(True)

    # ------------------------------------------------------------------ value
    def personId(self) -> str | None:
        return self._person_id

    def setPersonId(self, person_id: str | None, text: str = "") -> None:
        self._person_id = person_id
        people, _present = self._source()
        person = next((p for p in people if p.id == person_id), None)
        self.setText(self._namer(person) if person else text)

    def matches(self, query: str) -> list[Person]:
        people, present = self._source()
        if not query.strip():
            return sorted(people, key=lambda p: p.id not in present)
        return list(naming.match(query, people, present))

    # ------------------------------------------------------------------ completion
    def _completion(self) -> tuple[QCompleter, QStandardItemModel]:
        """The completer and the model of its offers, made on first use."""
        if self._completer is None or self._model is None:
            from PySide6.QtGui import QStandardItemModel
            from PySide6.QtWidgets import QCompleter

            model = QStandardItemModel(self)
            completer = QCompleter(model, self)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setCompletionRole(NAME_ROLE)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setWidget(self)
            # the stubs type the overloaded signal as one SignalInstance, not indexable
            completer.activated[QModelIndex].connect(self._picked_index)  # type: ignore[index]
            popup = completer.popup()  # made now in every popup completion mode
            assert popup is not None
            popup.installEventFilter(self)  # Tab in the popup: see eventFilter
            self._completer, self._model = completer, model
        return self._completer, self._model

    def _popup(self) -> QAbstractItemView:
        popup = self._completion()[0].popup()
        assert popup is not None
        return popup

    def _refresh(self, text: str) -> None:
        from PySide6.QtGui import QStandardItem

        _people, present = self._source()
        completer, model = self._completion()
        model.clear()
        for person in self.matches(text)[:12]:
            name = self._namer(person)
            label = name if person.id in present else f"{name}  (not present)"
            row = QStandardItem(label)
            row.setData(name, NAME_ROLE)
            row.setData(person.id, ID_ROLE)
            row.setEditable(False)
            model.appendRow(row)
        popup = self._popup()
        if model.rowCount() and text.strip():
            completer.complete()
            popup.setCurrentIndex(model.index(0, 0))
        else:
            popup.hide()

    def _picked_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._choose(index.data(ID_ROLE), index.data(NAME_ROLE))

    def _choose(self, person_id: str | None, name: str) -> None:
        self.setText(name)
        if person_id != self._person_id:
            self._person_id = person_id
            self.personChanged.emit(person_id)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab / Backtab leave the field: take the highlighted name first (the completer
        # swallows the focus-out while its popup is open, so this cannot wait for it).
        # Qt asks this of the field for its Tab keys; overriding event() instead would
        # hand Python every event the field gets.
        if self._completer is not None:  # it has offered names
            popup = self._popup()
            if popup.isVisible():
                idx = popup.currentIndex()
                if idx.isValid():
                    self._choose(idx.data(ID_ROLE), idx.data(NAME_ROLE))
                popup.hide()
        self.commit()
        return super().focusNextPrevChild(next)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Tab in the popup takes the highlighted name, as Enter does
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab:  # type: ignore[attr-defined]
            popup = self._popup()
            idx = popup.currentIndex()
            if idx.isValid():
                self._choose(idx.data(ID_ROLE), idx.data(NAME_ROLE))
            popup.hide()
            self.focusNextChild()
            return True
        return super().eventFilter(obj, event)

    def commit(self) -> None:
        """Resolve the typed text to a person when the clerk leaves the field."""
        text = self.text().strip()
        people, _present = self._source()
        if not text:
            if self._person_id is not None:
                self._person_id = None
                self.personChanged.emit(None)
            return
        exact = [p for p in people if self._namer(p).casefold() == text.casefold()]
        if exact:
            self._choose(exact[0].id, self._namer(exact[0]))
            return
        if self._free_text:
            if self._person_id is not None:
                self._person_id = None
                self.personChanged.emit(None)
            return
        found = self.matches(text)
        if found:
            self._choose(found[0].id, self._namer(found[0]))
        else:
            self.setToolTip(f"No one called “{text}” is on the list of people for this body.")
