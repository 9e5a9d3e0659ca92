"""The document screens' lists follow the data: a warehouse added in the settings, a supplier imported or a purchase
order issued while the Receive or Transfer screen is open is there to choose after the window hears of the change
(before, only after F5), and what was chosen and the lines being entered stay as they were."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import scan


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def items(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_a_warehouse_a_supplier_and_a_po_made_elsewhere_appear_on_the_open_receive_screen(qtbot, services, db):
    from ui.screens.documents import ReceiveScreen

    receive = open_screen(qtbot, services, ReceiveScreen)
    receive.warehouse.setCurrentIndex(receive.warehouse.findData("W2"))
    scan(qtbot, receive, "A-1")
    receive.partner.setEditText("SUP")
    catalog.add_warehouse(db.uow(), c.AddWarehouse("BJ", "北京仓"))
    catalog.add_supplier(db.uow(), c.AddSupplier("S-NEW", "新供应商"))
    po = orders.create_draft(db.uow(), pc.CreatePurchaseOrder("S-NEW", "BJ", expected_on=date(2026, 12, 20)))
    orders.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "A-1", Decimal(5), price="2"))
    number = orders.issue(db.uow(), pc.IssuePurchaseOrder(po.id)).number

    receive.data_changed(receive._loaded_generation + 1)  # as the window passes on a commit
    qtbot.waitUntil(lambda: "BJ" in items(receive.warehouse), timeout=15_000)
    qtbot.waitUntil(lambda: services.tasks.busy == 0, timeout=15_000)
    assert "S-NEW" in items(receive.partner)
    assert receive.warehouse.currentData() == "W2" and receive.partner.currentText() == "SUP"
    assert [(x.sku, x.qty) for x in receive.model.lines] == [("A-1", 1)]
    receive.warehouse.setCurrentIndex(receive.warehouse.findData("BJ"))
    assert number in items(receive.po_combo)


def test_a_second_warehouse_added_after_the_transfer_screen_opened_becomes_its_target(qtbot, db, make_services,
                                                                                        tmp_path):
    from ui.screens.documents import TransferScreen

    catalog.add_product(db.uow(), c.AddProduct("A-1", "螺丝刀"))
    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "主仓库"))
    services = make_services("clerk")
    transfer = open_screen(qtbot, services, TransferScreen)
    assert items(transfer.to_warehouse) == ["MAIN"]
    catalog.add_warehouse(db.uow(), c.AddWarehouse("BJ", "北京仓"))
    transfer.data_changed(transfer._loaded_generation + 1)
    qtbot.waitUntil(lambda: items(transfer.to_warehouse) == ["BJ", "MAIN"] or
                    items(transfer.to_warehouse) == ["MAIN", "BJ"], timeout=15_000)
    assert (transfer.warehouse.currentData(), transfer.to_warehouse.currentData()) == ("MAIN", "BJ")
