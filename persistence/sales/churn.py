"""The facts of the customers-slipping-away list (``domain.sales.churn``), read set-based in one read transaction:
the customers with their phone, their orders (confirmed sales orders and counter sales) and the lines they did not
get (cut or cancelled, lost as unfilled demand, still waiting), each one statement over every customer.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from domain.kernel.numbers import ZERO
from domain.sales.churn import CUT
from domain.sales.churn import HISTORY_DAYS
from domain.sales.churn import LOST
from domain.sales.churn import WAIT_DAYS
from domain.sales.churn import WAITING
from domain.sales.churn import AtRisk
from domain.sales.churn import ChurnFacts
from domain.sales.churn import CustomerFact
from domain.sales.churn import OrderFact
from domain.sales.churn import ShortFact
from domain.sales.churn import at_risk
from domain.sales.model import OPEN_STATES
from domain.sales.model import SoState
from domain.sales.model import open_quantity
from domain.sales.model import revenue
from persistence import tables as t


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()  # local midnight


def read_churn_facts(engine: Engine, as_of: date, money_places: int = 2) -> ChurnFacts:
    """What every customer ordered in the ``HISTORY_DAYS`` up to ``as_of`` (included), and what it did not get."""
    C, CP, SO, SOL, SL, DOC, P, U = (t.customers, t.customer_profiles, t.sales_orders, t.sales_order_lines,
                                     t.sales_lines, t.documents, t.products, t.unfilled_demand)
    since, until = _start_of(as_of - timedelta(days=HISTORY_DAYS)), _start_of(as_of + timedelta(days=1))
    with engine.connect() as conn, conn.begin():
        customers = tuple(
            CustomerFact(r.id, r.code, r.name, r.phone or "", r.contact or "")
            for r in conn.execute(select(C.c.id, C.c.code, C.c.name, C.c.contact, CP.c.phone)
                                  .outerjoin(CP, CP.c.customer_id == C.c.id)))
        code_to_id = {c.code: c.id for c in customers}

        # confirmed orders: the value ordered at the lines' net prices
        values: dict[str, list] = {}
        for r in conn.execute(
            select(SO.c.id, SO.c.customer_id, func.coalesce(SO.c.number, SO.c.id), SO.c.confirmed_at, SOL.c.qty,
                   SOL.c.unit_price, SOL.c.discount)
            .select_from(SO).join(SOL, SOL.c.so_id == SO.c.id)
            .where(SO.c.confirmed_at.is_not(None), SO.c.state != SoState.DRAFT.value, SO.c.confirmed_at >= since,
                   SO.c.confirmed_at < until)
        ):
            entry = values.setdefault(r[0], [r[1], r[2], r[3], ZERO])
            entry[3] += revenue(r[4], r[5], r[6], money_places)
        orders = [OrderFact(cid, ref, at, at.astimezone().date(), value) for cid, ref, at, value in values.values()]
        # counter sales: a sales document's lines not against an order and not a return
        orders += [
            OrderFact(r[0], r[1], r[2], r[2].astimezone().date(), r[3])
            for r in conn.execute(
                select(SL.c.customer_id, DOC.c.number, func.min(SL.c.occurred_at), func.sum(SL.c.revenue))
                .select_from(SL).join(DOC, DOC.c.id == SL.c.document_id)
                .where(SL.c.order_line_id.is_(None), SL.c.origin_document_id.is_(None), SL.c.qty > 0,
                       DOC.c.reversed.is_(False), SL.c.occurred_at >= since, SL.c.occurred_at < until)
                .group_by(SL.c.customer_id, DOC.c.number)
            )
        ]

        shorts = []
        when = func.coalesce(SO.c.closed_at, SO.c.confirmed_at)
        is_open = SO.c.state.in_([s.value for s in OPEN_STATES])
        for r in conn.execute(
            select(SO.c.customer_id, SO.c.state, func.coalesce(SO.c.number, SO.c.id), SO.c.confirmed_at, when,
                   SO.c.requested_on, P.c.sku, SOL.c.qty, SOL.c.shipped, SOL.c.cancelled)
            .select_from(SOL).join(SO, SO.c.id == SOL.c.so_id).join(P, P.c.id == SOL.c.product_id)
            .where(SO.c.confirmed_at.is_not(None), SO.c.confirmed_at < until,
                   or_(SOL.c.cancelled > 0, and_(is_open, SOL.c.qty > SOL.c.shipped + SOL.c.cancelled)),
                   or_(when >= since, is_open))
        ):
            customer_id, state, ref, confirmed, closed, requested, sku, qty, shipped, cancelled = r
            if cancelled > 0:
                shorts.append(ShortFact(customer_id, CUT, closed.astimezone().date(), ref, sku, cancelled))
            waiting = open_quantity(qty, shipped, cancelled)
            due = requested or confirmed.astimezone().date() + timedelta(days=WAIT_DAYS)
            if state in {s.value for s in OPEN_STATES} and waiting > 0 and due < as_of:
                shorts.append(ShortFact(customer_id, WAITING, due, ref, sku, waiting))
        for r in conn.execute(
            select(U.c.customer, U.c.occurred_at, U.c.source_ref, P.c.sku, U.c.qty)
            .select_from(U).join(P, P.c.id == U.c.product_id)
            .where(U.c.customer != "", U.c.occurred_at >= since, U.c.occurred_at < until)
        ):
            customer_id = code_to_id.get(r[0])
            if customer_id is not None:
                shorts.append(ShortFact(customer_id, LOST, r[1].astimezone().date(), r[2], r[3], r[4]))
    return ChurnFacts(as_of, customers, tuple(orders), tuple(shorts))


def customers_at_risk(engine: Engine, as_of: date, money_places: int = 2) -> list[AtRisk]:
    """The customers overdue against their ordering rhythm on ``as_of``, the largest value at risk first."""
    return at_risk(read_churn_facts(engine, as_of, money_places))
