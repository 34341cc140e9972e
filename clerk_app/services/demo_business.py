"""The business of the style demos whose body is not a council: a water company's
board, a literacy charity's board, an NHS trust board and a primary school's governing
board, each taking the reports and decisions such a body takes.

Every body, place, figure and person here is invented.
"""

from __future__ import annotations

from datetime import date

from clerk_app.domain.model import (
    Declaration,
    InterestConduct,
    LeadIn,
    Meeting,
    Paragraph,
    Points,
)
from clerk_app.services.demo_common import Business, Ids, carried
from clerk_app.services.service import Services

ACTION_DUE = date(2026, 4, 30)


def _noted(
    svc: Services, meeting: Meeting, item_id: str, what: str, lead_in: LeadIn = LeadIn.NOTED
) -> None:
    carried(svc, meeting, item_id, [what], lead_in=lead_in)


# --- Tarnwick Water Services Limited -------------------------------------------------

_ACCOUNTS = "Management accounts to 28 February 2026"
_DIVIDEND = "Final dividend for 2025"
_MAINS = "Ashby Road trunk main renewal contract"
_RISKS = "Corporate risk register"
_AOB = "Any other business"


def _company(svc: Services, meeting: Meeting, ids: Ids, items: dict[str, str]) -> None:
    svc.add_block(
        meeting,
        items[_ACCOUNTS],
        Paragraph(
            text="Mara Lind presented the management accounts. Revenue for the two months "
            "was £3.42m, 2% ahead of budget, and operating costs were £0.11m below budget, "
            "mainly because of lower electricity prices at the pumping stations. Net debt "
            "stood at £18.6m, within the covenant limit. The Board noted the accounts."
        ),
    )
    svc.add_block(
        meeting,
        items[_DIVIDEND],
        Paragraph(
            text="Mara Lind confirmed that the company’s distributable reserves at "
            "31 December 2025 were sufficient for the proposed dividend."
        ),
        index=0,
    )
    declarations = next(it.id for it in meeting.items if "declarations" in it.title)
    svc.add_block(
        meeting,
        declarations,
        Declaration(
            person_id=ids["Adair"],
            interest_type="conflict of interest",
            reason="as a non-executive director of Kelsall Civil Engineering Ltd",
            conduct=InterestConduct.NO_VOTE,
            scope="item 7 (the Ashby Road trunk main renewal contract)",
        ),
    )
    svc.add_block(
        meeting,
        items[_MAINS],
        Paragraph(
            text="Colm Adair, having declared an interest under item 2, took no part in "
            "the decision."
        ),
    )
    svc.add_block(
        meeting,
        items[_AOB],
        Paragraph(
            text="Jonah Okoro reminded directors that their annual declarations of "
            "interests were due to the Company Secretary by 30 April 2026."
        ),
    )


COMPANY = Business(
    agenda=(_ACCOUNTS, _DIVIDEND, _MAINS, _RISKS, _AOB),
    first=(
        _DIVIDEND,
        "a final dividend of 6.5p per ordinary share for the year ended 31 December 2025 "
        "be recommended to the shareholders at the annual general meeting on 21 May 2026",
    ),
    second=(
        _MAINS,
        "the contract for renewing the Ashby Road trunk main be awarded to Kelsall Civil "
        "Engineering Ltd for £1,958,400",
    ),
    discussion="The Board considered the tenders for renewing 2.3 km of trunk main on Ashby Road.",
    points=(
        "four tenders had been received; Kelsall Civil Engineering Ltd’s was the lowest "
        "and scored highest on quality",
        "the work would take fourteen weeks from June, with Ashby Road closed to through "
        "traffic at weekends only",
    ),
    third=(
        _RISKS,
        "the corporate risk register be approved, with the risk of a power failure at the "
        "Tarnwick treatment works raised from medium to high",
    ),
    action="Circulate the updated risk register to the Audit Committee",
    extra=_company,
    conflicted="Adair",
)

# --- Riverside Literacy Project ------------------------------------------------------

_DIRECTOR = "Executive Director’s report"
_GRANT = "Grant application to the Hartwell Family Foundation"
_LEASE = "Lease of classroom space at 40 Mill Street"
_COMMITTEES = "Committee appointments"


def _nonprofit(svc: Services, meeting: Meeting, ids: Ids, items: dict[str, str]) -> None:
    svc.add_block(
        meeting,
        items[_DIRECTOR],
        Points(
            intro="Alma Reyes presented the Executive Director’s report:",
            points=[
                "212 adult learners were enrolled this quarter, up from 168 a year ago",
                "the waiting list for evening tutoring stood at 41",
                "the annual fundraising breakfast would be held on June 6, 2026",
            ],
        ),
    )
    svc.add_block(
        meeting,
        items[_GRANT],
        Paragraph(
            text="Alma Reyes explained that the Foundation funds adult literacy programs "
            "for up to two years and that applications close on April 15."
        ),
        index=0,
    )


NONPROFIT = Business(
    agenda=(_DIRECTOR, _GRANT, _LEASE, _COMMITTEES),
    first=(
        _GRANT,
        "the Executive Director submit an application to the Hartwell Family Foundation "
        "for $40,000 over two years for the evening tutoring program",
    ),
    second=(
        _LEASE,
        "the Executive Director be authorized to sign a three-year lease of the second "
        "floor of 40 Mill Street at $1,850 a month",
    ),
    discussion="The board discussed the lease offered for the second floor of 40 Mill Street.",
    points=(
        "the space would seat three tutoring groups at once and clear the waiting list",
        "the rent would be met from the program budget for the first year",
    ),
    third=(
        _COMMITTEES,
        "Tomas Brandt be appointed to the Finance and Audit Committee and Colm Adair to "
        "the Governance Committee, each for a term ending December 31, 2026",
    ),
    action="Update the committee roster on the website",
    extra=_nonprofit,
)

# --- Harwick Community NHS Trust -----------------------------------------------------

_PERFORMANCE = "Integrated performance report"
_MATERNITY = "Quality and safety: maternity improvement plan"
_DIAGNOSTICS = "Business case: Harwick community diagnostic centre"
_ASSURANCE = "Board assurance framework"


def _nhs(svc: Services, meeting: Meeting, ids: Ids, items: dict[str, str]) -> None:
    svc.add_block(
        meeting,
        items[_PERFORMANCE],
        Paragraph(
            text="Mara Lind introduced the report for February. Community waiting times "
            "had fallen for the fourth month running, and 92% of urgent community "
            "response referrals had been seen within two hours. Jonah Okoro asked about "
            "the rise in staff sickness; he was told it reflected the winter peak and had "
            "eased in March."
        ),
    )
    _noted(svc, meeting, items[_PERFORMANCE], "the integrated performance report", LeadIn.RECEIVED)
    svc.add_block(
        meeting,
        items[_MATERNITY],
        Paragraph(
            text="The Board considered the plan drawn up after the review of the birth "
            "centre at Harwick. Elise Nakamura questioned whether the plan’s staffing "
            "targets could be met by the autumn."
        ),
        index=0,
    )


NHS = Business(
    agenda=(_PERFORMANCE, _MATERNITY, _DIAGNOSTICS, _ASSURANCE),
    first=(
        _MATERNITY,
        "the maternity improvement plan be approved for submission to the Integrated Care Board",
    ),
    second=(
        _DIAGNOSTICS,
        "the full business case for the Harwick community diagnostic centre, with a "
        "capital cost of £8.6m, be approved",
    ),
    discussion="Directors discussed the full business case.",
    points=(
        "£7.9m of the capital would come from national funding and £0.7m from the "
        "Trust’s own capital plan",
        "the centre would offer 95,000 tests a year from spring 2027",
    ),
    third=(
        _ASSURANCE,
        "the board assurance framework be approved, with the workforce risk raised to "
        "a score of 16",
    ),
    action="Send the revised framework to the chairs of the Board’s committees",
    extra=_nhs,
)

# --- Thornbury Lane Primary School ---------------------------------------------------

_HEAD = "Headteacher’s report"
_PLAN = "School improvement plan"
_SAFEGUARDING = "Safeguarding"
_POLICIES = "Policy review"
_LINKS = "Link governors"


def _school(svc: Services, meeting: Meeting, ids: Ids, items: dict[str, str]) -> None:
    svc.add_block(
        meeting,
        items[_HEAD],
        Points(
            intro="The headteacher’s report had been circulated. In answer to governors’ "
            "questions it was reported that:",
            points=[
                "attendance for the spring term so far was 95.1%, against 94.6% a year ago",
                "two pupils had been persistently absent and were being supported",
                "41 pupils would go on the Year 6 residential trip in June",
            ],
        ),
    )
    svc.add_block(
        meeting, items[_HEAD], Paragraph(text="Governors thanked the headteacher and staff.")
    )
    svc.add_block(
        meeting,
        items[_PLAN],
        Paragraph(
            text="Governors reviewed progress against the plan’s three priorities: early "
            "reading, maths fluency and attendance. Elise Nakamura asked how the reading "
            "priority would be measured; the headteacher said by the phonics check and "
            "termly reading ages."
        ),
        index=0,
    )
    svc.add_block(
        meeting,
        items[_SAFEGUARDING],
        Points(
            intro="Elise Nakamura, the safeguarding governor, reported that:",
            points=[
                "she had checked the single central record on 10 March and found it complete",
                "every member of staff had completed the annual safeguarding update",
            ],
        ),
    )


SCHOOL = Business(
    agenda=(_HEAD, _PLAN, _SAFEGUARDING, _POLICIES, _LINKS),
    first=(_PLAN, "the school improvement plan for 2026–27 be approved"),
    second=(
        _POLICIES,
        "the revised behaviour policy and the charging and remissions policy be adopted",
    ),
    discussion="Governors considered the revised policies.",
    points=(
        "the behaviour policy now asks pupils to hand in mobile phones at the start of the day",
        "the charging and remissions policy was unchanged apart from the charge for music tuition",
    ),
    third=(
        _LINKS,
        "Colm Adair be link governor for special educational needs and Greta Vance for "
        "the early years",
    ),
    action="Arrange the link governors’ first visits with the headteacher",
    extra=_school,
)

BOARDS = {
    "company-board": COMPANY,
    "us-nonprofit-board": NONPROFIT,
    "nhs-board": NHS,
    "school-governing-board": SCHOOL,
}
