"""The ordering rhythm and the customers slipping away, on facts built by hand (no database)."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from domain.sales.churn import CUT
from domain.sales.churn import LOST
from domain.sales.churn import WAITING
from domain.sales.churn import ChurnFacts
from domain.sales.churn import CustomerFact
from domain.sales.churn import OrderFact
from domain.sales.churn import ShortFact
from domain.sales.churn import at_risk
from domain.sales.churn import reason_text
from domain.sales.churn import rhythms

AS_OF = date(2026, 6, 30)
A, B = CustomerFact("a", "A", "Alpha"), CustomerFact("b", "B", "Beta")


def orders(customer: CustomerFact, *days_and_values: tuple[date, str]) -> list[OrderFact]:
    return [OrderFact(customer.id, f"SO-{d.isoformat()}-{v}", datetime(d.year, d.month, d.day, 12, tzinfo=UTC), d,
                      Decimal(v)) for d, v in days_and_values]


def every(start: date, days: int, count: int, value: str = "100") -> list[tuple[date, str]]:
    return [(start + timedelta(days=days * i), value) for i in range(count)]


def test_orders_of_one_day_are_one_visit_with_their_values_added():
    facts = ChurnFacts(AS_OF, (A,), tuple(orders(A, (date(2026, 1, 1), "50"), (date(2026, 1, 1), "70"),
                                                 (date(2026, 1, 11), "120"), (date(2026, 1, 31), "30"))), ())
    [r] = rhythms(facts)
    assert (r.visits, r.median_days, r.basket) == (3, Decimal(15), Decimal(120))  # gaps 10 and 20; 120, 120, 30


def test_two_visits_are_no_rhythm_and_one_on_time_is_not_at_risk():
    facts = ChurnFacts(AS_OF, (A, B), tuple(orders(A, *every(date(2026, 1, 1), 10, 2))
                                           + orders(B, *every(date(2026, 6, 2), 10, 3))), ())
    assert [r.customer.code for r in rhythms(facts)] == ["B"]  # A ordered twice
    assert at_risk(facts) == []  # B's last visit (22 Jun) is 8 days ago, inside 1.5 × 10


def test_exactly_one_and_a_half_intervals_is_not_yet_overdue():
    start = AS_OF - timedelta(days=15 + 20)
    facts = ChurnFacts(AS_OF, (A,), tuple(orders(A, *every(start, 10, 3))), ())  # last visit 15 days ago
    assert at_risk(facts) == []
    later = ChurnFacts(AS_OF + timedelta(days=1), (A,), facts.orders, ())
    [risk] = at_risk(later)
    assert (risk.days_since, risk.missed, risk.value_at_risk) == (16, 1, Decimal(100))


def test_a_cut_counted_once_and_shortfalls_outside_the_window_left_out():
    last = date(2026, 4, 1)
    shorts = (ShortFact("a", CUT, last, "SO-1", "NUT", Decimal(5)),
              ShortFact("a", LOST, last, "SO-1", "NUT", Decimal(5)),  # the cut's own unfilled-demand record
              ShortFact("a", LOST, last - timedelta(days=10), "", "BOLT", Decimal(2)),
              ShortFact("a", WAITING, last + timedelta(days=5), "SO-2", "SCREW", Decimal(1)),
              ShortFact("a", LOST, last - timedelta(days=61), "", "BOLT", Decimal(2)))  # before the window
    facts = ChurnFacts(AS_OF, (A,), tuple(orders(A, *every(last - timedelta(days=40), 10, 5))), shorts)
    [risk] = at_risk(facts)
    assert (risk.reason.cut, risk.reason.lost, risk.reason.waiting) == (1, 1, 1)
    assert reason_text(risk.reason).startswith("had 3 short-shipped lines in the 60 days before going quiet "
                                               "(1 cut, 1 lost sale, 1 waiting); ordered every 10 days")


def test_ranked_by_value_at_risk_then_by_how_far_past_the_rhythm():
    a = orders(A, *every(date(2026, 3, 1), 10, 4, "100"))  # last 31 Mar: 91 days, 9 missed: 900
    b = orders(B, *every(date(2026, 1, 1), 30, 3, "500"))  # last 2 Mar: 120 days, 4 missed: 2000
    risks = at_risk(ChurnFacts(AS_OF, (A, B), tuple(a + b), ()))
    assert [(r.customer.code, r.value_at_risk) for r in risks] == [("B", Decimal(2000)), ("A", Decimal(900))]
