"""Settings › Planning's dashboard days: shown with their defaults, refused by name when out of range (nothing kept),
kept when valid, and used by the dashboard's next load."""

from __future__ import annotations

import pytest

from tests import clock
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def page(qtbot, db, make_services):
    from ui.screens.settings import SettingsScreen

    settings = SettingsScreen(make_services())
    qtbot.addWidget(settings)
    widget = settings.page("planning")
    qtbot.waitUntil(lambda: widget.dead_days.text() != "")
    yield widget  # the screen is held here, and the page with it (qtbot only keeps a weak reference to it)


def test_the_dashboard_days_show_their_defaults_and_a_bad_value_is_refused_by_name(page, qtbot, db):
    from domain.planning.settings import dashboard_days

    assert (page.dead_days.text(), page.cover_target.text()) == ("180", "60")
    page.dead_days.setText("90")
    page.cover_target.setText("0")
    page.days_button.click()
    qtbot.waitUntil(lambda: page.days_label.text().startswith("Not saved"))
    assert "Excess stock above" in page.days_label.text() and "1 to 3650" in page.days_label.text()
    assert page.cover_target.styleSheet() and not page.dead_days.styleSheet()
    assert dashboard_days(db.uow()) == (180, 60)  # neither was kept
    page.cover_target.setText("ninety")
    page.days_button.click()
    qtbot.waitUntil(lambda: "“ninety”" in page.days_label.text())
    page.cover_target.setText(" 45 ")
    page.days_button.click()
    qtbot.waitUntil(lambda: page.days_label.text().startswith("Saved"))
    assert dashboard_days(db.uow()) == (90, 45) and page.cover_target.text() == "45"
    assert not page.cover_target.styleSheet()


def test_the_dashboard_counts_dead_and_excess_stock_with_the_days_saved(page, qtbot, db, make_services, monkeypatch):
    import time

    from ui.screens.dashboard import DashboardScreen

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    build(db)
    page.dead_days.setText("10")
    page.cover_target.setText("30")
    page.days_button.click()
    qtbot.waitUntil(lambda: page.days_label.text().startswith("Saved"))
    screen = DashboardScreen(make_services(), today=TODAY)
    qtbot.addWidget(screen)
    screen.set_custom(FIRST, TODAY)
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert "no issue in 10 days" in screen.tiles["dead"].detail.text()
    assert "above 30 days of cover" in screen.tiles["excess"].detail.text()
    assert screen.tiles["dead"].detail.text().startswith("3 products")  # CUP, OLD and TEA idle over 10 days
    clock.machine_zone(monkeypatch)


def test_the_fill_rate_switch_is_on_by_default_and_saved_with_the_basis(page, qtbot, db):
    from domain.planning.settings import abc_basis
    from domain.planning.settings import fill_rate_use

    assert page.fill_rate.isChecked() and "at most × 1.5" in page.fill_note.text()
    page.fill_rate.setChecked(False)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"))
    assert fill_rate_use(db.uow()) is False and abc_basis(db.uow()) == "value"


def test_the_rule_shows_its_default_refuses_a_bad_target_by_name_and_keeps_a_good_one(page, qtbot, db, english):
    from domain.planning.settings import abc_basis
    from domain.planning.settings import service_rule

    assert (page.rule.currentData(), page.overall.text()) == ("cost", "99") and page.overall.isEnabled()
    assert "average unit cost" in page.rule_note.text()
    page.overall.setText("99.9")
    page.basis.setCurrentIndex(page.basis.findData("volume"))
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Not saved"))
    assert "overall service target" in page.saved_label.text() and "90 to 99.5" in page.saved_label.text()
    assert "“99.9”" in page.saved_label.text() and page.overall.styleSheet()
    assert service_rule(db.uow()) == ("cost", 0.99) and abc_basis(db.uow()) == "value"  # nothing of the group kept
    page.overall.setText("98.5")
    page.rule.setCurrentIndex(page.rule.findData("class"))
    assert not page.overall.isEnabled()  # the class rule has no overall target
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"))
    assert service_rule(db.uow()) == ("class", 0.985) and abc_basis(db.uow()) == "volume"
    assert not page.overall.styleSheet()


def test_a_grossed_up_order_says_why_on_its_replenishment_line(qtbot):
    from decimal import Decimal
    from types import SimpleNamespace

    from ui.screens.replenishment.detail import explanation_html
    from ui.screens.replenishment.model import ReplenishmentModel
    from ui.screens.replenishment.transfers import detail_html

    e = {"supplier": "NB", "supplier_fill_rate": Decimal("0.8"), "fill_factor": Decimal("1.25"), "fill_lines": 5,
         "fill_orders": 5, "fill_capped": False, "order_need": Decimal(230), "order_qty": Decimal(288),
         "on_hand": Decimal(50), "on_order": Decimal(0), "reorder_point": Decimal(140)}
    row = SimpleNamespace(sku="LOW", name="Low", warehouse="MAIN", abc="A", xyz="X", product_id="p",
                          forecast=SimpleNamespace(demand_class="smooth"), alert=None, draft_alert=None,
                          suggestion=SimpleNamespace(qty=Decimal(288), supplier="NB"), explanation=e, transfers=())
    model = ReplenishmentModel()
    model.set_rows([row])
    reason = model.index(0, ReplenishmentModel.REASON).data()
    assert reason == ("NB delivered 80.0 % of what was ordered (5 lines, 5 orders in the last year): the need is "
                      "ordered × 1.25")
    html = explanation_html(row)
    assert "80.0 %" in html and "× 1.25" in html and "Need (S − position)" in html
    panel = detail_html(row, explanation_html)
    assert panel.startswith("<p><b>Why this quantity</b><br>NB delivered 80.0 %")


def test_the_order_cost_shows_its_default_is_refused_by_name_and_kept_with_the_group(page, qtbot, db, english):
    from domain.planning.settings import abc_basis
    from domain.planning.settings import order_cost

    assert page.order_cost.text() == "5" and "economic order quantity" in page.order_cost_note.text()
    page.order_cost.setText("-5")
    page.basis.setCurrentIndex(page.basis.findData("volume"))
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Not saved"))
    assert "order cost per purchase-order line" in page.saved_label.text() and "“-5”" in page.saved_label.text()
    assert page.order_cost.styleSheet()
    assert order_cost(db.uow()) == 5 and abc_basis(db.uow()) == "value"  # nothing of the group kept
    page.order_cost.setText("20")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"))
    assert order_cost(db.uow()) == 20 and abc_basis(db.uow()) == "volume"
    assert page.order_cost.text() == "20" and not page.order_cost.styleSheet()


def test_the_holding_rate_shows_its_default_is_refused_by_name_and_kept_beside_the_order_cost(page, qtbot, db,
                                                                                            english):
    from domain.planning.settings import holding_rate
    from domain.planning.settings import order_cost

    assert page.holding_rate.text() == "25" and page.holding_label.text() == "Ho&lding rate a year (% of unit cost):"
    assert "holding rate × unit cost" in page.order_cost_note.text()
    page.order_cost.setText("20")
    page.holding_rate.setText("0")  # 0 % would make every economic order infinite
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Not saved"))
    assert "holding rate" in page.saved_label.text() and "from 1 to 100" in page.saved_label.text()
    assert "“0”" in page.saved_label.text()
    assert page.holding_rate.styleSheet() and not page.order_cost.styleSheet()
    assert (order_cost(db.uow()), holding_rate(db.uow())) == (5, 0.25)  # nothing of the group kept
    page.holding_rate.setText("18.5 %")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"))
    assert (order_cost(db.uow()), holding_rate(db.uow())) == (20, 0.185)
    assert page.holding_rate.text() == "18.5" and not page.holding_rate.styleSheet()


def test_enter_in_the_order_cost_or_the_holding_rate_saves_them(page, qtbot, db, english):
    from PySide6.QtCore import Qt

    from domain.planning.settings import holding_rate
    from domain.planning.settings import order_cost

    page.order_cost.setText("8")
    page.holding_rate.setText("20")
    qtbot.keyClick(page.holding_rate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Saved"))
    assert (order_cost(db.uow()), holding_rate(db.uow())) == (8, 0.20)
