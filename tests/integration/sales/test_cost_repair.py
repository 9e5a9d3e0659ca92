"""Repairing stale sales-line costs on a real SQLite file (``domain.sales.recost``): a database made before the
lines followed the ledger keeps a sale's old cost after a back-dated receipt replayed its movement; the repair
backs the file up, sets the lines' costs (and margins) to their movements' values in one transaction, says what
changed, leaves the ledger and the lines of closed months alone; ``stockroom check --repair`` runs it."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy import update

from domain.accounts import closing
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import Forbidden
from domain.sales import commands as sc
from domain.sales import returns
from domain.sales import shipping
from domain.sales.recost import repair_costs
from domain.stock import commands as c
from domain.stock import ledger
from persistence import backup
from persistence import tables as t
from persistence.stock.queries import check

D = Decimal


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12).astimezone(UTC)


@pytest.fixture
def shop(db):
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("WID", "Widget"))
    catalog.add_customer(db.uow(), cc.AddCustomer("ACME", "Acme Trading"))
    ledger.receive(db.uow(), c.ReceiveStock("WID", "10", "MAIN", "25.00", occurred_at=at(date(2026, 9, 10))))
    return db


def _sell(db, qty: str, day: date):
    return shipping.sell(db.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("WID", qty, "60.00"),),
                                                   occurred_at=at(day)))


def _as_an_old_file_kept_it(db, number: str, cost: str) -> None:
    """The line's cost and margin as a database made before the lines followed the ledger left them."""
    sl, d = t.sales_lines, t.documents
    with db.engine.begin() as conn:
        doc_id = conn.execute(select(d.c.id).where(d.c.number == number)).scalar_one()
        conn.execute(update(sl).where(sl.c.document_id == doc_id)
                     .values(cost=D(cost), margin=sl.c.revenue - D(cost)))


def _lines(db) -> list[tuple]:
    sl, d = t.sales_lines, t.documents
    with db.engine.connect() as conn:
        return conn.execute(select(d.c.number, sl.c.line_no, sl.c.cost, sl.c.margin)
                            .join(d, d.c.id == sl.c.document_id).order_by(d.c.number, sl.c.line_no)).all()


def _ledger(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return (conn.exec_driver_sql("SELECT * FROM movements ORDER BY id").all(),
                conn.exec_driver_sql("SELECT * FROM movement_values ORDER BY movement_id").all())


def test_the_repair_backs_up_then_sets_each_stale_line_to_its_movements_value_and_says_what_changed(shop):
    sale = _sell(shop, "2", date(2026, 9, 20))  # 2 at 25 = 50.00, margin 70.00
    _as_an_old_file_kept_it(shop, sale.number, "40.00")
    [problem] = check(shop.engine)
    assert problem.field == f"sales line {sale.number}/1 cost"
    movements_before = _ledger(shop)

    backed_up = []
    done = repair_costs(shop.uow(), lambda: backed_up.append(backup.before_repair(shop.engine)) or backed_up[-1])

    [line] = done.repaired
    assert (line.number, line.line_no, line.sku, line.cost, line.ledger_cost) == (sale.number, 1, "WID", D("40.00"),
                                                                                  D("50.00"))
    assert (line.revenue - line.cost, line.revenue - line.ledger_cost, line.margin_change) == (
        D("80.00"), D("70.00"), D("-10.00"))
    assert done.margin_change == D("-10.00") and done.closed == ()
    assert _lines(shop) == [(sale.number, 1, D("50.00"), D("70.00"))]
    assert check(shop.engine) == []
    assert _ledger(shop) == movements_before  # a stored copy repaired; no movement written or changed
    # the backup was taken before the write: it still holds the stale cost, under its own reason
    assert done.backup == backed_up[0] and done.backup.name.endswith("-before-repair.sqlite3")
    assert [b.reason for b in backup.list_backups(shop.path)] == ["before-repair"]
    with sqlite3.connect(done.backup) as old:
        assert old.execute("SELECT cost FROM sales_lines").fetchall() == [(400000,)]


def test_nothing_stale_writes_nothing_and_makes_no_backup(shop):
    _sell(shop, "2", date(2026, 9, 20))
    before = _lines(shop)
    done = repair_costs(shop.uow(), lambda: pytest.fail("no backup when there is nothing to write"))
    assert (done.repaired, done.closed, done.backup) == ((), (), None)
    assert _lines(shop) == before


def test_a_stale_line_in_a_closed_month_is_left_as_it_was_closed_and_listed(shop):
    september = _sell(shop, "2", date(2026, 9, 20))
    october = _sell(shop, "2", date(2026, 10, 20))
    assert closing.close_month(shop.uow(), closing.CloseMonth("2026-09")) == ["2026-09"]
    _as_an_old_file_kept_it(shop, september.number, "40.00")
    _as_an_old_file_kept_it(shop, october.number, "45.00")
    done = repair_costs(shop.uow(), lambda: backup.before_repair(shop.engine))
    assert [x.number for x in done.repaired] == [october.number]
    assert [(x.number, x.cost, x.ledger_cost) for x in done.closed] == [(september.number, D("40.00"), D("50.00"))]
    assert _lines(shop) == [(september.number, 1, D("40.00"), D("80.00")), (october.number, 1, D("50.00"),
                                                                             D("70.00"))]


def test_a_return_line_is_repaired_with_its_sale(shop):
    sale = _sell(shop, "2", date(2026, 9, 20))
    [back] = returns.return_goods(shop.uow(), sc.ReturnFromCustomer("WID", "1", "damaged", shipment=sale.number,
                                                                    occurred_at=at(date(2026, 9, 25))))
    _as_an_old_file_kept_it(shop, back.number, "-20.00")  # the return's line: −cost brought back
    done = repair_costs(shop.uow(), lambda: backup.before_repair(shop.engine))
    assert [(x.number, x.cost, x.ledger_cost, x.margin_change) for x in done.repaired] == [
        (back.number, D("-20.00"), D("-25.00"), D("5.00"))]
    assert check(shop.engine) == []


def test_a_clerk_may_not_repair_and_nothing_is_written(shop):
    from domain.access import users

    sale = _sell(shop, "2", date(2026, 9, 20))
    users.add_user(shop.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(shop.uow("boss", "admin"), users.AddUser("li", "li-pass-12", "clerk"))
    _as_an_old_file_kept_it(shop, sale.number, "40.00")
    with pytest.raises(Forbidden):
        repair_costs(shop.uow("li", "clerk"), lambda: pytest.fail("no backup when refused"))
    assert _lines(shop) == [(sale.number, 1, D("40.00"), D("80.00"))]


def test_check_names_what_disagrees_and_check_repair_brings_it_in_line_in_english_and_chinese(shop, capsys):
    from tests.integration.test_cli import cli

    sale = _sell(shop, "2", date(2026, 9, 20))
    _as_an_old_file_kept_it(shop, sale.number, "40.00")
    path = shop.path
    shop.close()
    code, out, err = cli(path, "check", capsys=capsys)
    assert code == 1
    assert out == f"{sale.number} line 1 (WID): the line's cost is 40, but its stock movement's cost in the ledger " \
                  f"is 50\n"
    assert "1 difference(s) from the ledger" in err and "check --repair" in err
    code, out, _ = cli(path, "check", "--language", "zh_CN", capsys=capsys)
    assert code == 1 and out == f"{sale.number} 第 1 行（WID）：单据行成本为 40，但其库存流水在账上的成本为 50\n"

    code, out, err = cli(path, "check", "--repair", capsys=capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("The database was backed up first to ") and "before-repair" in lines[0]
    assert lines[1:] == [
        f"{sale.number} line 1 (WID): cost 40.00 → 50.00, margin 80.00 → 70.00 (-10.00)",
        "1 sales line(s) now carry their movements' values; the margin changes by -10.00 in all",
        "No stock movement was written or edited: only what is derived from them (their values, the sales lines' "
        "costs)",
        "ok: every balance, monthly row, open amount and sales line's cost agrees with the ledger"]
    code, out, _ = cli(path, "check", "--repair", "--language", "zh", capsys=capsys)
    assert code == 0 and out.splitlines() == [
        "无需修复：所有销售单据行的成本都与库存流水一致；未写入任何数据",
        "正常：所有库存余额、月度数据、未结金额和销售单据行成本都与账目一致"]


def _an_old_file_recosts(db, monkeypatch) -> None:
    """A receipt back-dated before the sale and its return, posted as a version before the returns followed their
    sales did: the sale is revalued, its return keeps the cost it was posted with."""
    from persistence.stock import repositories

    with monkeypatch.context() as old:
        old.setattr(repositories, "return_shares", lambda conn, ids: {})
        ledger.receive(db.uow(), c.ReceiveStock("WID", "10", "MAIN", "50.00", occurred_at=at(date(2026, 9, 5))))


def test_a_return_that_kept_its_cost_when_its_sale_was_recosted_is_revalued_and_the_sales_after_it_follow(
        shop, monkeypatch):
    sale = _sell(shop, "2", date(2026, 9, 20))  # 2 at 25
    back = _return(shop, sale, date(2026, 9, 25))  # 1 back at 25
    later = _sell(shop, "4", date(2026, 9, 28))
    _an_old_file_recosts(shop, monkeypatch)
    # the sale left at 37.50 a unit, but its return still brings back 25.00, and the later sale left at that average
    [problem] = check(shop.engine)
    assert (problem.sku, problem.warehouse, problem.field, problem.ledger, problem.balance) == (
        "WID", "MAIN", f"customer return {back.number} value", D("37.50"), D("25.00"))
    movements_before = _ledger(shop)[0]

    done = repair_costs(shop.uow(), lambda: backup.before_repair(shop.engine))

    assert [(x.number, x.value, x.ledger_value) for x in done.returns] == [(back.number, D("25.00"), D("37.50"))]
    # 19 at 712.50 after the return: the later sale of 4 leaves at 37.50 a unit (150.00), not at 700.00 / 19
    assert [(x.number, x.cost, x.ledger_cost) for x in done.repaired] == [
        (later.number, D("147.37"), D("150.00")), (back.number, D("-25.00"), D("-37.50"))]
    assert check(shop.engine) == []
    assert _ledger(shop)[0] == movements_before  # the movements themselves: as they were
    assert done.backup is not None


def _return(db, sale, day: date):
    [doc] = returns.return_goods(db.uow(), sc.ReturnFromCustomer("WID", "1", "damaged", shipment=sale.number,
                                                                 occurred_at=at(day)))
    return doc
