"""Settings › Exchange rates: entering, correcting in the table and removing rates, with refusals explained."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from domain.purchasing import commands as pc
from domain.purchasing import rates
from tests import clock
from ui.screens.settings_rates import RATE
from ui.screens.settings_rates import RatesPage

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def page(qtbot, db, make_services):
    widget = RatesPage(make_services())
    qtbot.addWidget(widget)
    widget.resize(760, 420)
    widget.show()
    idle(qtbot, widget)
    return widget


def idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.services.tasks.busy == 0, timeout=15_000)


def stored(db) -> list[tuple[str, date, Decimal]]:
    return [(r.currency, r.valid_from, r.rate) for r in rates.list_rates(db.uow())[1]]


def test_a_rate_entered_in_the_settings_is_stored_and_listed(qtbot, page, db):
    page.currency.setCurrentText("USD")
    page.valid_from.setDate(QDate(2026, 12, 1))
    page.rate.setText("7.1234")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=15_000)
    idle(qtbot, page)
    assert stored(db) == [("USD", date(2026, 12, 1), Decimal("7.1234"))]
    assert [page.table.item(0, c).text() for c in range(3)] == ["USD", "2026-12-01", "7.1234"]
    assert "1 USD = 7.1234 CNY from 2026-12-01" in page.message.text()
    assert page.table.horizontalHeaderItem(RATE).text() == "CNY per 1 unit"


def test_a_rate_is_corrected_in_its_table_cell_and_removed_with_the_button(qtbot, page, db):
    rates.set_rate(db.uow(), pc.SetExchangeRate("EUR", "7.9", date(2026, 11, 1)))
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=15_000)
    idle(qtbot, page)
    page.table.item(0, RATE).setText("7.95")
    qtbot.waitUntil(lambda: stored(db) == [("EUR", date(2026, 11, 1), Decimal("7.95"))], timeout=15_000)
    idle(qtbot, page)
    page.table.selectRow(0)
    assert page.rate.text() == "7.95" and page.remove_button.isEnabled()
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=15_000)
    assert stored(db) == []


@pytest.mark.parametrize(("currency", "rate", "hint"), [("USD", "0", "above 0"), ("USD", "abc", "above 0"),
                                                         ("CNY", "1", "other than the company currency")])
def test_a_refused_rate_says_what_is_accepted_and_stores_nothing(qtbot, page, db, currency, rate, hint):
    page.currency.setCurrentText(currency)
    page.rate.setText(rate)
    page.save_button.click()
    qtbot.waitUntil(lambda: hint in page.message.text(), timeout=15_000)
    assert stored(db) == []


@pytest.fixture
def settings(qtbot, db, make_services):
    from ui.screens.settings import SettingsScreen

    screen = SettingsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.tax_rate.text() != "", timeout=15_000)
    screen.company.setText("Acme Trading")  # a new database's company has no name until one is entered here
    return screen


def company_currency(db) -> str:
    from domain.purchasing import terms as purchasing_terms

    return purchasing_terms.current_policy(db.uow()).currency


def test_a_new_company_currency_while_rates_exist_is_asked_about_and_no_keeps_the_old_one(
        qtbot, settings, db, monkeypatch):
    rates.set_rate(db.uow(), pc.SetExchangeRate("USD", "7.1234", date(2026, 12, 1)))
    asked = []
    monkeypatch.setattr(settings, "_confirm_currency", lambda question: asked.append(question) or False)
    settings.currency.setCurrentText("EUR")
    settings.save.click()
    qtbot.waitUntil(lambda: settings.saved_label.text() != "", timeout=15_000)
    assert asked == ["Change the company currency from CNY to EUR?\n\nExchange rates are stated in the company "
                     "currency: the 1 rate(s) kept say how many CNY one unit of a foreign currency is worth, and from "
                     "now on they are read as EUR. 0 purchase order(s) in a foreign currency are valued through them "
                     "when received. Enter the rates again in EUR after the change."]
    assert settings.saved_label.text() == "Nothing was saved; the company currency stays CNY."
    assert settings.currency.currentText() == "CNY" and company_currency(db) == "CNY"


def test_yes_changes_the_company_currency_and_without_rates_nothing_is_asked(qtbot, settings, db, monkeypatch):
    asked = []
    monkeypatch.setattr(settings, "_confirm_currency", lambda question: asked.append(question) or True)
    settings.currency.setCurrentText("EUR")
    settings.save.click()
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.", timeout=15_000)
    assert asked == [] and company_currency(db) == "EUR"
    rates.set_rate(db.uow(), pc.SetExchangeRate("USD", "1.08", date(2026, 12, 1)))
    settings.currency.setCurrentText("CNY")
    settings.save.click()
    qtbot.waitUntil(lambda: company_currency(db) == "CNY", timeout=15_000)
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.", timeout=15_000)
    assert len(asked) == 1 and "from EUR to CNY" in asked[0]


def test_saving_the_company_without_a_name_asks_for_one_under_its_field_and_saves_nothing(qtbot, settings, db):
    """A database made by ``init`` has no company name (documents print none); its settings page says so under the
    name when saved blank, and nothing else it holds is written."""
    settings.company.setText("")
    settings.tax_rate.setText("3")
    settings.save.click()
    label = settings.errors["company name"]
    qtbot.waitUntil(lambda: not label.isHidden(), timeout=15_000)
    assert label.text() == "Enter the company name; it is printed on purchase orders."
    assert settings.saved_label.text() == ""
    from domain.purchasing import terms as purchasing_terms

    assert purchasing_terms.current_policy(db.uow()).tax_rate == 13


@pytest.mark.parametrize("typed", [QDate(2099, 1, 1), QDate(1969, 12, 31)])
def test_a_rate_dated_outside_the_business_dates_names_the_field_and_the_range(qtbot, page, db, typed):

    from domain.kernel import limits

    page.currency.setCurrentText("USD")
    page.valid_from.setDate(typed)
    page.rate.setText("7.1")
    page.save_button.click()
    last = limits.last_day(clock.now().date()).isoformat()
    said = (f"From: {typed.toString('yyyy-MM-dd')} is outside the accepted dates; enter a date from 1970-01-01 to "
            f"{last}.")
    qtbot.waitUntil(lambda: page.message.text() == said, timeout=15_000)
    assert stored(db) == []
