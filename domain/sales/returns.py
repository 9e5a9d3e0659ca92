"""Customer returns (销售退货): goods a customer brings back, posted as a document of kind ``customer_return``
(``SR-YYYY-NNNNN``) through the ledger's receipt (``ledger.post_receipt``, ``source_type`` "customer_return").

* Against a sale (a shipment document, or an order's shipments): the goods come back at the unit cost at which
  they left — their share of the sales line's cost, which is the ledger value of the sale's movement; the returns of
  a line take it back cumulatively, so a line returned whole brings back its cost to the cent
  (``domain.stock.valuation.returned_unit_cost``). When the sale is revalued later (a receipt back-dated before it,
  or one a sync brings), the replay values the return by the same rule from the sale's new value, and the return's
  line follows its movement (``persistence.sales.costs``): the goods come back at the cost the sale now carries.
  Revenue, tax, cost and margin go into ``sales_lines`` negative, with the sale's document and line
  (``origin_document_id``/``origin_line_no``). No more can come back than was shipped less what came back already;
  an order line's ``returned`` follows.
* Free (a customer and a warehouse): at the moving average of that moment, at the price typed or quoted.

A reason is required; it is the document's and its movements' note.
"""

from __future__ import annotations

from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog.units import whole_quantity
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.refusals import refusal
from domain.purchasing import returns as purchase_returns
from domain.sales import commands as sc
from domain.sales.model import ShippedLine
from domain.sales.orders import REASON_LENGTH
from domain.sales.orders import find_customer
from domain.sales.orders import find_order
from domain.sales.orders import order_line
from domain.sales.pricing import discount_value
from domain.sales.pricing import line_price
from domain.sales.pricing import price_value
from domain.sales.shipping import Item
from domain.sales.shipping import post_sales_document
from domain.stock import ledger
from domain.stock import valuation
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind


def return_goods(uow, c: sc.ReturnFromCustomer) -> list[Document]:
    """Post a customer return; one document per warehouse the goods had left from (a free return: one).

    Raises:
        BadInput: no reason; neither a shipment, an order nor a customer and warehouse named (or more than one).
        RuleViolation: the document is not a sale or was reversed; the SKU is not on it; more than is returnable.
    """
    reason = v.text("reason", c.reason, max_len=REASON_LENGTH)
    qty = v.quantity("quantity", c.qty)
    price = price_value("price", c.price)
    discount = discount_value("discount", c.discount)
    at = v.moment("date", c.occurred_at)
    ways = [bool(c.shipment and c.shipment.strip()), bool(c.order and c.order.strip()),
            bool((c.customer and c.customer.strip()) or (c.warehouse and c.warehouse.strip()))]
    if sum(ways) != 1:
        raise BadInput("return", "name the sale (a shipment number), the sales order, or the customer and the "
                                 "warehouse of a free return; exactly one of them", code="return_source")
    with uow:
        require(uow, Permission.RETURNS)
        product = ledger.find_product(uow, c.sku)
        whole_quantity("quantity", product, qty)
        if ways[2]:
            if not (c.customer and c.customer.strip()):
                raise BadInput("customer", "is required for a free return (with the warehouse)",
                               code="free_return_customer")
            if not (c.warehouse and c.warehouse.strip()):
                raise BadInput("warehouse", "is required for a free return (with the customer)",
                               code="free_return_warehouse")
            customer = find_customer(uow, c.customer)
            warehouse = ledger.find_warehouse(uow, c.warehouse)
            priced = line_price(uow, customer.id, product, price, discount)
            cost = uow.balances.get(product.id, warehouse.id).position.avg_cost
            item = Item(product, qty, priced.unit_price, priced.discount, priced.tax_rate, unit_cost=cost)
            documents = [post_sales_document(uow, DocumentKind.CUSTOMER_RETURN, warehouse, customer.id,
                                             customer.code, [item], at, "", reason)]
            uow.commit()
            return documents
        if ways[0]:
            doc, number = _sale(uow, c.shipment)
            shipped = [x for x in uow.sales.shipped_lines(document_id=doc.id) if x.product_id == product.id]
            if not shipped:
                raise refusal(NotFound, "sku_not_on_sale", sku=product.sku, number=number)
            ref, customer_code, order = number, doc.partner, None
        else:
            order = find_order(uow, c.order)
            line = order_line(uow, order, c.sku)
            shipped = [x for x in uow.sales.shipped_lines(order_line_ids=[line.id]) if x.product_id == product.id]
            shipped.reverse()  # the newest shipment first
            ref, customer_code = order.number, order.customer_code
        picks = [(product, sold, q) for sold, q in _allocate(shipped, qty, product.sku, ref)]
        documents = _post(uow, picks, customer_code, at, ref, reason, order)
        uow.commit()
    return documents


def return_sale(uow, c: sc.ReturnSaleLines) -> list[Document]:
    """Post one customer return of several products against one sale (one document per warehouse the goods had left
    from: a sale leaves from one, so one), each product's quantity taken from the sale's lines of it in order.

    Raises:
        BadInput: no reason; no line with a quantity (``no_lines``); a quantity that is not a positive number or not
            whole for its unit.
        RuleViolation: the document is not a sale or was reversed; a SKU is not on it; more than is returnable.
    """
    reason = v.text("reason", c.reason, max_len=REASON_LENGTH)
    at = v.moment("date", c.occurred_at)
    wanted: dict[str, tuple[str, Decimal]] = {}  # the SKU's key → (SKU, quantity); a product on two lines adds up
    for n, line in enumerate(c.lines, 1):
        qty = v.quantity(f"quantity of line {n}", line.qty)
        sku = v.code("SKU", line.sku)
        before = wanted.get(v.code_key(sku), (sku, ZERO))
        wanted[v.code_key(sku)] = (before[0], before[1] + qty)
    if not wanted:
        raise BadInput("lines", "add at least one line", code="no_lines")
    with uow:
        require(uow, Permission.RETURNS)
        doc, number = _sale(uow, c.shipment)
        sold_lines = uow.sales.shipped_lines(document_id=doc.id)
        picks = []
        for sku, qty in wanted.values():
            product = ledger.find_product(uow, sku)
            whole_quantity("quantity", product, qty)
            shipped = [x for x in sold_lines if x.product_id == product.id]
            if not shipped:
                raise refusal(NotFound, "sku_not_on_sale", sku=product.sku, number=number)
            picks += [(product, sold, q) for sold, q in _allocate(shipped, qty, product.sku, number)]
        documents = _post(uow, picks, doc.partner, at, number, reason, None)
        uow.commit()
    return documents


def chosen_lines(returnable: list, typed: list[str]) -> tuple[sc.ReturnSaleLine, ...]:
    """The lines of a customer return as a clerk typed them beside the sale's returnable lines
    (``domain.sales.lookup.returnable``), by the rule a return to the supplier follows
    (``domain.purchasing.returns.chosen_lines``): blank or 0 leaves a line, more than it can still return is refused
    naming the line, the product and that maximum (``over_returnable``)."""
    return tuple(sc.ReturnSaleLine(x.sku, x.qty) for x in purchase_returns.chosen_lines(returnable, typed))


def _sale(uow, shipment: str):
    """The sale numbered ``shipment`` and its number, refused when it is not a sale or was reversed."""
    number = v.code("shipment", shipment).upper()
    doc = uow.documents.by_number(number)
    if doc is None:
        raise refusal(NotFound, "unknown_sale", number=number)
    if doc.kind != DocumentKind.SALE:
        raise refusal(RuleViolation, "not_a_sale", number=number, kind=doc.kind.value)
    if doc.reversed:
        raise refusal(RuleViolation, "sale_reversed", number=number)
    return doc, number


def _post(uow, picks: list, customer_code: str, at, ref: str, reason: str, order) -> list[Document]:
    """Post the return documents of ``picks`` ((product, sold line, quantity) each), one per warehouse the goods had
    left from, and follow the orders' lines."""
    by_warehouse: dict[str, list[Item]] = {}
    for product, sold, q in picks:
        by_warehouse.setdefault(sold.warehouse_id, []).append(Item(
            product, q, sold.unit_price, sold.discount, sold.tax_rate, sold.order_line_id,
            unit_cost=_unit_cost(sold, q, uow.money_places), origin=(sold.document_id, sold.line_no)))
    documents = []
    for warehouse_id, items in by_warehouse.items():
        warehouse = uow.warehouses.get(warehouse_id)
        documents.append(post_sales_document(uow, DocumentKind.CUSTOMER_RETURN, warehouse, picks[0][1].customer_id,
                                             customer_code, items, at, ref, reason))
    _follow_orders(uow, [(sold, q) for _product, sold, q in picks], order)
    return documents


def _allocate(shipped: list[ShippedLine], qty: Decimal, sku: str, ref: str) -> list[tuple[ShippedLine, Decimal]]:
    room = sum((x.returnable for x in shipped), ZERO)
    if qty > room:
        total = sum((x.qty for x in shipped), ZERO)
        raise refusal(RuleViolation, "return_over_shipped", sku=sku, ref=ref, shipped=fmt(total),
                      returned=fmt(total - room), room=fmt(room))
    picks, left = [], qty
    for sold in shipped:
        q = min(left, sold.returnable)
        if q > 0:
            picks.append((sold, q))
            left -= q
        if left == 0:
            break
    return picks


def _unit_cost(sold: ShippedLine, qty: Decimal, places: int) -> Decimal:
    """The cost per unit at which ``qty`` of a sold line comes back: its share of the line's cost after what came
    back before (``valuation.returned_unit_cost``, the rule a replay values the return by when the sale's value
    changes), so the last units of the line take exactly the cost not yet returned."""
    return valuation.returned_unit_cost(-sold.cost, valuation.ReturnShare("", sold.qty, sold.returned), qty, places)


def _follow_orders(uow, picks: list[tuple[ShippedLine, Decimal]], order) -> None:
    orders = {}
    for sold, q in picks:
        if sold.order_line_id is None:
            continue
        found = order if order is not None and order.line_by_id(sold.order_line_id) else None
        found = found or orders.get(sold.order_line_id) or uow.sales.by_line(sold.order_line_id)
        for x in found.lines:
            orders[x.id] = found
        found.line_by_id(sold.order_line_id).returned += q
    for o in {id(o): o for o in orders.values()}.values():
        uow.sales.save(o)

