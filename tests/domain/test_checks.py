"""Checks on the record, with the fictional Harrowfield Planning Committee."""

from __future__ import annotations

from datetime import time

from clerk_app.domain.checks import Issue, check_block, check_meeting
from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Block,
    ChangeKind,
    Declaration,
    ExclusionRegime,
    InterestConduct,
    Item,
    Meeting,
    Motion,
    MotionKind,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Person,
    Vote,
    VoteChoice,
    VoteKind,
)

from .test_timeline import change, harrowfield, meeting_for


def messages(issues: list[Issue]) -> list[str]:
    return [i.message for i in issues]


def setup() -> tuple[Meeting, dict[str, Person], object]:
    body, people = harrowfield()
    meeting = meeting_for(people)
    return meeting, people, body


def motion(
    people: dict[str, Person], mover: str = "russell", seconder: str = "cheung", **kw: object
) -> Motion:
    return Motion(
        mover_id=people[mover].id,
        seconder_id=people[seconder].id,
        clauses=["That the application be refused."],
        **kw,  # type: ignore[arg-type]
    )


def checked(meeting: Meeting, body: object, item: Item, block: Block) -> list[str]:
    """Issues for ``block`` from check_block, confirmed identical in check_meeting."""
    single = check_block(meeting, body, item.id, block)  # type: ignore[arg-type]
    whole = [i for i in check_meeting(meeting, body) if i.block_id == block.id]  # type: ignore[arg-type]
    assert single == whole
    assert all(i.item_id == item.id and i.block_id == block.id for i in single)
    return messages(single)


def test_a_clean_meeting_has_no_issues() -> None:
    meeting, people, body = setup()
    carried = motion(
        people,
        vote=Vote(kind=VoteKind.COUNTS, for_count=4, against_count=1, abstain_count=0),
        outcome=Outcome.CARRIED,
    )
    meeting.items[1].blocks = [
        change(people["patel"], ChangeKind.ARRIVED, time(14, 10)),
        Declaration(person_id=people["okafor"].id, interest_type="other registrable interest"),
        carried,
        change(people["cheung"], ChangeKind.LEFT, time(15, 30)),
    ]
    assert check_meeting(meeting, body) == []  # type: ignore[arg-type]


def test_more_votes_than_voting_members_present() -> None:
    meeting, people, body = setup()
    block = motion(people, vote=Vote(kind=VoteKind.COUNTS, for_count=4, against_count=3))
    block.outcome = Outcome.CARRIED
    meeting.items[0].blocks = [block]
    # five voting members: Ashdown, Brindle, Russell, Cheung, Okafor (Finch has no vote)
    assert checked(meeting, body, meeting.items[0], block) == [
        "7 votes recorded but only 5 voting members were present"
    ]


def test_negative_counts_are_impossible() -> None:
    meeting, people, body = setup()
    block = motion(people, vote=Vote(kind=VoteKind.COUNTS, for_count=3, against_count=-1))
    block.outcome = Outcome.CARRIED
    meeting.items[0].blocks = [block]
    assert checked(meeting, body, meeting.items[0], block) == [
        "The number of votes against cannot be negative (-1)"
    ]


def test_mover_who_had_left_is_named_with_the_time() -> None:
    meeting, people, body = setup()
    meeting.items[0].blocks = [change(people["russell"], ChangeKind.LEFT, time(15, 10))]
    block = motion(people)
    meeting.items[2].blocks = [block]
    assert checked(meeting, body, meeting.items[2], block) == [
        "Councillor Russell, the mover, had left the meeting at 3.10 pm"
    ]


def test_seconder_who_sent_apologies_and_mover_same_as_seconder() -> None:
    meeting, people, body = setup()
    absent = motion(people, seconder="patel")
    same = motion(people, seconder="russell")
    meeting.items[0].blocks = [absent, same]
    assert checked(meeting, body, meeting.items[0], absent) == [
        "Councillor Patel, the seconder, had sent apologies"
    ]
    assert checked(meeting, body, meeting.items[0], same) == [
        "Councillor Russell cannot both move and second the motion"
    ]


def test_named_vote_with_someone_not_present_or_without_a_vote() -> None:
    meeting, people, body = setup()
    named = {
        people["ashdown"].id: VoteChoice.FOR,
        people["russell"].id: VoteChoice.FOR,
        people["patel"].id: VoteChoice.AGAINST,
        people["finch"].id: VoteChoice.ABSTAIN,
    }
    block = motion(people, vote=Vote(kind=VoteKind.NAMED, named=named), outcome=Outcome.CARRIED)
    meeting.items[0].blocks = [block]
    assert checked(meeting, body, meeting.items[0], block) == [
        "Councillor Patel is listed in the recorded vote but had sent apologies",
        "Councillor Finch is listed in the recorded vote but has no vote",
    ]


def test_named_vote_counts_must_match_names() -> None:
    meeting, people, body = setup()
    named = {people["ashdown"].id: VoteChoice.FOR, people["russell"].id: VoteChoice.AGAINST}
    vote = Vote(kind=VoteKind.NAMED, named=named, for_count=2, against_count=1)
    block = motion(people, vote=vote, outcome=Outcome.CARRIED)
    meeting.items[0].blocks = [block]
    assert checked(meeting, body, meeting.items[0], block) == [
        "The count of 2 for does not match the 1 named in the recorded vote"
    ]


def test_casting_vote_needs_equal_votes_and_the_person_presiding() -> None:
    meeting, people, body = setup()
    unequal = Vote(
        kind=VoteKind.CASTING,
        for_count=3,
        against_count=2,
        casting_person_id=people["ashdown"].id,
        casting_choice=VoteChoice.FOR,
    )
    by_member = Vote(
        kind=VoteKind.CASTING,
        for_count=2,
        against_count=2,
        casting_person_id=people["okafor"].id,
        casting_choice=VoteChoice.FOR,
    )
    by_vice = Vote(
        kind=VoteKind.CASTING,
        for_count=2,
        against_count=2,
        casting_person_id=people["brindle"].id,
        casting_choice=VoteChoice.AGAINST,
    )
    first = motion(people, vote=unequal, outcome=Outcome.CARRIED)
    second = motion(people, vote=by_member, outcome=Outcome.CARRIED)
    third = motion(people, vote=by_vice, outcome=Outcome.CARRIED)
    meeting.items[0].blocks = [first, second, third]
    item = meeting.items[0]
    assert checked(meeting, body, item, first) == [
        "A casting vote is given only when the votes are equal, but 3 voted for and 2 against"
    ]
    assert checked(meeting, body, item, second) == [
        "Councillor Okafor gave the casting vote but was not presiding: only the Chair "
        "(or the Vice-Chair in the chair) has a casting vote"
    ]
    assert checked(meeting, body, item, third) == [
        "Councillor Brindle gave the casting vote, but the Chair, Councillor Ashdown, "
        "was present and presiding",
        "The casting vote was against but the motion is recorded as carried",
    ]
    # with the chair out of the room for this item, the vice-chair presides
    meeting.items[0].blocks.insert(
        0,
        Declaration(
            person_id=people["ashdown"].id, interest_type="x", conduct=InterestConduct.LEFT_ROOM
        ),
    )
    third.outcome = Outcome.LOST
    assert checked(meeting, body, item, third) == []


def test_vote_while_inquorate_and_the_moment_quorum_was_lost() -> None:
    meeting, people, body = setup()
    leaving = [
        change(people["cheung"], ChangeKind.LEFT, time(15, 0)),
        change(people["okafor"], ChangeKind.LEFT, time(15, 5)),
        change(people["brindle"], ChangeKind.LEFT, time(15, 6)),
    ]
    vote = Vote(kind=VoteKind.UNANIMOUS)
    block = motion(people, mover="russell", seconder="ashdown", vote=vote, outcome=Outcome.CARRIED)
    meeting.items[1].blocks = [*leaving, block]
    item = meeting.items[1]
    assert checked(meeting, body, item, leaving[1]) == []
    assert checked(meeting, body, item, leaving[2]) == [
        "The meeting became inquorate when Councillor Brindle left at 3.06 pm: "
        "2 voting members present, the quorum is 3"
    ]
    assert checked(meeting, body, item, block) == [
        "The vote was taken while the meeting was inquorate: 2 voting members present, "
        "the quorum is 3"
    ]


def test_declaration_by_someone_not_present() -> None:
    meeting, people, body = setup()
    late = change(people["cheung"], ChangeKind.ARRIVED, time(14, 50))
    early = Declaration(person_id=people["cheung"].id, interest_type="x")
    meeting.items[0].blocks = [early]
    untyped = Declaration(person_id=people["cheung"].id)
    meeting.items[1].blocks = [late, untyped]
    assert checked(meeting, body, meeting.items[0], early) == [
        "Councillor Cheung declared an interest but had not yet arrived"
    ]
    # a plain "an interest" is a kind of its own, not a gap
    assert checked(meeting, body, meeting.items[1], untyped) == []
    assert len(check_meeting(meeting, body)) == 1  # type: ignore[arg-type]


def test_attendance_changes_that_contradict_the_state() -> None:
    meeting, people, body = setup()
    # a first arrival means the person came late; a second one contradicts the first
    first_arrival = change(people["ashdown"], ChangeKind.ARRIVED, time(14, 5))
    arrive_present = change(people["ashdown"], ChangeKind.ARRIVED, time(14, 10))
    left = change(people["russell"], ChangeKind.LEFT, time(14, 30))
    left_again = change(people["russell"], ChangeKind.LEFT, time(14, 40))
    return_present = change(people["okafor"], ChangeKind.RETURNED)
    room_absent = change(people["patel"], ChangeKind.LEFT_ROOM)
    meeting.items[0].blocks = [
        first_arrival,
        arrive_present,
        left,
        left_again,
        return_present,
        room_absent,
    ]
    item = meeting.items[0]
    assert checked(meeting, body, item, first_arrival) == []
    assert checked(meeting, body, item, arrive_present) == [
        "Councillor Ashdown is recorded as arriving but was already present"
    ]
    assert checked(meeting, body, item, left) == []
    assert checked(meeting, body, item, left_again) == [
        "Councillor Russell is recorded as leaving the meeting but had left the meeting at 2.30 pm"
    ]
    assert checked(meeting, body, item, return_present) == [
        "Councillor Okafor is recorded as returning but had not left"
    ]
    assert checked(meeting, body, item, room_absent) == [
        "Councillor Patel is recorded as leaving the room but had sent apologies"
    ]


def test_times_out_of_order_or_outside_the_meeting() -> None:
    meeting, people, body = setup()
    meeting.end_time = time(17, 0)
    early = change(people["cheung"], ChangeKind.LEFT_ROOM, time(13, 45))
    first = change(people["russell"], ChangeKind.LEFT_ROOM, time(15, 10))
    backwards = change(people["russell"], ChangeKind.RETURNED, time(15, 5))
    late = Note(note_kind=NoteKind.ADJOURNED, at=time(17, 30))
    meeting.items[0].blocks = [early, first, backwards, late]
    item = meeting.items[0]
    assert checked(meeting, body, item, early) == [
        "1.45 pm is before the meeting started at 2.00 pm"
    ]
    assert checked(meeting, body, item, first) == []
    assert checked(meeting, body, item, backwards) == [
        "3.05 pm is earlier than the time recorded before it (3.10 pm)"
    ]
    assert checked(meeting, body, item, late) == ["5.30 pm is after the meeting ended at 5.00 pm"]


def test_meeting_running_past_midnight() -> None:
    meeting, people, body = setup()
    meeting.start_time, meeting.end_time = time(19, 0), time(0, 30)
    block = change(people["cheung"], ChangeKind.LEFT, time(0, 10))
    meeting.items[0].blocks = [change(people["russell"], ChangeKind.LEFT, time(23, 50)), block]
    assert checked(meeting, body, meeting.items[0], block) == []


def test_amendment_must_amend_a_motion_in_the_same_item() -> None:
    meeting, people, body = setup()
    original = motion(people)
    elsewhere = motion(people, mover="okafor", seconder="brindle")
    good = motion(people, motion_kind=MotionKind.AMENDMENT, amends_id=original.id)
    stray = motion(people, motion_kind=MotionKind.AMENDMENT, amends_id=elsewhere.id)
    loose = motion(people, motion_kind=MotionKind.AMENDMENT)
    at_text = Paragraph(text="Not a motion")
    at_paragraph = motion(people, motion_kind=MotionKind.AMENDMENT, amends_id=at_text.id)
    meeting.items[0].blocks = [original, good, stray, loose, at_text, at_paragraph]
    meeting.items[1].blocks = [elsewhere]
    item = meeting.items[0]
    assert checked(meeting, body, item, good) == []
    wrong = ["The amendment points at a motion that is not in this item"]
    assert checked(meeting, body, item, stray) == wrong
    assert checked(meeting, body, item, at_paragraph) == wrong
    assert checked(meeting, body, item, loose) == [
        "The amendment does not say which motion it amends"
    ]


def test_outcome_against_the_counts() -> None:
    meeting, people, body = setup()
    carried = motion(
        people,
        vote=Vote(kind=VoteKind.COUNTS, for_count=1, against_count=3),
        outcome=Outcome.CARRIED,
    )
    lost = motion(
        people, vote=Vote(kind=VoteKind.COUNTS, for_count=3, against_count=1), outcome=Outcome.LOST
    )
    tied = motion(
        people,
        vote=Vote(kind=VoteKind.COUNTS, for_count=2, against_count=2),
        outcome=Outcome.CARRIED,
    )
    unanimous = motion(
        people, vote=Vote(kind=VoteKind.UNANIMOUS, against_count=2), outcome=Outcome.CARRIED
    )
    meeting.items[0].blocks = [carried, lost, tied, unanimous]
    item = meeting.items[0]
    assert checked(meeting, body, item, unanimous) == ["Recorded as unanimous but 2 voted against"]
    assert checked(meeting, body, item, carried) == [
        "Recorded as carried but 1 voted for and 3 against"
    ]
    assert checked(meeting, body, item, lost) == ["Recorded as lost but 3 voted for and 1 against"]
    assert checked(meeting, body, item, tied) == [
        "The votes were equal (2 to 2): record the casting vote that decided it"
    ]


def test_part_two_item_needs_its_exempt_paragraph_under_the_1972_act() -> None:
    meeting, _people, body = setup()
    meeting.items[3].part = 2
    issues = check_meeting(meeting, body)  # type: ignore[arg-type]
    assert [(i.item_id, i.block_id, i.severity) for i in issues] == [
        (meeting.items[3].id, None, "warning")
    ]
    assert "Schedule 12A" in issues[0].message
    meeting.items[3].exempt_paragraph = "3"
    assert check_meeting(meeting, body) == []  # type: ignore[arg-type]
    meeting.items[3].exempt_paragraph = ""
    body.settings.exclusion = ExclusionRegime.ACT_1960  # type: ignore[attr-defined]
    assert check_meeting(meeting, body) == []  # type: ignore[arg-type]


def test_substitute_for_someone_present() -> None:
    meeting, people, body = setup()
    meeting.attendance.append(
        Attendance(
            people["lowe"].id,
            status=AttendanceStatus.SUBSTITUTE,
            substitute_for=people["russell"].id,
        )
    )
    issues = check_meeting(meeting, body)  # type: ignore[arg-type]
    assert messages(issues) == [
        "Councillor Lowe is recorded as substitute for Councillor Russell, who is present"
    ]
    assert issues[0].item_id is None and issues[0].severity == "error"
    meeting.attendance_of(people["lowe"].id).substitute_for = people["patel"].id  # type: ignore[union-attr]
    assert check_meeting(meeting, body) == []  # type: ignore[arg-type]


def test_substitute_without_whom_and_duplicate_attendance() -> None:
    meeting, people, body = setup()
    meeting.attendance.append(Attendance(people["lowe"].id, status=AttendanceStatus.SUBSTITUTE))
    meeting.attendance.append(Attendance(people["russell"].id, status=AttendanceStatus.REMOTE))
    assert messages(check_meeting(meeting, body)) == [  # type: ignore[arg-type]
        "Councillor Russell is listed twice in the attendance",
        "Councillor Lowe is a substitute but it does not say for whom",
    ]


def test_check_block_on_an_unsaved_block_judges_it_at_the_end_of_the_item() -> None:
    meeting, people, body = setup()
    meeting.items[0].blocks = [change(people["russell"], ChangeKind.LEFT, time(14, 20))]
    fresh = motion(people)
    issues = check_block(meeting, body, meeting.items[0].id, fresh)  # type: ignore[arg-type]
    assert messages(issues) == ["Councillor Russell, the mover, had left the meeting at 2.20 pm"]
    assert issues[0].block_id == fresh.id


def test_check_block_reads_each_block_once() -> None:
    """check_block stays linear: it visits each block before the target once."""
    meeting, people, body = setup()
    visits = 0

    class Counted(Paragraph):
        def __getattribute__(self, name: str) -> object:
            nonlocal visits
            if name == "id":
                visits += 1
            return object.__getattribute__(self, name)

    meeting.items = [Item(title=f"Item {n}") for n in range(40)]
    for item in meeting.items:
        item.blocks = [Counted(text="p") for _ in range(10)]
    target = motion(people)
    meeting.items[-1].blocks.append(target)
    visits = 0
    check_block(meeting, body, meeting.items[-1].id, target)  # type: ignore[arg-type]
    # only the target item's blocks are compared by id; the rest are simply passed over
    assert visits <= 10
    assert visits > 0
