"""Any text the clerk can type survives a save and reopening the file."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.domain.model import Item, Meeting, Motion, Paragraph, Points
from clerk_app.storage import Store
from tests.storage.sample import sample_body

# every code point, NUL, controls and lone surrogates included
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=60)


@settings(max_examples=40, deadline=None)
@given(
    paragraph=ANY_TEXT,
    points=st.lists(ANY_TEXT, max_size=4),
    clauses=st.lists(ANY_TEXT, max_size=4),
    preamble=ANY_TEXT,
)
def test_arbitrary_text_survives_save_and_reopen(
    paragraph: str, points: list[str], clauses: list[str], preamble: str
) -> None:
    body = sample_body()
    item = Item(title="Text test", id="item")
    meeting = Meeting(body_id=body.id, date=date(2026, 1, 5), items=[item])
    blocks = [
        Paragraph(text=paragraph, id="para"),
        Points(points=points, intro=paragraph, id="pts"),
        Motion(preamble=preamble, clauses=clauses, id="mot"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clerk.db"
        with Store.open(path, backups=False) as store:
            store.save_body(body)
            store.save_meeting(meeting)
            for block in blocks:
                store.save_block(meeting.id, item.id, block)
            store.search(paragraph)
        with Store.open(path, backups=False) as store:
            again = store.get_meeting(meeting.id)
    assert again.items[0].blocks == blocks
