"""库龄: the layers first in, first out, the bands and their values, against ledgers worked by hand."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.kernel.errors import BadInput
from domain.reports.ageing import AgeingBy
from domain.reports.ageing import Layer
from domain.reports.ageing import StockLayers
from domain.reports.ageing import ageing_rows
from domain.reports.ageing import ageing_total
from domain.reports.ageing import band_names
from domain.reports.ageing import band_of
from domain.reports.ageing import covering
from domain.reports.ageing import fifo
from domain.reports.ageing import parse_bands
from domain.reports.ageing_columns import StockInflows
from domain.reports.ageing_columns import ageing_rows_of
from domain.reports.ageing_columns import stock_layers
from domain.reports.model import Amount

D = Decimal
AS_OF = date(2026, 6, 30)
BANDS = (30, 60, 90, 180, 365)

# A: 10 in on 1 Jan, 5 in on 1 Feb, 12 out on 1 Mar (the 10 of January and 2 of February), 4 in on 1 Jun.
LEDGER_A = [(date(2026, 1, 1), D(10)), (date(2026, 2, 1), D(5)), (date(2026, 3, 1), D(-12)),
            (date(2026, 6, 1), D(4))]
# B went to zero and back: 5 in and out in 2025, then 8 in on 15 May 2026 and 2 out on 20 June.
LEDGER_B = [(date(2025, 1, 10), D(5)), (date(2025, 3, 1), D(-5)), (date(2026, 5, 15), D(8)),
            (date(2026, 6, 20), D(-2))]


def _inflows_newest_first(ledger):
    return [(d, q) for d, q in reversed(ledger) if q > 0]


def test_fifo_takes_the_oldest_first():
    assert fifo(LEDGER_A) == [Layer(date(2026, 2, 1), D(3)), Layer(date(2026, 6, 1), D(4))]


def test_a_product_that_went_to_zero_and_back_ages_from_its_new_stock():
    assert fifo(LEDGER_B) == [Layer(date(2026, 5, 15), D(6))]


@pytest.mark.parametrize("ledger", [LEDGER_A, LEDGER_B])
def test_covering_from_the_newest_inflows_gives_the_same_layers(ledger):
    on_hand = sum(q for _, q in ledger)
    assert covering(on_hand, _inflows_newest_first(ledger)) == fifo(ledger)


def test_stock_no_inflow_explains_is_the_oldest():
    assert covering(D(5), [(date(2026, 6, 1), D(2))]) == [Layer(date(2026, 6, 1), D(3)), Layer(date(2026, 6, 1), D(2))]
    assert covering(D(5), [], oldest=date(2020, 1, 1)) == [Layer(date(2020, 1, 1), D(5))]


def test_bands():
    assert band_names(BANDS) == ["0–30", "31–60", "61–90", "91–180", "181–365", "> 365"]
    assert [band_of(a, BANDS) for a in (0, 30, 31, 90, 91, 365, 366)] == [0, 0, 1, 2, 3, 4, 5]
    assert parse_bands(None) == BANDS
    assert parse_bands("7,14") == (7, 14)
    for bad in ("30,x", "60,30", "0,30", "30,30"):
        with pytest.raises(BadInput, match="--bands"):
            parse_bands(bad)


def _stocks():
    a = StockLayers("a", "", "A-1", "Apple", "Fruit", D(7), D("70.00"), fifo(LEDGER_A))
    # B: 6 worth 20.00 (a cost of 3.3333…: the band's value is what is left of it, to the cent)
    b = StockLayers("b", "", "B-1", "Banana", "Fruit", D(6), D("20.00"), fifo(LEDGER_B))
    c = StockLayers("c", "", "C-1", "Carrot", "Veg", D(0), D(0), [])
    return [a, b, c]


def test_rows_by_product_hand_computed():
    rows = ageing_rows(_stocks(), AS_OF, BANDS, AgeingBy.PRODUCT)
    assert [r.key for r in rows] == ["A-1", "B-1"]  # nothing on hand: no line
    a, b = rows
    # A: 3 from 1 Feb (149 days: 91–180) at 10.00, 4 from 1 Jun (29 days: 0–30)
    assert a.bands == (Amount(D(4), D("40.00")), Amount(), Amount(), Amount(D(3), D("30.00")), Amount(), Amount())
    assert a.average_age == D("80.4")  # (3 × 149 + 4 × 29) / 7
    assert a.oldest == date(2026, 2, 1)
    # B: 6 from 15 May, 46 days: 31–60, its whole value
    assert b.bands[1] == Amount(D(6), D("20.00"))
    assert b.average_age == D("46.0")


def test_rows_by_category_and_total_add_up():
    rows = ageing_rows(_stocks(), AS_OF, BANDS, AgeingBy.CATEGORY)
    assert [r.key for r in rows] == ["Fruit"]
    fruit = rows[0]
    assert fruit.on_hand == D(13) and fruit.value == D("90.00")
    assert sum((b.qty for b in fruit.bands), D(0)) == fruit.on_hand
    assert sum((b.value for b in fruit.bands), D(0)) == fruit.value
    total = ageing_total(rows, len(BANDS) + 1)
    assert total.value == D("90.00") and total.bands == fruit.bands


def test_values_add_up_to_the_stock_value_to_the_cent():
    s = StockLayers("x", "", "X", "x", "", D(3), D("10.00"),
                    [Layer(date(2026, 1, 1), D(1)), Layer(date(2026, 5, 1), D(1)), Layer(date(2026, 6, 29), D(1))])
    row = ageing_rows([s], AS_OF, BANDS, AgeingBy.PRODUCT)[0]
    assert [b.value for b in row.bands if b.qty] == [D("3.33"), D("3.33"), D("3.34")]


_moves = st.lists(st.tuples(st.integers(0, 400), st.integers(-30, 40)), max_size=40)


@given(_moves)
def test_covering_the_on_hand_by_the_newest_inflows_is_fifo(steps):
    """Whatever the ledger (issues never beyond the stock), the newest inflows covering what is on hand are the
    layers first in, first out leaves."""
    day, on_hand, ledger = date(2025, 1, 1), 0, []
    for gap, qty in steps:
        day += timedelta(days=gap % 5)
        qty = max(qty, -on_hand)
        if qty:
            ledger.append((day, D(qty)))
            on_hand += qty
    assert covering(D(on_hand), _inflows_newest_first(ledger)) == fifo(ledger)
    row = ageing_rows([StockLayers("p", "", "P", "", "", D(on_hand), D(on_hand) * D("1.37"), fifo(ledger))],
                      day, BANDS, AgeingBy.PRODUCT)
    if on_hand:
        assert sum((b.qty for b in row[0].bands), D(0)) == on_hand
        assert sum((b.value for b in row[0].bands), D(0)) == D(on_hand) * D("1.37")


def _columns(stocks, inflows, oldest=date(2026, 1, 1)):
    """``StockInflows`` from (sku, category, on hand, value) and (stock's index, day, qty), in units of 1E-4."""
    def ints(values):
        return np.array(values, dtype=np.int64)

    unit = D(1).scaleb(-4)
    return StockInflows([s for s, *_ in stocks], [""] * len(stocks), [s for s, *_ in stocks], [""] * len(stocks),
                        [c for _, c, *_ in stocks], ints([int(q / unit) for _, _, q, _ in stocks]),
                        ints([int(v / unit) for *_, v in stocks]), ints([k for k, _, _ in inflows]),
                        ints([d.toordinal() for _, d, _ in inflows]), ints([d.toordinal() for _, d, _ in inflows]),
                        ints([int(q / unit) for *_, q in inflows]), oldest.toordinal(), unit, unit)


def test_rows_from_columns_hand_computed():
    stock = _columns([("A-1", "Fruit", D(7), D("70.00")), ("B-1", "Fruit", D(6), D("20.00"))],
                     [(0, date(2026, 1, 1), D(10)), (0, date(2026, 2, 1), D(5)), (0, date(2026, 6, 1), D(4)),
                      (1, date(2025, 1, 10), D(5)), (1, date(2026, 5, 15), D(8))])
    a, b = ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.PRODUCT)
    assert a.bands == (Amount(D(4), D("40.00")), Amount(), Amount(), Amount(D(3), D("30.00")), Amount(), Amount())
    assert a.average_age == D("80.4") and a.oldest == date(2026, 2, 1)
    assert b.bands[1] == Amount(D(6), D("20.00")) and b.average_age == D("46.0")
    fruit, = ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.CATEGORY)
    assert fruit.on_hand == D(13) and fruit.value == D("90.00")
    assert fruit == ageing_rows(stock_layers(stock), AS_OF, BANDS, AgeingBy.CATEGORY)[0]


def test_stock_no_inflow_explains_is_as_old_as_the_ledger():
    stock = _columns([("X", "", D(5), D("5.00"))], [(0, date(2026, 6, 1), D(2))], oldest=date(2025, 1, 1))
    row, = ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.PRODUCT)
    assert row.oldest == date(2025, 1, 1)
    assert [b.qty for b in row.bands] == [D(2), D(0), D(0), D(0), D(0), D(3)]


def test_a_group_band_on_a_half_cent_is_rounded_up_exactly():
    """Two stocks of 3 each held 1 in 0–30 days and 2 in 31–60: 1.00 ÷ 3 + 0.035 ÷ 3 = 0.345 exactly in the first
    band, a half cent (the sum of average costs rounded to 28 digits would land either side of it)."""
    stock = _columns([("P", "C", D(3), D("1.00")), ("Q", "C", D(3), D("0.035"))],
                     [(0, date(2026, 6, 20), D(1)), (0, date(2026, 5, 20), D(2)),
                      (1, date(2026, 6, 20), D(1)), (1, date(2026, 5, 20), D(2))])
    group, = ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.CATEGORY)
    assert group.bands[0] == Amount(D(2), D("0.35"))
    assert group.bands[1].value == D("1.035") - D("0.35")
    assert group == ageing_rows(stock_layers(stock), AS_OF, BANDS, AgeingBy.CATEGORY)[0]


@pytest.mark.parametrize("value", [D("-0.0010"), D("0"), D("123456789012345.6789"), D("-98765432109876.5432")])
def test_rows_from_columns_equal_the_rows_stock_by_stock_whatever_the_value(value):
    """A negative value whose first band rounds to nothing (-0.00, as Decimal's quantize has it), nothing, and values
    too large for the int64 roundings (the Decimal way then, and Python integers for a group's bands): the same rows
    as ``ageing_rows`` makes."""
    stock = _columns([("V", "C", D(3), value)],
                     [(0, date(2026, 6, 20), D(1)), (0, date(2026, 5, 20), D(1)), (0, date(2025, 5, 20), D(1))])
    assert ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.PRODUCT) == \
        ageing_rows(stock_layers(stock), AS_OF, BANDS, AgeingBy.PRODUCT)
    assert [str(b.value) for b in ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.PRODUCT)[0].bands] == \
        [str(b.value) for b in ageing_rows(stock_layers(stock), AS_OF, BANDS, AgeingBy.PRODUCT)[0].bands]
    assert ageing_rows_of(stock, AS_OF, BANDS, AgeingBy.CATEGORY) == \
        ageing_rows(stock_layers(stock), AS_OF, BANDS, AgeingBy.CATEGORY)


def test_bands_refused_with_a_code_saying_what_would_be_accepted():
    """The stock ageing's --bands (the Reports screen's Bands field) refused in English only, without a code."""
    assert parse_bands("30/60/90") == parse_bands("30，60，90") == (30, 60, 90)  # as the receivables' are typed
    for bad, code in (("30,x", "report_bands_not_days"), ("60,30", "report_bands_not_rising"),
                      ("0,30", "report_bands_not_rising")):
        with pytest.raises(BadInput) as refused:
            parse_bands(bad)
        assert (refused.value.field, refused.value.code, refused.value.values) == ("--bands", code, (repr(bad),))
        assert "such as 30,60,90,180,365 or 30/60/90" in refused.value.problem
