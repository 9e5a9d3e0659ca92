"""Sales-order use cases: create, add lines, confirm (reserve), cancel, cut a line.

Each function takes a command and a unit of work and runs in one transaction. ``balances.reserved`` of each
product × warehouse is the open quantity of every confirmed order line there (``domain.sales.model.reserved``);
it changes in the same transaction as the order: up on confirming, down on shipping, cutting and cancelling.

Confirming promises from what is available now (on hand − reserved, ``domain.sales.atp``). A line beyond it is
refused with ``Shortage``, which lists per line the shortfall and what can be offered instead: stock in other
warehouses, the earliest expected date of open purchase orders that cover it, and substitute products with
their availability. Confirmed with ``override``, such a line is promised anyway and keeps the acting user
(``override_user``): available to promise goes below zero only where an override is recorded. Confirming also
checks the customer's credit limit (``domain.sales.credit``): past it, only a manager confirms, with the credit
override.

Quantities a customer asked for and does not get — a confirmed order cancelled, a line cut — are recorded as
unfilled demand (``domain.stock.demand``) in the same transaction, so forecasting sees the demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import Forbidden
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.refusals import refusal
from domain.sales import atp
from domain.sales import commands as sc
from domain.sales import credit
from domain.sales.model import NUMBER_PREFIX
from domain.sales.model import SalesOrder
from domain.sales.model import SoLine
from domain.sales.model import SoState
from domain.sales.pricing import LinePrice
from domain.sales.pricing import discount_value
from domain.sales.pricing import line_price
from domain.sales.pricing import price_value
from domain.sales.reserve import change_reserved
from domain.stock import ledger
from domain.stock.demand import UnfilledDemand

REASON_LENGTH = 200  # a reason is also the note of the unfilled demand and of movements (the ledger's 200)


@dataclass(frozen=True)
class Offer:
    """Stock of the product (or of a substitute) that could serve a short line instead."""

    warehouse: str
    available: Decimal
    sku: str = ""  # a substitute's SKU; "" for the product itself
    name: str = ""


@dataclass(frozen=True)
class ShortLine:
    """One line that cannot be promised from what is available, and what can be offered."""

    line_no: int
    sku: str
    warehouse: str
    asked: Decimal  # the line's open quantity
    available: Decimal  # what was left to promise for it (never below 0)
    short: Decimal
    other_warehouses: tuple[Offer, ...] = ()
    arrival: date | None = None  # the earliest open PO date that covers the shortfall; None: no PO covers it
    substitutes: tuple[Offer, ...] = ()

    def as_params(self) -> dict[str, object]:
        return {
            "line": self.line_no, "sku": self.sku, "warehouse": self.warehouse, "asked": fmt(self.asked),
            "available": fmt(self.available), "short": fmt(self.short),
            "other_warehouses": [{"warehouse": o.warehouse, "available": fmt(o.available)}
                                 for o in self.other_warehouses],
            "arrival": self.arrival.isoformat() if self.arrival else None,
            "substitutes": [{"sku": o.sku, "name": o.name, "warehouse": o.warehouse, "available": fmt(o.available)}
                            for o in self.substitutes],
        }

    def sentence(self) -> str:
        text = f"{self.sku} in {self.warehouse}: {fmt(self.asked)} asked, {fmt(self.available)} available"
        offers = [f"{fmt(o.available)} in {o.warehouse}" for o in self.other_warehouses]
        offers.append(f"arriving {self.arrival.isoformat()}" if self.arrival else "no purchase order covers it")
        offers += [f"substitute {o.sku} ({fmt(o.available)} available)" for o in self.substitutes]
        return text + " (" + ", ".join(offers) + ")"


class Shortage(RuleViolation):
    """Confirming would promise more than is available; ``lines`` (and ``params["lines"]``) say by how much and
    what can be offered, line by line."""

    lines: tuple[ShortLine, ...] = ()


def find_order(uow, ref: str) -> SalesOrder:
    """The order numbered ``ref`` (``SO-2026-00001``), or with the id ``ref``."""
    ref = v.code("sales order", ref)
    order = uow.sales.by_number(ref.upper()) or uow.sales.get(ref)
    if order is None:
        raise refusal(NotFound, "unknown_so", ref=ref)
    return order


def find_customer(uow, code: str) -> Customer:
    code = v.code("customer", code)
    customer = uow.customers.by_code(code)
    if customer is None:
        raise refusal(NotFound, "unknown_customer_code", code=code)
    return customer


def create_order(uow, c: sc.CreateSalesOrder) -> SalesOrder:
    """A draft order, numbered SO-YYYY-NNNNN (the year of its creation) at once."""
    checked = _checked_order(c)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _new_order(uow, c, *checked)
        uow.sales.add(order)
        uow.commit()
    return order


def create_order_with_line(uow, c: sc.CreateSalesOrder, first: sc.AddSalesOrderLine) -> tuple[SalesOrder, SoLine]:
    """A new draft order with its first line, in one transaction (``first.so`` is not read): a first line that is
    refused leaves no empty order behind and takes no number, as creating the order first and then adding the line
    did each time the clerk tried again."""
    checked = _checked_order(c)
    checked_line = _checked_line(first)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _new_order(uow, c, *checked)
        line = _new_line(uow, order, first, *checked_line)
        order.lines.append(line)
        uow.sales.add(order)
        uow.commit()
    return order, line


def _checked_order(c: sc.CreateSalesOrder) -> tuple[str, str, datetime]:
    reference = v.text("reference", c.reference, required=False, max_len=64)
    notes = v.text("notes", c.notes, required=False, max_len=4000)
    if c.requested_on is not None:
        v.planned_day("requested", c.requested_on)
    return reference, notes, v.moment("date", c.created_at)


def _new_order(uow, c: sc.CreateSalesOrder, reference: str, notes: str, at: datetime) -> SalesOrder:
    customer = find_customer(uow, c.customer)
    warehouse = ledger.find_warehouse(uow, c.warehouse)
    year = at.astimezone().year
    return SalesOrder(
        id=new_id(), number=f"{NUMBER_PREFIX}-{year}-{uow.sales.next_number(year):05d}", customer_id=customer.id,
        customer_code=customer.code, warehouse_id=warehouse.id, created_at=at,
        currency=uow.purchasing.policy().currency, requested_on=c.requested_on, reference=reference, notes=notes,
        user=uow.user, device_id=uow.device_id)


def add_line(uow, c: sc.AddSalesOrderLine) -> SoLine:
    """Add a product (by SKU or barcode) to a draft; without a price the customer's quote is taken."""
    checked = _checked_line(c)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = find_order(uow, c.so)
        if order.state != SoState.DRAFT:
            raise refusal(RuleViolation, "so_add_not_draft", so=order.label, state=order.state.value)
        line = _new_line(uow, order, c, *checked)
        order.lines.append(line)
        uow.sales.save(order)
        uow.commit()
    return line


def _checked_line(c: sc.AddSalesOrderLine) -> tuple[Decimal, Decimal | None, Decimal | None]:
    return v.quantity("quantity", c.qty), price_value("price", c.price), discount_value("discount", c.discount)


def _new_line(uow, order: SalesOrder, c: sc.AddSalesOrderLine, qty: Decimal, price, discount) -> SoLine:
    product = ledger.find_product(uow, c.sku)
    check_new_line(order, product, qty)
    warehouse_id = None
    if c.warehouse and c.warehouse.strip():
        warehouse_id = ledger.find_warehouse(uow, c.warehouse).id
    return build_line(order, product, qty, line_price(uow, order.customer_id, product, price, discount), warehouse_id)


def check_new_line(order: SalesOrder, product: Product, qty: Decimal) -> None:
    """Whether ``product`` may become a new line of ``order``: ``qty`` in its whole units, and not on it yet.

    Raises:
        BadInput: ``qty`` is not a whole number of a product sold in whole units.
        Duplicate ``so_line_exists``: the product is on the order already.
    """
    whole_quantity("quantity", product, qty)
    existing = order.line_for(product.id)
    if existing is not None:
        raise refusal(Duplicate, "so_line_exists", sku=product.sku, line=existing.line_no, so=order.label)


def build_line(order: SalesOrder, product: Product, qty: Decimal, priced: LinePrice, warehouse_id: str | None,
               line_no: int | None = None) -> SoLine:
    """A new line of ``order`` (checked by ``check_new_line``), not yet added to it.

    Args:
        order: the draft the line is for.
        product: the line's product; its SKU, name and unit go on the line.
        qty: the quantity, checked.
        priced: the unit price, discount, tax rate and price source.
        warehouse_id: the warehouse the line ships from; None or the order's own: the order's.
        line_no: the number the line is to have when no line has it; None, or taken: the next after the last.

    Returns:
        The line, with a new id.
    """
    taken = {x.line_no for x in order.lines}
    number = line_no if line_no is not None and line_no not in taken else max(taken, default=0) + 1
    return SoLine(id=new_id(), line_no=number, product_id=product.id, sku=product.sku, name=product.name,
                  unit=product.unit, qty=qty, unit_price=priced.unit_price, discount=priced.discount,
                  tax_rate=priced.tax_rate, warehouse_id=None if warehouse_id == order.warehouse_id else warehouse_id,
                  price_source=priced.source)


@dataclass(frozen=True)
class Confirmed:
    """A confirmed order and what confirming it found worth saying (``credit.Notice``: items long overdue)."""

    order: SalesOrder
    warnings: tuple[credit.Notice, ...] = ()
    check: credit.CreditCheck | None = None


def confirm(uow, c: sc.ConfirmSalesOrder) -> SalesOrder:
    """Confirm a draft (``confirm_order``) and return the order."""
    return confirm_order(uow, c).order


def confirm_order(uow, c: sc.ConfirmSalesOrder) -> Confirmed:
    """Confirm a draft: reserve each line's quantity in its warehouse, within the customer's credit limit.

    Returns:
        The order, with a warning when the customer has items more than 90 days overdue.

    Raises:
        Shortage: a line asks for more than is available now (and ``override`` is not set); nothing is written.
        OverCreditLimit: the customer's balance, its open orders and this order pass its credit limit, and
            ``credit_override`` is not set (``credit_limit_exceeded``) or the user is below manager
            (``credit_limit_needs_manager``); nothing is written.
        RuleViolation: the order is not a draft, or has no lines.
    """
    at = v.moment("date", c.confirmed_at)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = find_order(uow, c.so)
        if order.state != SoState.DRAFT:
            raise refusal(RuleViolation, "so_confirm_not_draft", so=order.label, state=order.state.value)
        if not order.lines:
            raise refusal(RuleViolation, "so_no_lines", so=order.label)
        short = shortfalls(uow, order)
        if short and not c.override:
            raise shortage(order, short)
        day = at.astimezone().date()
        check = credit.check_credit(uow, order, day)
        if check.is_over:
            if not c.credit_override:
                raise credit.over_limit(order, check, may_override=True)
            try:
                require(uow, Permission.CREDIT_OVERRIDE)
            except Forbidden:
                raise credit.over_limit(order, check, may_override=False) from None
            note = credit.override_note(uow.user, day, check)
            order.notes = f"{order.notes}\n{note}" if order.notes else note
        overridden = {s.line_no for s in short}
        for line in order.lines:
            if line.line_no in overridden:
                line.override_user = uow.user or "(no user)"
            change_reserved(uow, line.product_id, order.warehouse_of(line), line.open_qty)
        order.state, order.confirmed_at = SoState.CONFIRMED, at
        uow.sales.save(order)
        uow.commit()
    notice = credit.overdue_notice(order, check)
    return Confirmed(order, (notice,) if notice else (), check)


def shortfalls(uow, order: SalesOrder) -> list[ShortLine]:
    """The lines of ``order`` that what is available now cannot cover, each with its offers (inside ``with uow``).

    Lines are served in line order: two lines of one product × warehouse share what is available.
    """
    found = atp.availability(uow, [x.product_id for x in order.lines])
    left = {key: a.available for key, a in found.items()}
    codes: dict[str, str] = {}

    def code(warehouse_id: str) -> str:
        if warehouse_id not in codes:
            codes[warehouse_id] = uow.warehouses.get(warehouse_id).code
        return codes[warehouse_id]

    short: list[tuple[SoLine, str, Decimal, Decimal]] = []
    for line in order.lines:
        key = (line.product_id, order.warehouse_of(line))
        before = left.get(key, ZERO)
        left[key] = before - line.open_qty
        if line.open_qty > before:
            short.append((line, key[1], max(ZERO, before), line.open_qty - before))
    if not short:
        return []
    subs = {line.product_id: uow.prices.substitutes(line.product_id) for line, *_ in short}
    sub_found = atp.availability(uow, [s for ids in subs.values() for s in ids])
    out = []
    for line, warehouse_id, available, deficit in short:
        here = atp.of(found, line.product_id, warehouse_id)
        others = tuple(Offer(code(w), a.available) for (p, w), a in sorted(found.items(), key=lambda x: code(x[0][1]))
                       if p == line.product_id and w != warehouse_id and a.available > 0)
        substitutes = []
        for sub_id in subs[line.product_id]:
            a = atp.of(sub_found, sub_id, warehouse_id)
            product = uow.products.get(sub_id)
            if product is not None:
                substitutes.append(Offer(code(warehouse_id), max(ZERO, a.available), product.sku, product.name))
        out.append(ShortLine(line.line_no, line.sku, code(warehouse_id), line.open_qty, available,
                             line.open_qty - available, others, here.arrival_for(deficit), tuple(substitutes)))
    return out


def shortage(order: SalesOrder, short: list[ShortLine]) -> Shortage:
    exc = refusal(Shortage, "so_short", so=order.label, detail="; ".join(s.sentence() for s in short))
    exc.lines = tuple(short)
    exc.params["lines"] = [s.as_params() for s in short]
    return exc


def cancel(uow, c: sc.CancelSalesOrder) -> SalesOrder:
    """Cancel an order that is not closed: its reservation is released and, on a confirmed order, what was still
    open is recorded as unfilled demand (the customer asked for it and will not get it)."""
    reason = v.text("reason", c.reason, max_len=REASON_LENGTH)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = find_order(uow, c.so)
        if order.state in (SoState.SHIPPED, SoState.CANCELLED):
            raise refusal(RuleViolation, "so_cancel_closed", so=order.label, state=order.state.value)
        now = clock.now()
        if order.is_open:
            for line in order.lines:
                if line.open_qty > 0:
                    _cut(uow, order, line, line.open_qty, reason, now)
        order.state, order.reason, order.closed_at = SoState.CANCELLED, reason, now
        uow.sales.save(order)
        uow.commit()
    return order


def cut_line(uow, c: sc.CutSalesOrderLine) -> SoLine:
    """Stop promising some or all of a line's open quantity (cancel a backorder): the reservation is released and
    the cut quantity recorded as unfilled demand; an order with nothing left open is closed."""
    reason = v.text("reason", c.reason, max_len=REASON_LENGTH)
    qty = None if c.qty is None or (isinstance(c.qty, str) and not c.qty.strip()) else v.quantity("quantity", c.qty)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = find_order(uow, c.so)
        if not order.is_open:
            raise refusal(RuleViolation, "so_not_open", so=order.label, state=order.state.value)
        line = order_line(uow, order, c.sku)
        whole_quantity("quantity", uow.products.get(line.product_id), qty)
        if line.open_qty == 0:
            raise refusal(RuleViolation, "so_nothing_open", sku=line.sku, so=order.label)
        if qty is None:
            qty = line.open_qty
        if qty > line.open_qty:
            raise refusal(RuleViolation, "so_cut_over_open", sku=line.sku, so=order.label, open=fmt(line.open_qty),
                          qty=fmt(qty))
        now = clock.now()
        _cut(uow, order, line, qty, reason, now)
        order.settle_state(now)
        uow.sales.save(order)
        uow.commit()
    return line


def order_line(uow, order: SalesOrder, sku: str) -> SoLine:
    try:
        product = ledger.find_product(uow, sku)
    except NotFound:
        product = None
    line = order.line_for(product.id) if product is not None else None
    if line is None:
        raise refusal(NotFound, "sku_not_on_so", sku=v.code("SKU", sku), so=order.label)
    return line


def _cut(uow, order: SalesOrder, line: SoLine, qty: Decimal, reason: str, at: datetime) -> None:
    warehouse_id = order.warehouse_of(line)
    line.cancelled += qty
    change_reserved(uow, line.product_id, warehouse_id, -qty)
    uow.unfilled_demand.add(UnfilledDemand(
        id=new_id(), product_id=line.product_id, warehouse_id=warehouse_id, qty=qty, occurred_at=at, recorded_at=at,
        customer=order.customer_code, source_ref=order.number, note=reason, user=uow.user, device_id=uow.device_id))


def preview_shortfalls(uow, ref: str) -> list[ShortLine]:
    """Read-only: what confirming the order now would find short, with the offers (empty: it can be promised)."""
    with uow:
        return shortfalls(uow, find_order(uow, ref))


def load_order(uow, ref: str) -> SalesOrder:
    """Read-only: the order numbered ``ref``."""
    with uow:
        return find_order(uow, ref)


def parse_pairs(pairs: tuple[tuple[str, object], ...]) -> dict[str, Decimal]:
    """(SKU, quantity) pairs as typed, checked once, a SKU named twice summed."""
    wanted: dict[str, Decimal] = {}
    for sku, qty in pairs:
        key = v.code("SKU", sku)
        wanted[key] = wanted.get(key, ZERO) + v.quantity(f"quantity of {key}", qty)
    if not wanted and pairs:
        raise BadInput("lines", "give SKU QTY pairs")
    return wanted
