"""Text put into Qt's rich text (labels, tooltips, the preview): escaped.

:func:`escape` is ``html.escape``, written here because the ``html`` package also loads
the table of every HTML entity, a millisecond of every start, for a function that needs
none of it. Qt-free.
"""

from __future__ import annotations


def escape(text: str, quote: bool = True) -> str:
    """``&``, ``<`` and ``>`` (and with ``quote`` both quotation marks) as character
    references, as ``html.escape`` writes them."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
