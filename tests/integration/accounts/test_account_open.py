"""``account_open`` (the derived open amounts) against items less allocations: the ledger check lists each
difference, and ``rebuild`` writes the table anew."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.accounts import commands as ac
from domain.accounts import money
from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.accounts import open as open_amounts
from persistence.db import open_database
from persistence.stock.queries import check


def test_the_check_lists_an_open_amount_that_differs_and_rebuild_writes_it_anew(tmp_path):
    db = open_database(tmp_path / "open.sqlite3")
    try:
        catalog.add_customer(db.uow(), c.AddCustomer("ACME", "Acme"))
        money.record_money(db.uow(), ac.RecordMoney("receipt", "ACME", Decimal("50.00"), day=date(2026, 3, 2)))
        assert check(db.engine) == []
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE account_open SET open = open - 10000")  # 1.00 more credit than there is
        problems = check(db.engine)
        assert [(p.field, p.ledger, p.balance) for p in problems] == [
            ("open amount", Decimal("-50.0000"), Decimal("-51.0000"))]
        assert problems[0].sku.startswith("RC-") and problems[0].warehouse == "AR ACME"
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM account_open")
        assert [p.field for p in check(db.engine)] == ["open amount missing"]
        with db.engine.begin() as conn:
            assert open_amounts.rebuild(conn) == 1
        assert check(db.engine) == []
    finally:
        db.close()
