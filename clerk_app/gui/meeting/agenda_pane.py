"""The agenda: items with their minute numbers, Part 2 marked, the current item in bold.

Drag an item to reorder the agenda (saved through the services; undo puts it back), or
use "Take this item now" to take one out of order.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Item, ItemStatus
from clerk_app.gui import theme
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import MoveItemCommand, SetItemStatusCommand

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_MARK = {
    ItemStatus.PENDING: "",
    ItemStatus.TAKEN: "  ✓",
    ItemStatus.DEFERRED: "  (deferred)",
    ItemStatus.WITHDRAWN: "  (withdrawn)",
}
STATUS_WORDS = {
    ItemStatus.PENDING: "not yet taken",
    ItemStatus.TAKEN: "taken",
    ItemStatus.DEFERRED: "deferred",
    ItemStatus.WITHDRAWN: "withdrawn",
}


def item_label(item: Item) -> str:
    number = item.minute_number or item.number
    part = "Part 2 · " if item.part == 2 else ""
    return f"{number}\t{part}{item.title or '(untitled)'}{STATUS_MARK.get(item.status, '')}"


class AgendaDelegate(QStyledItemDelegate):
    """Minute number in a column of its own, the title wrapping beside it.

    Each row's height is worked out here, in one pass over the rows, and given to the row
    (its size hint): the list lays itself out from those without asking Python row by
    row, which it would do many times while it lays out."""

    PAD = 4

    def __init__(self, view: AgendaList) -> None:
        super().__init__(view)
        self.view = view
        self.number_width = 0
        # sizes already worked out, by (title, font, width, number column): word-wrapping
        # a title is not free, and the width goes back and forth as the window is laid out
        self._sizes: dict[tuple[str, str, int, int], QSize] = {}

    def measure(self) -> None:
        """Fit the number column to the widest minute number in the list, and size every
        row (once the list has a width: a list not yet shown is sized by its first
        resize, which comes before it is painted)."""
        metrics = self.view.fontMetrics()
        bold = self.view.font()
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        self.number_width = max(
            (
                max(metrics.horizontalAdvance(n), bold_metrics.horizontalAdvance(n))
                for n in (
                    str(self.view.item(r).text()).partition("\t")[0]
                    for r in range(self.view.count())
                )
            ),
            default=0,
        )
        if self.view.has_width():
            self.size_rows()

    def size_rows(self, rows: Iterable[int] | None = None) -> None:
        """Give rows (all of them unless named) their height at the list's width."""
        view = self.view
        number_width, width = self._widths(view.row_width())
        base = view.font()
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(view.count()) if rows is None else rows:
            entry = view.item(row)
            if entry is None:
                continue
            font = entry.font().resolve(base)
            title = str(entry.text()).partition("\t")[2]
            key = (title, font.key(), width, number_width)
            size = self._sizes.get(key)
            if size is None:
                rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), flags, title)
                size = QSize(number_width + width, rect.height() + 2 * self.PAD)
                if len(self._sizes) > 4096:
                    self._sizes.clear()
                self._sizes[key] = size
            if entry.sizeHint() != size:
                entry.setSizeHint(size)

    def _widths(self, row_width: int | None = None) -> tuple[int, int]:
        number_width = self.number_width + 3 * self.PAD
        if row_width is None:
            row_width = self.view.viewport_width()
        width = row_width - number_width - 2 * self.PAD
        return number_width, max(width, 40)

    def _parts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        number, _tab, title = str(index.data() or "").partition("\t")
        return number, title

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """As the list's own, less the text: :meth:`paint` draws it in two columns."""
        super().initStyleOption(option, index)
        option.text = ""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # the row's background, selection and focus as the style draws them (through the
        # base class: asking the style from Python would build PySide6's QStyle class,
        # four milliseconds of the start), then the number and the wrapped title
        super().paint(painter, option, index)
        number, title = self._parts(index)
        number_width, width = self._widths()
        selection = self.view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        font = index.data(Qt.ItemDataRole.FontRole)
        painter.save()
        painter.setFont(option.font if font is None else font.resolve(option.font))
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(option.palette.color(role) if selected or colour is None else colour.color())
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.drawText(QRect(r.left(), r.top(), number_width, r.height()), 0, number)
        title_rect = QRect(r.left() + number_width, r.top(), width, r.height())
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), title)
        painter.restore()


class AgendaList(QListWidget):
    moved = Signal(str, int)  # item id, new index

    def __init__(self) -> None:
        super().__init__()
        self._viewport_width: int | None = None
        self._viewport_height = 0
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.delegate = AgendaDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setAccessibleName("Agenda")
        self.setAccessibleDescription(
            "Items in agenda order. Enter opens an item; drag to reorder."
        )
        self.model().rowsMoved.connect(self._rows_moved)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The rows' heights follow the list's width (this is the viewport's resize)."""
        super().resizeEvent(event)
        self._viewport_width = event.size().width()
        self._viewport_height = event.size().height()
        if event.size().width() != event.oldSize().width():
            self.delegate.size_rows()

    def has_width(self) -> bool:
        """Whether the list has been laid out (its viewport has had a resize)."""
        return self._viewport_width is not None

    def viewport_width(self) -> int:
        """The viewport's width, from its resize events (or, before the first, from the
        list's own size). Asking ``viewport()`` would hand Python the viewport Qt made,
        and PySide6 works out the exact type of such a widget by making every widget
        class it knows first: 8 ms of the start."""
        if self._viewport_width is not None:
            return self._viewport_width
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        return width - bar.width() if bar.isVisible() else width

    def row_width(self) -> int:
        """The width the rows are measured at: the viewport's, less the vertical scroll
        bar's when the bar is about to show because the rows cannot fit even at a line
        each. The list shows the bar once its rows are sized, which narrows the rows:
        measured at the narrower width at once, the rows are measured once, not twice."""
        width = self.viewport_width()
        if self.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded:
            return width
        one_line = self.fontMetrics().height() + 2 * AgendaDelegate.PAD
        if self.count() * one_line <= self._viewport_height:
            return width
        bar = self.verticalScrollBar()
        return width if bar.isVisible() else width - bar.sizeHint().width()

    def _rows_moved(
        self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex, row: int
    ) -> None:
        new_index = row if row < start else row - 1
        moved = self.item(new_index)
        if moved is not None:
            self.moved.emit(moved.data(ID_ROLE), new_index)


class AgendaPane(QWidget):
    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 0, 8)
        title = QLabel("&Agenda")
        title.setFont(theme.scaled_font(1.1, bold=True))
        lay.addWidget(title)
        self.list = AgendaList()
        title.setBuddy(self.list)
        lay.addWidget(self.list, 1)
        self.list.moved.connect(self._moved)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self._rebuilding = False
        self._shown_current = ""
        session.itemsChanged.connect(self.rebuild)
        session.itemChanged.connect(self.refresh_item)
        session.currentItemChanged.connect(self._current_item_changed)
        self.rebuild()

    def rebuild(self) -> None:
        """Every row again: the items, their order, numbers and statuses changed."""
        self._rebuilding = True
        try:
            self.list.clear()
            current_row = -1
            for row, item in enumerate(self.session.meeting.items):
                entry = QListWidgetItem()
                entry.setData(ID_ROLE, item.id)
                self._fill(entry, item)
                self.list.addItem(entry)
                if item.id == self.session.current_item_id:
                    current_row = row
            self._shown_current = self.session.current_item_id
            self.list.delegate.measure()
            if current_row >= 0:
                self.list.setCurrentRow(current_row)
        finally:
            self._rebuilding = False

    def _fill(self, entry: QListWidgetItem, item: Item) -> None:
        """One row: number, title and status marks; bold when it is the current item."""
        is_current = item.id == self.session.current_item_id
        entry.setText(item_label(item))
        font = entry.font()
        font.setBold(is_current)
        font.setStrikeOut(item.status is ItemStatus.WITHDRAWN)
        entry.setFont(font)
        if item.status in (ItemStatus.DEFERRED, ItemStatus.WITHDRAWN):
            entry.setForeground(theme.color(theme.Tone.MUTED, self.palette()))
        else:
            entry.setData(Qt.ItemDataRole.ForegroundRole, None)
        part = ", Part 2, exempt" if item.part == 2 else ""
        sound = self.session.sound_starts(item) if self.session.sound_starts else ""
        if sound:  # where the item's sound starts in the recording
            entry.setText(f"{entry.text()}  ♪ {sound}")
        entry.setToolTip(
            f"Its sound starts {sound} into the recording (F11 plays)" if sound else ""
        )
        entry.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{item.minute_number or item.number} {item.title}{part}, "
            f"{STATUS_WORDS.get(item.status, '')}"
            + (", current item" if is_current else "")
            + (f", sound starts at {sound}" if sound else ""),
        )

    def _row(self, item_id: str) -> int:
        return next(
            (r for r in range(self.list.count()) if self.list.item(r).data(ID_ROLE) == item_id),
            -1,
        )

    def refresh_item(self, item_id: str, _source: object = None) -> None:
        """One item's title or part changed: its row alone is written again."""
        item = self.session.meeting.item(item_id)
        row = self._row(item_id)
        if item is None or row < 0:
            self.rebuild()
            return
        self._fill(self.list.item(row), item)
        self.list.delegate.size_rows([row])

    def _current_item_changed(self, item_id: str) -> None:
        """The clerk moved to another item: the old and new rows change, nothing else."""
        old, new = self._row(self._shown_current), self._row(item_id)
        if new < 0:
            self.rebuild()
            return
        self._rebuilding = True
        try:
            self._shown_current = item_id
            for row in {old, new} - {-1}:
                entry = self.list.item(row)
                item = self.session.meeting.item(entry.data(ID_ROLE))
                if item is not None:
                    self._fill(entry, item)
            self.list.delegate.size_rows({old, new} - {-1})
            self.list.setCurrentRow(new)
        finally:
            self._rebuilding = False

    def _moved(self, item_id: str, index: int) -> None:
        if self._rebuilding:
            return

        def push() -> None:
            if not self.session.push(MoveItemCommand(self.session, item_id, index)):
                self.rebuild()

        QTimer.singleShot(0, self, push)  # after the drop has finished with the list

    def _activated(self, entry: QListWidgetItem) -> None:
        self.session.set_current_item(entry.data(ID_ROLE))

    def _current_changed(self, entry: QListWidgetItem | None, _prev: object) -> None:
        if self._rebuilding or entry is None:
            return
        item_id = entry.data(ID_ROLE)
        QTimer.singleShot(0, self, lambda: self.session.set_current_item(item_id))

    def selected_item_id(self) -> str:
        entry = self.list.currentItem()
        return entry.data(ID_ROLE) if entry else self.session.current_item_id

    def _menu(self, pos: QPoint) -> None:
        entry = self.list.itemAt(pos)
        if entry is None:
            return
        item_id = entry.data(ID_ROLE)
        menu = QMenu(self)
        take = QAction("Take this item now", menu)
        take.triggered.connect(lambda: take_item_now(self.session, item_id))
        menu.addAction(take)
        for status, text in (
            (ItemStatus.DEFERRED, "Defer"),
            (ItemStatus.WITHDRAWN, "Withdraw"),
            (ItemStatus.PENDING, "Mark as not yet taken"),
        ):
            act = QAction(text, menu)
            act.triggered.connect(
                lambda _c=False, s=status: self.session.push(
                    SetItemStatusCommand(self.session, item_id, s)
                )
            )
            menu.addAction(act)
        menu.exec(self.list.viewport().mapToGlobal(pos))


def take_item_now(session: MeetingSession, item_id: str) -> None:
    """Take an item: out of order it moves up to follow the last item taken; it becomes
    the current item and is marked as taken (one undo step each)."""
    items = session.meeting.items
    ids = [i.id for i in items]
    if item_id not in ids:
        return
    taken = [n for n, i in enumerate(items) if i.status is ItemStatus.TAKEN and i.id != item_id]
    target = (max(taken) + 1) if taken else ids.index(item_id)
    here = ids.index(item_id)
    stack = session.undo_stack
    stack.beginMacro("Take item")
    try:
        if (
            taken
            and here > target
            and any(i.status is ItemStatus.PENDING for i in items[target:here])
        ):
            session.push(MoveItemCommand(session, item_id, target))
        if session.item(item_id).status is not ItemStatus.TAKEN:
            session.push(SetItemStatusCommand(session, item_id, ItemStatus.TAKEN))
    finally:
        stack.endMacro()
    session.set_current_item(item_id)
