"""Amounts of money as clerks type them in a schedule of payments: "£1,250.00", "84.5",
"(12.00)" or "-12.00" for a refund. Used for a table's total row and its checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.lazyre import compiled

if TYPE_CHECKING:  # decimal is loaded when an amount is first read: not at start-up
    from decimal import Decimal

_SYMBOLS = "£$€"
_AMOUNT = compiled(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")


def parse_amount(text: str) -> Decimal | None:
    """The amount ``text`` states, or ``None`` when it is not an amount of money.
    A blank cell is nought."""
    from decimal import Decimal, InvalidOperation

    raw = text.strip().replace(" ", "")
    if not raw:
        return Decimal(0)
    negative = raw.startswith("(") and raw.endswith(")")
    if negative:
        raw = raw[1:-1]
    if raw.startswith("-") or raw.startswith("+"):
        negative, raw = negative or raw[0] == "-", raw[1:]
    raw = raw.lstrip(_SYMBOLS)
    if raw.startswith("-"):  # "£-12.00"
        negative, raw = True, raw[1:]
    if not _AMOUNT.match(raw):
        return None
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return -value if negative else value


def currency_symbol(cells: list[str]) -> str:
    """The currency symbol the cells were typed with ("" when none or mixed)."""
    found = {c for cell in cells for c in cell if c in _SYMBOLS}
    return found.pop() if len(found) == 1 else ""


def format_amount(value: Decimal, symbol: str = "") -> str:
    """ "£1,250.00"; a negative amount in brackets as accounts show it: "(£12.00)"."""
    text = f"{symbol}{abs(value):,.2f}"
    return f"({text})" if value < 0 else text


def total_of(cells: list[str]) -> tuple[Decimal, list[int]]:
    """The sum of the cells that are amounts, and the indexes of those that are not."""
    from decimal import Decimal

    total = Decimal(0)
    bad: list[int] = []
    for index, cell in enumerate(cells):
        value = parse_amount(cell)
        if value is None:
            bad.append(index)
        else:
            total += value
    return total, bad
