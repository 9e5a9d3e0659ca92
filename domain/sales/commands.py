"""Sales commands: what a clerk asks for. Fields hold raw input; the use cases check it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime


@dataclass(frozen=True)
class CreateSalesOrder:
    customer: str
    warehouse: str
    requested_on: date | None = None
    reference: str = ""
    notes: str = ""
    created_at: datetime | None = None  # None: now; the year numbers the order


@dataclass(frozen=True)
class AddSalesOrderLine:
    """Add a product by SKU or barcode; ``price`` None (or blank) takes the customer's quote (``domain.sales.prices``),
    ``discount`` None the quote's; ``warehouse`` blank ships it from the order's warehouse."""

    so: str
    sku: str
    qty: object
    price: object = None
    discount: object = None
    warehouse: str = ""


@dataclass(frozen=True)
class ConfirmSalesOrder:
    """Confirm a draft and reserve its lines; ``override`` promises lines beyond what is available (the acting user
    is kept on each such line); ``credit_override`` confirms past the customer's credit limit (a manager's right,
    recorded on the order's notes)."""

    so: str
    override: bool = False
    confirmed_at: datetime | None = None
    credit_override: bool = False


@dataclass(frozen=True)
class ShipSalesOrder:
    """Ship (SKU, quantity) pairs against an order; no pairs ships every open quantity that is available."""

    so: str
    lines: tuple[tuple[str, object], ...] = ()
    occurred_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class CancelSalesOrder:
    so: str
    reason: str


@dataclass(frozen=True)
class CutSalesOrderLine:
    """Stop promising some (``qty``; None: all) of a line's open quantity: a backorder cancelled."""

    so: str
    sku: str
    reason: str
    qty: object = None


@dataclass(frozen=True)
class SaleLineInput:
    sku: str
    qty: object
    price: object = None
    discount: object = None


@dataclass(frozen=True)
class CounterSale:
    """A sale without an order (销售单): goods leave ``warehouse`` for ``customer`` at once."""

    customer: str
    warehouse: str
    lines: tuple[SaleLineInput, ...]
    occurred_at: datetime | None = None
    reference: str = ""
    note: str = ""
    paid: str = ""  # paid at once by this method (cash, wechat…): not on account, so no credit check; "" on account
    credit_override: bool = False  # a manager posts it on account past the customer's credit limit


@dataclass(frozen=True)
class ReturnFromCustomer:
    """Goods a customer brings back, for ``reason``: against a sale (``shipment``: its document number), against
    an order's sales (``order``), or free (``customer`` and ``warehouse``; ``price`` given or quoted)."""

    sku: str
    qty: object
    reason: str
    shipment: str = ""
    order: str = ""
    customer: str = ""
    warehouse: str = ""
    price: object = None
    discount: object = None
    occurred_at: datetime | None = None


@dataclass(frozen=True)
class ReturnSaleLine:
    sku: str
    qty: object


@dataclass(frozen=True)
class ReturnSaleLines:
    """Goods a customer brings back against one sale (``shipment``: its document number), several products in one
    return (销售退货单), as the return dialog types them beside the sale's lines."""

    shipment: str
    lines: tuple[ReturnSaleLine, ...]
    reason: str
    occurred_at: datetime | None = None
