"""A Part 2 item in public: built only from its public heading, public summary, who moved
and seconded, and the outcome."""

from __future__ import annotations

from clerk_app.domain.document import Para, Style, Version
from clerk_app.domain.model import Item, ItemKind, Motion, MotionKind, Outcome, Paragraph
from clerk_app.domain.render import render_minutes
from tests.domain.test_render_support import make_body, make_meeting


def _exempt(**fields: object) -> Item:
    item = Item(
        "Tenancy arrears of 4 Mill Lane",
        "5",
        "54",
        part=2,
        exempt_paragraph="1, 3",
        public_heading="Housing matter",
        public_summary="The Committee considered a housing matter.\nNo decision was needed.",
    )
    for key, value in fields.items():
        setattr(item, key, value)
    return item


def _item_paras(doc, item: Item) -> list[Para]:  # type: ignore[no-untyped-def]
    return [e for e in doc.elements if isinstance(e, Para) and e.item_id == item.id]


def test_public_heading_summary_movers_and_outcomes() -> None:
    body, cast = make_body()
    item = _exempt()
    item.blocks = [
        Paragraph(text="The arrears stand at a large sum."),
        Motion(
            mover_id=cast.chair.id,
            seconder_id=cast.vice.id,
            clauses=["evict the tenant"],
            outcome=Outcome.CARRIED,
        ),
        Motion(mover_id=cast.hill.id, clauses=["write off the debt"], outcome=Outcome.LOST),
        Motion(
            motion_kind=MotionKind.AMENDMENT,
            mover_id=cast.moss.id,
            clauses=["delay"],
            outcome=Outcome.LOST,
        ),
    ]
    doc = render_minutes(make_meeting(body, item), body, Version.PUBLIC)
    texts = [p.text for p in _item_paras(doc, item)]
    assert texts[0] == "HOUSING MATTER"
    assert "paragraphs 1 and 3 of Part 1 of Schedule 12A" in texts[1]
    assert texts[2:] == [
        "The Committee considered a housing matter.",
        "No decision was needed.",
        "It was moved by Councillor Mrs Okafor, seconded by Councillor Pryce, and the motion "
        "was carried.",
        "It was moved by Councillor Mrs Hill, and the motion was lost.",
        "The Committee made a decision on this item, which is recorded in the confidential minute.",
    ]
    assert "Mill Lane" not in doc.text and "evict" not in doc.text


def test_an_empty_public_heading_gives_a_neutral_heading_not_the_title() -> None:
    body, _ = make_body()
    item = _exempt(public_heading="  ", kind=ItemKind.EXCLUSION)
    doc = render_minutes(make_meeting(body, item), body, Version.PUBLIC)
    heading = [p for p in _item_paras(doc, item) if p.style is Style.ITEM_HEADING]
    assert [p.text for p in heading] == ["ITEM TAKEN IN PRIVATE"]
    assert "MILL LANE" not in doc.text.upper()


def test_words_typed_beside_the_paragraph_number_are_not_cited() -> None:
    body, _ = make_body()
    item = _exempt(exempt_paragraph="3 and Mr Gale's debts")
    doc = render_minutes(make_meeting(body, item), body, Version.PUBLIC)
    assert "Gale" not in doc.text
    assert "paragraph 3 of Part 1" in doc.text


def test_the_decision_sheet_gives_the_public_parts_without_movers() -> None:
    body, cast = make_body()
    item = _exempt()
    item.blocks = [Motion(mover_id=cast.chair.id, clauses=["evict"], outcome=Outcome.CARRIED)]
    doc = render_minutes(make_meeting(body, item), body, Version.DECISIONS)
    text = doc.text
    assert "HOUSING MATTER" in text and "The Committee considered a housing matter." in text
    assert "Okafor" not in text and "Mill Lane" not in text and "evict" not in text


def test_the_full_minutes_keep_the_title_and_the_body() -> None:
    body, _ = make_body()
    item = _exempt(blocks=[Paragraph(text="The arrears stand at a large sum.")])
    doc = render_minutes(make_meeting(body, item), body, Version.FULL)
    assert "TENANCY ARREARS OF 4 MILL LANE" in doc.text
    assert "The arrears stand at a large sum." in doc.text
