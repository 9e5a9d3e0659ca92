"""A sale posted on two desks offline under the same number: the hub renumbers the later one, and its receivable
(an item, a fact that keeps the number it was written with) reads with the document's new number on every desk, so
the customer's open items, the statement and a receipt allocated to the new number all find the right sale
(persistence/accounts/numbers.py)."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import pytest

from domain.accounts import commands as ac
from domain.accounts import money
from domain.accounts.statement import statement_subject
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.sales import commands as sc
from domain.sales import shipping
from domain.stock import commands as stock
from domain.stock import documents
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.accounts import queries
from persistence.accounts.statement import read_statement
from persistence.stock.queries import check
from persistence.stock.refs import ref_of
from tests import clock

pytestmark = pytest.mark.postgres


def shop(db) -> None:
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(u(), c.AddProduct("BOLT", "Bolt M8"))
    catalog.add_customer(u(), c.AddCustomer("C1", "Hangzhou Mingyuan"))
    catalog.add_supplier(u(), c.AddSupplier("S1", "Ningbo Fasteners"))
    ledger.receive(u(), stock.ReceiveStock("BOLT", "10", "MAIN", "2.00"))


def sell(db, qty: str) -> str:
    sale = shipping.sell(db.uow(), sc.CounterSale("C1", "MAIN", (sc.SaleLineInput("BOLT", qty, price="5.00"),)))
    return sale.number


def open_numbers(db, side: str = "AR") -> list[tuple[str, Decimal]]:
    return sorted((r.number, r.open) for r in queries.open_items(db.engine, side))


def two_desks(hub, devices):
    a, b = devices("a"), devices("b")
    shop(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    return a, b


def test_a_sale_renumbered_by_the_hub_is_owed_and_paid_under_its_new_number_on_both_desks(hub, devices):
    a, b = two_desks(hub, devices)
    assert sell(a, "2") == sell(b, "3") == "SD-2026-00001"
    owed_a, owed_b = open_numbers(a)[0][1], open_numbers(b)[0][1]
    assert owed_a != owed_b

    sync.sync(a, hub)
    sync.sync(b, hub)  # b's sale is renumbered SD-2026-00002 on the hub and here
    sync.sync(a, hub)

    expected = [("SD-2026-00001", owed_a), ("SD-2026-00002", owed_b)]
    assert open_numbers(a) == open_numbers(b) == expected
    subject = statement_subject(b.uow(), "C1")
    lines = read_statement(b.engine, subject, date(2026, 1, 1), clock.today()).lines
    assert sorted(x.number for x in lines if x.number.startswith("SD-")) == ["SD-2026-00001", "SD-2026-00002"]

    # the customer pays the sale the clerk told them is SD-2026-00002: the money settles that one, on either desk
    money.record_money(
        a.uow(), ac.RecordMoney("receipt", "C1", str(owed_b), allocate=(ac.AllocateTo("SD-2026-00002"),))
    )
    assert open_numbers(a) == [("SD-2026-00001", owed_a)]
    allocated = queries.allocations(a.engine, "AR", subject.partner_id)
    assert [(x.debit_number, x.amount) for x in allocated] == [("SD-2026-00002", owed_b)]
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert open_numbers(b) == [("SD-2026-00001", owed_a)]


def test_a_purchase_order_renumbered_by_the_hub_is_owed_under_its_new_number(hub, devices):
    a, b = two_desks(hub, devices)
    numbers = []
    for desk, qty in ((a, "4"), (b, "6")):
        po = purchasing.create_draft(desk.uow(), pc.CreatePurchaseOrder("S1", "MAIN"))
        purchasing.add_line(desk.uow(), pc.AddPurchaseOrderLine(po.id, "BOLT", qty, "2.00"))
        po = purchasing.issue(desk.uow(), pc.IssuePurchaseOrder(po.id))
        purchasing.receive(desk.uow(), pc.ReceivePurchaseOrder(po.number, (("BOLT", qty),)))
        numbers.append(po.number)
    assert numbers == ["PO-2026-00001", "PO-2026-00001"]
    owed_a, owed_b = open_numbers(a, "AP")[0][1], open_numbers(b, "AP")[0][1]

    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)

    expected = [("PO-2026-00001", owed_a), ("PO-2026-00002", owed_b)]
    assert open_numbers(a, "AP") == open_numbers(b, "AP") == expected


def shipped(db) -> list[tuple[object, str]]:
    """Each shipment and reversal's quantity and its reference as it reads now."""
    M = t.movements
    with db.engine.connect() as conn:
        return sorted(conn.execute(t.movements.select().with_only_columns(M.c.qty, ref_of(M))
                                   .where(M.c.kind.in_(("shipment", "reversal")))).all())


def test_a_copy_of_a_desk_reads_and_reverses_its_own_renumbered_sale_not_the_original_s(hub, devices, tmp_path):
    """A second PC set up from a copy of the first's file shares its device id: its sale renumbered by the hub must
    not take the first PC's sale of the old number along (both read SD-2026-00002 on the copy, and reversing it
    reversed both)."""
    a = devices("a")
    shop(a)
    sync.sync(a, hub)
    a.close()
    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "copy.sqlite3")
    a, copy = devices("a"), devices("copy")
    assert copy.device_id == a.device_id
    assert sell(a, "2") == sell(copy, "3") == "SD-2026-00001"
    for db in (a, copy, a):
        sync.sync(db, hub)
    expected = [(Decimal(-3), "SD-2026-00002"), (Decimal(-2), "SD-2026-00001")]
    assert shipped(a) == shipped(copy) == expected

    documents.reverse_document(copy.uow(), documents.ReverseDocument("SD-2026-00002"))
    for db in (copy, a):
        sync.sync(db, hub)
    expected = [(Decimal(-3), "SD-2026-00002"), (Decimal(-2), "SD-2026-00001"), (Decimal(3), "SD-2026-00002")]
    assert shipped(a) == shipped(copy) == expected
    for db in (a, copy):
        with db.engine.connect() as conn:
            assert conn.execute(t.balances.select().with_only_columns(t.balances.c.on_hand)).scalar_one() == 8
        assert check(db.engine) == []
