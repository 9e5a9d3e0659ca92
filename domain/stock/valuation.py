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
* A reversal that takes goods out again (of a receipt, a customer return, a count gain or positive
  adjustment, a transfer's receiving leg: any original with qty > 0) never leaves stock worth less
  than nothing, however the stock moved since the original (``_reverse_inbound``):
  1. if it empties the pair it takes what value is left (on_hand == 0 ⇒ value == 0);
  2. if the pair stands exactly where the original left it (on hand, value and average equal to the
     original's after-position: nothing moved since, or what moved netted out), the position before
     the original comes back exactly, its average too (the original's ``span``);
  3. otherwise the goods leave at the current average, as a return to the supplier does, never taking
     more than the stock is worth. What it moves then differs from the opposite of the original's value:
     the difference is a price difference (进货差价) in the cost of goods, which the stock summary shows
     in a column of its own (``persistence.reports.queries``); the payable is not touched by it.
* A reversal that brings goods back (of a shipment, a count loss, a transfer's sending leg) moves the
  exact opposite of the original's value, so it restores quantity and value exactly; if it brings
  stock to zero it takes what value is left. A transfer's sending leg reversed brings back exactly
  what its receiving leg's reversal took out (``value``'s ``exact``: the latest reversal of the same
  transfer taking goods out at the same moment, before it in (occurred_at, id)), so value still
  travels with the goods between the two warehouses to the cent.

* A customer return against a sale comes back at its share of the value the sale's movement took out
  (``returned_unit_cost``), whatever that value is now: when a replay revalues the sale, the return
  follows it. The return's own ``unit_cost`` is what it was posted with and is not read then.

``value`` says which of these each kind of movement takes (the one rule for a movement's value),
and ``replay`` values a run of movements in business-time order with it: the ledger replays a
product × warehouse from a back-dated movement (``domain.stock.ledger._revalue``) and a device
replays what a sync pulled (``persistence.sync.recompute``) through the same function, so both
end with the same values to the cent.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Container
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
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
        reversal: treat ``exact_value`` as a reversal's value (the rule of a reversal bringing goods back;
            one taking goods out is valued by ``value``, with where its original left the pair).
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
          places: int, span: tuple[Position, Position] | None = None) -> Valuation:
    """Value one movement of ``kind`` against ``pos``: the rule for each kind.

    A reversal taking goods out (``qty`` < 0) follows ``_reverse_inbound`` with ``span``, the positions
    before and after its original (None: not known, and so not where the original left it); one bringing
    goods back moves the exact opposite of ``exact`` (its original's value, or for a transfer's sending
    leg the value its receiving leg's reversal took out); the receiving leg of a transfer takes exactly
    the value that left with the out leg (``exact``, the out leg's value); every other movement is valued
    at ``unit_cost`` (inbound) or the average (``apply``). Money is rounded to ``places``.
    """
    if kind == _REVERSAL:
        if qty < ZERO:
            return _reverse_inbound(pos, qty, span, places)
        return _apply(pos, qty, None, -exact, True, places)
    if exact is not None and kind == _TRANSFER_IN:
        return _apply(pos, qty, None, -exact, False, places)
    return _apply(pos, qty, unit_cost, None, False, places)


def _reverse_inbound(pos: Position, qty: Decimal, span: tuple[Position, Position] | None, places: int) -> Valuation:
    """The reversal of an inbound movement (``qty`` < 0), the three rules of the module's docstring in order."""
    new_qty = pos.on_hand + qty
    if new_qty == ZERO:  # 1. it empties the pair: what value is left
        return Valuation(-pos.value, Position(ZERO, ZERO, pos.avg_cost))
    if span is not None and pos == span[1] and span[0].on_hand == new_qty:  # 2. where the original left it
        before = span[0]
        return Valuation(before.value - pos.value, before)
    # 3. out at the average, never more than the stock is worth (and never adding value)
    delta = round_money(qty * pos.avg_cost, places)
    if new_qty > ZERO and delta < -pos.value:
        delta = min(ZERO, -pos.value)
    return Valuation(delta, Position(new_qty, pos.value + delta, pos.avg_cost))


class ReturnShare(NamedTuple):
    """What a customer return takes back of a sale's line (``returned_unit_cost``): the sale's movement, the line's
    quantity, and how much of it returns earlier in business time (occurred_at, id), not reversed, took back."""

    sale_id: str
    line_qty: Decimal
    before: Decimal


def returned_unit_cost(sale_value: Decimal, share: ReturnShare, qty: Decimal, places: int) -> Decimal:
    """The unit cost at which ``qty`` of a sold line comes back: its share of what the sale's movement took out.

    The returns of a line take it back cumulatively: those before it took ``before`` of the ``line_qty`` units, so
    this one brings back round(cost × (before + qty) / line_qty) − round(cost × before / line_qty), where cost is
    −``sale_value``. A line returned whole, in any number of returns, brings back its cost to the cent, and each
    return's share depends on the sale's value and the quantities alone, so a replay that revalues the sale gives
    every device the same return values.

    Args:
        sale_value: the sale movement's value (signed: negative, goods going out).
        share: the sale, the line's quantity and what came back of it before.
        qty: the quantity coming back (positive).
        places: the currency's decimals.
    """
    cost = -sale_value
    upto = round_money(cost * (share.before + qty) / share.line_qty, places)
    already = round_money(cost * share.before / share.line_qty, places) if share.before else ZERO
    return round_cost((upto - already) / qty)


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
    span_before: Callable[[str], tuple[Position, Position] | None],
    back_before: Callable[[str, object, str], Decimal | None],
    returns: Mapping[str, ReturnShare] | None = None,
    reversed_ids: Container[str] | None = None,
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
        span_before: the stored positions before and after a movement outside the run (the original of a reversal
            taking goods out), None if there is no such movement.
        back_before: for a reversal bringing goods back to a transfer's sending warehouse, outside the run: the
            stored value of the latest reversal of the same transfer (id) taking goods out at the same moment
            (occurred_at) before it (its id), None if there is none (``back_of``).
        returns: the customer returns among the movements, by id, with the sale each takes back: such a return
            comes back at its share of the sale's value (``returned_unit_cost``), the sale's new value when it was
            replayed before it, else its stored one (``value_before``).
        reversed_ids: the movements of the run that a reversal in it takes back (None: any may be): their
            positions before and after are kept for their reversal's ``span``.
    """
    values: dict[str, Decimal] = {}  # each movement replayed, by id
    out_values: dict[str, Decimal] = {}  # each out leg replayed, by transfer id
    spans: dict[str, tuple[Position, Position]] = {}  # each movement of reversed_ids replayed, by id
    backs: dict[tuple, Decimal] = {}  # the latest reversal taking a transfer's goods out, by (transfer id, moment)
    for row in movements:
        movement_id, kind, product_id, warehouse_id, qty, unit_cost, transfer_id, reverses_id, at = row
        pair = (product_id, warehouse_id)
        span = None
        if kind == _REVERSAL:
            exact, span = _reversed(row, values, spans, backs, value_before, span_before, back_before)
        elif kind == _TRANSFER_IN and transfer_id:
            exact = out_values.get(transfer_id)
            if exact is None:
                exact = out_value_before(transfer_id)
        else:
            exact = None
            if returns and movement_id in returns:
                share = returns[movement_id]
                sold = values.get(share.sale_id)
                unit_cost = returned_unit_cost(value_before(share.sale_id) if sold is None else sold, share, qty,
                                               places)
        pos = positions[pair]
        val = value(pos, kind, qty, unit_cost, exact, places, span)
        values[movement_id] = val.value
        if kind == _TRANSFER_OUT and transfer_id:
            out_values[transfer_id] = val.value
        elif kind == _REVERSAL and transfer_id and qty < ZERO:
            backs[transfer_id, at] = val.value
        if reversed_ids is None or movement_id in reversed_ids:
            spans[movement_id] = (pos, val.after)
        positions[pair] = val.after
        yield row, val


def _reversed(row: tuple, values: Mapping, spans: Mapping, backs: Mapping, value_before: Callable,
              span_before: Callable, back_before: Callable) -> tuple:
    """A reversal's ``exact`` and ``span`` (``value``'s) in a replay (``replay``'s, ``replay_scaled``'s: Decimals or
    stored integers alike), from what the run replayed (``values``, ``spans``, ``backs``) or else what is stored:
    taking goods out, where its original left the pair; bringing goods back, for a transfer's sending leg what the
    latest reversal of its transfer taking goods out at the same moment took out, else its original's value."""
    movement_id, _, _, _, qty, _, transfer_id, reverses_id, at = row
    if qty < 0:
        return None, spans.get(reverses_id) or span_before(reverses_id)
    exact = None
    if transfer_id:
        exact = backs.get((transfer_id, at))
        if exact is None:
            exact = back_before(transfer_id, at, movement_id)
    if exact is None:
        exact = values.get(reverses_id)
        if exact is None:
            exact = value_before(reverses_id)
    return exact, None


# --- The same rules in scaled integers ---------------------------------------------------------------------------
#
# A device that replays what a sync pulled reads the stored integers (quantities and money × 10**4, costs and
# averages × 10**8, ``persistence.types.Scaled``) and writes integers back; the Decimal rules above, in between,
# cost it a Decimal made of each number read, one made of each result and their rounding: about half of a first
# pull's replay. ``value_scaled`` and ``replay_scaled`` are ``value`` and ``replay`` on those integers, giving
# exactly the integers the Decimal rules give (``tests/unit/stock/test_valuation_scaled.py`` compares them on
# random runs). What the Decimal rules do with the default context, and so what is reproduced here:
#
# * sums and differences are exact, and so is a product while its digits fit the context's 28: beyond them
#   (and for any number of 10**27 or more) the integers stop, ``NotScaled``, and the caller replays in Decimal;
# * money is rounded half-up (away from zero on a tie) to the currency's places, averages to 8 places;
# * a quotient (an average, a transfer's unit cost) is first rounded to 28 significant digits, half-even, then
#   half-up to 8 places. The two roundings give the one exact half-up rounding except when the exact quotient lies
#   within a 28-digit step below a half (which takes values about as large as the columns hold). A quotient within
#   5 * 10**-8 of a unit of the 8th place below a half, a band wider than any such step below 10**12 (about one
#   division in ten million falls in it), is valued by the Decimal rules themselves (``_by_decimal``). So is the
#   receipt of a transfer's leg into negative stock, whose value multiplies the 28-digit quotient.

_QTY_SCALE, _COST_SCALE = 10 ** 4, 10 ** 8  # money has the quantities' scale
_WIDE = 10 ** 27  # any number of this size or more: the Decimal rules
_PRODUCT = 10 ** 28  # a product of stored integers with more digits is rounded by the context
_AVG_WIDE = 10 ** 20
# money of ``places`` decimals from a product of a quantity and a cost (scaled by 10**12): divide by the first,
# add the second (half of it) before, multiply by the third to have the money's own scale of 10**4
_MONEY_STEP = {places: (10 ** (12 - places), 10 ** (12 - places) // 2, 10 ** (4 - places)) for places in range(5)}
SCALED_PLACES = range(5)  # the currency places the integers take (money is stored with 4)


class NotScaled(Exception):
    """A movement whose numbers are out of the integers' reach (see above): replay the run in Decimal."""


def _money(n: int, places: int) -> int:
    """``round_money`` of a product of a quantity and a cost (scaled by 10**12), scaled by 10**4."""
    if not -_PRODUCT < n < _PRODUCT:
        raise NotScaled
    d, h, m = _MONEY_STEP[places]
    return (n + h) // d * m if n >= 0 else -((h - n) // d * m)


def _avg(v: int, q: int) -> int | None:
    """``round_cost(v / q)`` of two integers of the same scale, scaled by 10**8; None where only Decimal's own
    division can tell (the band below a half, see above)."""
    if not v:
        return 0
    n = v * _COST_SCALE
    negative = (n < 0) is not (q < 0)
    if n < 0:
        n = -n
    d = -q if q < 0 else q
    a, r = divmod(n, d)
    if a >= _AVG_WIDE:
        raise NotScaled
    r += r
    if r >= d:
        a += 1
    elif (d - r) * 10_000_000 <= d:  # the exact quotient within 5 × 10**-8 of a unit below the half
        return None
    return -a if negative else a


def _by_decimal(pos: tuple[int, int, int], kind: str, qty: int, unit_cost: int | None, exact: int | None,
                places: int) -> tuple[int, tuple[int, int, int]]:
    """``value`` itself on the integers made Decimals (as the replay reads them), its results made integers again
    (never for a reversal taking goods out, the one kind that reads a ``span``: its rules divide nothing)."""
    q, v, a = pos
    try:
        val = value(Position(Decimal(q).scaleb(-4), Decimal(v).scaleb(-4), Decimal(a).scaleb(-8)), kind,
                    Decimal(qty).scaleb(-4), None if unit_cost is None else Decimal(unit_cost).scaleb(-8),
                    None if exact is None else Decimal(exact).scaleb(-4), places)
        after = val.after
        scaled = (val.value.scaleb(4), after.on_hand.scaleb(4), after.value.scaleb(4), after.avg_cost.scaleb(8))
        out, nq, nv, na = (int(x) for x in scaled)
    except (ArithmeticError, ValueError):  # the Decimal replay will meet it too, and say so
        raise NotScaled from None
    if (out, nq, nv, na) != scaled:
        raise NotScaled
    return out, (nq, nv, na)


def value_scaled(pos: tuple[int, int, int], kind: str, qty: int, unit_cost: int | None, exact: int | None,
                 places: int, span: tuple[tuple[int, int, int], tuple[int, int, int]] | None = None
                 ) -> tuple[int, tuple[int, int, int]]:
    """``value`` on stored integers: ``pos`` is (on hand × 10**4, value × 10**4, average × 10**8), ``qty`` × 10**4,
    ``unit_cost`` × 10**8, ``exact`` (the reversed movement's or the out leg's value) × 10**4, ``span`` two
    positions as ``pos``; ``places`` in ``SCALED_PLACES``. Returns the value moved × 10**4 and the position after,
    as ``value``'s exactly.

    Raises:
        NotScaled: a number out of the integers' reach.
    """
    q, v, a = pos
    nq = q + qty
    if kind == _REVERSAL and qty < 0:  # ``_reverse_inbound``
        if nq == 0:
            return -v, (0, 0, a)
        if span is not None and pos == span[1] and span[0][0] == nq:
            return span[0][1] - v, span[0]
        out = _money(qty * a, places)
        if nq > 0 and out < -v:
            out = min(0, -v)
        nv = v + out
        na = a
    elif kind == _REVERSAL:
        if nq == 0:
            return -v, (0, 0, a)
        out = -exact
        nv = v + out
        if (nv > 0 and nq > 0) or (nv < 0 and nq < 0):
            na = _avg(nv, nq)
            if na is None:
                return _by_decimal(pos, kind, qty, unit_cost, exact, places)
        else:
            na = a
    elif qty > 0:
        x = -exact if exact is not None and kind == _TRANSFER_IN else None
        if q > 0:
            nv = v + (x if x is not None else _money(qty * (unit_cost if unit_cost is not None else a), places))
            na = _avg(nv, nq)
            if na is None:
                return _by_decimal(pos, kind, qty, unit_cost, exact, places)
        elif x is not None:  # a transfer's leg into no stock: the average is the unit cost it brings
            if q < 0 and nq != 0:  # and into stock short: valued at that cost as Decimal has it, 28 digits
                return _by_decimal(pos, kind, qty, unit_cost, exact, places)
            na = _avg(x, qty)
            if na is None:
                return _by_decimal(pos, kind, qty, unit_cost, exact, places)
            nv = 0 if nq == 0 else x
        else:
            na = unit_cost if unit_cost is not None else a
            nv = 0 if nq == 0 else _money(nq * na, places)
        out = nv - v
    elif qty < 0:
        out = -v if nq == 0 else _money(qty * a, places)
        nv = v + out
        na = a
    else:
        return 0, pos
    if not (-_WIDE < nv < _WIDE and -_WIDE < nq < _WIDE and -_WIDE < out < _WIDE and -_WIDE < na < _WIDE):
        raise NotScaled
    return out, (nq, nv, na)


def replay_scaled(
    positions: dict[tuple[str, str], tuple[int, int, int]],
    movements: Iterable[tuple],
    *,
    places: int,
    value_before: Callable[[str], int],
    out_value_before: Callable[[str], int],
    span_before: Callable[[str], tuple[tuple[int, int, int], tuple[int, int, int]] | None],
    back_before: Callable[[str, object, str], int | None],
    returns: Mapping[str, ReturnShare] | None = None,
    reversed_ids: Container[str] | None = None,
) -> Iterator[tuple[tuple, int, tuple[int, int, int]]]:
    """``replay`` on stored integers (``value_scaled``): rows as ``ReplayRow``s with the quantity and unit cost
    scaled, positions as ``value_scaled``'s, the callbacks returning stored values (and positions), ``returns`` and
    ``reversed_ids`` as ``replay``'s (``returns`` in Decimals); yields each row, the value it moved and the position
    after it.

    Raises:
        NotScaled: a number out of the integers' reach (``positions`` has moved: start the Decimal replay over
            from a copy made before).
    """
    if places not in SCALED_PLACES:
        raise NotScaled
    values: dict[str, int] = {}
    out_values: dict[str, int] = {}
    spans: dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]] = {}
    backs: dict[tuple, int] = {}
    for row in movements:
        movement_id, kind, product_id, warehouse_id, qty, unit_cost, transfer_id, reverses_id, at = row
        pair = (product_id, warehouse_id)
        span = None
        if kind == _REVERSAL:
            exact, span = _reversed(row, values, spans, backs, value_before, span_before, back_before)
        elif kind == _TRANSFER_IN and transfer_id:
            exact = out_values.get(transfer_id)
            if exact is None:
                exact = out_value_before(transfer_id)
        else:
            exact = None
            if returns and movement_id in returns:  # (rare: the rule in Decimal, its unit cost back to 10**-8)
                share = returns[movement_id]
                sold = values.get(share.sale_id)
                sold = value_before(share.sale_id) if sold is None else sold
                unit_cost = int(returned_unit_cost(Decimal(sold).scaleb(-4), share, Decimal(qty).scaleb(-4),
                                                   places).scaleb(8))
        pos = positions[pair]
        moved, after = value_scaled(pos, kind, qty, unit_cost, exact, places, span)
        values[movement_id] = moved
        if kind == _TRANSFER_OUT and transfer_id:
            out_values[transfer_id] = moved
        elif kind == _REVERSAL and transfer_id and qty < 0:
            backs[transfer_id, at] = moved
        if reversed_ids is None or movement_id in reversed_ids:
            spans[movement_id] = (pos, after)
        positions[pair] = after
        yield row, moved, after
