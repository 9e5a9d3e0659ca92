"""Scanning a packaging unit's barcode (a carton of 12) on the document screens counts its pack in base units, the
line says how it was counted, Ctrl+Z takes the carton back whole, and the ledger stays in base units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as c
from domain.catalog import packaging
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import post
from tests.ui.test_documents import scan
from tests.ui.test_documents import set_cell
from tests.ui.test_receive_po import load
from tests.ui.test_receive_po import open_receive

pytestmark = pytest.mark.usefixtures("pinned_today")
CARTON = "16901234567899"


@pytest.fixture
def services(db, qapp, tmp_path):
    for s in document_services(db, tmp_path):  # A-1 counted in pieces, with its own barcode 6901234567892
        packaging.add_pack_unit(s.uow(), c.AddPackUnit("A-1", c.PackUnitInput("箱", "12", (CARTON,))))
        yield s


def tip(screen, row: int, key: str) -> str:
    return screen.model.data(screen.model.index(row, screen.model.column(key)), Qt.ItemDataRole.ToolTipRole) or ""


def test_a_carton_scanned_on_receive_adds_twelve_and_the_line_says_two_cartons_and_three(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, CARTON)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 12)]
    assert "1 箱 scanned, 12 pcs added" in screen.result_label.text()
    scan(qtbot, screen, CARTON.lower())  # any case, as every code
    for _ in range(3):
        scan(qtbot, screen, "6901234567892")
    assert screen.model.lines[0].qty == 27
    assert tip(screen, 0, "qty") == "Counted as 2 箱 + 3 (1 箱 = 12 pcs)"
    qtbot.keyClick(screen.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the last single piece
    qtbot.keyClick(screen.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.model.lines[0].qty == 24 and tip(screen, 0, "qty") == "Counted as 2 箱 (1 箱 = 12 pcs)"
    qtbot.keyClick(screen.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # a whole carton back
    assert screen.model.lines[0].qty == 12 and tip(screen, 0, "qty") == "Counted as 1 箱 (1 箱 = 12 pcs)"
    assert set_cell(screen, 0, "qty", "5")  # typed below a carton: no longer said in cartons
    assert tip(screen, 0, "qty") == ""
    assert set_cell(screen, 0, "qty", "12") and set_cell(screen, 0, "unit_cost", "2")
    post(qtbot, screen)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    assert services.stock.on_hand("A-1", "W1") == 12


@pytest.mark.parametrize(("name", "key"), [("ShipScreen", "qty"), ("TransferScreen", "qty"),
                                           ("AdjustScreen", "qty"), ("CountScreen", "counted")])
def test_a_carton_counts_twelve_on_every_scan_screen(qtbot, services, name, key):
    from ui.screens import documents

    post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "50", "1"),)))
    screen = open_screen(qtbot, services, getattr(documents, name))
    scan(qtbot, screen, CARTON)
    scan(qtbot, screen, "A-1")
    assert getattr(screen.model.lines[0], key) == 13
    assert tip(screen, 0, key) == "Counted as 1 箱 + 1 (1 箱 = 12 pcs)"


def test_against_a_purchase_order_a_carton_counts_twelve_of_its_line(qtbot, services):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    catalog_supplier = "SUP"
    draft = purchasing.create_draft(services.uow(), pc.CreatePurchaseOrder(catalog_supplier, "W1"))
    purchasing.add_lines(services.uow(), draft.id, [pc.AddPurchaseOrderLine(draft.id, "A-1", "24", "2")])
    number = purchasing.issue(services.uow(), pc.IssuePurchaseOrder(draft.id)).number
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    scan(qtbot, screen, CARTON)
    assert screen.model.lines[0].qty == 12
    scan(qtbot, screen, CARTON)
    assert screen.model.lines[0].qty == Decimal(24)
    assert tip(screen, 0, "qty") == "Counted as 2 箱 (1 箱 = 12 pcs)"
