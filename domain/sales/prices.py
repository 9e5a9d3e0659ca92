"""What a product sells for to a customer: list prices per level, customer terms and prices, the quote.

The quote's chain, for one customer and one product (prices exact, without tax):

1. a price agreed with the customer (``customer_prices``) wins, and takes no further discount;
2. else the list price at the customer's price level (its terms' ``price_level``; no terms: ``retail``), less the
   customer's standing discount;
3. a level with no price for the product falls back to the retail list price (less the discount);
4. no price at all: the quote's ``unit_price`` is None.

The tax rate is the product's own (``product_sales.tax_rate``) where it has one, else the company's (the
purchasing policy's, 13 % unless set). This module holds the model, the repository port (``uow.prices``) and
``quote``; the master-data use cases that change prices and terms are in ``domain.sales.price_master``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_cost

RETAIL = "retail"
WHOLESALE = "wholesale"
LEVELS: tuple[str, ...] = (RETAIL, WHOLESALE, "level3", "level4", "level5")
NAMED_LEVELS: tuple[str, ...] = ("level3", "level4", "level5")  # the office names these (settings)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Quote:
    """What a product sells for to a customer, without tax."""

    unit_price: Decimal | None  # without tax, after the customer's discount where it applies; None: no price known
    list_price: Decimal | None  # before the discount
    discount: Decimal  # percent applied (5 = 5 %)
    tax_rate: Decimal  # percent: the product's own, else the company's
    source: str  # "customer" | "level" | "retail" | ""
    last_price: Decimal | None  # this customer's last price for the product (newest sale not reversed)
    level: str = ""  # the price level whose list price it is ("wholesale", "retail", …); "" for a customer's price

    @property
    def unit_price_with_tax(self) -> Decimal | None:
        """The unit price with tax added, kept to the cost places (no rounding to money here)."""
        if self.unit_price is None:
            return None
        return round_cost(self.unit_price * (HUNDRED + self.tax_rate) / HUNDRED)


@dataclass(frozen=True)
class CustomerTerms:
    """A customer's terms: the price level it buys at, its standing discount, and what receivables need."""

    customer_id: str
    price_level: str = RETAIL
    discount: Decimal = ZERO  # percent, 0..100
    payment_terms: str = ""
    payment_days: int = 0
    credit_limit: Decimal | None = None  # None: no limit
    payment_basis: str = "net"  # net | month_end | cod (domain.accounts.terms)
    phone: str = ""
    email: str = ""
    address: str = ""
    version: int = 0  # 0: never stored


class PriceRepository(Protocol):
    """List prices, product tax rates and substitutes, customer terms and prices (``persistence.sales.prices``)."""

    def list_prices(self, product_id: str) -> dict[str, Decimal]:
        """The product's list price per level; a level without a price is absent."""
        ...
    def set_list_price(self, product_id: str, level: str, price: Decimal | None) -> None:
        """Set (or with None remove) the product's list price at ``level``."""
        ...
    def product_tax_rate(self, product_id: str) -> Decimal | None:
        """The product's own tax rate; None: the company's applies."""
        ...
    def set_product_tax_rate(self, product_id: str, rate: Decimal | None) -> None: ...
    def company_tax_rate(self) -> Decimal:
        """The company's tax rate (the purchasing policy's)."""
        ...
    def customer_price(self, customer_id: str, product_id: str) -> Decimal | None: ...
    def customer_prices(self, customer_id: str) -> dict[str, Decimal]:
        """Every price agreed with the customer, by product id."""
        ...
    def set_customer_price(self, customer_id: str, product_id: str, price: Decimal | None) -> None:
        """Set (or with None remove) the price agreed with the customer for the product."""
        ...
    def terms(self, customer_id: str) -> CustomerTerms | None: ...
    def set_terms(self, terms: CustomerTerms) -> None:
        """Store the customer's terms; the stored version goes up by one."""
        ...
    def last_price(self, customer_id: str, product_id: str) -> Decimal | None:
        """The unit price of the customer's newest sales line for the product whose document is not reversed."""
        ...
    def substitutes(self, product_id: str) -> list[str]:
        """The product's substitutes' ids, in their order."""
        ...
    def set_substitutes(self, product_id: str, substitute_ids: list[str]) -> None: ...
    def level_names(self) -> dict[str, str]:
        """The names the office gave the extra levels (``level3``..``level5``); an unnamed level is absent."""
        ...
    def set_level_name(self, level: str, name: str) -> None:
        """Name an extra level; an empty name removes it."""
        ...
    def level_use(self, level: str) -> tuple[int, int]:
        """How many products have a list price at ``level``, and how many customers buy at it."""
        ...


class _HasPrices(Protocol):
    prices: PriceRepository


def discounted(price: Decimal, discount: Decimal) -> Decimal:
    """``price`` less ``discount`` percent, kept to the cost places (half up)."""
    if not discount:
        return price
    return round_cost(price * (HUNDRED - discount) / HUNDRED)


def quote(uow: _HasPrices, customer_id: str, product_id: str) -> Quote:
    """What ``product_id`` sells for to ``customer_id`` (an empty id: a walk-in, at retail).

    Called inside an open ``with uow``; reads only.
    """
    prices = uow.prices
    own_rate = prices.product_tax_rate(product_id)
    tax_rate = own_rate if own_rate is not None else prices.company_tax_rate()
    last = prices.last_price(customer_id, product_id) if customer_id else None
    special = prices.customer_price(customer_id, product_id) if customer_id else None
    if special is not None:
        return Quote(special, special, ZERO, tax_rate, "customer", last)
    terms = prices.terms(customer_id) if customer_id else None
    level = terms.price_level if terms is not None else RETAIL
    discount = terms.discount if terms is not None else ZERO
    lists = prices.list_prices(product_id)
    if level in lists:
        list_price, source = lists[level], "level"
    elif RETAIL in lists:
        list_price, source = lists[RETAIL], "retail"
    else:
        return Quote(None, None, ZERO, tax_rate, "", last)
    return Quote(discounted(list_price, discount), list_price, discount, tax_rate, source, last,
                 level if source == "level" else RETAIL)
