"""The movements screen: the ledger newest first, filtered by product, warehouse, kind and dates."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtCore import QDate

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow(), cc.AddWarehouse("W2", "Shop"))
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀", barcodes=("690123",)))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer"))
    today = datetime.now(UTC).replace(microsecond=0)
    old = datetime(2020, 1, 2, 9, 0, tzinfo=UTC)
    ledger.receive(uow(), c.ReceiveStock("SD-1", "10", "W1", "2", occurred_at=old))
    ledger.receive(uow(), c.ReceiveStock("HM-1", "5", "W2", "9", occurred_at=today))
    ledger.ship(uow(), c.ShipStock("SD-1", "3", "W1", ref="SO-9", occurred_at=today))
    ledger.transfer(uow(), c.TransferStock("SD-1", "2", "W1", "W2", occurred_at=today))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.movements import MovementsScreen

    widget = MovementsScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.warehouse.count() == 3)
    return widget


def reload(qtbot, screen) -> list[tuple[str, str, str]]:
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading)
    return [(m.kind, m.sku, m.warehouse) for m in screen.model.rows]


def test_the_last_90_days_are_shown_newest_first(qtbot, screen):
    rows = screen.model.rows
    assert len(rows) == 4  # the 2020 receipt is older than the default range
    assert [r.occurred_at for r in rows] == sorted((r.occurred_at for r in rows), reverse=True)
    assert "4 movement(s)" in screen.status.text()


def test_a_date_range_reaching_back_shows_older_movements(qtbot, screen):
    screen.since.setDate(QDate(2019, 12, 1))
    assert len(reload(qtbot, screen)) == 5
    screen.until.setDate(QDate(2020, 1, 31))
    assert reload(qtbot, screen) == [("receipt", "SD-1", "W1")]


def test_filters_by_warehouse_kind_and_product(qtbot, screen):
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W2"))
    qtbot.waitUntil(lambda: not screen.loading)
    assert sorted(reload(qtbot, screen)) == [("receipt", "HM-1", "W2"), ("transfer_in", "SD-1", "W2")]
    screen.warehouse.setCurrentIndex(0)
    screen.kind.setCurrentIndex(screen.kind.findData("shipment"))
    assert reload(qtbot, screen) == [("shipment", "SD-1", "W1")]
    screen.kind.setCurrentIndex(0)
    screen.product.setText("690123")  # a barcode
    assert sorted(reload(qtbot, screen)) == [("shipment", "SD-1", "W1"), ("transfer_in", "SD-1", "W2"),
                                              ("transfer_out", "SD-1", "W1")]
    screen.product.setText("Ham")  # part of a name
    assert reload(qtbot, screen) == [("receipt", "HM-1", "W2")]


@pytest.mark.parametrize("typed", ["lsd", "luosidao", "sd-1"])
def test_the_product_filter_finds_a_chinese_name_by_its_pinyin_and_a_sku_in_any_case(qtbot, screen, typed):
    """As every other search box does (lsd or luosidao finds 螺丝刀); the movements' filter found nothing."""
    screen.product.setText(typed)
    assert sorted(reload(qtbot, screen)) == [("shipment", "SD-1", "W1"), ("transfer_in", "SD-1", "W2"),
                                              ("transfer_out", "SD-1", "W1")]


def test_kinds_are_shown_as_captions(screen):
    kinds = {screen.proxy.index(i, 1).data() for i in range(screen.proxy.rowCount())}
    assert kinds == {"Receipt", "Shipment", "Transfer out", "Transfer in"}


def test_opening_a_movement_shows_its_details_and_source(qtbot, screen):
    row = next(i for i, m in enumerate(screen.proxy.visible_rows()) if m.kind == "shipment")
    details = screen.open_movement(screen.proxy.index(row, 0))
    qtbot.addWidget(details)
    assert "SO-9" in details.text.text()
    assert "SD-1 · 螺丝刀" in details.text.text()
    qtbot.waitUntil(lambda: screen.services.tasks.busy == 0)
    assert details.document is None  # posted by a use case, not from a document
