"""Exchange differences (汇兑损益) of a supplier in a foreign currency, booked as money is allocated.

Payables are kept in the company currency; a document was converted at its rate, the money that pays it at its own
(``domain.accounts.foreign``). A document paid whole in the supplier's currency can so still read company-currency
cents open (the rate fell: USD 113.00 booked at 7.00, CNY 791.00, paid USD 113.00 at 6.80, CNY 768.40: 22.60 open), or
be settled in the company currency with some of it still owed in the supplier's (paid at 7.20, CNY 813.60: USD 3.14
left, and 22.60 of the money). Each time money of such a supplier is allocated, the difference is booked as an item
of its own kind, ``exchange_difference``, numbered ``FX-YYYY-NNNNN``, the document's number its reference and the
money its source, so that the supplier's company-currency balance is 0 when its balance in its currency is:

* a **gain** (− item) for what is left open in the company currency on a document settled in its currency,
  allocated to the document;
* a **loss** (+ item) for what the money paid of a document in its currency beyond its company-currency amount,
  allocated from the money.

Oldest first (``settle_in_currency``), each document takes of the money what is open of it in the currency at the
money's rate, at most what the money has left; so the money's currency amount settles the documents' currency
amounts and nothing is worked back from the cents. By hand (``book_after``) the amounts are typed in the company
currency; afterwards a document named that is settled in its currency (what is open in it rounds to 0 at the
currency's places) with company-currency cents left gets a gain, and one settled in the company currency with
something still owed in its currency takes a loss of what the money has left, up to that at the money's rate.

An exchange-difference item has nothing in the supplier's currency (``foreign._recorded``): it moves the company
currency alone. Reversing the money reverses its differences (``money.reverse_money``), so the documents are as
open as before in both currencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from domain.accounts.allocation import Pick
from domain.accounts.allocation import order_key
from domain.accounts.foreign import open_in_currency
from domain.accounts.foreign import proportion
from domain.accounts.items import add_item
from domain.accounts.items import counterparts
from domain.accounts.items import open_of
from domain.accounts.items import write_picks
from domain.accounts.model import MONEY_KINDS
from domain.accounts.model import AccountItem
from domain.accounts.model import ItemKind
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.model import number_for
from domain.kernel import clock
from domain.kernel.currencies import minor_units
from domain.kernel.numbers import round_money
from domain.purchasing.exchange import needs_rate


def foreign_currency_of(uow, item: AccountItem) -> str | None:
    """The currency of ``item``'s supplier when it is not the company's; None for a customer or a supplier in the
    company currency."""
    if item.side != Side.AP:
        return None
    supplier = uow.suppliers.get(item.partner_id)
    if supplier is None or not needs_rate(supplier.currency, uow.purchasing.policy().currency):
        return None
    return supplier.currency


def book(uow, money: AccountItem, document: AccountItem, amount: Decimal, day: date) -> AccountItem | None:
    """One exchange difference between ``money`` and ``document``: ``amount`` < 0 a gain allocated to the document,
    > 0 a loss the money is allocated to."""
    year = clock.now().astimezone().year
    seq = uow.accounts.last_seq(ItemKind.EXCHANGE_DIFFERENCE.value, year) + 1
    item = add_item(uow, Side.AP, money.partner_id, ItemKind.EXCHANGE_DIFFERENCE, amount, day,
                    number=number_for(ItemKind.EXCHANGE_DIFFERENCE, year, seq), source_id=money.id,
                    reference=document.number, note=money.number, year=year, seq=seq)
    if item is None:
        return None
    if item.amount < 0:
        write_picks(uow, item, [Pick(OpenItem(document), abs(item.amount))], day)
    else:
        write_picks(uow, money, [Pick(OpenItem(item), item.amount)], day)
    return item


def settle_in_currency(uow, money: AccountItem, day: date, currency: str) -> list[AccountItem]:
    """Allocate ``money`` (a − item of a supplier in ``currency``) to the supplier's open documents oldest first, each
    taking what is open of it in the currency at the money's rate, and book the differences (see the module).

    Returns:
        The exchange-difference items booked.
    """
    rates: dict = {}
    own = proportion(uow, currency, money.id, rates)
    left, targets = counterparts(uow, money)
    places, booked = uow.money_places, []
    for target in sorted(targets, key=order_key):
        if left <= 0:
            break
        in_currency = open_in_currency(uow, currency, target.item, target.open, rates)
        if own is None or not own[1] or in_currency is None:  # no rate known: the company currency alone
            take = min(left, target.open)
            write_picks(uow, money, [Pick(target, take)], day)
            left -= take
            continue
        if round(in_currency, minor_units(currency)) <= 0:  # settled in the currency already: what is left is a gain
            booked.append(book(uow, money, target.item, -target.open, day))
            continue
        worth = round_money(in_currency * own[0] / own[1], places)
        take = min(left, worth)
        paid = min(take, target.open)
        write_picks(uow, money, [Pick(target, paid)], day)
        left -= paid
        if take > paid:  # the document is settled in the company currency: the rest it took is a loss
            booked.append(book(uow, money, target.item, take - paid, day))
            left -= take - paid
        elif take == worth and paid < target.open:  # settled whole in the currency: what is left open is a gain
            booked.append(book(uow, money, target.item, -(target.open - paid), day))
    return [x for x in booked if x is not None]


def book_after(uow, pairs: Iterable[tuple[AccountItem, AccountItem]], day: date, currency: str) -> list[AccountItem]:
    """The differences of allocations already written by hand, each pair (a document, the money or credit that
    settled it) of a supplier in ``currency`` (see the module).

    Returns:
        The exchange-difference items booked.
    """
    rates: dict = {}
    booked, seen = [], set()
    for document, money in pairs:
        if document.id in seen or money.kind == ItemKind.EXCHANGE_DIFFERENCE:
            continue
        seen.add(document.id)
        left = open_of(uow, document)
        in_currency = open_in_currency(uow, currency, document, left, rates)
        if in_currency is None:
            continue
        in_currency = round(in_currency, minor_units(currency))
        if left > 0 and in_currency <= 0:
            booked.append(book(uow, money, document, -left, day))
        elif left == 0 and in_currency > 0:
            own = proportion(uow, currency, money.id, rates)
            if own is None or not own[1]:
                continue
            loss = min(open_of(uow, money), round_money(in_currency * own[0] / own[1], uow.money_places))
            if loss > 0:
                booked.append(book(uow, money, document, loss, day))
    return [x for x in booked if x is not None]


def after_debit(uow, item: AccountItem | None, day: date) -> list[AccountItem]:
    """The differences of a supplier's new + item (goods received, an invoice) that took money it held as credit (a
    prepayment), as ``book_after`` books them; nothing for a customer's, a supplier in the company currency or an
    item that took no money. Called by the use cases that open such items, in their transaction."""
    if item is None or item.side != Side.AP or item.amount <= 0:
        return []
    credits = [uow.accounts.get(a.credit_item_id) for a in uow.accounts.live_allocations(item.id)
               if a.debit_item_id == item.id]
    money = [x for x in credits if x is not None and x.kind in MONEY_KINDS]
    currency = foreign_currency_of(uow, item) if money else None
    return book_after(uow, [(item, x) for x in money], day, currency) if currency else []
