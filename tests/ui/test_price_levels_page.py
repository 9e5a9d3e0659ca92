"""Settings › Price levels: the office names its own price levels there (add, rename, retire), a level in use is not
retired and the page says why; a retired level is no longer offered on the product and customer editors. There was no
page: the extra levels could only be named from the command line, and all five were always offered."""

from __future__ import annotations

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.sales import levels
from domain.sales import price_master as pm


@pytest.fixture
def services(db, make_services):
    catalog.add_product(db.uow(), cc.AddProduct("SD-1", "螺丝刀"))
    catalog.add_customer(db.uow(), cc.AddCustomer("ACME", "顶好"))
    return make_services()


@pytest.fixture
def page(qtbot, services):
    from ui.screens.settings import SettingsScreen

    screen = SettingsScreen(services)
    qtbot.addWidget(screen)
    widget = screen.page("levels")
    qtbot.waitUntil(lambda: len(widget.levels) == 5)
    return widget


def rows(page) -> list[tuple[str, ...]]:
    return [tuple(page.table.item(r, c).text() for c in range(4)) for r in range(page.table.rowCount())]


def press(qtbot, page, button) -> None:
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: page.services.tasks.busy == 0 and not page.busy_bar.isVisible())


def choose(page, level: str) -> None:
    page.table.selectRow(next(i for i, x in enumerate(page.levels) if x.level == level))


def test_levels_are_added_renamed_and_one_no_price_uses_is_retired(qtbot, page, services):
    assert rows(page) == [("Retail", "0", "0", "built in"), ("Wholesale", "0", "0", "built in"),
                          ("", "0", "0", "free"), ("", "0", "0", "free"), ("", "0", "0", "free")]
    choose(page, "retail")
    assert not page.rename_button.isEnabled() and not page.retire_button.isEnabled()
    page.name.setText("VIP")
    press(qtbot, page, page.add_button)
    assert page.message.text() == "Added the price level VIP."
    assert rows(page)[2] == ("VIP", "0", "0", "in use")
    assert pm.level_names(services.uow()) == {"level3": "VIP"}

    choose(page, "level3")
    assert page.name.text() == "VIP"
    page.name.setText("大客户")
    press(qtbot, page, page.rename_button)
    assert page.message.text() == "Renamed VIP to 大客户."
    assert rows(page)[2][0] == "大客户"

    pm.set_list_price(services.uow(), pm.SetListPrice("SD-1", "level3", "9"))
    pm.set_customer_terms(services.uow(), pm.SetCustomerTerms("ACME", price_level="level3"))
    page.refresh()
    qtbot.waitUntil(lambda: rows(page)[2] == ("大客户", "1", "1", "in use"))
    choose(page, "level3")
    press(qtbot, page, page.retire_button)
    assert page.message.text() == ("Refused: price level '大客户' is in use: 1 product(s) have a list price at it and "
                                   "1 customer(s) buy at it; move them to another level first, then retire it")
    assert pm.level_names(services.uow()) == {"level3": "大客户"}

    pm.remove_list_price(services.uow(), pm.RemoveListPrice("SD-1", "level3"))
    pm.set_customer_terms(services.uow(), pm.SetCustomerTerms("ACME", price_level="retail"))
    page.refresh()
    qtbot.waitUntil(lambda: rows(page)[2] == ("大客户", "0", "0", "in use"))
    choose(page, "level3")
    press(qtbot, page, page.retire_button)
    assert page.message.text().startswith("Retired the price level 大客户")
    assert rows(page)[2] == ("", "0", "0", "free") and pm.level_names(services.uow()) == {}


def test_a_refusal_and_the_page_read_in_chinese(qtbot, page, services, chinese):
    for name in ("VIP", "经销商", "批发二级"):
        levels.add_level(services.uow(), levels.AddLevel(name))
    page.refresh()
    qtbot.waitUntil(lambda: rows(page)[4][0] == "批发二级")
    assert rows(page)[0] == ("零售", "0", "0", "内置")
    page.name.setText("门店")
    press(qtbot, page, page.add_button)
    assert page.message.text() == "未执行：3 个自定义价格等级都已在用；请先停用一个，再添加新的"
    page.name.setText(" ")
    choose(page, "level4")
    page.name.setText("vip")
    press(qtbot, page, page.rename_button)
    assert page.message.text() == "未执行：'vip' 已是另一个价格等级的名称；请换一个名称"


def test_a_clerk_sees_the_levels_but_may_not_change_them(qtbot, services):
    from ui.screens.settings import SettingsScreen

    services.role = "clerk"
    screen = SettingsScreen(services)
    qtbot.addWidget(screen)
    page = screen.page("levels")
    qtbot.waitUntil(lambda: len(page.levels) == 5)
    choose(page, "wholesale")
    assert not any(b.isEnabled() for b in (page.add_button, page.rename_button, page.retire_button))
    assert "Manager" in page.add_button.toolTip()


def test_a_level_not_in_use_is_not_offered_unless_the_product_or_customer_has_it(qtbot, services):
    from ui.screens.partners import CustomerTermsDialog
    from ui.screens.products import ProductEditor

    levels.add_level(services.uow(), levels.AddLevel("VIP"))
    editor = ProductEditor(services, sku="SD-1")
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.selling_ready and editor.version is not None)
    form, labels = editor.selling.form, editor.selling.labels
    assert [form.isRowVisible(labels[f"{x} price"]) for x in ("retail", "level3", "level4", "level5")] == [
        True, True, False, False]
    assert not editor.selling.errors["level3 price"].isVisibleTo(editor)  # a row shown, not its empty error line
    dialog = CustomerTermsDialog(services, "ACME")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(getattr(dialog, "customer_name", "")))
    assert [dialog.level.itemData(i) for i in range(dialog.level.count())] == ["retail", "wholesale", "level3"]


def test_names_another_desk_gave_are_shown_when_the_window_hears_of_the_change(qtbot, page, services):
    """The names are office-wide: a sync brings another desk's, and the Settings screen passes the change on."""
    levels.add_level(services.uow(), levels.AddLevel("经销商"))  # as a pull writes it, behind the page's back
    settings = page.parent()
    while not hasattr(settings, "data_changed"):
        settings = settings.parent()
    settings.data_changed(services.data_generation() + 1)
    qtbot.waitUntil(lambda: rows(page)[2] == ("经销商", "0", "0", "in use"))
