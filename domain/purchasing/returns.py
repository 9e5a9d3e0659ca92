"""Returns to the supplier (采购退货): goods go back to whom they came from, as a stock document of their own.

A return is a ``supplier_return`` document (``PR-2026-00001``): the supplier, the warehouse the goods leave, its lines
and a reason (required). Each line leaves at the moving average (``ledger.post_shipment``, source type
``supplier_return``), so the ledger's rules (no negative stock where the warehouse forbids it, back-dating) apply
unchanged; planning does not count it as demand.

A return may name what it returns against:

* a goods receipt (``GR-…``): per product, no more than that receipt brought in less what earlier returns against
  it (not reversed) took back;
* a purchase order (``PO-…``): per product, no more than the PO line's received quantity, which goes down by what
  is returned (``orders.change_received``: the PO expects it again while it is open, and ``on_order`` follows).

A receipt of a delivery against a PO (``orders.receive_delivery``) is held to both: its own lines and the PO's.

Its number goes in the document's reference. Reversing the return (``documents.reverse_document``) puts the goods
back at the value they left with and, against a PO, the received quantity back up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.items import supplier_return_posted
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.purchasing.exchange import needs_rate
from domain.purchasing.free_return import free_receipt_return_worth
from domain.purchasing.model import PoState
from domain.purchasing.orders import applied_rate
from domain.purchasing.orders import change_received
from domain.purchasing.orders import find_po
from domain.stock import ledger
from domain.stock.documents import delivery_po
from domain.stock.documents import number_for
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind
from domain.stock.documents_model import DocumentLine

KIND = DocumentKind.SUPPLIER_RETURN
HUNDRED = Decimal(100)
REASON_MAX = 200  # the reason is each movement's note too, which keeps 200 characters


@dataclass(frozen=True)
class ReturnLine:
    sku: str
    qty: object


@dataclass(frozen=True)
class ReturnToSupplier:
    """A return as entered: raw values. ``receipt`` or ``po`` (not both) names what it returns against."""

    supplier: str
    warehouse: str
    lines: tuple[ReturnLine, ...]
    reason: str
    receipt: str = ""
    po: str = ""
    reference: str = ""  # the supplier's return authorisation or a delivery note (optional)
    occurred_at: datetime | None = None


def return_to_supplier(uow: UnitOfWork, c: ReturnToSupplier) -> Document:
    """Check and post a return to the supplier in one transaction.

    Raises:
        BadInput: a field is malformed (a quantity, the reason, both a receipt and a PO, a product twice).
        NotFound: the supplier, warehouse, product, receipt or PO does not exist.
        RuleViolation: the receipt or PO is another supplier's or warehouse's, does not hold the product, or
            more would go back than it brought in; the stock is not there (``InsufficientStock``).
    """
    reason = v.text("reason", c.reason, max_len=REASON_MAX)
    reference = v.text("reference", c.reference, required=False, max_len=limits.REFERENCE)
    receipt_no = v.code("receipt", c.receipt, max_len=limits.CODE) if c.receipt else ""
    po_ref = v.code("purchase order", c.po, max_len=limits.CODE) if c.po else ""
    if receipt_no and po_ref:
        raise BadInput("receipt", "give a receipt or a purchase order, not both", code="text",
                       values=("give a receipt or a purchase order, not both",))
    if not c.lines:
        raise BadInput("lines", "add at least one line", code="required")
    typed = [(n, v.code("SKU", line.sku), v.quantity(f"quantity of line {n}", line.qty))
             for n, line in enumerate(c.lines, 1)]
    at = v.moment("date", c.occurred_at)
    posted_at = clock.now()
    with uow:
        require(uow, Permission.RETURNS)
        supplier_code = v.code("supplier", c.supplier, max_len=limits.CODE)
        supplier = uow.suppliers.by_code(supplier_code)
        if supplier is None:
            raise refusal(NotFound, "unknown_supplier_code", code=supplier_code)
        warehouse = ledger.find_warehouse(uow, c.warehouse)
        lines = []
        seen: set[str] = set()
        for n, sku, qty in typed:
            product = ledger.find_product(uow, sku)
            whole_quantity(f"quantity of line {n}", product, qty)
            if product.id in seen:
                raise BadInput("SKU", f"{product.sku} is listed twice; list each product once", code="listed_twice",
                               values=(product.sku,))
            seen.add(product.id)
            lines.append((n, product, qty))
        against = ""
        po = None
        free = None  # worth of the return against a free receipt (docs/ACCOUNTS.md: supplier_return)
        if receipt_no:
            against = _check_receipt(uow, receipt_no, supplier.code, warehouse, lines)
            receipt = uow.documents.by_number(against)
            po = delivery_po(uow, receipt)  # a delivery's goods go back on its PO too
            if po is None and receipt is not None:
                free = free_receipt_return_worth(uow, receipt, {product.id: qty for _n, product, qty in lines})
            if po is not None:
                _check_po(po, supplier.id, warehouse, lines)
        if po_ref:
            po = find_po(uow, po_ref)
            against = po.label
            _check_po(po, supplier.id, warehouse, lines)
        year = posted_at.astimezone().year
        seq = uow.documents.last_seq(KIND.value, year) + 1
        number = number_for(KIND, year, seq)
        stored = []
        worth = ZERO  # what the supplier owes back for the goods (docs/ACCOUNTS.md: supplier_return)
        rate = applied_rate(uow, po, at) if po is not None else None
        for n, product, qty in lines:
            movement = ledger.post_shipment(uow, product, warehouse, qty, at, number, reason, KIND.value)
            ledger.refuse_reserved(uow, product, warehouse, qty)
            stored.append(DocumentLine(n, product.id, qty, reason=reason))
            worth += _worth(uow, po, rate, product.id, qty, movement.id) if free is None else ZERO
            if po is not None:
                change_received(uow, po, product.id, -qty)
        if po is not None:
            uow.purchasing.save(po)
        if free is not None:
            worth = free
        document = Document(
            id=new_id(), kind=KIND, number=number, year=year, seq=seq, warehouse_id=warehouse.id,
            business_date=at.astimezone().date(), occurred_at=at, posted_at=posted_at, partner=supplier.code,
            reference=against or reference, note=reason, user=uow.user, device_id=uow.device_id, lines=tuple(stored))
        uow.documents.add(document)
        supplier_return_posted(uow, document, supplier.id, worth, po.number if po is not None else "")
        uow.commit()
    return document


def _worth(uow: UnitOfWork, po, rate, product_id: str, qty: Decimal, movement_id: str) -> Decimal:
    """What a returned line is worth to the payables: against a purchase order, the quantity at the order's price
    with its tax (in the company currency at the order's fixed rate or the return date's); otherwise (or with no
    rate known) the value the goods left with, which carries no tax."""
    line = next((x for x in po.lines if x.product_id == product_id), None) if po is not None else None
    if line is not None and (rate is not None or not needs_rate(po.currency, uow.purchasing.policy().currency)):
        price = rate.convert(line.unit_cost) if rate is not None else line.unit_cost
        return qty * price * (HUNDRED + po.tax_rate) / HUNDRED
    return -uow.movements.valuation(movement_id).value


def _check_receipt(uow: UnitOfWork, number: str, supplier: str, warehouse, lines) -> str:
    """Refuse a return beyond what the receipt ``number`` brought in less earlier returns against it."""
    receipt = uow.documents.by_number(number.upper()) or uow.documents.by_number(number)
    if receipt is None or receipt.kind != DocumentKind.RECEIPT:
        raise refusal(NotFound, "unknown_receipt", number=number)
    if receipt.reversed:
        raise refusal(RuleViolation, "receipt_reversed", number=receipt.number)
    if receipt.partner and v.code_key(receipt.partner) != v.code_key(supplier):
        raise refusal(RuleViolation, "return_other_supplier", ref=receipt.number, theirs=receipt.partner,
                      supplier=supplier)
    if receipt.warehouse_id != warehouse.id:
        theirs = uow.warehouses.get(receipt.warehouse_id)
        raise refusal(RuleViolation, "return_other_warehouse", ref=receipt.number,
                      theirs=theirs.code if theirs else receipt.warehouse_id, warehouse=warehouse.code)
    brought = uow.documents.line_quantities(receipt.id)
    returned = uow.documents.quantities_referencing(KIND.value, receipt.number)
    for _, product, qty in lines:
        if product.id not in brought:
            raise refusal(RuleViolation, "sku_not_on_receipt", sku=product.sku, receipt=receipt.number)
        room = brought[product.id] - returned.get(product.id, ZERO)
        if qty > room:
            raise refusal(RuleViolation, "return_over_receipt", sku=product.sku, receipt=receipt.number,
                          received=fmt(brought[product.id]), returned=fmt(returned.get(product.id, ZERO)),
                          room=fmt(max(room, ZERO)), qty=fmt(qty))
    return receipt.number


def _check_po(po, supplier_id: str, warehouse, lines) -> None:
    """Refuse a return beyond what the PO's lines have received."""
    if po.state in (PoState.DRAFT, PoState.CANCELLED) and not any(x.received for x in po.lines):
        raise refusal(RuleViolation, "return_po_nothing_received", po=po.label, state=po.state.value)
    if po.supplier_id != supplier_id:
        raise refusal(RuleViolation, "return_po_other_supplier", po=po.label)
    if po.warehouse_id != warehouse.id:
        raise refusal(RuleViolation, "return_po_other_warehouse", po=po.label, warehouse=warehouse.code)
    for _, product, qty in lines:
        line = next((x for x in po.lines if x.product_id == product.id), None)
        if line is None:
            raise refusal(RuleViolation, "sku_not_on_po", sku=product.sku, po=po.label)
        if qty > line.received:
            raise refusal(RuleViolation, "return_over_po", sku=product.sku, po=po.label,
                          received=fmt(line.received), qty=fmt(qty))


@dataclass(frozen=True)
class ReturnableReceiptLine:
    """A product a goods receipt (or a purchase order) brought in and how much of it can still go back to the
    supplier. A purchase order's line gives what it ordered, and its received quantity is already net of what went
    back (``returned`` 0)."""

    sku: str
    name: str
    unit: str
    received: Decimal
    returned: Decimal
    ordered: Decimal | None = None  # a purchase order's line: what it ordered

    @property
    def returnable(self) -> Decimal:
        return max(ZERO, self.received - self.returned)


def returnable_from_receipt(uow: UnitOfWork, number: str) -> list[ReturnableReceiptLine]:
    """The products the receipt numbered ``number`` brought in, each with what returns against it (not reversed)
    took back already; empty when no receipt that is not reversed has the number."""
    with uow:
        receipt = uow.documents.by_number(number.strip().upper())
        if receipt is None or receipt.kind != DocumentKind.RECEIPT or receipt.reversed:
            return []
        brought = uow.documents.line_quantities(receipt.id)
        returned = uow.documents.quantities_referencing(KIND.value, receipt.number)
        out = []
        for product_id, qty in brought.items():
            product = uow.products.get(product_id)
            out.append(ReturnableReceiptLine(product.sku, product.name, product.unit, qty,
                                             returned.get(product_id, ZERO)))
    return sorted(out, key=lambda x: x.sku)


def returnable_from_po(uow: UnitOfWork, ref: str) -> list[ReturnableReceiptLine]:
    """The products the purchase order numbered ``ref`` (or with that id) has received, each with its received
    quantity, which returns against the order or its deliveries took down already: what can still go back against
    it. Empty when no order has the number or it received nothing."""
    with uow:
        po = uow.purchasing.by_number(ref.strip().upper()) or uow.purchasing.get(ref.strip())
        if po is None:
            return []
        out = [ReturnableReceiptLine(line.sku, line.description, line.unit, line.received, ZERO, line.qty)
               for line in po.lines if line.received > 0]
    return sorted(out, key=lambda x: x.sku)


def chosen_lines(returnable: list[ReturnableReceiptLine], typed: list[str]) -> tuple[ReturnLine, ...]:
    """The lines of a return as a clerk typed them beside the returnable lines: each quantity typed (blank or 0: the
    line stays), checked against what can still go back.

    Args:
        returnable: the lines that can go back, as ``returnable_from_receipt`` or ``returnable_from_po`` read them.
        typed: the quantity typed on each of them, in the same order.

    Returns:
        A ``ReturnLine`` per line with a quantity above 0, in the order of ``returnable``; empty when none.

    Raises:
        BadInput: a quantity is not a number or is negative (``quantity of line N``); ``over_returnable``: it is
            more than its line can still return, naming the line, the product and that maximum.
    """
    out = []
    for n, (line, text) in enumerate(zip(returnable, typed, strict=True), 1):
        if not str(text or "").strip():
            continue
        field = f"quantity of line {n}"
        qty = v.quantity(field, text, allow_zero=True)
        if qty == ZERO:
            continue
        if qty > line.returnable:
            most = fmt(line.returnable)
            raise BadInput(field, f"{fmt(qty)} of {line.sku} is more than can go back; enter at most {most}",
                           code="over_returnable", values=(fmt(qty), line.sku, most))
        out.append(ReturnLine(line.sku, qty))
    return tuple(out)
