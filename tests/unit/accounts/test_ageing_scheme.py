"""Ageing as the office chooses it: by the due date or the document's date, in bands whose ends it sets."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.accounts.ageing import Basis
from domain.accounts.ageing import Scheme
from domain.accounts.ageing import age
from domain.accounts.ageing import age_in
from domain.accounts.ageing import parse_basis
from domain.accounts.ageing import parse_bounds
from domain.kernel.errors import BadInput
from tests.unit.accounts.test_allocation_terms_ageing import credit
from tests.unit.accounts.test_allocation_terms_ageing import sale

D = Decimal
AS_OF = date(2026, 12, 31)


def ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


def test_the_standard_scheme_is_the_five_bands_by_due_date():
    items = [sale("A", "100", ago(130), ago(100)), sale("B", "50", ago(45), ago(15)), sale("C", "30", ago(5), ago(-25)),
             sale("D", "80", ago(100), ago(70)), credit("R", "40", ago(3))]
    standard = age(items, AS_OF)
    assert age_in(items, AS_OF, Scheme()) == (standard.current, standard.d1_30, standard.d31_60, standard.d61_90,
                                              standard.over_90) == (D(30), D(50), D(0), D(80), D(100))


def test_by_due_date_a_sale_not_yet_due_is_current_however_old_and_custom_bands_split_the_overdue():
    # sold 200 days ago on 190 days' terms: 10 days overdue; sold 400 days ago, due 40 days later: 360 days overdue
    items = [sale("A", "100", ago(200), ago(10)), sale("B", "70", ago(400), ago(360)),
             sale("C", "20", ago(300), ago(-5)), sale("D", "15", ago(150), ago(120))]
    scheme = Scheme(Basis.DUE, (30, 60, 90, 180))
    assert scheme.ranges() == [(None, None), (1, 30), (31, 60), (61, 90), (91, 180), (181, None)]
    assert age_in(items, AS_OF, scheme) == (D(20), D(100), D(0), D(0), D(15), D(70))


def test_by_document_date_the_same_items_age_from_the_day_they_were_made_due_or_not():
    items = [sale("A", "100", ago(200), ago(10)), sale("B", "70", ago(400), ago(360)),
             sale("C", "20", ago(300), ago(-5)), sale("D", "15", ago(150), ago(120)), sale("E", "9", AS_OF),
             sale("F", "3", ago(30)), credit("R", "500", ago(1))]
    scheme = Scheme(Basis.DATE, (30, 60, 90, 180))
    assert scheme.ranges() == [(0, 30), (31, 60), (61, 90), (91, 180), (181, None)]
    assert age_in(items, AS_OF, scheme) == (D(12), D(0), D(0), D(15), D(190))  # credit stays beside the bands


def test_bands_and_basis_are_read_as_typed_and_refused_in_words():
    assert parse_bounds("30/60/90/180") == (30, 60, 90, 180)
    assert parse_bounds(" 15, 45，120 ") == (15, 45, 120)
    assert parse_bounds("") == (30, 60, 90)
    assert parse_basis("invoice") == parse_basis("date") == Basis.DATE and parse_basis(None) == Basis.DUE
    for text, words in (("30/x", "not a list of days"), ("60/30", "does not rise"), ("30/30", "does not rise"),
                        ("0/30", "from 1 to 3650"), ("/".join(str(i) for i in range(1, 11)), "at most 8")):
        with pytest.raises(BadInput) as refused:
            parse_bounds(text)
        assert refused.value.field == "bands" and words in str(refused.value)
    with pytest.raises(BadInput) as refused:
        parse_basis("overdue")
    assert refused.value.field == "ageing basis" and "due" in str(refused.value)


def test_the_office_keeps_its_scheme_and_a_bad_one_stores_nothing():
    from domain.accounts.ageing_choice import SetAgeing
    from domain.accounts.ageing_choice import ageing_scheme
    from domain.accounts.ageing_choice import set_ageing
    from tests.fakes import FakeUnitOfWork

    uow = FakeUnitOfWork()
    assert ageing_scheme(uow) == Scheme()
    assert set_ageing(uow, SetAgeing("date", "30/60/90/180")) == Scheme(Basis.DATE, (30, 60, 90, 180))
    assert ageing_scheme(uow) == Scheme(Basis.DATE, (30, 60, 90, 180))
    with pytest.raises(BadInput):
        set_ageing(uow, SetAgeing("due", "90/60"))
    assert ageing_scheme(uow) == Scheme(Basis.DATE, (30, 60, 90, 180))
