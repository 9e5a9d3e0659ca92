"""A free receipt fills in the last purchase price of a scanned product, as a suggestion the clerk can overwrite: the
Receive screen left the unit cost empty and posting refused it ("line 1: enter the unit cost")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import post
from tests.ui.test_documents import scan
from tests.ui.test_documents import set_cell
from ui.models import document_lines as lm

FONT, TIP = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def bought(services, sku: str, cost: str, supplier: str, day: date) -> str:
    return post_document(services.uow(), PostDocument("receipt", "W1", (LineInput(sku, "2", cost),), partner=supplier,
                                                      business_date=day)).number


def receive_screen(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    return open_screen(qtbot, services, ReceiveScreen)


def cost_cell(screen, row: int = 0):
    return screen.model.index(row, screen.model.column(lm.COST))


def test_a_scanned_product_takes_its_last_purchase_price_shown_as_a_suggestion_and_posts_with_it(qtbot, services):
    number = bought(services, "A-1", "12.50", "SUP", date(2026, 11, 20))
    screen = receive_screen(qtbot, services)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "A-1")
    qtbot.waitUntil(lambda: screen.model.lines[0].unit_cost is not None)
    cell = cost_cell(screen)
    assert cell.data() == "12.5" and cell.data(FONT).italic()
    assert cell.data(TIP) == (f"Filled in: the last purchase price, on 2026-11-20 ({number}). Type a unit cost to "
                              "change it.")
    assert "Amount: 25.00" in screen.totals.text()
    post(qtbot, screen)
    assert "Posted GR-" in screen.result_label.text()
    assert services.stock.on_hand("A-1", "W1") == Decimal(4)


def test_the_chosen_suppliers_last_price_is_suggested_and_changing_the_supplier_suggests_again(qtbot, services):
    bought(services, "A-1", "12.50", "SUP", date(2026, 11, 20))
    catalog.add_supplier(services.uow(), c.AddSupplier("OTH", "Other"))
    bought(services, "A-1", "14", "OTH", date(2026, 11, 25))
    screen = receive_screen(qtbot, services)
    qtbot.waitUntil(lambda: screen.partner.count() == 3)
    screen.partner.setEditText("SUP — Supplier")
    scan(qtbot, screen, "A-1")
    qtbot.waitUntil(lambda: screen.model.lines[0].unit_cost == Decimal("12.50"))
    assert cost_cell(screen).data(TIP).startswith("Filled in: SUP's last purchase price, on 2026-11-20 (GR-")
    screen.partner.setEditText("")  # no supplier: anyone's last price
    qtbot.waitUntil(lambda: screen.model.lines[0].unit_cost == Decimal(14))


def test_a_typed_unit_cost_is_the_clerks_and_no_suggestion_replaces_it(qtbot, services):
    bought(services, "A-1", "12.50", "SUP", date(2026, 11, 20))
    screen = receive_screen(qtbot, services)
    scan(qtbot, screen, "A-1")
    qtbot.waitUntil(lambda: screen.model.lines[0].unit_cost is not None)
    assert set_cell(screen, 0, lm.COST, "13")
    cell = cost_cell(screen)
    assert (cell.data(), cell.data(FONT), cell.data(TIP)) == ("13", None, None)
    screen.partner.setEditText("SUP")  # a supplier chosen: the costs not typed are suggested again, not this one
    qtbot.waitUntil(lambda: not screen._resuggest.isActive())
    screen.suggest_costs(["A-1"])  # even when its SKU is asked for
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    assert screen.model.lines[0].unit_cost == Decimal(13)
    assert screen.undo() and screen.model.lines[0].unit_cost == Decimal("12.50")  # back to the suggestion
    assert cost_cell(screen).data(FONT).italic()


def test_a_product_never_bought_has_no_cost_to_suggest_and_is_still_refused_without_one(qtbot, services):
    screen = receive_screen(qtbot, services)
    scan(qtbot, screen, "B-2")
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    assert screen.model.lines[0].unit_cost is None
    post(qtbot, screen)
    assert "Unit cost" in screen.line_error.text()
