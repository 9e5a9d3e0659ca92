"""Settings › Month close on a new company's first month: the only month listed is the current one, which cannot be
closed before it ends. The Close month button was greyed out without a word; the page now says when it can be."""

from __future__ import annotations

import pytest

from domain.accounts.periods import next_month
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from tests import clock
from ui.screens.settings_periods import PeriodsPage

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def page(qtbot, db, make_services):
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "主仓库"))
    catalog.add_product(db.uow(), cc.AddProduct("LSD-01", "十字螺丝刀"))
    ledger.receive(db.uow(), c.ReceiveStock("LSD-01", "100", "MAIN", "3.5"))  # the opening stock, today
    widget = PeriodsPage(make_services())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.services.tasks.busy == 0 and bool(widget.model.rows), timeout=15_000)
    return widget


def this_month() -> str:
    return clock.today().strftime("%Y-%m")


def test_the_current_month_says_from_when_it_can_be_closed(page):
    assert [m.month for m in page.model.rows] == [this_month()]
    assert not page.close_button.isEnabled()
    after = next_month(this_month())
    assert page.close_hint.text() == f"{this_month()} can be closed once it has ended, from {after}-01 on."


def test_the_hint_is_in_chinese_too(page, chinese):
    assert page.close_hint.text() == f"{this_month()} 结束后才能结账，即从 {next_month(this_month())}-01 起。"
