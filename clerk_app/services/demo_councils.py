"""The business of the councils' style demos, each its own place's: a township's
zoning and gravel roads, an Irish county's roads programme, a Scottish committee's
asset transfer, a community council's planning comments and windfarm fund, an
Australian shire's development application, a New Zealand district's bylaw.

Every body, place, figure and person here is invented.
"""

from __future__ import annotations

from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.services.demo_common import Business, Extra, Ids
from clerk_app.services.service import Services


def _said(title: str, text: str) -> Extra:
    """Nothing of its own to add but a paragraph before the first decision."""

    def fill(svc: Services, meeting: Meeting, ids: Ids, items: dict[str, str]) -> None:
        svc.add_block(meeting, items[title], Paragraph(text=text))

    return fill


_ZONING = "Zoning By-law Amendment Z-02/26, 2270 Sideroad 15"
_GRAVEL = "Tender PW-2026-03: gravel resurfacing"
_FAIR = "Pellham Ridge Agricultural Society: community grant"
ONTARIO = Business(
    agenda=(_ZONING, _GRAVEL, _FAIR),
    first=(
        _ZONING,
        "the application for Zoning By-law Amendment Z-02/26 at 2270 Sideroad 15, to permit "
        "a farm winery and tasting room, be approved and the amending by-law be brought "
        "forward",
    ),
    second=(
        _GRAVEL,
        "Tender PW-2026-03 for gravel resurfacing be awarded to Dunmore Aggregates Ltd. in "
        "the amount of $412,300 plus HST",
    ),
    discussion="Council discussed the tenders received.",
    points=(
        "three tenders were received; Dunmore Aggregates Ltd. was the lowest compliant bidder",
        "Concession Roads 4 and 7 would be resurfaced by July 31",
    ),
    third=(
        _FAIR,
        "a community grant of $2,500 be provided to the Pellham Ridge Agricultural Society "
        "toward the 2026 fall fair",
    ),
    action="Send the grant agreement to the Agricultural Society",
    extra=_said(
        _ZONING,
        "The Planner reported that the public meeting had been held on March 3, 2026 and "
        "that two written comments, both about traffic on Sideroad 15, had been received.",
    ),
)

_KNOCKBRACK = "Disposal of land at Knockbrack"
_ROADS = "Annual Roads Programme 2026"
_CLUAIN = "Taking in charge of Cluain Ard, Ballinacurra"
IRISH = Business(
    agenda=(_KNOCKBRACK, _ROADS, _CLUAIN),
    first=(
        _KNOCKBRACK,
        "the disposal of 0.4 hectares at Knockbrack to Knockbrack GAA Club for €1, as set "
        "out in the notice circulated to Members, be approved",
    ),
    second=(_ROADS, "the Annual Roads Programme 2026 be adopted"),
    discussion="Members discussed the programme presented by the Director of Services.",
    points=(
        "the programme provided for 86 km of resurfacing and surface dressing",
        "€1.2m of the grant allocation was for the R687 and R692 regional roads",
    ),
    third=(_CLUAIN, "the housing estate at Cluain Ard, Ballinacurra be taken in charge"),
    action="Publish the notice of taking in charge",
)

_PAVILION = "Community asset transfer: Kilbride bowling pavilion"
_PLAY = "Play park investment 2026/27"
_GALA = "Common Good Fund: Glenlorne Gala"
SCOTTISH = Business(
    agenda=(_PAVILION, _PLAY, _GALA),
    first=(
        _PAVILION,
        "to agree the transfer of the Kilbride bowling pavilion to Kilbride Community Trust "
        "on a 25-year lease at a nominal rent",
    ),
    second=(_PLAY, "to approve the play park investment programme for 2026/27"),
    discussion="Members discussed the report by the Head of Communities.",
    points=(
        "eleven play parks would be renewed at a cost of £640,000",
        "the parks had been ranked by condition and by how many children lived nearby",
    ),
    third=(
        _GALA,
        "to award £1,500 from the Glenlorne Common Good Fund to the Glenlorne Gala "
        "Committee for the 2026 gala day",
    ),
    action="Write to the Gala Committee with the conditions of grant",
)

_LODGES = "Planning application 26/00312/FUL, Braeside Farm"
_FUND = "Inverbrae Windfarm Community Fund"
_BASKETS = "Summer floral displays"
COMMUNITY = Business(
    agenda=(_LODGES, _FUND, _BASKETS),
    first=(
        _LODGES,
        "the Community Council object to application 26/00312/FUL for six holiday lodges "
        "at Braeside Farm, on the grounds of road safety at the farm road end",
    ),
    second=(
        _FUND,
        "grants be made to Inverbrae Toddlers, the Village Hall Committee and the "
        "Bowling Club as the fund panel recommended",
    ),
    discussion="Members discussed the fund panel’s recommendations.",
    points=(
        "six applications had been received for the spring round",
        "£14,200 was available, and the three recommended grants came to £13,650",
    ),
    third=(
        _BASKETS,
        "the Community Council pay for twelve hanging baskets on the Main Street this summer",
    ),
    action="Order the hanging baskets from Brae Nurseries",
)

_JETTY = "Development Application DA 2025/184, 12 Jetty Road"
_SEALING = "Tender RFT 04/2026: Coast Road sealing"
_GRANTS = "Community grants, round 1 2026"
AUSTRALIA = Business(
    agenda=(_JETTY, _SEALING, _GRANTS),
    first=(
        _JETTY,
        "Development Application DA 2025/184 for a two-storey shop and three units at "
        "12 Jetty Road, Kestrel Bay, be approved subject to the conditions in the report",
    ),
    second=(
        _SEALING,
        "Council accept the tender of Banksia Civil Pty Ltd for sealing Coast Road, for "
        "$1.86 million (excluding GST)",
    ),
    discussion="Councillors discussed the tender evaluation.",
    points=(
        "five tenders were received and Banksia Civil Pty Ltd scored highest",
        "the work would be done outside the summer holidays",
    ),
    third=(
        _GRANTS,
        "Council award community grants totalling $18,400 to the seven groups listed in the report",
    ),
    action="Write to the successful applicants",
)

_DOGS = "Draft Dog Control Bylaw 2026"
_WASTEWATER = "Contract 2026-11: Tōtara Street wastewater renewals"
_WALKWAY = "Te Awa walkway extension"
NEW_ZEALAND = Business(
    agenda=(_DOGS, _WASTEWATER, _WALKWAY),
    first=(
        _DOGS,
        "the draft Dog Control Bylaw 2026 be adopted for public consultation under the "
        "special consultative procedure",
    ),
    second=(
        _WASTEWATER,
        "Contract 2026-11 for the Tōtara Street wastewater renewals be awarded to Pūriri "
        "Civil Limited for $2.34 million (excluding GST)",
    ),
    discussion="Members discussed the tender evaluation.",
    points=(
        "four tenders were received; Pūriri Civil Limited offered the best value",
        "the pipes being replaced were laid in 1958",
    ),
    third=(
        _WALKWAY,
        "Council approve $120,000 from the reserves contributions fund for the Te Awa "
        "walkway extension",
    ),
    action="Tell the Te Awa Walkway Trust of the Council’s decision",
)

COUNCILS = {
    "ontario-council": ONTARIO,
    "irish-local-authority": IRISH,
    "irish-local-authority-gaeilge": IRISH,
    "scottish-council-committee": SCOTTISH,
    "community-council": COMMUNITY,
    "community-council-gaidhlig": COMMUNITY,
    "anz-council": AUSTRALIA,
    "anz-council-te-reo": NEW_ZEALAND,
}
