"""How board and school minutes word the lines a council's would word otherwise: the
initials strip, a decision whose lead-in is a sentence of its own, and action lines,
read back from the exported .docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import Body, Meeting, Outcome, Paragraph, Vote, VoteKind
from clerk_app.domain.style import ActionForm, AttendanceLayout
from clerk_app.services import Services
from tests.services.conftest import pid


def _export(svc: Services, meeting: Meeting, tmp_path: Path) -> docx.document.Document:
    out = tmp_path / "minutes.docx"
    svc.export(svc.get_meeting(meeting.id), out, Version.FULL)
    return docx.Document(str(out))


@pytest.mark.parametrize(
    ("title", "strip"),
    [
        ("Chair of Governors", "Chair’s initials"),
        ("Chairman of the Council", "Chairman’s initials"),
        ("Lord Mayor", "Lord Mayor’s initials"),
        ("Chair", "Chair’s initials"),
        ("Convenor of Trustees", "Convenor of Trustees’ initials"),
    ],
)
def test_the_initials_strip_writes_the_title_as_a_possessive(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path, title: str, strip: str
) -> None:
    body.settings.chair_title = title
    svc.save_body(body)
    footer = " ".join(p.text for p in _export(svc, meeting, tmp_path).sections[0].footer.paragraphs)
    assert strip in footer
    assert "s’s " not in footer and "Governors’ initials" not in footer


def _paras(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]


@pytest.mark.parametrize(
    ("lead_in", "opening", "decision"),
    [
        (
            "The Committee resolved:",
            "It was moved by Councillor Mrs Winter and seconded by Councillor Ashdown.",
            "The Committee resolved: the policy be approved.",
        ),
        (
            "Governors AGREED that",
            "It was moved by Councillor Mrs Winter and seconded by Councillor Ashdown.",
            "Governors AGREED that the policy be approved.",
        ),
        (  # a label, not a word that goes on from "… and"
            "DECISION:",
            "It was moved by Councillor Mrs Winter and seconded by Councillor Ashdown.",
            "DECISION: the policy be approved.",
        ),
        # a lead-in that goes on from the mover's sentence keeps it open
        (
            "RESOLVED – That",
            "It was moved by Councillor Mrs Winter, seconded by Councillor Ashdown and",
            "RESOLVED – That the policy be approved.",
        ),
        (
            "Resolved that",
            "It was moved by Councillor Mrs Winter, seconded by Councillor Ashdown and",
            "Resolved that the policy be approved.",
        ),
        (
            "IT WAS RESOLVED that",
            "It was moved by Councillor Mrs Winter, seconded by Councillor Ashdown and",
            "IT WAS RESOLVED that the policy be approved.",
        ),
    ],
)
def test_a_lead_in_with_its_own_subject_starts_a_sentence_of_its_own(
    svc: Services,
    body: Body,
    meeting: Meeting,
    tmp_path: Path,
    lead_in: str,
    opening: str,
    decision: str,
) -> None:
    body.settings.lead_in = lead_in
    svc.save_body(body)
    item = meeting.items[0].id
    motion = svc.move_motion(
        meeting,
        item,
        mover_id=pid(body, "Winter"),
        seconder_id=pid(body, "Ashdown"),
        clauses=["the policy be approved"],
    )
    svc.record_vote(meeting, item, motion.id, Vote(VoteKind.UNANIMOUS), Outcome.CARRIED)
    paras = _paras(_export(svc, meeting, tmp_path))
    at = paras.index(("Clerk Motion", opening))
    assert paras[at + 1] == ("Clerk Decision", decision)


def test_a_vote_taken_later_before_a_lead_in_with_its_own_subject(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    body.settings.lead_in = "The Committee RESOLVED that"
    svc.save_body(body)
    item = meeting.items[0].id
    motion = svc.move_motion(
        meeting,
        item,
        mover_id=pid(body, "Winter"),
        seconder_id=pid(body, "Ashdown"),
        clauses=["the policy be approved"],
    )
    svc.add_block(meeting, item, Paragraph(text="Members discussed the fees."))
    svc.record_vote_later(meeting, item, motion.id, Vote(VoteKind.COUNTS, 5, 1))
    lines = [t for _s, t in _paras(_export(svc, meeting, tmp_path))]
    at = lines.index("Members discussed the fees.")
    assert lines[at + 1 : at + 4] == [
        "The motion was then put to the vote.",
        "The Committee RESOLVED that the policy be approved.",
        "Carried by five votes to one.",
    ]


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        # a council's action line as before
        (
            None,
            [
                "Action: Councillor Ashdown – Send the revised policy to the trade "
                "(by 1 July 2026)",
                "Action: Clerk – Ofsted letter to be filed",
            ],
        ),
        (
            ActionForm.OWNER_TO,
            [
                "Councillor Ashdown to send the revised policy to the trade (by 1 July 2026)",
                "Clerk to Ofsted letter to be filed",
            ],
        ),
        (
            ActionForm.LABEL_OWNER_TO,
            [
                "Action: Councillor Ashdown to send the revised policy to the trade "
                "(by 1 July 2026)",
                "Action: Clerk to Ofsted letter to be filed",
            ],
        ),
    ],
)
def test_an_action_line_reads_in_the_style_s_form(
    svc: Services,
    body: Body,
    meeting: Meeting,
    tmp_path: Path,
    form: ActionForm | None,
    expected: list[str],
) -> None:
    if form is not None:
        body.settings.style.action_form = form
        svc.save_body(body)
    item = meeting.items[0].id
    svc.add_action(
        meeting,
        item,
        "Send the revised policy to the trade",
        owner_id=pid(body, "Ashdown"),
        due=date(2026, 7, 1),
    )
    svc.add_action(meeting, item, "Ofsted letter to be filed", owner="Clerk")
    paras = _paras(_export(svc, meeting, tmp_path))
    assert [t for s, t in paras if s == "Clerk Action"] == expected


def test_an_action_owner_is_named_by_initials_where_the_attendance_table_gives_them(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    body.settings.style.action_form = ActionForm.OWNER_TO
    body.settings.style.attendance_layout = AttendanceLayout.TABLE
    svc.save_body(body)
    item = meeting.items[0].id
    svc.add_action(meeting, item, "Bring the fees to June", owner_id=pid(body, "Ashdown"))
    svc.add_action(meeting, item, "Publish the policy", owner="Gita Sand")  # typed in full
    svc.add_action(meeting, item, "Book the room", owner="Committee Services")
    paras = _paras(_export(svc, meeting, tmp_path))
    assert [t for s, t in paras if s == "Clerk Action"] == [
        "BA to bring the fees to June",
        "GS to publish the policy",
        "Committee Services to book the room",
    ]
