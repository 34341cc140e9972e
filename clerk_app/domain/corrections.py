"""The wordings of approved minutes that a recorded correction can replace.

An item's title, the text of a paragraph, note or action, the opening words and each point
of a list of points, and the opening words and each clause of a motion. Arrivals and
departures and declarations of interest have no wording of their own: they are corrected
by the facts they record, not by retyping."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.domain.model import Action, Block, Item, Motion, MotionKind, Note, Paragraph, Points

# block kinds with nothing to retype, and how a list of parts names them
NO_WORDING = {"attendance_change": "Arrival or departure", "declaration": "Declaration of interest"}


@dataclass(frozen=True)
class Wording:
    """One wording of a block: the field holding it and, in a list, its index (else -1)."""

    field: str  # text, intro, points, preamble, clauses
    index: int
    label: str
    text: str


@dataclass(frozen=True)
class Part:
    """One correctable wording of an item: its title (``block_id`` "") or a block's."""

    item_id: str
    block_id: str
    field: str  # title, or a Wording's field
    index: int
    label: str
    text: str

    @property
    def may_be_empty(self) -> bool:
        """Opening words may be removed; a title, text, point or clause may not."""
        return self.field in ("intro", "preamble")


def wordings(block: Block) -> list[Wording]:
    """The wordings of ``block`` in reading order (none for arrivals or declarations)."""
    if isinstance(block, Paragraph | Note | Action):
        return [Wording("text", -1, type(block).__name__, block.text)]
    out: list[Wording] = []
    if isinstance(block, Points):
        if block.intro:
            out.append(Wording("intro", -1, "Points, opening words", block.intro))
        out += [Wording("points", i, f"Point {i + 1}", t) for i, t in enumerate(block.points)]
    elif isinstance(block, Motion):
        name = "Amendment" if block.motion_kind is MotionKind.AMENDMENT else "Motion"
        if block.preamble:
            out.append(Wording("preamble", -1, f"{name}, opening words", block.preamble))
        out += [
            Wording("clauses", i, f"{name}, clause {i + 1}", t) for i, t in enumerate(block.clauses)
        ]
    return out


def text_parts(item: Item) -> list[Part]:
    """Every wording of ``item`` a correction can replace, in reading order; each block's
    are labelled with its position in the item ("2. Point 1")."""
    parts = [Part(item.id, "", "title", -1, "Title", item.title)]
    for n, block in enumerate(item.blocks, 1):
        parts += [
            Part(item.id, block.id, w.field, w.index, f"{n}. {w.label}", w.text)
            for w in wordings(block)
        ]
    return parts


def replace_wording(block: Block, field: str, index: int, text: str) -> str:
    """Put ``text`` in place of one wording of ``block`` (changed in place); the old text."""
    if index < 0:
        old = str(getattr(block, field))
        setattr(block, field, text)
        return old
    values: list[str] = getattr(block, field)
    old, values[index] = values[index], text
    return old
