"""Filling the print values (``domain.sales.printing``) of a posted goods receipt (采购入库单, ``GR-…``) from the stored
document: what ``po receipt-pdf`` renders.

Its lines are its movements at the value the ledger gave them: a free receipt's carry its own number; a delivery
against a purchase order's carry the PO's, and the receipt's lines name them (``DocumentLine.movement_id``, checked
by ``DocumentRepository.delivery_movement_ids``). The supplier, the warehouse received into, the PO.

Tax (``domain.purchasing.note_tax``): a delivery against a PO with a tax rate prints the PO's rate on each line and
the tax on each line's value, to the cent, as the purchase report takes it; the total with tax is then what the
delivery made payable (``domain.accounts.items.goods_received``) but for a cent of rounding where a product came in
twice. A free receipt prints the purchasing policy's rate it was posted at (kept on it), at which a supplier
invoice for it is matched. A rate of 0 prints no tax lines (``SalesPrint.prints_tax``).
"""

from __future__ import annotations

from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import refusal
from domain.purchasing.note_tax import free_receipt_tax_rate
from domain.purchasing.note_tax import order_tax_rate
from domain.purchasing.note_tax import with_tax
from domain.sales.print_data import company_block
from domain.sales.print_data import warehouse_block
from domain.sales.printing import DocumentKind as PrintKind
from domain.sales.printing import PartyBlock
from domain.sales.printing import SalesPrint
from domain.sales.printing import Totals
from domain.sales.return_print import valued_lines
from domain.stock.documents_model import DocumentKind


def receipt_print(uow, number: str) -> SalesPrint:
    """The goods receipt note of the posted receipt numbered ``number``.

    Raises:
        NotFound ``unknown_receipt``: no goods receipt has the number.
        RuleViolation ``delivery_not_here``: a delivery whose movements are not all in this ledger yet;
            ``delivery_link_wrong``: a line names a movement that is not its receipt.
    """
    with uow:
        doc = uow.documents.by_number(number.strip().upper())
        if doc is None or doc.kind != DocumentKind.RECEIPT:
            raise refusal(NotFound, "unknown_receipt", number=number)
        movement_ids = uow.documents.movement_ids(doc.kind.value, doc.number)
        order = ""
        if not movement_ids and doc.reference:  # a delivery against a purchase order
            movement_ids = uow.documents.delivery_movement_ids(doc)
            if len(movement_ids) != len(uow.documents.line_quantities(doc.id)):
                raise refusal(RuleViolation, "delivery_not_here", number=doc.number)
            order = doc.reference
        lines, total = valued_lines(uow, movement_ids)
        rate = order_tax_rate(uow, order) if order else free_receipt_tax_rate(uow, doc)
        lines, tax = with_tax(lines, rate, uow.money_places)
        supplier = uow.suppliers.by_code(doc.partner) if doc.partner else None
        partner = (PartyBlock(supplier.name, supplier.code, supplier.address, supplier.contact) if supplier
                   else PartyBlock(doc.partner or "—", doc.partner))
        return SalesPrint(
            PrintKind.GOODS_RECEIPT, doc.number, doc.business_date, company_block(uow), partner,
            warehouse_block(uow, doc.warehouse_id), lines, Totals(total, tax, total + tax),
            uow.purchasing.policy().currency, order_number=order, prints_tax=rate > 0,
            reversed_on=doc.reversed_at.astimezone().date() if doc.reversed and doc.reversed_at else None,
            note="\n\n".join(x for x in (doc.reference if not order else "", doc.note) if x))

