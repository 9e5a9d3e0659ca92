"""Goods received, not yet invoiced (暂估入库), on a real SQLite file (``purchase_shop``): each receipt of an order or
free receipt that invoices have not billed in full, valued at the order's price to the cent, as of a day; a return
is not to be invoiced, a reversed receipt is not owed, an invoice takes the oldest receipts first, a reversed invoice
bills nothing. The command line gives it as a table, JSON, Excel and PDF in either language."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

from domain.accounts import invoices as inv
from domain.reports.uninvoiced import grand_total
from domain.reports.uninvoiced import supplier_totals
from domain.reports.uninvoiced import uninvoiced_rows
from persistence.reports.uninvoiced import uninvoiced_inputs
from tests.cli_runs import cli_here
from tests.integration.reports.purchase_shop import FIRST
from tests.integration.reports.purchase_shop import TODAY
from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture

D = Decimal


def _rows(db, as_of=TODAY):
    received, consumed = uninvoiced_inputs(db.engine, as_of)
    return uninvoiced_rows(received, consumed, as_of)


def _seen(db, as_of=TODAY):
    return [(r.supplier, r.po or "free", r.sku, r.qty, r.value, r.tax) for r in _rows(db, as_of)]


def _enter(db, number, *, po="", receipts=(), lines=(), day=FIRST + timedelta(days=10)):
    return inv.enter_supplier_invoice(db.uow(), inv.EnterSupplierInvoice(
        "NB", number, po=po, receipts=tuple(receipts),
        lines=tuple(inv.LineInput(*x) for x in lines), day=day, accept_differences=True))


def _po(db, supplier: str) -> str:
    return next(r.po for r in _rows(db) if r.supplier == supplier and r.po)


def test_every_receipt_not_invoiced_is_listed_at_the_orders_price_less_what_went_back(buying):  # noqa: F811
    rows = _rows(buying)
    nb = [(r.receipt[:3], r.po[:3] or "free", r.sku, r.qty, r.value, r.tax, r.amount) for r in rows
          if r.supplier == "NB"]
    assert nb == [  # the 5 SCREW returned come off the oldest receipt; the reversed delivery and the receipt
        # with no supplier are not there
        ("GR-", "PO-", "NUT", D(50), D("5.00"), D("0.65"), D("5.65")),
        ("GR-", "PO-", "SCREW", D(55), D("110.00"), D("14.30"), D("124.30")),
        ("GR-", "PO-", "SCREW", D(40), D("80.00"), D("10.40"), D("90.40")),
        ("GR-", "free", "NUT", D(20), D("2.40"), D("0.31"), D("2.71")),
    ]
    [bolt] = [r for r in rows if r.supplier == "US1"]
    assert (bolt.currency, bolt.value_in_currency, bolt.value, bolt.tax) == ("USD", D("100.00"), D("710.00"),
                                                                              D("92.30"))
    assert bolt.days == (TODAY - (FIRST + timedelta(days=2))).days
    totals = {x.supplier: x for x in supplier_totals(rows)}
    assert (totals["NB"].receipts, totals["NB"].qty, totals["NB"].value, totals["NB"].tax) == (
        3, D(165), D("197.40"), D("25.66"))
    assert (totals["US1"].currency, totals["US1"].value_in_currency) == ("USD", D("100.00"))
    assert grand_total(rows).amount == D("197.40") + D("25.66") + D("802.30")


def test_an_invoice_bills_the_oldest_receipts_first_and_its_reversal_opens_them_again(buying):  # noqa: F811
    po = _po(buying, "NB")
    _enter(buying, "FP-1", po=po, lines=[("SCREW", "70", "2.00")])
    assert [x for x in _seen(buying) if x[2] == "SCREW"] == [("NB", po, "SCREW", D(25), D("50.00"), D("6.50"))]
    inv.reverse_invoice(buying.uow(), inv.ReverseSupplierInvoice("NB", "FP-1", "wrong quantity"))
    assert [x[3] for x in _seen(buying) if x[2] == "SCREW"] == [D(55), D(40)]


def test_as_of_a_day_counts_what_was_received_returned_and_invoiced_by_then(buying):  # noqa: F811
    free = next(r.receipt for r in _rows(buying) if not r.po)
    _enter(buying, "FP-2", receipts=[free], lines=[("NUT", "20", "0.12")])
    assert not [x for x in _seen(buying) if x[1] == "free"]  # billed in full
    before_invoice = FIRST + timedelta(days=9)
    assert [x for x in _seen(buying, before_invoice) if x[1] == "free"] == [("NB", "free", "NUT", D(20), D("2.40"),
                                                                            D("0.31"))]
    # day 3: the return (day 4) not yet made, the second delivery of SCREW made; day 8: the delivery reversed
    # today still stood
    assert [x[3] for x in _seen(buying, FIRST + timedelta(days=3)) if x[2] == "SCREW"] == [D(60), D(40)]
    on_day_8 = [x for x in _seen(buying, FIRST + timedelta(days=8)) if x[2] == "NUT" and x[1] != "free"]
    assert sorted(x[3] for x in on_day_8) == [D(50), D(100)]
    assert _seen(buying, FIRST) == []


def test_the_command_line_gives_it_as_json_and_in_chinese_files(buying, capsys, tmp_path):  # noqa: F811
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)  # the db fixture's file
    code, out, err = run("report", "uninvoiced", "--as-of", TODAY.isoformat(), "--json")
    assert (code, err) == (0, ""), err
    payload = json.loads(out)
    assert (payload["report"], payload["as_of"]) == ("uninvoiced", TODAY.isoformat())
    assert len(payload["rows"]) == 5  # the receipts' rows; the suppliers' subtotals are not rows
    assert payload["total"]["amount"] == "1025.36" and payload["total"]["value"] == "907.4"
    code, out, _ = run("report", "uninvoiced", "--language", "zh")
    assert "暂估入库明细表" in out and "供应商小计" in out and "无订单入库" in out
    for suffix in ("xlsx", "pdf"):
        path = tmp_path / f"uninvoiced.{suffix}"
        code, out, err = run("report", "uninvoiced", "--language", "zh", "-o", str(path))
        assert code == 0 and path.stat().st_size > 0, err
    from openpyxl import load_workbook
    cells = [c for row in load_workbook(tmp_path / "uninvoiced.xlsx").active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert "暂估金额" in cells and "供应商小计" in cells
    code, _, err = run("report", "uninvoiced", "--warehouse", "MAIN")
    assert code != 0
