"""The valuation rules in scaled integers give exactly the integers the Decimal rules give.

``valuation.replay_scaled`` (what a device replays after a pull, on the stored integers) against ``valuation.replay``
(the Decimal rules, on Decimals made of the same integers as the sync's replay made them), on random runs over three
product × warehouse pairs: receipts at awkward costs, shipments, adjustments and counts either way, transfers (both
legs, and in legs whose out leg is outside the run), reversals of movements in the run and outside it (those taking
goods out where their original left the pair, or not), transfers reversed (the sending leg bringing back what the
receiving leg's reversal took out, in the run or before it), stock driven negative, every currency's places the
integers take. Every value moved and every position after must be the same integers; with numbers beyond what the
columns hold the integers may stop (``NotScaled``), never differ.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.stock import valuation
from domain.stock.model import Position
from domain.stock.valuation import NotScaled

PAIRS = [("p1", "w1"), ("p1", "w2"), ("p2", "w1")]


def dec(value: int | None, places: int) -> Decimal | None:
    return None if value is None else Decimal(value).scaleb(-places)


def ints(position: Position) -> tuple:
    return (position.on_hand.scaleb(4), position.value.scaleb(4), position.avg_cost.scaleb(8))


def small_quantities():  # × 10**4: whole units, fractions, and sizes a warehouse holds
    return st.one_of(st.integers(1, 50).map(lambda n: n * 10_000), st.integers(1, 2_000_000),
                     st.integers(1, 10 ** 12))


def small_costs():  # × 10**8: round prices, any odd cost, up to a million a unit (with the quantities: values
    # below the 10**14 a balance may hold)
    return st.one_of(st.integers(1, 1000).map(lambda n: n * 1_000_000), st.integers(1, 10 ** 10),
                     st.integers(1, 10 ** 14))


def wide(strategy):  # now and then a number beyond what the columns hold
    return st.one_of(strategy, st.integers(10 ** 18, 10 ** 30))


@st.composite
def runs(draw, quantities=small_quantities, costs=small_costs):
    """(places, starting positions, movement rows as ``replay_scaled`` reads them, stored values outside the run)."""
    places = draw(st.sampled_from(list(valuation.SCALED_PLACES)))
    positions = {}
    for pair in PAIRS:
        if draw(st.booleans()):
            on_hand = draw(st.integers(-10 ** 12, 10 ** 12))
            avg = draw(st.integers(0, 10 ** 12))
            value = on_hand * avg // 10 ** 8 // 10 ** (4 - places) * 10 ** (4 - places) if on_hand else 0
            positions[pair] = (on_hand, value, avg)
        else:
            positions[pair] = (0, 0, draw(st.sampled_from([0, 250_000_000])))
    rows, outside = [], {}
    opened = set()  # the transfers in the run not reversed yet
    for i in range(draw(st.integers(1, 40))):
        mid = f"m{i:04d}"
        pair = draw(st.sampled_from(PAIRS))
        step = draw(st.sampled_from(["receipt", "shipment", "adjustment", "count_adjustment", "transfer",
                                     "reversal", "reversal_outside", "transfer_in_outside",
                                     "transfer_reversal"]))
        if step == "receipt":
            rows.append((mid, "receipt", *pair, draw(quantities()), draw(costs()), None, None, i))
        elif step == "shipment":
            rows.append((mid, "shipment", *pair, -draw(quantities()), None, None, None, i))
        elif step in ("adjustment", "count_adjustment"):
            qty = draw(quantities()) * draw(st.sampled_from([1, -1]))
            cost = draw(st.none() | costs()) if qty > 0 else None
            rows.append((mid, step, *pair, qty, cost, None, None, i))
        elif step == "transfer":
            into = draw(st.sampled_from([p for p in PAIRS if p != pair]))
            qty = draw(quantities())
            rows.append((f"{mid}a", "transfer_out", *pair, -qty, None, f"t{i}", None, i))
            rows.append((f"{mid}b", "transfer_in", *into, qty, draw(st.none() | costs()), f"t{i}", None, i))
            opened.add(f"t{i}")
        elif step == "reversal" and any(r[1] != "reversal" for r in rows):
            original = draw(st.sampled_from([r for r in rows if r[1] != "reversal"]))
            rows.append((mid, "reversal", original[2], original[3], -original[4], None, None, original[0], i))
        elif step == "reversal" and draw(st.booleans()):  # a movement and its reversal, one after the other
            qty = draw(quantities())
            rows.append((f"{mid}a", "receipt", *pair, qty, draw(costs()), None, None, i))
            rows.append((f"{mid}b", "reversal", *pair, -qty, None, None, f"{mid}a", i))
        elif step == "reversal_outside":  # of a movement of qty at cost before the run
            qty = draw(quantities()) * draw(st.sampled_from([1, -1]))
            outside[f"old{i}"] = qty * draw(costs()) // 10 ** 8
            # where it left the pair: unknown, just where the pair stands (rule 2), or elsewhere
            outside[f"span-old{i}"] = (pair, qty, draw(st.sampled_from(["none", "here", "elsewhere"])),
                                       draw(st.integers(-10 ** 12, 10 ** 12)), draw(st.integers(0, 10 ** 12)))
            rows.append((mid, "reversal", *pair, -qty, None, None, f"old{i}", i))
        elif step == "transfer_reversal" and any(r[1] == "transfer_in" and r[6] in opened for r in rows):
            into = draw(st.sampled_from([r for r in rows if r[1] == "transfer_in" and r[6] in opened]))
            out = next(r for r in rows if r[1] == "transfer_out" and r[6] == into[6])
            opened.discard(into[6])
            rows.append((f"{mid}a", "reversal", into[2], into[3], -into[4], None, into[6], into[0], i))
            rows.append((f"{mid}b", "reversal", out[2], out[3], -out[4], None, out[6], out[0], i))
        elif step == "transfer_reversal":  # a sending leg's reversal whose receiving leg's was before the run
            qty = draw(quantities())
            outside[f"old{i}"] = -qty * draw(costs()) // 10 ** 8
            outside[f"back-tb{i}"] = draw(st.none() | st.integers(-10 ** 14, 0))
            rows.append((mid, "reversal", *pair, qty, None, f"tb{i}", f"old{i}", i))
        elif step == "transfer_in_outside":
            qty = draw(quantities())
            outside[f"t-old{i}"] = -qty * draw(costs()) // 10 ** 8
            rows.append((mid, "transfer_in", *pair, qty, None, f"t-old{i}", None, i))
    return places, positions, rows, outside


def span_of(outside, mid, positions):
    """The stored span of ``mid`` outside the run (scaled): none, ending where its pair stands now (``positions``,
    the replay's own, read as it values the reversal), or elsewhere."""
    pair, qty, where, value, avg = outside[f"span-{mid}"]
    if where == "none":
        return None
    now = positions[pair]
    before = (now[0] - qty, value // 100 * 100, avg)
    return (before, now) if where == "here" else (before, (now[0], now[1] + 100, now[2]))


def decimal_replay(places, positions, rows, outside):
    start = {pair: Position(dec(q, 4), dec(v, 4), dec(a, 8)) for pair, (q, v, a) in positions.items()}
    typed = [(mid, kind, p, w, dec(qty, 4), dec(cost, 8), t, r, at) for mid, kind, p, w, qty, cost, t, r, at in rows]

    def span_before(mid):
        span = span_of(outside, mid, {pair: ints(pos) for pair, pos in start.items()})
        return span and tuple(Position(dec(q, 4), dec(v, 4), dec(a, 8)) for q, v, a in span)

    def back_before(tid, at, mid):
        return dec(outside[f"back-{tid}"], 4)

    return [(row[0], val.value.scaleb(4), ints(val.after)) for row, val in valuation.replay(
        start, typed, places=places, value_before=lambda mid: dec(outside[mid], 4),
        out_value_before=lambda tid: dec(outside[tid], 4), span_before=span_before, back_before=back_before)]


def scaled_replay(places, positions, rows, outside):
    moving = dict(positions)
    return [(row[0], moved, after) for row, moved, after in valuation.replay_scaled(
        moving, rows, places=places, value_before=outside.__getitem__, out_value_before=outside.__getitem__,
        span_before=lambda mid: span_of(outside, mid, moving),
        back_before=lambda tid, at, mid: outside[f"back-{tid}"])]


BIGINT = 2 ** 63


def fits(results) -> bool:
    return all(-BIGINT <= x < BIGINT for _, moved, after in results for x in (moved, *after))


def same_or_beyond_the_columns(run) -> None:
    """The integers give the Decimal rules' results, or stop (``NotScaled``) only where a result would not fit the
    columns (or Decimal itself fails) and the sync could not have stored it either."""
    try:
        reference = decimal_replay(*run)
    except ArithmeticError:
        reference = None
    try:
        scaled = scaled_replay(*run)
    except NotScaled:
        assert reference is None or not fits(reference)
        return
    assert scaled == reference


@given(runs())
def test_the_integers_are_the_decimal_rules(run):
    same_or_beyond_the_columns(run)


@given(runs(quantities=lambda: wide(small_quantities()), costs=lambda: wide(small_costs())))
def test_beyond_the_columns_the_integers_stop_rather_than_differ(run):
    same_or_beyond_the_columns(run)


# (position (on hand, value, average), kind, qty, unit cost, the exact value from the original or the out leg),
# all scaled: every branch of the rules, each rounding and tie
BRANCHES = {
    "receipt into stock": ((30_000, 600, 20_000_000), "receipt", 70_000, 33_333_333, None),
    "receipt into no stock": ((0, 0, 700_000_000), "receipt", 40_000, 250_000_000, None),
    "receipt into stock short, still short": ((-50_000, -100_000, 200_000_000), "receipt", 20_000, 300_000_000, None),
    "receipt filling stock short to zero": ((-20_000, -40_000, 200_000_000), "receipt", 20_000, 300_000_000, None),
    "receipt into stock short, past zero": ((-20_000, -40_000, 200_000_000), "receipt", 70_000, 123_456_789, None),
    "an adjustment in at the average": ((30_000, 70_001, 233_336_667), "adjustment", 10_000, None, None),
    "an adjustment in at the average into no stock": ((0, 0, 233_336_667), "adjustment", 30_000, None, None),
    "a shipment": ((110_000, 260_300, 236_666_667), "shipment", -40_000, None, None),
    "a shipment emptying the stock": ((110_000, 260_300, 236_666_667), "shipment", -110_000, None, None),
    "a shipment short": ((10_000, 23_700, 236_666_667), "shipment", -40_000, None, None),
    "a transfer's leg into stock": ((10_000, 20_000, 200_000_000), "transfer_in", 30_000, None, -100_001),
    "a transfer's leg into no stock": ((0, 0, 200_000_000), "transfer_in", 30_000, None, -100_001),
    "a transfer's leg into stock short": ((-10_000, -20_000, 200_000_000), "transfer_in", 30_000, None, -100_001),
    "a transfer's leg filling stock short": ((-30_000, -60_000, 200_000_000), "transfer_in", 30_000, None, -100_001),
    "a transfer's leg into stock short, still short": ((-70_000, -1, 200_000_000), "transfer_in", 30_000, 5, -100_001),
    "a reversal to zero": ((40_000, 90_000, 225_000_000), "reversal", -40_000, None, 80_000),
    "a reversal": ((40_000, 90_000, 225_000_000), "reversal", -10_000, None, 20_001),
    "a reversal leaving value against stock": ((10_000, 0, 100_000_000), "reversal", 10_000, None, 30_000),
    "a reversal to an average on a half": ((200_010_000, 6, 0), "reversal", -10_000, None, 5),
    "a reversal to a negative average on a half": ((-200_010_000, -6, 0), "reversal", 10_000, None, -5),
    "a receipt to a negative average on a half": ((10_000, -200_001, 0), "receipt", 199_990_000, 1, None),
    "nothing moved": ((10_000, 20_000, 200_000_000), "count_adjustment", 0, None, None),
}


@pytest.mark.parametrize("places", [0, 2, 4])
@pytest.mark.parametrize("case", list(BRANCHES), ids=list(BRANCHES))
def test_each_rule_gives_the_decimal_rules_integers(case, places):
    (q, v, a), kind, qty, cost, exact = BRANCHES[case]
    step = 10 ** (4 - places)  # a position's value is money of the currency's places
    v = v // step * step
    moved, after = valuation.value_scaled((q, v, a), kind, qty, cost, exact, places)
    reference = valuation.value(Position(dec(q, 4), dec(v, 4), dec(a, 8)), kind, dec(qty, 4), dec(cost, 8),
                                dec(exact, 4), places)
    assert (moved, after) == (reference.value.scaleb(4), ints(reference.after))


# (position, qty, span: the positions before and after the original) of a reversal taking goods out, scaled
SPANS = {
    "where its original left the pair": ((20_000, 20_100, 100_500_000), -10_000,
                                         ((10_000, 10_100, 100_500_000), (20_000, 20_100, 100_500_000))),
    "after stock moved": ((15_000, 450_000, 300_000_000), -10_000,
                          ((10_000, 100_000, 100_000_000), (20_000, 600_000, 300_000_000))),
    "original unknown": ((15_000, 450_000, 300_000_000), -10_000, None),
    "worth less than its share at the average": ((10_000, 100, 50_000_000), -5_000, None),
    "worth less than nothing": ((10_000, -100, 50_000_000), -5_000, None),
    "into stock short": ((50_000, 150_000, 300_000_000), -150_000, None),
    "emptying the pair": ((50_000, 150_001, 300_000_000), -50_000, None),
}


@pytest.mark.parametrize("places", [0, 2, 4])
@pytest.mark.parametrize("case", list(SPANS), ids=list(SPANS))
def test_a_reversal_taking_goods_out_gives_the_decimal_rules_integers(case, places):
    (q, v, a), qty, span = SPANS[case]
    step = 10 ** (4 - places)
    v = v // step * step
    if span is not None:
        span = tuple((sq, sv // step * step, sa) for sq, sv, sa in span)
        if case == "where its original left the pair":
            span = (span[0], (q, v, a))
    moved, after = valuation.value_scaled((q, v, a), "reversal", qty, None, None, places, span)
    reference = valuation.value(Position(dec(q, 4), dec(v, 4), dec(a, 8)), "reversal", dec(qty, 4), None, None,
                                places, span and tuple(Position(dec(x, 4), dec(y, 4), dec(z, 8)) for x, y, z in span))
    assert (moved, after) == (reference.value.scaleb(4), ints(reference.after))
    assert after[0] <= 0 or after[1] >= min(v, 0)  # stock left on hand: never more taken than it was worth


def test_a_quotient_just_below_a_half_rounds_as_decimal_rounds_it_not_as_the_exact_quotient_would():
    # V / N lies 1 / (2·10**8·N) below a half of 10**-8: Decimal rounds the quotient to 28 digits first, which
    # makes it exactly the half, and then rounds up; the exact quotient rounds down.
    n = 10 ** 24 + 7
    modulus = 2 * 10 ** 8
    k = pow(n, -1, modulus)
    v = (k * n - 1) // modulus
    assert (k * n - 1) % modulus == 0
    exact_half_up = (v * 10 ** 8 * 2 + n) // (2 * n)
    by_decimal = int((Decimal(v) / Decimal(n)).quantize(Decimal("1E-8"), "ROUND_HALF_UP").scaleb(8))
    assert by_decimal == exact_half_up + 1  # the case is real
    position = (n - 10_000, 0, 0)
    moved, after = valuation.value_scaled(position, "transfer_in", 10_000, None, -v, 2)
    reference = valuation.value(Position(dec(n - 10_000, 4), Decimal(0), Decimal(0)), "transfer_in",
                                Decimal(1), None, dec(-v, 4), 2)
    assert after == ints(reference.after) and after[2] == by_decimal
    assert moved == reference.value.scaleb(4)


@pytest.mark.parametrize("places", [0, 1, 2, 3, 4])
def test_money_rounds_half_away_from_zero_as_decimal_does(places):
    # 3 × 0.5·10**-places exactly: a tie, up for a receipt, down (away from zero) for a shipment
    half = 5 * 10 ** (7 - places)  # a cost of half the currency's last place, × 10**8
    receipt = valuation.value_scaled((10_000, 10_000, 10 ** 8), "receipt", 30_000, half, None, places)
    shipment = valuation.value_scaled((40_000, 40_000, half), "shipment", -30_000, None, None, places)
    for (moved, after), (kind, qty, pos, cost) in zip(
            [receipt, shipment],
            [("receipt", 3, Position(Decimal(1), Decimal(1), Decimal(1)), dec(half, 8)),
             ("shipment", -3, Position(Decimal(4), Decimal(4), dec(half, 8)), None)], strict=True):
        reference = valuation.value(pos, kind, Decimal(qty), cost, None, places)
        assert moved == reference.value.scaleb(4) and after == ints(reference.after)
    assert abs(receipt[0]) == abs(shipment[0]) == 10 ** (4 - places) * 2  # 1.5 → 2 units of the last place


def test_currency_places_beyond_the_stored_four_are_left_to_decimal():
    with pytest.raises(NotScaled):
        list(valuation.replay_scaled({("p", "w"): (0, 0, 0)}, [("m", "receipt", "p", "w", 1, 1, None, None, 0)],
                                     places=5, value_before=int, out_value_before=int, span_before=int,
                                     back_before=int))
