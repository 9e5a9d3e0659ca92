"""The demo's receivables and payables (往来账): payment terms, what partners owe, receipts and payments.

Most of the demo's sales and purchases are ledger movements without sales documents (only its last days' trade
partly goes through documents, ``domain.demo.desk``, which pays for them itself), so what its
customers and suppliers owe is carried in as opening balances (``opening`` items, as an office moving to
Stockroom imports them): for each customer on account (月结30天) and each supplier, five items (its business on
account of the last months) whose due dates the old books give: 120, 75, 45 and 15 days before the demo's last
day and 20 days after it, each dated its terms' days before its due date. Then money comes in and goes out
through the real use case (``domain.accounts.money.record_money``): some partners paid in full, some in part,
some not at all, and one customer paid in advance (a prepayment, kept as its credit). On the demo's last day the
open items fall in every ageing band: current, 1–30, 31–60, 61–90 and over 90 days overdue.

Amounts come from a ``random.Random`` seeded from the demo's seed alone (not the history's generators), so the
stock, the movements and every figure the history makes are as they were without it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from decimal import Decimal

from domain.accounts import commands as ac
from domain.accounts.items import add_item
from domain.accounts.items import settle
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.model import number_for
from domain.accounts.money import record_money
from domain.kernel.ports import UnitOfWork
from domain.purchasing.model import SupplierProfile

OVERDUE = (120, 75, 45, 15, -20)  # days overdue on the last day of the items carried in: one per ageing band
# Supplier payment terms by the supplier's place in the list: (text, basis, days).
SUPPLIER_TERMS = (
    ("月结60天", "month_end", 60),
    ("30天账期", "net", 30),
    ("月结30天", "month_end", 30),
)
ON_ACCOUNT = "月结30天"  # the customers whose terms (domain.demo.master.TERMS) are on account
CUSTOMER_DAYS = 30
SALT = 0xAC  # the accounts' own random stream: seed ^ SALT


@dataclass(frozen=True)
class Partner:
    code: str
    side: Side
    days: int  # its payment days: an item is dated that many days before its due date


def carried_in(end: date, days: int) -> list[tuple[date, date]]:
    """(date, due date) of the items carried in for a partner with ``days`` payment days, oldest first; never
    dated after ``end``."""
    dues = [end - timedelta(days=late) for late in OVERDUE]
    return [(min(due - timedelta(days=days), end), due) for due in dues]


def supplier_profiles(suppliers: list[dict]) -> list[tuple[str, str, str, int]]:
    """(code, terms text, basis, days) of each supplier, by its place in the list."""
    return [(s["code"], *SUPPLIER_TERMS[i % len(SUPPLIER_TERMS)]) for i, s in enumerate(suppliers)]


def give_suppliers_terms(uow_factory: Callable[[], UnitOfWork], suppliers: list[dict]) -> None:
    """Give the suppliers their payment terms (one transaction), before anything is received from them: a
    receipt's payable falls due by the terms its supplier has when it is posted. (Given after the two years'
    postings, every goods receipt fell due on its own day, and the payables' ageing showed them all overdue.)"""
    with uow_factory() as uow:
        for code, text, basis, days in supplier_profiles(suppliers):
            supplier = uow.suppliers.by_code(code)
            before = uow.purchasing.profile(supplier.id) or SupplierProfile(supplier.id)
            uow.purchasing.set_profile(SupplierProfile(supplier.id, text, before.email, before.phone, basis, days))
        uow.commit()


def build_accounts(uow_factory: Callable[[], UnitOfWork], customers: list[tuple[str, str]], suppliers: list[dict],
                   end: date, seed: int) -> tuple[int, int]:
    """Carry in the partners' open months, then record the money (the suppliers' terms are
    ``give_suppliers_terms``'s, given before the postings).

    Args:
        uow_factory: makes a new unit of work (the terms and items are one transaction, each receipt or payment
            one more).
        customers: (code, terms text) of every customer, in order; those on account (月结30天) owe.
        suppliers: the recipe's suppliers, in order.
        end: the demo's last day; nothing is dated after it.
        seed: the demo's seed.

    Returns:
        How many items and how many receipts and payments were written.
    """
    rnd = random.Random(seed ^ SALT)
    owing = [Partner(code, Side.AR, CUSTOMER_DAYS) for code, terms in customers if terms == ON_ACCOUNT]
    paying = [Partner(code, Side.AP, days) for code, _, _, days in supplier_profiles(suppliers)]
    months: dict[Partner, list[tuple[date, date, Decimal]]] = {}
    for p in [*owing, *paying]:
        low, high = (3_000, 30_000) if p.side == Side.AR else (20_000, 120_000)
        months[p] = [(day, due, Decimal(rnd.randint(low * 100, high * 100)).scaleb(-2))
                     for day, due in carried_in(end, p.days)]
    items = 0
    with uow_factory() as uow:
        year = end.year
        seq = uow.accounts.last_seq(ItemKind.OPENING.value, year)
        for p, rows in months.items():
            partner = uow.customers.by_code(p.code) if p.side == Side.AR else uow.suppliers.by_code(p.code)
            for day, due, amount in rows:
                seq += 1
                item = add_item(uow, p.side, partner.id, ItemKind.OPENING, amount, day,
                                number=number_for(ItemKind.OPENING, year, seq), reference=f"{day:%Y-%m} 月结",
                                year=year, seq=seq, due_on=due)
                settle(uow, item, day)
                items += 1
        uow.commit()
    money = 0
    for n, p in enumerate([*owing, *paying]):
        rows = months[p]
        pattern = n % 3
        if pattern == 0:  # the three oldest paid in full, on the due date of the third
            amount, day = sum((a for _, _, a in rows[:3]), Decimal(0)), rows[2][1]
        elif pattern == 1:  # half of the oldest paid, on its due date
            amount, day = (rows[0][2] / 2).quantize(Decimal("0.01")), rows[0][1]
        else:  # nothing paid yet
            continue
        kind = "receipt" if p.side == Side.AR else "payment"
        record_money(uow_factory(), ac.RecordMoney(kind, p.code, amount, method="bank", day=min(day, end),
                                                   reference=f"{day:%Y-%m}"))
        money += 1
    prepaid = next((code for code, terms in customers if terms != ON_ACCOUNT), None)
    if prepaid is not None:  # a cash customer pays for an order in advance: its credit
        record_money(uow_factory(), ac.RecordMoney("receipt", prepaid, Decimal("5000.00"), method="wechat", day=end,
                                                   reference="预收货款", note="prepayment"))
        money += 1
    return items, money
