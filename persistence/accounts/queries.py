"""The read side of receivables and payables: balances with ageing, the ageing of a side, open items, money.

Set-based: each function is one grouped statement (no loop per partner). An item's open amount is |amount| less the
allocations made on it, kept beside them in ``account_open`` (``persistence.accounts.open``): balances, ageing and
open items read that table, not the allocations. A partner's balance is Σ amount of its items = Σ of its open
amounts (signed like the items), its credit Σ open of its + items less the balance (docs/ACCOUNTS.md). With
``as_of``, only items and allocations dated on or before it count: the open amount now plus the allocations dated
after the day, read for those few; the ageing bands are days overdue at ``as_of`` (today when not given).
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy import text

from domain.accounts.ageing import Basis
from domain.accounts.ageing import Scheme
from domain.accounts.model import Side
from domain.accounts.rows import AgeingTotals
from domain.accounts.rows import AllocationRow
from domain.accounts.rows import BalanceRow
from domain.accounts.rows import MoneyRow
from domain.accounts.rows import OpenItemRow
from domain.kernel import clock
from persistence import tables as t
from persistence.accounts.numbers import number_sql
from persistence.reads import dec

SCALE = t.account_items.c.amount.type.scale
COST_SCALE = t.account_items.c.fx_rate.type.scale
MONEY_KINDS = ("receipt", "payment", "refund")


def _partners(side: Side | str) -> str:
    return "customers" if Side(side) == Side.AR else "suppliers"


def _limits(as_of: date) -> dict[str, str]:
    """The due dates that start each band at ``as_of`` (ISO strings: SQLite stores dates so, PostgreSQL casts)."""
    return {"d0": as_of.isoformat(), "d30": (as_of - timedelta(days=30)).isoformat(),
            "d60": (as_of - timedelta(days=60)).isoformat(), "d90": (as_of - timedelta(days=90)).isoformat()}


# The open amounts (``account_open``, kept beside items and allocations) as rows of (partner_id, due_on, plus: 1 for
# a + item, amt: what the row adds to the partner's balance, od: the due date it offers to the oldest open one).
_NOW = """
    SELECT partner_id, due_on, business_date, CASE WHEN open > 0 THEN 1 ELSE 0 END AS plus, open AS amt,
           CASE WHEN open > 0 THEN due_on END AS od
    FROM account_open WHERE side = :side {dated}
"""

# As of a past day: the items dated on or before it, each open by what is open now plus the allocations on it dated
# after the day (few: only those are read from ``allocations``). ``back`` holds those items with the amount added
# back (``delta``) and their open amount at the day (``at``), grouped apart from the one scan of ``account_open``
# and added to its sums.
_BACK = """
    back AS MATERIALIZED (
        SELECT x.id AS item_id, x.partner_id, x.due_on, x.business_date,
               CASE WHEN x.amount > 0 THEN 1 ELSE 0 END AS plus,
               CASE WHEN x.amount > 0 THEN a.s ELSE -a.s END AS delta,
               CASE WHEN x.amount > 0 THEN a.s ELSE -a.s END + COALESCE(o.open, 0) AS at
        FROM (SELECT id, SUM(amount) AS s
              FROM (SELECT debit_item_id AS id, amount FROM allocations WHERE business_date > :as_of
                    UNION ALL
                    SELECT credit_item_id AS id, amount FROM allocations WHERE business_date > :as_of) u
              GROUP BY id) a
        JOIN account_items x ON x.id = a.id
        LEFT JOIN account_open o ON o.item_id = x.id
        WHERE x.side = :side AND x.business_date <= :as_of {partner_x})
"""

_BANDS = """
    SUM(amt) AS balance,
    SUM(CASE WHEN plus = 1 THEN amt ELSE 0 END) AS open_plus,
    SUM(CASE WHEN plus = 1 AND (due_on IS NULL OR due_on >= :d0) THEN amt ELSE 0 END) AS b0,
    SUM(CASE WHEN plus = 1 AND due_on < :d0 AND due_on >= :d30 THEN amt ELSE 0 END) AS b1,
    SUM(CASE WHEN plus = 1 AND due_on < :d30 AND due_on >= :d60 THEN amt ELSE 0 END) AS b2,
    SUM(CASE WHEN plus = 1 AND due_on < :d60 AND due_on >= :d90 THEN amt ELSE 0 END) AS b3,
    SUM(CASE WHEN plus = 1 AND due_on < :d90 THEN amt ELSE 0 END) AS b4,
    MIN(od) AS oldest
"""
_SUMS = ("balance", "open_plus", "b0", "b1", "b2", "b3", "b4")

# The rows of ``back`` for ``_BANDS``: what each adds to its partner's sums; the due date it offers to the oldest.
_BACK_ROWS = "SELECT partner_id, due_on, business_date, plus, delta AS amt, " \
             "CASE WHEN plus = 1 AND at > 0 THEN due_on END AS od FROM back"

# The oldest due date of a partner with an item open now but not at the day (an undo dated after it reopened it;
# allocations after the day only add to what was open then): its other open + items and those of ``back`` open at the
# day. For every other partner it is the earlier of its rows' and its ``back`` items' (``_OLDEST``).
_ZEROED = "SELECT DISTINCT partner_id FROM back WHERE plus = 1 AND at <= 0"
_BACK_OLDEST = f"""
    SELECT partner_id, MIN(od) AS oldest FROM (
        SELECT partner_id, due_on AS od FROM account_open
        WHERE side = :side AND business_date <= :as_of AND open > 0
          AND partner_id IN ({_ZEROED}) AND item_id NOT IN (SELECT item_id FROM back)
        UNION ALL
        SELECT partner_id, due_on FROM back WHERE plus = 1 AND at > 0 AND partner_id IN ({_ZEROED})) y
    GROUP BY partner_id
"""
_OLDEST = """CASE WHEN z.partner_id IS NOT NULL THEN f.oldest
                  WHEN c.oldest IS NULL OR m.oldest < c.oldest THEN m.oldest ELSE c.oldest END AS oldest"""


def _scheme_sums(scheme: Scheme) -> tuple[str, tuple[str, ...]]:
    """The sums of ``scheme``'s bands over the rows of ``_BANDS`` (``s0``, ``s1``…): by the due date, current (not
    due at the day) then past it by the bands' ends; by the document's date, the days since it. The day each band
    starts at is a parameter ``k1``, ``k2``… (``_scheme_params``)."""
    column = "due_on" if scheme.basis == Basis.DUE else "business_date"
    parts, names = [], []
    conds = []
    limits = [f":k{i + 1}" for i in range(len(scheme.bounds))]
    if scheme.basis == Basis.DUE:
        conds.append("(due_on IS NULL OR due_on >= :d0)")
        upper = [":d0", *limits]  # band i (1…) is dated before upper[i - 1] and on or after limits[i - 1]
        for i, low in enumerate(limits):
            conds.append(f"due_on < {upper[i]} AND due_on >= {low}")
        conds.append(f"due_on < {limits[-1]}")
    else:
        conds.append(f"{column} >= {limits[0]}")
        for i in range(1, len(limits)):
            conds.append(f"{column} < {limits[i - 1]} AND {column} >= {limits[i]}")
        conds.append(f"{column} < {limits[-1]}")
    for i, cond in enumerate(conds):
        parts.append(f"SUM(CASE WHEN plus = 1 AND {cond} THEN amt ELSE 0 END) AS s{i}")
        names.append(f"s{i}")
    return ",\n    ".join(parts), tuple(names)


def _scheme_params(scheme: Scheme, as_of: date | None) -> dict[str, str]:
    day = as_of or clock.today()
    return {f"k{i + 1}": (day - timedelta(days=bound)).isoformat() for i, bound in enumerate(scheme.bounds)}


def _main_rows(as_of: date | None) -> str:
    """The rows of ``account_open`` (dated on or before ``as_of``) for ``_BANDS``: one scan of its covering index."""
    return _NOW.format(dated="AND business_date <= :as_of" if as_of is not None else "")


def _with_items(side: Side | str, as_of: date | None) -> str:
    """The partners of ``side`` with an item (dated on or before ``as_of``): one probe of the items' index each."""
    dated = "AND i.business_date <= :as_of" if as_of is not None else ""
    return f"EXISTS (SELECT 1 FROM account_items i WHERE i.side = :side AND i.partner_id = p.id {dated})"


def _params(side: Side | str, as_of: date | None) -> dict:
    day = as_of or clock.today()
    return {"side": Side(side).value, "as_of": day.isoformat(), **_limits(day)}


def _d(value) -> object:
    return dec(value or 0, SCALE)


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def balances(engine: Engine, side: Side | str, *, as_of: date | None = None,
             scheme: Scheme | None = None) -> list[BalanceRow]:
    """Each partner of ``side`` with an item: its balance, credit and ageing at ``as_of``, by partner code.

    Args:
        side: ``AR`` (customers) or ``AP`` (suppliers).
        as_of: count what is dated on or before it and age at it; None: everything, aged today.
        scheme: the bands of ``BalanceRow.bands`` (the office's choice, or one asked for); the named bands are
            always the standard ones by the due date.
    """
    scheme = scheme or Scheme()
    extra, names = _scheme_sums(scheme)
    bands_sql = f"{_BANDS},\n    {extra}"
    main = f"SELECT partner_id, {bands_sql} FROM ({_main_rows(as_of)}) x GROUP BY partner_id"
    if as_of is None:
        head, sums, joins = "", "m.*", ""
    else:  # the few items with allocations after the day, grouped apart and added
        head = "WITH " + _BACK.format(partner_x="")
        sums = ", ".join(f"COALESCE(m.{c}, 0) + COALESCE(c.{c}, 0) AS {c}" for c in (*_SUMS, *names)) + \
            ", " + _OLDEST
        joins = f"""
        LEFT JOIN (SELECT partner_id, {bands_sql} FROM ({_BACK_ROWS}) x GROUP BY partner_id) c ON c.partner_id = p.id
        LEFT JOIN ({_ZEROED}) z ON z.partner_id = p.id
        LEFT JOIN ({_BACK_OLDEST}) f ON f.partner_id = p.id"""
    sql = f"""
        {head}
        SELECT p.id, p.code, p.name, {sums}
        FROM {_partners(side)} p
        LEFT JOIN ({main}) m ON m.partner_id = p.id {joins}
        WHERE {_with_items(side, as_of)}
        ORDER BY p.code
    """
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {**_params(side, as_of), **_scheme_params(scheme, as_of)}).all()
    out = []
    for r in rows:
        m = r._mapping
        bands = [_d(m["b0"]), _d(m["b1"]), _d(m["b2"]), _d(m["b3"]), _d(m["b4"])]
        balance = _d(m["balance"])
        out.append(BalanceRow(m["id"], m["code"], m["name"], balance, _d(m["open_plus"]) - balance, *bands,
                              bands[1] + bands[2] + bands[3] + bands[4], _day(m["oldest"]),
                              tuple(_d(m[n]) for n in names)))
    return out


def ageing(engine: Engine, side: Side | str, as_of: date | None = None,
           scheme: Scheme | None = None) -> AgeingTotals:
    """The ageing of a whole side at ``as_of`` (today when None): the bands, the credit and the balance; ``bands``
    in ``scheme``'s (see ``balances``)."""
    day = as_of or clock.today()
    scheme = scheme or Scheme()
    extra, names = _scheme_sums(scheme)
    bands_sql = f"{_BANDS},\n    {extra}"
    count = f"(SELECT COUNT(*) FROM {_partners(side)} p WHERE {_with_items(side, as_of)}) AS n"
    main = f"SELECT {bands_sql} FROM ({_main_rows(as_of)}) x"
    if as_of is None:
        sql = f"SELECT {count}, m.* FROM ({main}) m"
    else:
        sums = ", ".join(f"COALESCE(m.{c}, 0) + COALESCE(c.{c}, 0) AS {c}" for c in (*_SUMS, *names))
        sql = f"""
            WITH {_BACK.format(partner_x="")}
            SELECT {count}, {sums} FROM ({main}) m, (SELECT {bands_sql} FROM ({_BACK_ROWS}) x) c
        """
    with engine.connect() as conn:
        m = conn.execute(text(sql), {**_params(side, as_of), **_scheme_params(scheme, as_of)}).one()._mapping
    bands = [_d(m["b0"]), _d(m["b1"]), _d(m["b2"]), _d(m["b3"]), _d(m["b4"])]
    balance = _d(m["balance"])
    return AgeingTotals(Side(side).value, day, m["n"] or 0, balance, _d(m["open_plus"]) - balance, *bands,
                        bands[1] + bands[2] + bands[3] + bands[4], tuple(_d(m[n]) for n in names))


def open_items(engine: Engine, side: Side | str, partner_id: str | None = None, *, overdue_only: bool = False,
               as_of: date | None = None) -> list[OpenItemRow]:
    """The items of ``side`` with something open (+ items owed, − items of credit), by partner code, then due date.

    Args:
        partner_id: one partner's only.
        overdue_only: only + items due before ``as_of``.
        as_of: count what is dated on or before it; days overdue at it (today when None).
    """
    params = _params(side, as_of)
    mine = ""
    if partner_id is not None:
        mine = "AND partner_id = :partner"
        params["partner"] = partner_id
    if as_of is None:
        head, opened = "", f"SELECT item_id, open AS o FROM account_open WHERE side = :side {mine}"
    else:  # open now, plus the allocations dated after the day (see _BACK)
        head = "WITH " + _BACK.format(partner_x="AND x.partner_id = :partner" if partner_id is not None else "")
        opened = f"""
            SELECT item_id, open AS o FROM account_open
            WHERE side = :side AND business_date <= :as_of {mine} AND item_id NOT IN (SELECT item_id FROM back)
            UNION ALL
            SELECT item_id, at FROM back WHERE at <> 0"""
    overdue = "AND i.amount > 0 AND i.due_on < :d0" if overdue_only else ""
    sql = f"""
        {head}
        SELECT i.id, i.partner_id, p.code, p.name, i.kind, {number_sql("i")} AS number, i.business_date, i.due_on,
               i.amount, ABS(i.amount) - ABS(o.o) AS allocated, i.source_id
        FROM ({opened}) o
        JOIN account_items i ON i.id = o.item_id
        JOIN {_partners(side)} p ON p.id = i.partner_id
        WHERE (CASE WHEN i.amount > 0 THEN o.o ELSE -o.o END) > 0 {overdue}
        ORDER BY p.code, i.amount < 0, i.due_on, i.business_date, number, i.id
    """
    day = as_of or clock.today()
    out = []
    with engine.connect() as conn:
        for r in conn.execute(text(sql), params):
            amount, allocated = _d(r.amount), _d(r.allocated)
            due = _day(r.due_on)
            late = (day - due).days if amount > 0 and due is not None and due < day else 0
            out.append(OpenItemRow(r.id, r.partner_id, r.code, r.name, r.kind, r.number, _day(r.business_date), due,
                                   amount, allocated, abs(amount) - allocated, late, r.source_id))
    return out


def money(engine: Engine, side: Side | str, *, partner_id: str | None = None, date_from: date | None = None,
          date_to: date | None = None, number: str | None = None) -> list[MoneyRow]:
    """The receipts (AR) or payments (AP), refunds and write-offs of ``side``, newest first, each with what is
    allocated of it and whether it is reversed (what a partner's page may reverse)."""
    params: dict = {"side": Side(side).value}
    where = ["i.side = :side", "i.kind IN ('receipt', 'payment', 'refund', 'write_off')"]
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
               i.reference, i.note, i.user, i.fx_currency, i.fx_amount, i.fx_rate,
               (SELECT COALESCE(SUM(a.amount), 0) FROM allocations a
                WHERE (a.debit_item_id = i.id OR a.credit_item_id = i.id) AND NOT EXISTS (
                    SELECT 1 FROM account_items r WHERE r.reverses_id = i.id
                    AND r.id IN (a.debit_item_id, a.credit_item_id))) AS allocated,
               EXISTS (SELECT 1 FROM account_items r WHERE r.reverses_id = i.id) AS reversed
        FROM account_items i JOIN {_partners(side)} p ON p.id = i.partner_id
        WHERE {cond}
        ORDER BY i.business_date DESC, i.number DESC
    """
    out = []
    with engine.connect() as conn:
        for r in conn.execute(text(sql), params):
            # a reversed item's allocation to its own reversal settles nothing: it is listed as reversed, with
            # nothing allocated nor left to allocate
            amount, allocated = abs(_d(r.amount)), _d(r.allocated)
            out.append(MoneyRow(r.id, r.number, r.kind, _day(r.business_date), r.partner_id, r.code, r.name, amount,
                                r.method, r.reference, r.note, allocated,
                                _d(0) if r.reversed else amount - allocated, bool(r.reversed), r.user,
                                r.fx_currency, None if r.fx_amount is None else abs(_d(r.fx_amount)),
                                None if r.fx_rate is None else dec(r.fx_rate, COST_SCALE)))
    return out


def allocations(engine: Engine, side: Side | str, partner_id: str) -> list[AllocationRow]:
    """The live allocations of one partner (what each settling item is applied to, net of undos), newest first."""
    sql = f"""
        SELECT {number_sql("c")} AS cn, c.kind AS ck, {number_sql("d")} AS dn, d.kind AS dk, SUM(a.amount) AS s,
               MAX(a.business_date) AS last,
               CASE WHEN c.reverses_id = d.id THEN {_reversed_document("d")}
                    WHEN d.reverses_id = c.id THEN {_reversed_document("c")} ELSE '' END AS reversed_by
        FROM allocations a
        JOIN account_items c ON c.id = a.credit_item_id
        JOIN account_items d ON d.id = a.debit_item_id
        WHERE c.side = :side AND c.partner_id = :partner
        GROUP BY c.id, d.id
        HAVING SUM(a.amount) > 0
        ORDER BY MAX(a.business_date) DESC, cn DESC, dn
    """
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"side": Side(side).value, "partner": partner_id}).all()
    return [AllocationRow(r.cn, r.ck, r.dn, r.dk, _d(r.s), _day(r.last), r.reversed_by) for r in rows]


def _reversed_document(i: str) -> str:
    """SQL for the document the reversed item ``i`` (an alias of account_items) came from, by its number now: its own
    document (a sale, a free receipt, a return), the goods receipt whose line names its movement (a delivery against
    a PO, ``document_lines.movement_id``), else the item's number as it reads."""
    return (f"COALESCE((SELECT x.number FROM documents x WHERE x.id = {i}.source_id), "
            f"(SELECT MIN(x.number) FROM document_lines l JOIN documents x ON x.id = l.document_id "
            f"WHERE l.movement_id = {i}.source_id), {number_sql(i)})")
