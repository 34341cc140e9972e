"""A table pasted from a spreadsheet: tab-separated lines, the first perhaps headings."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.domain.money import parse_amount


@dataclass
class Pasted:
    headings: list[str]  # [] when the first line was a row like the others
    rows: list[list[str]]
    money_columns: list[int]


def _is_amount(cell: str) -> bool:
    text = cell.strip()
    return bool(text) and parse_amount(text) is not None and any(c.isdigit() for c in text)


def looks_like_money(cells: list[str]) -> bool:
    """Every filled cell an amount, and at least one written as money (£ or pence)."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or not all(_is_amount(c) for c in filled):
        return False
    return any("£" in c or "$" in c or "€" in c or "." in c for c in filled)


def parse_pasted(text: str, headings: bool | None = None) -> Pasted:
    """The cells of tab-separated ``text`` (a spreadsheet's clipboard). ``headings``
    says whether the first line holds the headings; ``None`` guesses: it does when it
    holds no amount and a later line does (or when it is the only line with no amount)."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    grid = [[cell.strip() for cell in line.split("\t")] for line in lines if line.strip()]
    if not grid:
        return Pasted([], [], [])
    if headings is None:
        first_has = any(_is_amount(c) for c in grid[0])
        later_has = any(_is_amount(c) for row in grid[1:] for c in row)
        headings = not first_has and (later_has or (len(grid) > 1 and all(grid[0])))
    head = grid[0] if headings else []
    rows = grid[1:] if headings else grid
    width = max([len(head), *(len(r) for r in rows)], default=0)
    money = [
        col for col in range(width) if looks_like_money([r[col] for r in rows if col < len(r)])
    ]
    return Pasted(head, rows, money)
