"""Balances aged by the office's scheme on a real SQLite file: by the due date or the document's date, in bands it
sets; the database's sums are the domain's over the same open items, today and as of a past day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.accounts.ageing import Basis
from domain.accounts.ageing import Scheme
from domain.accounts.ageing_choice import SetAgeing
from domain.accounts.ageing_choice import ageing_scheme
from domain.accounts.ageing_choice import set_ageing
from persistence.accounts import queries

D = Decimal
AS_OF = date(2026, 12, 31)


@pytest.fixture
def ledger(shop):
    """ACME on 60 days' terms: sales 200, 100, 45 and 10 days before the last day of 2026, a receipt 20 days before
    it that settles the oldest in part (allocated after the past as-of day below); BETA with only credit."""
    shop.set_terms("net", 60)
    for days, qty in ((200, "10"), (100, "5"), (45, "3"), (10, "1")):
        shop.sell(qty, on=date.fromordinal(AS_OF.toordinal() - days))
    shop.receipt("500", on=date(2026, 12, 11))
    shop.receipt("70", on=date(2026, 6, 1), customer="BETA")
    return shop


def by_domain(engine, scheme: Scheme, as_of: date) -> dict[str, tuple[Decimal, ...]]:
    sums: dict[str, list[Decimal]] = {}
    for r in queries.open_items(engine, "AR", as_of=as_of):
        bands = sums.setdefault(r.code, [D(0)] * len(scheme.ranges()))
        if r.amount > 0:
            bands[scheme.index(r.due_on, r.business_date, as_of)] += r.open
    return {code: tuple(v) for code, v in sums.items()}


@pytest.mark.parametrize("scheme", [Scheme(), Scheme(Basis.DUE, (30, 60, 90, 180)), Scheme(Basis.DATE, (30, 60, 90)),
                                    Scheme(Basis.DATE, (15, 45, 120, 180))])
@pytest.mark.parametrize("as_of", [AS_OF, date(2026, 11, 30)])
def test_the_bands_in_the_database_are_the_domains_for_either_basis_and_any_bands(ledger, scheme, as_of):
    engine = ledger.db.engine
    rows = queries.balances(engine, "AR", as_of=as_of, scheme=scheme)
    expected = by_domain(engine, scheme, as_of)
    assert {r.code: r.bands for r in rows if r.code in expected} == expected
    for r in rows:
        assert sum(r.bands, D(0)) - r.credit == r.balance  # the bands and the credit make the balance
    total = queries.ageing(engine, "AR", as_of, scheme)
    assert total.bands == tuple(sum(b, D(0)) for b in zip(*(r.bands for r in rows), strict=True))


def test_by_document_date_an_old_sale_not_yet_due_is_old_and_by_due_date_it_is_current(ledger):
    engine = ledger.db.engine
    [due] = [r.bands for r in queries.balances(engine, "AR", as_of=AS_OF) if r.code == "ACME"]
    [made] = [r.bands for r in queries.balances(engine, "AR", as_of=AS_OF, scheme=Scheme(Basis.DATE, (30, 60, 90)))
              if r.code == "ACME"]
    # 60 days' terms at 113.00 a screw: the sale 45 days old (339.00) is not due; the one 100 days old (565.00) is
    # 40 days overdue; the one 200 days old (1,130.00 less 500.00 received) is 140 days overdue
    assert due == (D("452"), D(0), D("565"), D(0), D("630"))
    assert made == (D("113"), D("339"), D(0), D("1195"))


def test_the_office_scheme_is_kept_in_its_settings(ledger):
    assert ageing_scheme(ledger.uow()) == Scheme()
    set_ageing(ledger.uow(), SetAgeing("date", "30/60/90/180"))
    assert ageing_scheme(ledger.uow()) == Scheme(Basis.DATE, (30, 60, 90, 180))
    with ledger.db.engine.connect() as conn:
        from persistence import office

        assert office.read(conn, (office.AGEING_BASIS, office.AGEING_BANDS)) == {
            office.AGEING_BASIS: "date", office.AGEING_BANDS: "30/60/90/180"}
