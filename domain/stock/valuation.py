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

``revalue`` replays a run of movements; a back-dated movement therefore re-values the later
ones of the same product × warehouse by a deterministic replay in business-time order.
"""

from __future__ import annotations

from decimal import Decimal

from domain.kernel.numbers import ZERO
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
            incoming = exact_value if exact_value is not None else round_money(qty * cost, places)
            new_value = pos.value + incoming
            avg = round_cost(new_value / new_qty)
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
        else:
            delta = round_money(qty * pos.avg_cost, places)
        return Valuation(delta, Position(new_qty, pos.value + delta, pos.avg_cost))
    return Valuation(ZERO, pos)
