"""Price and terms master data: list prices per level, the extra levels' names, customer terms and prices, a
product's own tax rate and its substitutes.

Each public function is one transaction and takes a command of raw values (what a user typed), checks each field
once and refuses with ``BadInput`` naming the field and what is accepted. Prices are exact decimals, 0 or more and
below ``limits.COST_MAX`` (what a PO's unit price may be); percents are 0 to 100.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.terms import basis_value
from domain.accounts.terms import days_value
from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import COST_PLACES
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.sales.prices import LEVELS
from domain.sales.prices import NAMED_LEVELS
from domain.sales.prices import CustomerTerms
from domain.sales.prices import Quote
from domain.sales.prices import quote
from domain.stock.ledger import find_product

NO_LIMIT = ("", "none")  # what a credit limit is typed as to say "no limit"
DEFAULT_RATE = ("", "default")  # what a product's tax rate is typed as to say "the company's"


# -- commands: raw values as typed


@dataclass(frozen=True)
class SetListPrice:
    sku: str
    level: str
    price: str | Decimal


@dataclass(frozen=True)
class RemoveListPrice:
    sku: str
    level: str


@dataclass(frozen=True)
class NameLevels:
    names: dict[str, str]  # level3..level5 -> its name ("" removes it)


@dataclass(frozen=True)
class SetCustomerPrice:
    customer: str  # the customer's code
    sku: str
    price: str | Decimal | None  # None: remove the customer's price


@dataclass(frozen=True)
class SetCustomerTerms:
    """A customer's terms; a field left None keeps what is stored (or the default)."""

    customer: str
    price_level: str | None = None
    discount: str | Decimal | None = None
    payment_terms: str | None = None
    payment_days: str | int | None = None
    credit_limit: str | Decimal | None = None  # "" or "none": no limit
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    payment_basis: str | None = None  # net, month-end (月结) or cod; due dates of new items follow it


@dataclass(frozen=True)
class SetProductTax:
    sku: str
    rate: str | Decimal | None  # None, "" or "default": the company's rate


@dataclass(frozen=True)
class SetSubstitutes:
    sku: str
    substitutes: list[str] = field(default_factory=list)  # SKUs or barcodes, in order; empty: none


# -- field checks


def parse_level(value: object, field_name: str = "level") -> str:
    level = v.text(field_name, value, max_len=16).lower()
    if level not in LEVELS:
        raise BadInput(field_name, f"{value!r} is not a price level; enter one of {', '.join(LEVELS)}",
                       code="not_a_price_level", values=(value,))
    return level


def parse_price(field_name: str, value: object) -> Decimal:
    """A price: 0 or more, below ``COST_MAX``, at most ``COST_PLACES`` decimals."""
    return v.money(field_name, value, max_places=COST_PLACES)


def parse_percent(field_name: str, value: object) -> Decimal:
    """A percent from 0 to 100 with at most 4 decimals."""
    result = v.number(field_name, value, max_places=4)
    if result < 0 or result > 100:
        raise BadInput(field_name, f"{value} is out of range; enter a percentage from 0 to 100, such as 13 or 2.5",
                       code="lead_time_range", values=(value,))
    return result


def parse_credit_limit(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in NO_LIMIT):
        return None
    result = v.number("credit limit", value, max_places=2)
    if result < 0:
        raise BadInput("credit limit", f"{value} is negative; enter 0 or more, or none for no limit",
                       code="negative", values=(value,))
    if result >= limits.VALUE_MAX:
        raise BadInput("credit limit", f"{value} is too large; at most 99,999,999,999,999.99 is accepted",
                       code="too_large", values=(value,))
    return result


def parse_payment_days(value: object) -> int:
    return days_value(value)


def find_customer(uow: UnitOfWork, code: object) -> Customer:
    code = v.code("customer", code, max_len=limits.CODE)
    customer = uow.customers.by_code(code)
    if customer is None:
        raise refusal(NotFound, "unknown_customer_code", code=code)
    return customer


# -- use cases


def set_list_price(uow: UnitOfWork, c: SetListPrice) -> Decimal:
    level, price = parse_level(c.level), parse_price("price", c.price)
    with uow:
        require(uow, Permission.PRICES)
        product = find_product(uow, c.sku)
        uow.prices.set_list_price(product.id, level, price)
        uow.commit()
    return price


def set_many(uow: UnitOfWork, commands: Iterable[SetListPrice | SetCustomerTerms]) -> int:
    """Run many list-price and customer-terms commands in one transaction (the demo's prices), through the same
    checks as one at a time: all of them or, on the first refusal, none. Returns how many ran."""
    done = 0
    with uow:
        require(uow, Permission.PRICES)
        for c in commands:
            if isinstance(c, SetListPrice):
                level, price = parse_level(c.level), parse_price("price", c.price)
                uow.prices.set_list_price(find_product(uow, c.sku).id, level, price)
            else:
                set_customer_terms_within(uow, c)
            done += 1
        uow.commit()
    return done


def remove_list_price(uow: UnitOfWork, c: RemoveListPrice) -> bool:
    """Remove the product's price at the level; False when it had none (nothing changes)."""
    level = parse_level(c.level)
    with uow:
        require(uow, Permission.PRICES)
        product = find_product(uow, c.sku)
        if level not in uow.prices.list_prices(product.id):
            return False
        uow.prices.set_list_price(product.id, level, None)
        uow.commit()
    return True


def name_levels(uow: UnitOfWork, c: NameLevels) -> dict[str, str]:
    """Name (or with "" unname) the extra levels; returns every name now in force. Unnaming retires a level, refused
    while a list price or a customer uses it (``domain.sales.levels.retire_level``)."""
    names = {}
    for level, name in c.names.items():
        key = v.text("level", level, max_len=16).lower()
        if key not in NAMED_LEVELS:
            raise BadInput("level", f"{level!r} cannot be named; name one of {', '.join(NAMED_LEVELS)}",
                           code="not_a_price_level", values=(level,))
        names[key] = v.text(f"{key} name", name, required=False, max_len=64)
    with uow:
        require(uow, Permission.PRICES)
        held = uow.prices.level_names()
        for level, name in names.items():
            prices, customers = uow.prices.level_use(level) if held.get(level) and not name else (0, 0)
            if prices or customers:
                raise refusal(RuleViolation, "level_in_use", name=held[level], prices=prices, customers=customers)
            uow.prices.set_level_name(level, name)
        result = uow.prices.level_names()
        uow.commit()
    return result


def set_customer_price(uow: UnitOfWork, c: SetCustomerPrice) -> Decimal | None:
    price = None if c.price is None else parse_price("price", c.price)
    with uow:
        require(uow, Permission.PRICES)
        customer = find_customer(uow, c.customer)
        product = find_product(uow, c.sku)
        uow.prices.set_customer_price(customer.id, product.id, price)
        uow.commit()
    return price


def set_customer_terms(uow: UnitOfWork, c: SetCustomerTerms) -> CustomerTerms:
    changes = terms_changes(c)
    with uow:
        require(uow, Permission.PRICES)
        terms = _apply_terms(uow, find_customer(uow, c.customer), changes)
        uow.commit()
    return terms


def set_customer_terms_within(uow: UnitOfWork, c: SetCustomerTerms) -> CustomerTerms:
    """``set_customer_terms`` inside a transaction the caller holds (an import of customers with their address)."""
    return _apply_terms(uow, find_customer(uow, c.customer), terms_changes(c))


def terms_changes(c: SetCustomerTerms) -> dict[str, object]:
    """The checked fields of ``c`` that change something (None: kept), by ``CustomerTerms`` attribute."""
    changes: dict[str, object] = {}
    if c.price_level is not None:
        changes["price_level"] = parse_level(c.price_level, "price level")
    if c.discount is not None:
        changes["discount"] = parse_percent("discount", c.discount)
    if c.payment_terms is not None:
        changes["payment_terms"] = v.text("payment terms", c.payment_terms, required=False, max_len=limits.REASON)
    if c.payment_days is not None:
        changes["payment_days"] = parse_payment_days(c.payment_days)
    if c.payment_basis is not None:
        changes["payment_basis"] = basis_value(c.payment_basis)
    if c.credit_limit is not None:
        changes["credit_limit"] = parse_credit_limit(c.credit_limit)
    if c.phone is not None:
        changes["phone"] = v.text("phone", c.phone, required=False, max_len=64)
    if c.email is not None:
        email = v.text("email", c.email, required=False, max_len=200)
        if email and ("@" not in email or any(ch.isspace() for ch in email)):
            raise BadInput("email", f"{email!r} is not an e-mail address; enter one such as name@example.com",
                           code="not_an_email", values=(email,))
        changes["email"] = email
    if c.address is not None:
        changes["address"] = v.text("address", c.address, required=False, max_len=limits.ADDRESS)
    return changes


def _apply_terms(uow: UnitOfWork, customer: Customer, changes: dict[str, object]) -> CustomerTerms:
    before = uow.prices.terms(customer.id) or CustomerTerms(customer.id)
    terms = replace(before, **changes)
    if changes and terms != before:
        uow.prices.set_terms(terms)
        terms = uow.prices.terms(customer.id) or terms
    return terms


@dataclass(frozen=True)
class SetCustomerSheet:
    """A customer's terms and its own prices as the customer editor saves them: ``prices`` are every price agreed
    with the customer afterwards, (SKU, price) (a product not listed has none)."""

    terms: SetCustomerTerms
    prices: tuple[tuple[str, str | Decimal], ...] = ()


def set_customer_sheet(uow: UnitOfWork, c: SetCustomerSheet) -> CustomerTerms:
    """Store the customer's terms and replace its own prices, in one transaction."""
    changes = terms_changes(c.terms)
    typed = [(v.code("SKU", sku), parse_price(f"price of {sku}", price)) for sku, price in c.prices]
    with uow:
        require(uow, Permission.PRICES)
        customer = find_customer(uow, c.terms.customer)
        terms = _apply_terms(uow, customer, changes)
        wanted: dict[str, Decimal] = {}
        for sku, price in typed:
            product = find_product(uow, sku)
            if product.id in wanted:
                raise BadInput("SKU", f"{product.sku} is listed twice; list each product once", code="listed_twice",
                               values=(product.sku,))
            wanted[product.id] = price
        before = uow.prices.customer_prices(customer.id)
        for product_id in sorted(set(before) - set(wanted)):
            uow.prices.set_customer_price(customer.id, product_id, None)
        for product_id, price in wanted.items():
            if before.get(product_id) != price:
                uow.prices.set_customer_price(customer.id, product_id, price)
        uow.commit()
    return terms


@dataclass(frozen=True)
class SetProductSales:
    """What the product editor saves about selling a product: its list prices (level → price; blank: none), its
    own tax rate (blank or "default": the company's) and its substitutes (SKUs in order)."""

    sku: str
    prices: dict[str, str | Decimal | None]
    tax_rate: str | Decimal | None = None
    substitutes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProductSales:
    prices: dict[str, Decimal]
    tax_rate: Decimal | None
    substitutes: tuple[str, ...]  # SKUs


def check_product_sales(c: SetProductSales) -> ProductSales:
    """The checked fields of ``c`` (the field named by its level's name, "tax rate", "substitute"), or BadInput."""
    prices: dict[str, Decimal] = {}
    for level, price in c.prices.items():
        key = parse_level(level)
        if price is not None and not (isinstance(price, str) and not price.strip()):
            prices[key] = parse_price(f"{key} price", price)
    default = c.tax_rate is None or (isinstance(c.tax_rate, str) and c.tax_rate.strip().lower() in DEFAULT_RATE)
    rate = None if default else parse_percent("tax rate", c.tax_rate)
    subs = tuple(v.code("substitute", s) for s in c.substitutes if s and s.strip())
    return ProductSales(prices, rate, subs)


def set_product_sales(uow: UnitOfWork, c: SetProductSales) -> ProductSales:
    """Store the product's list prices, own tax rate and substitutes in one transaction."""
    checked = check_product_sales(c)
    with uow:
        require(uow, Permission.PRICES)
        product = find_product(uow, c.sku)
        before = uow.prices.list_prices(product.id)
        for level in LEVELS:
            if before.get(level) != checked.prices.get(level):
                uow.prices.set_list_price(product.id, level, checked.prices.get(level))
        if uow.prices.product_tax_rate(product.id) != checked.tax_rate:
            uow.prices.set_product_tax_rate(product.id, checked.tax_rate)
        subs = _substitutes(uow, product, checked.substitutes)
        if uow.prices.substitutes(product.id) != [x.id for x in subs]:
            uow.prices.set_substitutes(product.id, [x.id for x in subs])
        uow.commit()
    return ProductSales(checked.prices, checked.tax_rate, tuple(x.sku for x in subs))


def product_sales(uow: UnitOfWork, sku: str) -> ProductSales:
    """Read: the product's list prices, own tax rate and substitutes' SKUs."""
    with uow:
        product = find_product(uow, sku)
        subs = [uow.products.get(pid) for pid in uow.prices.substitutes(product.id)]
        return ProductSales(uow.prices.list_prices(product.id), uow.prices.product_tax_rate(product.id),
                            tuple(p.sku for p in subs if p is not None))


def set_product_tax(uow: UnitOfWork, c: SetProductTax) -> Decimal | None:
    """Set the product's own tax rate; None, "" or "default" returns it to the company's. Returns the rate stored."""
    default = c.rate is None or (isinstance(c.rate, str) and c.rate.strip().lower() in DEFAULT_RATE)
    rate = None if default else parse_percent("tax rate", c.rate)
    with uow:
        require(uow, Permission.PRICES)
        product = find_product(uow, c.sku)
        uow.prices.set_product_tax_rate(product.id, rate)
        uow.commit()
    return rate


def set_substitutes(uow: UnitOfWork, c: SetSubstitutes) -> list[Product]:
    """Replace the product's substitutes with ``c.substitutes`` in that order: other products, each once."""
    with uow:
        require(uow, Permission.MASTER_DATA)
        product = find_product(uow, c.sku)
        chosen = _substitutes(uow, product, c.substitutes)
        uow.prices.set_substitutes(product.id, [x.id for x in chosen])
        uow.commit()
    return chosen


def _substitutes(uow: UnitOfWork, product: Product, codes) -> list[Product]:
    chosen: list[Product] = []
    for code in codes:
        sub = find_product(uow, code, "substitute")
        if sub.id == product.id:
            raise BadInput("substitute", f"{sub.sku} is the product itself; choose other products",
                           code="own_substitute", values=(sub.sku,))
        if any(x.id == sub.id for x in chosen):
            raise BadInput("substitute", f"{sub.sku} is listed twice; list each substitute once",
                           code="listed_twice", values=(sub.sku,))
        chosen.append(sub)
    return chosen


# -- reads (one transaction each, nothing written)


@dataclass(frozen=True)
class PriceSheet:
    """Everything about one product's price, for one customer or for a walk-in."""

    product: Product
    list_prices: dict[str, Decimal]  # level -> price
    level_names: dict[str, str]  # level3..level5 -> the office's name
    own_tax_rate: Decimal | None  # None: the company's
    customer: Customer | None
    terms: CustomerTerms | None
    customer_price: Decimal | None
    quote: Quote


def price_sheet(uow: UnitOfWork, sku: str, customer: str | None = None) -> PriceSheet:
    with uow:
        product = find_product(uow, sku)
        who = find_customer(uow, customer) if customer else None
        cid = who.id if who else ""
        return PriceSheet(product, uow.prices.list_prices(product.id), uow.prices.level_names(),
                          uow.prices.product_tax_rate(product.id), who, uow.prices.terms(cid) if who else None,
                          uow.prices.customer_price(cid, product.id) if who else None, quote(uow, cid, product.id))


def customer_terms(uow: UnitOfWork, customer: str) -> tuple[Customer, CustomerTerms]:
    """The customer's terms (the defaults when none were set)."""
    with uow:
        who = find_customer(uow, customer)
        return who, uow.prices.terms(who.id) or CustomerTerms(who.id)


def customer_prices(uow: UnitOfWork, customer: str) -> list[tuple[Product, Decimal]]:
    """The prices agreed with the customer, by SKU."""
    with uow:
        who = find_customer(uow, customer)
        found = [(uow.products.get(pid), price) for pid, price in uow.prices.customer_prices(who.id).items()]
        return sorted(((p, price) for p, price in found if p is not None), key=lambda x: x[0].sku)


def substitutes_of(uow: UnitOfWork, sku: str) -> tuple[Product, list[Product]]:
    with uow:
        product = find_product(uow, sku)
        subs = [uow.products.get(pid) for pid in uow.prices.substitutes(product.id)]
        return product, [p for p in subs if p is not None]


def level_names(uow: UnitOfWork) -> dict[str, str]:
    with uow:
        return uow.prices.level_names()
