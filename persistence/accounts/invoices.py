"""``uow.supplier_invoices`` (``domain.accounts.invoices.SupplierInvoiceRepository``) and the list read.

An invoice is inserted with its lines and never changed afterwards but for ``reversed`` (with the next version).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from domain.accounts.invoices import InvoiceLine
from domain.accounts.invoices import InvoiceRow
from domain.accounts.invoices import SupplierInvoice
from domain.kernel.numbers import ZERO
from persistence import tables as t

SI, SIL = t.supplier_invoices, t.supplier_invoice_lines
QTY_SCALE = SIL.c.qty.type.scale


def _quantity(value) -> Decimal:
    """A SUM of a scaled column: a Decimal, or the raw integer some backends hand back."""
    if value is None:
        return ZERO
    return Decimal(value).scaleb(-QTY_SCALE) if isinstance(value, int) else value


class SupplierInvoiceRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, invoice: SupplierInvoice) -> None:
        self.conn.execute(insert(SI).values(
            id=invoice.id, supplier_id=invoice.supplier_id, number=invoice.number,
            business_date=invoice.business_date, due_on=invoice.due_on, po_id=invoice.po_id, amount=invoice.amount,
            tax=invoice.tax, note=invoice.note, user=invoice.user, created_at=invoice.created_at,
            reversed=invoice.reversed, device_id=invoice.device_id, version=invoice.version))
        if invoice.lines:
            self.conn.execute(insert(SIL), [
                {"invoice_id": invoice.id, "line_no": x.line_no, "product_id": x.product_id,
                 "receipt_document_id": x.receipt_document_id, "qty": x.qty, "unit_price": x.unit_price}
                for x in invoice.lines])

    def by_number(self, supplier_id: str, number: str) -> SupplierInvoice | None:
        r = self.conn.execute(select(SI).where(SI.c.supplier_id == supplier_id, SI.c.number == number)).first()
        if r is None:
            return None
        lines = tuple(InvoiceLine(x.line_no, x.product_id, x.qty, x.unit_price, x.receipt_document_id)
                      for x in self.conn.execute(select(SIL).where(SIL.c.invoice_id == r.id).order_by(SIL.c.line_no)))
        return SupplierInvoice(
            id=r.id, supplier_id=r.supplier_id, number=r.number, business_date=r.business_date, due_on=r.due_on,
            po_id=r.po_id, amount=r.amount, tax=r.tax, note=r.note, user=r.user, created_at=r.created_at,
            reversed=r.reversed, device_id=r.device_id, version=r.version, lines=lines)

    def mark_reversed(self, invoice: SupplierInvoice) -> None:
        self.conn.execute(update(SI).where(SI.c.id == invoice.id).values(reversed=True, version=invoice.version + 1))

    def invoiced(self, *, po_id: str | None = None, receipt_id: str | None = None,
                 before: datetime | None = None, exclude: str | None = None) -> dict[str, Decimal]:
        q = (select(SIL.c.product_id, func.sum(SIL.c.qty)).join_from(SIL, SI, SIL.c.invoice_id == SI.c.id)
             .where(SI.c.reversed.is_(False)).group_by(SIL.c.product_id))
        if receipt_id is not None:
            q = q.where(SIL.c.receipt_document_id == receipt_id)
        else:
            q = q.where(SI.c.po_id == po_id, SIL.c.receipt_document_id.is_(None))
        if before is not None:
            q = q.where(SI.c.created_at < before)
        if exclude is not None:
            q = q.where(SI.c.id != exclude)
        return {product_id: _quantity(qty) for product_id, qty in self.conn.execute(q)}

    def billing(self, receipt_id: str) -> list[tuple[str, str]]:
        q = (select(SI.c.number, SI.c.supplier_id).distinct().join_from(SIL, SI, SIL.c.invoice_id == SI.c.id)
             .where(SI.c.reversed.is_(False), SIL.c.receipt_document_id == receipt_id).order_by(SI.c.number))
        return [(number, supplier_id) for number, supplier_id in self.conn.execute(q)]

    def receipt_lines(self, document_id: str) -> dict[str, tuple[Decimal, Decimal]]:
        L = t.document_lines  # noqa: N806
        out: dict[str, tuple[Decimal, Decimal]] = {}
        for r in self.conn.execute(select(L.c.product_id, L.c.qty, L.c.unit_cost)
                                   .where(L.c.document_id == document_id).order_by(L.c.line_no)):
            qty, cost = out.get(r.product_id, (ZERO, r.unit_cost or ZERO))
            out[r.product_id] = (qty + (r.qty or ZERO), cost)
        return out

    def document_numbers(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        D = t.documents  # noqa: N806
        return dict(self.conn.execute(select(D.c.id, D.c.number).where(D.c.id.in_(ids))).all())


def invoice_list(engine: Engine, supplier: str = "", limit: int = 1000) -> list[InvoiceRow]:
    """The supplier invoices, newest first (by date, then entry), of one supplier (its code) or all."""
    S, PO = t.suppliers, t.purchase_orders  # noqa: N806
    q = (select(SI, S.c.code.label("supplier_code"), S.c.name.label("supplier_name"), PO.c.number.label("po_number"))
         .join(S, S.c.id == SI.c.supplier_id).outerjoin(PO, PO.c.id == SI.c.po_id)
         .order_by(SI.c.business_date.desc(), SI.c.created_at.desc(), SI.c.id).limit(limit))
    if supplier:
        q = q.where(S.c.code == supplier)
    with engine.connect() as conn:
        return [InvoiceRow(r.id, r.supplier_code, r.supplier_name, r.number, r.business_date, r.due_on,
                           r.po_number or "", r.amount, r.tax, r.reversed, r.user, r.created_at)
                for r in conn.execute(q)]
