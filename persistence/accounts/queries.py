"""The read side of receivables and payables: balances with ageing, the ageing of a side, open items, money.

Set-based: each function is one grouped statement over ``account_items`` and ``allocations`` (no loop per partner).
An item's open amount is |amount| less the allocations made on it; a partner's balance is Σ amount of its items and
its credit Σ open of its + items less the balance (docs/ACCOUNTS.md). With ``as_of``, only items and allocations
dated on or before it count; the ageing bands are days overdue at ``as_of`` (today when not given).
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy import text

from domain.accounts.model import Side
from domain.accounts.rows import AgeingTotals
from domain.accounts.rows import AllocationRow
from domain.accounts.rows import BalanceRow
from domain.accounts.rows import MoneyRow
from domain.accounts.rows import OpenItemRow
from persistence import tables as t
from persistence.reads import dec

SCALE = t.account_items.c.amount.type.scale
MONEY_KINDS = ("receipt", "payment", "refund")


def _partners(side: Side | str) -> str:
    return "customers" if Side(side) == Side.AR else "suppliers"


def _limits(as_of: date) -> dict[str, str]:
    """The due dates that start each band at ``as_of`` (ISO strings: SQLite stores dates so, PostgreSQL casts)."""
    return {"d0": as_of.isoformat(), "d30": (as_of - timedelta(days=30)).isoformat(),
            "d60": (as_of - timedelta(days=60)).isoformat(), "d90": (as_of - timedelta(days=90)).isoformat()}


# One row per + or − item of the side with its open amount (``o``, only for + items), inside every grouped query.
_OPEN = """
    SELECT i.partner_id AS partner_id, i.amount AS amount, i.due_on AS due_on,
           CASE WHEN i.amount > 0 THEN i.amount - COALESCE(al.s, 0) ELSE 0 END AS o
    FROM account_items i
    LEFT JOIN (SELECT debit_item_id AS id, SUM(amount) AS s FROM allocations {alloc_where}
               GROUP BY debit_item_id) al ON al.id = i.id
    WHERE i.side = :side {item_where}
"""

_BANDS = """
    SUM(amount) AS balance,
    SUM(o) AS open_plus,
    SUM(CASE WHEN o > 0 AND (due_on IS NULL OR due_on >= :d0) THEN o ELSE 0 END) AS b0,
    SUM(CASE WHEN o > 0 AND due_on < :d0 AND due_on >= :d30 THEN o ELSE 0 END) AS b1,
    SUM(CASE WHEN o > 0 AND due_on < :d30 AND due_on >= :d60 THEN o ELSE 0 END) AS b2,
    SUM(CASE WHEN o > 0 AND due_on < :d60 AND due_on >= :d90 THEN o ELSE 0 END) AS b3,
    SUM(CASE WHEN o > 0 AND due_on < :d90 THEN o ELSE 0 END) AS b4,
    MIN(CASE WHEN o > 0 THEN due_on END) AS oldest
"""


def _open_sql(as_of: date | None) -> str:
    if as_of is None:
        return _OPEN.format(alloc_where="", item_where="")
    return _OPEN.format(alloc_where="WHERE business_date <= :as_of", item_where="AND i.business_date <= :as_of")


def _params(side: Side | str, as_of: date | None) -> dict:
    day = as_of or date.today()
    return {"side": Side(side).value, "as_of": day.isoformat(), **_limits(day)}


def _d(value) -> object:
    return dec(value or 0, SCALE)


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def balances(engine: Engine, side: Side | str, *, as_of: date | None = None) -> list[BalanceRow]:
    """Each partner of ``side`` with an item: its balance, credit and ageing at ``as_of``, by partner code.

    Args:
        side: ``AR`` (customers) or ``AP`` (suppliers).
        as_of: count what is dated on or before it and age at it; None: everything, aged today.
    """
    sql = f"""
        SELECT p.id, p.code, p.name, g.*
        FROM (SELECT partner_id, {_BANDS} FROM ({_open_sql(as_of)}) x GROUP BY partner_id) g
        JOIN {_partners(side)} p ON p.id = g.partner_id
        ORDER BY p.code
    """
    with engine.connect() as conn:
        rows = conn.execute(text(sql), _params(side, as_of)).all()
    out = []
    for r in rows:
        m = r._mapping
        bands = [_d(m["b0"]), _d(m["b1"]), _d(m["b2"]), _d(m["b3"]), _d(m["b4"])]
        balance = _d(m["balance"])
        out.append(BalanceRow(m["id"], m["code"], m["name"], balance, _d(m["open_plus"]) - balance, *bands,
                              bands[1] + bands[2] + bands[3] + bands[4], _day(m["oldest"])))
    return out


def ageing(engine: Engine, side: Side | str, as_of: date | None = None) -> AgeingTotals:
    """The ageing of a whole side at ``as_of`` (today when None): the bands, the credit and the balance."""
    day = as_of or date.today()
    sums = ", ".join(f"SUM({c}) AS {c}" for c in ("balance", "open_plus", "b0", "b1", "b2", "b3", "b4"))
    sql = (f"SELECT COUNT(*) AS n, {sums} FROM (SELECT partner_id, {_BANDS} FROM ({_open_sql(as_of)}) x "
           f"GROUP BY partner_id) g")
    with engine.connect() as conn:
        m = conn.execute(text(sql), _params(side, as_of)).one()._mapping
    bands = [_d(m["b0"]), _d(m["b1"]), _d(m["b2"]), _d(m["b3"]), _d(m["b4"])]
    balance = _d(m["balance"])
    return AgeingTotals(Side(side).value, day, m["n"] or 0, balance, _d(m["open_plus"]) - balance, *bands,
                        bands[1] + bands[2] + bands[3] + bands[4])


def open_items(engine: Engine, side: Side | str, partner_id: str | None = None, *, overdue_only: bool = False,
               as_of: date | None = None) -> list[OpenItemRow]:
    """The items of ``side`` with something open (+ items owed, − items of credit), by partner code, then due date.

    Args:
        partner_id: one partner's only.
        overdue_only: only + items due before ``as_of``.
        as_of: count what is dated on or before it; days overdue at it (today when None).
    """
    params = _params(side, as_of)
    where = ["i.side = :side"]
    alloc_where = ""
    if as_of is not None:
        where.append("i.business_date <= :as_of")
        alloc_where = "AND a.business_date <= :as_of"
    if partner_id is not None:
        where.append("i.partner_id = :partner")
        params["partner"] = partner_id
    if overdue_only:
        where.append("i.amount > 0 AND i.due_on < :d0")
    sql = f"""
        SELECT i.id, i.partner_id, p.code, p.name, i.kind, i.number, i.business_date, i.due_on, i.amount,
               COALESCE(al.s, 0) AS allocated
        FROM account_items i
        JOIN {_partners(side)} p ON p.id = i.partner_id
        LEFT JOIN (SELECT x.id, SUM(a.amount) AS s
                   FROM account_items x JOIN allocations a ON a.debit_item_id = x.id OR a.credit_item_id = x.id
                   WHERE x.side = :side {"AND x.partner_id = :partner" if partner_id is not None else ""} {alloc_where}
                   GROUP BY x.id) al ON al.id = i.id
        WHERE {" AND ".join(where)} AND ABS(i.amount) > COALESCE(al.s, 0)
        ORDER BY p.code, i.amount < 0, i.due_on, i.business_date, i.number, i.id
    """
    day = as_of or date.today()
    out = []
    with engine.connect() as conn:
        for r in conn.execute(text(sql), params):
            amount, allocated = _d(r.amount), _d(r.allocated)
            due = _day(r.due_on)
            late = (day - due).days if amount > 0 and due is not None and due < day else 0
            out.append(OpenItemRow(r.id, r.partner_id, r.code, r.name, r.kind, r.number, _day(r.business_date), due,
                                   amount, allocated, abs(amount) - allocated, late))
    return out


def money(engine: Engine, side: Side | str, *, partner_id: str | None = None, date_from: date | None = None,
          date_to: date | None = None, number: str | None = None) -> list[MoneyRow]:
    """The receipts (AR) or payments (AP) and refunds of ``side``, newest first, each with what is allocated of it
    and whether it is reversed."""
    params: dict = {"side": Side(side).value}
    where = ["i.side = :side", "i.kind IN ('receipt', 'payment', 'refund')"]
    if partner_id is not None:
        where.append("i.partner_id = :partner")
        params["partner"] = partner_id
    if date_from is not None:
        where.append("i.business_date >= :dfrom")
        params["dfrom"] = date_from.isoformat()
    if date_to is not None:
        where.append("i.business_date <= :dto")
        params["dto"] = date_to.isoformat()
    if number is not None:
        where.append("i.number = :number")
        params["number"] = number
    cond = " AND ".join(where)
    sql = f"""
        SELECT i.id, i.number, i.kind, i.business_date, i.partner_id, p.code, p.name, i.amount, i.method,
               i.reference, i.note, i.user,
               (SELECT COALESCE(SUM(a.amount), 0) FROM allocations a
                WHERE a.debit_item_id = i.id OR a.credit_item_id = i.id) AS allocated,
               EXISTS (SELECT 1 FROM account_items r WHERE r.reverses_id = i.id) AS reversed
        FROM account_items i JOIN {_partners(side)} p ON p.id = i.partner_id
        WHERE {cond}
        ORDER BY i.business_date DESC, i.number DESC
    """
    out = []
    with engine.connect() as conn:
        for r in conn.execute(text(sql), params):
            amount, allocated = abs(_d(r.amount)), _d(r.allocated)
            out.append(MoneyRow(r.id, r.number, r.kind, _day(r.business_date), r.partner_id, r.code, r.name, amount,
                                r.method, r.reference, r.note, allocated, amount - allocated, bool(r.reversed),
                                r.user))
    return out


def allocations(engine: Engine, side: Side | str, partner_id: str) -> list[AllocationRow]:
    """The live allocations of one partner (what each settling item is applied to, net of undos), newest first."""
    sql = """
        SELECT c.number AS cn, c.kind AS ck, d.number AS dn, d.kind AS dk, SUM(a.amount) AS s,
               MAX(a.business_date) AS last
        FROM allocations a
        JOIN account_items c ON c.id = a.credit_item_id
        JOIN account_items d ON d.id = a.debit_item_id
        WHERE c.side = :side AND c.partner_id = :partner
        GROUP BY c.id, c.number, c.kind, d.id, d.number, d.kind
        HAVING SUM(a.amount) > 0
        ORDER BY MAX(a.business_date) DESC, c.number DESC, d.number
    """
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"side": Side(side).value, "partner": partner_id}).all()
    return [AllocationRow(r.cn, r.ck, r.dn, r.dk, _d(r.s), _day(r.last)) for r in rows]
