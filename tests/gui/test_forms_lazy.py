"""Every kind of block has its form, whether it is loaded with the package or later."""

from __future__ import annotations

import pytest

import clerk_app.gui.meeting.forms as forms
from clerk_app.domain.model import BLOCK_TYPES
from clerk_app.gui.meeting.forms.base import BlockForm


@pytest.mark.parametrize("kind", sorted(BLOCK_TYPES))
def test_each_kind_of_block_has_a_form(kind: str) -> None:
    cls = forms.form_class(kind)
    assert issubclass(cls, BlockForm)
    assert forms.form_class(kind) is cls  # loaded once, then kept


def test_the_rarer_forms_are_still_names_of_the_package() -> None:
    from clerk_app.gui.meeting.forms import PlanningForm, TableForm

    assert PlanningForm.__module__ == "clerk_app.gui.meeting.forms.planning"
    assert TableForm is forms.form_class("table")
    with pytest.raises(AttributeError):
        forms.NoSuchForm  # noqa: B018


def test_a_new_table_comes_from_the_insert_menu_list() -> None:
    from clerk_app.domain.model import DataTable

    assert isinstance(forms.NEW_BLOCKS["table"](), DataTable)
