"""What a return against a free receipt (a goods receipt with no purchase order, ``GR-…``) takes off the supplier's
payable: the goods at the price they came in at, with the tax of the rate the receipt kept (``Document.tax_rate``,
migration 0018), as the supplier invoice for that receipt was matched at (``domain.accounts.invoices``). Before, such
a return credited the ledger's value without tax, so a supplier invoiced 113.00 for goods of 100.00 at 13 % still
read 13.00 owed after every piece had gone back.

A free receipt opens no payable: its invoice does, for what was received less what went back before it. So a return
takes off only what invoices billed and is no longer kept: per product, ``billed − (received − returned)``, never
below 0. Returned before any invoice, it takes off nothing (the invoice then bills what was kept); returned after an
invoice for the whole, it takes off what it sends back.

Rounding is the invoice's (``domain.accounts.matching.with_tax``: the value before tax to the cent, then the tax on
it to the cent), taken over everything returned against the receipt so far: a return is worth what the receipt's
billed returns come to with it less what they came to without it. So partial returns are pro rata and their sum is,
to the cent, what the whole came to (3 + 7 of 10 at 3.33 and 13 %: 11.29 + 26.34 = 37.63, as 10 at once), and a
full return takes off exactly what an invoice for the whole receipt made payable. A reversed return leaves the count
(it is no longer among the receipt's returns), so the next one is worked out from what is still returned.
"""

from __future__ import annotations

from decimal import Decimal

from domain.accounts.matching import with_tax
from domain.kernel.numbers import ZERO
from domain.purchasing.note_tax import free_receipt_tax_rate
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind


def free_receipt_return_worth(uow, receipt: Document, returning: dict[str, Decimal]) -> Decimal | None:
    """What returning ``returning`` (product id → quantity) against the free receipt ``receipt`` credits the
    payable, with tax, in the company currency (0 while no invoice billed what it sends back); None when a
    product's price on the receipt is not known (the caller then takes the ledger's value, as before).

    Args:
        uow: an open unit of work, before the return's own document is added.
        receipt: the free receipt returned against (its lines carry the unit cost it was received at).
        returning: what this return sends back of each product.
    """
    # its lines as the invoice for it reads them: product → (quantity, the unit cost it came in at)
    lines = uow.supplier_invoices.receipt_lines(receipt.id)
    costs = {product_id: cost or ZERO for product_id, (_qty, cost) in lines.items()}
    if any(not costs.get(product_id) for product_id in returning):
        return None
    received = {product_id: qty for product_id, (qty, _cost) in lines.items()}
    billed = uow.supplier_invoices.invoiced(receipt_id=receipt.id)
    rate = free_receipt_tax_rate(uow, receipt)
    places = uow.money_places
    before = uow.documents.quantities_referencing(DocumentKind.SUPPLIER_RETURN.value, receipt.number)

    def worth(returned: dict[str, Decimal]) -> Decimal:
        """What the returns ``returned`` (product → quantity) take off: what was billed and is no longer kept."""
        net = ZERO
        for product_id, cost in costs.items():
            kept = received[product_id] - returned.get(product_id, ZERO)
            net += max(billed.get(product_id, ZERO) - kept, ZERO) * cost
        return with_tax(net, rate, places)[0]

    after = dict(before)
    for product_id, qty in returning.items():
        after[product_id] = after.get(product_id, ZERO) + qty
    return worth(after) - worth(before)
