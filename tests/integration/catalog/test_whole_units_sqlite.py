"""Whole units on a real SQLite file: every use case that takes a quantity of a product refuses a fraction of a
product counted in whole units, naming the field and the whole numbers it would take, and writes nothing; a
product sold by weight takes the same fraction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlalchemy import select

from domain.accounts.invoices import EnterSupplierInvoice
from domain.accounts.invoices import LineInput as InvoiceLine
from domain.accounts.invoices import enter_supplier_invoice
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import terms
from domain.purchasing.returns import ReturnLine
from domain.purchasing.returns import ReturnToSupplier
from domain.purchasing.returns import return_to_supplier
from domain.sales import commands as sc
from domain.sales import drafts
from domain.sales import orders as sales
from domain.sales import returns
from domain.sales import shipping
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.demand import RecordUnfilledDemand
from domain.stock.demand import record_unfilled_demand
from domain.stock.documents import DocumentError
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from persistence import tables as t

COUNTED = ("movements", "documents", "purchase_orders", "purchase_order_lines", "sales_orders", "sales_order_lines",
           "unfilled_demand", "supplier_invoices", "supplier_terms", "supplier_term_details", "supplier_price_breaks")


@pytest.fixture
def db(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("W2", "Shop"))
    catalog.add_supplier(u(), cc.AddSupplier("S1", "Supplier"))
    catalog.add_customer(u(), cc.AddCustomer("C1", "Customer"))
    catalog.add_product(u(), cc.AddProduct("BOLT", "Bolt", unit="个"))  # whole: pieces
    catalog.add_product(u(), cc.AddProduct("RICE", "Rice", unit="公斤"))  # sold by weight
    for sku in ("BOLT", "RICE"):
        ledger.receive(u(), c.ReceiveStock(sku, "20", "W1", "1.00"))
        catalog.set_supplier_terms(u(), cc.SetSupplierTerms("S1", sku, "1.00"))
    return db


def counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one()
                for name in COUNTED}


def refused(db, call, field: str, shown: str = "2.5", suggestion: str = "2 or 3") -> BadInput:
    """``call`` is refused on ``field`` with ``not_whole`` for BOLT and writes nothing."""
    before = counts(db)
    with pytest.raises((BadInput, DocumentError)) as info:
        call()
    exc = info.value.cause if isinstance(info.value, DocumentError) else info.value
    assert isinstance(exc, BadInput)
    code = "not_whole" if " or " in suggestion else "not_whole_one"
    assert (exc.field, exc.code, exc.values) == (field, code, (shown, "BOLT", "个", *suggestion.split(" or ")))
    assert str(exc) == f"{field}: {shown} is not a whole number: BOLT is counted in whole 个; enter {suggestion}"
    assert counts(db) == before
    return exc


def test_new_products_count_in_whole_units_unless_their_unit_is_a_measure(db):
    assert catalog.get_product(db.uow(), "BOLT").whole_units is True
    assert catalog.get_product(db.uow(), "RICE").whole_units is False
    loose = catalog.add_product(db.uow(), cc.AddProduct("NAILS", "Nails", unit="box", whole_units=False))
    assert loose.whole_units is False and catalog.get_product(db.uow(), "NAILS").whole_units is False


def test_ledger_receipts_shipments_transfers_adjustments_and_counts(db):
    u = db.uow
    refused(db, lambda: ledger.receive(u(), c.ReceiveStock("BOLT", "2.5", "W1", "1.00")), "quantity")
    refused(db, lambda: ledger.ship(u(), c.ShipStock("BOLT", "2.5", "W1")), "quantity")
    refused(db, lambda: ledger.transfer(u(), c.TransferStock("BOLT", "0.5", "W1", "W2")), "quantity", "0.5", "1")
    refused(db, lambda: ledger.adjust(u(), c.AdjustStock("BOLT", "-2.5", "W1", "broken")), "change", "-2.5",
            "-3 or -2")
    refused(db, lambda: ledger.adjust(u(), c.AdjustStock("BOLT", "-0.5", "W1", "broken")), "change", "-0.5", "-1")
    refused(db, lambda: ledger.count(u(), c.CountStock("BOLT", "19.5", "W1")), "counted quantity", "19.5",
            "19 or 20")
    refused(db, lambda: ledger.post_many(u(), [c.ReceiveStock("BOLT", "1", "W1", "1"),
                                               c.ReceiveStock("BOLT", "2.5", "W1", "1")]), "quantity")
    ledger.receive(u(), c.ReceiveStock("RICE", "2.5", "W1", "1.00"))
    ledger.receive(u(), c.ReceiveStock("BOLT", "3", "W1", "1.00"))


def test_stock_documents_name_the_line(db):
    lines = (LineInput("RICE", "1.5", "1.00"), LineInput("BOLT", "2.5", "1.00"))
    refused(db, lambda: post_document(db.uow(), PostDocument("receipt", "W1", lines)), "quantity")
    with pytest.raises(DocumentError) as info:
        post_document(db.uow(), PostDocument("transfer", "W1", lines, to_warehouse="W2"))
    assert (info.value.line, info.value.code, info.value.field) == (2, "bad_input", "quantity")
    count = (LineInput("BOLT", counted="7.5"),)
    refused(db, lambda: post_document(db.uow(), PostDocument("count", "W1", count)), "counted quantity", "7.5",
            "7 or 8")


def test_purchase_order_lines_receiving_and_returns(db):
    u = db.uow
    draft = purchasing.create_draft(u(), pc.CreatePurchaseOrder("S1", "W1"))
    refused(db, lambda: purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "BOLT", "2.5")), "quantity of BOLT")
    purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "BOLT", "4"))
    purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "RICE", "4.5"))
    refused(db, lambda: purchasing.change_line(u(), pc.ChangePurchaseOrderLine(draft.id, "BOLT", "3.5")),
            "quantity", "3.5", "3 or 4")
    number = purchasing.issue(u(), pc.IssuePurchaseOrder(draft.id)).number
    refused(db, lambda: purchasing.receive(u(), pc.ReceivePurchaseOrder(number, (("BOLT", "1.5"),))),
            "quantity of BOLT", "1.5", "1 or 2")
    purchasing.receive(u(), pc.ReceivePurchaseOrder(number, (("BOLT", "2"), ("RICE", "0.5"))))
    refused(db, lambda: return_to_supplier(u(), ReturnToSupplier("S1", "W1", (ReturnLine("BOLT", "0.5"),), "bad")),
            "quantity of line 1", "0.5", "1")
    refused(db, lambda: enter_supplier_invoice(u(), EnterSupplierInvoice(
        "S1", "INV-1", po=number, lines=(InvoiceLine("BOLT", "1.5", "1.00"),))), "quantity of line 1", "1.5", "1 or 2")


def test_supplier_terms_packs_and_price_breaks(db):
    u = db.uow
    refused(db, lambda: catalog.set_supplier_terms(u(), cc.SetSupplierTerms("S1", "BOLT", "1", moq="2.5")),
            "minimum order quantity")
    refused(db, lambda: terms.save_terms(u(), pc.SaveTerms("S1", "BOLT", "1", pack_size="2.5")), "pack size")
    refused(db, lambda: terms.set_term_details(u(), pc.SetTermDetails("S1", "BOLT", "2.5")), "pack size")
    refused(db, lambda: terms.set_price_breaks(u(), pc.SetPriceBreaks("S1", "BOLT", (("2.5", "1"),))),
            "break quantity")
    with pytest.raises(BadInput) as info:
        catalog.add_product(u(), cc.AddProduct("SCREW", "Screw", pack_size="2.5"))
    assert (info.value.field, info.value.code, info.value.values) == ("pack size", "not_whole",
                                                                      ("2.5", "SCREW", "pcs", "2", "3"))
    catalog.add_product(u(), cc.AddProduct("SCREW", "Screw", pack_size="2.5", whole_units=False))
    refused(db, lambda: catalog.update_product(u(), cc.UpdateProduct("BOLT", "Bolt", unit="个", min_level="2.5")),
            "min level")
    terms.save_terms(u(), pc.SaveTerms("S1", "RICE", "1", pack_size="2.5", breaks=(("12.5", "0.9"),)))


def test_sales_order_lines_shipping_counter_sales_returns_and_lost_sales(db):
    u = db.uow
    order = sales.create_order(u(), sc.CreateSalesOrder("C1", "W1"))
    refused(db, lambda: sales.add_line(u(), sc.AddSalesOrderLine(order.id, "BOLT", "0.3", "10")), "quantity",
            "0.3", "1")
    sales.add_line(u(), sc.AddSalesOrderLine(order.id, "BOLT", "5", "10"))
    sales.add_line(u(), sc.AddSalesOrderLine(order.id, "RICE", "1.5", "10"))
    refused(db, lambda: drafts.change_line(u(), drafts.ChangeDraftLine(order.number or order.id, 1, qty="4.5")),
            "quantity", "4.5", "4 or 5")
    refused(db, lambda: drafts.replace_line(u(), drafts.ReplaceDraftLine(order.number or order.id, 2, "BOLT")),
            "quantity", "1.5", "1 or 2")
    confirmed = sales.confirm(u(), sc.ConfirmSalesOrder(order.number or order.id))
    ref = confirmed.number
    refused(db, lambda: shipping.ship(u(), sc.ShipSalesOrder(ref, (("BOLT", "2.5"),))), "quantity of BOLT")
    refused(db, lambda: sales.cut_line(u(), sc.CutSalesOrderLine(ref, "BOLT", "not wanted", "0.5")), "quantity",
            "0.5", "1")
    shipped = shipping.ship(u(), sc.ShipSalesOrder(ref, (("BOLT", "2"), ("RICE", "0.5"))))
    refused(db, lambda: returns.return_goods(u(), sc.ReturnFromCustomer("BOLT", "1.5", "broken",
                                                                         shipment=shipped[0].number)),
            "quantity", "1.5", "1 or 2")
    refused(db, lambda: shipping.sell(u(), sc.CounterSale("C1", "W1", (sc.SaleLineInput("RICE", "1.5", "3"),
                                                                       sc.SaleLineInput("BOLT", "1.5", "3")))),
            "quantity of line 2", "1.5", "1 or 2")
    refused(db, lambda: record_unfilled_demand(u(), RecordUnfilledDemand("BOLT", "2.5", "W1")), "quantity")
    shipping.sell(u(), sc.CounterSale("C1", "W1", (sc.SaleLineInput("RICE", "1.5", "3"),
                                                   sc.SaleLineInput("BOLT", "1", "3"))))


def test_switching_whole_units_off_lets_a_product_take_fractions_and_on_again_refuses_them(db):
    u = db.uow
    product = catalog.get_product(u(), "BOLT")
    catalog.update_product(u(), cc.UpdateProduct("BOLT", "Bolt", unit="个", whole_units=False,
                                                 expected_version=product.version))
    ledger.receive(u(), c.ReceiveStock("BOLT", "2.5", "W1", "1.00"))
    catalog.update_product(u(), cc.UpdateProduct("BOLT", "Bolt", unit="个"))  # None keeps the setting
    assert catalog.get_product(u(), "BOLT").whole_units is False
    with pytest.raises(BadInput) as info:  # while it holds 22.5 in W1 (test_whole_units_turned_on)
        catalog.update_product(u(), cc.UpdateProduct("BOLT", "Bolt", unit="个", whole_units=True))
    assert info.value.code == "holds_fraction"
    # a count to a whole number takes the half piece away (the difference posted is the ledger's, not typed)
    moved = ledger.count(u(), c.CountStock("BOLT", "22", "W1"))
    assert moved is not None and moved.qty == Decimal("-0.5")
    catalog.update_product(u(), cc.UpdateProduct("BOLT", "Bolt", unit="个", whole_units=True))
    refused(db, lambda: ledger.ship(u(), c.ShipStock("BOLT", "0.5", "W1")), "quantity", "0.5", "1")
