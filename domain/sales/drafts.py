"""Changing a draft sales order: its header, a line's quantity, price, discount or warehouse, removing a line (and
putting a removed line back), replacing a line's product by a substitute.

``domain.sales.orders`` creates a draft and adds lines; the order screen also needs to correct what was typed
before the order is confirmed, and the stockout offers change a draft line (ship it from another warehouse,
replace it by a substitute). Only a draft changes here: nothing is reserved yet, so no balance moves. Each
function is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog.units import whole_quantity
from domain.kernel import validate as v
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.refusals import refusal
from domain.sales.model import SalesOrder
from domain.sales.model import SoLine
from domain.sales.model import SoState
from domain.sales.orders import build_line
from domain.sales.orders import check_new_line
from domain.sales.orders import find_customer
from domain.sales.orders import find_order
from domain.sales.pricing import LinePrice
from domain.sales.pricing import discount_value
from domain.sales.pricing import line_price
from domain.sales.pricing import price_value
from domain.stock import ledger


@dataclass(frozen=True)
class ChangeDraft:
    """The header of a draft; ``None`` leaves a field as it is (``requested_on`` ``date.min`` clears it)."""

    so: str
    customer: str | None = None
    warehouse: str | None = None
    requested_on: date | None = None
    reference: str | None = None


@dataclass(frozen=True)
class ChangeDraftLine:
    """One line of a draft, by its number; ``None`` leaves a field as it is. A blank ``price`` takes the
    customer's quote again; a blank ``warehouse`` ships the line from the order's warehouse."""

    so: str
    line_no: int
    qty: object = None
    price: object = None
    discount: object = None
    warehouse: str | None = None


@dataclass(frozen=True)
class ReplaceDraftLine:
    """Put ``sku`` in place of a draft line's product (a substitute), at the customer's price for it."""

    so: str
    line_no: int
    sku: str


def _draft(uow, ref: str) -> SalesOrder:
    order = find_order(uow, ref)
    if order.state != SoState.DRAFT:
        raise refusal(RuleViolation, "so_add_not_draft", so=order.label, state=order.state.value)
    return order


def _line(order: SalesOrder, line_no: int) -> SoLine:
    line = next((x for x in order.lines if x.line_no == line_no), None)
    if line is None:
        raise refusal(NotFound, "sku_not_on_so", sku=f"#{line_no}", so=order.label)
    return line


def change_draft(uow, c: ChangeDraft) -> SalesOrder:
    """Change a draft's customer, warehouse, requested date or reference."""
    reference = None if c.reference is None else v.text("reference", c.reference, required=False, max_len=64)
    if c.requested_on is not None and c.requested_on != date.min:
        v.planned_day("requested", c.requested_on)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _draft(uow, c.so)
        if c.customer is not None and c.customer.strip():
            customer = find_customer(uow, c.customer)
            order.customer_id, order.customer_code = customer.id, customer.code
        if c.warehouse is not None and c.warehouse.strip():
            warehouse = ledger.find_warehouse(uow, c.warehouse)
            order.warehouse_id = warehouse.id
            for line in order.lines:
                if line.warehouse_id == warehouse.id:
                    line.warehouse_id = None
        if c.requested_on is not None:
            order.requested_on = None if c.requested_on == date.min else c.requested_on
        if reference is not None:
            order.reference = reference
        uow.sales.save(order)
        uow.commit()
    return order


def change_line(uow, c: ChangeDraftLine) -> SoLine:
    """Change a draft line's quantity, price, discount or warehouse."""
    qty = None if c.qty is None else v.quantity("quantity", c.qty)
    blank_price = isinstance(c.price, str) and not c.price.strip()
    price = None if c.price is None or blank_price else price_value("price", c.price)
    discount = None if c.discount is None else discount_value("discount", c.discount)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _draft(uow, c.so)
        line = _line(order, c.line_no)
        if qty is not None:
            line.qty = whole_quantity("quantity", uow.products.get(line.product_id), qty)
        if price is not None:
            line.unit_price, line.price_source = price, ""
        elif blank_price:
            product = uow.products.get(line.product_id)
            priced = line_price(uow, order.customer_id, product, None, discount)
            line.unit_price, line.discount, line.price_source = priced.unit_price, priced.discount, priced.source
        if discount is not None:
            line.discount = discount
        if c.warehouse is not None:
            if c.warehouse.strip():
                warehouse = ledger.find_warehouse(uow, c.warehouse)
                line.warehouse_id = None if warehouse.id == order.warehouse_id else warehouse.id
            else:
                line.warehouse_id = None
        uow.sales.save(order)
        uow.commit()
    return line


def remove_line(uow, so: str, line_no: int) -> SoLine:
    """Remove a line from a draft; the lines after it keep their numbers."""
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _draft(uow, so)
        line = _line(order, line_no)
        order.lines.remove(line)
        uow.sales.save(order)
        uow.commit()
    return line


def restore_line(uow, so: str, removed: SoLine) -> SoLine:
    """Put back a line that ``remove_line`` took from the draft (the order screen's undo): the same product,
    quantity, unit price, discount, tax rate, price source and warehouse, under its old line number when no line
    has taken it since, so that it is back in its place (lines are read in their number's order). When a line
    added since has that number (the removed line was the last one), the line goes back at the end, under the
    next free number: the domain numbers lines by their order and does not renumber the others.

    Raises:
        RuleViolation ``so_add_not_draft``: the order left draft meanwhile (confirmed or cancelled at another desk).
        Duplicate ``so_line_exists``: the product was added to the order again since.
        NotFound ``ledger_unknown_product``: the product is gone.
    Nothing is written when refused.
    """
    qty = v.quantity("quantity", removed.qty)
    price = price_value("price", removed.unit_price)
    discount = discount_value("discount", removed.discount)
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _draft(uow, so)
        product = uow.products.get(removed.product_id)
        if product is None:
            raise refusal(NotFound, "ledger_unknown_product", field="SKU", code=removed.sku)
        check_new_line(order, product, qty)
        warehouse_id = removed.warehouse_id
        if warehouse_id not in (None, order.warehouse_id) and uow.warehouses.get(warehouse_id) is None:
            warehouse_id = None  # gone since: the order's warehouse
        priced = LinePrice(price, discount, removed.tax_rate, removed.price_source)
        line = build_line(order, product, qty, priced, warehouse_id, removed.line_no)
        order.lines.append(line)
        order.lines.sort(key=lambda x: x.line_no)
        uow.sales.save(order)
        uow.commit()
    return line


def replace_line(uow, c: ReplaceDraftLine) -> SoLine:
    """Put a substitute in place of a draft line's product: same quantity, discount and warehouse, the customer's
    price for the substitute.

    Raises:
        Duplicate ``so_line_exists``: the substitute is on the order already (add to that line instead).
        RuleViolation ``no_sale_price``: no price is known for the substitute.
    """
    with uow:
        require(uow, Permission.SALES_ORDERS)
        order = _draft(uow, c.so)
        line = _line(order, c.line_no)
        product = ledger.find_product(uow, c.sku)
        whole_quantity("quantity", product, line.qty)
        existing = order.line_for(product.id)
        if existing is not None and existing is not line:
            raise refusal(Duplicate, "so_line_exists", sku=product.sku, line=existing.line_no, so=order.label)
        priced = line_price(uow, order.customer_id, product, None, None)
        new = SoLine(id=new_id(), line_no=line.line_no, product_id=product.id, sku=product.sku, name=product.name,
                     unit=product.unit, qty=line.qty, unit_price=priced.unit_price, discount=priced.discount,
                     tax_rate=priced.tax_rate, warehouse_id=line.warehouse_id, price_source=priced.source)
        order.lines[order.lines.index(line)] = new
        uow.sales.save(order)
        uow.commit()
    return new
