"""A school's full governing board and an NHS trust board meeting in public, exported
out of the box and read back from the .docx: the words, order, tables and styles their
clerks would sign."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_app.domain.document import Version
from clerk_app.domain.model import BodyKind
from clerk_app.domain.presets import preset_settings, style_presets
from clerk_app.services import Services
from clerk_app.services.demo_boards import create_nhs_demo, create_school_demo
from clerk_app.services.demo_styles import create_style_demo

Styled = list[tuple[str, str]]


def exported(
    svc: Services, school: bool, tmp_path: Path, version: Version = Version.FULL
) -> tuple[Styled, list[list[list[str]]], str]:
    meeting = create_school_demo(svc) if school else create_nhs_demo(svc)
    out = tmp_path / f"board-{version.value}.docx"
    svc.export(meeting, out, version)
    document = docx.Document(str(out))
    paras = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    return paras, tables, footer


def texts(paras: Styled) -> list[str]:
    return [t for _s, t in paras]


def test_both_board_styles_are_offered_and_given_to_new_bodies() -> None:
    offered = {sid: kind for sid, _label, kind in style_presets()}
    assert offered["school-governing-board"] is BodyKind.SCHOOL
    assert offered["nhs-board"] is BodyKind.NHS_BOARD
    assert preset_settings(BodyKind.SCHOOL).style.name == "School governing board"
    assert preset_settings(BodyKind.NHS_BOARD).style.name == "NHS trust board"


@pytest.mark.parametrize("version", [Version.FULL, Version.PUBLIC])
def test_school_full_governing_board(svc: Services, tmp_path: Path, version: Version) -> None:
    paras, tables, footer = exported(svc, True, tmp_path, version)
    lines = texts(paras)
    # the governors in a table of name, category and initials; the clerk "in attendance"
    governors, clerk = tables
    assert governors[0] == ["Name", "Category", "Initials"]
    assert governors[1] == ["Priya Haldane", "Co-opted Governor, Chair of Governors", "PH"]
    assert ["Miriam Ashby", "Headteacher", "MA"] in governors
    assert clerk[1] == ["Harriet Blythe", "Clerk to the Governors", "HB"]
    assert "In attendance:" in lines and "Officers in attendance:" not in lines
    # absence without apologies as a line after the tables; the apologies once, under
    # the apologies item, as governing boards' minutes give them
    assert lines[lines.index("Absent:") + 1] == "Daniel Okafor (DO)"
    assert "Apologies for absence:" not in lines
    apologies = [t for t in lines if "pologies had been received from FR" in t]
    assert len(apologies) == 1 and "(work commitments)" in apologies[0]
    # titles as typed, in the order governors expect
    headings = [t for s, t in paras if s == "Clerk Item Heading"]
    assert headings == [
        "1\tWelcome, apologies and quorum",
        "2\tDeclarations of business and pecuniary interests",
        "3\tMinutes of the previous meeting",
        "4\tMatters arising and actions",
        "5\tHeadteacher’s report",
        "6\tPolicies for approval",
        "7\tDate of the next meeting",
        # Part B: its title in the full minutes, its public heading in the public ones
        "8\tPay committee recommendations" if version is Version.FULL else "8\tStaffing matter",
    ]
    assert any(t.startswith("Governors were asked to declare") for t in lines)
    assert (
        "Clerk Decision",
        "DECISION: That the Part A minutes of the meeting held on 27 January 2026 be "
        "approved as a true and accurate record and signed by the Chair.",
    ) in paras
    # proposer and seconder by initials, then the decision, agreed
    at = lines.index("Proposed by GM and seconded by SQ.")
    assert lines[at + 1 : at + 5] == [
        "DECISION: That",
        "the Charging and Remissions Policy be approved; and",
        "the Accessibility Plan 2026–2029 be approved.",
        "Agreed unanimously.",
    ]
    # governors' questions, each followed by its answer; the report noted, no vote line
    asked = [t for s, t in paras if s == "Clerk Body" and t[:3] in ("Q:\t", "A:\t")]
    assert [t[:2] for t in asked] == ["Q:", "A:"] * 3
    assert asked[0] == "Q:\tWhy had persistent absence risen in Year 4?"
    noted = lines.index("Governors NOTED the Headteacher’s report.")
    assert lines[noted + 1] == "The Chair thanked MA for her report."
    # actions as the clerk writes them: "Action: MA to bring …", by the owner's initials
    actions = [t for s, t in paras if s == "Clerk Action"]
    assert actions == [
        "Action: MA to bring the phonics assessment results to the summer meeting "
        "(by 16 June 2026)",
        "Action: HB to publish both policies on the school website (by 27 March 2026)",
    ]
    assert "Carried unanimously." not in lines and "Agreed." not in lines
    assert "Chair’s initials" in footer and "Governors’s" not in footer
    part_b = lines[lines.index("PART B – CONFIDENTIAL BUSINESS") + 2 :]
    if version is Version.PUBLIC:
        assert part_b[:3] == [
            "This item was taken in confidential session.",
            "Proposed by OT and seconded by GM, and agreed.",
            "Governors made a decision on this item, which is recorded in the confidential "
            "Part B minutes.",
        ]
        assert "pay committee" not in "\n".join(lines).casefold()
    else:
        assert part_b[0] == "7.30 pm\tLF left the room."
        assert part_b[1].startswith("GM, who chairs the pay committee, presented")
        assert part_b[2] == "Proposed by OT and seconded by GM."


def test_an_nhs_board_header_gives_the_start_alone_until_the_meeting_ends(
    svc: Services, tmp_path: Path
) -> None:
    meeting = create_nhs_demo(svc)
    meeting.end_time = None
    svc.update_meeting(meeting)
    out = tmp_path / "open.docx"
    svc.export(meeting, out, Version.FULL)
    header = docx.Document(str(out)).paragraphs[2].text
    assert header.endswith(
        "held in public at the Boardroom, Wyvern Valley Hospital on Thursday 28 May 2026, 10:00"
    )


@pytest.mark.parametrize("version", [Version.FULL, Version.PUBLIC])
def test_nhs_board_in_public(svc: Services, tmp_path: Path, version: Version) -> None:
    paras, tables, footer = exported(svc, False, tmp_path, version)
    lines = texts(paras)
    assert lines[2] == (
        "Minutes of a meeting of the Board of Directors held in public at the Boardroom, "
        "Wyvern Valley Hospital on Thursday 28 May 2026, 10:00 – 12:15"
    )
    members, also, officers = tables
    assert members[0] == ["Name", "Role", "Initials", "Part meeting"]
    # the chair's title is not printed twice where the post already gives it
    assert members[1] == ["Catherine Moreau", "Chair", "CM", ""]
    assert members[2][1] == "Non-Executive Director, Vice-Chair"
    assert ["Dr Ravi Menon", "Medical Director", "RM", "Left 11:40, item 26/007"] in members
    assert also[1][:2] == ["Alys Penrose", "Public Governor"]
    assert officers[1][:2] == ["Martin Keble", "Company Secretary"]
    assert lines[lines.index("Members:") + 1] == "Also present:"
    assert "In attendance:" in lines
    # the apologies once, under the first item, as trust boards' minutes give them
    assert "Apologies for absence:" not in lines
    assert [t for t in lines if "Helen Obi" in t] == [
        "Apologies were received from Helen Obi, Non-Executive Director."
    ]
    assert lines.index("Apologies were received from Helen Obi, Non-Executive Director.") > (
        lines.index("26/001\tChair’s welcome and apologies")
    )
    headings = [t for s, t in paras if s == "Clerk Item Heading"]
    assert headings[0] == "26/001\tChair’s welcome and apologies"
    # the public's questions taken once, before the business, not again at the end
    assert headings[2] == "26/003\tQuestions from the public"
    assert [h for h in headings if h.endswith("Questions from the public")] == [headings[2]]
    assert headings[-2:] == [
        "26/008\tFinance report: month 1",
        "26/009\tDate of the next meeting",
    ]
    at = lines.index(
        "A member of the public asked when the car park works would finish. "
        "Declan Price said the new spaces would open in September."
    )
    assert at < lines.index("26/004\tMinutes of the previous meeting")
    decisions = [t for s, t in paras if s == "Clerk Decision"]
    assert decisions == [
        "The Board RESOLVED that the minutes of the meeting held on 26 March 2026 be "
        "approved as a correct record.",
        "The Board NOTED the Chief Executive’s report.",
        # a report received is a decision of its own, not a paragraph typed as one
        "The Board RECEIVED the integrated quality and performance report.",
        "The Board RESOLVED that the capital plan for 2026/27 be approved.",
    ]
    assert "Agreed without a vote." not in lines
    # an action by the director's initials, the verb after "to" in lower case
    assert [t for s, t in paras if s == "Clerk Action"] == [
        "AR to report the effect of the pay award on the forecast (by 30 July 2026)"
    ]
    assert "The meeting ended at 12:15." in lines
    assert "initials" not in footer


@pytest.mark.parametrize(
    ("style_id", "proposed", "decision"),
    [
        (
            "school-governing-board",
            "Proposed by JO and seconded by ML.",
            "DECISION: That the school improvement plan for 2026–27 be approved.",
        ),
        (
            "nhs-board",
            "Proposed by Jonah Okoro and seconded by Mara Lind.",
            "The Board RESOLVED that the maternity improvement plan be approved for "
            "submission to the Integrated Care Board.",
        ),
    ],
)
def test_a_moved_motion_reads_as_a_sentence_before_the_decision(
    svc: Services, tmp_path: Path, style_id: str, proposed: str, decision: str
) -> None:
    meeting = create_style_demo(svc, style_id)
    out = tmp_path / "style.docx"
    svc.export(meeting, out, Version.FULL)
    paras = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs if p.text]
    at = paras.index(("Clerk Motion", proposed))
    assert paras[at + 1] == ("Clerk Decision", decision)
    # no opening left hanging on "and" before a lead-in that is a sentence of its own
    assert not [t for s, t in paras if s == "Clerk Motion" and t.endswith(" and")]


def test_the_last_line_keeps_the_signature_company(svc: Services, tmp_path: Path) -> None:
    out = tmp_path / "board.docx"
    svc.export(create_nhs_demo(svc), out, Version.FULL)
    paras = [p for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    signed = next(i for i, p in enumerate(paras) if p.text.startswith("Signed"))
    last = paras[signed - 1]
    assert last.text == "The meeting ended at 12:15."
    assert last.paragraph_format.keep_with_next is True  # never a signature on its own page
