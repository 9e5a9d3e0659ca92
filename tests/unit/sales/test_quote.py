"""The quote's chain: customer price, level price less discount, retail fallback, no price; the tax rate."""

from __future__ import annotations

from decimal import Decimal

from domain.sales.prices import CustomerTerms
from domain.sales.prices import Quote
from domain.sales.prices import quote
from tests.fakes import FakeUnitOfWork

D = Decimal


def shop(**state) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    for name, value in state.items():
        setattr(uow.state, name, value)
    return uow


def ask(uow: FakeUnitOfWork, customer: str = "c1", product: str = "p1") -> Quote:
    with uow:
        return quote(uow, customer, product)


def test_a_customer_price_wins_and_takes_no_discount():
    uow = shop(list_prices={("p1", "retail"): D("12.00"), ("p1", "wholesale"): D("10.00")},
               customer_prices={("c1", "p1"): D("9.50")},
               customer_terms={"c1": CustomerTerms("c1", "wholesale", D(5))})
    assert ask(uow) == Quote(D("9.50"), D("9.50"), D(0), D(13), "customer", None)


def test_the_list_price_at_the_customers_level_less_its_discount():
    uow = shop(list_prices={("p1", "retail"): D("12.00"), ("p1", "wholesale"): D("10.00")},
               customer_terms={"c1": CustomerTerms("c1", "wholesale", D("7.5"))})
    q = ask(uow)
    # 10.00 × (100 − 7.5) / 100 = 9.25
    assert (q.unit_price, q.list_price, q.discount, q.source) == (D("9.25"), D("10.00"), D("7.5"), "level")


def test_a_level_without_a_price_falls_back_to_retail_less_the_discount():
    uow = shop(list_prices={("p1", "retail"): D("19.99")},
               customer_terms={"c1": CustomerTerms("c1", "level3", D(10))})
    q = ask(uow)
    # 19.99 × 0.90 = 17.991, exact
    assert (q.unit_price, q.list_price, q.discount, q.source) == (D("17.991"), D("19.99"), D(10), "retail")


def test_no_terms_buys_at_retail_without_discount():
    uow = shop(list_prices={("p1", "retail"): D("12.00"), ("p1", "wholesale"): D("10.00")})
    q = ask(uow)
    assert (q.unit_price, q.list_price, q.discount, q.source) == (D("12.00"), D("12.00"), D(0), "level")


def test_no_price_at_all_quotes_none():
    uow = shop(list_prices={("p2", "retail"): D("5")}, customer_terms={"c1": CustomerTerms("c1", "wholesale")})
    assert ask(uow) == Quote(None, None, D(0), D(13), "", None)


def test_a_discount_is_kept_to_eight_places_half_up():
    uow = shop(list_prices={("p1", "retail"): D("0.33333333")},
               customer_terms={"c1": CustomerTerms("c1", "retail", D(3))})
    # 0.33333333 × 0.97 = 0.3233333301 → 0.32333333
    assert ask(uow).unit_price == D("0.32333333")


def test_the_products_own_tax_rate_else_the_companys():
    uow = shop(list_prices={("p1", "retail"): D("100")}, tax_rates={"p1": D(9)}, company_tax_rate=D(6))
    q = ask(uow)
    assert q.tax_rate == D(9)
    assert q.unit_price_with_tax == D("109")
    assert ask(uow, product="p2").tax_rate == D(6)
    uow.state.company_tax_rate = D(13)
    assert ask(uow, product="p2").tax_rate == D(13)


def test_the_last_price_comes_with_the_quote():
    uow = shop(list_prices={("p1", "retail"): D("12")}, last_prices={("c1", "p1"): D("11.40")})
    assert ask(uow).last_price == D("11.40")
    assert ask(uow, customer="c2").last_price is None


def test_a_walk_in_buys_at_retail():
    uow = shop(list_prices={("p1", "retail"): D("12"), ("p1", "wholesale"): D("10")},
               customer_prices={("", "p1"): D("1")})
    q = ask(uow, customer="")
    assert (q.unit_price, q.source, q.last_price) == (D("12"), "level", None)
