"""Full-text search over titles, purposes and block text; any input is safe."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.domain.model import Action, Declaration, Item, Meeting, Note, Paragraph, Points
from clerk_app.storage import Store
from clerk_app.storage.search import fts_query


def hits(store: Store, query: str) -> set[tuple[str, str | None]]:
    return {(h.item_id, h.block_id) for h in store.search(query, prefix=False)}


def test_finds_titles_purpose_and_every_kind_of_text(store: Store, meeting: Meeting) -> None:
    assert ("i-depot", None) in hits(store, "bus depot")
    assert ("i-depot", None) in hits(store, "24 flats")  # purpose
    assert hits(store, "introduced") == {("i-depot", "b-intro")}  # paragraph
    assert hits(store, "bin storage") == {("i-depot", "b-points")}  # a point
    assert hits(store, "objections") == {("i-depot", "b-motion")}  # motion clause
    assert hits(store, "Committee approves") == {("i-depot", "b-motion")}  # preamble+clause
    assert hits(store, "governor") == {("i-depot", "b-decl")}  # declaration reason
    assert hits(store, "circulate ward") == {("i-depot", "b-action")}  # action text
    assert hits(store, "considered private") == {("i-exempt", "b-note")}  # note text
    assert hits(store, "no such words anywhere") == set()


def test_hit_details_and_snippet(store: Store, meeting: Meeting) -> None:
    (hit,) = store.search("governor")
    assert hit.meeting_id == meeting.id
    assert hit.body_name == "Planning Committee"
    assert hit.meeting_date == meeting.date
    assert hit.item_title == "Former bus depot, Mill Lane"
    assert "[governor]" in hit.snippet
    (hit,) = store.search("governor", mark=("<b>", "</b>"))
    assert "<b>governor</b>" in hit.snippet


def test_prefix_search_as_you_type(store: Store, meeting: Meeting) -> None:
    assert ("i-depot", "b-decl") in {(h.item_id, h.block_id) for h in store.search("gover")}
    assert hits(store, "gover") == set()


def test_search_follows_edits_moves_and_deletes(store: Store, meeting: Meeting) -> None:
    block = meeting.items[1].blocks[0]
    assert isinstance(block, Paragraph)
    block.text = "The viaduct report was presented."
    store.save_block(meeting.id, "i-depot", block)
    assert hits(store, "introduced") == set()
    assert hits(store, "viaduct") == {("i-depot", block.id)}
    store.save_block(meeting.id, "i-next", block)  # moved to another item
    assert hits(store, "viaduct") == {("i-next", block.id)}
    store.save_item(meeting.id, Item(title="Allotments strategy", id="i-allot"))
    assert hits(store, "allotments") == {("i-allot", None)}
    store.delete_block(meeting.id, block.id)
    assert hits(store, "viaduct") == set()
    store.save_block(meeting.id, "i-allot", Action(text="Survey plot holders", id="b-survey"))
    store.save_block(meeting.id, "i-allot", Note(text="plot rents", id="b-rent"))
    store.delete_item(meeting.id, "i-allot")
    assert hits(store, "plot") == set()
    assert hits(store, "allotments") == set()


def test_limit_and_diacritics(store: Store, meeting: Meeting) -> None:
    for i in range(5):
        store.save_block(meeting.id, "i-next", Points(points=[f"Café point {i}"]))
    assert len(store.search("cafe", limit=3)) == 3
    assert len(store.search("café")) == 5
    assert store.search("café", limit=0) == []


NASTY = [
    '"',
    '""',
    '"unbalanced',
    "(",
    ")",
    "*",
    "AND",
    "OR NOT",
    "NEAR(",
    "a AND (b OR",
    "title:foo",
    "^start",
    "-minus",
    "'; DROP TABLE blocks; --",
    "\x00",
    "\ud800",
    "   ",
    "",
    "{a b}",
    "col : ( * ) : NEAR",
]


@pytest.mark.parametrize("query", NASTY)
def test_nasty_input_is_safe(store: Store, meeting: Meeting, query: str) -> None:
    assert isinstance(store.search(query), list)
    assert store.get_meeting(meeting.id) == meeting


def test_special_characters_are_searched_as_text(store: Store, meeting: Meeting) -> None:
    store.save_block(meeting.id, "i-next", Declaration(reason='member of "NOT" club', id="q"))
    assert ("i-next", "q") in hits(store, '"NOT"')
    assert ("i-next", "q") in hits(store, "NOT club")
    assert fts_query('say "hi"', prefix=False) == '"say" """hi"""'


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=30))
def test_any_query_text_is_safe(store: Store, meeting: Meeting, text: str) -> None:
    assert isinstance(store.search(text), list)


def test_the_package_gives_its_public_names_without_loading_every_module() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from clerk_app.storage.errors import StoreError\n"
        "print(sorted(m for m in sys.modules if m.startswith('clerk_app.storage')))\n"
        "from clerk_app.storage import SearchHit, Store, parse_backup, MeetingSummary\n"
        "import clerk_app.storage as s\n"
        "assert SearchHit.__module__ == 'clerk_app.storage.search'\n"
        "assert s.Store is Store and callable(parse_backup) and MeetingSummary\n"
        "try:\n    s.Nothing\nexcept AttributeError:\n    print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out == ["['clerk_app.storage', 'clerk_app.storage.errors']", "ok"]
