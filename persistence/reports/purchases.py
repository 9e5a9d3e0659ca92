"""The purchase report's read (``domain.reports.purchases``): the period's receipt and supplier-return movements,
each with its supplier, order, tax rate and document.

One query over the period's movements (by the index on business time) keeps those whose flow, or the flow of what
they reverse, is a purchase receipt or a return to the supplier, as the stock summary's ``_flow_sums`` counts them
(``domain.reports.model.flow_of``; a reversal at the opposite of its original's value, as the summary counts it in
its flow, leaving what it moved beyond that to the summary's price difference; the imported opening stock left out
by ``is_opening_stock``, as the summary moves it into its opening). The rest is looked up once per read, not per
movement: the orders the receipts name (their supplier and tax rate), the documents (a free receipt's or a return's
supplier, what a return was against, the goods receipt a delivery against an order made: the one whose line names
the movement, or for a delivery received before 0017 left unlinked, the one at the order's moment and warehouse),
the suppliers and the products.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.model import flow_of
from domain.reports.model import is_opening_stock
from domain.reports.purchases import PurchaseLine
from persistence import tables as t
from persistence.reports.queries import midnight
from persistence.reports.queries import warehouse_ids
from persistence.stock import merged
from persistence.stock.merged import product_of
from persistence.stock.refs import ref_of

M, MV, DOC, PO, S, P = t.movements, t.movement_values, t.documents, t.purchase_orders, t.suppliers, t.products
LINE = t.document_lines
PO_RECEIPT = "po"  # the source type of a receipt against a purchase order (domain.purchasing.orders)
_KINDS = (Flow.RECEIPT, Flow.SUPPLIER_RETURN)


def purchase_lines(engine: Engine, period: Period, *, warehouse: str | None = None, utc_offset_seconds: int = 0
                   ) -> list[PurchaseLine]:
    """The purchase lines of ``period`` (in ``warehouse``, or all): one per receipt, return to the supplier, or
    reversal of either, oldest first."""
    start = midnight(period.first, utc_offset_seconds)
    end = midnight(period.last + timedelta(days=1), utc_offset_seconds)
    orig, orig2 = M.alias("original"), M.alias("original2")  # a reversal's original (and an undo's)
    ov, ov2 = MV.alias("original_v"), MV.alias("original2_v")
    # what a movement counts: its value; a reversal's, the opposite of its original's (what it moved beyond that is a
    # price difference in the cost of goods, not a purchase: ``domain.reports.model``); an undo's, its original's
    counted = case((orig2.c.id.is_not(None), ov2.c.value), (orig.c.id.is_not(None), -ov.c.value), else_=MV.c.value)
    with engine.connect() as conn:
        maps = merged.merged(conn)
        wh_ids = warehouse_ids(conn, warehouse, maps)
        base_kind = func.coalesce(orig2.c.kind, orig.c.kind, M.c.kind)
        base_source = func.coalesce(orig2.c.source_type, orig.c.source_type, M.c.source_type)
        query = (
            select(M.c.occurred_at, product_of(M, mapped=bool(maps)), M.c.kind, M.c.qty, counted, base_kind,
                   base_source, func.coalesce(ref_of(orig2), ref_of(orig), ref_of(M)),
                   func.coalesce(orig2.c.occurred_at, orig.c.occurred_at, M.c.occurred_at),
                   func.coalesce(orig2.c.warehouse_id, orig.c.warehouse_id, M.c.warehouse_id),
                   func.coalesce(orig2.c.fx_currency, orig.c.fx_currency, M.c.fx_currency),
                   func.coalesce(orig2.c.fx_unit_price, orig.c.fx_unit_price, M.c.fx_unit_price),
                   func.coalesce(orig2.c.fx_rate, orig.c.fx_rate, M.c.fx_rate),
                   func.coalesce(orig2.c.id, orig.c.id, M.c.id))
            .select_from(M.join(MV, MV.c.movement_id == M.c.id)
                         .outerjoin(orig, orig.c.id == M.c.reverses_id)
                         .outerjoin(ov, ov.c.movement_id == orig.c.id)
                         .outerjoin(orig2, orig2.c.id == orig.c.reverses_id)
                         .outerjoin(ov2, ov2.c.movement_id == orig2.c.id))
            .where(M.c.occurred_at >= start, M.c.occurred_at < end,
                   or_(and_(base_kind == "receipt", base_source != "customer_return"),
                       and_(base_kind == "shipment", base_source == "supplier_return")))
            .order_by(M.c.occurred_at, M.c.id))
        if wh_ids is not None:
            query = query.where(M.c.warehouse_id.in_(wh_ids))
        moved = [r for r in conn.execute(query).all()
                 if flow_of(r[5], r[6]) in _KINDS and not is_opening_stock(r[5], r[6], r[7])]
        orders = _orders(conn, {r[7] for r in moved if r[6] == PO_RECEIPT})
        documents = _documents(conn, {r[7] for r in moved if r[6] != PO_RECEIPT})
        documents.update(_documents(conn, {d[1] for d in documents.values() if d[1]}))  # a return's receipt
        orders.update(_orders(conn, {d[1] for d in documents.values() if d[1]} - orders.keys()))
        delivered = [r for r in moved if r[6] == PO_RECEIPT]
        linked = _linked_receipts(conn, {r[13] for r in delivered})
        deliveries = _deliveries(conn, {r[7] for r in delivered if r[13] not in linked})
        suppliers = {i: (code, name) for i, code, name in conn.execute(select(S.c.id, S.c.code, S.c.name)).all()}
        by_code = {code.upper(): (code, name) for code, name in suppliers.values()}
        products = {i: (sku, name, unit) for i, sku, name, unit in
                    conn.execute(select(P.c.id, P.c.sku, P.c.name, P.c.unit)).all()}
    out = []
    for at, product_id, kind, qty, value, _bk, source, ref, base_at, base_wh, currency, price, rate, base in moved:
        returned = source == "supplier_return"
        if source == PO_RECEIPT:
            supplier_id, tax_rate = orders.get(ref, (None, None))
            known = True
            supplier = suppliers.get(supplier_id, ("", ""))
            document, order = linked.get(base) or deliveries.get((ref, base_at, base_wh), ""), ref
        else:
            partner, against, _rate = documents.get(ref, ("", "", None))
            supplier = by_code.get(partner.upper(), (partner, "")) if partner else ("", "")
            order = _order_of(against, orders, documents) if returned else ""
            tax_rate, known = _free_tax(ref, against, order, returned, orders, documents)
            document = ref
        sku, name, unit = products.get(product_id, (product_id, "", ""))
        qty, value = (-qty, -value) if returned else (qty, value)
        # a reversal takes its original back (the other sign); the undoing of a reversal (a sync's) puts it back
        out.append(PurchaseLine(at, document, order, supplier[0], supplier[1], sku, name, unit, returned, qty, value,
                                tax_rate, currency or "", price, rate, reversal=kind == "reversal" and qty < 0,
                                tax_known=known))
    return out


def _free_tax(ref: str, against: str, order: str, returned: bool, orders: dict, documents: dict
              ) -> tuple[Decimal | None, bool]:
    """(tax rate, known) of a line not received against an order: a free receipt's own stored rate; a return's,
    its order's, else the free receipt's it names; a return against nothing carries no tax (its payable had none).
    A free receipt that kept no rate (posted where migration 0018 could not tell it, or found nowhere) is not known."""
    if order in orders:
        return orders[order][1], True
    if returned and not against:
        return None, True
    receipt = documents.get(against if returned else ref)
    rate = receipt[2] if receipt is not None else None
    return rate, rate is not None


def _order_of(against: str, orders: dict, documents: dict) -> str:
    """The order a return was against: named itself, or the one a receipt it names was delivered against."""
    if against in orders:
        return against
    receipt = documents.get(against)
    return receipt[1] if receipt is not None and receipt[1] in orders else ""


def _orders(conn, refs: set[str]) -> dict[str, tuple[str, Decimal]]:
    """Each order named in ``refs`` (by number, or by id when it has none): its supplier's id and tax rate."""
    if not refs:
        return {}
    found = {}
    for number, po_id, supplier_id, tax_rate in conn.execute(
            select(PO.c.number, PO.c.id, PO.c.supplier_id, PO.c.tax_rate)
            .where(or_(PO.c.number.in_(refs), PO.c.id.in_(refs)))).all():
        found[number if number in refs else po_id] = (supplier_id, tax_rate)
    return found


def _documents(conn, numbers: set[str]) -> dict[str, tuple[str, str, Decimal | None]]:
    """Each posted document of ``numbers``: its partner (a supplier's code), its reference and the tax rate a free
    receipt kept (``documents.tax_rate``, None for any other or one that kept none)."""
    if not numbers:
        return {}
    return {n: (partner, reference, rate) for n, partner, reference, rate in
            conn.execute(select(DOC.c.number, DOC.c.partner, DOC.c.reference, DOC.c.tax_rate)
                         .where(DOC.c.number.in_(numbers)))}


def _linked_receipts(conn, movement_ids: set[str]) -> dict[str, str]:
    """The goods receipt whose line names each of ``movement_ids`` (``document_lines.movement_id``, 0017): a delivery
    against an order, whose movements carry the order's number rather than the receipt's."""
    found: dict[str, str] = {}
    ids = sorted(movement_ids)
    for start in range(0, len(ids), 500):
        found.update(conn.execute(
            select(LINE.c.movement_id, DOC.c.number).join_from(LINE, DOC, DOC.c.id == LINE.c.document_id)
            .where(DOC.c.kind == "receipt", LINE.c.movement_id.in_(ids[start:start + 500]))).all())
    return found


def _deliveries(conn, orders: set[str]) -> dict[tuple, str]:
    """The goods receipt of each delivery against ``orders`` whose lines name no movement (received before 0017, which
    could not tell its movements from a twin's), by (order, business time, warehouse): its movements carry the
    order's number and the receipt's moment; of two such receipts at the same moment, the first number."""
    if not orders:
        return {}
    found: dict[tuple, str] = {}
    for reference, at, warehouse_id, number in conn.execute(
            select(DOC.c.reference, DOC.c.occurred_at, DOC.c.warehouse_id, DOC.c.number)
            .where(DOC.c.kind == "receipt", DOC.c.reference.in_(orders),
                   DOC.c.id.in_(select(LINE.c.document_id).where(LINE.c.movement_id.is_(None))))
            .order_by(DOC.c.number)).all():
        found.setdefault((reference, at, warehouse_id), number)
    return found
