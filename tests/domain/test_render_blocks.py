"""Each block kind worded as a clerk would write it."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk_app.domain.document import CharStyle, Para, Style, Table
from clerk_app.domain.model import (
    Action,
    AttendanceChange,
    Block,
    ChangeKind,
    ClauseStyle,
    Declaration,
    InterestConduct,
    Item,
    ItemKind,
    LeadIn,
    Motion,
    MotionKind,
    NamingStyle,
    Note,
    NoteKind,
    Outcome,
    Paragraph,
    Points,
    PointStyle,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.domain.render import RenderContext, render_block

from .test_render_support import item_with, make_body, make_meeting, rendered, styles, texts


def test_paragraph_plain_and_empty() -> None:
    body, _ = make_body()
    out = rendered(Paragraph(text="  The Head of Housing introduced the report.  "), body)
    assert [(p.style, p.label, p.text) for p in out] == [
        (Style.BODY, "", "The Head of Housing introduced the report.")
    ]
    assert rendered(Paragraph(text="   "), body) == []


def test_sub_paragraph_labels_follow_position_in_item() -> None:
    body, cast = make_body()
    body.settings.numbering.sub_paragraphs = True
    blocks: list[Block] = [
        Paragraph(text="First."),
        Points(intro="Points raised:", points=["One", "Two"]),
        AttendanceChange(person_id=cast.hill.id, change=ChangeKind.LEFT, at=time(14, 28)),
        Paragraph(text=""),
        Motion(mover_id=cast.chair.id, clauses=["the report be noted"], outcome=Outcome.CARRIED),
        Paragraph(text="Last."),
    ]
    item = item_with(*blocks, minute="53")
    meeting = make_meeting(body, item)
    labels = []
    for b in blocks:
        # a fresh context per block, as the live preview uses
        out = render_block(b, RenderContext.for_item(meeting, body, item))
        labels.extend((p.style, p.label) for p in out if isinstance(p, Para) and p.label)
    assert labels == [
        (Style.NUMBERED_BODY, "53.1"),
        (Style.NUMBERED_BODY, "53.2"),
        (Style.TIME_LINE, "2.28 pm"),
        (Style.MOTION, "53.3"),
        (Style.NUMBERED_BODY, "53.4"),
    ]


@pytest.mark.parametrize(
    ("style", "para_style"),
    [
        (PointStyle.BULLETS, Style.POINT_BULLET),
        (PointStyle.LETTERS, Style.POINT_LETTER),
        (PointStyle.NUMBERS, Style.POINT_NUMBER),
    ],
)
def test_points_styles_and_restart(style: PointStyle, para_style: Style) -> None:
    body, _ = make_body()
    out = rendered(
        Points(intro="Members noted:", points=["Costs", "", "Timing"], style=style), body
    )
    assert texts(out) == ["Members noted:", "Costs", "Timing"]
    assert styles(out) == [Style.BODY, para_style, para_style]
    assert [p.restart for p in out] == [False, True, False]
    no_intro = rendered(Points(points=["Only"], style=style), body)
    assert [(p.style, p.restart) for p in no_intro] == [(para_style, True)]


def test_attendance_changes_are_time_lines() -> None:
    body, cast = make_body(NamingStyle.HONORIFIC)
    out = rendered(
        AttendanceChange(person_id=cast.hill.id, change=ChangeKind.LEFT, at=time(14, 28)), body
    )
    assert [(p.style, p.label, p.text) for p in out] == [
        (Style.TIME_LINE, "2.28 pm", "Mrs Hill left the meeting.")
    ]
    body.settings.clock_24h = True
    arrived = rendered(
        AttendanceChange(person_id=cast.moss.id, change=ChangeKind.ARRIVED, at=time(14, 28)), body
    )
    assert (arrived[0].label, arrived[0].text) == ("14:28", "Dr Moss joined the meeting.")
    untimed = rendered(AttendanceChange(person_id="nobody", change=ChangeKind.LEFT_ROOM), body)
    assert (untimed[0].label, untimed[0].text) == ("", "A member left the room.")


def test_return_after_leaving_the_room_says_room() -> None:
    body, cast = make_body()
    left = AttendanceChange(person_id=cast.lowe.id, change=ChangeKind.LEFT_ROOM, at=time(19, 40))
    back = AttendanceChange(person_id=cast.lowe.id, change=ChangeKind.RETURNED, at=time(19, 55))
    item = item_with(left, back)
    assert texts(rendered(back, body, item)) == ["Councillor Ms Lowe returned to the room."]
    left.change = ChangeKind.LEFT
    assert texts(rendered(back, body, item)) == ["Councillor Ms Lowe returned to the meeting."]


def test_declaration_sentences() -> None:
    body, cast = make_body()
    full = Declaration(
        person_id=cast.moss.id,
        interest_type="other registrable interest",
        reason="a trustee of the Harrowfield Lighting Trust",
        conduct=InterestConduct.LEFT_ROOM,
    )
    assert texts(rendered(full, body)) == [
        "Councillor Dr Moss declared an other registrable interest in this item as a trustee "
        "of the Harrowfield Lighting Trust and left the room during its consideration."
    ]
    own = Declaration(
        person_id=cast.hill.id,
        interest_type="disclosable pecuniary interest",
        reason="by virtue of owning land next to the site.",
        conduct=InterestConduct.DISPENSATION,
    )
    assert texts(rendered(own, body)) == [
        "Councillor Mrs Hill declared a disclosable pecuniary interest in this item by virtue "
        "of owning land next to the site. Councillor Mrs Hill held a dispensation to speak "
        "and vote on this item."
    ]
    bare = rendered(Declaration(person_id=cast.lowe.id), body)
    assert texts(bare) == ["Councillor Ms Lowe declared an interest in this item."]
    assert styles(bare) == [Style.DECLARATION]
    personal = Declaration(person_id=cast.lowe.id, interest_type="personal")
    assert texts(rendered(personal, body)) == [
        "Councillor Ms Lowe declared a personal interest in this item."
    ]


def test_declaration_under_the_declarations_item() -> None:
    body, cast = make_body()
    d = Declaration(
        person_id=cast.moss.id,
        interest_type="non-registrable interest",
        reason="in item 7 as his daughter works for the applicant",
    )
    item = Item(title="Declarations of interest", kind=ItemKind.DECLARATIONS, blocks=[d])
    assert texts(rendered(d, body, item)) == [
        "Councillor Dr Moss declared a non-registrable interest in item 7 as his daughter "
        "works for the applicant."
    ]


def _motion(**kw: object) -> Motion:
    base: dict[str, object] = {"mover_id": "chair", "seconder_id": "vice"}
    base.update(kw)
    return Motion(**base)  # type: ignore[arg-type]


def test_carried_motion_with_clauses() -> None:
    body, _ = make_body()
    m = _motion(
        preamble="That the Committee:",
        clauses=["notes the report", "approves the lighting programme", "asks for an update"],
        clause_style=ClauseStyle.LETTERS,
        vote=Vote(VoteKind.COUNTS, 8, 2, 1),
        outcome=Outcome.CARRIED,
    )
    out = rendered(m, body)
    assert [(p.style, p.text) for p in out] == [
        (Style.MOTION, "It was moved by Councillor Mrs Okafor, seconded by Councillor Pryce and"),
        (Style.DECISION, "RESOLVED – That the Committee:"),
        (Style.CLAUSE_LETTER, "notes the report;"),
        (Style.CLAUSE_LETTER, "approves the lighting programme; and"),
        (Style.CLAUSE_LETTER, "asks for an update."),
        (Style.VOTE, "Carried by eight votes to two, with one abstention."),
    ]
    decision = out[1]
    assert decision.runs[0].text == "RESOLVED" and decision.runs[0].style is CharStyle.KEYWORD
    assert [p.restart for p in out[2:5]] == [True, False, False]
    assert {p.block_id for p in out} == {m.id}


def test_single_clause_is_inline_and_that_not_doubled() -> None:
    body, _ = make_body()
    body.settings.lead_in = "RESOLVED: That"
    m = _motion(seconder_id=None, clauses=["That the minutes be approved as a correct record"],
                vote=Vote(VoteKind.UNANIMOUS), outcome=Outcome.CARRIED)  # fmt: skip
    assert texts(rendered(m, body)) == [
        "It was moved by Councillor Mrs Okafor and",
        "RESOLVED: That the minutes be approved as a correct record.",
        "Carried unanimously.",
    ]


@pytest.mark.parametrize(
    ("lead_in", "recommend_to", "expected", "keyword"),
    [
        (LeadIn.RECOMMENDED, "Council", "RECOMMENDED to Council – That the policy be adopted.",
         "RECOMMENDED"),
        (LeadIn.RECOMMENDED, "", "RECOMMENDED – That the policy be adopted.", "RECOMMENDED"),
        (LeadIn.AGREED, "", "AGREED – That the policy be adopted.", "AGREED"),
        (LeadIn.DECISION, "", "DECISION: the policy be adopted.", "DECISION"),
        (LeadIn.NOTED, "", "NOTED: the policy be adopted.", "NOTED"),
    ],
)  # fmt: skip
def test_lead_ins(lead_in: LeadIn, recommend_to: str, expected: str, keyword: str) -> None:
    body, _ = make_body()
    m = Motion(clauses=["the policy be adopted"], lead_in=lead_in, recommend_to=recommend_to,
               outcome=Outcome.CARRIED)  # fmt: skip
    out = rendered(m, body)
    assert texts(out) == [expected]
    assert [r.text for r in out[0].runs if r.style is CharStyle.KEYWORD] == [keyword]


def test_lead_in_keyword_in_the_middle() -> None:
    body, _ = make_body()
    body.settings.lead_in = "It was RESOLVED that"
    out = rendered(Motion(clauses=["the fees be frozen"], outcome=Outcome.CARRIED), body)
    assert out[0].text == "It was RESOLVED that the fees be frozen."
    assert [(r.text, r.style) for r in out[0].runs][:2] == [
        ("It was ", None),
        ("RESOLVED", CharStyle.KEYWORD),
    ]


@pytest.mark.parametrize("outcome", [Outcome.LOST, Outcome.WITHDRAWN, Outcome.PENDING])
@pytest.mark.parametrize("lead_in", list(LeadIn))
def test_motion_not_carried_is_never_resolved(outcome: Outcome, lead_in: LeadIn) -> None:
    body, _ = make_body()
    m = _motion(clauses=["the scheme be approved"], lead_in=lead_in, recommend_to="Council",
                vote=Vote(VoteKind.COUNTS, 3, 7, 0), outcome=outcome)  # fmt: skip
    out = rendered(m, body)
    text = " ".join(texts(out))
    for word in ("RESOLVED", "RECOMMENDED", "AGREED", "DECISION", "NOTED", "Carried"):
        assert word not in text
    assert not any(r.style is CharStyle.KEYWORD for p in out for r in p.runs)
    assert out[0].text == (
        "It was moved by Councillor Mrs Okafor, seconded by Councillor Pryce, that the scheme "
        "be approved."
    )
    expected_vote = {
        Outcome.LOST: ["On being put to the vote, the motion was lost by seven votes to three."],
        Outcome.WITHDRAWN: ["The motion was withdrawn."],
        Outcome.PENDING: [],
    }[outcome]
    assert texts(out)[1:] == expected_vote


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        (Vote(VoteKind.UNANIMOUS), "Carried unanimously."),
        (Vote(VoteKind.COUNTS, 8, 2, 1), "Carried by eight votes to two, with one abstention."),
        (Vote(VoteKind.COUNTS, 22, 1, 2), "Carried by 22 votes to one, with two abstentions."),
        (Vote(VoteKind.COUNTS, 12, 0, None), "Carried by 12 votes to none."),
        (Vote(VoteKind.COUNTS, 1, 0, 3), "Carried by one vote to none, with three abstentions."),
        (Vote(VoteKind.CASTING, 5, 5, 0, casting_person_id="chair"),
         "Carried on the casting vote of the Chair, the votes being equal at five each."),
        (Vote(VoteKind.CASTING, casting_person_id="vice"),
         "Carried on the casting vote of the Vice-Chair."),
        (Vote(VoteKind.WITHOUT_VOTE), "Agreed without a vote."),
    ],
)  # fmt: skip
def test_vote_wordings(vote: Vote, expected: str) -> None:
    body, _ = make_body()
    out = rendered(_motion(clauses=["x be approved"], vote=vote, outcome=Outcome.CARRIED), body)
    assert texts(out)[-1] == expected
    assert out[-1].style is Style.VOTE


def test_no_vote_recorded_writes_no_vote_line() -> None:
    body, _ = make_body()
    out = rendered(_motion(clauses=["x be approved"], outcome=Outcome.CARRIED), body)
    assert Style.VOTE not in styles(out)


def test_casting_vote_uses_the_chair_title() -> None:
    body, _ = make_body()
    body.settings.chair_title = "Chairman"
    vote = Vote(VoteKind.CASTING, 4, 4, casting_person_id="chair")
    lost = rendered(_motion(clauses=["x"], vote=vote, outcome=Outcome.LOST), body)
    assert texts(lost)[-1] == (
        "On being put to the vote, the motion was lost on the casting vote of the Chairman, "
        "the votes being equal at four each."
    )


def test_named_vote_table() -> None:
    body, cast = make_body()
    vote = Vote(
        VoteKind.NAMED,
        named={
            cast.hill.id: VoteChoice.FOR,
            cast.chair.id: VoteChoice.FOR,
            cast.moss.id: VoteChoice.AGAINST,
            cast.lowe.id: VoteChoice.ABSTAIN,
        },
    )
    out = rendered(_motion(clauses=["the budget be set"], vote=vote, outcome=Outcome.CARRIED), body)
    tables = [e for e in out if isinstance(e, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert table.header == ["Vote", "Members", "Count"]
    assert table.rows == [
        ["For", "Councillor Mrs Hill and Councillor Mrs Okafor", "2"],
        ["Against", "Councillor Dr Moss", "1"],
        ["Abstained", "Councillor Ms Lowe", "1"],
    ]
    assert table.caption == "Recorded vote"
    assert texts(out)[-1] == "Carried by two votes to one, with one abstention."


def test_named_casting_vote_row() -> None:
    body, cast = make_body()
    vote = Vote(
        VoteKind.CASTING,
        named={cast.hill.id: VoteChoice.FOR, cast.moss.id: VoteChoice.AGAINST},
        casting_person_id=cast.chair.id,
        casting_choice=VoteChoice.FOR,
    )
    out = rendered(_motion(clauses=["x"], vote=vote, outcome=Outcome.CARRIED), body)
    table = next(e for e in out if isinstance(e, Table))
    assert table.rows[-1] == ["Casting vote", "Councillor Mrs Okafor", "1"]
    assert texts(out)[-1] == (
        "Carried on the casting vote of the Chair, the votes being equal at one each."
    )


def test_amendment_flow() -> None:
    body, cast = make_body()
    original = _motion(clauses=["the scheme be approved"])
    amendment = Motion(
        motion_kind=MotionKind.AMENDMENT,
        amends_id=original.id,
        mover_id=cast.moss.id,
        seconder_id=cast.lowe.id,
        preamble="the words “by March” be added at the end",
        vote=Vote(VoteKind.COUNTS, 6, 3),
        outcome=Outcome.CARRIED,
    )
    substantive = _motion(
        derived_from_id=amendment.id,
        clauses=["the scheme be approved by March"],
        vote=Vote(VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    item = item_with(original, amendment, substantive)
    assert texts(rendered(amendment, body, item)) == [
        "Councillor Dr Moss moved, seconded by Councillor Ms Lowe, an amendment that the words "
        "“by March” be added at the end.",
        "On being put to the vote, the amendment was carried by six votes to three and became "
        "the substantive motion.",
    ]
    assert texts(rendered(substantive, body, item)) == [
        "The substantive motion, as amended, was then put to the vote and",
        "RESOLVED – That the scheme be approved by March.",
        "Carried unanimously.",
    ]
    amendment.outcome, amendment.vote = Outcome.LOST, Vote(VoteKind.COUNTS, 3, 6)
    assert texts(rendered(amendment, body, item))[-1] == (
        "On being put to the vote, the amendment was lost by six votes to three."
    )
    amendment.vote = Vote()
    assert texts(rendered(amendment, body, item))[-1] == (
        "On being put to the vote, the amendment was lost."
    )
    amendment.outcome = Outcome.WITHDRAWN
    assert texts(rendered(amendment, body, item))[-1] == "The amendment was withdrawn."
    amendment.mover_id = amendment.seconder_id = None
    amendment.outcome = Outcome.PENDING
    assert texts(rendered(amendment, body, item)) == [
        "An amendment was moved that the words “by March” be added at the end."
    ]


def test_amendment_marks_added_and_removed_words() -> None:
    body, cast = make_body()
    amendment = Motion(
        motion_kind=MotionKind.AMENDMENT,
        mover_id=cast.moss.id,
        clauses=["the fee be ~~£40~~ **£35**", "a review be held"],
        clause_style=ClauseStyle.NUMBERS,
    )
    out = rendered(amendment, body)
    assert texts(out) == [
        "Councillor Dr Moss moved an amendment that",
        "the fee be £40 £35; and",
        "a review be held.",
    ]
    assert [(r.text, r.style) for r in out[1].runs] == [
        ("the fee be ", None),
        ("£40", CharStyle.DELETED),
        (" ", None),
        ("£35", CharStyle.INSERTED),
        ("; and", None),
    ]
    carried = _motion(preamble="the **revised** scheme be approved", outcome=Outcome.CARRIED)
    decision = rendered(carried, body)[1]
    assert decision.text == "RESOLVED – That the revised scheme be approved."
    assert [r.style for r in decision.runs] == [
        CharStyle.KEYWORD,
        None,
        CharStyle.INSERTED,
        None,
    ]
    odd = rendered(_motion(preamble="2 ** 3 and ~~ alone", outcome=Outcome.LOST), body)
    assert odd[0].text.endswith("that 2 ** 3 and ~~ alone.")


def test_procedural_motion_with_rule() -> None:
    body, _ = make_body()
    m = _motion(
        motion_kind=MotionKind.PROCEDURAL,
        rule="Council Procedure Rule 13.2(h)",
        clauses=["the meeting be adjourned for ten minutes"],
        vote=Vote(VoteKind.UNANIMOUS),
        outcome=Outcome.CARRIED,
    )
    # the rule is cited before the opening, never inside the resolution's words
    assert texts(rendered(m, body))[:2] == [
        "Under Council Procedure Rule 13.2(h), it was moved by Councillor Mrs Okafor, "
        "seconded by Councillor Pryce and",
        "RESOLVED – That the meeting be adjourned for ten minutes.",
    ]
    m.outcome, m.vote = Outcome.LOST, Vote()
    assert texts(rendered(m, body)) == [
        "Under Council Procedure Rule 13.2(h), it was moved by Councillor Mrs Okafor, "
        "seconded by Councillor Pryce, that the meeting be adjourned for ten minutes.",
        "On being put to the vote, the motion was lost.",
    ]


@pytest.mark.parametrize(
    ("mover", "seconder", "carried", "expected"),
    [
        ("hill", None, True, "It was moved by Councillor Mrs Hill and"),
        (None, "hill", True, "It was moved, seconded by Councillor Mrs Hill, and"),
        (None, None, False, "It was moved that x be done."),
        ("hill", None, False, "It was moved by Councillor Mrs Hill that x be done."),
    ],
)
def test_half_typed_movers(
    mover: str | None, seconder: str | None, carried: bool, expected: str
) -> None:
    body, _ = make_body()
    outcome = Outcome.CARRIED if carried else Outcome.PENDING
    m = Motion(mover_id=mover, seconder_id=seconder, clauses=["x be done"], outcome=outcome)
    assert texts(rendered(m, body))[0] == expected


def test_carried_motion_without_mover_starts_with_the_decision() -> None:
    body, _ = make_body()
    out = rendered(Motion(clauses=["the report be noted"], outcome=Outcome.CARRIED), body)
    assert texts(out) == ["RESOLVED – That the report be noted."]
    assert styles(out) == [Style.DECISION]


def test_actions() -> None:
    body, cast = make_body()
    due = date(2025, 3, 4)
    assert texts(rendered(Action(text="write to the landowner", owner="the Clerk"), body)) == [
        "Action: the Clerk – write to the landowner"
    ]
    with_due = Action(text="report back", owner_id=cast.reyes.id, due=due)
    assert texts(rendered(with_due, body)) == ["Action: Tom Reyes – report back (by 4 March 2025)"]
    assert texts(rendered(Action(text="circulate the plan"), body)) == [
        "Action: circulate the plan"
    ]
    assert styles(rendered(Action(), body)) == [Style.ACTION]


def test_notes() -> None:
    body, _ = make_body()
    adj = Note(note_kind=NoteKind.ADJOURNED, at=time(21, 10), text="for members to read papers")
    assert texts(rendered(adj, body)) == [
        "The meeting was adjourned at 9.10 pm (for members to read papers)."
    ]
    assert texts(rendered(Note(note_kind=NoteKind.RESUMED, at=time(21, 15)), body)) == [
        "The meeting resumed at 9.15 pm."
    ]
    assert texts(rendered(Note(note_kind=NoteKind.ADJOURNED), body)) == [
        "The meeting was adjourned."
    ]
    # a plain note is printed as typed, without "Note:" before it
    assert texts(rendered(Note(text="The webcast failed for five minutes."), body)) == [
        "The webcast failed for five minutes."
    ]
    assert rendered(Note(text=""), body) == []
    assert styles(rendered(Note(text="Note: x"), body)) == [Style.NOTE]


def test_phrase_override_reaches_blocks() -> None:
    body, cast = make_body()
    body.settings.phrases = {"change.left": "At this point {name} left."}
    out = rendered(AttendanceChange(person_id=cast.hill.id, at=time(20, 0)), body)
    assert texts(out) == ["At this point Councillor Mrs Hill left."]


@pytest.mark.parametrize("kind", [Paragraph, Points, AttendanceChange, Declaration, Motion,
                                  Action, Note])  # fmt: skip
@pytest.mark.parametrize("outcome", list(Outcome))
def test_empty_blocks_never_raise(kind: type[Block], outcome: Outcome) -> None:
    body, _ = make_body()
    body.settings.numbering.sub_paragraphs = True
    block = kind()
    if isinstance(block, Motion):
        block.outcome = outcome
        block.vote = Vote(VoteKind.CASTING)
    for el in rendered(block, body):
        assert isinstance(el, Para | Table)
