"""Rendering never raises, whatever the clerk (or a damaged file) put in the record."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.domain.document import Document, Para, Table, Version
from clerk_app.domain.model import (
    Action,
    ActionStatus,
    Approval,
    Attendance,
    AttendanceChange,
    AttendanceStatus,
    Block,
    Body,
    BodyKind,
    BodySettings,
    ChangeKind,
    ClauseStyle,
    Declaration,
    ExclusionRegime,
    InterestConduct,
    Item,
    ItemKind,
    ItemStatus,
    LeadIn,
    Meeting,
    MeetingStatus,
    MeetingType,
    Motion,
    MotionKind,
    NamingStyle,
    Note,
    NoteKind,
    NumberingScheme,
    Outcome,
    Paragraph,
    Person,
    PersonKind,
    Points,
    PointStyle,
    Role,
    Vote,
    VoteChoice,
    VoteKind,
)
from clerk_app.domain.phrases import default_phrases
from clerk_app.domain.render import RenderContext, render_block, render_minutes

IDS = ["p0", "p1", "p2", "p3", "p4", "missing"]
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Text with control characters, braces, quotes, right-to-left marks and emoji.
text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x24F),
        st.sampled_from(list("{}“”‘’–—\u200f\u202e\ufffe\uffff😀 \t\n\r")),
    ),
    max_size=40,
)
opt_time = st.none() | st.times()
count = st.none() | st.integers(min_value=-2, max_value=60)
pid = st.none() | st.sampled_from(IDS) | text

person = st.builds(
    Person,
    first_name=text,
    last_name=text,
    honorific=text,
    kind=st.sampled_from(PersonKind),
    role=st.sampled_from(Role),
    post=text,
    initials=text,
    active=st.booleans(),
)
vote = st.builds(
    Vote,
    kind=st.sampled_from(VoteKind),
    for_count=count,
    against_count=count,
    abstain_count=count,
    named=st.dictionaries(st.sampled_from(IDS), st.sampled_from(VoteChoice), max_size=5),
    casting_person_id=pid,
    casting_choice=st.none() | st.sampled_from(VoteChoice),
)
block: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, text=text),
    st.builds(Points, intro=text, points=st.lists(text, max_size=4),
              style=st.sampled_from(PointStyle)),
    st.builds(AttendanceChange, person_id=st.sampled_from(IDS) | text,
              change=st.sampled_from(ChangeKind), at=opt_time),
    st.builds(Declaration, person_id=st.sampled_from(IDS) | text, interest_type=text,
              reason=text, conduct=st.sampled_from(InterestConduct), scope=text,
              at=opt_time, nil=st.booleans()),
    st.builds(Motion, motion_kind=st.sampled_from(MotionKind), amends_id=st.none() | text,
              derived_from_id=st.none() | text, mover_id=pid, seconder_id=pid, preamble=text,
              clauses=st.lists(text, max_size=4), clause_style=st.sampled_from(ClauseStyle),
              lead_in=st.sampled_from(LeadIn), recommend_to=text, rule=text, vote=vote,
              outcome=st.sampled_from(Outcome)),
    st.builds(Action, text=text, owner=text, owner_id=pid, due=st.none() | st.dates(),
              status=st.sampled_from(ActionStatus)),
    st.builds(Note, note_kind=st.sampled_from(NoteKind), at=opt_time, text=text),
)  # fmt: skip
item = st.builds(
    Item,
    title=text,
    number=text,
    minute_number=text,
    kind=st.sampled_from(ItemKind),
    purpose=text,
    report_author=text,
    report_ref=text,
    part=st.sampled_from([1, 2]),
    exempt_paragraph=text,
    status=st.sampled_from(ItemStatus),
    blocks=st.lists(block, max_size=6),
)
phrase_overrides = st.dictionaries(
    st.sampled_from(sorted(default_phrases())) | text, text, max_size=4
)
body_settings = st.builds(
    BodySettings,
    chair_title=text,
    vice_chair_title=text,
    naming=st.sampled_from(NamingStyle),
    numbering=st.builds(NumberingScheme, sub_paragraphs=st.booleans()),
    interest_types=st.lists(text, max_size=3),
    lead_in=text,
    clock_24h=st.booleans(),
    exclusion=st.sampled_from(ExclusionRegime),
    phrases=phrase_overrides,
)
attendance = st.builds(
    Attendance,
    person_id=st.sampled_from(IDS) | text,
    status=st.sampled_from(AttendanceStatus),
    reason=text,
    substitute_for=pid,
    note=text,
)


@st.composite
def records(draw: st.DrawFn) -> tuple[Body, Meeting]:
    people = draw(st.lists(person, min_size=0, max_size=5))
    for i, p in enumerate(people):
        p.id = IDS[i]
    body = Body(
        name=draw(text),
        kind=draw(st.sampled_from(BodyKind)),
        authority=draw(text),
        settings=draw(body_settings),
        people=people,
    )
    meeting = Meeting(
        body_id=body.id,
        date=draw(st.dates(min_value=date(1900, 1, 1))),
        meeting_type=draw(st.sampled_from(MeetingType)),
        venue=draw(text),
        start_time=draw(opt_time),
        end_time=draw(opt_time),
        status=draw(st.sampled_from(MeetingStatus)),
        reference=draw(text),
        public_count=draw(count),
        attendance=draw(st.lists(attendance, max_size=6)),
        items=draw(st.lists(item, max_size=5)),
        approval=draw(
            st.none()
            | st.builds(Approval, approved_on=st.dates(), signed_by=text, corrections=text)
        ),
    )
    return body, meeting


def _assert_clean(doc: Document) -> None:
    for el in doc.elements:
        assert isinstance(el, Para | Table)
        cells = [r.text for r in el.runs] if isinstance(el, Para) else [
            el.caption, *el.header, *(c for row in el.rows for c in row)
        ]  # fmt: skip
        for cell in cells:
            assert not INVALID.search(cell), repr(cell)
    for value in (doc.header_text, doc.footer_text, doc.watermark, doc.title):
        assert not INVALID.search(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.sampled_from(Version))
def test_render_minutes_never_raises(record: tuple[Body, Meeting], version: Version) -> None:
    body, meeting = record
    item_id = meeting.items[0].id if meeting.items else None
    doc = render_minutes(meeting, body, version, item_id=item_id)
    assert doc.version is version
    _assert_clean(doc)
    # the document text is always available
    assert isinstance(doc.text, str)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), block)
def test_render_block_never_raises(record: tuple[Body, Meeting], extra: Block) -> None:
    body, meeting = record
    target = meeting.items[0] if meeting.items else Item(title="x")
    for b in [*target.blocks, extra]:
        ctx = RenderContext.for_item(meeting, body, target)
        for el in render_block(b, ctx):
            assert isinstance(el, Para | Table)
            if isinstance(el, Para):
                assert not INVALID.search(el.text)
