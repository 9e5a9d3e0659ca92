"""Entities and value objects of the stock ledger.

Movements are immutable facts; their valuation (value, running balance) is derived and kept apart, in
``Valuation``. The master data they name (products, warehouses, partners) is the catalog's
(``domain.catalog.model``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.kernel.numbers import ZERO

_set = object.__setattr__  # (a frozen dataclass refuses its own __setattr__)


class MovementKind(enum.StrEnum):
    RECEIPT = "receipt"
    SHIPMENT = "shipment"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    ADJUSTMENT = "adjustment"
    COUNT = "count_adjustment"
    REVERSAL = "reversal"


@dataclass(frozen=True, init=False)
class Movement:
    """One immutable change of stock of a product in a warehouse.

    ``qty`` is signed (in > 0, out < 0). ``unit_cost`` is set on receipts (and on inbound
    adjustments that name a cost); ``transfer_id`` links the two legs of a transfer;
    ``reverses_id`` points a reversal at the movement it undoes. A receipt against a PO in a
    foreign currency keeps that currency, the PO's unit price in it and the exchange rate used
    (``fx_*``), while ``unit_cost`` is in the company currency (``domain.purchasing.exchange``).
    """

    id: str
    kind: MovementKind
    product_id: str
    warehouse_id: str
    qty: Decimal
    occurred_at: datetime
    recorded_at: datetime
    unit_cost: Decimal | None = None
    transfer_id: str | None = None
    reverses_id: str | None = None
    source_type: str = ""
    source_ref: str = ""
    note: str = ""
    user: str = ""
    device_id: str = ""
    fx_currency: str | None = None
    fx_unit_price: Decimal | None = None
    fx_rate: Decimal | None = None

    # Written out rather than generated: the generated __init__ of a frozen dataclass sets each of the 18
    # fields through object.__setattr__, a tenth of what posting a movement costs in a bulk load. The instance
    # is given its whole __dict__ at once: filling the one Python makes for it item by item costs a little
    # less to build, but an attribute read from that dict costs about four times one from a dict given
    # whole, and a posted movement is read some twenty times (its row, the checks). The parameters are the
    # fields in order with their defaults (tests/unit/stock/test_model_init.py checks it, for every class
    # written out so).
    def __init__(self, id, kind, product_id, warehouse_id, qty, occurred_at, recorded_at, unit_cost=None,
                 transfer_id=None, reverses_id=None, source_type="", source_ref="", note="", user="", device_id="",
                 fx_currency=None, fx_unit_price=None, fx_rate=None):
        _set(self, "__dict__", {
            "id": id, "kind": kind, "product_id": product_id, "warehouse_id": warehouse_id, "qty": qty,
            "occurred_at": occurred_at, "recorded_at": recorded_at, "unit_cost": unit_cost,
            "transfer_id": transfer_id, "reverses_id": reverses_id, "source_type": source_type,
            "source_ref": source_ref, "note": note, "user": user, "device_id": device_id,
            "fx_currency": fx_currency, "fx_unit_price": fx_unit_price, "fx_rate": fx_rate,
        })

    @property
    def key(self) -> tuple[datetime, str]:
        """Business-time order: occurred_at, then id."""
        return (self.occurred_at, self.id)


@dataclass(frozen=True, init=False)
class Position:
    """The valuation state of a product × warehouse after some movements.

    ``avg_cost`` is kept when ``on_hand`` is zero or negative, so that units issued while
    short leave at the last known cost.
    """

    on_hand: Decimal = ZERO
    value: Decimal = ZERO
    avg_cost: Decimal = ZERO

    # Written out (as Movement's): a bulk load makes a position, a valuation and a balance per movement.
    def __init__(self, on_hand=ZERO, value=ZERO, avg_cost=ZERO):
        _set(self, "__dict__", {"on_hand": on_hand, "value": value, "avg_cost": avg_cost})


@dataclass(frozen=True, init=False)
class Valuation:
    """The derived part of a movement: the value it moved and the position after it."""

    value: Decimal
    after: Position

    def __init__(self, value, after):  # written out, as Movement's
        _set(self, "__dict__", {"value": value, "after": after})


_EMPTY = Position()


@dataclass(frozen=True, init=False)
class Balance:
    """The cached position of a product × warehouse and the key of its latest movement."""

    product_id: str
    warehouse_id: str
    position: Position = _EMPTY
    last_key: tuple[datetime, str] | None = None
    reserved: Decimal = ZERO
    on_order: Decimal = ZERO

    def __init__(self, product_id, warehouse_id, position=_EMPTY, last_key=None, reserved=ZERO,
                 on_order=ZERO):  # written out, as Movement's: a bulk load makes one per movement
        _set(self, "__dict__", {"product_id": product_id, "warehouse_id": warehouse_id, "position": position,
                                "last_key": last_key, "reserved": reserved, "on_order": on_order})
