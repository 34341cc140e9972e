"""Column widths for exported tables, from the text each column holds."""

from __future__ import annotations

from docx.shared import Cm

CHAR = Cm(0.24)  # a generous average character at the table's 10 pt, bold included
PADDING = Cm(0.5)  # the cell's left and right margins plus a little air
MAX_LINE = 70  # characters beyond which a cell wraps however wide it is


def column_widths(
    grid: list[list[str]], columns: int, usable: int, whole: frozenset[int] = frozenset()
) -> list[int]:
    """Widths (EMU) summing to ``usable``: every column at least wide enough for its
    longest word (for the ``whole`` columns, such as names, its longest line), the rest
    of the room shared by how much more each column needs to set its text on one line."""
    least: list[int] = []
    natural: list[int] = []
    for col in range(columns):
        texts = [str(row[col]) for row in grid if col < len(row)]
        word = max((len(w) for t in texts for w in t.split()), default=1)
        line = max((min(len(line), MAX_LINE) for t in texts for line in t.split("\n")), default=1)
        least.append(int(max(line if col in whole else word, 3) * CHAR + PADDING))
        natural.append(int(max(line, word, 3) * CHAR + PADDING))
    if sum(least) >= usable:
        return [int(usable * w / sum(least)) for w in least]
    if sum(natural) <= usable:
        spare = usable - sum(natural)
        return [n + int(spare * n / sum(natural)) for n in natural]
    spare = usable - sum(least)
    wanted = [n - m for n, m in zip(natural, least, strict=True)]
    return [m + int(spare * w / sum(wanted)) for m, w in zip(least, wanted, strict=True)]
