"""Transfers before purchases on the Replenishment screen (the ledger of tests/integration/planning/test_transfers.py):
SHARE runs short in MAIN (50 left, 5 days) while WEST holds 1,360 and needs about 14; ALONE runs short in MAIN only.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship
from ui.screens.replenishment import ReplenishmentModel
from ui.screens.replenishment import ReplenishmentScreen
from ui.screens.replenishment.transfers import is_transfer


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    def daily(day):
        yield ship("SHARE", 10, "MAIN", day)
        yield ship("SHARE", 1, "WEST", day)
        yield ship("ALONE", 10, "MAIN", day)

    return business(
        tmp_path_factory.mktemp("replenishment-transfers") / "template.sqlite3", suppliers={"NB": 14},
        products={"SHARE": "NB", "ALONE": "NB"},
        opening={("SHARE", "MAIN"): 1450, ("SHARE", "WEST"): 1500, ("ALONE", "MAIN"): 1450},
        daily=daily)


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path, "replenishment.sqlite3")
    yield database
    database.close()


@pytest.fixture
def screen(qtbot, make_services):
    widget = ReplenishmentScreen(make_services())
    widget.today, widget.weeks = TODAY, WEEKS
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    return widget


def _run(qtbot, screen) -> None:
    screen.refresh()
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)


def _lines(screen):
    m, p = ReplenishmentModel, screen.proxy
    return [tuple(p.index(i, c).data() for c in (m.SKU, m.WAREHOUSE, m.KIND, m.ROUTE, m.QTY))
            for i in range(p.rowCount())]


def test_the_transfer_is_listed_before_the_purchases_with_its_route_and_reason(qtbot, screen):
    _run(qtbot, screen)
    lines = _lines(screen)
    assert ("SHARE", "MAIN", "Transfer", "WEST → MAIN", "230") in lines
    assert ("ALONE", "MAIN", "Purchase", "NB → MAIN", "240") in lines
    # the short line of SHARE stays (its alert), with nothing left to buy: the transfer covers it
    assert ("SHARE", "MAIN", "Purchase", "", "") in lines
    assert lines.index(("SHARE", "MAIN", "Transfer", "WEST → MAIN", "230")) < lines.index(
        ("SHARE", "MAIN", "Purchase", "", ""))
    row = next(i for i, x in enumerate(lines) if x[2] == "Transfer")
    reason = screen.proxy.index(row, ReplenishmentModel.REASON).data()
    assert reason.startswith("MAIN runs short (available 50, reorder point 140; needs 230), out of stock by 2026-06-08")
    assert "WEST holds 1338 above its own needs" in reason
    short = next(i for i, x in enumerate(lines) if x[0] == "SHARE" and x[2] == "Purchase")
    assert screen.proxy.index(short, ReplenishmentModel.REASON).data() == \
        "230 comes by transfer; ordering 0 instead of 240"
    screen.table.selectRow(row)
    assert "Transfer 230 of SHARE from WEST to MAIN" in screen.explanation.toPlainText()
    assert "1 transfer(s) between warehouses suggested before buying." in screen.status.text()


def test_create_transfers_posts_the_ticked_transfer_and_the_next_run_suggests_nothing_for_it(qtbot, screen, db):
    _run(qtbot, screen)
    proxy, model = screen.proxy, screen.model
    assert not screen.transfers.button.isEnabled()
    row = next(i for i in range(proxy.rowCount()) if is_transfer(proxy.index(i, 0).data(Qt.ItemDataRole.UserRole + 2)))
    assert proxy.setData(proxy.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert proxy.setData(proxy.index(row, model.QTY), "200")  # the clerk moves less than suggested
    assert [(t.sku, t.qty) for t in model.chosen_transfers()] == [("SHARE", Decimal(200))]
    assert model.chosen() == []  # a transfer is no purchase
    assert screen.transfers.button.isEnabled()
    assert "0 ticked to order, 1 transfer(s) ticked" in screen.summary.text()
    assert "WEST holds 1338" in proxy.index(row, model.REASON).data(Qt.ItemDataRole.ToolTipRole)

    asked, told = [], []
    screen.confirm = lambda text, title=None: asked.append((text, title)) or True
    screen.notify = lambda text, title=None: told.append(text)
    screen.transfers.button.click()
    assert "WEST → MAIN: 1 line(s)" in asked[0][0] and asked[0][1] == "Create transfers"
    qtbot.waitUntil(lambda: bool(told) and screen.run_button.isEnabled(), timeout=60_000)
    [posted] = screen.transfers.last_posted
    assert posted.number.startswith("TR-") and posted.lines == [("SHARE", Decimal(200))]
    assert f"{posted.number} — WEST → MAIN, 1 line(s)" in told[0]
    with db.uow() as uow:
        doc = uow.documents.by_number(posted.number)
        assert doc.note == "suggested by replenishment planning"
    # planned again: 250 in MAIN now, no transfer nor purchase is suggested for SHARE
    assert [x for x in _lines(screen) if x[0] == "SHARE"] == []
    assert not screen.transfers.button.isEnabled()


def test_a_refused_transfer_says_why_and_posts_nothing(qtbot, screen, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _run(qtbot, screen)
    proxy, model = screen.proxy, screen.model
    row = next(i for i in range(proxy.rowCount()) if is_transfer(proxy.index(i, 0).data(Qt.ItemDataRole.UserRole + 2)))
    assert proxy.setData(proxy.index(row, model.QTY), "5000")  # more than WEST holds
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    screen.confirm = lambda text, title=None: True
    screen.transfers.create()
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    assert warned[0].startswith("No transfer was posted:") and "SHARE" in warned[0]
    assert screen.transfers.button.isEnabled()
    with db.uow() as uow:
        main = uow.balances.get(uow.products.by_sku("SHARE").id, uow.warehouses.by_code("MAIN").id)
        assert main.position.on_hand == 50
