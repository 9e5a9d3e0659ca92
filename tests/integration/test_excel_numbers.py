"""Workbooks show money and prices as the screens and documents do: a number shown as 12.50 is a number that Excel
shows as 12.50 (not 12.5), a unit cost with at least two places, money with two."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from ui.report_sheets import MONEY
from ui.report_sheets import PCT
from ui.report_sheets import QTY
from ui.report_sheets import Column
from ui.report_sheets import Sheet
from ui.report_sheets import write_excel
from ui.spreadsheets import MONEY_FORMAT
from ui.spreadsheets import PRICE_FORMAT
from ui.spreadsheets import Shown
from ui.spreadsheets import number_or_text
from ui.spreadsheets import write_xlsx


def cells(path) -> list[tuple[object, str]]:
    return [(c.value, c.number_format) for c in openpyxl.load_workbook(path).active[2]]


def test_a_number_exported_from_a_screen_keeps_the_places_it_was_shown_with(tmp_path):
    shown = ["12.50", "1,234.50", "0.125", "5.1", "1,200", "10023", "SD-1"]
    path = tmp_path / "shown.xlsx"
    write_xlsx(path, list("abcdefg"), [[number_or_text(x) for x in shown]])
    assert cells(path) == [(12.5, "#,##0.00"), (1234.5, "#,##0.00"), (0.125, "#,##0.000"), (5.1, "#,##0.0"),
                           (1200, "#,##0"), (10023, "0"), ("SD-1", "General")]
    assert isinstance(number_or_text("12.50"), Shown) and number_or_text("12.50") == Decimal("12.50")


def test_raw_figures_take_their_column_s_format_money_with_two_places_a_cost_with_at_least_two(tmp_path):
    path = tmp_path / "raw.xlsx"
    write_xlsx(path, ["qty", "cost", "value", "note"], [[Decimal("2.0000"), Decimal("6.20000000"),
                                                        Decimal("12.4000"), "x"]],
               formats=[None, PRICE_FORMAT, MONEY_FORMAT, MONEY_FORMAT])
    assert cells(path) == [(2, "General"), (6.2, PRICE_FORMAT), (12.4, MONEY_FORMAT), ("x", "General")]


def test_a_report_s_money_columns_show_two_places_in_its_workbook(tmp_path):
    sheet = Sheet("Margin", [], [Column("Name", "name"), Column("Qty", "qty", QTY), Column("Revenue", "revenue", MONEY),
                                 Column("Margin %", "pct", PCT)],
                  rows=[["A", Decimal("3"), Decimal("12.4"), Decimal("5.5")]])
    path = tmp_path / "report.xlsx"
    write_excel(sheet, path)
    ws = openpyxl.load_workbook(path).active
    row = next(r for r in ws.iter_rows() if r[0].value == "A")
    assert [c.number_format for c in row[2:]] == [MONEY_FORMAT, "0.00"]
