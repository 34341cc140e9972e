"""Public participation and planning applications: worded as a clerk writes them, for a
planning committee deciding and a parish council responding, kept, checked, exported."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Para, Style, Version
from clerk_app.domain.model import (
    Body,
    Meeting,
    PlanningApplication,
    PlanningDecision,
    PublicParticipation,
    Speaker,
    SpeakerCapacity,
    Stance,
)
from clerk_app.domain.render import RenderContext, render_block, render_minutes
from clerk_app.domain.review import describe_block
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError
from clerk_app.services.rules import record_problems

HALE = Speaker(
    "Mrs Hale", SpeakerCapacity.RESIDENT, "", Stance.AGAINST, "raising concerns about lorries"
)


def _lines(block: object, meeting: Meeting, body: Body) -> list[tuple[str, str]]:
    ctx = RenderContext.for_item(meeting, body, meeting.items[0])
    return [(el.style.value, el.text) for el in render_block(block, ctx) if isinstance(el, Para)]  # type: ignore[arg-type]


def test_speakers_are_worded_as_the_clerk_would_write_them(body: Body, meeting: Meeting) -> None:
    block = PublicParticipation(
        subject="the proposed speed limit",
        speakers=[
            HALE,
            Speaker("Mr Pike", SpeakerCapacity.OTHER, "for the Village Society", Stance.FOR),
            Speaker("", SpeakerCapacity.RESIDENT, "", Stance.NEUTRAL, "She asked about the bins."),
            Speaker(),  # nothing typed: nothing printed
        ],
    )
    assert [t for _s, t in _lines(block, meeting, body)] == [
        "Mrs Hale, a local resident, spoke against the proposed speed limit, raising concerns "
        "about lorries.",
        "Mr Pike, for the Village Society, spoke in support of the proposed speed limit.",
        "A member of the public, a local resident, addressed the meeting on the proposed speed "
        "limit. She asked about the bins.",
    ]
    assert _lines(PublicParticipation(), meeting, body) == [
        (Style.BODY.value, "No members of the public spoke.")
    ]
    assert "Mrs Hale (resident, against): raising concerns about lorries" in describe_block(block)


def test_a_planning_committee_grants_permission_with_numbered_conditions(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    body.settings.lead_in = "RESOLVED: that"
    svc.save_body(body)
    app = PlanningApplication(
        reference="26/00412/FUL",
        site="Orchard House, Mill Lane",
        applicant="Mr and Mrs Okafor",
        proposal="Two-storey rear extension",
        recommendation="Approve subject to conditions",
        speakers=[Speaker("Mr Dunn", SpeakerCapacity.AGENT, "", Stance.FOR)],
        decision=PlanningDecision.APPROVE,
        conditions=["Begin within three years", "Materials to match the house"],
    )
    svc.add_block(meeting, meeting.items[0].id, app)
    again = svc.get_meeting(meeting.id)
    assert again.items[0].blocks[-1] == app
    doc = render_minutes(again, svc.get_body(body.id), Version.FULL)
    mine = [(p.style, p.text) for p in doc.elements if isinstance(p, Para) and p.block_id == app.id]
    assert mine == [
        (Style.SUB_HEADING, "26/00412/FUL – Orchard House, Mill Lane"),
        (Style.BODY, "Proposal: Two-storey rear extension."),
        (Style.BODY, "Applicant: Mr and Mrs Okafor."),
        (Style.BODY, "Officer’s recommendation: Approve subject to conditions."),
        (Style.BODY, "Mr Dunn, the applicant’s agent, spoke in support of the application."),
        (
            Style.DECISION,
            "RESOLVED: that planning permission be GRANTED subject to the following conditions:",
        ),
        (Style.CLAUSE_NUMBER, "Begin within three years."),
        (Style.CLAUSE_NUMBER, "Materials to match the house."),
    ]
    path = svc.export(again, tmp_path / "m.docx", Version.FULL)
    paras = docx.Document(str(path)).paragraphs
    decision = next(p for p in paras if "GRANTED" in p.text)
    assert decision.style.name == Style.DECISION.value
    assert {r.text for r in decision.runs if r.style.name == "Clerk Keyword"} == {
        "RESOLVED",
        "GRANTED",
    }
    conditions = [p for p in paras if p.style.name == Style.CLAUSE_NUMBER.value]
    assert [p.text for p in conditions] == [
        "Begin within three years.",
        "Materials to match the house.",
    ]


@pytest.mark.parametrize(
    ("decision", "reasons", "words"),
    [
        (
            PlanningDecision.NO_OBJECTION,
            "",
            ["RESOLVED – That the Committee raise NO OBJECTION to the application."],
        ),
        (
            PlanningDecision.OBJECTION,
            "the extension would overlook the neighbouring garden",
            [
                "RESOLVED – That the Committee OBJECT to the application because the extension "
                "would overlook the neighbouring garden."
            ],
        ),
        (
            PlanningDecision.REFUSE,
            "Overdevelopment of the site\nHarm to the conservation area",
            [
                "RESOLVED – That planning permission be REFUSED for the following reasons:",
                "Overdevelopment of the site.",
                "Harm to the conservation area.",
            ],
        ),
        (
            PlanningDecision.SITE_VISIT,
            "to see the access from the lane",
            [
                "RESOLVED – That consideration of the application be DEFERRED for a SITE VISIT "
                "to see the access from the lane."
            ],
        ),
        (PlanningDecision.PENDING, "", []),
    ],
)
def test_the_wording_follows_the_decision(
    body: Body, meeting: Meeting, decision: PlanningDecision, reasons: str, words: list[str]
) -> None:
    app = PlanningApplication(decision=decision, reasons=reasons)
    assert [t for _s, t in _lines(app, meeting, body)] == words


def test_a_parish_council_words_its_response_in_its_own_phrases(
    body: Body, meeting: Meeting
) -> None:
    body.settings.lead_in = "RESOLVED:"
    body.settings.phrases = {
        "planning.decision.no_objection": "{lead_in} no objection",
        "planning.decision.objection": "The {body_word} objects",
    }
    no = PlanningApplication(decision=PlanningDecision.NO_OBJECTION)
    assert [t for _s, t in _lines(no, meeting, body)] == ["RESOLVED: no objection."]
    why = PlanningApplication(
        decision=PlanningDecision.OBJECTION, reasons="of the loss of the hedge"
    )
    assert [t for _s, t in _lines(why, meeting, body)] == [
        "The Committee objects because of the loss of the hedge."
    ]


def test_conditions_only_with_a_decision_that_takes_them(
    svc: Services, body: Body, meeting: Meeting
) -> None:
    bad = PlanningApplication(decision=PlanningDecision.REFUSE, conditions=["Landscaping"])
    with pytest.raises(ServiceError) as caught:
        svc.add_block(meeting, meeting.items[0].id, bad)
    assert caught.value.field == "conditions"
    meeting.items[0].blocks.append(bad)
    assert any(".blocks[0].conditions:" in p for p in record_problems(body, meeting))
    typed_first = PlanningApplication(conditions=["Landscaping"])  # decision not yet chosen
    svc.add_block(svc.get_meeting(meeting.id), meeting.items[0].id, typed_first)


def test_the_decision_sheet_carries_each_decided_application(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    item = meeting.items[0]
    svc.add_block(
        meeting,
        item.id,
        PlanningApplication(
            reference="26/00342/FUL",
            site="Land east of Bowling Green Lane",
            proposal="Six dwellings",
            speakers=[HALE],
            decision=PlanningDecision.REFUSE,
            reasons="Harm to the character of the lane",
        ),
    )
    svc.add_block(meeting, item.id, PlanningApplication(reference="26/00400/HOU"))  # undecided
    path = svc.export_decision_sheet(svc.get_meeting(meeting.id), tmp_path / "d.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "26/00342/FUL – Land east of Bowling Green Lane" in text
    assert "planning permission be REFUSED for the following reason: Harm to the" in text
    assert "Six dwellings" not in text and "Mrs Hale" not in text  # decisions only
    assert "26/00400/HOU" not in text
