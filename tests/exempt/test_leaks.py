"""Nothing of a Part 2 item reaches a public output: meetings made through the services
with a distinct marker in every text field of their Part 2 items, every public .docx
unzipped and every XML part searched for every marker."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.domain.document import Version
from clerk_app.domain.model import VoteTaken
from clerk_app.services import Services
from clerk_app.storage import Store
from tests.exempt.leak import (
    BLOCK_KINDS,
    PUBLIC_HEADINGS,
    PUBLIC_SUMMARIES,
    TITLE_WORDS,
    ExemptSpec,
    leaks,
    make_meeting,
    public_outputs,
)

# meetings per run: the whole test takes a few seconds; CLERK_LEAK_EXAMPLES=200 hunts longer
EXAMPLES = int(os.environ.get("CLERK_LEAK_EXAMPLES", "6"))
CHECKED: dict[str, int] = {"meetings": 0, "outputs": 0}

specs = st.builds(
    ExemptSpec,
    title_words=st.sampled_from(TITLE_WORDS),
    blocks=st.lists(
        st.tuples(st.sampled_from(BLOCK_KINDS), st.integers(0, 11)), min_size=1, max_size=8
    ),
    public_heading=st.sampled_from(PUBLIC_HEADINGS),
    public_summary=st.sampled_from(PUBLIC_SUMMARIES),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(items=st.lists(specs, min_size=1, max_size=3))
def test_no_marker_of_a_part_2_item_reaches_a_public_output(items: list[ExemptSpec]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "clerk.db", backups=False) as store:
            svc = Services(store)
            made = make_meeting(svc, items)
            # the markers are really there: the full minutes carry those of the headings
            full = svc.export(made.meeting, folder / "full.docx", Version.FULL)
            assert any(leaks(full, made.markers))
            for path in public_outputs(svc, made, folder / "out"):
                assert leaks(path, made.markers) == [], path.name
                assert not any(mk in path.name.casefold() for mk in made.markers)
                CHECKED["outputs"] += 1
            CHECKED["meetings"] += 1


def test_the_property_test_searched_every_meeting() -> None:
    """(Runs after it: how many meetings and outputs were searched, with ``-s``.)"""
    if CHECKED["meetings"] == 0:
        pytest.skip("the property test was not run")
    print(f"leak test: {CHECKED['meetings']} meetings, {CHECKED['outputs']} outputs searched")
    assert CHECKED["meetings"] >= EXAMPLES
    assert CHECKED["outputs"] >= 5 * CHECKED["meetings"]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(items=st.lists(specs, min_size=1, max_size=2))
def test_no_translation_of_a_part_2_item_reaches_a_public_output(
    items: list[ExemptSpec],
) -> None:
    """Bilingual minutes: the second-language text of a Part 2 item's words is exempt
    exactly as the words are, in every public output."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "clerk.db", backups=False) as store:
            svc = Services(store)
            made = make_meeting(svc, items, translated=True)
            translations = [
                v for it in made.meeting.items if it.exempt for v in it.translation.values()
            ]
            translations += [
                line
                for it in made.meeting.items
                if it.exempt
                for b in it.blocks
                for v in b.translation.values()
                for line in v.splitlines()
            ]
            assert translations and set(translations) <= set(made.markers)
            # the translations are really printed: the full minutes carry them
            full = svc.export(made.meeting, folder / "full.docx", Version.FULL)
            assert {mk for _part, mk in leaks(full, translations)} >= {
                it.translation["title"] for it in made.meeting.items if it.exempt
            }
            for path in public_outputs(svc, made, folder / "out"):
                assert leaks(path, made.markers) == [], path.name


@pytest.mark.parametrize("variant", range(12))
def test_a_vote_taken_after_debate_on_a_part_2_item_leaks_nothing(variant: int) -> None:
    """Every outcome and vote of a motion and an amendment voted on after debate."""
    spec = ExemptSpec(blocks=[("motion", variant), ("vote_later", variant), ("paragraph", 0)])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "clerk.db", backups=False) as store:
            svc = Services(store)
            made = make_meeting(svc, [spec])
            assert any(isinstance(b, VoteTaken) for it in made.meeting.items for b in it.blocks)
            for path in public_outputs(svc, made, folder / "out"):
                assert leaks(path, made.markers) == [], path.name
