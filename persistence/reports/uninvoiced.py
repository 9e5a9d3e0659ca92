"""The read of goods received, not yet invoiced (``domain.reports.uninvoiced``), as of a day.

A handful of statements, none per receipt: the receipts against orders (their movements, source type ``po``) up to
the end of the day and the reversals of them up to then (a receipt reversed by then is left out; one whose reversal
was itself reversed counts again); the goods receipts (``GR-…``) that name those movements, for their numbers; the
free receipts (receipt documents whose reference is no order's) of a supplier, not reversed by then; the returns to
the supplier not reversed by then; and the supplier invoices (not reversed) dated on or before the day with their
lines. A return or an invoice line names an order, a delivery's goods receipt (which counts for its order, as the
order's received quantity and its invoice's match count it) or a free receipt.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import or_
from sqlalchemy import select

from domain.kernel.numbers import ZERO
from domain.reports.uninvoiced import Received
from persistence import office
from persistence import tables as t
from persistence.reports.queries import midnight
from persistence.stock.refs import ref_of

M, DOC, LINE, PO, S, P = t.movements, t.documents, t.document_lines, t.purchase_orders, t.suppliers, t.products
SI, SIL = t.supplier_invoices, t.supplier_invoice_lines
PO_RECEIPT = "po"  # the source type of a receipt against a purchase order (domain.purchasing.orders)


def uninvoiced_inputs(engine: Engine, as_of: date, utc_offset_seconds: int = 0
                      ) -> tuple[list[Received], dict[tuple[str, str], Decimal]]:
    """The receipts of orders and free receipts on ``as_of`` (not reversed by its end) and, per (source, product),
    what invoices and returns dated by then consumed of them."""
    end = midnight(as_of + timedelta(days=1), utc_offset_seconds)
    with engine.connect() as conn:
        moved = conn.execute(
            select(M.c.id, M.c.occurred_at, M.c.product_id, M.c.qty, M.c.unit_cost, M.c.fx_currency,
                   M.c.fx_unit_price, ref_of(M).label("ref"))
            .where(M.c.kind == "receipt", M.c.source_type == PO_RECEIPT, M.c.occurred_at < end)).all()
        reversed_ids = _reversed(conn, end)
        orders = {}
        for r in conn.execute(select(PO.c.id, PO.c.number, PO.c.supplier_id, PO.c.currency, PO.c.tax_rate)):
            orders[r.id] = r
            if r.number:
                orders[r.number] = r
        suppliers = {r.id: r for r in conn.execute(select(S.c.id, S.c.code, S.c.name))}
        by_code = {r.code: r for r in suppliers.values()}
        products = {r.id: r for r in conn.execute(select(P.c.id, P.c.sku, P.c.name))}
        receipts = conn.execute(
            select(DOC.c.id, DOC.c.number, DOC.c.business_date, DOC.c.partner, DOC.c.reference, DOC.c.reversed,
                   DOC.c.reversed_at, DOC.c.occurred_at, DOC.c.tax_rate)
            .where(DOC.c.kind == "receipt", DOC.c.business_date <= as_of)).all()
        lines = defaultdict(list)
        slip = {}  # movement id → (goods receipt number, its day)
        docs = {d.id: d for d in receipts}
        for ln in conn.execute(select(LINE.c.document_id, LINE.c.product_id, LINE.c.qty, LINE.c.unit_cost,
                                      LINE.c.movement_id).where(LINE.c.document_id.in_(list(docs)))):
            lines[ln.document_id].append(ln)
            if ln.movement_id:
                slip[ln.movement_id] = docs[ln.document_id]
        returns = conn.execute(
            select(DOC.c.reference, LINE.c.product_id, LINE.c.qty).join(LINE, LINE.c.document_id == DOC.c.id)
            .where(DOC.c.kind == "supplier_return", DOC.c.business_date <= as_of,
                   or_(DOC.c.reversed.is_(False), DOC.c.reversed_at >= end))).all()
        billed = conn.execute(
            select(SI.c.po_id, SIL.c.receipt_document_id, SIL.c.product_id, SIL.c.qty)
            .join(SIL, SIL.c.invoice_id == SI.c.id)
            .where(SI.c.reversed.is_(False), SI.c.business_date <= as_of)).all()

    def order_of(ref: str):
        return orders.get(ref)

    number_of = {d.id: d.number for d in receipts}
    delivery_po = {d.number: order_of(d.reference).number for d in receipts if order_of(d.reference) is not None}
    out: list[Received] = []
    for m in moved:
        po = order_of(m.ref)
        if m.id in reversed_ids or po is None or po.supplier_id not in suppliers:
            continue
        supplier, product, doc = suppliers[po.supplier_id], products.get(m.product_id), slip.get(m.id)
        day = doc.business_date if doc is not None else (m.occurred_at + timedelta(seconds=utc_offset_seconds)).date()
        out.append(Received(supplier.code, supplier.name, po.number or po.id, po.number or po.id,
                            doc.number if doc is not None else "", day, m.occurred_at, m.product_id,
                            product.sku if product else m.product_id, product.name if product else "", m.qty,
                            m.unit_cost or ZERO, m.fx_currency or "", m.fx_unit_price, po.tax_rate))
    for d in receipts:
        free = d.number not in delivery_po and not any(ln.movement_id for ln in lines[d.id])
        if not free or d.partner not in by_code or (d.reversed and (d.reversed_at is None or d.reversed_at < end)):
            continue
        supplier = by_code[d.partner]
        for ln in lines[d.id]:
            product = products.get(ln.product_id)
            out.append(Received(supplier.code, supplier.name, d.number, "", d.number, d.business_date, d.occurred_at,
                                ln.product_id, product.sku if product else ln.product_id,
                                product.name if product else "", ln.qty or ZERO, ln.unit_cost or ZERO, "", None,
                                d.tax_rate))
    consumed: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)

    def source(ref: str) -> str:
        """The source a return's reference or an invoice line names: an order's number, else the receipt's."""
        po = order_of(ref)
        return po.number or po.id if po is not None else delivery_po.get(ref, ref)

    for ref, product_id, qty in returns:
        consumed[(source(ref), product_id)] += qty or ZERO
    for po_id, receipt_id, product_id, qty in billed:
        ref = number_of.get(receipt_id, receipt_id) if receipt_id else po_id
        consumed[(source(ref or ""), product_id)] += qty or ZERO
    return out, dict(consumed)


def money_places(engine: Engine) -> int:
    """The company currency's money places, as ``persistence.db.Database`` reads them (2 unless set)."""
    with engine.connect() as conn:
        key = "money_places"
        found = office.get(conn, key) if key in office.KEYS else conn.execute(
            select(t.settings.c.value).where(t.settings.c.key == key)).scalar()
    return int(found or 2)


def _reversed(conn, end) -> set[str]:
    """The movements reversed by ``end``: each reversal by then that was not itself reversed by then."""
    reversals = conn.execute(select(M.c.id, M.c.reverses_id).where(
        M.c.kind == "reversal", M.c.reverses_id.is_not(None), M.c.occurred_at < end)).all()
    undone = {r.reverses_id for r in reversals}
    return {r.reverses_id for r in reversals if r.id not in undone}
