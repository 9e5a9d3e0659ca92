"""The window's typed queries and actions per business area (``bootstrap.bind``, ``persistence/boundary.py``)
on a real SQLite file: each hands its arguments, with the engine, to the persistence function of its area."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bootstrap import bind
from bootstrap import connect
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import NotFound
from domain.planning import run as planning
from domain.purchasing import commands as pc
from domain.purchasing import orders as po
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from persistence import backup
from persistence.catalog import queries as catalog_queries
from persistence.planning.queries import read_history
from persistence.purchasing import orders as purchasing
from persistence.stock import documents
from persistence.stock import queries
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def shop(db):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("A-1", "Screwdriver", barcodes=("6901234567892",), category="tools"))
    catalog.add_product(uow(), c.AddProduct("B-2", "Glue", category="chemicals"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_supplier(uow(), c.AddSupplier("SUP", "Supplier", lead_time_days=9))
    catalog.add_customer(uow(), c.AddCustomer("CUS", "Customer"))
    post_document(uow(), PostDocument("receipt", "W1", (LineInput("A-1", "10", "2.50"),), partner="SUP"))
    draft = po.create_draft(uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    po.add_line(uow(), pc.AddPurchaseOrderLine(draft.id, "B-2", "4", "1.25"))
    return db


def test_the_catalog_stock_and_document_queries_read_what_the_persistence_functions_read(shop):
    areas, engine = bind(shop), shop.engine
    assert areas.database is shop
    assert areas.catalog.products() == catalog_queries.products(engine)
    assert areas.catalog.product_table(limit=1) == catalog_queries.product_table(engine, limit=1)
    assert [w.code for w in areas.catalog.warehouses()] == ["W1"]
    assert [s.code for s in areas.catalog.suppliers()] == ["SUP"]
    assert [x.code for x in areas.catalog.customers()] == ["CUS"]
    assert areas.catalog.categories() == catalog_queries.categories(engine)
    assert areas.catalog.setting("no such key") is None
    assert areas.stock.on_hand("A-1", "W1") == Decimal(10)
    assert areas.stock.stock(sku="A-1") == queries.stock(engine, sku="A-1")
    assert areas.stock.stock_table() == queries.stock_table(engine)
    assert areas.stock.movements(sku="A-1") == queries.movements(engine, sku="A-1")
    assert areas.stock.latest_movements(product="A-1") == queries.latest_movements(engine, product="A-1")
    assert areas.stock.check() == []
    [doc] = areas.documents.document_list(kind="receipt")
    assert doc == documents.document_list(engine, kind="receipt")[0]
    assert areas.documents.document_lines(doc.id) == documents.document_lines(engine, doc.id)
    assert areas.documents.scan_codes() == documents.scan_codes(engine)


def test_purchasing_has_its_own_supplier_list_beside_the_catalog_one(shop):
    areas = bind(shop)
    [order] = areas.purchasing.purchase_orders(state="draft")
    assert order == purchasing.purchase_orders(shop.engine, state="draft")[0]
    assert [(s.code, s.lead_time_days) for s in areas.purchasing.suppliers()] == [("SUP", 9)]
    assert areas.purchasing.supplier_terms(supplier="SUP") == purchasing.supplier_terms(shop.engine, supplier="SUP")


def test_planning_reads_the_history_through_the_reader(shop):
    first, end = planning.window(clock.today(), 4)
    history = bind(shop).planning.reader(utc_offset_seconds=0)(first, end)
    assert history == read_history(shop.engine, first, end)
    assert [(item.sku, item.warehouse, item.on_hand) for item in history.items] == [("A-1", "W1", Decimal(10))]


def test_backups_are_read_on_one_object_and_written_through_the_admin_actions(tmp_path):
    areas = connect(tmp_path / "shop.sqlite3")
    try:
        assert areas.backups.backups() == []
        made = areas.admin.back_up_now()
        assert [b.path for b in areas.backups.backups()] == [made]
        assert areas.admin.set_backup_keep(3) == 3 == areas.backups.backup_keep()
        assert areas.backups.integrity().ok
        assert areas.admin.daily_backup() is not None
        assert areas.admin.daily_backup() is None  # one a day
        assert backup.list_backups(tmp_path / "shop.sqlite3") == areas.backups.backups()
        result = areas.admin.restore_into(made)
        assert result.restored_from == made
    finally:
        areas.database.close()


def test_what_sync_left_to_review_is_read_on_the_sync_object_and_reviewed_through_the_admin_actions(shop):
    areas = bind(shop)
    assert (areas.sync.conflicts(include_resolved=True), areas.sync.negative_stock(), areas.sync.kept_aside()) == (
        [], [], [])
    with pytest.raises(NotFound, match="no such conflict"):
        areas.admin.resolve_conflict("no-such-conflict", user="li")


def test_the_accounts_queries_read_what_the_accounts_functions_read(db):
    from domain.accounts import commands as ac
    from domain.accounts.money import record_money
    from persistence.accounts import queries as accounts
    from persistence.accounts.statement import statement_for
    from tests.ui.accounts_data import build

    sales = build(db, date(2026, 6, 30))
    areas, engine = bind(db), db.engine
    day = date(2026, 6, 30)
    assert areas.accounts.balances("AR", day) == accounts.balances(engine, "AR", as_of=day)
    assert areas.accounts.ageing("AR", day) == accounts.ageing(engine, "AR", day)
    assert areas.accounts.open_items("AR", overdue_only=True, as_of=day) == accounts.open_items(
        engine, "AR", overdue_only=True, as_of=day)
    hz = next(r for r in areas.accounts.balances("AR", day) if r.code == "HZ01")
    assert areas.accounts.money("AR", partner_id=hz.partner_id) == accounts.money(engine, "AR",
                                                                                  partner_id=hz.partner_id)
    [alloc] = areas.accounts.allocations("AR", hz.partner_id)
    assert (alloc.debit_number, alloc.credit_kind, alloc.amount) == (sales["HZ01-old"], "receipt", Decimal(400))
    record_money(db.uow(), ac.RecordMoney("receipt", "HZ01", "100", day=day, allocate=(ac.AllocateTo(
        sales["HZ01-old"], "60"), ac.AllocateTo(sales["HZ01-mid"], "40"))))
    assert sorted((a.debit_number, a.amount) for a in areas.accounts.allocations("AR", hz.partner_id)) == [
        (sales["HZ01-old"], Decimal(60)), (sales["HZ01-old"], Decimal(400)), (sales["HZ01-mid"], Decimal(40))]
    start = date(2026, 1, 1)
    assert areas.accounts.statement("AR", hz.partner_id, start, day) == statement_for(db, "AR", hz.partner_id,
                                                                                        start, day)
    assert list(areas.accounts.payment_methods())[:2] == ["cash", "bank"]
