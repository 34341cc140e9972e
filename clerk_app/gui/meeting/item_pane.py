"""The item being minuted: its heading fields (``item_heading``) and its blocks, one card
each."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui import theme
from clerk_app.gui.meeting.card import BlockCard, IssuesView
from clerk_app.gui.meeting.forms import is_motion_form
from clerk_app.gui.meeting.item_heading import ItemHeader
from clerk_app.gui.meeting.session import MeetingSession
from clerk_app.gui.undo import DeleteBlockCommand

EMPTY_HINT = (
    "Nothing minuted for this item yet. Ctrl+Shift+P adds a paragraph, Ctrl+Shift+L "
    "discussion points, Ctrl+Shift+M a motion, Ctrl+Shift+T an attendance change, "
    "Ctrl+Shift+D a declaration and Ctrl+Shift+K an action. F1 lists every shortcut."
)


class ItemPane(QWidget):
    """The current item: heading fields above a scrolling list of block cards.

    The clerk carries on at the end of an item, so an item's cards are made from the
    last one up: those that fill the pane at once, the ones above them in the moments
    after (a few at a time, between the clerk's key presses), and all that are left as
    soon as anything needs every card (``cards``, ``card_list``). While cards are added
    above, the view keeps its distance from the bottom, so what the clerk sees stays put.
    """

    BUILD_SLICE_MS = 8  # cards made above the visible ones: at most this long at a time
    # the cards above the visible ones are begun once the pane has been painted (the
    # window is up and the clerk can type), or after this long if it is not painted
    PAINT_WAIT_MS = 150

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.setAccessibleName("Minutes of the item")
        self._cards: dict[str, BlockCard] = {}
        self._unbuilt: list[str] = []  # the item's first blocks, not yet given a card
        self._generation = 0
        self._from_bottom: int | None = None
        self.show_previews = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 0)
        self.header = ItemHeader(session)
        outer.addWidget(self.header)
        self.item_issues = IssuesView()
        outer.addWidget(self.item_issues)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Blocks")
        self.body = QWidget()
        self.list = QVBoxLayout(self.body)
        self.list.setContentsMargins(0, 4, 4, 16)
        self.list.setSpacing(8)
        self.hint = QLabel(EMPTY_HINT)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Hint")
        theme.set_tone(self.hint, theme.Tone.MUTED)
        self.list.addWidget(self.hint)
        self.list.addStretch(1)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._keep_from_bottom)
        # the field being typed in stays in view: when it gets the cursor, and when the
        # blocks grow (a new point row) or shrink around it
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._range_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self._after_paint: Any = None  # what to do once the pane has been painted
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(250)
        self._settle_timer.timeout.connect(self._stop_anchoring)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(120)
        self._check_timer.timeout.connect(self.refresh_checks)

        session.currentItemChanged.connect(lambda _i: self.show_item())
        session.blockAdded.connect(self._block_added)
        session.blockRemoved.connect(self._block_removed)
        session.blockChanged.connect(self._block_changed)
        session.itemChanged.connect(self._item_changed)
        session.itemsChanged.connect(self._items_changed)
        session.attendanceChanged.connect(self._attendance_changed)
        session.currentBlockChanged.connect(self._current_block)
        session.focusBlockRequested.connect(self.focus_block)
        self.show_item()

    # ------------------------------------------------------------------ building
    @property
    def item_id(self) -> str:
        return self.session.current_item_id

    @property
    def cards(self) -> dict[str, BlockCard]:
        """Every card of the current item, by block id (any still to be made, made now)."""
        self.complete()
        return self._cards

    def built_cards(self) -> list[BlockCard]:
        """The cards made so far, without making the others."""
        return list(self._cards.values())

    def show_item(self) -> None:
        self._generation += 1
        self._unbuilt = []
        self._stop_anchoring()
        for card in self._cards.values():
            card.dispose()
            card.setParent(None)
            card.deleteLater()
        self._cards.clear()
        item = self.session.current_item
        self.header.show_item(item)
        if item is not None:
            ids = [b.id for b in item.blocks]
            room = self._visible_height()
            used = 0
            # on screen: the forms first, so the clerk can type at once, and the wording a
            # moment later; before the window shows, both, so it shows them laid out once
            shown = self.isVisible()
            while ids and used < room:
                card = self._insert_card(ids.pop(), 0, render=not shown)
                used += card.sizeHint().height() + self.list.spacing()
            self._unbuilt = ids
            if shown:
                QTimer.singleShot(0, self, self._refresh_all_previews)
            if ids:
                generation = self._generation
                self._after_paint = lambda: self._build_more(generation)
                self.update()
                QTimer.singleShot(self.PAINT_WAIT_MS, self, self._painted)
            else:
                self._fix_tab_order()
        self._update_hint()
        self.schedule_checks()
        self.scroll_area.verticalScrollBar().setValue(0)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            QTimer.singleShot(0, self, self._painted)

    def _painted(self) -> None:
        """The pane is on screen (or has waited long enough): begin what was left."""
        then, self._after_paint = self._after_paint, None
        if then is not None:
            then()

    def _visible_height(self) -> int:
        """How much of the pane cards can fill: before the window is shown, as much as
        the screen could show."""
        if self.scroll_area.isVisible():
            # the viewport's height without asking for the viewport (see
            # AgendaList.viewport_width): the area less its frame and a scroll bar
            height = self.scroll_area.maximumViewportSize().height()
            bar = self.scroll_area.horizontalScrollBar()
            return height - bar.height() if bar.isVisible() else height
        screen = self.screen()
        return screen.availableGeometry().height() if screen is not None else 1080

    def _build_more(self, generation: int) -> None:
        """Make some of the cards above the ones made so far; the rest in a moment."""
        if generation != self._generation or not self._unbuilt:
            return
        bar = self.scroll_area.verticalScrollBar()
        self._from_bottom = bar.maximum() - bar.value()
        clock = QElapsedTimer()
        clock.start()
        self._make_next_card()
        while self._unbuilt and clock.elapsed() < self.BUILD_SLICE_MS:
            self._make_next_card()
        if self._unbuilt:
            QTimer.singleShot(0, self, lambda: self._build_more(generation))
        else:
            self._all_made()

    def complete(self) -> None:
        """Make every card still to be made, now."""
        if not self._unbuilt:
            return
        while self._unbuilt:
            self._make_next_card()
        self._all_made()

    def _make_next_card(self) -> None:
        block_id = self._unbuilt.pop()
        card = self._insert_card(block_id, 0)
        if block_id == self.session.current_block_id:
            card.set_current(True)

    def _all_made(self) -> None:
        self._fix_tab_order()
        self._update_hint()
        self.schedule_checks()
        self._settle_timer.start()  # the layout catches up; then the view is the clerk's

    def _keep_from_bottom(self, _low: int, high: int) -> None:
        if self._from_bottom is not None:
            self.scroll_area.verticalScrollBar().setValue(high - self._from_bottom)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.body.isAncestorOf(new):
            QTimer.singleShot(0, self, self.keep_focus_in_view)

    def _range_changed(self, _low: int, _high: int) -> None:
        if self._from_bottom is None:
            self.keep_focus_in_view()
            QTimer.singleShot(0, self, self.keep_focus_in_view)  # once the rows have moved

    def keep_focus_in_view(self) -> None:
        """Scroll so that the field with the cursor is in view (if it is in a block)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.body.isAncestorOf(focus):
            self.list.activate()  # the rows where they are now, not where they were
            # the whole field with a margin, not just its text cursor
            centre = focus.mapTo(self.body, focus.rect().center())
            margin = focus.height() // 2 + 12
            self.scroll_area.ensureVisible(centre.x(), centre.y(), 0, margin)

    def _stop_anchoring(self) -> None:
        self._from_bottom = None
        self._settle_timer.stop()

    def _fix_tab_order(self) -> None:
        """Tab walks the cards in block order, whatever order they were made in."""
        stops: list[QWidget] = _tab_stops(self.header)
        if self.header.translations is not None:  # each field, then its translation
            stops = self.header.translations.tab_order(stops)
            for before, after in itertools.pairwise(stops):
                QWidget.setTabOrder(before, after)
        stops = stops[-1:]
        for card in self.card_list():
            own = _tab_stops(card)
            translations = card.form.translations
            stops.extend(own if translations is None else translations.tab_order(own))
        for before, after in itertools.pairwise(stops):
            QWidget.setTabOrder(before, after)

    def _insert_card(self, block_id: str, index: int, render: bool = True) -> BlockCard:
        card = BlockCard(self.session, self.item_id, block_id, render=render)
        card.deleteRequested.connect(self.delete_block)
        card.set_preview_visible(self.show_previews)
        self.list.insertWidget(index + 1, card)  # after the hint
        card.set_current(block_id == self.session.current_block_id)
        card.show()  # at once, so the cursor can go straight into it
        self._cards[block_id] = card
        return card

    def _items_changed(self) -> None:
        self.header.show_item(self.session.current_item)
        self._update_hint()  # the next meeting's date may have changed

    def _attendance_changed(self) -> None:
        self._refresh_all_previews()
        self._update_hint()  # the apologies received

    def _update_hint(self) -> None:
        empty = not self._cards and not self._unbuilt
        if empty:
            self.hint.setText(self._empty_text())
        self.hint.setVisible(empty)

    def _empty_text(self) -> str:
        """The hint for an empty item: what the minutes will write under it by
        themselves (the apologies received, a nil return), or how to start."""
        item_id = self.item_id
        try:
            words = self.session.auto_wording(item_id) if item_id else []
        except Exception:  # the hint must never stop the item showing
            words = []
        if not words:
            return EMPTY_HINT
        said = " ".join(words)
        return (
            f"The minutes will say: “{said}” To minute it in your own words instead, add "
            "a paragraph (Ctrl+Shift+P). F1 lists every shortcut."
        )

    def card_list(self) -> list[BlockCard]:
        """The current item's cards in block order (any still to be made, made now)."""
        item = self.session.current_item
        if item is None:
            return []
        self.complete()
        return [self._cards[b.id] for b in item.blocks if b.id in self._cards]

    # ------------------------------------------------------------------ session events
    def _block_added(self, item_id: str, block_id: str) -> None:
        if item_id != self.item_id:
            return
        self.complete()
        index = self.session.block_index(item_id, block_id)
        self._insert_card(block_id, index)
        self._reorder()
        self._fix_tab_order()  # the new card was made last
        self._refresh_motions()  # a motion's wording depends on its amendments
        self._update_hint()
        self.schedule_checks()

    def _block_removed(self, item_id: str, block_id: str) -> None:
        if block_id in self._unbuilt:
            self._unbuilt.remove(block_id)
        card = self._cards.pop(block_id, None)
        if card is None:
            return
        card.form.detach()
        card.setParent(None)
        card.deleteLater()
        self._refresh_motions()
        self._update_hint()
        self.schedule_checks()

    def _block_changed(self, item_id: str, block_id: str, source: Any) -> None:
        card = self._cards.get(block_id)  # a card not yet made will show the block as it is
        if item_id != self.item_id or card is None:
            return
        if source is not card.form:
            card.form.reload()
        card.refresh()
        if is_motion_form(card.form):
            self._refresh_motions(except_id=block_id)
        self.schedule_checks()

    def _item_changed(self, item_id: str, source: Any) -> None:
        if item_id != self.item_id:
            return
        if source is not self.header:
            self.header.show_item(self.session.current_item)
        if self._reorder():
            self._fix_tab_order()
        self._refresh_all_previews()

    def _reorder(self) -> bool:
        """Put the cards in block order; whether any moved."""
        moved = False
        for i, card in enumerate(self.card_list()):
            if self.list.indexOf(card) != i + 1:
                self.list.removeWidget(card)
                self.list.insertWidget(i + 1, card)
                moved = True
        return moved

    def _refresh_motions(self, except_id: str = "") -> None:
        for bid, card in self._cards.items():
            if bid != except_id and is_motion_form(card.form):
                card.refresh()

    def _refresh_all_previews(self) -> None:
        for card in self._cards.values():  # cards made later show their wording as made
            card.refresh()
        self.schedule_checks()

    def _current_block(self, block_id: str) -> None:
        for bid, card in self._cards.items():
            card.set_current(bid == block_id)

    # ------------------------------------------------------------------ checks
    def schedule_checks(self) -> None:
        self._check_timer.start()

    def refresh_checks(self) -> None:
        """Show the checks on the current item under the block each is about."""
        self._check_timer.stop()
        try:
            issues = self.session.issues()
        except Exception:
            return
        mine = [i for i in issues if i.item_id == self.item_id]
        for block_id, card in self._cards.items():  # the rest are checked once made
            card.issues.set_issues([i for i in mine if i.block_id == block_id])
        self.item_issues.set_issues([i for i in mine if not i.block_id])

    # ------------------------------------------------------------------ commands
    def delete_block(self, block_id: str) -> None:
        if block_id not in self.cards:  # (every card made: the neighbour gets the cursor)
            return
        self.session.flush()
        cmd = DeleteBlockCommand(self.session, self.item_id, block_id)
        if not self.session.push(cmd):
            return
        # put the cursor in the neighbouring block
        item = self.session.current_item
        if item and item.blocks:
            index = min(max(cmd.index or 0, 0), len(item.blocks) - 1)
            self.focus_block(self.item_id, item.blocks[max(index - 1, 0)].id)

    def focus_block(self, item_id: str, block_id: str) -> None:
        if item_id != self.item_id:
            self.session.set_current_item(item_id)
        card = self._cards.get(block_id)
        if card is None and block_id in self._unbuilt:
            self.complete()
            card = self._cards.get(block_id)
        if card is None:
            return
        self._stop_anchoring()  # the view goes where the cursor goes
        target = card.form.first_field() or card.form
        self.session.set_current_block(block_id)
        target.setFocus()
        QTimer.singleShot(0, self, lambda: self._ensure_visible(block_id))

    def _ensure_visible(self, block_id: str) -> None:
        card = self._cards.get(block_id)
        if card is not None:
            self.scroll_area.ensureWidgetVisible(card, 0, 40)

    def focused_card(self) -> BlockCard | None:
        return self._cards.get(self.session.current_block_id)

    def set_translations_shown(self, shown: bool) -> None:
        """View → Show translations: the second-language fields of bilingual minutes."""
        self.session.translations_shown = shown
        self.header.set_translations_shown(shown)
        for card in self._cards.values():
            if card.form.translations is not None:
                card.form.translations.set_shown(shown)

    def set_previews_visible(self, visible: bool) -> None:
        self.show_previews = visible
        for card in self._cards.values():
            card.set_preview_visible(visible)


def _tab_stops(card: QWidget) -> list[QWidget]:
    """The widgets in ``card`` that Tab stops at, in the order they were made: the
    outermost of each (a spin box, not the line edit inside it)."""
    stops: list[QWidget] = []
    for widget in card.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not card:
            if parent in stops:
                inside = True
                break
            parent = parent.parentWidget()
        if not inside:
            stops.append(widget)
    return stops
