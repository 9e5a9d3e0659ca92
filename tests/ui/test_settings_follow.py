"""The settings follow a change made on another desk (a sync's pull writes the office settings): the page showed the
old values until it was opened again. A field the user has not touched takes the new value; one the user is
editing keeps the user's text, and when the other desk changed it too the page says so and offers Reload or Keep
editing. A Save afterwards stores the user's edits without undoing the other desk's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.planning.settings import SetDashboardDays
from domain.planning.settings import dashboard_days
from domain.planning.settings import set_dashboard_days
from domain.purchasing import commands as pc
from domain.purchasing import terms


def other_desk(db, **changes) -> None:
    """What a pull of another desk's settings leaves in the database."""
    terms.set_policy(db.uow(), pc.SetPurchasingPolicy(**changes))


@pytest.fixture
def settings(qtbot, db, make_services):
    from ui.screens.settings import SettingsScreen

    other_desk(db, company_name="示范商贸", company_address="上海市", tax_rate="13")
    screen = SettingsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.company.text() == "示范商贸")
    return screen


def told(qtbot, screen) -> None:
    """As the window passes on a commit it heard of, then the read is waited for."""
    screen.data_changed(screen._loaded_generation + 1)
    qtbot.waitUntil(lambda: screen.services.tasks.busy == 0)


def test_untouched_settings_take_the_values_saved_on_another_desk(qtbot, db, settings):
    for key in ("users", "periods", "planning"):  # pages of either kind are told too (a screen's, or the planning's)
        settings.page(key)
    settings.tabs.setCurrentIndex(0)
    other_desk(db, company_name="示范商贸有限公司", tax_rate="9")
    told(qtbot, settings)
    assert (settings.company.text(), settings.tax_rate.text(), settings.address.toPlainText()) == (
        "示范商贸有限公司", "9", "上海市")
    assert "Changed on another desk" in settings.saved_label.text() and "Tax rate (%)" in settings.saved_label.text()
    assert settings.changed_banner.isHidden()


def test_an_edit_is_kept_and_a_field_changed_on_both_desks_is_asked_about(qtbot, db, settings):
    settings.address.setPlainText("北京市")  # typed here, not saved
    settings.tolerance.setText("5")
    other_desk(db, company_address="广州市", tax_rate="9")
    told(qtbot, settings)
    assert settings.address.toPlainText() == "北京市" and settings.tolerance.text() == "5"  # the user's, kept
    assert settings.tax_rate.text() == "9"  # not touched here: follows
    banner = settings.changed_banner
    assert not banner.isHidden() and "Address" in banner.text.text() and "Tax rate" not in banner.text.text()
    banner.keep.click()
    assert banner.isHidden() and settings.address.toPlainText() == "北京市"
    settings.save.click()
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.")
    policy = terms.current_policy(db.uow())
    # the edits stored, the other desk's tax rate not put back to 13
    assert (policy.company_address, policy.over_receipt_tolerance, policy.tax_rate) == (
        "北京市", Decimal(5), Decimal(9))


def test_reload_takes_the_other_desks_value_and_the_same_change_is_not_asked_about_twice(qtbot, db, settings):
    settings.company.setText("我的公司")
    other_desk(db, company_name="示范商贸有限公司")
    told(qtbot, settings)
    assert not settings.changed_banner.isHidden()
    settings.changed_banner.reload.click()
    assert settings.company.text() == "示范商贸有限公司" and settings.changed_banner.isHidden()
    settings.company.setText("我的公司")
    told(qtbot, settings)  # another commit (a sale, say): the settings did not change again
    assert settings.changed_banner.isHidden() and settings.company.text() == "我的公司"


def test_the_pages_own_save_is_not_taken_for_another_desks_change(qtbot, db, settings):
    settings.tax_rate.setText("6")
    settings.save.click()
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.")
    told(qtbot, settings)  # the window hears of the save's commit
    assert settings.saved_label.text() == "Saved." and settings.changed_banner.isHidden()
    assert settings.tax_rate.text() == "6"


def test_the_planning_page_follows_too_keeping_what_is_typed(qtbot, db, settings):
    page = settings.page("planning")
    qtbot.waitUntil(lambda: page.dead_days.text() == "180")
    page.cover_target.setText("45")  # typed, not saved
    set_dashboard_days(db.uow(), SetDashboardDays("90", "30"))
    told(qtbot, settings)
    assert page.dead_days.text() == "90" and page.cover_target.text() == "45"
    assert "Dead stock after" in page.days_label.text() and not page.saved_label.text()
    assert not page.changed_banner.isHidden() and "Excess stock above" in page.changed_banner.text.text()
    page.changed_banner.keep.click()
    page.days_button.click()
    qtbot.waitUntil(lambda: page.days_label.text().startswith("Saved"))
    assert dashboard_days(db.uow()) == (90, 45)
