"""Column widths for exported tables, from the text each column holds."""

from __future__ import annotations

from docx.shared import Cm

CHAR = Cm(0.24)  # a generous average character at the table's 10 pt, bold included
PADDING = Cm(0.5)  # the cell's left and right margins plus a little air
MAX_LINE = 70  # characters beyond which a cell wraps however wide it is
SHORT = 24  # a column no wider than this is kept on one line while longer ones wrap
LONG_SHARE = 0.25  # ... as long as the longest column keeps this share of the width


def _longest_line(texts: list[str]) -> int:
    return max((min(len(line), MAX_LINE) for t in texts for line in t.split("\n")), default=1)


def column_widths(
    grid: list[list[str]],
    columns: int,
    usable: int,
    whole: frozenset[int] = frozenset(),
    header: bool = False,
) -> list[int]:
    """Widths (EMU) summing to ``usable``: every column at least wide enough for its
    longest word (for the ``whole`` columns, such as names, its longest line: the
    heading, the first row when ``header`` says there is one, may still wrap between
    its words), the rest of the room shared by how much more each column needs to set
    its text on one line."""
    least: list[int] = []
    natural: list[int] = []
    for col in range(columns):
        texts = [str(row[col]) for row in grid if col < len(row)]
        word = max((len(w) for t in texts for w in t.split()), default=1)
        line = _longest_line(texts)
        kept = max(_longest_line(texts[1:] if header else texts), word)
        least.append(int(max(kept if col in whole else word, 3) * CHAR + PADDING))
        natural.append(int(max(line, word, 3) * CHAR + PADDING))
    if sum(least) >= usable:
        return [int(usable * w / sum(least)) for w in least]
    if sum(natural) <= usable:
        spare = usable - sum(natural)
        return [n + int(spare * n / sum(natural)) for n in natural]
    # the room left over goes first to short columns (a time, a mark: up to SHORT
    # characters) so they sit on one line, then is shared by the long ones (roles,
    # purposes), which wrap
    spare = usable - sum(least)
    widths = list(least)
    wanted = {c: n - m for c, (n, m) in enumerate(zip(natural, least, strict=True)) if n > m}
    longest = max(wanted, key=wanted.__getitem__, default=0)
    keep = max(0, int(usable * LONG_SHARE) - least[longest])  # left for the longest column
    for c in sorted(wanted, key=wanted.__getitem__):
        short = natural[c] <= SHORT * CHAR + PADDING
        if c != longest and short and wanted[c] <= spare - keep:
            widths[c] += wanted.pop(c)
            spare -= widths[c] - least[c]
    total = sum(wanted.values())
    for c, w in wanted.items():
        widths[c] += int(spare * w / total)
    return widths
