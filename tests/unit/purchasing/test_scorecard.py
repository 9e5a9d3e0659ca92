"""A supplier's scorecard on facts built by hand (no database): over-delivery does not hide a short line, a receipt
without a promised date is not judged on time, a change of currency compares prices in the latest one."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.purchasing.scorecard import PoLineFact
from domain.purchasing.scorecard import ReceiptFact
from domain.purchasing.scorecard import ScorecardFacts
from domain.purchasing.scorecard import SupplierFact
from domain.purchasing.scorecard import check_period
from domain.purchasing.scorecard import scorecards

D = Decimal
NB = SupplierFact("nb", "NB", "Ningbo", "USD", 10)


def line(po: str, product: str, ordered: str, received: str, price: str = "1", currency: str = "USD",
         state: str = "received", issued: date = date(2026, 3, 1), expected: date | None = date(2026, 3, 10)):
    return PoLineFact("nb", po, state, datetime(issued.year, issued.month, issued.day, 9, tzinfo=UTC), expected,
                      product, product.upper(), D(ordered), D(received), D(price), currency)


def facts(lines=(), receipts=()) -> ScorecardFacts:
    return ScorecardFacts(date(2026, 1, 1), date(2026, 6, 30), (NB,), tuple(lines), tuple(receipts), ())


def test_an_over_delivered_line_does_not_hide_a_short_one():
    [card] = scorecards(facts([line("PO-1", "a", "100", "130"), line("PO-1", "b", "100", "70")]))
    assert (card.ordered, card.filled, card.short_lines, card.fill_rate) == (D(200), D(170), 1, D("0.85"))


def test_an_open_po_counts_only_once_past_its_promise():
    [card] = scorecards(facts([line("PO-1", "a", "10", "0", state="issued", expected=date(2026, 7, 5)),
                               line("PO-2", "a", "10", "4", state="partly_received", expected=date(2026, 6, 1))]))
    assert (card.lines_due, card.ordered, card.filled) == (1, D(10), D(4))


def test_a_receipt_without_a_promised_date_is_not_judged():
    at = datetime(2026, 3, 20, 9, tzinfo=UTC)
    receipt = ReceiptFact("nb", "PO-1", datetime(2026, 3, 1, 9, tzinfo=UTC), None, "a", at, at.date(), D(1), D(1))
    [card] = scorecards(facts(receipts=[receipt]))
    assert (card.receipts, card.on_time_rate) == (0, None)
    assert (card.lead_time.source, card.lead_time.days) == ("terms", 10.0)  # one observation is not enough


def test_prices_are_compared_in_the_latest_currency():
    [card] = scorecards(facts([line("PO-1", "a", "1", "1", "7.00", "CNY", issued=date(2026, 2, 1)),
                               line("PO-2", "a", "1", "1", "1.00", issued=date(2026, 3, 1)),
                               line("PO-3", "a", "1", "1", "1.10", issued=date(2026, 4, 1))]))
    [trend] = card.prices
    assert (trend.currency, trend.first, trend.last, trend.change) == ("USD", D("1.00"), D("1.10"), D("0.1"))


def test_a_period_that_ends_before_it_starts_is_refused_and_the_default_is_a_year():
    assert check_period(None, None, date(2026, 12, 6)) == (date(2025, 12, 7), date(2026, 12, 6))
    with pytest.raises(BadInput) as exc:
        check_period(date(2026, 7, 1), date(2026, 6, 1), date(2026, 12, 6))
    assert exc.value.field == "--from"
