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


def test_a_motion_s_form_is_loaded_when_a_motion_is_first_shown() -> None:
    """The motion's form and its vote editor, the largest of the forms, are not loaded
    with the package: a screen with no motion on it does without them."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import clerk_app.gui.meeting.forms as forms\n"
        "import clerk_app.gui.meeting.screen\n"
        "before = {m for m in sys.modules if m.startswith('clerk_app.gui.meeting.forms.')}\n"
        "cls = forms.form_class('motion')\n"
        "print(sorted(before))\n"
        "print(cls.__module__, forms.MotionForm is cls)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    before, after = done.stdout.splitlines()[-2:]
    assert "forms.motion'" not in before and "forms.vote'" not in before
    assert "forms.voting'" not in before
    assert after == "clerk_app.gui.meeting.forms.motion True"


def test_only_a_motion_s_form_is_taken_for_one(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    assert not forms.is_motion_form(QWidget())
    assert not forms.is_motion_form(object())
    assert issubclass(forms.form_class("motion"), BlockForm)
