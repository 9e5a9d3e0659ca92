"""Allocation plans (核销), pure: which open items an amount settles, oldest first or as named by hand.

A plan is a list of ``Pick``s (an item and the amount applied to it); nothing is written here. ``oldest_first``
takes the items in the order docs/ACCOUNTS.md fixes: by due date, then business date, then number (an item with no
due date, a − item, by its business date). ``by_hand`` follows a list of (document number, amount or None: all that
is open on it, up to what is left) and returns the plan with the problems found, each a refusal code with its
params, so a use case refuses with the first and an import can list them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from domain.accounts.model import OpenItem
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt


@dataclass(frozen=True)
class Pick:
    """``amount`` (> 0) applied to ``target``."""

    target: OpenItem
    amount: Decimal


@dataclass(frozen=True)
class Problem:
    """Why a by-hand allocation cannot be made: a refusal code (domain.kernel.refusals) and its params."""

    code: str
    params: dict


def order_key(x: OpenItem) -> tuple:
    """Oldest first: due date (or business date when none), business date, number, id."""
    item = x.item
    return (item.due_on or item.business_date, item.business_date, item.number, item.id)


def oldest_first(targets: Iterable[OpenItem], amount: Decimal) -> list[Pick]:
    """Apply ``amount`` to ``targets`` oldest first, each up to its open amount, until it is used up.

    Args:
        targets: open items (of one partner and side, all of one sign).
        amount: what there is to apply (>= 0).

    Returns:
        The picks, in the order taken; their sum is min(amount, Σ open).
    """
    picks, left = [], amount
    for target in sorted(targets, key=order_key):
        if left <= 0:
            break
        take = min(left, target.open)
        if take > 0:
            picks.append(Pick(target, take))
            left -= take
    return picks


def by_hand(targets: Iterable[OpenItem], wanted: Iterable[tuple[str, Decimal | None]],
            available: Decimal) -> tuple[list[Pick], list[Problem]]:
    """Apply up to ``available`` to the items named in ``wanted``, in the order named.

    A number names every open item that carries it (a purchase order's receipts, one item per line received): they
    are taken oldest first. An amount of None takes all that is open on them, up to what is left.

    Args:
        targets: the open items that may be named (of one partner and side, all of one sign).
        wanted: (document number, amount > 0 or None) pairs.
        available: what there is to apply.

    Returns:
        (picks, problems); with problems the picks are not to be written. Codes: ``allocation_not_open`` (no open
        item carries the number), ``allocation_twice`` (a number named twice), ``allocation_over_open`` (more than
        is open on it), ``allocation_over_amount`` (more than there is to apply in all).
    """
    by_number: dict[str, list[OpenItem]] = {}
    for t in targets:
        by_number.setdefault(t.item.number.upper(), []).append(t)
    picks: list[Pick] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    left = available
    for number, amount in wanted:
        key = number.strip().upper()
        if key in seen:
            problems.append(Problem("allocation_twice", {"number": number}))
            continue
        seen.add(key)
        found = by_number.get(key)
        if not found:
            problems.append(Problem("allocation_not_open", {"number": number}))
            continue
        open_total = sum((x.open for x in found), ZERO)
        if amount is not None and amount > open_total:
            problems.append(Problem("allocation_over_open", {"number": number, "open": fmt(open_total),
                                                             "amount": fmt(amount)}))
            continue
        want = open_total if amount is None else amount
        if amount is not None and amount > left:
            problems.append(Problem("allocation_over_amount", {"number": number, "left": fmt(max(left, ZERO)),
                                                               "amount": fmt(amount)}))
            continue
        want = min(want, left)
        got = oldest_first(found, want)
        picks.extend(got)
        left -= sum((p.amount for p in got), ZERO)
    return picks, problems
