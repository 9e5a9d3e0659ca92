"""The period close on a real SQLite file: every posting path refused in a closed month and accepted the day
after; reversals of what a closed month holds refused; the figures a close froze equal the ledger at the month's
end and do not move when later postings (back-dated ones too) arrive."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select

from domain.accounts import closing
from domain.accounts.periods import opens_at
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.imports.report import ImportRejected
from domain.imports.report import Table
from domain.imports.run import run_import
from domain.kernel.errors import DomainError
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import returns as supplier_returns
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import returns
from domain.sales import shipping
from domain.stock import commands as c
from domain.stock import documents as docs
from domain.stock import ledger
from persistence import tables as t
from persistence.accounts.frozen import frozen_balances
from persistence.accounts.frozen import frozen_stock
from persistence.stock import queries
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

D = Decimal
CLOSED_DAY, OPEN_DAY = date(2026, 10, 31), date(2026, 11, 1)


def local(d: date, hour: int = 12) -> datetime:
    return datetime(d.year, d.month, d.day, hour).astimezone(UTC)


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("SHOP", "Shop"))
    catalog.add_product(u(), cc.AddProduct("TEA", "绿茶 Green tea"))
    catalog.add_customer(u(), cc.AddCustomer("ACME", "Acme Trading"))
    catalog.add_supplier(u(), cc.AddSupplier("NB", "宁波 supplier"))
    ledger.receive(u(), c.ReceiveStock("TEA", "100", "MAIN", "2.00", occurred_at=local(date(2026, 9, 10))))
    ledger.ship(u(), c.ShipStock("TEA", "10", "MAIN", occurred_at=local(date(2026, 10, 15))))
    ledger.receive(u(), c.ReceiveStock("TEA", "20", "MAIN", "3.00", occurred_at=local(date(2026, 10, 20))))
    ledger.receive(u(), c.ReceiveStock("TEA", "10", "MAIN", "4.00", occurred_at=local(date(2026, 11, 20))))
    assert closing.close_month(u(), closing.CloseMonth("2026-10")) == ["2026-09", "2026-10"]
    return db


def _po(db) -> str:
    po = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "TEA", "5", "2.50"))
    return po_uc.issue(db.uow(), pc.IssuePurchaseOrder(po.id)).number


def _so(db) -> str:
    number = orders.create_order(db.uow(), sc.CreateSalesOrder("ACME", "MAIN")).number
    orders.add_line(db.uow(), sc.AddSalesOrderLine(number, "TEA", "2", "5.00"))
    orders.confirm(db.uow(), sc.ConfirmSalesOrder(number))
    return number


def _document(kind: str, *line, **more):
    return lambda db, d: docs.post_document(db.uow(), docs.PostDocument(
        kind, "MAIN", (docs.LineInput(*line),), business_date=d, **more))


# Each posting path: (prepare(db) -> state, post(db, day, state)); posted at noon of the day unless it dates itself.
PATHS = {
    "receive": lambda db, d: ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2", occurred_at=local(d))),
    "ship": lambda db, d: ledger.ship(db.uow(), c.ShipStock("TEA", "1", "MAIN", occurred_at=local(d))),
    "transfer": lambda db, d: ledger.transfer(db.uow(), c.TransferStock("TEA", "1", "MAIN", "SHOP",
                                                                        occurred_at=local(d))),
    "adjust": lambda db, d: ledger.adjust(db.uow(), c.AdjustStock("TEA", "-1", "MAIN", "broken", occurred_at=local(d))),
    "count": lambda db, d: ledger.count(db.uow(), c.CountStock("TEA", "50", "MAIN", occurred_at=local(d))),
    "post_many": lambda db, d: ledger.post_many(db.uow(), [c.ReceiveStock("TEA", "1", "MAIN", "2",
                                                                          occurred_at=local(d))]),
    "receipt document": _document("receipt", "TEA", "1", "2"),
    "shipment document": _document("shipment", "TEA", "1"),
    "transfer document": _document("transfer", "TEA", "1", to_warehouse="SHOP"),
    "adjustment document": lambda db, d: docs.post_document(db.uow(), docs.PostDocument(
        "adjustment", "MAIN", (docs.LineInput("TEA", "-1", reason="broken"),), business_date=d)),
    # a count that finds what is expected posts no movement, but the document is dated all the same
    "count document, no difference": lambda db, d: docs.post_document(db.uow(), docs.PostDocument(
        "count", "MAIN", (docs.LineInput("TEA", counted=str(_on_hand_at(db, d))),), business_date=d)),
    "counter sale": lambda db, d: shipping.sell(db.uow(), sc.CounterSale(
        "ACME", "MAIN", (sc.SaleLineInput("TEA", "1", "5"),), occurred_at=local(d))),
    "shipment against a sales order": lambda db, d: shipping.ship(db.uow(), sc.ShipSalesOrder(
        _so(db), occurred_at=local(d))),
    "customer return": lambda db, d: returns.return_goods(db.uow(), sc.ReturnFromCustomer(
        "TEA", "1", "damaged", customer="ACME", warehouse="MAIN", price="5", occurred_at=local(d))),
    "purchase receipt": lambda db, d: po_uc.receive(db.uow(), pc.ReceivePurchaseOrder(
        _po(db), occurred_at=local(d))),
    "supplier return": lambda db, d: supplier_returns.return_to_supplier(db.uow(), supplier_returns.ReturnToSupplier(
        "NB", "MAIN", (supplier_returns.ReturnLine("TEA", "1"),), "damaged", occurred_at=local(d))),
    "stock import": lambda db, d: run_import(db.uow(), "stock", Table(
        ("SKU", "Warehouse", "Qty", "Unit cost", "Date"), [("TEA", "SHOP", "3", "2", d.isoformat())]),
        {"sku": "SKU", "warehouse": "Warehouse", "qty": "Qty", "unit_cost": "Unit cost", "date": "Date"}),
}


def _on_hand_at(db, d: date) -> Decimal:
    with db.engine.connect() as conn:
        raw = conn.execute(select(func.sum(t.movements.c.qty)).where(
            t.movements.c.product_id == select(t.products.c.id).where(t.products.c.sku == "TEA").scalar_subquery(),
            t.movements.c.warehouse_id == select(t.warehouses.c.id).where(t.warehouses.c.code == "MAIN")
            .scalar_subquery(), t.movements.c.occurred_at < opens_at(d))).scalar()
    return raw


def _names_the_closed_month(exc: BaseException) -> None:
    if isinstance(exc, ImportRejected):
        [problem] = exc.problems
        assert "2026-10, which is closed" in problem.problem, problem
        return
    assert isinstance(exc, DomainError)
    cause = getattr(exc, "cause", None) or exc
    assert cause.code == "period_closed" and cause.params["month"] == "2026-10", (cause.code, cause.params)
    assert "2026-10, which is closed" in str(exc)


def _written(db) -> tuple[int, int]:
    """How many movements and documents the file holds."""
    with db.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(t.movements)).scalar(),
                conn.execute(select(func.count()).select_from(t.documents)).scalar())


@pytest.mark.parametrize("path", list(PATHS))
def test_every_posting_path_is_refused_in_a_closed_month_and_takes_the_day_after(shop, path):
    before = _written(shop)
    with pytest.raises((DomainError, ImportRejected)) as refused:
        PATHS[path](shop, CLOSED_DAY)
    _names_the_closed_month(refused.value)
    assert _written(shop) == before
    PATHS[path](shop, OPEN_DAY)  # back-dated too: a movement of 20 November is later
    assert queries.check(shop.engine) == []


def test_a_movement_or_document_of_a_closed_month_cannot_be_reversed_but_one_of_the_open_month_can(shop):
    october = docs.post_document(shop.uow(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("TEA", "1", "2"),),
                                                               business_date=OPEN_DAY))
    with shop.engine.connect() as conn:
        first = conn.execute(select(t.movements.c.id).order_by(t.movements.c.occurred_at).limit(1)).scalar()
    with pytest.raises(DomainError) as refused:
        ledger.reverse(shop.uow(), c.ReverseMovement(first))
    assert refused.value.code == "period_closed_reversal" and refused.value.params["month"] == "2026-09"
    closing.reopen_month(shop.uow(), closing.ReopenMonth("2026-10", "a receipt was missing"))
    late = docs.post_document(shop.uow(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("TEA", "1", "2"),),
                                                            business_date=CLOSED_DAY))
    closing.close_month(shop.uow(), closing.CloseMonth("2026-10"))
    with pytest.raises(docs.DocumentError) as refused:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(late.number))
    assert refused.value.code == "cannot_reverse" and refused.value.cause.code == "period_closed_reversal"
    docs.reverse_document(shop.uow(), docs.ReverseDocument(october.number))  # dated 1 November: open


def _ledger_at(db, month_end: date) -> dict[tuple[str, str], tuple[Decimal, Decimal]]:
    """Σ quantity and Σ value of the movements before the month's end, per SKU × warehouse: the ledger itself."""
    M, V, P, W = t.movements, t.movement_values, t.products, t.warehouses
    with db.engine.connect() as conn:
        rows = conn.execute(select(P.c.sku, W.c.code, func.sum(M.c.qty), func.sum(V.c.value))
                            .join_from(M, V, V.c.movement_id == M.c.id).join(P, P.c.id == M.c.product_id)
                            .join(W, W.c.id == M.c.warehouse_id).where(M.c.occurred_at < opens_at(month_end))
                            .group_by(P.c.sku, W.c.code)).all()
    return {(sku, wh): (q, v) for sku, wh, q, v in rows}


def _frozen(db, month: str) -> dict[tuple[str, str], tuple[Decimal, Decimal]]:
    return {(r.sku, r.warehouse): (r.qty, r.value) for r in frozen_stock(db.engine, month)}


def test_the_frozen_stock_equals_the_ledger_at_each_months_end_and_does_not_move_afterwards(shop):
    assert _frozen(shop, "2026-09") == {("TEA", "MAIN"): (D(100), D(200))} == _ledger_at(shop, date(2026, 9, 30))
    # 100 at 2.00, 10 out at 2.00, 20 in at 3.00: 110 worth 240
    assert _frozen(shop, "2026-10") == {("TEA", "MAIN"): (D(110), D(240))} == _ledger_at(shop, CLOSED_DAY)
    # later postings, one back-dated to the first open day (the ledger replays 20 November from it)
    ledger.receive(shop.uow(), c.ReceiveStock("TEA", "10", "MAIN", "9.00", occurred_at=local(OPEN_DAY, 0)))
    ledger.transfer(shop.uow(), c.TransferStock("TEA", "5", "MAIN", "SHOP", occurred_at=local(OPEN_DAY)))
    shipping.sell(shop.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("TEA", "3", "5"),)))
    assert _frozen(shop, "2026-10") == {("TEA", "MAIN"): (D(110), D(240))} == _ledger_at(shop, CLOSED_DAY)
    assert queries.check(shop.engine) == []
    # reopened, a late receipt, closed again: frozen anew, still the ledger's
    closing.reopen_month(shop.uow(), closing.ReopenMonth("2026-10", "late delivery note"))
    ledger.receive(shop.uow(), c.ReceiveStock("TEA", "10", "MAIN", "1.00", occurred_at=local(CLOSED_DAY)))
    assert _frozen(shop, "2026-10") == {("TEA", "MAIN"): (D(110), D(240))}  # kept until it is closed again
    closing.close_month(shop.uow(), closing.CloseMonth("2026-10"))
    assert _frozen(shop, "2026-10") == {("TEA", "MAIN"): (D(120), D(250))} == _ledger_at(shop, CLOSED_DAY)
    assert _frozen(shop, "2026-11") == {}  # never closed


def test_the_frozen_balances_sum_each_partners_items_up_to_the_months_end(shop):
    closing.reopen_month(shop.uow(), closing.ReopenMonth("2026-10", "balances"))
    now = clock.now()
    with shop.engine.begin() as conn:
        for n, (side, partner, day, amount) in enumerate([
                ("AR", "cust-1", date(2026, 10, 5), D("100")), ("AR", "cust-1", date(2026, 10, 20), D("-30")),
                ("AR", "cust-1", date(2026, 11, 2), D("50")), ("AP", "supp-1", date(2026, 10, 1), D("123.4567"))]):
            conn.execute(insert(t.account_items).values(
                id=f"item-{n}", side=side, partner_id=partner, kind="opening", business_date=day, amount=amount,
                created_at=now))
    closing.close_month(shop.uow(), closing.CloseMonth("2026-10"))
    assert [(b.side, b.partner_id, b.balance) for b in frozen_balances(shop.engine, "2026-10")] == [
        ("AP", "supp-1", D("123.4567")), ("AR", "cust-1", D("70"))]
    assert frozen_balances(shop.engine, "2026-09") == []  # frozen when September closed, before these items


def test_the_months_are_listed_newest_first_with_their_events(shop):
    closing.reopen_month(shop.uow(), closing.ReopenMonth("2026-10", "a typo"))
    months = closing.list_months(shop.uow())
    by_month = {m.month: m for m in months}
    assert [m.month for m in months][-2:] == ["2026-10", "2026-09"]
    assert by_month["2026-09"].closed and not by_month["2026-10"].closed and by_month["2026-10"].closable
    assert [(e.action, e.reason) for e in by_month["2026-10"].events] == [("close", ""), ("reopen", "a typo")]
