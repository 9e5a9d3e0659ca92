"""库龄 for a whole report at once: ``domain.reports.ageing``'s covering, bands and values for every product (×
warehouse) together, with numpy on columns of stored integers (``StockInflows``, which
``persistence.reports.queries.ageing_stock`` reads).

On the 100,000-product benchmark the stock on hand spans nearly every receipt (465,000 layers), so the work per
inflow and per layer is what counts: the inflows are sorted by key and newest first, each taken while a running sum
is below its key's stock (the last in part), what no inflow explains is dated the ledger's first day, the layers are
banded and summed per key and band, and Decimals are made only per key and band held. ``ageing_rows_of`` gives the
rows ``ageing.ageing_rows`` gives from the same layers one stock at a time (the tests compare the two); see
``tests/benchmarks/RESULTS-reports.md``. Kept apart from ``ageing`` so that importing the reports does not import
numpy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from fractions import Fraction

import numpy as np

from domain.kernel.numbers import ZERO
from domain.reports.ageing import CENT
from domain.reports.ageing import TENTH
from domain.reports.ageing import AgeingBy
from domain.reports.ageing import AgeingRow
from domain.reports.ageing import Layer
from domain.reports.ageing import StockLayers
from domain.reports.ageing import cents
from domain.reports.ageing import half_up
from domain.reports.model import NOTHING
from domain.reports.model import Amount


@dataclass(frozen=True)
class StockInflows:
    """What the read hands for a whole report, as columns of stored integers (numpy ``int64`` arrays): each key
    (a product, or a product × warehouse) with stock on the day, in the report's order (SKU, then warehouse code),
    and every inflow of those keys up to the day (in any order; a key's newest are taken first).

    Quantities and values are the ledger's stored integers (times ``qty_unit`` and ``money_unit``); days are
    ``date.toordinal`` numbers. Stock no inflow explains is dated ``oldest_day`` (the ledger's first day)."""

    product_id: list[str]
    warehouse: list[str]  # the warehouse's code per key ("" over every warehouse)
    sku: list[str]
    name: list[str]
    category: list[str]
    on_hand: np.ndarray  # per key, above zero
    value: np.ndarray  # per key
    inflow_key: np.ndarray  # per inflow: the index of its key
    inflow_at: np.ndarray  # per inflow: its instant (only its order counts)
    inflow_day: np.ndarray  # per inflow: its business day
    inflow_qty: np.ndarray  # per inflow: above zero
    oldest_day: int
    qty_unit: Decimal
    money_unit: Decimal

    def __len__(self) -> int:
        return len(self.on_hand)


def _covering_columns(stock: StockInflows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``covering`` for every key at once: the layers as (key, day, quantity) columns, each key's newest inflows
    until its stock is covered (the last one in part), then what no inflow explains, dated ``oldest_day``. Inflows
    at the same instant are the same day, so their order among themselves does not matter."""
    n = len(stock)
    order = np.lexsort((-stock.inflow_at, stock.inflow_key))  # by key, the newest first
    key, qty, day = stock.inflow_key[order], stock.inflow_qty[order], stock.inflow_day[order]
    running = np.concatenate(([0], np.cumsum(qty)))  # the inflow before each row, over all keys; then the total
    keys = np.arange(n)
    first, after = np.searchsorted(key, keys), np.searchsorted(key, keys, side="right")
    need = stock.on_hand
    # what of a key's stock is still to cover when its row comes: its stock less the newer inflows of the key
    take = np.minimum(np.maximum(need[key] - (running[:-1] - running[first][key]), 0), qty)
    kept = take > 0
    left = need - np.minimum(need, running[after] - running[first])
    rest = left > 0
    return (np.concatenate((key[kept], keys[rest])),
            np.concatenate((day[kept], np.full(int(rest.sum()), stock.oldest_day, dtype=np.int64))),
            np.concatenate((take[kept], left[rest])))


def stock_layers(stock: StockInflows) -> list[StockLayers]:
    """Each key's layers as ``StockLayers`` (oldest first), as ``covering`` gives them."""
    key, day, qty = _covering_columns(stock)
    order = np.lexsort((day, key))
    per: list[list] = [[] for _ in range(len(stock))]
    for k, d, q in zip(key[order].tolist(), day[order].tolist(), qty[order].tolist(), strict=True):
        per[k].append(Layer(date.fromordinal(d), Decimal(q) * stock.qty_unit))
    on_hand, value = stock.on_hand.tolist(), stock.value.tolist()
    return [StockLayers(stock.product_id[i], stock.warehouse[i], stock.sku[i], stock.name[i], stock.category[i],
                        Decimal(on_hand[i]) * stock.qty_unit, Decimal(value[i]) * stock.money_unit, per[i])
            for i in range(len(stock))]


def _banded(stock: StockInflows, as_of: date, bounds: Sequence[int]):
    """Per key: the quantity in each band (an n × bands array), the quantity × age summed and the oldest layer's
    day, from ``_covering_columns`` (the age of a layer dated after ``as_of`` is 0)."""
    n, width = len(stock), len(bounds) + 1
    key, day, qty = _covering_columns(stock)
    age = np.maximum(as_of.toordinal() - day, 0)
    band = np.searchsorted(np.asarray(bounds, dtype=np.int64), age, side="left")  # ``band_of``: bisect_left
    qtys = np.zeros(n * width, dtype=np.int64)
    np.add.at(qtys, key * width + band, qty)
    weighted = np.zeros(n, dtype=np.int64)
    np.add.at(weighted, key, qty * age)
    oldest = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(oldest, key, day)
    return qtys.reshape(n, width), weighted, oldest


def ageing_rows_of(stock: StockInflows, as_of: date, bounds: Sequence[int], by: AgeingBy) -> list[AgeingRow]:
    """``ageing_rows`` from the columns of the whole report (``StockInflows``): the same rows, the layers covered
    and banded for every key at once on the stored integers, Decimals made only per key and band held."""
    if not len(stock):
        return []
    qtys, weighted, oldest = _banded(stock, as_of, bounds)
    if by == AgeingBy.PRODUCT:
        return _product_rows_of(stock, qtys, weighted, oldest)
    keys = stock.category if by == AgeingBy.CATEGORY else stock.warehouse
    return _group_rows_of(stock, keys, qtys, weighted, oldest)


class _Scaled(dict):
    """Stored integers as Decimals (times ``unit``), each made the first time it is met: a report meets the same
    few thousand quantities again and again."""

    def __init__(self, unit: Decimal) -> None:
        super().__init__()
        self.unit = unit

    def __missing__(self, stored: int) -> Decimal:
        found = self[stored] = Decimal(stored) * self.unit
        return found


_SMALL = 1 << 61  # products of stored integers below this: exact in int64, with room to double them


def _product_rows_of(stock: StockInflows, qtys, weighted, oldest) -> list[AgeingRow]:
    """What ``age_row`` makes of each key, in the read's order (SKU, then warehouse); run 100,000 times for a report
    by product, so the bands' values and the average ages are rounded with numpy first (``_rounded``)."""
    qty, cent = _Scaled(stock.qty_unit), CENT
    money_unit, tenth = stock.money_unit, TENTH
    new, amount, row = tuple.__new__, Amount, AgeingRow  # NamedTuples made without their Python ``__new__``
    n = qtys.shape[1]
    days: dict[int, date] = {}
    rows = []
    append = rows.append
    sku, name, warehouse = stock.sku, stock.name, stock.warehouse
    rounded = _rounded(stock, qtys, weighted)
    if rounded is None:
        return _product_rows_of_decimals(stock, qtys, weighted, oldest)
    shares, lasts, averages = rounded
    for i, (held, q, v, share, last_value, average, w, o) in enumerate(zip(
            qtys.tolist(), stock.on_hand.tolist(), stock.value.tolist(), shares.tolist(), lasts.tolist(),
            averages.tolist(), weighted.tolist(), oldest.tolist(), strict=True)):
        bands = [NOTHING] * n
        last = n - 1
        while not held[last]:
            last -= 1
        for j in range(last):
            b = held[j]
            if b:
                c = share[j]
                bands[j] = new(amount, (qty[b], Decimal(c) * cent if c or v >= 0 else _NEGATIVE_ZERO))
        # the last band holds the rounding
        bands[last] = new(amount, (qty[held[last]], Decimal(last_value) * money_unit))
        day = days.get(o)
        if day is None:
            day = days[o] = date.fromordinal(o)
        append(new(row, (sku[i], name[i], warehouse[i], qty[q], Decimal(v) * money_unit, tuple(bands),
                         Decimal(average) * tenth, day, Decimal(w) * qty.unit)))
    return rows


_NEGATIVE_ZERO = Decimal("-0.00")  # what quantize makes of a negative share below half a cent


def _rounded(stock: StockInflows, qtys, weighted):
    """``age_row``'s roundings for every key at once on the stored integers, or None when a product of them could
    leave int64: each band's value in cents but the last band's (value × band ÷ stock, half away from zero), what
    the last band keeps in the money's units (the value less the others), and the average age in tenths of a day.

    The same as ``age_row``'s Decimal roundings: a Decimal quotient is rounded to 28 digits before it is rounded to
    the cent or the tenth, which could only turn it into a half or past one if it lay within 1E-28 of it relatively;
    a quotient of stored integers that is not a half lies at least 1 ÷ (stock × 100) from one, which is more while
    the dividend (value × band, or quantity × days) is below 1E23, as it is here (below 2**61)."""
    per_cent = int(CENT / stock.money_unit)
    value, on_hand = stock.value, stock.on_hand
    if len(value) == 0:
        return np.zeros(qtys.shape, dtype=np.int64), value.copy(), weighted.copy()
    if int(np.abs(value).max()) * int(qtys.max()) >= _SMALL or int(weighted.max()) * 10 >= _SMALL \
            or int(on_hand.max()) * per_cent * 2 >= _SMALL:
        return None
    held = qtys > 0
    last = qtys.shape[1] - 1 - np.argmax(held[:, ::-1], axis=1)  # each key's last band held
    share = _half_up_array(value[:, None] * qtys, (on_hand * per_cent)[:, None])
    share[np.arange(len(last)), last] = 0
    share[~held] = 0
    lasts = value - share.sum(axis=1) * per_cent
    return share, lasts, _half_up_array(weighted * 10, on_hand)


def _half_up_array(numerator, denominator):
    """``half_up`` on int64 arrays (the denominators above zero)."""
    up = (2 * np.abs(numerator) + denominator) // (2 * denominator)
    return np.where(numerator < 0, -up, up)


def _product_rows_of_decimals(stock: StockInflows, qtys, weighted, oldest) -> list[AgeingRow]:
    """What ``age_row`` makes of each key, with its Decimal operations (for amounts too large for ``_rounded``)."""
    qty, money_unit = _Scaled(stock.qty_unit), stock.money_unit
    n = qtys.shape[1]
    rows = []
    for i, (held, q, v, w, o) in enumerate(zip(qtys.tolist(), stock.on_hand.tolist(), stock.value.tolist(),
                                               weighted.tolist(), oldest.tolist(), strict=True)):
        on_hand, value = qty[q], Decimal(v) * money_unit
        bands = [NOTHING] * n
        last = n - 1
        while not held[last]:
            last -= 1
        given = ZERO
        for j in range(last):
            if held[j]:
                b = qty[held[j]]
                share = (value * b / on_hand).quantize(CENT, ROUND_HALF_UP)
                bands[j] = Amount(b, share)
                given += share
        bands[last] = Amount(qty[held[last]], value - given)
        days_weighted = Decimal(w) * qty.unit
        rows.append(AgeingRow(stock.sku[i], stock.name[i], stock.warehouse[i], on_hand, value, tuple(bands),
                              (days_weighted / on_hand).quantize(TENTH, ROUND_HALF_UP), date.fromordinal(o),
                              days_weighted))
    return rows


def _group_rows_of(stock: StockInflows, keys: list[str], qtys, weighted, oldest) -> list[AgeingRow]:
    """What ``_group_rows`` makes, per category or warehouse, each band's value exact (``_GroupValues``)."""
    qty_unit, money_unit = stock.qty_unit, stock.money_unit
    n, width = qtys.shape
    names = sorted({k or "" for k in keys})
    index = {k: g for g, k in enumerate(names)}
    group = np.fromiter((index[k or ""] for k in keys), dtype=np.int64, count=n)
    groups = len(names)

    def summed(column):
        return _sum_by(group, groups, column).tolist()

    sums, on_hand, value, days_weighted = summed(qtys), summed(stock.on_hand), summed(stock.value), summed(weighted)
    first = np.full(groups, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, group, oldest)
    values = _GroupValues(group, qtys, stock.on_hand, stock.value, groups, int(CENT / money_unit))
    rows = []
    for g, key in enumerate(names):
        held = sums[g]
        total_qty, total_value = Decimal(on_hand[g]) * qty_unit, Decimal(value[g]) * money_unit
        held_bands = [j for j, b in enumerate(held) if b]
        band_values = [ZERO] * width
        given = ZERO
        for j in held_bands[:-1]:
            band_values[j] = values.cents(g, j)
            given += band_values[j]
        band_values[held_bands[-1] if held_bands else -1] = total_value - given
        w = Decimal(days_weighted[g]) * qty_unit
        rows.append(AgeingRow(key, "", "", total_qty, total_value,
                              tuple(map(Amount, [Decimal(b) * qty_unit if b else ZERO for b in held], band_values)),
                              (w / total_qty).quantize(TENTH, ROUND_HALF_UP), date.fromordinal(int(first[g])), w))
    return rows


def _sum_by(group, groups: int, column):
    """The rows of ``column`` (one per key, a number or a row of them) summed per ``group`` (numpy's ``add.at`` on
    flat indices: on rows of a 2-D array it takes its slow way)."""
    if column.ndim == 1:
        out = np.zeros(groups, dtype=column.dtype)
        np.add.at(out, group, column)
        return out
    width = column.shape[1]
    out = np.zeros(groups * width, dtype=column.dtype)
    np.add.at(out, (group[:, None] * width + np.arange(width)).ravel(), column.ravel())
    return out.reshape(groups, width)


class _GroupValues:
    """The value of each group's band, exact: the sum over its stocks of the stock's value × the band's quantity ÷
    the stock's quantity (each stock at its average cost, unrounded), rounded to the cent once.

    On the stored integers with numpy, while value × quantity stays below 2**62: each stock's share split into its
    whole units (``//``: summed exactly) and the rest over the stock (below one unit: summed as floats, within a
    bound of their count squared × 2**-50); when the cent is the same at both ends of that bound it is the cent,
    otherwise (a half cent within reach) the band's rests are summed again as fractions. With larger amounts, a few
    Python integers per stock (× ``_SCALE``, rounded down), checked the same way."""

    _SCALE = 10**15
    _FINE = 1 << 20  # the float sums' bound is checked in units of 2**-20 of the money's unit

    def __init__(self, group, qtys, on_hand, value, groups: int, per_cent: int) -> None:
        width = qtys.shape[1]
        self.per_cent = per_cent
        self.group, self.qtys, self.on_hand, self.value = group, qtys, on_hand, value
        self.split = len(value) == 0 or int(np.abs(value).max()) * int(qtys.max()) < (1 << 62)
        if self.split:
            share = value[:, None] * qtys
            whole = share // on_hand[:, None]
            rest = share - whole * on_hand[:, None]  # 0 <= rest < the stock
            self.rest = rest
            self.sums = _sum_by(group, groups, whole).tolist()
            self.parts = _sum_by(group, groups, rest / on_hand[:, None]).tolist()
            self.terms = _sum_by(group, groups, (rest > 0).astype(np.int64)).tolist()
            return
        single = (qtys > 0).sum(axis=1) == 1
        whole = np.zeros((groups, width), dtype=np.int64)
        np.add.at(whole, (group[single], qtys[single].argmax(axis=1)), value[single])
        scale = self._SCALE
        self.sums = [[v * scale for v in row] for row in whole.tolist()]
        self.terms = [[0] * width for _ in range(groups)]
        spread = ~single
        for g, held, q, v in zip(group[spread].tolist(), qtys[spread].tolist(), on_hand[spread].tolist(),
                                 value[spread].tolist(), strict=True):
            sums, terms = self.sums[g], self.terms[g]
            for j, b in enumerate(held):
                if b:
                    sums[j] += v * b * scale // q
                    terms[j] += 1

    def cents(self, g: int, band: int) -> Decimal:
        per_cent, terms = self.per_cent, self.terms[g][band]
        if self.split:
            whole = self.sums[g][band]
            if not terms:
                return Decimal(half_up(whole, per_cent)).scaleb(-2)
            fine, part = self._FINE, self.parts[g][band]
            bound = (terms * terms + 1) * 2.0**-50
            low = whole * fine + math.floor((part - bound) * fine)
            high = whole * fine + math.ceil((part + bound) * fine)
            cent = half_up(low, per_cent * fine)
            if cent == half_up(high, per_cent * fine):
                return Decimal(cent).scaleb(-2)
            exact = Fraction(whole)
            for i in np.flatnonzero((self.group == g) & (self.rest[:, band] > 0)).tolist():
                exact += Fraction(int(self.rest[i, band]), int(self.on_hand[i]))
            return cents(exact / per_cent)
        low = self.sums[g][band]
        scale = self._SCALE * per_cent
        cent = half_up(low, scale)
        if cent == half_up(low + terms, scale):
            return Decimal(cent).scaleb(-2)
        exact = Fraction(0)
        for i in np.flatnonzero((self.group == g) & (self.qtys[:, band] > 0)).tolist():
            exact += Fraction(int(self.value[i]) * int(self.qtys[i, band]), int(self.on_hand[i]))
        return cents(exact / per_cent)
