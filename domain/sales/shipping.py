"""Goods leaving for a customer: shipping against a sales order, and the counter sale (销售单 without an order).

Both post a stock document of kind ``sale`` (numbered ``SD-YYYY-NNNNN``) through the ledger's core
(``ledger.post_shipment``, ``source_type`` "sale", ``source_ref`` the number), so every ledger rule applies and the
movement leaves at the moving average of that moment. Each line also gets its money side in ``sales_lines``:
revenue = qty × price × (1 − discount/100) rounded to the money places, its tax, its cost — the ledger value of
its movement, read back from the valuation the ledger stored — and the margin (revenue − cost).

What can leave is what is available to that order: on hand less what is reserved for other orders. So a
shipment never takes goods promised to someone else, and a counter sale sells only what is not promised
(no selling of 虚库存). A counter sale refused for stock writes nothing but the unfilled demand: the quantity
that could not be sold (asked − available) is recorded, in a transaction of its own after the refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.items import sales_document_posted
from domain.accounts.money import paid_at_sale
from domain.accounts.periods import ensure_open_at
from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.catalog.model import Warehouse
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Forbidden
from domain.kernel.errors import InsufficientStock
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.refusals import refusal
from domain.sales import atp
from domain.sales import commands as sc
from domain.sales import credit
from domain.sales.model import SalesLine
from domain.sales.model import SalesOrder
from domain.sales.model import revenue as revenue_of
from domain.sales.model import tax_of
from domain.sales.orders import find_customer
from domain.sales.orders import find_order
from domain.sales.orders import order_line
from domain.sales.orders import parse_pairs
from domain.sales.pricing import discount_value
from domain.sales.pricing import line_price
from domain.sales.pricing import price_value
from domain.sales.reserve import change_reserved
from domain.stock import ledger
from domain.stock.demand import UnfilledDemand
from domain.stock.documents import number_for
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind
from domain.stock.documents_model import DocumentLine


@dataclass(frozen=True)
class Item:
    """One line of a sales document about to be posted (checked values)."""

    product: Product
    qty: Decimal  # positive: what leaves (a sale) or comes back (a return)
    unit_price: Decimal
    discount: Decimal
    tax_rate: Decimal
    order_line_id: str | None = None
    unit_cost: Decimal | None = None  # a return's: the cost at which the goods come back
    origin: tuple[str, int] | None = None  # a return's: the sale's document id and line


def post_sales_document(uow, kind: DocumentKind, warehouse: Warehouse, customer_id: str, customer_code: str,
                        items: list[Item], at: datetime, reference: str = "", note: str = "",
                        paid: str = "") -> Document:
    """Post one sale or customer return with its sales lines (inside an open ``with uow``; the caller commits);
    ``paid``: a sale paid at once by this method, its receivable settled by a receipt in the same transaction."""
    ensure_open_at(uow, at)  # the period close (the ledger checks each movement too)
    posted_at = clock.now()
    year = posted_at.astimezone().year
    seq = uow.documents.last_seq(kind.value, year) + 1
    number = number_for(kind, year, seq)
    doc_id = new_id()
    places = uow.money_places
    doc_lines, sales_lines = [], []
    for n, item in enumerate(items, 1):
        if kind == DocumentKind.SALE:
            movement = ledger.post_shipment(uow, item.product, warehouse, item.qty, at, number, note, kind.value)
            sign = Decimal(1)
        else:
            assert item.unit_cost is not None
            movement = ledger.post_receipt(uow, item.product, warehouse, item.qty, item.unit_cost, at, number, note,
                                           kind.value)
            sign = Decimal(-1)
        valued = uow.movements.valuation(movement.id)
        cost = -valued.value  # a sale's value is negative (goods out); a return's cost comes back negative
        revenue = revenue_of(sign * item.qty, item.unit_price, item.discount, places)
        doc_lines.append(DocumentLine(n, item.product.id, item.qty, unit_cost=item.unit_cost))
        sales_lines.append(SalesLine(
            doc_id, n, customer_id, item.product.id, sign * item.qty, item.unit_price, item.discount, item.tax_rate,
            revenue, tax_of(revenue, item.tax_rate, places), cost, at, item.order_line_id,
            item.origin[0] if item.origin else None, item.origin[1] if item.origin else None))
    document = Document(
        id=doc_id, kind=kind, number=number, year=year, seq=seq, warehouse_id=warehouse.id,
        business_date=at.astimezone().date(), occurred_at=at, posted_at=posted_at, partner=customer_code,
        reference=reference, note=note, user=uow.user, device_id=uow.device_id, lines=tuple(doc_lines))
    uow.documents.add(document)
    uow.sales.add_lines(sales_lines)
    item = sales_document_posted(uow, document, customer_id, sales_lines)
    if paid and item is not None:
        paid_at_sale(uow, item, paid, document.business_date)
    return document


def items_value(items: list[Item], places: int) -> Decimal:
    """What a sale of ``items`` will have the customer owe: Σ revenue + tax, rounded per line as its posting does."""
    total = ZERO
    for item in items:
        amount = revenue_of(item.qty, item.unit_price, item.discount, places)
        total += amount + tax_of(amount, item.tax_rate, places)
    return total


def ship(uow, c: sc.ShipSalesOrder) -> list[Document]:
    """Ship against a confirmed order: the given (SKU, quantity) pairs, or (none given) every open quantity that
    is available. What stays open is a backorder and stays reserved. One sale document per warehouse shipped from.

    Raises:
        RuleViolation: the order is not open; a SKU is not on it; a quantity is more than is open on its line
            (``so_ship_over_open``) or than can leave for this order (``so_ship_unavailable``); nothing at all
            can be shipped (``so_nothing_to_ship``).
    """
    wanted = parse_pairs(c.lines)
    note = v.text("note", c.note, required=False)
    at = v.moment("date", c.occurred_at)
    with uow:
        require(uow, Permission.SELL)
        order = find_order(uow, c.so)
        if not order.is_open:
            raise refusal(RuleViolation, "so_not_open", so=order.label, state=order.state.value)
        found = atp.availability(uow, [x.product_id for x in order.lines])
        on_hand = {key: a.on_hand for key, a in found.items()}
        reserved = {key: a.reserved for key, a in found.items()}
        codes = {}

        def shippable(line) -> Decimal:
            """What may leave for this line: on hand not reserved for other orders, up to its open quantity."""
            key = (line.product_id, order.warehouse_of(line))
            return max(ZERO, min(line.open_qty, on_hand.get(key, ZERO) - (reserved.get(key, ZERO) - line.open_qty)))

        picks = []
        if not wanted:
            for line in order.lines:
                q = shippable(line)
                if q > 0:
                    picks.append((line, q))
                    _take(on_hand, reserved, order, line, q)
            if not picks:
                raise refusal(RuleViolation, "so_nothing_to_ship", so=order.label)
        else:
            for sku, qty in wanted.items():
                line = order_line(uow, order, sku)
                whole_quantity(f"quantity of {sku}", uow.products.get(line.product_id), qty)
                if qty > line.open_qty:
                    raise refusal(RuleViolation, "so_ship_over_open", sku=line.sku, so=order.label,
                                  open=fmt(line.open_qty), qty=fmt(qty))
                room = shippable(line)
                if qty > room:
                    wid = order.warehouse_of(line)
                    codes[wid] = codes.get(wid) or uow.warehouses.get(wid).code
                    raise refusal(RuleViolation, "so_ship_unavailable", sku=line.sku, so=order.label,
                                  warehouse=codes[wid], available=fmt(room), qty=fmt(qty))
                picks.append((line, qty))
                _take(on_hand, reserved, order, line, qty)
        documents = _post_picks(uow, order, picks, at, note)
        order.settle_state(at)
        uow.sales.save(order)
        uow.commit()
    return documents


def _take(on_hand: dict, reserved: dict, order: SalesOrder, line, qty: Decimal) -> None:
    key = (line.product_id, order.warehouse_of(line))
    on_hand[key] = on_hand.get(key, ZERO) - qty
    reserved[key] = reserved.get(key, ZERO) - qty


def _post_picks(uow, order: SalesOrder, picks: list, at: datetime, note: str) -> list[Document]:
    by_warehouse: dict[str, list] = {}
    for line, qty in picks:
        by_warehouse.setdefault(order.warehouse_of(line), []).append((line, qty))
    documents = []
    for warehouse_id, group in by_warehouse.items():
        warehouse = uow.warehouses.get(warehouse_id)
        items = []
        for line, qty in group:
            product = uow.products.get(line.product_id)
            items.append(Item(product, qty, line.unit_price, line.discount, line.tax_rate, line.id))
            line.shipped += qty
            change_reserved(uow, line.product_id, warehouse_id, -qty)
        documents.append(post_sales_document(uow, DocumentKind.SALE, warehouse, order.customer_id,
                                             order.customer_code, items, at, order.number, note))
    return documents


@dataclass(frozen=True)
class _Short:
    product: Product
    warehouse: Warehouse
    asked: Decimal
    available: Decimal


def sell(uow, c: sc.CounterSale) -> Document:
    """A counter sale: one sale document with its sales lines, for a customer, from one warehouse. On account (not
    ``paid`` at once) it is held to the customer's credit limit as confirming an order is (``credit.check_sale``); paid
    at once, a receipt by that method settles it in the same transaction and no limit applies.

    Raises:
        OverCreditLimit ``sale_credit_limit_exceeded``: on account, the customer's balance, open orders and this sale
            pass its limit and ``credit_override`` is not set; ``sale_credit_limit_needs_manager``: it is set and the
            user is below manager. Nothing is written.
        InsufficientStock ``sale_short``: a line asks for more than is available (on hand − reserved); nothing is
            posted and the quantity short is recorded as unfilled demand.
        RuleViolation ``no_sale_price``: no price typed and none known for the customer.
    """
    if not c.lines:
        raise BadInput("lines", "add at least one line", code="no_lines")
    typed = [(n, v.code("SKU", x.sku), v.quantity(f"quantity of line {n}", x.qty),
              price_value(f"price of line {n}", x.price), discount_value(f"discount of line {n}", x.discount))
             for n, x in enumerate(c.lines, 1)]
    reference = v.text("reference", c.reference, required=False, max_len=limits.REFERENCE)
    note = v.text("note", c.note, required=False)
    at = v.moment("date", c.occurred_at)
    paid = v.code("payment method", c.paid, max_len=limits.CODE).lower() if str(c.paid or "").strip() else ""
    short: list[_Short] = []
    with uow:
        require(uow, Permission.SELL)
        customer = find_customer(uow, c.customer)
        warehouse = ledger.find_warehouse(uow, c.warehouse)
        products = [ledger.find_product(uow, sku) for _, sku, *_ in typed]
        found = atp.availability(uow, [p.id for p in products])
        left = {key: a.available for key, a in found.items()}
        items = []
        for product, (n, _, qty, price, discount) in zip(products, typed, strict=True):
            whole_quantity(f"quantity of line {n}", product, qty)
            key = (product.id, warehouse.id)
            available = left.get(key, ZERO)
            if qty > available:
                short.append(_Short(product, warehouse, qty, max(ZERO, available)))
            left[key] = available - qty
            priced = line_price(uow, customer.id, product, price, discount)
            items.append(Item(product, qty, priced.unit_price, priced.discount, priced.tax_rate))
        if not short:
            if not paid:
                note = _within_credit(uow, customer, items, at, c.credit_override, note)
            document = post_sales_document(uow, DocumentKind.SALE, warehouse, customer.id, customer.code, items, at,
                                           reference, note, paid)
            uow.commit()
            return document
    _record_lost(uow, customer, short, at, reference)
    first = short[0]
    raise refusal(InsufficientStock, "sale_short", sku=first.product.sku, name=first.product.name,
                  warehouse=first.warehouse.code, available=fmt(first.available), asked=fmt(first.asked),
                  short=fmt(first.asked - first.available))


def _within_credit(uow, customer: Customer, items: list[Item], at: datetime, override: bool, note: str) -> str:
    """Refuse a sale on account past the customer's credit limit (a manager's override passes it, written on the
    note, which is returned)."""
    day = at.astimezone().date()
    check = credit.check_sale(uow, customer.id, items_value(items, uow.money_places), day)
    if not check.is_over:
        return note
    if not override:
        raise credit.sale_over_limit(customer.code, check, may_override=True)
    try:
        require(uow, Permission.CREDIT_OVERRIDE)
    except Forbidden:
        raise credit.sale_over_limit(customer.code, check, may_override=False) from None
    said = credit.override_note(uow.user, day, check, "this sale")
    return f"{note}\n{said}" if note else said


def _record_lost(uow, customer: Customer, short: list[_Short], at: datetime, reference: str) -> None:
    """The quantities a refused counter sale could not serve, as unfilled demand (a transaction of its own)."""
    now = clock.now()
    with uow:
        for s in short:
            uow.unfilled_demand.add(UnfilledDemand(
                id=new_id(), product_id=s.product.id, warehouse_id=s.warehouse.id, qty=s.asked - s.available,
                occurred_at=min(at, now), recorded_at=now, customer=customer.code, source_ref=reference,
                note="counter sale refused for stock", user=uow.user, device_id=uow.device_id))
        uow.commit()


def shippable_now(uow, order: SalesOrder, found: dict | None = None) -> dict[str, Decimal]:
    """Per line id: what could leave for the order now (inside an open ``with uow``) — what ``ship`` with no pairs
    would ship. ``found``: the availability of the order's products, when the caller has read it already."""
    if found is None:
        found = atp.availability(uow, [x.product_id for x in order.lines])
    on_hand = {key: a.on_hand for key, a in found.items()}
    reserved = {key: a.reserved for key, a in found.items()}
    out = {}
    for line in order.lines:
        key = (line.product_id, order.warehouse_of(line))
        q = max(ZERO, min(line.open_qty, on_hand.get(key, ZERO) - (reserved.get(key, ZERO) - line.open_qty)))
        out[line.id] = q if order.is_open else ZERO
        if q > 0:
            _take(on_hand, reserved, order, line, q)
    return out

