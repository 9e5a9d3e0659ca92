"""A new company's first month: opening stock imported from a sheet (date left blank), a little bought with a PO.
The stock summary (进销存汇总表) showed the opening stock as purchases (采购入库) with an opening of 0; it belongs in
the opening column (期初), and the receipts are what was bought. On a real SQLite file, through the command line
(table, JSON, Excel) and the read the screen uses, for a part of the month (from the ledger) and whole months
(from ``stock_months``)."""

from __future__ import annotations

import json
import time
from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.reports.model import Amount
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.reports.stock_summary import total
from persistence.reports import queries
from tests import clock

D = Decimal
SHEET = "货号,数量,成本\nA1,400,8.50\nB2,38,4.20\n"  # no date column: today, as the walk-through did
OPENING = {"A1": Amount(D(400), D(3400)), "B2": Amount(D(38), D("159.6"))}


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """Runs ``stockroom --db FILE ARGS`` in this process on UTC days; answers stdout (the exit status must be 0)."""
    from ui.cli import main

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    path = tmp_path / "new-company.sqlite3"

    def run(*args: str) -> str:
        try:
            code = main(["--db", str(path), *args])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        assert code in (0, None), err
        return out

    run.path = path
    yield run
    clock.machine_zone(monkeypatch)


@pytest.fixture
def first_days(cli, tmp_path):
    """init, a warehouse, two products, opening stock from a sheet, then PO-…-00001 for 60.5 kg of A1, received."""
    cli("init")
    cli("warehouse", "add", "WH1", "--name", "Main")
    cli("product", "add", "A1", "--name", "Apple", "--unit", "kg", "--no-whole-units")
    cli("product", "add", "B2", "--name", "Box")
    cli("supplier", "add", "SUP", "--name", "Supplier")
    sheet = tmp_path / "期初库存.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert "2 added" in cli("import", "stock", str(sheet))
    po = cli("po", "create", "--supplier", "SUP", "--warehouse", "WH1").split()[-1]
    cli("po", "add-line", po, "A1", "60.5", "--price", "9")
    number = cli("po", "issue", po).split()[-1]
    cli("po", "receive", number)
    return cli


def summary(path, period: Period, by=SummaryBy.PRODUCT, warehouse=None):
    from persistence.db import open_database

    db = open_database(path)
    try:
        pairs, products, warehouses = queries.stock_summary(db.engine, period, by, warehouse=warehouse)
        return {r.key: r for r in summarize(pairs, by, products, warehouses)}, db
    except Exception:
        db.close()
        raise


def month_of(today: date) -> Period:
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return Period(first, last)


def test_the_cli_shows_the_opening_stock_as_opening_and_only_the_po_as_receipts(first_days):
    data = json.loads(first_days("report", "stock-summary", "--json"))  # this month up to today
    rows = {r["sku"]: r for r in data["rows"]}
    assert (rows["A1"]["opening_qty"], rows["A1"]["opening_value"]) == ("400", "3400")
    assert (rows["A1"]["receipt_qty"], rows["A1"]["receipt_value"]) == ("60.5", "544.5")  # the PO, nothing more
    assert (rows["A1"]["closing_qty"], rows["A1"]["closing_value"]) == ("460.5", "3944.5")
    assert (rows["B2"]["opening_qty"], rows["B2"]["opening_value"], rows["B2"]["receipt_qty"]) == ("38", "159.6", "0")
    assert (data["total"]["opening_qty"], data["total"]["receipt_qty"], data["total"]["closing_qty"]) == (
        "438", "60.5", "498.5")
    assert {r["difference"] for r in data["rows"]} == {"0"}


def test_the_excel_export_in_chinese_has_the_opening_stock_under_期初(first_days, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "进销存.xlsx"
    first_days("report", "stock-summary", "-o", str(target), "--language", "zh")
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    header = next(r for r in rows if "期初数量" in r)  # under the report's title and period lines
    a1 = dict(zip(header, next(r for r in rows if r[0] == "A1"), strict=True))
    assert (a1["期初数量"], a1["期初金额"], a1["采购入库数量"], a1["采购入库金额"]) == (400, 3400, 60.5, 544.5)
    assert (a1["期末数量"], a1["期末金额"]) == (460.5, 3944.5)


@pytest.mark.parametrize("by", list(SummaryBy))
def test_every_way_round_opening_plus_in_minus_out_is_closing_and_receipts_are_the_po(first_days, by):
    today = clock.TODAY  # the clock the tests here run on (conftest.py): the day the sheet's stock came in
    for period in (Period(today.replace(day=1), today), month_of(today),  # the ledger's days, a whole month
                   Period(today.replace(day=1) - timedelta(days=40), month_of(today).last)):  # months and days
        rows, db = summary(first_days.path, period, by)
        db.close()
        everything = total(rows.values())
        assert everything.opening == Amount(D(438), D("3559.6")), (by, period)
        assert everything.flows == {Flow.RECEIPT: Amount(D("60.5"), D("544.5"))}, (by, period)
        assert everything.closing == Amount(D("498.5"), D("4104.1"))
        assert all((r.difference, r.qty_difference) == (0, 0) for r in rows.values())
    rows, db = summary(first_days.path, month_of(today), warehouse="WH1")
    db.close()
    assert {k: r.opening for k, r in rows.items()} == OPENING
    assert rows["A1"].flows == {Flow.RECEIPT: Amount(D("60.5"), D("544.5"))} and rows["B2"].flows == {}


def test_a_later_period_opens_with_everything_and_a_reversed_opening_line_leaves_the_receipts_alone(first_days):
    today = clock.TODAY  # the clock the tests here run on (conftest.py): the day the sheet's stock came in
    rows, db = summary(first_days.path, Period(today + timedelta(days=1), today + timedelta(days=2)))
    db.close()
    assert rows["A1"].opening == rows["A1"].closing == Amount(D("460.5"), D("3944.5")) and rows["A1"].flows == {}
    [box] = json.loads(first_days("movements", "--sku", "B2", "--json"))
    first_days("reverse", box["id"])  # the boxes were counted wrong: the opening line taken back
    for period in (Period(today.replace(day=1), today), month_of(today)):
        rows, db = summary(first_days.path, period)
        db.close()
        assert "B2" not in rows  # 38 in and out again, both in the opening: nothing to show (not 38 in, 38 out)
        assert total(rows.values()).opening == Amount(D(400), D(3400))
        assert rows["A1"].flows == {Flow.RECEIPT: Amount(D("60.5"), D("544.5"))}


def test_the_purchase_summary_leaves_the_opening_stock_out_as_the_receipts_column_does(first_days):
    data = json.loads(first_days("report", "purchases", "--json"))
    assert [(r["supplier"], r["received_qty"], r["received_value"], r["tax"], r["with_tax"]) for r in data["rows"]] \
        == [("SUP", "60.5", "544.5", "70.79", "615.29")]  # 13 % of 544.50 is 70.785, to the cent half up
