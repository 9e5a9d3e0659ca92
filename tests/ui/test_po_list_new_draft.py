"""A draft purchase order just made has no lines yet: the list shows its open quantity as 0. The sum of no lines was
the integer 0, which the quantity column could not write (an error in the model's data on every repaint, and a
blank cell) until the first line was added."""

from __future__ import annotations

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders
from ui.screens.purchasing.screen import PoListModel


def test_a_draft_without_lines_shows_an_open_quantity_of_0(qapp, db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("BJ", "北京仓"))
    catalog.add_supplier(db.uow(), c.AddSupplier("S002", "宁波包装材料厂"))
    orders.create_draft(db.uow(), pc.CreatePurchaseOrder("S002", "BJ"))
    model = PoListModel()
    model.set_rows(make_services().purchasing.purchase_orders())
    column = [c.title for c in PoListModel.COLUMNS].index("Open qty")
    assert model.data(model.index(0, column)) == "0"
