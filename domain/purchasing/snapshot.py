"""The frozen copy of a purchase order as the supplier sees it.

A snapshot is made when a PO is issued and again at each revision, in the same transaction,
and stored with the PO as JSON (Decimals as strings, so nothing is lost). The PDF is always
rendered from a snapshot, never from live master data: renaming a supplier or moving a
warehouse later does not change a PO that was already sent.

A PO in a foreign currency also freezes the exchange rate in force at that revision (the rate
fixed on the PO, or the rate of the revision's date; ``domain.purchasing.exchange``) with its source, so
the printed copy says which rate the company read it at. Snapshots made before rates existed
read back with no rate.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import fields
from datetime import date
from decimal import Decimal

from domain.catalog.model import PackUnit
from domain.catalog.model import Supplier
from domain.catalog.model import Warehouse
from domain.catalog.packaging import in_packs
from domain.catalog.packs import packs
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.purchasing.exchange import AppliedRate
from domain.purchasing.model import PurchaseOrder
from domain.purchasing.model import supplier_notes

DRAFT_NUMBER = "DRAFT"


@dataclass(frozen=True)
class Party:
    name: str
    address: str = ""
    code: str = ""
    contact: str = ""
    payment_terms: str = ""


@dataclass(frozen=True)
class SnapshotLine:
    line_no: int
    sku: str
    supplier_sku: str
    description: str
    qty: Decimal
    unit: str
    pack_size: Decimal
    packs: Decimal
    price: Decimal
    price_per: str
    amount: Decimal
    # the quantity in a packaging unit of the product (``10 箱``) where it is a whole number of one and the supplier
    # sells by the piece (domain.catalog.packaging.in_packs); '' otherwise, and in snapshots frozen before packs
    in_packs: str = ""


@dataclass(frozen=True)
class PoSnapshot:
    number: str
    revision: int
    issued_on: str
    expected_on: str
    currency: str
    company: Party
    supplier: Party
    deliver_to: Party
    lines: tuple[SnapshotLine, ...]
    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    terms: str = ""
    notes: str = ""
    company_currency: str = ""
    rate: Decimal | None = None  # units of company_currency per 1 currency; None: same currency or none known
    rate_source: str = ""  # domain.purchasing.exchange.FIXED or DATED
    rate_date: str = ""  # the rate's date (DATED) as ISO text

    @property
    def applied_rate(self) -> AppliedRate | None:
        if self.rate is None:
            return None
        day = date.fromisoformat(self.rate_date) if self.rate_date else None
        return AppliedRate(self.currency, self.company_currency, self.rate, self.rate_source, day)

    @property
    def rate_missing(self) -> bool:
        """A foreign-currency PO for which no rate was known when this revision was made."""
        return bool(self.company_currency) and self.company_currency != self.currency and self.rate is None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, default=str, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> PoSnapshot:
        data = json.loads(text)
        lines = tuple(SnapshotLine(**_decimals(SnapshotLine, line)) for line in data.pop("lines"))
        parties = {k: Party(**data.pop(k)) for k in ("company", "supplier", "deliver_to")}
        return cls(lines=lines, **parties, **_decimals(cls, data))


def _in_packs(qty: Decimal, pack_size: Decimal, units: list[PackUnit]) -> str:
    found = in_packs(qty, units) if pack_size == 1 else None  # a supplier's pack is said as its packs already
    return f"{fmt(found[0])} {found[1].name}" if found else ""


def _decimals(cls: type, data: dict) -> dict:
    kinds = {f.name: f.type for f in fields(cls)}
    return {k: D(v) if kinds.get(k) in ("Decimal", "Decimal | None") and v is not None else v
            for k, v in data.items()}


def freeze(
    po: PurchaseOrder, supplier: Supplier, warehouse: Warehouse, *, company: Party, payment_terms: str = "",
    places: int = 2, company_currency: str = "", rate: AppliedRate | None = None,
    pack_units: dict[str, list[PackUnit]] | None = None,
) -> PoSnapshot:
    """What the supplier sees of ``po`` now, with every amount computed once, in Decimal.

    Args:
        po: the order (its number, dates and lines as they stand).
        supplier: the supplier record, for name, address and contact.
        warehouse: the delivery warehouse, for its address.
        company: our name and address, from the settings.
        payment_terms: the supplier's payment terms.
        places: decimals of the currency.
        company_currency: the currency stock is valued in.
        rate: the exchange rate in force for this revision (None: same currency, or none known).
        pack_units: each product's packaging units by product id, to say a quantity in them too.
    """
    lines = tuple(
        SnapshotLine(
            line_no=line.line_no, sku=line.sku, supplier_sku=line.supplier_sku, description=line.description,
            qty=line.qty, unit=line.unit, pack_size=line.pack_size, packs=packs(line.qty, line.pack_size),
            price=line.price, price_per=line.price_per.value, amount=line.amount(places),
            in_packs=_in_packs(line.qty, line.pack_size, (pack_units or {}).get(line.product_id, [])),
        )
        for line in sorted(po.lines, key=lambda x: x.line_no)
    )
    subtotal = sum((x.amount for x in lines), Decimal(0))
    return PoSnapshot(
        number=po.number or DRAFT_NUMBER, revision=po.revision,
        issued_on=po.issued_at.date().isoformat() if po.issued_at else "",
        expected_on=po.expected_on.isoformat() if po.expected_on else "", currency=po.currency, company=company,
        supplier=Party(supplier.name, supplier.address, supplier.code, supplier.contact, payment_terms),
        deliver_to=Party(warehouse.name, warehouse.address, warehouse.code),
        lines=lines, subtotal=subtotal, tax_rate=po.tax_rate, tax=po.tax(places), total=subtotal + po.tax(places),
        terms=po.terms, notes=supplier_notes(po.notes), company_currency=company_currency,
        rate=rate.rate if rate else None, rate_source=rate.source if rate else "",
        rate_date=rate.valid_from.isoformat() if rate and rate.valid_from else "",
    )
