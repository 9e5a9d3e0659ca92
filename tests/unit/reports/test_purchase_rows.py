"""The purchase summary's rule (``domain.reports.purchases``): lines grouped by supplier, product or both, returns and
reversals netted, tax at each order's rate, the average unit cost, the share, the foreign currency of a row bought in
one, and the lines a row is made of."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.reports.purchases import PurchaseBy
from domain.reports.purchases import PurchaseLine
from domain.reports.purchases import lines_of
from domain.reports.purchases import purchase_rows
from domain.reports.purchases import purchase_total

D = Decimal


def line(text: str, day: int = 1) -> PurchaseLine:
    """A line from "in NB SCREW 10 @ 2.00 tax 13", "back NB SCREW 2 @ 2.00 tax 13", "undo NB …" (a reversed receipt:
    negative), "in US1 BOLT 10 @ 71.00 USD 10.00 7.1"; "-" for no supplier."""
    words = text.split()
    what, supplier, sku, qty, _at, cost, *rest = words
    qty_d, cost_d = D(qty) * (-1 if what == "undo" else 1), D(cost)
    tax = D(rest[1]) if rest[:1] == ["tax"] else None
    currency, price, rate = (rest[0], D(rest[1]), D(rest[2])) if rest and rest[0] != "tax" else ("", None, None)
    supplier = "" if supplier == "-" else supplier
    return PurchaseLine(datetime(2026, 11, day, 9, tzinfo=UTC), f"GR-{day}", "PO-1" if tax else "", supplier,
                        f"{supplier} Ltd" if supplier else "", sku, f"{sku} name", "pcs", what == "back", qty_d,
                        qty_d * cost_d, tax, currency, price, rate, reversal=what == "undo")


LINES = [
    line("in NB SCREW 60 @ 2.00 tax 13", 1),
    line("in NB SCREW 40 @ 2.50 tax 13", 2),
    line("back NB SCREW 5 @ 2.00 tax 13", 3),
    line("in NB NUT 20 @ 0.12", 4),
    line("in US1 BOLT 10 @ 71.00 USD 10.00 7.1", 5),
    line("in - SCREW 10 @ 2.00", 6),
    line("in NB NUT 100 @ 0.10 tax 13", 7),
    line("undo NB NUT 100 @ 0.10 tax 13", 8),
]


def test_a_suppliers_row_nets_its_returns_and_reversals_and_taxes_at_its_orders_rates():
    rows = {r.supplier: r for r in purchase_rows(LINES, PurchaseBy.SUPPLIER)}
    nb = rows["NB"]
    assert (nb.received_qty, nb.received_value, nb.returned_qty, nb.returned_value) == (D(120), D("222.40"), D(5),
                                                                                          D("10.00"))
    # 120.00 + 100.00 at 13 %, less the return's 1.30; the free NUT receipt carries none; the reversal takes its own
    assert (nb.tax, nb.net_qty, nb.net_value, nb.with_tax) == (D("27.30"), D(115), D("212.40"), D("239.70"))
    assert nb.average_cost == D("1.8533")  # 222.40 / 120, to four places
    assert (nb.supplier_name, nb.sku, nb.currency, nb.foreign) == ("NB Ltd", "", "", None)


def test_rows_come_in_key_order_with_their_share_of_the_net_total():
    rows = purchase_rows(LINES, PurchaseBy.SUPPLIER)
    assert [r.supplier for r in rows] == ["", "NB", "US1"]
    whole = D("20.00") + D("212.40") + D("710.00")
    assert [r.share_pct for r in rows] == [(v * 100 / whole).quantize(D("0.01")) for v in
                                           (D("20.00"), D("212.40"), D("710.00"))]
    total = purchase_total(rows)
    assert (total.received_value, total.returned_value, total.net_value, total.share_pct) == (
        D("952.40"), D("10.00"), whole, D("100.00"))
    assert (total.currency, total.foreign) == ("", None)  # CNY and USD together: no one currency


def test_a_row_bought_in_one_foreign_currency_shows_it_and_a_mixed_one_does_not():
    rows = {r.sku: r for r in purchase_rows(LINES, PurchaseBy.PRODUCT)}
    assert (rows["BOLT"].currency, rows["BOLT"].foreign, rows["BOLT"].tax) == ("USD", D("100.00"), D(0))
    assert (rows["SCREW"].currency, rows["SCREW"].foreign) == ("", None)
    mixed = purchase_rows([*LINES, line("in NB BOLT 1 @ 70.00 tax 13")], PurchaseBy.PRODUCT)
    bolt = next(r for r in mixed if r.sku == "BOLT")
    assert (bolt.currency, bolt.foreign, bolt.received_value) == ("", None, D("780.00"))
    only_usd = purchase_total(purchase_rows([LINES[4]], PurchaseBy.SUPPLIER))
    assert (only_usd.currency, only_usd.foreign) == ("USD", D("100.00"))


def test_by_supplier_and_product_keeps_the_receipts_with_no_supplier_apart():
    keys = [(r.supplier, r.sku) for r in purchase_rows(LINES, PurchaseBy.SUPPLIER_PRODUCT)]
    assert keys == [("", "SCREW"), ("NB", "NUT"), ("NB", "SCREW"), ("US1", "BOLT")]


def test_a_row_that_nets_to_nothing_is_left_out_and_an_empty_report_totals_nothing():
    rows = purchase_rows([line("in NB NUT 100 @ 0.10 tax 13"), line("undo NB NUT 100 @ 0.10 tax 13")],
                         PurchaseBy.SUPPLIER)
    assert rows == []
    total = purchase_total(rows)
    assert (total.net_value, total.share_pct, total.average_cost) == (D(0), None, None)


@pytest.mark.parametrize(("by", "supplier", "sku", "days"), [
    (PurchaseBy.SUPPLIER, "NB", "", [1, 2, 3, 4, 7, 8]),
    (PurchaseBy.PRODUCT, "", "SCREW", [1, 2, 3, 6]),
    (PurchaseBy.SUPPLIER_PRODUCT, "NB", "SCREW", [1, 2, 3]),
    (PurchaseBy.SUPPLIER_PRODUCT, "", "SCREW", [6]),
])
def test_a_rows_lines_are_those_of_its_key_oldest_first_and_add_up_to_it(by, supplier, sku, days):
    picked = lines_of(reversed(LINES), by, supplier, sku)
    assert [x.occurred_at.day for x in picked] == days
    row = next(r for r in purchase_rows(LINES, by) if (r.supplier, r.sku) == (supplier, sku))
    assert sum(x.value for x in picked if not x.returned) == row.received_value
    assert sum(x.value for x in picked if x.returned) == row.returned_value
    assert sum(-x.tax if x.returned else x.tax for x in picked) == row.tax


def test_a_lines_tax_is_rounded_to_the_cent_and_its_foreign_amount_is_quantity_times_price():
    odd = line("in NB SCREW 3 @ 0.333 tax 13")
    assert (odd.value, odd.tax, odd.with_tax, odd.unit_cost) == (D("0.999"), D("0.13"), D("1.129"), D("0.333"))
    bolt = LINES[4]
    assert (bolt.foreign, bolt.tax, line("in NB NUT 1 @ 1").foreign) == (D("100.00"), D(0), None)


def test_a_line_whose_tax_rate_is_not_known_leaves_its_rows_tax_unknown_not_zero():
    """A free receipt that kept no rate: its row counts it in ``untaxed`` and shows no tax rather than a partial sum;
    a row without such a line keeps its tax, and the total says the tax is not known."""
    unknown = line("in NB NUT 20 @ 0.12")._replace(tax_known=False)
    assert (unknown.tax, unknown.known_tax, unknown.known_with_tax) == (D(0), None, None)
    rows = purchase_rows([*LINES, unknown], PurchaseBy.SUPPLIER_PRODUCT)
    nut = next(r for r in rows if (r.supplier, r.sku) == ("NB", "NUT"))
    screw = next(r for r in rows if (r.supplier, r.sku) == ("NB", "SCREW"))
    assert (nut.untaxed, nut.known_tax, nut.known_with_tax) == (1, None, None)
    assert (screw.untaxed, screw.known_tax) == (0, screw.tax)
    total = purchase_total(rows)
    assert (total.untaxed, total.known_tax, total.known_with_tax) == (1, None, None)
    assert purchase_total(purchase_rows(LINES, PurchaseBy.SUPPLIER)).known_tax is not None
