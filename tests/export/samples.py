"""Hand-built rendered documents for the export tests (a fictional council)."""

from __future__ import annotations

from clerk_app.domain.document import CharStyle, Document, Para, Run, Style, Table


def p(style: Style, text: str, label: str = "", restart: bool = False) -> Para:
    return Para(style, [Run(text)], label=label, restart=restart)


def every_style_document() -> Document:
    """One paragraph in each style (list styles twice), then a table."""
    elements: list[Para | Table] = []
    for style in Style:
        elements.append(p(style, f"Text in {style.value}", restart=True))
        if style.name.startswith(("POINT_", "CLAUSE_")):
            elements.append(p(style, f"Second in {style.value}"))
    elements.append(
        Table(
            header=["Councillor", "Vote"],
            rows=[["Cllr Amina Okafor", "For"], ["Cllr Jon Pellow", "Against"]],
            caption="Recorded vote",
        )
    )
    return Document(
        elements=elements,
        header_text="Harrowfield Borough Council – Planning Committee – 3 March 2026",
        footer_text="Minutes – Planning Committee",
        watermark="DRAFT",
        title="Planning Committee minutes",
    )


def realistic_document(watermark: str = "DRAFT") -> Document:
    """Two items as a clerk would produce them: the look check and the benchmarks."""
    kw = CharStyle.KEYWORD
    e: list[Para | Table] = [
        p(Style.TITLE, "Harrowfield Borough Council"),
        p(
            Style.SUBTITLE,
            "Minutes of a meeting of the Community Services Committee held in the "
            "Council Chamber, Harrowfield Civic Centre on Tuesday 3 March 2026 at 7.00 pm",
        ),
        p(Style.STATUS, "DRAFT – subject to approval at the next meeting"),
        p(Style.ATTENDANCE_HEADING, "Present:"),
        p(
            Style.ATTENDANCE,
            "Councillors Amina Okafor (Chair), Jon Pellow (Vice-Chair), Bridget Marsh, "
            "Dev Raman, Colin Tait and Harriet Yeo",
        ),
        p(Style.ATTENDANCE_HEADING, "Officers in attendance:"),
        p(
            Style.ATTENDANCE,
            "Sara Quint (Head of Community Services), Tom Hale (Democratic Services Officer)",
        ),
        p(Style.ATTENDANCE_HEADING, "Apologies:"),
        p(Style.ATTENDANCE, "Councillor Fiona Greaves"),
        p(Style.ITEM_HEADING, "Declarations of interest", label="41"),
        p(
            Style.DECLARATION,
            "Councillor Marsh declared an other registrable interest in minute 42 as a "
            "trustee of Harrowfield Youth Trust and left the room for that item.",
        ),
        p(Style.ITEM_HEADING, "Youth services review", label="42"),
        p(
            Style.PURPOSE,
            "To consider the outcome of the review of youth services and the proposed "
            "changes to opening hours at the three youth centres.",
        ),
        p(
            Style.NUMBERED_BODY,
            "The Head of Community Services introduced the report, explaining that "
            "attendance at the Eastgate centre had risen by a fifth since the autumn while "
            "the Millbrook centre remained under-used on weekday mornings.",
            label="42.1",
        ),
        p(
            Style.NUMBERED_BODY,
            "During discussion the following points were raised:",
            label="42.2",
        ),
        p(
            Style.POINT_BULLET,
            "members asked whether the evening sessions could be extended into the school "
            "holidays without further funding;",
            restart=True,
        ),
        p(Style.POINT_BULLET, "the transport link to Millbrook had been cut in January; and"),
        p(
            Style.POINT_BULLET,
            "the youth forum had asked to be consulted before any centre closed early.",
        ),
    ]
    late = p(Style.TIME_LINE, "Councillor Tait left the meeting.", label="7.48 pm")
    e.append(late)
    e.append(
        p(
            Style.NUMBERED_BODY,
            "The Chair thanked officers and moved the recommendations in the report.",
            label="42.3",
        )
    )
    e.append(p(Style.MOTION, "It was moved by Councillor Okafor, seconded by Councillor Raman and"))
    e.append(
        Para(
            Style.DECISION,
            [Run("RESOLVED", style=kw), Run(" – That the Committee:")],
        )
    )
    e += [
        p(
            Style.CLAUSE_NUMBER,
            "notes the findings of the youth services review;",
            restart=True,
        ),
        p(
            Style.CLAUSE_NUMBER,
            "approves the revised opening hours for Eastgate and Millbrook youth centres "
            "from 1 May 2026; and",
        ),
        p(
            Style.CLAUSE_NUMBER,
            "asks the Head of Community Services to report back on attendance in six months.",
        ),
        p(Style.VOTE, "(For 4, Against 1, Abstentions 0)"),
        Table(
            header=["Councillor", "Vote"],
            rows=[
                ["Amina Okafor", "For"],
                ["Jon Pellow", "Against"],
                ["Dev Raman", "For"],
                ["Colin Tait", "Absent"],
                ["Harriet Yeo", "For"],
            ],
            caption="Recorded vote",
        ),
        p(
            Style.ACTION,
            "Action: Head of Community Services to publish the new opening hours by 1 April 2026.",
        ),
        p(Style.CLOSING, "The meeting ended at 8.32 pm."),
        p(Style.SIGNATURE, "Signed\t\t Chair"),
        p(Style.SIGNATURE, "Date\t\t"),
    ]
    return Document(
        elements=e,
        header_text="Harrowfield Borough Council · Community Services Committee · 3 March 2026",
        footer_text="Community Services Committee minutes",
        watermark=watermark,
        title="Community Services Committee – 3 March 2026",
    )


def large_document(items: int = 40, blocks_per_item: int = 10) -> Document:
    """A long meeting: ``items`` items of ``blocks_per_item`` paragraphs each."""
    e: list[Para | Table] = [p(Style.TITLE, "Harrowfield Borough Council")]
    for i in range(1, items + 1):
        e.append(p(Style.ITEM_HEADING, f"Agenda item {i}", label=str(100 + i)))
        for b in range(1, blocks_per_item + 1):
            kind = b % 5
            if kind == 0:
                e.append(p(Style.CLAUSE_LETTER, f"clause {b} of item {i};", restart=b == 5))
            elif kind == 1:
                e.append(p(Style.POINT_BULLET, f"point {b} raised on item {i}", restart=True))
            else:
                e.append(
                    p(
                        Style.NUMBERED_BODY,
                        f"Paragraph {b} of item {i}: members discussed the report at length "
                        "and officers answered questions on costs and timing.",
                        label=f"{100 + i}.{b}",
                    )
                )
    return Document(elements=e, header_text="Harrowfield", footer_text="Minutes", watermark="DRAFT")
