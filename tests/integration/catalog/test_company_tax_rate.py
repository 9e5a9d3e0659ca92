"""A new company states its tax rate when it is set up: it is added to every purchase order, and a small-scale
taxpayer's (3 %) is not the default 13 % every new company got without being asked."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog.company import SetUpCompany
from domain.catalog.company import set_up_company
from domain.kernel.errors import BadInput
from domain.purchasing import terms as purchasing_terms


def test_the_tax_rate_given_is_kept_and_none_keeps_the_default(db, tmp_path):
    set_up_company(db.uow(), SetUpCompany("杭州明达五金", "", "CNY", "HZ", "杭州仓", "3"))
    assert purchasing_terms.current_policy(db.uow()).tax_rate == Decimal(3)

    from persistence.db import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        set_up_company(other.uow(), SetUpCompany("Shop", "", "CNY", "SH", "Main"))
        assert purchasing_terms.current_policy(other.uow()).tax_rate == Decimal(13)
    finally:
        other.close()


@pytest.mark.parametrize("rate", ["101", "-1", "十三", "13%"])
def test_a_tax_rate_out_of_range_or_not_a_number_is_refused_and_nothing_is_written(db, rate):
    with pytest.raises(BadInput) as refused:
        set_up_company(db.uow(), SetUpCompany("Shop", "", "CNY", "SH", "Main", rate))
    assert refused.value.field == "tax rate"
    with db.uow() as uow:
        assert uow.warehouses.by_code("SH") is None
