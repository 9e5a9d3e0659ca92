"""The purchase report shows a free receipt's tax and amount with tax at the rate the receipt kept when it was
posted, as it does a delivery's at its order's, and a return against a free receipt at that receipt's rate (they
showed no tax). A free receipt that kept no rate (an older one migration 0018 could not fill) is said to be so: its
row's tax and amount with tax are blank, not 0, and a note counts the lines, in English and Chinese, on the command
line and in its files."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from domain.purchasing import commands as pc
from domain.purchasing import returns
from domain.purchasing import terms
from domain.reports.model import Period
from domain.reports.purchases import PurchaseBy
from domain.reports.purchases import purchase_rows
from domain.reports.purchases import purchase_total
from persistence import tables as t
from persistence.reports.purchases import purchase_lines
from tests.cli_runs import cli_here
from tests.integration.reports.purchase_shop import FIRST
from tests.integration.reports.purchase_shop import TODAY
from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture
from tests.integration.reports.purchase_shop import day

D = Decimal
PERIOD = Period(FIRST, TODAY)


def _nb_nut(db):
    rows = purchase_rows(purchase_lines(db.engine, PERIOD), PurchaseBy.SUPPLIER_PRODUCT)
    return next(r for r in rows if (r.supplier, r.sku) == ("NB", "NUT"))


def _free_receipt(db) -> str:
    lines = purchase_lines(db.engine, PERIOD)
    return next(x.document for x in lines if x.supplier == "NB" and x.sku == "NUT" and not x.order)


def _forget_rate(db, number: str) -> None:
    """As a free receipt posted before receipts kept their rate, which migration 0018 could not tell, reads."""
    with db.engine.begin() as conn:
        conn.execute(sa.update(t.documents).where(t.documents.c.number == number).values(tax_rate=None))


def test_a_free_receipt_is_taxed_at_the_rate_it_kept_not_the_policys_of_today(buying):  # noqa: F811
    terms.set_policy(buying.uow(), pc.SetPurchasingPolicy(tax_rate="9"))  # after it was posted at 13 %
    nut = _nb_nut(buying)  # 50 at 0.10 (PO, 13 %: 0.65) + 20 at 0.12 free (13 %: 0.31)
    assert (nut.tax, nut.with_tax, nut.known_tax, nut.untaxed) == (D("0.96"), D("8.36"), D("0.96"), 0)


def test_a_return_against_a_free_receipt_takes_its_tax_off_at_the_receipts_rate(buying):  # noqa: F811
    returns.return_to_supplier(buying.uow(), returns.ReturnToSupplier(
        "NB", "SHOP", (returns.ReturnLine("NUT", "10"),), "damaged", receipt=_free_receipt(buying),
        occurred_at=day(8)))
    nut = _nb_nut(buying)  # 10 back at SHOP's average (the ledger's value, 1.03), its tax at 13 % (0.13) off
    assert (nut.returned_qty, nut.returned_value, nut.tax) == (D(10), D("1.03"), D("0.96") - D("0.13"))


def test_a_free_receipt_that_kept_no_rate_leaves_its_rows_tax_blank_and_says_so(buying):  # noqa: F811
    _forget_rate(buying, _free_receipt(buying))
    lines = purchase_lines(buying.engine, PERIOD)
    [free] = [x for x in lines if x.supplier == "NB" and x.sku == "NUT" and not x.order]
    assert (free.tax_known, free.known_tax, free.known_with_tax) == (False, None, None)
    nut = _nb_nut(buying)
    assert (nut.untaxed, nut.known_tax, nut.known_with_tax) == (1, None, None)
    rows = purchase_rows(lines, PurchaseBy.SUPPLIER)
    assert purchase_total(rows).untaxed == 1 and purchase_total(rows).known_tax is None
    us = next(r for r in rows if r.supplier == "US1")
    assert (us.untaxed, us.known_tax) == (0, D("92.30"))  # a row without such a line keeps its tax


@pytest.mark.parametrize(("language", "note"), [
    ("en", "Tax not known: 1 line(s) of free receipts"), ("zh", "税额不详：1 行无订单入库")])
def test_the_command_line_report_and_its_files_say_the_tax_is_not_known(
        buying, capsys, tmp_path, language, note):  # noqa: F811
    _forget_rate(buying, _free_receipt(buying))
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)  # the db fixture's file
    period = ("--from", FIRST.isoformat(), "--to", (TODAY + timedelta(days=1)).isoformat())
    code, out, err = run("report", "purchases", *period, "--json", "--language", language)
    assert (code, err) == (0, ""), err
    payload = json.loads(out)
    rows = {r["supplier"]: r for r in payload["rows"]}
    assert (rows["NB"]["tax"], rows["NB"]["with_tax"], rows["US1"]["tax"]) == (None, None, "92.3")
    assert any(note in x for x in payload["notes"]), payload["notes"]
    code, out, _ = run("report", "purchases", *period, "--language", language)
    assert note in out
    path = tmp_path / "purchases.xlsx"
    code, _, err = run("report", "purchases", *period, "--language", language, "-o", str(path))
    assert code == 0, err
    from openpyxl import load_workbook
    text = [str(c) for row in load_workbook(path).active.iter_rows(values_only=True) for c in row if c is not None]
    assert any(note in x for x in text)
