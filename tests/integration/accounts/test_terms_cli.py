"""Payment terms on the command line, on a real SQLite file: ``customer terms`` and ``supplier terms`` set the
basis and days (the text kept), bad values are refused naming the field and what is accepted, and the due dates of
new items follow them (a sale of 14 November on 月结30天 is due 30 December)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence import tables as t
from persistence.db import open_database
from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "terms.sqlite3"
    run = cli_in_child(db)

    database = open_database(db)
    u = database.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_customer(u(), c.AddCustomer("ACME", "Acme Trading"))
    database.close()
    run.db = db
    return run


def due_dates(db) -> dict[str, date]:
    database = open_database(db)
    try:
        with database.engine.connect() as conn:
            i = t.account_items.c
            return {r.kind: r.due_on for r in conn.execute(select(i.kind, i.due_on).where(i.amount > 0))}
    finally:
        database.close()


def test_customer_terms_set_the_basis_and_days_and_a_sale_falls_due_by_them(cli):
    out = cli("customer", "terms", "ACME", "--payment-terms", "月结30天", "--payment-basis", "月结",
              "--payment-days", "30")
    assert "payment terms: 月结30天\npayment basis: month-end\npayment days: 30" in out
    out = cli("customer", "terms", "ACME", "--phone", "0755")
    assert "payment basis: month-end" in out and "payment terms: 月结30天" in out  # kept
    err = cli("customer", "terms", "ACME", "--payment-basis", "weekly", code=2)
    assert "payment basis: 'weekly' is not a payment basis; enter net" in err and "month-end" in err
    err = cli("customer", "terms", "ACME", "--payment-days", "-3", code=2)
    assert "payment days: -3 is out of range; enter whole days from 0 to 3650" in err
    cli("receive", "SCREW", "10", "--warehouse", "MAIN", "--unit-cost", "2", "--at", "2026-11-01")
    cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "1", "--price", "10", "--at",
        "2026-11-14T10:00")
    assert due_dates(cli.db)["sale"] == date(2026, 12, 30)


def test_supplier_terms_set_the_basis_and_days_and_a_receipt_falls_due_by_them(cli):
    out = cli("supplier", "terms", "NB", "--payment-terms", "30 days net", "--payment-basis", "net",
              "--payment-days", "15", "--email", "sales@nb.example")
    assert out.splitlines()[1:5] == ["payment terms: 30 days net", "payment basis: net", "payment days: 15",
                                     "email: sales@nb.example"]
    out = cli("supplier", "terms", "NB", "--payment-basis", "cod")
    assert "payment basis: cod" in out and "payment days: 15" in out and "payment terms: 30 days net" in out
    cli("supplier", "terms", "NB", "--payment-basis", "NET")
    err = cli("supplier", "terms", "NB", "--payment-days", "1.5", code=2)
    assert "payment days" in err
    err = cli("supplier", "terms", "NOPE", code=3)
    assert "no supplier has this code" in err
    po = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", po, "SCREW", "10", "--price", "2")
    cli("po", "issue", po)
    cli("po", "receive", po, "--at", "2026-11-20T09:00")
    assert due_dates(cli.db)["goods_receipt"] == date(2026, 12, 5)


def test_payment_terms_reads_the_basis_as_customer_terms_does_and_sets_only_the_basis_and_days(cli):
    cli("customer", "terms", "ACME", "--payment-terms", "月结30天", "--credit-limit", "5000")
    assert cli("payment-terms", "ACME", "--basis", "月结", "--days", "30").strip() == "ACME: month_end 30 day(s)"
    out = cli("customer", "terms", "ACME")
    assert "payment basis: month-end\npayment days: 30" in out
    assert "payment terms: 月结30天" in out and "credit limit: 5000" in out  # the rest of the terms kept
    assert cli("payment-terms", "NB", "--supplier", "--basis", "month-end", "--days", "15").strip() == \
        "NB: month_end 15 day(s)"
    assert "payment basis: month-end\npayment days: 15" in cli("supplier", "terms", "NB")
    assert cli("payment-terms", "NB", "--supplier", "--basis", "货到付款").strip() == "NB: cod 0 day(s)"
    err = cli("payment-terms", "ACME", "--basis", "weekly", code=2)
    assert "basis: 'weekly' is not a payment basis; enter net" in err and "month-end" in err
    err = cli("payment-terms", "ACME", "--basis", "net", "--days", "-3", code=2)
    assert "days: -3 is out of range; enter whole days from 0 to 3650" in err
