"""Filling the print values (``domain.sales.printing``) from an order, a posted sales document or a customer's
backorders: what the window's Print buttons and ``so pdf`` render.

* ``order_confirmation``: the order as the customer is told it (every line as ordered, the order's totals);
* ``shipment_print``: a posted sale as a delivery note (quantities only) or a sales invoice (with its money), or a
  customer return as a return note — the document's own stored revenue and tax, so the printed totals are the
  figures in the books;
* ``last_shipment``: the newest sale (not reversed) against an order, for printing its delivery note or invoice;
* ``arrival_notice``: a customer's backorders (``domain.sales.backorders``) with the date each is expected.

Each function opens and leaves the unit of work (read-only).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from domain.kernel import clock
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.kernel.refusals import refusal
from domain.sales.backorders import backorders
from domain.sales.backorders import backorders_of
from domain.sales.model import OPEN_STATES
from domain.sales.orders import find_customer
from domain.sales.orders import find_order
from domain.sales.printing import ArrivalNotice
from domain.sales.printing import DocumentKind as PrintKind
from domain.sales.printing import NoticeLine
from domain.sales.printing import PartyBlock
from domain.sales.printing import PrintLine
from domain.sales.printing import SalesPrint
from domain.sales.printing import ToComeLine
from domain.sales.printing import Totals
from domain.stock.documents_model import DocumentKind


def _company(uow) -> PartyBlock:
    policy = uow.purchasing.policy()
    return PartyBlock(policy.company_name, address=policy.company_address)


def _customer(uow, customer) -> PartyBlock:
    terms = uow.prices.terms(customer.id)
    if terms is None:
        return PartyBlock(customer.name, customer.code, contact=customer.contact)
    return PartyBlock(customer.name, customer.code, terms.address, customer.contact, terms.phone,
                      payment_terms=terms.payment_terms)


def _warehouse(uow, warehouse_id: str) -> PartyBlock:
    w = uow.warehouses.get(warehouse_id)
    return PartyBlock(w.name, w.code, w.address)


def company_block(uow) -> PartyBlock:
    """Our company as printed in a document's header (inside an open unit of work)."""
    return _company(uow)


def warehouse_block(uow, warehouse_id: str) -> PartyBlock:
    """A warehouse as printed on a document (inside an open unit of work)."""
    return _warehouse(uow, warehouse_id)


def order_confirmation(uow, so: str) -> SalesPrint:
    """The order confirmation of the order numbered ``so`` (a draft prints too, as what was agreed so far); a line
    of a confirmed order that waits for stock says how much waits and when an open purchase order brings it."""
    waiting = backorders_of(uow, so)
    with uow:
        order = find_order(uow, so)
        places = uow.money_places
        customer = uow.customers.get(order.customer_id)
        lines = tuple(PrintLine(x.line_no, x.sku, x.name, x.unit, x.qty, x.unit_price, x.discount, x.tax_rate,
                                x.amount(places), **_waits(waiting.get(x.line_no))) for x in order.lines)
        day = (order.confirmed_at or order.created_at).astimezone().date()
        return SalesPrint(
            PrintKind.ORDER_CONFIRMATION, order.number, day, _company(uow), _customer(uow, customer),
            _warehouse(uow, order.warehouse_id), lines,
            Totals(order.subtotal(places), order.tax(places), order.total(places)), order.currency,
            requested_on=order.requested_on, note=order.notes)


def _waits(backorder) -> dict:
    return {} if backorder is None else {"backorder": backorder.qty, "arrival": backorder.arrival}


def last_shipment(uow, so: str) -> str:
    """The number of the newest sale (not reversed) against the order numbered ``so``.

    Raises:
        RuleViolation ``so_nothing_to_ship``: nothing was shipped against it yet.
    """
    with uow:
        order = find_order(uow, so)
        shipped = uow.sales.shipped_lines(order_line_ids=[x.id for x in order.lines])
    if not shipped:
        raise refusal(RuleViolation, "so_nothing_to_ship", so=order.number)
    return max(shipped, key=lambda x: (x.occurred_at, x.number)).number


def shipment_print(uow, number: str, kind: PrintKind) -> SalesPrint:
    """A posted sale as a delivery note or a sales invoice, or a customer return as its return note.

    Raises:
        NotFound ``unknown_sale``: no sale or customer return has the number.
    """
    with uow:
        doc = uow.documents.by_number(number.strip().upper())
        if doc is None or doc.kind not in (DocumentKind.SALE, DocumentKind.CUSTOMER_RETURN):
            raise refusal(NotFound, "unknown_sale", number=number)
        if doc.kind == DocumentKind.CUSTOMER_RETURN:
            kind = PrintKind.CUSTOMER_RETURN
        customer = uow.customers.by_code(doc.partner) or find_customer(uow, doc.partner)
        lines = []
        without, tax = ZERO, ZERO
        places = uow.money_places
        for m in uow.sales.lines_of(doc.id):  # every line of a sale or return has its money side
            product = uow.products.get(m.product_id)
            # stored already rounded to the money places; quantized so that the print shows those places only
            revenue = round_money(abs(m.revenue), places)
            lines.append(PrintLine(m.line_no, product.sku, product.name, product.unit, abs(m.qty), m.unit_price,
                                   m.discount, m.tax_rate, revenue))
            without += revenue
            tax += round_money(abs(m.tax), places)
        order = doc.reference if doc.reference.upper().startswith("SO-") else ""
        source = doc.reference if kind == PrintKind.CUSTOMER_RETURN and not order else ""
        printed = SalesPrint(
            kind, doc.number, doc.business_date, _company(uow), _customer(uow, customer),
            _warehouse(uow, doc.warehouse_id), tuple(lines), Totals(without, tax, without + tax),
            uow.purchasing.policy().currency, order_number=order, source_number=source,
            reason=doc.note if kind == PrintKind.CUSTOMER_RETURN else "",
            note="" if kind == PrintKind.CUSTOMER_RETURN else doc.note)
    if kind == PrintKind.DELIVERY_NOTE and order:
        printed = dataclasses.replace(printed, to_come=to_come(uow, order))
    return printed


def to_come(uow, so: str) -> tuple[ToComeLine, ...]:
    """The lines of the order numbered ``so`` still to come, as its delivery notes list them: each open line's
    quantity still owed, with what of it is on backorder and when an open purchase order brings that (the
    Backorders list's dates); () when the order is all shipped, cut or cancelled."""
    waiting = backorders_of(uow, so)
    with uow:
        order = find_order(uow, so)
        out = []
        for x in order.lines if order.state in OPEN_STATES else ():  # a cancelled order's open lines never come
            if x.open_qty <= 0:
                continue
            b = waiting.get(x.line_no)
            out.append(ToComeLine(x.line_no, x.sku, x.name, x.unit, x.open_qty, b.qty if b else ZERO,
                                  b.arrival if b else None))
    return tuple(out)


def arrival_notice(uow, customer: str, today: date | None = None) -> ArrivalNotice:
    """The backorder notice (到货通知) for the customer with the code ``customer``: what it waits for, since when,
    and when it is expected.

    Raises:
        NotFound: no customer has the code.
    """
    waiting = [b for b in backorders(uow) if b.customer.upper() == customer.strip().upper()]
    with uow:
        found = find_customer(uow, customer)
        units = {b.product_id: uow.products.get(b.product_id).unit for b in waiting}
        block = _customer(uow, found)
        company = _company(uow)
    day = today or clock.today()
    lines = tuple(NoticeLine(b.sku, b.name, units[b.product_id], b.qty,
                             b.since.astimezone().date() if b.since else day, b.so, b.arrival) for b in waiting)
    return ArrivalNotice("", day, company, block, lines)

