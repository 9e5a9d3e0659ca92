"""The price and terms use cases: what they store, what they refuse (with a code), and who may run them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.access.model import User
from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.kernel.errors import BadInput
from domain.kernel.errors import Forbidden
from domain.kernel.errors import NotFound
from domain.sales import price_master as pm
from tests.fakes import FakeUnitOfWork

D = Decimal


@pytest.fixture
def uow() -> FakeUnitOfWork:
    u = FakeUnitOfWork()
    for pid, sku in (("p1", "SCREW"), ("p2", "NUT"), ("p3", "BOLT")):
        u.state.products[pid] = Product(id=pid, sku=sku, name=sku.lower())
    u.state.customers["c1"] = Customer("c1", "ACME", "顶好")
    return u


def test_list_prices_are_set_and_removed_per_level(uow):
    assert pm.set_list_price(uow, pm.SetListPrice("screw", "Wholesale", "10.50")) == D("10.50")
    assert uow.state.list_prices == {("p1", "wholesale"): D("10.50")}
    assert pm.remove_list_price(uow, pm.RemoveListPrice("SCREW", "wholesale")) is True
    assert pm.remove_list_price(uow, pm.RemoveListPrice("SCREW", "wholesale")) is False
    assert uow.state.list_prices == {}


@pytest.mark.parametrize(("level", "price", "field", "code"), [
    ("vip", "1", "level", "not_a_price_level"),
    ("retail", "-1", "price", "negative"),
    ("retail", "10000000000", "price", "too_large"),
    ("retail", "1.123456789", "price", "too_many_places"),
    ("retail", "abc", "price", "not_a_number"),
])
def test_a_bad_list_price_is_refused_naming_the_field(uow, level, price, field, code):
    with pytest.raises(BadInput) as exc:
        pm.set_list_price(uow, pm.SetListPrice("SCREW", level, price))
    assert (exc.value.field, exc.value.code) == (field, code)
    assert uow.commits == 0


def test_terms_change_only_the_fields_given_and_keep_a_version(uow):
    t = pm.set_customer_terms(uow, pm.SetCustomerTerms("ACME", price_level="wholesale", discount="7.5",
                                                       credit_limit="5000"))
    assert (t.price_level, t.discount, t.credit_limit, t.version) == ("wholesale", D("7.5"), D(5000), 1)
    t = pm.set_customer_terms(uow, pm.SetCustomerTerms("ACME", payment_days="30", credit_limit="none"))
    assert (t.price_level, t.discount, t.payment_days, t.credit_limit, t.version) == \
        ("wholesale", D("7.5"), 30, None, 2)


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"discount": "100.5"}, "discount", "lead_time_range"),
    ({"discount": "-1"}, "discount", "lead_time_range"),
    ({"price_level": "gold"}, "price level", "not_a_price_level"),
    ({"payment_days": "1.5"}, "payment days", "too_many_places"),
    ({"credit_limit": "-5"}, "credit limit", "negative"),
    ({"email": "not mail"}, "email", "not_an_email"),
])
def test_bad_terms_are_refused(uow, change, field, code):
    with pytest.raises(BadInput) as exc:
        pm.set_customer_terms(uow, pm.SetCustomerTerms("ACME", **change))
    assert (exc.value.field, exc.value.code) == (field, code)


def test_a_customer_price_and_the_products_tax_rate(uow):
    pm.set_customer_price(uow, pm.SetCustomerPrice("ACME", "NUT", "0.35"))
    assert uow.state.customer_prices == {("c1", "p2"): D("0.35")}
    pm.set_customer_price(uow, pm.SetCustomerPrice("ACME", "NUT", None))
    assert uow.state.customer_prices == {}
    assert pm.set_product_tax(uow, pm.SetProductTax("NUT", "6")) == D(6)
    assert pm.set_product_tax(uow, pm.SetProductTax("NUT", "default")) is None
    assert uow.state.tax_rates == {}
    with pytest.raises(NotFound) as exc:
        pm.set_customer_price(uow, pm.SetCustomerPrice("NOPE", "NUT", "1"))
    assert exc.value.code == "unknown_customer_code"


def test_substitutes_are_other_products_in_order_each_once(uow):
    assert [p.sku for p in pm.set_substitutes(uow, pm.SetSubstitutes("SCREW", ["BOLT", "NUT"]))] == ["BOLT", "NUT"]
    assert uow.state.substitutes == {"p1": ["p3", "p2"]}
    for subs, code in ((["SCREW"], "own_substitute"), (["NUT", "nut"], "listed_twice")):
        with pytest.raises(BadInput) as exc:
            pm.set_substitutes(uow, pm.SetSubstitutes("SCREW", subs))
        assert exc.value.code == code
    assert uow.state.substitutes == {"p1": ["p3", "p2"]}
    pm.set_substitutes(uow, pm.SetSubstitutes("SCREW", []))
    assert uow.state.substitutes == {}


def test_level_names_only_for_the_extra_levels(uow):
    assert pm.name_levels(uow, pm.NameLevels({"level3": "VIP", "level4": "经销商"})) == {"level3": "VIP",
                                                                                       "level4": "经销商"}
    assert pm.name_levels(uow, pm.NameLevels({"level4": ""})) == {"level3": "VIP"}
    with pytest.raises(BadInput):
        pm.name_levels(uow, pm.NameLevels({"retail": "零售"}))


def test_a_clerk_may_not_change_prices(uow):
    from datetime import UTC
    from datetime import datetime

    uow.state.users["ann"] = User("u1", "ann", "clerk", "x", datetime(2026, 1, 1, tzinfo=UTC))
    uow.user, uow.role = "ann", "clerk"
    with pytest.raises(Forbidden):
        pm.set_list_price(uow, pm.SetListPrice("SCREW", "retail", "1"))


def test_the_customer_sheet_replaces_the_customers_prices_with_its_terms_in_one_transaction(uow):
    uow.state.customer_prices = {("c1", "p1"): D("1"), ("c1", "p2"): D("2")}
    sheet = pm.SetCustomerSheet(pm.SetCustomerTerms("ACME", price_level="wholesale", discount="3"),
                                (("NUT", "2"), ("BOLT", "3.5")))
    terms = pm.set_customer_sheet(uow, sheet)
    assert (terms.price_level, terms.discount) == ("wholesale", D(3))
    assert uow.state.customer_prices == {("c1", "p2"): D(2), ("c1", "p3"): D("3.5")}
    assert uow.commits == 1
    with pytest.raises(NotFound):
        pm.set_customer_sheet(uow, pm.SetCustomerSheet(pm.SetCustomerTerms("ACME", discount="9"), (("NOPE", "1"),)))
    assert uow.state.customer_terms["c1"].discount == D(3)  # nothing of the refused sheet was kept


def test_the_product_sales_set_every_level_the_tax_rate_and_the_substitutes(uow):
    uow.state.list_prices = {("p1", "level5"): D(1)}
    got = pm.set_product_sales(uow, pm.SetProductSales("SCREW", {"retail": "12", "wholesale": " ", "level5": ""},
                                                      "6", ("NUT",)))
    assert got == pm.ProductSales({"retail": D(12)}, D(6), ("NUT",))
    assert uow.state.list_prices == {("p1", "retail"): D(12)}
    assert (uow.state.tax_rates, uow.state.substitutes) == ({"p1": D(6)}, {"p1": ["p2"]})
    assert pm.product_sales(uow, "SCREW") == got
    with pytest.raises(BadInput) as exc:
        pm.check_product_sales(pm.SetProductSales("SCREW", {"level4": "x"}))
    assert exc.value.field == "level4 price"


@pytest.mark.parametrize(("cost", "retail", "wholesale"), [
    (250, "3.6", "2.88"),  # 2.50 × 1.45 = 3.625 → 3.6; × 1.15 = 2.875 → 2.88
    (1_000, "13.5", "11.5"),  # 10.00 × 1.35; × 1.15
    (12_345, "154.3", "141.97"),  # 123.45 × 1.25 = 154.3125; × 1.15 = 141.9675
    (10, "0.22", "0.12"),  # 0.10 × 1.45 = 0.145 → 0.1, not above wholesale 0.115 → 0.12: retail 0.12 + 0.10
])
def test_the_demos_list_prices_from_the_cost(cost, retail, wholesale):
    from domain.demo.master import list_prices

    assert list_prices(cost) == (D(retail), D(wholesale))
