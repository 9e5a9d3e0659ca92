"""A receipt (or a transfer) reversed after its stock moved on, through a sync: the reversal leaves at the average the
pair has when it comes (``domain.stock.valuation``), and a desk that pulls it, or pulls a receipt another desk
back-dated before it, replays it by the same rule (``persistence.sync.recompute``, on the stored integers): every
desk ends with the same values to the cent as the desk that posted, no stock worth less than nothing, and a
transfer's sending warehouse gets back exactly what its receiving warehouse's reversal took out."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.stock.queries import check

pytestmark = pytest.mark.postgres

D = Decimal


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 9, day, hour, tzinfo=UTC)


def values(db) -> tuple[list[tuple], list[tuple]]:
    """Every movement's stored value and position after it, and every balance (stored integers)."""
    with db.engine.connect() as conn:
        moved = conn.exec_driver_sql("SELECT movement_id, value, on_hand_after, value_after, avg_after "
                                     "FROM movement_values ORDER BY movement_id").all()
        held = conn.exec_driver_sql("SELECT product_id, warehouse_id, on_hand, value, avg_cost FROM balances "
                                    "ORDER BY product_id, warehouse_id").all()
    return [tuple(r) for r in moved], [tuple(r) for r in held]


def value_of(db, movement_id: str) -> Decimal:
    with db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT value FROM movement_values WHERE movement_id = ?",
                                      (movement_id,)).scalar_one()
    return D(stored).scaleb(-4)


def never_worth_less_than_nothing(db) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM movement_values WHERE on_hand_after > 0 "
                                    "AND value_after < 0").scalar_one() == 0


def two_desks(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("SHOP", "Shop"))
    catalog.add_product(a.uow(), cc.AddProduct("WID", "Widget"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    return a, b


def test_a_receipt_reversed_after_a_shipment_and_one_back_dated_before_it_give_every_desk_the_same_values(
        hub, devices):
    a, b = two_desks(hub, devices)
    ledger.receive(b.uow(), c.ReceiveStock("WID", "10", "MAIN", "1", occurred_at=at(1)))
    dear = ledger.receive(b.uow(), c.ReceiveStock("WID", "10", "MAIN", "5", occurred_at=at(2)))
    ledger.ship(b.uow(), c.ShipStock("WID", "5", "MAIN", occurred_at=at(3)))
    [undo] = ledger.reverse(b.uow(), c.ReverseMovement(dear.id))
    assert value_of(b, undo.id) == D("-30.00")  # 10 at the average 3: 5 left worth 15.00, not -5.00
    sync.sync(b, hub)
    sync.sync(a, hub)  # a replays what it pulled
    assert values(a) == values(b)
    # offline on a: 10 more at 8 back-dated before the shipment, so the average the reversal meets is 4.66666667
    ledger.receive(a.uow(), c.ReceiveStock("WID", "10", "MAIN", "8", occurred_at=at(2, 18)))
    assert value_of(a, undo.id) == D("-46.67")
    sync.sync(a, hub)
    sync.sync(b, hub)  # b pulls the back-dated receipt and replays its own reversal after it
    assert value_of(b, undo.id) == D("-46.67")
    assert values(a) == values(b)
    for desk in (a, b):
        never_worth_less_than_nothing(desk)
        assert check(desk.engine) == []


def test_a_reversed_transfer_brings_back_what_its_receiving_leg_took_out_on_every_desk(hub, devices):
    a, b = two_desks(hub, devices)
    ledger.receive(b.uow(), c.ReceiveStock("WID", "10", "MAIN", "1", occurred_at=at(1)))
    out, into = ledger.transfer(b.uow(), c.TransferStock("WID", "5", "MAIN", "SHOP", occurred_at=at(2)))
    ledger.receive(b.uow(), c.ReceiveStock("WID", "5", "SHOP", "3", occurred_at=at(3)))  # SHOP: 10 worth 20.00
    ledger.ship(b.uow(), c.ShipStock("WID", "2", "SHOP", occurred_at=at(4)))
    undone = {m.reverses_id: m.id for m in ledger.reverse(b.uow(), c.ReverseMovement(out.id))}
    assert (value_of(b, undone[into.id]), value_of(b, undone[out.id])) == (D("-10.00"), D("10.00"))
    sync.sync(b, hub)
    sync.sync(a, hub)
    assert values(a) == values(b)
    # offline on a: a dear receipt back-dated into SHOP before the reversal; MAIN's reversal follows it
    ledger.receive(a.uow(), c.ReceiveStock("WID", "2", "SHOP", "9.50", occurred_at=at(5)))
    sync.sync(a, hub)
    sync.sync(b, hub)
    for desk in (a, b):
        assert (value_of(desk, undone[into.id]), value_of(desk, undone[out.id])) == (D("-17.50"), D("17.50"))
        never_worth_less_than_nothing(desk)
        assert check(desk.engine) == []
    assert values(a) == values(b)
