"""Reading a partner's statement (domain.accounts.statement) from the open-item ledger.

Two statements in one read transaction, so the opening and the period agree: the opening balance is one ``SUM`` of
the partner's amounts dated before the period, and the period's items one range scan; both are answered from the
index on ``account_items (side, partner_id, business_date)``. The amounts are stored as scaled integers, so the
sum is exact.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Engine

from domain.accounts.statement import Statement
from domain.accounts.statement import StatementItem
from domain.accounts.statement import Subject
from domain.accounts.statement import build_statement
from domain.accounts.statement import check_period
from domain.accounts.statement import statement_subject
from domain.accounts.statement import with_typed
from domain.kernel.numbers import MONEY_PLACES
from domain.kernel.numbers import ZERO
from persistence import tables as t
from persistence.accounts.numbers import number_of

items = t.account_items


def opening_balance(conn: Connection, side: str, partner_id: str, start: date) -> Decimal:
    """The sum of the partner's item amounts dated before ``start`` (0 when it has none).

    ``SUM`` adds the stored integers; the column's type turns the sum into the exact Decimal it stands for.
    """
    total = conn.execute(
        select(func.sum(items.c.amount))
        .where(items.c.side == side, items.c.partner_id == partner_id, items.c.business_date < start)).scalar()
    return ZERO if total is None else total


def period_items(conn: Connection, side: str, partner_id: str, start: date, end: date) -> list[StatementItem]:
    """The partner's items dated ``start`` to ``end``, in date order, then as recorded."""
    reversed_item = items.alias("reversed_item")
    methods = t.payment_methods
    rows = conn.execute(
        select(items.c.id, items.c.business_date, number_of(items).label("number"), items.c.kind, items.c.amount,
               items.c.method, methods.c.name.label("method_name"), items.c.reference, items.c.note,
               number_of(reversed_item).label("reverses_number"), items.c.created_at, items.c.fx_currency,
               items.c.fx_amount, items.c.fx_rate)
        .select_from(items.outerjoin(reversed_item, reversed_item.c.id == items.c.reverses_id)
                     .outerjoin(methods, methods.c.code == items.c.method))
        .where(items.c.side == side, items.c.partner_id == partner_id,
               items.c.business_date >= start, items.c.business_date <= end)
        .order_by(items.c.business_date, items.c.created_at, items.c.id))
    return [StatementItem(r.id, r.business_date, r.number or "", r.kind, r.amount, r.method_name or r.method or "",
                          with_typed(r.reference or "", r.fx_currency, r.fx_amount, r.fx_rate), r.note or "",
                          r.reverses_number or "", r.created_at) for r in rows]


def read_statement(engine: Engine, subject: Subject, start: date, end: date,
                   places: int = MONEY_PLACES) -> Statement:
    """The statement of ``subject`` (from ``statement_subject``) for ``start`` to ``end``, read in one transaction."""
    check_period(start, end)
    with engine.connect() as conn, conn.begin():
        opening = opening_balance(conn, subject.side, subject.partner_id, start)
        found = period_items(conn, subject.side, subject.partner_id, start, end)
    return build_statement(subject.side, subject.partner_id, subject.partner, subject.company, start, end, opening,
                           found, currency=subject.currency, places=places)


def with_currency(database, statement: Statement) -> Statement:
    """``statement`` with, for a supplier in a foreign currency, what it is owed in that currency at the end of the
    period (its open items then, each at its documents' own rates: ``domain.accounts.foreign``), exact as
    ``open-items`` and ``balances --suppliers`` give it."""
    from domain.accounts.foreign import ForeignBalance
    from domain.accounts.foreign import foreign_balances
    from domain.purchasing.exchange import needs_rate
    from persistence.accounts.queries import open_items

    if statement.side != "AP":
        return statement
    with database.uow() as uow:
        supplier = uow.suppliers.get(statement.partner_id)
        company = uow.purchasing.policy().currency
    if supplier is None or not needs_rate(supplier.currency, company):
        return statement
    rows = open_items(database.engine, "AP", statement.partner_id, as_of=statement.end)
    found = foreign_balances(database.uow(), rows, statement.end).get(statement.partner_id)
    owed = found or ForeignBalance(supplier.currency, ZERO)
    return replace(statement, in_currency=(owed.currency, owed.amount))


def statement_for(database, side: str, partner_id: str, start: date, end: date) -> Statement:
    """The statement of the customer (``side`` AR) or supplier (AP) with the id ``partner_id``: what the window
    calls. ``database`` is the open ``persistence.db.Database`` (its engine, its unit of work acting as the
    signed-in user, who must hold ``Permission.ACCOUNTS``, and the currency's places)."""
    check_period(start, end)
    subject = statement_subject(database.uow(), side=side, partner_id=partner_id)
    return with_currency(database, read_statement(database.engine, subject, start, end, database.money_places))
