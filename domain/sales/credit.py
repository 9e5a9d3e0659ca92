"""A customer's credit limit, checked when a sales order is confirmed (docs/ACCOUNTS.md, issue 16).

The **exposure** of confirming an order is what the customer would owe once everything promised is shipped:

    balance (its receivables: Σ amount of its AR items, credit already netted)
  + the open value, with tax, of its other confirmed orders not yet shipped (open quantity × net price + tax)
  + this order's open value, with tax

Above the customer's ``credit_limit`` (``customer_profiles``; None: no limit) confirming is refused
(``OverCreditLimit``) unless a user holding ``Permission.CREDIT_OVERRIDE`` (a manager) confirms with the credit
override; the override is recorded on the order's notes with the user, the day and the figures (the order has no
column of its own for it). While sign-in is off everyone may override, as with a stockout.

A counter sale on account (not paid at once) is checked the same way when it is posted (``check_sale``): its value
with tax is ``this_order``, and past the limit posting is refused (``sale_over_limit``: ``sale_credit_limit_exceeded``
or ``sale_credit_limit_needs_manager``) unless a manager posts it with the override, written on the sale's note. A
sale paid at once adds nothing to what the customer owes and is not checked.

Items more than 90 days overdue do not refuse anything: confirming says so (``Notice``, code
``credit_overdue_90``) in its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import date
from datetime import timedelta
from decimal import Decimal

from domain.accounts.model import Side
from domain.kernel import clock
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from domain.kernel.refusals import ENGLISH
from domain.kernel.refusals import refusal
from domain.sales.model import SalesOrder
from domain.sales.model import SoLine
from domain.sales.model import revenue
from domain.sales.model import tax_of

OVERDUE_WARN_DAYS = 90


class OverCreditLimit(RuleViolation):
    """Confirming would take the customer past its credit limit; ``check`` holds the figures."""

    check: CreditCheck | None = None


@dataclass(frozen=True)
class Notice:
    """Something confirming found worth saying that refuses nothing: a code of ``domain.kernel.refusals.ENGLISH``
    and its values (the screen says it from its own template)."""

    code: str
    params: dict

    def __str__(self) -> str:
        return ENGLISH[self.code].format(**self.params)


@dataclass(frozen=True)
class CreditCheck:
    """The figures of a customer's credit at a confirmation."""

    limit: Decimal | None  # None: no limit
    balance: Decimal  # its receivables
    open_orders: Decimal  # the open value with tax of its other confirmed orders (not read, 0, without a limit)
    this_order: Decimal  # the open value with tax of the order being confirmed
    overdue_90: Decimal = ZERO  # open amounts more than 90 days overdue
    oldest_due: date | None = None  # the oldest due date among those

    @property
    def exposure(self) -> Decimal:
        return self.balance + self.open_orders + self.this_order

    @property
    def over(self) -> Decimal:
        """By how much the exposure passes the limit (0 when within it or without a limit)."""
        if self.limit is None:
            return ZERO
        return max(ZERO, self.exposure - self.limit)

    @property
    def is_over(self) -> bool:
        return self.over > 0

    @property
    def left(self) -> Decimal | None:
        """What the limit leaves for new orders (limit − balance − other open orders; below 0 when already past it),
        None without a limit."""
        if self.limit is None:
            return None
        return self.limit - self.balance - self.open_orders


def line_open_value(line: SoLine, places: int) -> Decimal:
    """What the line's open quantity is worth, with tax: its revenue rounded, plus the tax on it."""
    amount = revenue(line.open_qty, line.unit_price, line.discount, places)
    return amount + tax_of(amount, line.tax_rate, places)


def open_value(order: SalesOrder, places: int) -> Decimal:
    """The open value with tax of ``order`` (every line's ``line_open_value``)."""
    return sum((line_open_value(x, places) for x in order.lines), ZERO)


def check_credit(uow, order: SalesOrder, on: date) -> CreditCheck:
    """The credit figures of confirming ``order`` on ``on`` (inside ``with uow``).

    Args:
        uow: an entered unit of work (``prices`` for the limit, ``accounts`` for the balance, ``sales`` for the
            customer's other open orders).
        order: the draft being confirmed.
        on: the day the items' days overdue are counted at.
    """
    return _figures(uow, order.customer_id, order, on, other_orders=False)


def _figures(uow, customer_id: str, order: SalesOrder | None, on: date, *, other_orders: bool) -> CreditCheck:
    """The customer's credit figures with ``order`` (None: no order yet) as this order; its other open orders are
    read when it has a limit, or always with ``other_orders``."""
    places = uow.money_places
    terms = uow.prices.terms(customer_id)
    limit = terms.credit_limit if terms is not None else None
    balance = ZERO
    overdue, oldest = ZERO, None
    cutoff = on - timedelta(days=OVERDUE_WARN_DAYS)
    for x in uow.accounts.open_items(Side.AR, customer_id):
        if x.item.amount > 0:
            balance += x.open
            due = x.item.due_on
            if due is not None and due < cutoff:
                overdue += x.open
                oldest = due if oldest is None else min(oldest, due)
        else:
            balance -= x.open
    others = ZERO
    if limit is not None or other_orders:  # without a limit confirming has nothing to count them against
        others = sum((open_value(o, places) for o in uow.sales.open_orders(customer_id)
                      if order is None or o.id != order.id), ZERO)
    this = open_value(order, places) if order is not None else ZERO
    return CreditCheck(limit, balance, others, this, overdue, oldest)


def standing(uow, customer: str, so: str | None = None) -> CreditCheck | None:
    """A customer's credit as the order screens show it beside the customer field, as soon as it is chosen: its
    receivable (``balance``), its limit, its other open orders and, with ``so`` (a number or id), that order's open
    value with tax as ``this_order``; what is left is ``limit − balance − open orders`` (``left``). The same figures
    confirming counts (``check_credit``), so a clerk sees the refusal coming. None when no customer has the code.

    Args:
        uow: a unit of work, not entered (a reader does).
        customer: the customer's code.
        so: the order shown (its own value is not counted twice among the open orders).
    """
    with uow:
        found = uow.customers.by_code(customer) if customer else None
        if found is None:
            return None
        order = None
        if so:
            order = uow.sales.by_number(so) or uow.sales.get(so)
            if order is not None and order.customer_id != found.id:
                order = None
        return _figures(uow, found.id, order, clock.today(), other_orders=True)


def check_sale(uow, customer_id: str, value: Decimal, on: date) -> CreditCheck:
    """The credit figures of a counter sale on account worth ``value`` with tax (inside ``with uow``): the customer's
    balance and open orders as confirming counts them, the sale as ``this_order``.

    Args:
        uow: an entered unit of work.
        customer_id: the customer's id.
        value: the sale's value with tax (Σ revenue + tax of its lines, as its receivable will be).
        on: the day the items' days overdue are counted at.
    """
    return replace(_figures(uow, customer_id, None, on, other_orders=False), this_order=value)


def money(amount: Decimal) -> str:
    """An amount in a credit refusal as the screens show money: 56,989.91, not 56989.91 (a clerk read the limit of
    50000 as five thousand or five hundred thousand)."""
    return fmt_price(amount)


def over_limit(order: SalesOrder, check: CreditCheck, *, may_override: bool) -> OverCreditLimit:
    """The refusal of confirming ``order`` past the limit: ``credit_limit_exceeded`` (a manager may override) or
    ``credit_limit_needs_manager`` (the user asked to override and may not)."""
    code = "credit_limit_exceeded" if may_override else "credit_limit_needs_manager"
    exc = refusal(OverCreditLimit, code, so=order.label, customer=order.customer_code, limit=money(check.limit),
                  balance=money(check.balance), open_orders=money(check.open_orders),
                  this_order=money(check.this_order), exposure=money(check.exposure), over=money(check.over))
    exc.check = check
    return exc


def sale_over_limit(customer: str, check: CreditCheck, *, may_override: bool) -> OverCreditLimit:
    """The refusal of a counter sale on account past ``customer``'s limit: ``sale_credit_limit_exceeded`` (a manager
    may override) or ``sale_credit_limit_needs_manager`` (the user asked to override and may not)."""
    code = "sale_credit_limit_exceeded" if may_override else "sale_credit_limit_needs_manager"
    exc = refusal(OverCreditLimit, code, customer=customer, limit=money(check.limit), balance=money(check.balance),
                  open_orders=money(check.open_orders), this_sale=money(check.this_order),
                  exposure=money(check.exposure), over=money(check.over))
    exc.check = check
    return exc


def overdue_notice(order: SalesOrder, check: CreditCheck) -> Notice | None:
    """The warning of items more than 90 days overdue, or None."""
    if check.overdue_90 <= 0:
        return None
    return Notice("credit_overdue_90", {"customer": order.customer_code, "amount": money(check.overdue_90),
                                        "due": check.oldest_due.isoformat() if check.oldest_due else ""})


def override_note(user: str, on: date, check: CreditCheck, this: str = "this order") -> str:
    """The line written on the order's notes (a counter sale's note: ``this`` "this sale") when its credit limit is
    overridden (who, when, the figures)."""
    return (f"Credit limit {fmt(check.limit)} overridden by {user or '(no user)'} on {on.isoformat()}: exposure "
            f"{fmt(check.exposure)} (balance {fmt(check.balance)}, open orders {fmt(check.open_orders)}, {this} "
            f"{fmt(check.this_order)}), {fmt(check.over)} over")
