"""The escaping for Qt's rich text writes what html.escape writes."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from clerk_app.gui.markup import escape


@given(st.text(), st.booleans())
def test_escape_is_html_escape(text: str, quote: bool) -> None:
    assert escape(text, quote) == html.escape(text, quote)


def test_the_characters_that_matter() -> None:
    assert escape('Cllr O\'Neill & <b>"Ward"</b>') == (
        "Cllr O&#x27;Neill &amp; &lt;b&gt;&quot;Ward&quot;&lt;/b&gt;"
    )
