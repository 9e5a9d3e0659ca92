"""Turning whole units on for a product that still holds a fraction is refused, on the field ``whole units``, naming
what holds it: stock on hand in a warehouse, what is still to receive on a draft or open purchase order, still to
ship on a draft or open sales order, or a supplier's pack size, minimum order or order multiple. Posted history
does not hold anything. The refusal writes nothing (the other changes of the same edit included); the command line
and the product import say the same."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.imports import ImportRejected
from domain.imports import guess_mapping
from domain.imports import run_import
from domain.kernel.errors import BadInput
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.sales import commands as sc
from domain.sales import orders as sales
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.held import HeldDocument
from domain.stock.held import HeldLine
from tests.integration.test_cli import cli
from tests.unit.imports.test_imports import table


@pytest.fixture
def db(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("WH01", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("WH02", "Shop"))
    catalog.add_supplier(u(), cc.AddSupplier("S1", "Supplier"))
    catalog.add_customer(u(), cc.AddCustomer("C1", "Customer"))
    catalog.add_product(u(), cc.AddProduct("CL013-02", "Mop", whole_units=False))
    return db


def turn_on(db, **changes):
    return catalog.update_product(db.uow(), cc.UpdateProduct("CL013-02", changes.pop("name", "Mop"),
                                                             whole_units=True, **changes))


def refused(db, code: str, values: tuple, sentence: str) -> None:
    before = catalog.get_product(db.uow(), "CL013-02")
    with pytest.raises(BadInput) as info:
        turn_on(db, name="Mop, renamed")
    assert (info.value.field, info.value.code, info.value.values) == ("whole units", code, values)
    assert str(info.value) == f"whole units: {sentence}"
    assert catalog.get_product(db.uow(), "CL013-02") == before  # nothing of the edit was written


def test_stock_on_hand_in_a_fraction_is_refused_until_it_is_counted_whole(db):
    u = db.uow
    ledger.receive(u(), c.ReceiveStock("CL013-02", "10", "WH01", "1"))
    ledger.receive(u(), c.ReceiveStock("CL013-02", "2.5", "WH02", "1"))
    refused(db, "holds_fraction", ("CL013-02", "2.5", "pcs", "WH02"),
            "CL013-02 holds 2.5 pcs in WH02; count it to a whole number first")
    ledger.count(u(), c.CountStock("CL013-02", "2", "WH02"))
    assert turn_on(db).whole_units is True


def test_history_in_fractions_holds_nothing_once_the_stock_is_whole(db):
    u = db.uow
    ledger.receive(u(), c.ReceiveStock("CL013-02", "2.5", "WH01", "1"))
    ledger.ship(u(), c.ShipStock("CL013-02", "0.5", "WH01"))
    assert turn_on(db).whole_units is True


def test_a_held_document_holds_nothing_its_resuming_and_posting_check_it(db):
    db.held_documents().save(HeldDocument("h1", "receipt", "WH01", lines=(
        HeldLine("x", "CL013-02", "Mop", "pcs", Decimal("2.5")),)), 1)
    assert turn_on(db).whole_units is True


def test_an_open_purchase_order_line_in_a_fraction_is_refused(db):
    u = db.uow
    draft = purchasing.create_draft(u(), pc.CreatePurchaseOrder("S1", "WH01"))
    purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "CL013-02", "4.5", "1.00"))
    refused(db, "fraction_on_po", ("CL013-02", "4.5", "pcs", draft.id),
            f"CL013-02 has 4.5 pcs still to receive on purchase order {draft.id}; make that line a whole number (or "
            "receive or close it) first")
    number = purchasing.issue(u(), pc.IssuePurchaseOrder(draft.id)).number
    purchasing.receive(u(), pc.ReceivePurchaseOrder(number, (("CL013-02", "2"),)))  # 2.5 still expected
    refused(db, "fraction_on_po", ("CL013-02", "2.5", "pcs", number),
            f"CL013-02 has 2.5 pcs still to receive on purchase order {number}; make that line a whole number (or "
            "receive or close it) first")
    purchasing.receive(u(), pc.ReceivePurchaseOrder(number, (("CL013-02", "2.5"),)))
    ledger.count(u(), c.CountStock("CL013-02", "4", "WH01"))
    assert turn_on(db).whole_units is True  # the fully received line is history


def test_an_open_sales_order_line_in_a_fraction_is_refused(db):
    u = db.uow
    ledger.receive(u(), c.ReceiveStock("CL013-02", "10", "WH01", "1"))
    order = sales.create_order(u(), sc.CreateSalesOrder("C1", "WH01"))
    sales.add_line(u(), sc.AddSalesOrderLine(order.id, "CL013-02", "1.5", "10"))
    ref = order.number or order.id
    refused(db, "fraction_on_so", ("CL013-02", "1.5", "pcs", ref),
            f"CL013-02 has 1.5 pcs still to ship on sales order {ref}; make that line a whole number (or ship or "
            "cancel it) first")
    sales.cancel(u(), sc.CancelSalesOrder(ref, "not wanted"))
    assert turn_on(db).whole_units is True


def test_supplier_terms_in_a_fraction_are_refused(db):
    u = db.uow
    catalog.set_supplier_terms(u(), cc.SetSupplierTerms("S1", "CL013-02", "1.00", order_multiple="2.5"))
    refused(db, "fraction_in_terms", ("CL013-02", "2.5", "pcs", "S1"),
            "CL013-02 is bought in steps of 2.5 pcs from supplier S1 (pack size, minimum order or order multiple); "
            "make those terms whole numbers first")
    catalog.set_supplier_terms(u(), cc.SetSupplierTerms("S1", "CL013-02", "1.00", order_multiple="5"))
    assert turn_on(db).whole_units is True


def test_the_command_line_edits_a_product_and_says_the_refusal(db, capsys):
    ledger.receive(db.uow(), c.ReceiveStock("CL013-02", "2.5", "WH01", "1"))
    code, out, err = cli(db.path, "product", "edit", "CL013-02", "--name", "Mop, flat", "--whole-units", capsys=capsys)
    assert code != 0 and out == ""
    assert err.strip() == "error: whole units: CL013-02 holds 2.5 pcs in WH01; count it to a whole number first"
    assert catalog.get_product(db.uow(), "CL013-02").name == "Mop"
    ledger.count(db.uow(), c.CountStock("CL013-02", "3", "WH01"))
    code, out, err = cli(db.path, "product", "edit", "CL013-02", "--name", "Mop, flat", "--whole-units", capsys=capsys)
    assert (code, out.strip(), err) == (0, "CL013-02: version 2", "")
    product = catalog.get_product(db.uow(), "CL013-02")
    assert (product.name, product.unit, product.whole_units) == ("Mop, flat", "pcs", True)


def test_the_product_import_keeps_the_row_aside_with_its_reason(db):
    ledger.receive(db.uow(), c.ReceiveStock("CL013-02", "2.5", "WH01", "1"))
    catalog.add_product(db.uow(), cc.AddProduct("CL013-03", "Mop refill", whole_units=False))
    t = table("SKU,Name,Whole units\nCL013-03,Mop refill,yes\nCL013-02,Mop,yes\n")
    with pytest.raises(ImportRejected) as caught:
        run_import(db.uow(), "products", t, guess_mapping("products", t.headers))
    assert [(p.row, p.column, p.said.code, p.problem, p.accepted) for p in caught.value.problems] == [
        (3, "Whole units", "holds_fraction", "CL013-02 holds 2.5 pcs in WH01; count it to a whole number first",
         "no (否) until what CL013-02 holds is in whole numbers")]
    assert catalog.get_product(db.uow(), "CL013-02").whole_units is False
