"""Whole units on the document screens that hold documents (receipts, shipments, transfers, counts, adjustments,
receiving against a purchase order): a fraction of a product counted in whole units is refused when it is typed,
naming the line and the field, and a held document that holds one (kept before the setting was turned on, or
resumed on this desk) has its line marked when it comes back and cannot be parked (F8) until it is corrected.
Posting still checks (test_whole_units_sqlite)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock.held import HeldDocument
from domain.stock.held import HeldLine
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import scan
from tests.ui.test_documents import set_cell
from tests.ui.test_held_documents import held
from tests.ui.test_held_documents import saved
from ui.screens.documents import AdjustScreen
from ui.screens.documents import CountScreen
from ui.screens.documents import ReceiveScreen
from ui.screens.documents import ShipScreen
from ui.screens.documents import TransferScreen


@pytest.fixture
def services(db, qapp, tmp_path):
    """A-1 and B-2 counted in pieces; C-3 (glue) sold by any quantity."""
    for s in document_services(db, tmp_path):
        catalog.update_product(db.uow(), c.UpdateProduct("C-3", "Glue", category="chemicals", whole_units=False))
        yield s


SCREENS = [(ReceiveScreen, "qty", "Qty"), (ShipScreen, "qty", "Qty"), (TransferScreen, "qty", "Qty"),
           (AdjustScreen, "qty", "Change (+/−)"), (CountScreen, "counted", "Counted")]


@pytest.mark.parametrize(("cls", "key", "title"), SCREENS, ids=[s[0].__name__ for s in SCREENS])
def test_a_typed_fraction_of_a_whole_unit_product_is_refused_on_its_line(qtbot, services, cls, key, title):
    screen = open_screen(qtbot, services, cls)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "C-3")
    assert not set_cell(screen, 0, key, "2.5")
    assert screen.line_error.text() == (f"Line 1: {title}: 2.5 is not a whole number: A-1 is counted in whole pcs; "
                                        "enter 2 or 3")
    assert getattr(screen.model.lines[0], key) == 1
    assert set_cell(screen, 1, key, "2.5")  # glue takes any quantity
    assert set_cell(screen, 0, key, "3")
    saved(qtbot, screen)
    [doc] = held(services, screen.kind.value)
    assert [getattr(x, key) for x in doc.lines] == [3, Decimal("2.5")]


def test_receiving_against_a_purchase_order_refuses_a_typed_fraction(qtbot, services, db):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "A-1", "10", "2.00"))
    number = purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id)).number
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.po is not None and screen.model.rowCount() == 1, timeout=30_000)
    assert not set_cell(screen, 0, "qty", "4.5")
    assert "Line 1: Received: 4.5 is not a whole number: A-1 is counted in whole pcs" in screen.line_error.text()


def keep(services, kind: str, *lines: HeldLine, active: bool = True) -> None:
    """A held document as a desk kept it before A-1 was counted in whole units."""
    services.database.held_documents().save(HeldDocument("held-1", kind, "W1", lines=lines, active=active), 1)


def product_id(services, sku: str) -> str:
    return catalog.get_product(services.uow(), sku).id


def test_a_resumed_held_document_holding_a_fraction_is_marked_and_is_not_parked_until_corrected(qtbot, services):
    keep(services, "shipment", HeldLine(product_id(services, "C-3"), "C-3", "Glue", "pcs", Decimal("1.5")),
         HeldLine(product_id(services, "A-1"), "A-1", "螺丝刀 Screwdriver", "pcs", Decimal("2.5")))
    screen = open_screen(qtbot, services, ShipScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=30_000)
    assert [bool(x.error) for x in screen.model.lines] == [False, True]
    said = ("quantity of line 2: 2.5 is not a whole number: A-1 is counted in whole pcs; enter 2 or 3")
    assert screen.model.lines[1].error == said and screen.line_error.text() == said
    qtbot.keyClick(screen.scan, Qt.Key.Key_F8)
    assert screen.model.rowCount() == 2 and screen.line_error.text() == f"Not held: {said}"
    services.tasks.wait()
    assert [d.active for d in held(services)] == [True]  # not parked
    assert set_cell(screen, 1, "qty", "2")
    qtbot.keyClick(screen.scan, Qt.Key.Key_F8)
    services.tasks.wait()
    assert screen.model.rowCount() == 0 and "Held" in screen.result_label.text()
    [parked] = held(services)
    assert not parked.active and [x.qty for x in parked.lines] == [Decimal("1.5"), 2]


def test_a_count_resumed_from_the_held_list_marks_a_fractional_counted_quantity(qtbot, services):
    keep(services, "count", HeldLine(product_id(services, "B-2"), "B-2", "Hammer", "pcs", counted=Decimal("0.5"),
                                     expected=Decimal(0)), active=False)
    screen = open_screen(qtbot, services, CountScreen)
    screen.pick_held = lambda labels: labels[0]
    qtbot.keyClick(screen.scan, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=30_000)
    assert screen.model.lines[0].error == ("counted quantity of line 1: 0.5 is not a whole number: B-2 is counted in "
                                           "whole pcs; enter 1")


def test_a_setting_turned_on_elsewhere_marks_the_line_when_the_codes_are_read_again(qtbot, services):
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "C-3")
    assert set_cell(screen, 0, "qty", "1.5")
    catalog.update_product(services.uow(), c.UpdateProduct("C-3", "Glue", category="chemicals", whole_units=True))
    screen.reload_codes()
    qtbot.waitUntil(lambda: bool(screen.model.lines[0].error), timeout=30_000)
    assert "1.5 is not a whole number: C-3 is counted in whole pcs" in screen.line_error.text()


def test_the_refusals_read_in_chinese(qtbot, chinese, services):
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "A-1")
    assert not set_cell(screen, 0, "qty", "0.5")
    assert screen.line_error.text() == "第 1 行：数量：0.5 不是整数：A-1 按整pcs计数；请输入 1"
    screen.model.lines[0].qty = Decimal("0.5")  # as a held copy would bring it back
    qtbot.keyClick(screen.scan, Qt.Key.Key_F8)
    assert screen.line_error.text() == "未挂单：第 1 行的数量：0.5 不是整数：A-1 按整pcs计数；请输入 1"
