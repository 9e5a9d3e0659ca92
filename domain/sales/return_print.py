"""Filling the print values (``domain.sales.printing``) of a posted return note from the stored document: what
``return pdf`` and the window's Print buttons for returns render.

* a customer return (``SR-…``): ``print_data.shipment_print`` — its lines with their money from the return's
  sales lines (the revenue and tax given back), the sale or order it is against, the reason;
* a supplier return (``PR-…``): its lines at the value the goods left with (the ledger's valuation of each
  movement, the moving average at that moment), with the tax of the order it is against (directly or through the
  delivery's receipt), or of the free receipt it is against, as that receipt's note prints it
  (``domain.purchasing.note_tax``); the supplier, the receipt or purchase order it is against, the reason.

Each function opens and leaves the unit of work (read-only).
"""

from __future__ import annotations

from decimal import Decimal

from domain.kernel.errors import NotFound
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.kernel.refusals import refusal
from domain.purchasing.note_tax import free_receipt_tax_rate
from domain.purchasing.note_tax import order_tax_rate
from domain.purchasing.note_tax import with_tax
from domain.sales.print_data import company_block
from domain.sales.print_data import shipment_print
from domain.sales.print_data import warehouse_block
from domain.sales.printing import DocumentKind as PrintKind
from domain.sales.printing import PartyBlock
from domain.sales.printing import PrintLine
from domain.sales.printing import SalesPrint
from domain.sales.printing import Totals
from domain.stock.documents_model import DocumentKind


def return_print(uow, number: str) -> SalesPrint:
    """The return note of the posted return numbered ``number`` (a customer or a supplier return).

    Raises:
        NotFound ``unknown_return``: no customer or supplier return has the number.
    """
    key = number.strip().upper()
    with uow:
        doc = uow.documents.by_number(key)
    if doc is None or doc.kind not in (DocumentKind.CUSTOMER_RETURN, DocumentKind.SUPPLIER_RETURN):
        raise refusal(NotFound, "unknown_return", number=number)
    if doc.kind == DocumentKind.CUSTOMER_RETURN:
        return shipment_print(uow, doc.number, PrintKind.CUSTOMER_RETURN)
    return supplier_return_print(uow, doc.number)


def supplier_return_print(uow, number: str) -> SalesPrint:
    """A posted return to the supplier as its return note, valued at what the goods left the warehouse with, taxed
    at the rate of what it returns against.

    Raises:
        NotFound ``unknown_return``: no supplier return has the number.
    """
    with uow:
        doc = uow.documents.by_number(number.strip().upper())
        if doc is None or doc.kind != DocumentKind.SUPPLIER_RETURN:
            raise refusal(NotFound, "unknown_return", number=number)
        places = uow.money_places
        # the stored document holds no lines of its own here: its movements are its lines, in posting order
        lines, total = valued_lines(uow, uow.documents.movement_ids(doc.kind.value, doc.number))
        supplier = uow.suppliers.by_code(doc.partner)
        partner = (PartyBlock(supplier.name, supplier.code, supplier.address, supplier.contact) if supplier
                   else PartyBlock(doc.partner, doc.partner))
        reference = doc.reference
        against = uow.documents.by_number(reference.upper()) if reference else None
        receipt = against.number if against is not None and against.kind == DocumentKind.RECEIPT else ""
        order = reference if not receipt and reference.upper().startswith("PO-") else ""
        note = "" if receipt or order or not reference else reference
        rate = ZERO
        if receipt:  # a delivery's receipt names its order and holds no movements of its own; a free one, neither
            own = uow.documents.movement_ids(DocumentKind.RECEIPT.value, receipt)
            rate = (free_receipt_tax_rate(uow, against) if own or not against.reference
                    else order_tax_rate(uow, against.reference))
        elif order:
            rate = order_tax_rate(uow, order)
        lines, tax = with_tax(lines, rate, places)
        return SalesPrint(
            PrintKind.SUPPLIER_RETURN, doc.number, doc.business_date, company_block(uow), partner,
            warehouse_block(uow, doc.warehouse_id), lines, Totals(total, tax, total + tax),
            uow.purchasing.policy().currency, order_number=order, source_number=receipt, reason=doc.note,
            note=note, prints_tax=rate > 0)


def valued_lines(uow, movement_ids: list[str]) -> tuple[tuple[PrintLine, ...], Decimal]:
    """One print line per product of ``movement_ids`` (in their order; reversals left out): the quantity moved and
    the value the ledger gave it, its unit value that ÷ the quantity; and their total (inside an open unit of
    work)."""
    places = uow.money_places
    moved: dict[str, list] = {}
    for movement_id in movement_ids:
        movement = uow.movements.get(movement_id)
        valuation = uow.movements.valuation(movement_id)
        if movement is None or movement.reverses_id or valuation is None:
            continue
        qty_value = moved.setdefault(movement.product_id, [ZERO, ZERO])
        qty_value[0] += abs(movement.qty)
        qty_value[1] += abs(valuation.value)
    lines = []
    total = round_money(ZERO, places)
    for line_no, (product_id, (qty, value)) in enumerate(moved.items(), 1):
        product = uow.products.get(product_id)
        amount = round_money(value, places)
        unit_value = round_money(amount / qty, places) if qty else ZERO
        lines.append(PrintLine(line_no, product.sku, product.name, product.unit, qty, unit_value, amount=amount))
        total += amount
    return tuple(lines), total
