"""The facts of the suppliers' scorecards (``domain.purchasing.scorecard``), read set-based in one read transaction:
the issued PO lines, the receipts (against POs and by receipt documents naming a supplier) and the returns to
suppliers of the period, each one statement over all suppliers (or the one asked for).

A receipt or return that was reversed is left out, as planning's lead times leave it out. Receipts are read from a
year before the period too, so that a PO's first receipt of a product is known when a later one falls in the period.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import true

from domain.kernel.errors import NotFound
from domain.kernel.refusals import refusal
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.purchasing.scorecard import PoLineFact
from domain.purchasing.scorecard import ReceiptFact
from domain.purchasing.scorecard import ReturnFact
from domain.purchasing.scorecard import Scorecard
from domain.purchasing.scorecard import ScorecardFacts
from domain.purchasing.scorecard import SupplierFact
from domain.purchasing.scorecard import scorecards
from domain.stock.documents_model import DocumentKind
from persistence import tables as t
from persistence.stock.merged import product_of
from persistence.stock.refs import ref_of

LOOK_BACK = timedelta(days=366)  # receipts read before the period, for each PO × product's first receipt


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()  # local midnight


def read_scorecard_facts(engine: Engine, start: date, end: date, code: str | None = None) -> ScorecardFacts:
    """The facts for ``start``..``end`` (local days, both included); ``code`` a supplier's code: only its.

    Raises:
        NotFound: no supplier has ``code``.
    """
    S, PO, L, P = t.suppliers, t.purchase_orders, t.purchase_order_lines, t.products
    M, MV, D = t.movements, t.movement_values, t.documents
    R = M.alias("reversal")
    since, until = _start_of(start - LOOK_BACK), _start_of(end + timedelta(days=1))
    with engine.connect() as conn, conn.begin():
        q = select(S.c.id, S.c.code, S.c.name, S.c.currency, S.c.lead_time_days)
        if code is not None:
            q = q.where(S.c.code == code)
        suppliers = tuple(SupplierFact(*r) for r in conn.execute(q))
        if code is not None and not suppliers:
            raise refusal(NotFound, "unknown_supplier_code", code=code)
        supplier = suppliers[0].id if code is not None else None

        def wanted(column):
            return true() if supplier is None else column == supplier

        lines = conn.execute(
            select(PO.c.supplier_id, func.coalesce(PO.c.number, PO.c.id), PO.c.state, PO.c.issued_at,
                   PO.c.expected_on, L.c.product_id, P.c.sku, L.c.qty, L.c.received, L.c.price, L.c.price_per,
                   L.c.pack_size, PO.c.currency)
            .select_from(L).join(PO, PO.c.id == L.c.po_id).join(P, P.c.id == L.c.product_id)
            .where(PO.c.issued_at.is_not(None), PO.c.issued_at >= since, PO.c.issued_at < until,
                   PO.c.state.not_in((PoState.DRAFT.value, PoState.CANCELLED.value)), wanted(PO.c.supplier_id))
        )
        line_facts = tuple(
            PoLineFact(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                       r[9] / r[11] if r[10] == PricePer.PACK.value and r[11] else r[9], r[12])
            for r in lines)

        not_reversed = R.c.id.is_(None)
        po_receipts = conn.execute(
            select(PO.c.supplier_id, func.coalesce(PO.c.number, PO.c.id), PO.c.issued_at, PO.c.expected_on,
                   product_of(M), M.c.occurred_at, M.c.qty, MV.c.value)
            .select_from(M).join(PO, ref_of(M) == func.coalesce(PO.c.number, PO.c.id))
            .join(MV, MV.c.movement_id == M.c.id).outerjoin(R, R.c.reverses_id == M.c.id)
            .where(M.c.source_type == "po", M.c.kind == "receipt", not_reversed, M.c.occurred_at >= since,
                   M.c.occurred_at < until, wanted(PO.c.supplier_id))
        )
        receipts = [ReceiptFact(r[0], r[1], r[2], r[3], r[4], r[5], r[5].astimezone().date(), r[6], r[7])
                    for r in po_receipts]
        by_document = conn.execute(
            select(S.c.id, product_of(M), M.c.occurred_at, M.c.qty, MV.c.value)
            .select_from(M).join(D, (D.c.number == ref_of(M)) & (D.c.kind == DocumentKind.RECEIPT.value))
            .join(S, S.c.code == D.c.partner).join(MV, MV.c.movement_id == M.c.id)
            .outerjoin(R, R.c.reverses_id == M.c.id)
            .where(M.c.source_type == DocumentKind.RECEIPT.value, M.c.kind == "receipt", not_reversed,
                   M.c.occurred_at >= _start_of(start), M.c.occurred_at < until, wanted(S.c.id))
        )
        receipts += [ReceiptFact(r[0], "", None, None, r[1], r[2], r[2].astimezone().date(), r[3], r[4])
                     for r in by_document]

        returned = conn.execute(
            select(S.c.id, D.c.number, M.c.occurred_at, M.c.qty, MV.c.value)
            .select_from(M).join(D, (D.c.number == ref_of(M)) & (D.c.kind == DocumentKind.SUPPLIER_RETURN.value))
            .join(S, S.c.code == D.c.partner).join(MV, MV.c.movement_id == M.c.id)
            .outerjoin(R, R.c.reverses_id == M.c.id)
            .where(M.c.source_type == DocumentKind.SUPPLIER_RETURN.value, not_reversed,
                   M.c.occurred_at >= _start_of(start), M.c.occurred_at < until, wanted(S.c.id))
        )
        returns = tuple(ReturnFact(r[0], r[1], r[2].astimezone().date(), abs(r[3]), abs(r[4])) for r in returned)
    return ScorecardFacts(start, end, suppliers, line_facts, tuple(receipts), returns)


def supplier_scorecards(engine: Engine, start: date, end: date, code: str | None = None) -> list[Scorecard]:
    """Every supplier's scorecard for ``start``..``end`` (or the one of ``code``), by code."""
    return scorecards(read_scorecard_facts(engine, start, end, code))
