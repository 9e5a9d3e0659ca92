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
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow(), cc.AddWarehouse("W2", "Shop"))
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀", barcodes=("690123",)))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer"))
    today = clock.now().replace(microsecond=0)
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


def with_opening_stock(qtbot, services, db, tmp_path):
    """A sheet of opening stock imported (4 HM-1 in W1, posted as a receipt imp-S-…), and the screen on it."""
    from domain.imports import guess_mapping
    from domain.imports import run_import
    from ui.screens.movements import MovementsScreen
    from ui.spreadsheets import read_table

    sheet = tmp_path / "期初库存.csv"
    sheet.write_text("货号,仓库,数量,成本\nHM-1,W1,4,8.00\n", encoding="utf-8")
    table = read_table(sheet)
    assert run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers)).added == 1
    screen = MovementsScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and len(screen.model.rows) == 5)
    return screen


def test_imported_opening_stock_reads_opening_stock_in_the_list_its_details_and_the_export(qtbot, services, db,
                                                                                         chinese, tmp_path):
    """A sheet of opening stock posts receipts (imp-S-…); the ledger lists them as 期初库存, not as 入库, and so do
    the movement's details, the product page's movements and the workbook exported from the list; a receipt
    posted by hand stays 入库."""
    from openpyxl import load_workbook

    from ui.dialogs.export_table import snapshot
    from ui.spreadsheets import write_xlsx

    screen = with_opening_stock(qtbot, services, db, tmp_path)
    shown = {(screen.proxy.index(i, 1).data(), screen.proxy.index(i, 4).data())
             for i in range(screen.proxy.rowCount())}
    assert ("期初库存", "W1") in shown and ("入库", "W2") in shown
    opening = next(i for i, m in enumerate(screen.proxy.visible_rows()) if m.warehouse == "W1" and m.kind == "receipt")
    details = screen.open_movement(screen.proxy.index(opening, 0))
    qtbot.addWidget(details)
    assert "期初库存" in details.text.text()
    titles, cells = snapshot(screen.table)
    write_xlsx(tmp_path / "流水.xlsx", titles, cells())
    kinds = [row[1] for row in load_workbook(tmp_path / "流水.xlsx").active.iter_rows(min_row=2, values_only=True)]
    assert sorted(kinds) == ["入库", "出库", "期初库存", "调入", "调出"]
    qtbot.waitUntil(lambda: services.tasks.busy == 0)


def test_the_command_line_names_imported_opening_stock_in_its_list_and_its_export(db, tmp_path, capsys):
    """``movements`` prints opening_stock for it (its JSON says so beside the kind), ``export movements`` writes
    Opening stock, or 期初库存 in a Chinese workbook."""
    import json

    from openpyxl import load_workbook

    from domain.imports import guess_mapping
    from domain.imports import run_import
    from main import main
    from ui.spreadsheets import read_table

    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("HM-1", "Hammer"))
    sheet = tmp_path / "opening.csv"
    sheet.write_text("SKU,Warehouse,Quantity,Cost\nHM-1,W1,4,8.00\n", encoding="utf-8")
    table = read_table(sheet)
    run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers))
    ledger.receive(db.uow(), c.ReceiveStock("HM-1", "1", "W1", "9"))

    def cli(*args) -> str:
        capsys.readouterr()
        assert main(["--db", str(db.path), *args]) in (0, None)
        return capsys.readouterr().out

    listed = cli("movements")
    assert "opening_stock" in listed and " receipt " in listed
    moves = json.loads(cli("movements", "--json"))
    assert sorted((m["kind"], m["opening_stock"]) for m in moves) == [("receipt", False), ("receipt", True)]
    # --kind as the window's filter: a receipt is not the opening stock, which is listed under opening
    assert [(m["kind"], m["opening_stock"], m["qty"]) for m in json.loads(cli("movements", "--kind", "receipt",
                                                                            "--json"))] == [("receipt", False, "1")]
    opening = json.loads(cli("movements", "--kind", "opening", "--json"))
    assert opening == [m for m in moves if m["opening_stock"]]  # the same JSON, only filtered
    listed = cli("movements", "--kind", "opening")
    assert "opening_stock" in listed and " receipt " not in listed
    assert json.loads(cli("movements", "--kind", "shipment", "--json")) == []
    cli("export", "movements", str(tmp_path / "en.xlsx"))
    cli("export", "movements", str(tmp_path / "zh.xlsx"), "--language", "zh")
    for name, expected in (("en.xlsx", ["Opening stock", "Receipt"]), ("zh.xlsx", ["入库", "期初库存"])):
        kinds = [row[1] for row in load_workbook(tmp_path / name).active.iter_rows(min_row=2, values_only=True)]
        assert sorted(kinds) == expected


def test_the_kind_filter_offers_opening_stock_and_finds_each_movement_under_the_kind_it_shows(qtbot, services, db,
                                                                                          chinese, tmp_path):
    """期初库存 was named in the list but missing from the Kind filter, and filtering by 入库 listed it as well: now
    each kind offered lists exactly the rows the list names so, and together they list every row once."""
    from ui.models.movements import movement_kind

    screen = with_opening_stock(qtbot, services, db, tmp_path)
    every = sorted(m.id for m in screen.model.rows)
    offered = [screen.kind.itemText(i) for i in range(screen.kind.count())]
    assert offered[:3] == ["全部", "入库", "期初库存"]
    screen.kind.setCurrentIndex(screen.kind.findData("opening_stock"))
    assert reload(qtbot, screen) == [("receipt", "HM-1", "W1")]
    assert screen.proxy.index(0, 1).data() == "期初库存"
    screen.kind.setCurrentIndex(screen.kind.findData("receipt"))
    assert reload(qtbot, screen) == [("receipt", "HM-1", "W2")]  # the receipt posted by hand, not the opening stock
    assert screen.proxy.index(0, 1).data() == "入库"
    found = []
    for i in range(1, screen.kind.count()):
        screen.kind.setCurrentIndex(i)
        reload(qtbot, screen)
        assert {movement_kind(m) for m in screen.model.rows} <= {screen.kind.itemData(i)}, screen.kind.itemText(i)
        found += [m.id for m in screen.model.rows]
    assert sorted(found) == every
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
