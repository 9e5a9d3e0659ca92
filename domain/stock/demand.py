"""Unfilled demand: a lost sale the clerk records so that forecasting counts it as demand.

A customer asked for a quantity that could not be shipped (the shelf was empty or too short). Nothing
moves in the ledger, so shipments alone would read the day as less demand than there was — or, when
the product was out of stock, as no information at all. ``record_unfilled_demand`` keeps such a
request as an immutable record (never updated, like a movement); planning adds it to the day's
shipped quantity and counts the day as observed (``domain.planning.run.weekly_matrix``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from typing import Protocol

from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.ids import new_id
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.stock.ledger import find_product
from domain.stock.ledger import find_warehouse

# How far ahead of the clock a recorded time may be (two desktops' clocks are rarely exact).
CLOCK_SLACK = timedelta(minutes=5)
CUSTOMER_CODE_LENGTH = 32


@dataclass(frozen=True)
class RecordUnfilledDemand:
    """``qty`` of ``sku`` asked for at ``warehouse`` and not shipped; ``occurred_at`` None means now."""

    sku: str
    qty: object
    warehouse: str
    customer: str = ""
    occurred_at: datetime | None = None
    ref: str = ""
    note: str = ""


@dataclass(frozen=True)
class UnfilledDemand:
    """One recorded lost sale (immutable)."""

    id: str
    product_id: str
    warehouse_id: str
    qty: Decimal
    occurred_at: datetime
    recorded_at: datetime
    customer: str = ""
    source_ref: str = ""
    note: str = ""
    user: str = ""
    device_id: str = ""


class UnfilledDemandRepository(Protocol):
    def add(self, record: UnfilledDemand) -> None: ...


class DemandUnitOfWork(UnitOfWork, Protocol):
    unfilled_demand: UnfilledDemandRepository


def record_unfilled_demand(uow: DemandUnitOfWork, c: RecordUnfilledDemand) -> UnfilledDemand:
    """Record a lost sale in one transaction.

    Raises:
        BadInput: the quantity is not a number greater than 0, the time lies in the future, or a field
            is too long.
        NotFound: no product has the SKU or barcode, no warehouse or customer has the code.
    """
    qty = v.quantity("quantity", c.qty)
    at = v.moment("date", c.occurred_at)
    now = clock.now()
    if at > now + CLOCK_SLACK:
        raise BadInput("date", f"{at.isoformat(timespec='minutes')} is in the future; give the time the customer "
                               "asked, now or earlier",
                       code="moment_in_future", values=(at.isoformat(timespec='minutes'),))
    customer = v.text("customer", c.customer, required=False, max_len=CUSTOMER_CODE_LENGTH)
    ref = v.text("reference", c.ref, required=False, max_len=limits.REFERENCE)
    note = v.text("note", c.note, required=False, max_len=500)
    with uow:
        product = find_product(uow, c.sku)
        whole_quantity("quantity", product, qty)
        warehouse = find_warehouse(uow, c.warehouse)
        if customer and uow.customers.by_code(customer) is None:
            raise refusal(NotFound, "unknown_customer_walk_in", code=customer)
        record = UnfilledDemand(
            id=new_id(), product_id=product.id, warehouse_id=warehouse.id, qty=qty, occurred_at=at, recorded_at=now,
            customer=customer, source_ref=ref, note=note, user=uow.user, device_id=uow.device_id,
        )
        uow.unfilled_demand.add(record)
        uow.commit()
    return record
