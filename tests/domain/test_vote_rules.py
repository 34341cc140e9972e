"""The rules for what the numbers of a vote say, kept on the Vote itself."""

from __future__ import annotations

import pytest

from clerk_app.domain.model import Outcome, Vote, VoteChoice, VoteKind

FOR, AGAINST, ABSTAIN, NOT_VOTING = (
    VoteChoice.FOR,
    VoteChoice.AGAINST,
    VoteChoice.ABSTAIN,
    VoteChoice.NOT_VOTING,
)


def recorded(*choices: VoteChoice) -> dict[str, VoteChoice]:
    """A named vote: member ids m0, m1, … with the given choices in order."""
    return {f"m{i}": choice for i, choice in enumerate(choices)}


# --------------------------------------------------------------------------- named_tally


def test_named_tally_counts_each_choice_and_leaves_out_those_not_voting() -> None:
    vote = Vote(
        kind=VoteKind.NAMED,
        named=recorded(FOR, FOR, FOR, AGAINST, AGAINST, ABSTAIN, NOT_VOTING, NOT_VOTING),
    )
    assert vote.named_tally() == (3, 2, 1)


def test_named_tally_of_no_names_is_all_zero() -> None:
    assert Vote(kind=VoteKind.NAMED).named_tally() == (0, 0, 0)


def test_named_tally_ignores_typed_counts() -> None:
    vote = Vote(
        kind=VoteKind.NAMED,
        for_count=9,
        against_count=9,
        abstain_count=9,
        named=recorded(FOR, AGAINST, AGAINST),
    )
    assert vote.named_tally() == (1, 2, 0)


# --------------------------------------------------------------------------- counts


def test_counts_are_the_typed_counts() -> None:
    vote = Vote(kind=VoteKind.COUNTS, for_count=8, against_count=2, abstain_count=1)
    assert vote.counts() == (8, 2, 1)


def test_counts_not_given_stay_none() -> None:
    assert Vote(kind=VoteKind.COUNTS).counts() == (None, None, None)
    assert Vote(kind=VoteKind.COUNTS, for_count=4).counts() == (4, None, None)


def test_counts_come_from_the_named_vote_when_none_are_typed() -> None:
    vote = Vote(kind=VoteKind.NAMED, named=recorded(FOR, FOR, AGAINST, ABSTAIN, ABSTAIN))
    assert vote.counts() == (2, 1, 2)


def test_typed_counts_win_over_the_named_vote() -> None:
    vote = Vote(
        kind=VoteKind.NAMED,
        for_count=5,
        against_count=4,
        abstain_count=0,
        named=recorded(FOR, AGAINST, AGAINST),
    )
    assert vote.counts() == (5, 4, 0)


def test_one_typed_count_is_enough_to_keep_the_typed_counts() -> None:
    vote = Vote(kind=VoteKind.NAMED, against_count=3, named=recorded(FOR, FOR, ABSTAIN))
    assert vote.counts() == (None, 3, None)


def test_typed_abstentions_are_kept_when_counting_from_the_named_vote() -> None:
    vote = Vote(kind=VoteKind.NAMED, abstain_count=4, named=recorded(FOR, FOR, AGAINST, ABSTAIN))
    assert vote.counts() == (2, 1, 4)
    vote.abstain_count = 0
    assert vote.counts() == (2, 1, 0)


def test_counts_of_a_named_vote_with_no_names_are_not_given() -> None:
    assert Vote(kind=VoteKind.NAMED).counts() == (None, None, None)


# --------------------------------------------------------------------------- result


@pytest.mark.parametrize("kind", [VoteKind.UNANIMOUS, VoteKind.WITHOUT_VOTE])
def test_unanimous_and_without_vote_are_carried(kind: VoteKind) -> None:
    assert Vote(kind=kind).result() is Outcome.CARRIED


def test_no_vote_yet_is_pending() -> None:
    assert Vote().result() is Outcome.PENDING
    assert Vote(kind=VoteKind.NONE, for_count=5, against_count=1).result() is Outcome.PENDING


def test_casting_vote_for_is_carried() -> None:
    vote = Vote(
        kind=VoteKind.CASTING,
        for_count=3,
        against_count=3,
        casting_person_id="chair",
        casting_choice=FOR,
    )
    assert vote.result() is Outcome.CARRIED


def test_casting_vote_against_is_lost() -> None:
    vote = Vote(
        kind=VoteKind.CASTING,
        for_count=3,
        against_count=3,
        casting_person_id="chair",
        casting_choice=AGAINST,
    )
    assert vote.result() is Outcome.LOST


def test_casting_vote_decides_even_against_the_counts() -> None:
    vote = Vote(kind=VoteKind.CASTING, for_count=1, against_count=7, casting_choice=FOR)
    assert vote.result() is Outcome.CARRIED


def test_counts_with_more_for_are_carried() -> None:
    assert Vote(kind=VoteKind.COUNTS, for_count=8, against_count=2).result() is Outcome.CARRIED


def test_counts_with_more_against_are_lost() -> None:
    assert Vote(kind=VoteKind.COUNTS, for_count=2, against_count=8).result() is Outcome.LOST


def test_equal_counts_are_pending() -> None:
    assert Vote(kind=VoteKind.COUNTS, for_count=4, against_count=4).result() is Outcome.PENDING
    assert Vote(kind=VoteKind.COUNTS).result() is Outcome.PENDING


def test_abstentions_do_not_decide_the_result() -> None:
    vote = Vote(kind=VoteKind.COUNTS, for_count=1, against_count=0, abstain_count=9)
    assert vote.result() is Outcome.CARRIED


def test_a_missing_count_is_read_as_nought() -> None:
    assert Vote(kind=VoteKind.COUNTS, for_count=1).result() is Outcome.CARRIED
    assert Vote(kind=VoteKind.COUNTS, against_count=1).result() is Outcome.LOST


def test_named_vote_without_typed_counts_is_decided_by_the_names() -> None:
    carried = Vote(kind=VoteKind.NAMED, named=recorded(FOR, FOR, AGAINST, ABSTAIN))
    lost = Vote(kind=VoteKind.NAMED, named=recorded(FOR, AGAINST, AGAINST, NOT_VOTING))
    equal = Vote(kind=VoteKind.NAMED, named=recorded(FOR, AGAINST, ABSTAIN))
    assert carried.result() is Outcome.CARRIED
    assert lost.result() is Outcome.LOST
    assert equal.result() is Outcome.PENDING


def test_named_vote_with_typed_counts_is_decided_by_the_typed_counts() -> None:
    vote = Vote(
        kind=VoteKind.NAMED,
        for_count=2,
        against_count=5,
        named=recorded(FOR, FOR, FOR, AGAINST),
    )
    assert vote.result() is Outcome.LOST
