"""What reversing a sales document (``domain.stock.documents.reverse_document``) does beyond the ledger.

The document's movements are reversed by the ledger as any document's; its sales lines stay in ``sales_lines``
as they were written and count as zero from then on (every figure leaves out the lines of reversed documents:
``persistence.sales.orders`` and ``persistence.sales.queries``). Its effect on the order is taken off here, in
the same transaction:

* a sale with goods returned against it (returns not reversed) is refused: reverse the returns first.
* a sale: each order line's shipped quantity goes down again. An order still open, or one closed by shipping,
  is open again and its reservation comes back (on hand and reserved rise together, so what is available stays);
  on a cancelled order the quantity counts as cut, so nothing is promised again.
* a customer return: each order line's returned quantity goes down. The goods leave again, and that must not take
  what is promised to confirmed orders: a reversal that would leave less on hand than is reserved is refused.
"""

from __future__ import annotations

from domain.kernel import clock
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import fmt
from domain.kernel.refusals import refusal
from domain.sales.model import SoState
from domain.sales.reserve import change_reserved
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind


def follow_reversal(uow, doc: Document) -> None:
    """Take a sale's or a customer return's effect off its order (inside the reversal's transaction, after the
    ledger reversed its movements)."""
    lines = uow.sales.lines_of(doc.id)
    if doc.kind == DocumentKind.SALE and any(x.returned for x in uow.sales.shipped_lines(document_id=doc.id)):
        raise refusal(RuleViolation, "sale_has_returns", number=doc.number)
    now = clock.now()
    orders = {}
    for line in lines:
        if line.order_line_id is None:
            continue
        order = orders.get(line.order_line_id) or uow.sales.by_line(line.order_line_id)
        for x in order.lines:
            orders[x.id] = order
        so_line = order.line_by_id(line.order_line_id)
        if doc.kind == DocumentKind.SALE:
            so_line.shipped -= line.qty
            if order.state == SoState.CANCELLED:
                so_line.cancelled += line.qty
            else:
                change_reserved(uow, line.product_id, order.warehouse_of(so_line), line.qty)
                order.settle_state(now)
        else:
            so_line.returned += line.qty  # a return's quantity is negative
    for order in {id(o): o for o in orders.values()}.values():
        uow.sales.save(order)
    if doc.kind == DocumentKind.CUSTOMER_RETURN:
        for product_id in dict.fromkeys(x.product_id for x in lines):
            balance = uow.balances.get(product_id, doc.warehouse_id)
            if balance.position.on_hand < balance.reserved:
                product = uow.products.get(product_id)
                warehouse = uow.warehouses.get(doc.warehouse_id)
                raise refusal(RuleViolation, "return_reversal_reserved", sku=product.sku, warehouse=warehouse.code,
                              on_hand=fmt(balance.position.on_hand), reserved=fmt(balance.reserved))
