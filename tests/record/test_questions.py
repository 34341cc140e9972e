"""Governors' questions and the answers given, minuted as a list that alternates
question and answer: printed as "Q:" and "A:" paragraphs in turn, worded in the body's
language, typed in the points form with the same labels."""

from __future__ import annotations

from pathlib import Path

import docx

from clerk_app.domain.document import Version
from clerk_app.domain.model import Meeting, Points, PointStyle
from clerk_app.services import Services

ASKED = [
    "Why had absence risen in Year 4?",
    "Two families had moved away and were only now off roll.",
    "Was the roof repair within budget?",
    "Yes, by about £1,200.",
]


def test_questions_and_answers_print_in_turn(
    svc: Services, meeting: Meeting, tmp_path: Path
) -> None:
    item = meeting.items[0]
    svc.add_block(
        meeting,
        item.id,
        Points(intro="Governors asked:", points=ASKED, style=PointStyle.QUESTIONS),
    )
    word = docx.Document(str(svc.export(meeting, tmp_path / "m.docx", Version.FULL)))
    texts = [p.text for p in word.paragraphs]
    at = texts.index("Governors asked:")
    # the hanging label before a tab, then the words, in the body text style
    assert texts[at + 1 : at + 5] == [
        "Q:\tWhy had absence risen in Year 4?",
        "A:\tTwo families had moved away and were only now off roll.",
        "Q:\tWas the roof repair within budget?",
        "A:\tYes, by about £1,200.",
    ]
    assert {word.paragraphs[at + i].style.name for i in range(1, 5)} == {"Clerk Body"}


def test_a_welsh_body_asks_with_c_and_answers_with_a() -> None:
    from clerk_app.domain.phrases import Phrases
    from clerk_app.domain.render_blocks import question_label

    welsh = Phrases.load(locale="cy")
    assert [question_label(n, welsh) for n in (1, 2, 3)] == ["C:", "A:", "C:"]
