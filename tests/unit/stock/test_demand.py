"""Recording unfilled demand (a lost sale): validated, one transaction, nothing written when refused."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.stock.demand import RecordUnfilledDemand
from domain.stock.demand import record_unfilled_demand
from tests import clock
from tests.fakes import FakeUnitOfWork

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


class _Pending:
    def __init__(self) -> None:
        self.rows: list = []

    def add(self, record) -> None:
        self.rows.append(record)


class DemandUnitOfWork(FakeUnitOfWork):
    """The fake unit of work with an unfilled-demand repository that keeps only committed records."""

    def __init__(self) -> None:
        super().__init__()
        self.recorded: list = []

    def __enter__(self) -> DemandUnitOfWork:
        super().__enter__()
        self.unfilled_demand = _Pending()
        return self

    def commit(self) -> None:
        super().commit()
        self.recorded += self.unfilled_demand.rows
        self.unfilled_demand.rows = []


@pytest.fixture
def uow() -> DemandUnitOfWork:
    uow = DemandUnitOfWork()
    catalog.add_product(uow, c.AddProduct("A-1", "苹果 Apple", barcodes=("6901234567892",), unit="kg"))
    catalog.add_warehouse(uow, c.AddWarehouse("W1", "Main"))
    catalog.add_customer(uow, c.AddCustomer("C-9", "Wang Trading"))
    return uow


def test_a_lost_sale_is_recorded_with_product_warehouse_customer_time_and_who_recorded_it(uow):
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    record = record_unfilled_demand(uow, RecordUnfilledDemand("6901234567892", "2.5", "W1", "C-9", at, "SO-7"))
    [stored] = uow.recorded
    assert stored is record
    with uow:
        assert record.product_id == uow.products.by_sku("A-1").id
        assert record.warehouse_id == uow.warehouses.by_code("W1").id
    assert (record.qty, record.occurred_at, record.customer, record.source_ref) == (Decimal("2.5"), at, "C-9", "SO-7")
    assert (record.user, record.device_id) == ("tester", "test-device")
    assert record.recorded_at >= at


def test_without_a_time_the_demand_is_recorded_now():
    uow = DemandUnitOfWork()
    catalog.add_product(uow, c.AddProduct("A-1", "Apple"))
    catalog.add_warehouse(uow, c.AddWarehouse("W1", "Main"))
    before = clock.now()
    record = record_unfilled_demand(uow, RecordUnfilledDemand("A-1", 3, "W1"))
    assert before <= record.occurred_at <= clock.now() and record.customer == ""


@pytest.mark.parametrize(
    ("command", "error", "words"),
    [
        (RecordUnfilledDemand("A-1", "0", "W1"), BadInput, "quantity"),
        (RecordUnfilledDemand("A-1", "-2", "W1"), BadInput, "greater than 0"),
        (RecordUnfilledDemand("A-1", "two", "W1"), BadInput, "not a number"),
        (RecordUnfilledDemand("NOPE", "2", "W1"), NotFound, "SKU 'NOPE'"),
        (RecordUnfilledDemand("A-1", "2", "W9"), NotFound, "warehouse 'W9'"),
        (RecordUnfilledDemand("A-1", "2", "W1", customer="C-0"), NotFound, "customer 'C-0'"),
        (RecordUnfilledDemand("A-1", "2", "W1", customer="C" * 33), BadInput, "customer"),
        (RecordUnfilledDemand("A-1", "2", "W1", occurred_at=clock.MIDDAY + timedelta(days=1)), BadInput,
         "in the future"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_recorded(uow, command, error, words):
    with pytest.raises(error, match=words):
        record_unfilled_demand(uow, command)
    assert uow.recorded == []
