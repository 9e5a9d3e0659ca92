"""库龄 (stock ageing): the stock on hand on a day, split by how long ago it came in, first in, first out.

Issues take the oldest stock first, so what is left on a day is always the newest stock that came in: the
inflows taken from the latest back until they cover the quantity on hand (the last one taken in part). ``fifo``
walks a ledger forward (each inflow a layer, each issue eating the oldest layers) and ``covering`` walks the
inflows backward from the quantity on hand; the two give the same layers (a property test checks it), so the report
needs only the inflows, not every issue. A report does ``covering``'s walk for all its products at once
(``ageing_columns``: numpy on the read's columns of stored integers); ``ageing_rows`` here does the same one stock at
a time from ``StockLayers`` (the tests compare the two).

What counts as an inflow: every movement that brought stock in (a receipt, a customer's return, a gain on a count
or an adjustment, a transfer in) and was not reversed. A reversed receipt is left out (the goods never came); a
reversed issue is left out too, so the goods that came back count in the layer they left from. Transfers: over
all warehouses (a report by product or category without a warehouse filter) a transfer's two legs are left out,
so stock keeps the age it had in the warehouse it came from; per warehouse (by warehouse, or with a warehouse
filter) a transfer in is a layer of its own, dated the day of the transfer.

Value: each band is valued at the product's average cost on the day (the stock's value ÷ its quantity, as the
ledger keeps it), so the bands add up to the stock's value to the cent (the last band holds the rounding). Per
category or warehouse, each band's value is the exact sum of its stocks' shares (value × the band's quantity ÷ the
stock) rounded once. Stock no inflow explains (a ledger that starts with stock) counts in the oldest band.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Iterable
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from fractions import Fraction
from operator import itemgetter
from typing import NamedTuple

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import ascii_number
from domain.reports.model import NOTHING
from domain.reports.model import Amount

DEFAULT_BANDS = (30, 60, 90, 180, 365)
_QTY_OF, _VALUE_OF = itemgetter(0), itemgetter(1)
CENT = Decimal("0.01")
TENTH = Decimal("0.1")


class AgeingBy(enum.StrEnum):
    PRODUCT = "product"
    CATEGORY = "category"
    WAREHOUSE = "warehouse"


class Layer(NamedTuple):
    """Stock that came in on ``day`` and is still there: ``qty`` of it."""

    day: date
    qty: Decimal


def parse_bands(text: str | None) -> tuple[int, ...]:
    """The bands' upper bounds in days from "30,60,90,180,365" (rising whole numbers, at least one; "/" and "，"
    separate them too, as the receivables' bands are typed: "30/60/90").

    Raises:
        BadInput ``--bands`` (the option; the Reports screen's Bands field): ``report_bands_not_days`` for a part
            that is not a whole number, ``report_bands_not_rising`` for bands that do not rise from 1 day on.
    """
    if text is None or not text.strip():
        return DEFAULT_BANDS
    try:
        bounds = tuple(int(ascii_number(part)) for part in text.replace("/", ",").replace("，", ",").split(","))
    except ValueError:
        raise BadInput("--bands", f"{text!r} is not a list of days; give whole days, rising, separated by commas "
                                  f"or /, such as 30,60,90,180,365 or 30/60/90",
                       code="report_bands_not_days", values=(repr(text),)) from None
    if any(b < 1 for b in bounds) or any(b >= c for b, c in zip(bounds, bounds[1:], strict=False)):
        raise BadInput("--bands", f"{text!r} is not a list of rising days of 1 or more; give whole days, rising, "
                                  f"separated by commas or /, such as 30,60,90,180,365 or 30/60/90",
                       code="report_bands_not_rising", values=(repr(text),))
    return bounds


def band_names(bounds: Sequence[int]) -> list[str]:
    """ "0–30", "31–60", …, "> 365"."""
    names, low = [], 0
    for b in bounds:
        names.append(f"{low}–{b}")
        low = b + 1
    names.append(f"> {bounds[-1]}")
    return names


def band_of(age_days: int, bounds: Sequence[int]) -> int:
    for i, b in enumerate(bounds):
        if age_days <= b:
            return i
    return len(bounds)


def fifo(moves: Iterable[tuple[date, Decimal]]) -> list[Layer]:
    """The layers left after ``moves`` (day, signed quantity; in the ledger's order): an inflow adds a layer, an
    issue takes the oldest layers first. An issue beyond the stock empties the layers (what is below zero has no
    age)."""
    layers: list[list] = []
    first = 0
    for day, qty in moves:
        if qty > ZERO:
            layers.append([day, qty])
            continue
        left = -qty
        while left > ZERO and first < len(layers):
            layer = layers[first]
            took = min(layer[1], left)
            layer[1] -= took
            left -= took
            if layer[1] == ZERO:
                first += 1
    return [Layer(d, q) for d, q in layers[first:] if q > ZERO]


def covering(on_hand: Decimal, inflows_newest_first: Iterable[tuple[date, Decimal]], oldest: date | None = None
             ) -> list[Layer]:
    """The layers of ``on_hand``: the newest inflows that cover it (the last in part), oldest first; what no
    inflow covers is a layer dated ``oldest`` (or the oldest inflow's day, or 1 January of year 1)."""
    layers: list[Layer] = []
    left = on_hand
    last_day = oldest
    for day, qty in inflows_newest_first:
        if left <= ZERO:
            break
        took = min(qty, left)
        layers.append(Layer(day, took))
        left -= took
        last_day = day
    if left > ZERO:
        layers.append(Layer(oldest or last_day or date(1, 1, 1), left))
    layers.reverse()
    return layers


class AgeingRow(NamedTuple):
    """A line of the report: the stock on hand, its value and each band's quantity and value (a NamedTuple: a
    report by product makes 100,000 of them, in a fifth of the time of a frozen dataclass)."""

    key: str  # SKU, category or warehouse code
    name: str
    warehouse: str  # the warehouse's code for a row per product × warehouse, else ""
    on_hand: Decimal
    value: Decimal
    bands: tuple[Amount, ...]
    average_age: Decimal | None  # days, weighted by quantity
    oldest: date | None  # the day the oldest stock on hand came in
    qty_days: Decimal = ZERO  # the quantity × its age, summed (what the average age of a sum is made from)


class StockLayers(NamedTuple):
    """What the read hands per product (× warehouse): its stock on the day, valued, and its layers."""

    product_id: str
    warehouse: str
    sku: str
    name: str
    category: str
    on_hand: Decimal
    value: Decimal
    layers: list[Layer]  # oldest first; (day, qty) pairs: ``Layer``s or plain tuples


class _Days(dict):
    """Each day's band and age (in days, 0 for a day after ``as_of``) as of ``as_of``, worked out the first time the
    day is met: a report meets the same few hundred days in hundreds of thousands of layers."""

    def __init__(self, as_of: date, bounds: Sequence[int]) -> None:
        super().__init__()
        self.today = as_of.toordinal()
        self.bounds = bounds

    def __missing__(self, day: date) -> tuple[int, int]:
        age = self.today - day.toordinal()
        if age < 0:
            age = 0
        found = self[day] = (bisect_left(self.bounds, age), age)
        return found


def age_row(stock: StockLayers, as_of: date, bounds: Sequence[int], days: _Days | None = None) -> AgeingRow:
    """One product's (× warehouse's) bands: quantity from its layers, value at its average cost (a NamedTuple per
    band; run 100,000 times for a report by product, so kept lean: each day's band and age looked up in ``days``,
    shared by the rows of a report, an empty band the one shared nothing)."""
    if days is None:
        days = _Days(as_of, bounds)
    n = len(bounds) + 1
    qtys = [ZERO] * n
    weighted = ZERO
    for day, qty in stock.layers:
        i, age = days[day]
        qtys[i] += qty
        weighted += qty * age
    held = [i for i, q in enumerate(qtys) if q]
    bands = [NOTHING] * n
    if held:
        given = ZERO
        value, on_hand = stock.value, stock.on_hand
        for i in held[:-1]:
            v = (value * qtys[i] / on_hand).quantize(CENT, ROUND_HALF_UP)
            bands[i] = Amount(qtys[i], v)
            given += v
        last = held[-1]
        bands[last] = Amount(qtys[last], value - given)  # the last band holds the rounding
    else:
        bands[-1] = Amount(ZERO, stock.value)
    average = (weighted / stock.on_hand).quantize(TENTH, ROUND_HALF_UP) if stock.on_hand > ZERO else None
    oldest = stock.layers[0][0] if stock.layers else None
    return AgeingRow(stock.sku, stock.name, stock.warehouse, stock.on_hand, stock.value, tuple(bands), average,
                     oldest, weighted)


def ageing_rows(stocks: Iterable[StockLayers], as_of: date, bounds: Sequence[int], by: AgeingBy
                ) -> list[AgeingRow]:
    """The report's rows: per product (× warehouse where the read kept them apart), per category or per warehouse,
    in key order. Only stock on hand above zero is aged."""
    held = [s for s in stocks if s.on_hand > ZERO]
    if by == AgeingBy.PRODUCT:
        days = _Days(as_of, bounds)
        rows = [age_row(s, as_of, bounds, days) for s in held]
        return sorted(rows, key=lambda r: (r.key, r.warehouse))
    key_of = {AgeingBy.CATEGORY: lambda s: s.category, AgeingBy.WAREHOUSE: lambda s: s.warehouse}[by]
    return _group_rows(held, as_of, bounds, key_of)


def _group_rows(held: list[StockLayers], as_of: date, bounds: Sequence[int], key_of) -> list[AgeingRow]:
    """Per category or warehouse, straight from the layers (no row per product: a report by warehouse over 100,000
    products × 3 warehouses would make 300,000): each layer valued at its stock's average cost exactly (fractions), each
    band rounded once per group, the last band holding the rounding, so a group's bands add up to its value."""
    n = len(bounds) + 1
    days = _Days(as_of, bounds)
    groups: dict[str, list] = {}
    for s in held:
        key = key_of(s) or ""
        g = groups.get(key)
        if g is None:
            g = groups[key] = [[ZERO] * n, [Fraction(0)] * n, ZERO, ZERO, ZERO, None]
        qtys, values = g[0], g[1]
        cost = Fraction(s.value) / Fraction(s.on_hand)
        weighted = ZERO
        for day, qty in s.layers:
            i, age = days[day]
            qtys[i] += qty
            values[i] += cost * Fraction(qty)
            weighted += qty * age
        g[2] += s.on_hand
        g[3] += s.value
        g[4] += weighted
        if s.layers and (g[5] is None or s.layers[0][0] < g[5]):
            g[5] = s.layers[0][0]
    rows = []
    for key, (qtys, exact, on_hand, value, weighted, oldest) in sorted(groups.items()):
        held_bands = [i for i, q in enumerate(qtys) if q]
        values = [ZERO] * n
        given = ZERO
        for i in held_bands[:-1]:
            values[i] = cents(exact[i] * 100)
            given += values[i]
        values[held_bands[-1] if held_bands else -1] = value - given
        average = (weighted / on_hand).quantize(TENTH, ROUND_HALF_UP)
        rows.append(AgeingRow(key, "", "", on_hand, value, tuple(map(Amount, qtys, values)), average, oldest,
                              weighted))
    return rows


def _sum_rows(key: str, rows: list[AgeingRow]) -> AgeingRow:
    on_hand = sum((r.on_hand for r in rows), ZERO)
    value = sum((r.value for r in rows), ZERO)
    # each band's quantities and values summed as Decimals (not ``Amount.__add__`` per row: 600,000 calls), the
    # empty bands (the one ``NOTHING``, whose zeros change no sum) left out
    held = ([b for b in band if b is not NOTHING] for band in zip(*(r.bands for r in rows), strict=True))
    bands = tuple(Amount(sum(map(_QTY_OF, band), ZERO), sum(map(_VALUE_OF, band), ZERO)) for band in held)
    weighted = sum((r.qty_days for r in rows), ZERO)
    average = (weighted / on_hand).quantize(TENTH, ROUND_HALF_UP) if on_hand > ZERO else None
    oldest = min((r.oldest for r in rows if r.oldest is not None), default=None)
    return AgeingRow(key, "", "", on_hand, value, bands, average, oldest, weighted)


def ageing_total(rows: Sequence[AgeingRow], band_count: int) -> AgeingRow:
    """The total line (its average age weighted by quantity)."""
    if not rows:
        return AgeingRow("", "", "", ZERO, ZERO, tuple(Amount() for _ in range(band_count)), None, None)
    return _sum_rows("", list(rows))


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (denominator above zero) rounded to a whole number, halves away from zero."""
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


def cents(exact: Fraction) -> Decimal:
    """An exact number of cents as an amount rounded to the cent, half away from zero (as ``quantize(CENT,
    ROUND_HALF_UP)`` rounds a Decimal)."""
    return Decimal(half_up(exact.numerator, exact.denominator)).scaleb(-2)
