"""Search in a large library: ranked, newest matches first among equals, snippets cut
for the kept rows only, and a common word ranked among its newest matches."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.model import Body, Item, Meeting, Paragraph
from clerk_app.storage import Store
from clerk_app.storage import search as search_module
from clerk_app.storage.search import query_words, snippet


def test_snippet_marks_matches_and_cuts_long_text() -> None:
    words = query_words("hedge")
    text = " ".join(f"word{n}" for n in range(30)) + " the Hedgerow by the road " + "x " * 30
    cut = snippet(text, words, prefix=True)
    assert "[Hedgerow]" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut.split()) <= 14
    assert snippet("A café on the green", query_words("cafe"), prefix=False) == (
        "A [café] on the green"
    )
    assert snippet("Short text", query_words("text"), mark=("<b>", "</b>")) == "Short <b>text</b>"


def test_results_are_ranked_best_first(store: Store, body: Body) -> None:
    meeting = Meeting(body_id=body.id, date=date(2026, 1, 5))
    meeting.items.append(
        Item(
            title="Reports",
            blocks=[
                Paragraph(text="A long paragraph " * 20 + "mentioning drains once.", id="once"),
                Paragraph(text="Drains, drains and drains.", id="thrice"),
            ],
        )
    )
    store.save_meeting(meeting)
    assert [h.block_id for h in store.search("drains")] == ["thrice", "once"]


def test_a_common_word_is_ranked_among_its_newest_matches(
    store: Store, body: Body, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "CANDIDATES", 5)
    for year in range(2010, 2022):
        meeting = Meeting(body_id=body.id, date=date(year, 3, 1))
        meeting.items.append(
            Item(title=f"Year {year}", blocks=[Paragraph(text=f"Budget for {year}.")])
        )
        store.save_meeting(meeting)
    found = store.search("budget", limit=50)
    assert sorted(h.meeting_date.year for h in found) == list(range(2017, 2022))
    assert all("[Budget]" in h.snippet for h in found)
    # equal ranks: the newest meeting first
    assert found[0].meeting_date.year == 2021


def test_limit_keeps_the_best(store: Store, body: Body) -> None:
    meeting = Meeting(body_id=body.id, date=date(2026, 1, 5))
    blocks = [Paragraph(text="tree " * n + "filler " * 30) for n in range(1, 8)]
    meeting.items.append(Item(title="Trees", blocks=blocks))
    store.save_meeting(meeting)
    (best,) = store.search("tree", limit=1, prefix=False)
    assert best.block_id == blocks[-1].id
