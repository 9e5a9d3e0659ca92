"""What the order screen shows while a line is typed: the product a code names, its price for the customer (with
where the price came from and the customer's last price) and what its warehouse can promise.

Read-only; each function opens and leaves the unit of work, so the window calls it on its task runner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.kernel.errors import NotFound
from domain.sales import atp
from domain.sales.orders import find_order
from domain.sales.prices import Quote
from domain.sales.prices import discounted
from domain.sales.prices import quote
from domain.sales.shipping import shippable_now
from domain.stock import ledger


@dataclass(frozen=True)
class LinePreview:
    """A product about to go on an order line."""

    product_id: str
    sku: str
    name: str
    unit: str
    warehouse: str  # code
    quote: Quote
    availability: atp.Availability

    @property
    def available(self) -> Decimal:
        return self.availability.available

    def by(self, day: date | None) -> Decimal:
        """What can be promised by ``day`` (now, without a day)."""
        return self.availability.available if day is None else self.availability.by(day)


def preview_line(uow, customer: str, code: str, warehouse: str) -> LinePreview | None:
    """The product whose SKU or barcode is ``code`` with its quote for ``customer`` (a code; "" a walk-in) and its
    availability in ``warehouse``; None when no product has the code."""
    with uow:
        try:
            product = ledger.find_product(uow, code)
        except NotFound:
            return None
        place = ledger.find_warehouse(uow, warehouse)
        found = uow.customers.by_code(customer) if customer else None
        q = quote(uow, found.id if found is not None else "", product.id)
        a = atp.of(atp.availability(uow, [product.id]), product.id, place.id)
    return LinePreview(product.id, product.sku, product.name, product.unit, place.code, q, a)


def quotes(uow, customer: str, skus: list[str]) -> dict[str, Quote]:
    """The quote of each SKU for ``customer`` (a code; "" a walk-in); SKUs that name no product are left out."""
    out: dict[str, Quote] = {}
    with uow:
        found = uow.customers.by_code(customer) if customer else None
        for sku in skus:
            try:
                product = ledger.find_product(uow, sku)
            except NotFound:
                continue
            out[sku] = quote(uow, found.id if found is not None else "", product.id)
    return out


def shippable(uow, so: str) -> dict[str, Decimal]:
    """Per SKU of the order numbered ``so``: what could leave for it now (what ``shipping.ship`` with no pairs
    would ship)."""
    return {sku: plan.qty for sku, plan in ship_plan(uow, so).items()}


@dataclass(frozen=True)
class ShipNow:
    """What can leave now for one line of a sales order, with what stands in the way of the rest: what its
    warehouse has on hand and promises to other orders, and the free stock of the other warehouses (where a
    transfer could come from)."""

    qty: Decimal  # what can leave now: what ``shipping.ship`` with no pairs ships of the line
    open_qty: Decimal
    warehouse: str  # the line's warehouse (code)
    on_hand: Decimal  # in the line's warehouse
    promised: Decimal  # of what that warehouse holds, promised to other orders (their reservations)
    elsewhere: tuple[tuple[str, Decimal], ...] = ()  # (warehouse code, on hand not promised), most first

    @property
    def short(self) -> bool:
        """Less than the open quantity can leave now."""
        return self.qty < self.open_qty


def ship_plan(uow, so: str) -> dict[str, ShipNow]:
    """Per SKU of the order numbered ``so``: what could leave for it now (``shipping.shippable_now``) and, for a line
    that cannot ship in full, why (``ShipNow``)."""
    with uow:
        order = find_order(uow, so)
        found = atp.availability(uow, [x.product_id for x in order.lines])
        now = shippable_now(uow, order, found)
        codes: dict[str, str] = {}

        def code(warehouse_id: str) -> str:
            if warehouse_id not in codes:
                codes[warehouse_id] = uow.warehouses.get(warehouse_id).code
            return codes[warehouse_id]

        out = {}
        for line in order.lines:
            here = order.warehouse_of(line)
            stock = atp.of(found, line.product_id, here)
            others = [(code(a.warehouse_id), a.available) for (product_id, warehouse_id), a in found.items()
                      if product_id == line.product_id and warehouse_id != here and a.available > 0]
            out[line.sku] = ShipNow(
                qty=now.get(line.id, Decimal(0)), open_qty=line.open_qty, warehouse=code(here),
                on_hand=stock.on_hand, promised=max(Decimal(0), stock.reserved - line.open_qty),
                elsewhere=tuple(sorted(others, key=lambda x: (-x[1], x[0]))))
    return out


@dataclass(frozen=True)
class ReturnableLine:
    """A line of a posted sale and how much of it can still come back."""

    sku: str
    name: str
    unit: str
    shipped: Decimal
    returned: Decimal
    unit_price: Decimal  # the list or typed price, before the line's discount
    discount: Decimal = Decimal(0)  # percent

    @property
    def paid_price(self) -> Decimal:
        """What the customer paid a unit: the price after the line's discount, which a return credits."""
        return discounted(self.unit_price, self.discount)

    @property
    def returnable(self) -> Decimal:
        return max(Decimal(0), self.shipped - self.returned)


def returnable(uow, number: str) -> list[ReturnableLine]:
    """The lines of the sale numbered ``number`` with what returns not reversed brought back of each (empty when
    no sale that is not reversed has the number)."""
    with uow:
        doc = uow.documents.by_number(number.strip().upper())
        if doc is None:
            return []
        out = []
        for x in uow.sales.shipped_lines(document_id=doc.id):
            product = uow.products.get(x.product_id)
            out.append(ReturnableLine(product.sku, product.name, product.unit, x.qty, x.returned, x.unit_price,
                                     x.discount))
    return out
