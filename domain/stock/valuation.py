"""Moving-average valuation, as a pure function of a position and one movement.

The rules (per product × warehouse, exact Decimal):

* A receipt into positive stock: new average = (value + qty × cost) / (on hand + qty).
* A receipt into zero or negative stock: the average becomes the receipt's cost and the
  value becomes on-hand-after × that cost; units issued while short are so revalued.
* An issue leaves at the current average; the issue that brings stock to exactly zero takes
  the whole remaining value, so the value closes at exactly 0 whatever the rounding.
* Money is rounded to the currency's decimals at each movement; averages keep
  ``COST_PLACES`` decimals.
* An inbound movement with an exact value (the receiving leg of a transfer) adds that value,
  so cost travels with the goods to the cent.
* A reversal moves the exact opposite of the original's value, so it restores quantity and
  value exactly; if it brings stock to zero it takes what value is left, keeping the
  invariant on_hand == 0 ⇒ value == 0.

``value`` says which of these each kind of movement takes (the one rule for a movement's value),
and ``replay`` values a run of movements in business-time order with it: the ledger replays a
product × warehouse from a back-dated movement (``domain.stock.ledger._revalue``) and a device
replays what a sync pulled (``persistence.sync.recompute``) through the same function, so both
end with the same values to the cent.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from domain.kernel.numbers import COST_QUANTUM
from domain.kernel.numbers import MONEY_ROUNDING as _ROUNDING
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import money_quantum
from domain.kernel.numbers import round_cost
from domain.kernel.numbers import round_money
from domain.stock.model import Position
from domain.stock.model import Valuation


def apply(
    pos: Position,
    qty: Decimal,
    *,
    unit_cost: Decimal | None = None,
    exact_value: Decimal | None = None,
    reversal: bool = False,
    places: int = 2,
) -> Valuation:
    """Value one movement of ``qty`` (signed) against ``pos``.

    Args:
        pos: the position before the movement.
        qty: the signed quantity; positive comes in.
        unit_cost: the cost per unit of an inbound movement (a receipt); None means the
            current average.
        exact_value: for a reversal, the signed value to move; for an inbound transfer leg,
            the value that left the other warehouse.
        reversal: treat ``exact_value`` as a reversal's value.
        places: the currency's decimals.

    Returns:
        The value moved (signed) and the position after the movement.
    """
    return _apply(pos, qty, unit_cost, exact_value, reversal, places)


def _apply(pos: Position, qty: Decimal, unit_cost: Decimal | None, exact_value: Decimal | None, reversal: bool,
           places: int) -> Valuation:
    """``apply`` with its arguments in order (``value`` calls it once per movement posted: keywords cost more)."""
    # (Decimals are compared with ZERO rather than 0: a comparison with an int first makes it a Decimal.)
    new_qty = pos.on_hand + qty
    if reversal:
        assert exact_value is not None
        if new_qty == ZERO:
            return Valuation(-pos.value, Position(ZERO, ZERO, pos.avg_cost))
        new_value = pos.value + exact_value
        avg = round_cost(new_value / new_qty) if new_value * new_qty > ZERO else pos.avg_cost
        return Valuation(exact_value, Position(new_qty, new_value, avg))
    if qty > ZERO:
        if unit_cost is None and exact_value is not None:
            cost = exact_value / qty
        elif unit_cost is not None:
            cost = unit_cost
        else:
            cost = pos.avg_cost
        if pos.on_hand > ZERO:
            # round_money and round_cost written out (the common receipt: two calls fewer)
            incoming = (exact_value if exact_value is not None
                        else (qty * cost).quantize(_MONEY_QUANTUM.get(places) or money_quantum(places), _ROUNDING))
            new_value = pos.value + incoming
            avg = (new_value / new_qty).quantize(COST_QUANTUM, _ROUNDING)
        else:
            avg = round_cost(cost)
            if new_qty == ZERO:
                new_value = ZERO
            elif pos.on_hand == ZERO and exact_value is not None:
                new_value = exact_value
            else:
                new_value = round_money(new_qty * cost, places)
        return Valuation(new_value - pos.value, Position(new_qty, new_value, avg))
    if qty < ZERO:
        if new_qty == ZERO:
            delta = -pos.value
        else:  # round_money written out (the common shipment: a call fewer)
            delta = (qty * pos.avg_cost).quantize(_MONEY_QUANTUM.get(places) or money_quantum(places), _ROUNDING)
        return Valuation(delta, Position(new_qty, pos.value + delta, pos.avg_cost))
    return Valuation(ZERO, pos)


# The kinds with a value of their own making (``MovementKind``'s values; a StrEnum member compares equal).
_REVERSAL, _TRANSFER_OUT, _TRANSFER_IN = "reversal", "transfer_out", "transfer_in"
_MONEY_QUANTUM = {places: money_quantum(places) for places in range(9)}


def value(pos: Position, kind: str, qty: Decimal, unit_cost: Decimal | None, exact: Decimal | None,
          places: int) -> Valuation:
    """Value one movement of ``kind`` against ``pos``: the rule for each kind.

    A reversal moves the exact opposite of its original's value (``exact``); the receiving leg of a
    transfer takes exactly the value that left with the out leg (``exact``, the out leg's value);
    every other movement is valued at ``unit_cost`` (inbound) or the average (``apply``). Money is
    rounded to ``places``.
    """
    if kind == _REVERSAL:
        return _apply(pos, qty, None, -exact, True, places)
    if exact is not None and kind == _TRANSFER_IN:
        return _apply(pos, qty, None, -exact, False, places)
    return _apply(pos, qty, unit_cost, None, False, places)


class ReplayRow(NamedTuple):
    """One movement as ``replay`` reads it (a plain tuple in this order will do)."""

    id: str
    kind: str
    product_id: str
    warehouse_id: str
    qty: Decimal
    unit_cost: Decimal | None
    transfer_id: str | None
    reverses_id: str | None
    occurred_at: datetime


def replay(
    positions: dict[tuple[str, str], Position],
    movements: Iterable[tuple],
    *,
    places: int,
    value_before: Callable[[str], Decimal],
    out_value_before: Callable[[str], Decimal],
) -> Iterator[tuple[tuple, Valuation]]:
    """Value a run of movements, yielding each row with its valuation; ``positions`` moves along.

    Args:
        positions: the position of each (product id, warehouse id) before its first movement in the run;
            updated to the position after each movement as it is valued.
        movements: ``ReplayRow``s (or tuples in its order) in business-time order, (occurred_at, id), over
            all pairs: a reversal comes after its original, and a transfer's out leg (same time, the
            smaller id) before its in leg, so the values they take from each other are known when they
            are needed.
        places: the currency's decimals.
        value_before: the stored value of a movement outside the run (the original of a reversal
            whose original was not replayed).
        out_value_before: the stored value of a transfer's out leg outside the run, by transfer id.
    """
    values: dict[str, Decimal] = {}  # each movement replayed, by id
    out_values: dict[str, Decimal] = {}  # each out leg replayed, by transfer id
    for row in movements:
        movement_id, kind, product_id, warehouse_id, qty, unit_cost, transfer_id, reverses_id, _ = row
        pair = (product_id, warehouse_id)
        if kind == _REVERSAL:
            exact = values.get(reverses_id)
            if exact is None:
                exact = value_before(reverses_id)
        elif kind == _TRANSFER_IN and transfer_id:
            exact = out_values.get(transfer_id)
            if exact is None:
                exact = out_value_before(transfer_id)
        else:
            exact = None
        val = value(positions[pair], kind, qty, unit_cost, exact, places)
        values[movement_id] = val.value
        if kind == _TRANSFER_OUT and transfer_id:
            out_values[transfer_id] = val.value
        positions[pair] = val.after
        yield row, val
