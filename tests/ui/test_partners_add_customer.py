"""Partners › Customers adds a customer: a new company's first sale to a customer not in its spreadsheet needed an
import or the command line before, the window had no way to add one."""

from __future__ import annotations

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog


@pytest.fixture
def screen(qtbot, db, make_services):
    from ui.screens.partners import PartnersScreen

    catalog.add_customer(db.uow(), c.AddCustomer("C001", "杭州建材商行"))
    widget = PartnersScreen(make_services())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.customers.rowCount() == 1 and widget.services.tasks.busy == 0, timeout=15_000)
    widget.tabs.setCurrentIndex(1)
    return widget


def stored(db) -> list[tuple[str, str, str]]:
    from persistence.catalog.queries import customers

    return sorted((x.code, x.name, x.contact) for x in customers(db.engine))


def test_a_customer_typed_under_the_list_is_added_and_listed(qtbot, screen, db):
    screen.customer_code.setText("C003")
    screen.customer_name.setText("苏州装修队")
    screen.customer_contact.setText("李四 139")
    screen.add_customer_button.click()
    qtbot.waitUntil(lambda: screen.customers.rowCount() == 2, timeout=15_000)
    assert stored(db) == [("C001", "杭州建材商行", ""), ("C003", "苏州装修队", "李四 139")]
    assert screen.customer_message.text() == "Added customer C003 (苏州装修队)."
    assert screen.customer_code.text() == ""


@pytest.mark.parametrize(("code", "name", "said"), [
    ("", "某客户", "Code: enter a short code without spaces"),
    ("C 4", "某客户", "Code: enter a short code without spaces"),
    ("C005", "", "Name: enter the customer's name"),
    ("c001", "又一个", "customer code 'c001' is already used"),
])
def test_a_refused_customer_says_what_is_accepted_and_adds_nothing(qtbot, screen, db, code, name, said):
    screen.customer_code.setText(code)
    screen.customer_name.setText(name)
    screen.add_customer_button.click()
    qtbot.waitUntil(lambda: said in screen.customer_message.text(), timeout=15_000)
    qtbot.waitUntil(lambda: screen.services.tasks.busy == 0, timeout=15_000)
    assert stored(db) == [("C001", "杭州建材商行", "")]
    assert screen.add_customer_button.isEnabled() and screen.customer_code.text() == code


def test_the_row_reads_in_chinese(screen, chinese):
    assert screen.add_customer_button.text() == "添加客户"
    assert screen.customer_labels[0].text() == "新客户：编码"
