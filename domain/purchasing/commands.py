"""Purchasing commands: what a purchaser or clerk asks for. Fields hold raw input; use cases validate it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime


@dataclass(frozen=True)
class CreatePurchaseOrder:
    supplier: str
    warehouse: str
    expected_on: date | None = None
    terms: str = ""
    notes: str = ""


@dataclass(frozen=True)
class AddPurchaseOrderLine:
    """Add a line; ``price`` None takes the supplier terms (and price breaks) for the quantity."""

    po: str
    sku: str
    qty: object
    price: object = None
    reason: str = ""


@dataclass(frozen=True)
class ChangePurchaseOrderLine:
    """Change a line's quantity and/or price; on an issued PO this makes a revision."""

    po: str
    sku: str
    qty: object = None
    price: object = None
    reason: str = ""


@dataclass(frozen=True)
class RemovePurchaseOrderLine:
    po: str
    sku: str
    reason: str = ""


@dataclass(frozen=True)
class IssuePurchaseOrder:
    po: str
    issued_at: datetime | None = None


@dataclass(frozen=True)
class ReceivePurchaseOrder:
    """Receive ``lines`` (SKU, quantity) against a PO; no lines receives everything still open."""

    po: str
    lines: tuple[tuple[str, object], ...] = ()
    occurred_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class SetPurchaseOrderExpected:
    """The day the goods are expected, e.g. the day the supplier confirmed; None on a draft: set on issue."""

    po: str
    expected_on: date | None
    reason: str = ""


@dataclass(frozen=True)
class CancelPurchaseOrder:
    po: str
    reason: str


@dataclass(frozen=True)
class ClosePurchaseOrderShort:
    po: str
    reason: str = ""


@dataclass(frozen=True)
class SetSupplierProfile:
    """A supplier's payment terms and contact; ``payment_basis`` and ``payment_days`` None keep what is stored."""

    supplier: str
    payment_terms: str = ""
    email: str = ""
    phone: str = ""
    payment_basis: str | None = None  # net, month-end (月结) or cod
    payment_days: object = None  # whole days, 0 to 3650


@dataclass(frozen=True)
class SetTermDetails:
    """Pack size and price basis ("unit" or "pack") of a supplier's terms for a product."""

    supplier: str
    sku: str
    pack_size: object = "1"
    price_per: str = "unit"
    item_name: str = ""


@dataclass(frozen=True)
class SetPriceBreaks:
    """Replace the price breaks: (minimum quantity in stock units, price) pairs."""

    supplier: str
    sku: str
    breaks: tuple[tuple[object, object], ...] = ()


@dataclass(frozen=True)
class SetPreferredSupplier:
    sku: str
    supplier: str | None


@dataclass(frozen=True)
class SetPurchasingPolicy:
    """Change some purchasing settings; None leaves a setting as it is.

    ``confirm_currency_change``: the user was told what a new company currency does to the exchange
    rates and foreign-currency purchase orders already kept, and wants it anyway.
    """

    tax_rate: object = None
    over_receipt_tolerance: object = None
    company_name: str | None = None
    company_address: str | None = None
    company_logo: str | None = None
    currency: str | None = None
    confirm_currency_change: bool = False


@dataclass(frozen=True)
class SaveSupplier:
    """Add (``new``) or change a supplier together with its purchasing profile, in one transaction."""

    code: str
    name: str
    contact: str = ""
    currency: str = "CNY"
    lead_time_days: object = 7
    address: str = ""
    payment_terms: str = ""
    email: str = ""
    phone: str = ""
    new: bool = False
    payment_basis: str | None = None  # None: keep what is stored (net for a new supplier)
    payment_days: object = None
    # a new currency: what its term prices do (domain.catalog.supplier_currency): "convert" (at ``rate``, 1 new
    # in old; None or "current": the exchange rates of today) or "keep"; None: not chosen
    prices: str | None = None
    rate: object = None


@dataclass(frozen=True)
class SaveTerms:
    """Everything about how one supplier sells one product, saved in one transaction.

    ``breaks`` replaces the price breaks; ``preferred`` True makes this supplier the product's
    preferred one, False clears the preference only when this supplier held it.
    """

    supplier: str
    sku: str
    unit_price: object
    supplier_sku: str = ""
    item_name: str = ""
    moq: object = "0"
    order_multiple: object = "1"
    pack_size: object = "1"
    price_per: str = "unit"
    lead_time_days: object = None
    breaks: tuple[tuple[object, object], ...] = ()
    preferred: bool = False


@dataclass(frozen=True)
class SetExchangeRate:
    """1 ``currency`` = ``rate`` units of the company currency from ``valid_from`` on (None: today)."""

    currency: str
    rate: object
    valid_from: date | None = None


@dataclass(frozen=True)
class RemoveExchangeRate:
    currency: str
    valid_from: date


@dataclass(frozen=True)
class SetPurchaseOrderRate:
    """Fix the exchange rate on a foreign-currency PO (``rate`` None or blank: use the rate of each receipt's date)."""

    po: str
    rate: object = None
    reason: str = ""
