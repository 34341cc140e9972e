"""The forms of the structures real meetings hold: every control named, each form's
mnemonics unambiguous (and clear of the menu bar's), and what is typed saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from clerk_app.domain.model import Body, Declaration, InterestConduct
from clerk_app.gui.actions import MENUS
from clerk_app.gui.meeting.forms import DeclarationForm
from tests.gui.conftest import pid, type_text
from tests.gui.test_meeting_forms import new_card, saved

NEW_FORMS = ["declaration", "heading", "table", "public_participation", "planning"]


def _mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    i = cleaned.find("&")
    return cleaned[i + 1].lower() if 0 <= i < len(cleaned) - 1 else None


@pytest.mark.parametrize("kind", NEW_FORMS)
def test_each_form_is_named_and_its_keys_unambiguous(window: Any, kind: str) -> None:
    _screen, card = new_card(window, kind)
    form = card.form
    controls = [
        w
        for cls in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)
        for w in form.findChildren(cls)
        if w.isVisibleTo(form) and not isinstance(w.parentWidget(), QComboBox)
    ]
    assert controls
    assert [w for w in controls if not w.accessibleName().strip()] == []
    texts = [b.text() for b in form.findChildren(QAbstractButton) if b.isVisibleTo(form)]
    texts += [lab.text() for lab in form.findChildren(QLabel) if lab.buddy() is not None]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), letters
    # a letter the menu bar also uses goes to the form while the cursor is in it
    from clerk_app.gui.keys import mnemonic_target

    menu_letters = {_mnemonic(title) for _key, title in MENUS}
    for letter in set(letters) & menu_letters:
        assert mnemonic_target(form, letter) is not None, letter


def test_declaration_form_saves_time_scope_conduct_and_nil(
    window: Any, gui_body: Body, gui_db: Path
) -> None:
    screen, card = new_card(window, "declaration")
    form = card.form
    assert isinstance(form, DeclarationForm)
    assert form.at.time() is not None  # the clock filled it in
    form.person.setPersonId(pid(gui_body, "Asante"))
    form.chosen()
    form.kind.setCurrentIndex(form.kind.count() - 1)  # a plain "an interest"
    type_text(form.scope, "application 26/0412")
    type_text(form.reason, "because her garden adjoins the site")
    form.conduct.setCurrentIndex(form.conduct.findData(InterestConduct.NO_VOTE))
    form.flush()
    block = saved(gui_db, screen, card.block_id)
    assert isinstance(block, Declaration)
    assert (block.interest_type, block.scope, block.conduct) == (
        "",
        "application 26/0412",
        InterestConduct.NO_VOTE,
    )
    assert block.at is not None
    form.nil.setChecked(True)
    assert not form.reason.isEnabled()
    block = saved(gui_db, screen, card.block_id)
    assert block.nil and block.reason == "because her garden adjoins the site"  # kept


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("insert_heading", "heading"),
        ("insert_table", "table"),
        ("insert_public_participation", "public_participation"),
        ("insert_planning", "planning_application"),
    ],
)
def test_the_insert_menu_adds_each_new_kind(window: Any, action: str, kind: str) -> None:
    screen = window.screen_widget
    before = len(screen.item_pane.card_list())
    window.registry.actions()[action].trigger()
    cards = screen.item_pane.card_list()
    assert len(cards) == before + 1
    assert kind == screen.session.block(cards[-1].item_id, cards[-1].block_id).KIND
