"""Transfers before purchases: stock one warehouse holds beyond its needs goes first to a warehouse that runs short.

Pure functions over the plans of one run (``domain.planning.run.plan``, each product × warehouse with the levels of
its (s, S) policy in its explanation). Per product:

* **Short**: a warehouse whose plan has an alert (its position − d·R ≤ s, ``replenishment.reorder_alert``). It
  needs ``S − position``: what a purchase would bring it up to.
* **Surplus**: a warehouse without an alert gives what it holds above what it needs itself,
  ``min(on hand − reserved − s, position − d·R − s)``: never taking its stock below its own reorder point s
  (s = d·L + SS, its lead-time demand plus safety stock), and never so far that its own position falls through
  its trigger, which would only move the purchase from the short warehouse to it. A transfer that would leave
  ``position − d·R`` exactly at s is one pack smaller. Surplus is counted in whole packs of the product's pack size
  (whole stock units where it has none), rounded down.
* The short warehouses are served in order of urgency (fewest days of stock first); each takes from the warehouse
  with the largest surplus first (the warehouses carry no distances, so "nearest" cannot be told; largest first
  means fewest transfers), rounded up to whole packs of its need but never more than the giver's surplus.
* **Then purchases, only for what is left**: when the transfers lift the short warehouse's position above its
  trigger it is no longer due and nothing is ordered for it at this review; otherwise the order brings the position
  after the transfers up to S, rounded to the supplier's MOQ, multiple and pack size as before.

A transfer is posted at once (the ledger has no in-transit state), so the next run finds the stock where it went:
the short warehouse no longer alerts and the giver, kept above its trigger, does not either.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING
from decimal import ROUND_FLOOR
from decimal import Decimal

from domain.catalog.packs import Rounded
from domain.catalog.packs import round_order_qty
from domain.kernel.numbers import ZERO
from domain.planning.fill import grossed_up
from domain.planning.replenishment import to_quantity

ONE = Decimal(1)


@dataclass(frozen=True)
class Stand:
    """Where one product stands in one warehouse, as the transfer rules read it from a plan.

    Attributes:
        warehouse: the warehouse code.
        on_hand, reserved, on_order: its balance (on order: issued and draft purchase orders).
        reorder_point: s.
        order_up_to: S.
        review_demand: d·R, the demand expected until the next review (float, an estimate).
        short: the plan alerts (position − d·R ≤ s).
        days_of_stock: how long the available stock lasts (for the order of the short warehouses).
    """

    warehouse: str
    on_hand: Decimal
    reserved: Decimal
    on_order: Decimal
    reorder_point: Decimal
    order_up_to: Decimal
    review_demand: float
    short: bool
    days_of_stock: float = float("inf")

    @property
    def available(self) -> Decimal:
        return self.on_hand - self.reserved

    @property
    def position(self) -> Decimal:
        return self.on_hand + self.on_order - self.reserved


@dataclass(frozen=True)
class TransferSuggestion:
    """Move ``qty`` of ``sku`` from ``from_warehouse`` to ``to_warehouse``, and why (the figures of both sides).

    ``need`` is what the receiving warehouse lacks to its order-up-to level; ``surplus`` what the giving one held
    beyond its own needs before this transfer; ``keep`` what it keeps (its reorder point, or its trigger s + d·R
    where that is higher in position terms).
    """

    product_id: str
    sku: str
    name: str
    from_warehouse: str
    to_warehouse: str
    qty: Decimal
    need: Decimal
    surplus: Decimal
    to_available: Decimal
    to_reorder_point: Decimal
    from_available: Decimal
    from_reorder_point: Decimal
    stockout_date: date | None = None
    pack_size: Decimal = ONE

    @property
    def reason(self) -> str:
        """The reason in English words (the command line prints it; the window says it in the reader's language)."""
        when = f", out of stock by {self.stockout_date.isoformat()}" if self.stockout_date else ""
        return (f"{self.to_warehouse} runs short (available {_f(self.to_available)}, reorder point "
                f"{tenth(self.to_reorder_point)}{when}; needs {_f(self.need)}); {self.from_warehouse} holds "
                f"{_f(self.surplus)} above its own needs (available {_f(self.from_available)}, reorder point "
                f"{tenth(self.from_reorder_point)})")


@dataclass(frozen=True)
class Move:
    """One transfer between two stands of the same product (``plan_moves``' answer)."""

    source: str
    target: str
    qty: Decimal
    surplus: Decimal  # the giver's surplus before this move
    need: Decimal  # the receiver's need before this move


def surplus(stand: Stand, pack: Decimal = ONE) -> Decimal:
    """What ``stand`` can give without going below its reorder point or through its own trigger, in whole packs.

    ``min(available − s, position − d·R − s)`` rounded down to whole packs, then one pack less while the position
    left would sit at or below the trigger (the alert's own test, in floats). 0 for a short stand.
    """
    if stand.short:
        return ZERO
    room = min(stand.available - stand.reorder_point,
               stand.position - stand.reorder_point - to_quantity(stand.review_demand))
    qty = _whole(room, pack, ROUND_FLOOR)
    while qty > 0 and float(stand.position - qty) - stand.review_demand <= float(stand.reorder_point):
        qty -= pack
    return max(qty, ZERO)


def need(stand: Stand) -> Decimal:
    """S − position for a short stand (what a purchase would bring), else 0."""
    return max(stand.order_up_to - stand.position, ZERO) if stand.short else ZERO


def plan_moves(stands: Sequence[Stand], pack: Decimal = ONE) -> list[Move]:
    """The transfers of one product between its warehouses; see the module docstring for the order.

    Args:
        stands: the product in each warehouse.
        pack: the product's pack size (transfers move whole packs; 1: whole units).

    Returns:
        The moves, the most urgent receiver first.
    """
    spare = {s.warehouse: surplus(s, pack) for s in stands}
    moves: list[Move] = []
    for short in sorted((s for s in stands if s.short), key=lambda s: (s.days_of_stock, s.warehouse)):
        wanted = _whole(need(short), pack, ROUND_CEILING)
        if wanted <= 0:
            continue
        for giver in sorted((w for w, q in spare.items() if q > 0 and w != short.warehouse),
                            key=lambda w: (-spare[w], w)):
            if wanted <= 0:
                break
            qty = min(wanted, spare[giver])
            moves.append(Move(giver, short.warehouse, qty, spare[giver], wanted))
            spare[giver] -= qty
            wanted -= qty
    return moves


def remaining_order(stand: Stand, incoming: Decimal, *, moq: Decimal = ZERO, multiple: Decimal = ONE,
                    pack_size: Decimal = ONE, fill_factor: Decimal | None = None) -> Rounded:
    """What is still to be ordered for ``stand`` once ``incoming`` arrives by transfer.

    Nothing when the position after the transfers is above the trigger (position − d·R > s: not due at this
    review); else S − that position, grossed up by the supplier's ``fill_factor`` when it has one
    (``domain.planning.fill``), raised to the supplier's MOQ, multiple and pack size.
    """
    position = stand.position + incoming
    if float(position) - stand.review_demand > float(stand.reorder_point):
        return Rounded(ZERO)
    wanted = stand.order_up_to - position
    if wanted <= 0:
        return Rounded(ZERO)
    return round_order_qty(grossed_up(wanted, fill_factor), moq=moq, multiple=multiple, pack_size=pack_size)


def stand_of(plan) -> Stand:
    """The ``Stand`` of an ``ItemPlan`` (its explanation's balance and levels; review demand d·R)."""
    e = plan.explanation
    return Stand(
        warehouse=plan.warehouse, on_hand=e["on_hand"], reserved=e["reserved"], on_order=e["on_order"],
        reorder_point=e["reorder_point"], order_up_to=e["order_up_to"],
        review_demand=float(e["demand_per_period"]) * float(e["review_period"]), short=plan.alert is not None,
        days_of_stock=plan.alert.days_of_stock if plan.alert is not None else float("inf"),
    )


@dataclass(frozen=True)
class Balanced:
    """A run's plans after transfers: the receivers' purchase suggestions cut to what is left, and the transfers."""

    plans: list
    transfers: list[TransferSuggestion]


def balance(plans: Sequence, *, packs: Mapping[str, Decimal] | None = None,
            terms: Mapping[tuple[str, str], object] | None = None) -> Balanced:
    """Transfers before purchases over a run's ``ItemPlan``s.

    Args:
        plans: the plans of one run (per product × warehouse).
        packs: per product id, its pack size (missing: 1).
        terms: per (product id, warehouse code), the chosen supplier's ``TermOption`` (for the MOQ, multiple and
            pack size of what is left to order; missing: the quantity is not rounded).

    Returns:
        The plans (a receiver's ``suggestion`` now what is left to order, or None; its explanation says
        ``transfer_in`` and ``order_before_transfers``) and the transfers, the most urgent first.
    """
    packs = packs or {}
    terms = terms or {}
    by_product: dict[str, list[int]] = {}
    for i, p in enumerate(plans):
        if p.warehouse != "*":
            by_product.setdefault(p.product_id, []).append(i)
    out = list(plans)
    transfers: list[TransferSuggestion] = []
    for product_id, rows in by_product.items():
        if len(rows) < 2 or not any(plans[i].alert is not None for i in rows):
            continue
        stands = {plans[i].warehouse: stand_of(plans[i]) for i in rows}
        pack = packs.get(product_id) or ONE
        moves = plan_moves(list(stands.values()), pack)
        if not moves:
            continue
        index = {plans[i].warehouse: i for i in rows}
        incoming: dict[str, Decimal] = {}
        for m in moves:
            receiver = plans[index[m.target]]
            incoming[m.target] = incoming.get(m.target, ZERO) + m.qty
            transfers.append(TransferSuggestion(
                product_id=product_id, sku=receiver.sku, name=receiver.name, from_warehouse=m.source,
                to_warehouse=m.target, qty=m.qty, need=m.need, surplus=m.surplus,
                to_available=stands[m.target].available, to_reorder_point=stands[m.target].reorder_point,
                from_available=stands[m.source].available, from_reorder_point=stands[m.source].reorder_point,
                stockout_date=receiver.alert.stockout_date if receiver.alert else None, pack_size=pack,
            ))
        for warehouse, qty in incoming.items():
            out[index[warehouse]] = _after_transfers(plans[index[warehouse]], stands[warehouse], qty,
                                                     terms.get((product_id, warehouse)))
    return Balanced(out, transfers)


def with_transfers(plans: Sequence, items: Sequence, chosen: Mapping) -> list:
    """``balance`` inside ``domain.planning.run.plan``: the packs from its ``StockItem``s, the terms it chose per
    (product id, warehouse id); each receiver's plan carries its incoming transfers (``ItemPlan.transfers``)."""
    packs = {x.product_id: x.pack_size for x in items}
    code = {x.key: x.warehouse for x in items}
    terms = {(key[0], code[key]): option for key, option in chosen.items() if option is not None}
    result = balance(plans, packs=packs, terms=terms)
    incoming: dict[tuple[str, str], list[TransferSuggestion]] = {}
    for t in result.transfers:
        incoming.setdefault((t.product_id, t.to_warehouse), []).append(t)
    return [dataclasses.replace(p, transfers=tuple(incoming[(p.product_id, p.warehouse)]))
            if (p.product_id, p.warehouse) in incoming else p for p in result.plans]


def transfers_of(plans: Sequence) -> list[TransferSuggestion]:
    """Every transfer a run's plans carry, the most urgent receiver first (fewest days of stock), then by SKU."""
    found = [(p.alert.days_of_stock if p.alert else float("inf"), t.sku, n, t)
             for p in plans for n, t in enumerate(p.transfers)]
    return [t for *_, t in sorted(found, key=lambda x: x[:3])]


def _after_transfers(plan, stand: Stand, incoming: Decimal, option):
    left = remaining_order(stand, incoming, moq=option.moq if option else ZERO,
                           multiple=option.multiple if option else ONE,
                           pack_size=option.pack_size if option else ONE,
                           fill_factor=plan.explanation.get("fill_factor"))
    before = plan.suggestion.qty if plan.suggestion is not None else ZERO
    explanation = {**plan.explanation, "transfer_in": incoming, "order_before_transfers": before,
                   "order_qty": left.qty, "rounding": left.reason}
    suggestion = None
    if plan.suggestion is not None and left.qty > 0:
        suggestion = dataclasses.replace(plan.suggestion, qty=left.qty, rounding=left.reason, explanation=explanation)
    return dataclasses.replace(plan, explanation=explanation, suggestion=suggestion)


def _whole(qty: Decimal, pack: Decimal, rounding: str) -> Decimal:
    """``qty`` in whole packs (``pack`` ≤ 0 counts as 1), rounded as asked; never below 0."""
    step = pack if pack > 0 else ONE
    if qty <= 0:
        return ZERO
    return ((qty / step).to_integral_value(rounding=rounding) * step).normalize() + ZERO


def _f(value: Decimal) -> str:
    return format(value.normalize(), "f")


def tenth(level: Decimal) -> str:
    """A computed level (a reorder point) to one decimal, as the window and ``reorder`` print it: it comes from a
    forecast, and "14.554" would read as exact, which it is not. Quantities (available, needs, moved) are exact and
    printed whole."""
    return _f(level.quantize(Decimal("0.1")))
