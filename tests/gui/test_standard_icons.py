"""The platform's icons Clerk shows (a block's delete button, the quorum line, a check's
warning), made without asking the style from Python: the same pictures as the style's."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from clerk_app.gui.icon import standard_icon

STYLE_NAMES = {
    "delete": QStyle.StandardPixmap.SP_DialogDiscardButton,
    "apply": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


@pytest.mark.parametrize("name", sorted(STYLE_NAMES))
def test_each_icon_is_the_styles_own(qapp: QApplication, name: str) -> None:
    widget = QWidget()
    ours = standard_icon(name, widget)
    theirs = widget.style().standardIcon(STYLE_NAMES[name])
    assert not ours.isNull()
    for size in (16, 32):
        mine = ours.pixmap(size, size).toImage()
        style = theirs.pixmap(size, size).toImage()
        assert mine.size() == style.size() and not mine.isNull()
        assert mine == style  # pixel for pixel


def test_an_unknown_name_is_refused(qapp: QApplication) -> None:
    with pytest.raises(KeyError):
        standard_icon("trash")
