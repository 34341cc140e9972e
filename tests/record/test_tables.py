"""Tables in the minutes: a schedule of payments with a total of a money column, pasted
from a spreadsheet, kept, checked and exported as a real Word table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH

from clerk_app.domain.document import Table, TableStyle, Version
from clerk_app.domain.model import Body, DataTable, Meeting
from clerk_app.domain.money import format_amount, parse_amount
from clerk_app.domain.render import render_minutes
from clerk_app.domain.review import describe_block
from clerk_app.domain.tables import parse_pasted
from clerk_app.export.template import default_template
from clerk_app.services import Services
from clerk_app.services.errors import ServiceError
from clerk_app.services.rules import record_problems

PAYMENTS = DataTable(
    caption="Payments for approval",
    columns=["Payee", "Purpose", "Amount", "Reference"],
    rows=[
        ["Hollins Grounds Ltd", "Grass cutting, May", "£1,250.00", "BACS 0412"],
        ["Brackenford Village Hall", "Room hire", "£84.50", "Chq 100233"],
        ["J Cole", "Clerk's expenses (refund)", "(£12.00)", "BACS 0413"],
    ],
    money_columns=[2],
    total_column=2,
)


def test_a_payments_schedule_is_kept_totalled_and_exported_as_a_word_table(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    item = meeting.items[0]
    svc.add_block(meeting, item.id, PAYMENTS)
    again = svc.get_meeting(meeting.id)
    (kept,) = [b for b in again.items[0].blocks if isinstance(b, DataTable)]
    assert kept == PAYMENTS
    doc = render_minutes(again, body, Version.FULL)
    (table,) = [el for el in doc.elements if isinstance(el, Table)]
    assert table.header == PAYMENTS.columns
    assert table.rows[-1] == ["", "Total", "£1,322.50", ""]
    assert table.right == [2] and table.total and table.style is TableStyle.SCHEDULE
    path = svc.export(again, tmp_path / "m.docx", Version.FULL)
    word = docx.Document(str(path))
    (wt,) = word.tables
    assert wt.style.name == TableStyle.SCHEDULE.value
    assert [c.text for c in wt.rows[0].cells] == PAYMENTS.columns
    assert wt.rows[2].cells[0].text == "Brackenford Village Hall"
    amount = wt.rows[1].cells[2].paragraphs[0]
    assert amount.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert wt.rows[1].cells[0].paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
    total = wt.rows[-1].cells[2].paragraphs[0]
    assert total.text == "£1,322.50" and all(r.bold for r in total.runs)
    assert not any(r.bold for r in wt.rows[1].cells[2].paragraphs[0].runs)
    assert "Payments for approval" in [p.text for p in word.paragraphs]
    assert "Hollins Grounds Ltd | Grass cutting, May" in describe_block(kept)


def test_the_house_style_has_the_schedule_table_style() -> None:
    styles = {s.name: s.type for s in docx.Document(str(default_template())).styles}
    assert styles.get(TableStyle.SCHEDULE.value) == WD_STYLE_TYPE.TABLE


def test_a_council_template_without_the_table_style_still_exports(
    svc: Services, body: Body, meeting: Meeting, tmp_path: Path
) -> None:
    word = docx.Document(str(default_template()))
    style = word.styles[TableStyle.SCHEDULE.value]
    style.element.getparent().remove(style.element)
    own = tmp_path / "council.docx"
    word.save(str(own))
    body.settings.template_path = str(own)
    svc.save_body(body)
    svc.add_block(meeting, meeting.items[0].id, PAYMENTS)
    path = svc.export(svc.get_meeting(meeting.id), tmp_path / "m.docx", Version.FULL)
    (wt,) = docx.Document(str(path)).tables
    assert wt.style.name == "Table Grid"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"total_column": 1, "money_columns": [2]}, "total_column"),
        ({"money_columns": [7], "total_column": None}, "money_columns"),
        ({"rows": [["A", "B", "twelve pounds", "C"]]}, "rows[0][2]"),
        ({"rows": [["A", "B", "1.00", "C", "extra"]]}, "rows"),
        ({"columns": [str(n) for n in range(13)], "rows": []}, "columns"),
    ],
)
def test_the_window_and_a_file_refuse_the_same_impossible_tables(
    svc: Services, body: Body, meeting: Meeting, change: dict[str, object], field: str
) -> None:
    bad = DataTable(**{**PAYMENTS.__dict__, "id": "t1", **change})  # type: ignore[arg-type]
    with pytest.raises(ServiceError) as caught:
        svc.add_block(meeting, meeting.items[0].id, bad)
    assert caught.value.field == field
    meeting.items[0].blocks.append(bad)
    problems = record_problems(body, meeting)
    assert any(p.startswith(f"meeting.items[0].blocks[0].{field}:") for p in problems), problems


def test_amounts_as_clerks_type_them() -> None:
    assert parse_amount("£1,250.00") == Decimal("1250.00")
    assert parse_amount("84.5") == Decimal("84.5")
    assert parse_amount("(12.00)") == Decimal("-12.00")
    assert parse_amount("-£3") == Decimal(-3)
    assert parse_amount("") == 0
    assert parse_amount("12,50") is None and parse_amount("TBC") is None
    assert format_amount(Decimal("-1234.5"), "£") == "(£1,234.50)"


def test_pasted_from_a_spreadsheet_with_or_without_headings() -> None:
    text = "Payee\tPurpose\tAmount\r\nHollins Ltd\tMowing\t£1,250.00\r\nHall\tHire\t84.50\r\n"
    pasted = parse_pasted(text)
    assert pasted.headings == ["Payee", "Purpose", "Amount"]
    assert pasted.rows == [["Hollins Ltd", "Mowing", "£1,250.00"], ["Hall", "Hire", "84.50"]]
    assert pasted.money_columns == [2]
    rows_only = parse_pasted("Hollins Ltd\tMowing\t1250.00\nHall\tHire\t84.50")
    assert rows_only.headings == [] and len(rows_only.rows) == 2
    told = parse_pasted("Current account\t£12,400.00", headings=False)
    assert told.headings == [] and told.rows == [["Current account", "£12,400.00"]]
