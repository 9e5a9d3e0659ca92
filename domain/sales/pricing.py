"""The price of a line being entered: the one place that decides it (orders, counter sales, free returns)."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from domain.catalog.model import Product
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import ZERO
from domain.kernel.refusals import refusal
from domain.sales.prices import quote

HUNDRED = Decimal(100)


class LinePrice(NamedTuple):
    unit_price: Decimal  # without tax, before ``discount``
    discount: Decimal  # percent
    tax_rate: Decimal  # percent
    source: str  # "" typed; else the quote's source


def discount_value(field: str, value: object) -> Decimal | None:
    """A discount in percent (0 to 100, at most 4 decimals); None or blank: none given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    d = v.number(field, value, max_places=4)
    if not ZERO <= d <= HUNDRED:
        raise BadInput(field, f"{value} is not a percent from 0 to 100; enter e.g. 5 for 5 %", code="not_a_percent",
                       values=(value,))
    return d


def price_value(field: str, value: object) -> Decimal | None:
    """A typed unit price without tax; None or blank: none given (the quote's)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return v.money(field, value)


def line_price(uow, customer_id: str, product: Product, price: Decimal | None,
               discount: Decimal | None) -> LinePrice:
    """The unit price, discount and tax rate of a line (inside an open ``with uow``).

    A typed price is taken as it is, with the typed discount (none: 0). Without one, the customer's quote
    (``domain.sales.prices.quote``): a customer's own price takes no discount; a list price takes the customer's
    standing discount, or the typed one. The tax rate is always the quote's (the product's own, else the
    company's).

    Raises:
        RuleViolation ``no_sale_price``: no price typed and none known for this customer.
    """
    q = quote(uow, customer_id, product.id)
    if price is not None:
        return LinePrice(price, discount if discount is not None else ZERO, q.tax_rate, "")
    if q.unit_price is None:
        raise refusal(RuleViolation, "no_sale_price", sku=product.sku)
    if q.source == "customer" or q.list_price is None:
        return LinePrice(q.unit_price, discount if discount is not None else ZERO, q.tax_rate, q.source)
    return LinePrice(q.list_price, discount if discount is not None else q.discount, q.tax_rate, q.source)
