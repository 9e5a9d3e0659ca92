"""A business date more than a year after the pulling desk's today (a sale dated 2099 for 2029) is kept aside from
the hub with a reason naming the field, the date and the dates accepted, and what rests on it goes with it: the
document with its lines and its sale, its movement, its receivable. A date planned ahead (a due date) may lie years
on. A desk's clock may run a little ahead of another's, so a date just after today comes in."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel import limits
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import shipping
from domain.stock import commands as stock
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.stock.queries import check
from tests import clock
from tests.integration.sync.test_hostile_hub import HostileWriter
from ui import i18n
from ui.sync_reasons import reason_text

pytestmark = pytest.mark.postgres

FAR = datetime(2099, 3, 1, 9, 0, tzinfo=UTC)
MICROS = timedelta(microseconds=1)


def _micros(when: datetime) -> int:
    return (when - datetime(1970, 1, 1, tzinfo=UTC)) // MICROS


def _sold(db) -> tuple[str, str]:
    """A desk that received 10 BOLT and sold 2 against an order: (the sale document's id, its number)."""
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(u(), c.AddProduct("BOLT", "Bolt M8"))
    catalog.add_customer(u(), c.AddCustomer("C1", "Hangzhou Mingyuan"))
    ledger.receive(u(), stock.ReceiveStock("BOLT", "10", "MAIN", "2.00"))
    order = orders.create_order(u(), sc.CreateSalesOrder("C1", "MAIN"))
    orders.add_line(u(), sc.AddSalesOrderLine(order.number, "BOLT", "2", price="5.00"))
    orders.confirm(u(), sc.ConfirmSalesOrder(order.number))
    shipping.ship(u(), sc.ShipSalesOrder(order.number))
    with db.engine.connect() as conn:
        return conn.execute(select(t.documents.c.id, t.documents.c.number).where(t.documents.c.kind == "sale")).one()


def _rewrite(w: HostileWriter, tbl: str, row_id: str, change) -> None:
    """Change the hub's logged record in place, as a program holding the hub's password could."""
    record = w.hub_record(tbl, row_id)
    change(record)
    w.conn.execute("UPDATE sync_log SET data = %s WHERE tbl = %s AND row_id = %s",
                   (json.dumps(record, ensure_ascii=False), tbl, row_id))


def _redate(hub: str, sale: tuple[str, str], when: datetime, *, whole: bool = True,
            due: str | None = None) -> tuple[str, str]:
    """Date a desk's sale ``when`` on the hub: its sales lines, and (``whole``) the document's header, its shipment
    and its receivable, due ``due`` (default: the same day). Returns (the shipment's id, the receivable's)."""
    doc_id, number = sale
    w = HostileWriter(hub)
    try:
        def dated(record):
            if whole:
                record.update(business_date=when.date().isoformat(), occurred_at=_micros(when),
                              posted_at=_micros(when))
            for line in record["_children"]["sales_lines"]:
                line["occurred_at"] = _micros(when)

        _rewrite(w, "documents", doc_id, dated)
        shipment = w.conn.execute("SELECT id FROM movements WHERE source_ref = %s", (number,)).fetchone()[0]
        item = w.conn.execute("SELECT row_id FROM sync_log WHERE tbl = 'account_items'").fetchone()[0]
        if whole:
            w.conn.execute("UPDATE movements SET occurred_at = %s WHERE id = %s", (_micros(when), shipment))
            _rewrite(w, "account_items", item, lambda r: r.update(business_date=when.date().isoformat(),
                                                                   due_on=due or when.date().isoformat()))
    finally:
        w.close()
    return shipment, item


def _counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one()
                for name in ("documents", "document_lines", "sales_lines", "movements", "account_items")}


def _last_day() -> str:
    return limits.last_day(clock.now().astimezone(UTC).date()).isoformat()


def test_a_sale_dated_2099_on_the_hub_is_kept_aside_whole_with_its_lines_movement_and_receivable(hub, devices, qapp):
    a, b = devices("a"), devices("b")
    doc_id, number = _sold(a)
    sync.sync(a, hub)
    shipment, item = _redate(hub, (doc_id, number), FAR)

    report = sync.sync(b, hub)
    kept = {q.row_id: q for q in sync.status(b).quarantined}
    assert set(kept) == {doc_id, shipment, item} and report.refused == 3
    last = _last_day()
    assert kept[doc_id].reason == (f"business_date: 2099-03-01 is more than a year after today on this computer; "
                                   f"dates from 1970-01-01 to {last} are accepted")
    assert (kept[doc_id].code, kept[doc_id].params) == ("too_far_ahead", {
        "name": "business_date", "value": "2099-03-01", "first": "1970-01-01", "last": last})
    assert kept[shipment].code == "too_far_ahead" and kept[shipment].params["name"] == "occurred_at"
    assert kept[shipment].params["value"] == "2099-03-01"
    assert kept[item].code == "too_far_ahead" and kept[item].params["name"] == "business_date"
    # nothing of the sale is here: not its lines, not its sale's revenue, not the stock it took, not what is owed
    assert _counts(b) == {"documents": 0, "document_lines": 0, "sales_lines": 0, "movements": 1, "account_items": 0}
    with b.engine.connect() as conn:
        assert conn.execute(select(t.balances.c.on_hand)).scalar_one() == Decimal(10)
    assert check(b.engine) == []
    i18n.set_language(i18n.CHINESE, persist=False)
    try:
        said = reason_text(kept[doc_id].code, kept[doc_id].params, kept[doc_id].reason)
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    assert said == f"业务日期：2099-03-01 比本机今天晚了一年以上；只接受 1970-01-01 至 {last} 之间的日期"


def test_a_document_whose_sales_line_alone_is_dated_2099_is_kept_aside_with_all_its_lines(hub, devices):
    a, b = devices("a"), devices("b")
    sale = _sold(a)
    sync.sync(a, hub)
    _redate(hub, sale, FAR, whole=False)
    doc_id = sale[0]
    sync.sync(b, hub)
    kept = {q.row_id: q for q in sync.status(b).quarantined}
    assert kept[doc_id].code == "too_far_ahead" and kept[doc_id].params["name"] == "occurred_at"
    counts = _counts(b)
    assert (counts["documents"], counts["document_lines"], counts["sales_lines"]) == (0, 0, 0)


def test_a_date_a_little_ahead_comes_in_and_a_due_date_years_on_too(hub, devices):
    """A desk whose clock runs ahead posts a day or two after another's today; terms may make a due date years on."""
    a, b = devices("a"), devices("b")
    sale = _sold(a)
    sync.sync(a, hub)
    due = (clock.today() + timedelta(days=5 * 365)).isoformat()
    _redate(hub, sale, clock.now() + timedelta(days=2), due=due)
    assert sync.sync(b, hub).refused == 0
    assert _counts(b) == {"documents": 1, "document_lines": 1, "sales_lines": 1, "movements": 2, "account_items": 1}
    with b.engine.connect() as conn:
        assert conn.execute(select(t.account_items.c.due_on)).scalar_one().isoformat() == due
