"""Supplier details a purchase order needs: payment terms, packs and price basis, price breaks,
the preferred supplier of a product; and the purchasing settings. Each function is one transaction."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.terms import basis_value
from domain.accounts.terms import days_value
from domain.catalog import commands as cmd
from domain.catalog import master as catalog
from domain.catalog.model import Product
from domain.catalog.model import Supplier
from domain.catalog.packs import PriceBreak
from domain.catalog.units import whole_quantity
from domain.kernel import validate as v
from domain.kernel.currencies import iso_currency
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.purchasing import commands as pc
from domain.purchasing.model import PricePer
from domain.purchasing.model import PurchasingPolicy
from domain.purchasing.model import SupplierProfile
from domain.purchasing.model import TermDetails
from domain.stock import ledger


def _supplier(uow: UnitOfWork, code: str) -> Supplier:
    code = v.code("supplier code", code)
    supplier = uow.suppliers.by_code(code)
    if supplier is None:
        raise refusal(NotFound, "unknown_supplier_code", code=code)
    return supplier


def _basis_and_days(c) -> tuple[str | None, int | None]:
    """The command's payment basis and days, checked (None: keep what is stored)."""
    basis = None if c.payment_basis is None else basis_value(c.payment_basis)
    days = None if c.payment_days is None or str(c.payment_days).strip() == "" else \
        days_value(c.payment_days)
    return basis, days


def _profile(uow: UnitOfWork, supplier_id: str, c, basis: str | None, days: int | None) -> SupplierProfile:
    before = uow.purchasing.profile(supplier_id) or SupplierProfile(supplier_id)
    return SupplierProfile(
        supplier_id, v.text("payment terms", c.payment_terms, required=False, max_len=500),
        v.text("email", c.email, required=False), v.text("phone", c.phone, required=False, max_len=64),
        before.payment_basis if basis is None else basis, before.payment_days if days is None else days)


def set_supplier_profile(uow: UnitOfWork, c: pc.SetSupplierProfile) -> SupplierProfile:
    """Set a supplier's payment terms (the text, and the basis and days its payables fall due by) and contact."""
    basis, days = _basis_and_days(c)
    with uow:
        require(uow, Permission.MASTER_DATA)
        profile = _profile(uow, _supplier(uow, c.supplier).id, c, basis, days)
        uow.purchasing.set_profile(profile)
        uow.commit()
    return profile


def save_supplier(uow: UnitOfWork, c: pc.SaveSupplier) -> Supplier:
    """Add or update a supplier and its payment terms, email and phone; all or nothing."""
    fields = dict(code=c.code, name=c.name, contact=c.contact, currency=c.currency,
                  lead_time_days=c.lead_time_days, address=c.address)
    change = dict(prices=c.prices, rate=c.rate)
    basis, days = _basis_and_days(c)
    with uow:
        require(uow, Permission.MASTER_DATA)
        if c.new:
            supplier = catalog.add_supplier_within(uow, cmd.AddSupplier(**fields))
        else:
            supplier = catalog.update_supplier_within(uow, cmd.UpdateSupplier(**fields, **change))
        uow.purchasing.set_profile(_profile(uow, supplier.id, c, basis, days))
        uow.commit()
    return supplier


def _whole_packs(product: Product, pack: Decimal | None, breaks: list[PriceBreak]) -> None:
    """A product counted in whole units comes in packs of whole units and breaks at whole quantities."""
    whole_quantity("pack size", product, pack)
    for b in breaks:
        whole_quantity("break quantity", product, b.min_qty)


def save_terms(uow: UnitOfWork, c: pc.SaveTerms) -> TermDetails:
    """Price, MOQ, multiple, lead time, pack and price basis, price breaks and preference; all or nothing."""
    pack = v.quantity("pack size", c.pack_size or "1")
    try:
        per = PricePer(str(c.price_per).strip().lower())
    except ValueError:
        raise BadInput("price per", f"{c.price_per!r} is not accepted; enter 'unit' or 'pack'",
                       code="not_price_per", values=(repr(c.price_per),)) from None
    breaks = [PriceBreak(v.quantity("break quantity", q), v.money("break price", p)) for q, p in c.breaks]
    if len({b.min_qty for b in breaks}) != len(breaks):
        raise BadInput("break quantity", "the same quantity is listed twice; give each break its own quantity",
                       code="break_listed_twice")
    with uow:
        require(uow, Permission.SUPPLIER_TERMS)
        terms = catalog.set_supplier_terms_within(uow, cmd.SetSupplierTerms(
            c.supplier, c.sku, c.unit_price, c.supplier_sku, c.moq, c.order_multiple, c.lead_time_days))
        _whole_packs(uow.products.get(terms.product_id), pack, breaks)
        details = TermDetails(terms.supplier_id, terms.product_id,
                              v.text("supplier item name", c.item_name, required=False), pack, per)
        uow.purchasing.set_term_details(details)
        uow.purchasing.set_price_breaks(terms.supplier_id, terms.product_id, sorted(breaks, key=lambda b: b.min_qty))
        if c.preferred:
            uow.purchasing.set_preferred_supplier(terms.product_id, terms.supplier_id)
        elif uow.purchasing.preferred_supplier(terms.product_id) == terms.supplier_id:
            uow.purchasing.set_preferred_supplier(terms.product_id, None)
        uow.commit()
    return details


def set_term_details(uow: UnitOfWork, c: pc.SetTermDetails) -> TermDetails:
    pack = v.quantity("pack size", c.pack_size)
    try:
        per = PricePer(str(c.price_per).strip().lower())
    except ValueError:
        raise BadInput("price per", f"{c.price_per!r} is not accepted; enter 'unit' or 'pack'",
                       code="not_price_per", values=(repr(c.price_per),)) from None
    with uow:
        require(uow, Permission.SUPPLIER_TERMS)
        supplier = _supplier(uow, c.supplier)
        product = ledger.find_product(uow, c.sku)
        _whole_packs(product, pack, [])
        details = TermDetails(supplier.id, product.id, v.text("supplier item name", c.item_name, required=False),
                              pack, per)
        uow.purchasing.set_term_details(details)
        uow.commit()
    return details


def set_price_breaks(uow: UnitOfWork, c: pc.SetPriceBreaks) -> list[PriceBreak]:
    breaks = [PriceBreak(v.quantity("break quantity", q), v.money("break price", p)) for q, p in c.breaks]
    if len({b.min_qty for b in breaks}) != len(breaks):
        raise BadInput("break quantity", "the same quantity is listed twice; give each break its own quantity",
                       code="break_listed_twice")
    with uow:
        require(uow, Permission.SUPPLIER_TERMS)
        supplier = _supplier(uow, c.supplier)
        product = ledger.find_product(uow, c.sku)
        _whole_packs(product, None, breaks)
        uow.purchasing.set_price_breaks(supplier.id, product.id, sorted(breaks, key=lambda b: b.min_qty))
        uow.commit()
    return breaks


def set_preferred_supplier(uow: UnitOfWork, c: pc.SetPreferredSupplier) -> None:
    """Make ``c.supplier`` the product's preferred supplier (None clears it)."""
    with uow:
        require(uow, Permission.SUPPLIER_TERMS)
        product = ledger.find_product(uow, c.sku)
        supplier_id = _supplier(uow, c.supplier).id if c.supplier else None
        uow.purchasing.set_preferred_supplier(product.id, supplier_id)
        uow.commit()


class CurrencyChangeNeedsConfirmation(RuleViolation):
    """A new company currency while exchange rates or foreign-currency purchase orders exist, not confirmed.

    The rates say how many units of the company currency one unit of a foreign currency is worth, so
    after the change they are read in the new currency, and receipts of foreign-currency POs are
    valued through them. Nothing was changed; the facts are kept for a screen to say them in its language.

    Attributes:
        old: the company currency now.
        new: the currency asked for.
        rates: how many exchange rates are kept.
        foreign_pos: how many purchase orders are in a currency other than ``old``.
    """

    def __init__(self, old: str, new: str, rates: int, foreign_pos: int) -> None:
        self.old, self.new, self.rates, self.foreign_pos = old, new, rates, foreign_pos
        super().__init__(
            f"currency: changing the company currency from {old} to {new} needs confirming: {rates} exchange "
            f"rate(s) are stated in {old} per unit of a foreign currency and would be read in {new} from now on, "
            f"and {foreign_pos} purchase order(s) in a foreign currency are valued through them; nothing was "
            f"changed", code="currency_change_needs_confirmation",
            params={"old": old, "new": new, "rates": rates, "foreign_pos": foreign_pos})


def set_policy(uow: UnitOfWork, c: pc.SetPurchasingPolicy) -> PurchasingPolicy:
    """Store the tax rate, over-receipt tolerance and company block that new POs use.

    Issued POs keep what they were issued with (it is in their snapshot).

    Raises:
        BadInput: a field is not accepted.
        CurrencyChangeNeedsConfirmation: a new company currency while exchange rates or foreign-currency
            POs exist, without ``c.confirm_currency_change``; nothing was changed.
    """
    with uow:
        require(uow, Permission.SETTINGS)
        policy = uow.purchasing.policy()
        changes: dict[str, object] = {}
        if c.tax_rate not in (None, ""):
            changes["tax_rate"] = percent("tax rate", c.tax_rate, 100)
        if c.over_receipt_tolerance not in (None, ""):
            changes["over_receipt_tolerance"] = percent("over-receipt tolerance", c.over_receipt_tolerance, 1000)
        if c.company_name is not None:
            changes["company_name"] = v.text("company name", c.company_name)
        if c.company_address is not None:
            changes["company_address"] = v.text("company address", c.company_address, required=False, max_len=500)
        if c.company_logo is not None:
            changes["company_logo"] = v.text("company logo", c.company_logo, required=False, max_len=500)
        if c.currency is not None:
            changes["currency"] = iso_currency(c.currency)
            if changes["currency"] != policy.currency and not c.confirm_currency_change:
                rates = len(uow.rates.all())
                foreign = sum(n for code, n in uow.purchasing.po_currencies().items() if code != policy.currency)
                if rates or foreign:
                    raise CurrencyChangeNeedsConfirmation(policy.currency, str(changes["currency"]), rates, foreign)
        policy = replace(policy, **changes)
        uow.purchasing.set_policy(policy)
        uow.commit()
    return policy


def percent(field: str, value: object, most: int) -> Decimal:
    """A percentage from 0 to ``most`` with at most 4 decimals (the tax rate, the over-receipt tolerance)."""
    result = v.number(field, value, max_places=4)
    if result < 0 or result > most:
        raise BadInput(field, f"{value} is out of range; enter a percentage from 0 to {most}, such as 13 or 2.5",
                       code="percent_out_of_range", values=(value, most))
    return result


def current_policy(uow: UnitOfWork) -> PurchasingPolicy:
    """Read-only: the purchasing settings in force."""
    with uow:
        return uow.purchasing.policy()
