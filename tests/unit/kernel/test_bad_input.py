"""Bad input refused at the domain's edge: dates out of range, control and invisible characters, codes that
only look different (full-width, Unicode dashes, zero-width, another case), a SKU that is a barcode."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.stock import commands as c
from domain.stock import ledger
from tests import clock
from tests.fakes import FakeUnitOfWork

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("SD-6", "Screwdriver", barcodes=("6901234567892",)))
    catalog.add_warehouse(uow, cc.AddWarehouse("SH", "Shanghai"))
    return uow


@pytest.mark.parametrize("when", [datetime(9999, 12, 31, 23, 59, 59), datetime(1, 1, 1),
                                  datetime(1969, 12, 31, 23, 0, tzinfo=UTC), datetime(2300, 1, 1, tzinfo=UTC)])
def test_a_business_date_outside_the_window_is_refused_naming_the_field_and_the_window(when):
    with pytest.raises(BadInput, match=r"^date: .* outside the accepted dates; enter a date from 1970-01-01 to "):
        v.moment("date", when)


def test_the_window_runs_from_1970_to_a_year_after_today():
    today = clock.now().date()
    assert v.moment("date", datetime(1970, 1, 1, tzinfo=UTC)) == datetime(1970, 1, 1, tzinfo=UTC)
    assert v.day("date", limits.last_day(today)) == limits.last_day(today)
    assert limits.last_day(date(2026, 12, 7)) == date(2027, 12, 7)
    assert limits.last_day(date(2028, 2, 29)) == date(2029, 2, 28)
    assert limits.last_planned_day(date(2000, 2, 29)) == date(2100, 2, 28)


def test_a_business_date_more_than_a_year_ahead_is_refused_naming_the_date_and_the_window():
    """A desk's clock may run a little ahead, so a date after today is taken; 2099 (for 2029) is a slip."""
    today = clock.now().date()
    last = limits.last_day(today)
    after = last + timedelta(days=1)
    with pytest.raises(BadInput) as refused:
        v.day("date", after)
    assert str(refused.value) == (f"date: {after.isoformat()} is outside the accepted dates; enter a date from "
                                  f"1970-01-01 to {last.isoformat()}")
    assert refused.value.code == "outside_dates"
    with pytest.raises(BadInput, match=f"to {last.isoformat()}$"):
        v.moment("date", datetime(2099, 3, 1, 9, 0, tzinfo=UTC))
    assert v.day("date", today + timedelta(days=30)) == today + timedelta(days=30)


def test_a_date_planned_ahead_may_lie_years_on_but_not_a_century():
    today = clock.now().date()
    later = today.replace(year=today.year + 10, day=1)
    assert v.planned_day("due", later) == later
    with pytest.raises(BadInput, match=r"^due: .* outside the accepted dates; enter a date from 1970-01-01 to "):
        v.planned_day("due", date(9999, 1, 1))
    with pytest.raises(BadInput, match="^date: "):
        v.day("date", later)


def test_a_receipt_dated_2099_writes_nothing(uow):
    before = uow.snapshot()
    with pytest.raises(BadInput, match="^date: 2099-03-01 is outside the accepted dates"):
        ledger.receive(uow, c.ReceiveStock("SD-6", "1", "SH", "2", occurred_at=datetime(2099, 3, 1, 9, 0)))
    assert uow.snapshot() == before


def test_a_receipt_dated_in_the_year_9999_writes_nothing(uow):
    before = uow.snapshot()
    with pytest.raises(BadInput, match="date"):
        ledger.receive(uow, c.ReceiveStock("SD-6", "1", "SH", "2", occurred_at=datetime(9999, 12, 31)))
    assert uow.snapshot() == before


@pytest.mark.parametrize("bad", ["a\x1b[31mred", "bell\x07", "tab\there", "line\nbreak", "\x9bcsi", "rtl\u202efdp.exe",
                                 "iso\u2066late"])
def test_control_characters_and_direction_overrides_are_refused_in_text(bad):
    with pytest.raises(BadInput, match="^name: contains"):
        v.text("name", bad)


@pytest.mark.parametrize("bad", ["zero\u200bwidth", "soft\u00adhyphen", "bom\ufeff!", "joiner\u2060x"])
def test_invisible_characters_are_refused_in_free_text(bad):
    with pytest.raises(BadInput, match="invisible character"):
        v.text("name", bad)


def test_a_field_typed_in_several_lines_keeps_its_line_breaks_but_not_escapes():
    assert v.text("address", "1 Road\r\nShanghai") == "1 Road\nShanghai"
    with pytest.raises(BadInput, match="address"):
        v.text("address", "1 Road\x1b[2J")


@pytest.mark.parametrize("typed", ["ＳＤ－６", "SD\u20106", "SD\u20136", "SD-6\u200b", "\ufeffSD-6", "S\u00adD-6"])
def test_codes_are_normalised_to_one_written_form(typed):
    assert v.code("SKU", typed) == "SD-6"


def test_codes_compare_without_regard_to_ascii_case():
    assert v.code_key("sd-6") == v.code_key("ＳＤ-6") == v.code_key("SD\u20106") == "sd-6"
    assert v.code("SKU", "sd-6") == "sd-6"  # kept as typed


def test_a_code_with_a_control_character_is_refused():
    with pytest.raises(BadInput, match="SKU: contains a control character"):
        v.code("SKU", "SD\x1b6")


@pytest.mark.parametrize("twin", ["sd-6", "ＳＤ-6", "SD\u20106", "SD-6\u200b"])
def test_a_sku_that_only_looks_different_is_the_same_product(uow, twin):
    with pytest.raises(Duplicate, match="already used"):
        catalog.add_product(uow, cc.AddProduct(twin, "Copy"))
    with uow:
        assert ledger.find_product(uow, twin).sku == "SD-6"


def test_a_barcode_is_found_in_another_case(uow):
    catalog.add_product(uow, cc.AddProduct("B-1", "Bolt", barcodes=("ABC-1",)))
    with uow:
        assert ledger.find_product(uow, "abc-1").sku == "B-1"


def test_a_sku_that_is_another_products_barcode_is_refused(uow):
    before = uow.snapshot()
    with pytest.raises(Duplicate, match="barcode of product SD-6"):
        catalog.add_product(uow, cc.AddProduct("6901234567892", "Impostor"))
    assert uow.snapshot() == before


def test_a_barcode_that_is_another_products_sku_in_another_case_is_refused(uow):
    with pytest.raises(Duplicate, match="already used by product SD-6"):
        catalog.add_product(uow, cc.AddProduct("X-1", "Other", barcodes=("sd-6",)))


def test_a_warehouse_code_in_another_case_is_taken(uow):
    with pytest.raises(Duplicate):
        catalog.add_warehouse(uow, cc.AddWarehouse("sh", "Again"))
