"""What the sales clerk's walk (docs/WALKTHROUGH-SALES.md) fixed on the Sales orders and Ship screens."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock import commands as stc
from domain.stock import ledger

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("CL002-03", "洗衣液 2kg 薰衣草香", barcodes=("6928552003352",)))
    catalog.add_product(uow(), c.AddProduct("GR008-01", "食盐 400g"))
    catalog.add_warehouse(uow(), c.AddWarehouse("BJ", "北京仓"))
    catalog.add_customer(uow(), c.AddCustomer("C0001", "荣昌便利店(通州店)"))
    catalog.add_customer(uow(), c.AddCustomer("C0002", "蓝海便利店(静安店)"))
    for sku in ("CL002-03", "GR008-01"):
        ledger.receive(uow(), stc.ReceiveStock(sku, "50", "BJ", "2"))
    with uow() as u:
        for sku, price in (("CL002-03", "28.70"), ("GR008-01", "2.30")):
            u.prices.set_list_price(u.products.by_sku(sku).id, "retail", D(price))
        u.commit()
    return make_services(user="clerk")


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.sales import SalesOrdersScreen

    widget = SalesOrdersScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.customer.count() == 2 and not widget.loading)
    qtbot.waitUntil(lambda: widget.sku.completer() is not None)
    return widget


def shown(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_the_customer_is_found_by_the_initials_of_its_name_and_chosen_with_enter(qtbot, screen):
    """Qt's completer matched the text shown only: rcbld (荣昌便利店) found no customer."""
    screen.customer.setFocus()
    screen.customer.lineEdit().clear()
    qtbot.keyClicks(screen.customer.lineEdit(), "rcbld")
    completer = screen.customer.completer()
    assert completer.popup().isVisible() and shown(completer) == ["C0001  荣昌便利店(通州店)"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert screen.customer.currentData() == "C0001"
    assert screen.customer_code() == "C0001"


def test_a_product_is_found_in_the_add_bar_by_its_pinyin(qtbot, screen):
    """xyy (洗衣液) in the add bar said no product had that SKU or barcode."""
    screen.sku.setFocus()
    qtbot.keyClicks(screen.sku, "xiyiye")
    completer = screen.sku.completer()
    assert completer.popup().isVisible() and shown(completer) == ["CL002-03  洗衣液 2kg 薰衣草香"]
    screen.sku.clear()
    qtbot.keyClicks(screen.sku, "sy")
    assert completer.popup().isVisible() and shown(completer) == ["GR008-01  食盐 400g"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert screen.sku.text() == "GR008-01"
