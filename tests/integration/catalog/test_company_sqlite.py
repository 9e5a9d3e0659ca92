"""A new company database: settings and first warehouse in one transaction."""

from __future__ import annotations

import pytest

from domain.catalog.company import SetUpCompany
from domain.catalog.company import set_up_company
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms


def test_setting_up_a_company_stores_name_address_currency_and_the_first_warehouse(db):
    company = SetUpCompany("上海五金有限公司", "上海市浦东新区 1 号", "usd", "SH", "上海总仓")
    policy, warehouse = set_up_company(db.uow(), company)
    assert warehouse.code == "SH" and warehouse.name == "上海总仓"
    stored = purchasing_terms.current_policy(db.uow())
    assert (stored.company_name, stored.company_address) == (company.company_name, company.address)
    assert stored.currency == "USD"
    assert stored == policy


def test_a_refused_field_writes_nothing(db):
    with pytest.raises(BadInput, match="currency: RMB is not an ISO 4217 currency code in use"):
        set_up_company(db.uow(), SetUpCompany("Shop", "", "RMB", "SH", "Main"))
    with pytest.raises(BadInput, match="currency: '人民币' is not a three-letter ISO 4217"):
        set_up_company(db.uow(), SetUpCompany("Shop", "", "人民币", "SH", "Main"))
    set_up_company(db.uow(), SetUpCompany("Shop", "", "CNY", "SH", "Main"))
    with pytest.raises(Duplicate):
        set_up_company(db.uow(), SetUpCompany("Other name", "", "EUR", "SH", "Main"))
    stored = purchasing_terms.current_policy(db.uow())
    assert (stored.company_name, stored.currency) == ("Shop", "CNY")


def test_the_currency_can_be_changed_with_the_other_settings(db):
    purchasing_terms.set_policy(db.uow(), pc.SetPurchasingPolicy(currency="eur"))
    assert purchasing_terms.current_policy(db.uow()).currency == "EUR"
    with pytest.raises(BadInput, match="currency"):
        purchasing_terms.set_policy(db.uow(), pc.SetPurchasingPolicy(currency="EURO"))
